import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Remove on the Volumes and Networks details: enabled only when nothing stops it, and
// when disabled it says why, naming the container or the built-in network.
Item {
    id: root
    width: 400
    height: 600

    TestCase {
        name: "RemoveReasons"
        when: windowShown

        Component { id: volumeDetails; VolumeDetails { width: 360; height: 560 } }
        Component { id: networkDetails; NetworkDetails { width: 360; height: 560 } }

        function volume(usedBy) {
            return { name: "app-data", driver: "local", mountpoint: "/var/lib/berth/volumes/app-data/_data",
                     created: "", labelsText: "", usedBy: usedBy, inUse: usedBy.length > 0 }
        }
        function network(name, usedBy) {
            return { networkId: "0123456789abcdef", shortId: "0123456789ab", name: name, driver: "bridge",
                     subnet: "172.30.0.0/16", gateway: "172.30.0.1", internal: false,
                     predefined: name === "bridge" || name === "host" || name === "none",
                     usedBy: usedBy, inUse: usedBy.length > 0 }
        }

        function test_unusedVolumeCanBeRemoved() {
            const view = createTemporaryObject(volumeDetails, root, { volume: volume([]) })
            compare(findChild(view, "volumeDetails-remove").enabled, true)
            compare(findChild(view, "volumeDetails-removeReason").visible, false)
            compare(findChild(view, "volumeDetails-usedBy").text, "No container")
        }

        function test_volumeInUseNamesTheContainer() {
            const view = createTemporaryObject(volumeDetails, root, { volume: volume(["web"]) })
            const remove = findChild(view, "volumeDetails-remove")
            const reason = findChild(view, "volumeDetails-removeReason")
            compare(remove.enabled, false)
            compare(reason.visible, true)
            compare(reason.text, "In use by web. Remove that container first.")
            compare(remove.Accessible.description, reason.text)
        }

        function test_volumeUsedByManySaysHowMany() {
            const view = createTemporaryObject(volumeDetails, root, { volume: volume(["web", "db", "cache"]) })
            compare(findChild(view, "volumeDetails-remove").enabled, false)
            compare(findChild(view, "volumeDetails-removeReason").text,
                    "In use by web and 2 more. Remove those containers first.")
        }

        function test_builtInNetworksCannotBeRemoved() {
            for (const name of ["bridge", "host", "none"]) {
                const view = createTemporaryObject(networkDetails, root, { network: network(name, []) })
                compare(findChild(view, "networkDetails-remove").enabled, false, name)
                compare(findChild(view, "networkDetails-removeReason").text,
                        name + " is one of the engine's built-in networks and cannot be removed.")
            }
        }

        function test_networkInUseNamesTheContainer() {
            const view = createTemporaryObject(networkDetails, root, { network: network("app-net", ["web"]) })
            compare(findChild(view, "networkDetails-remove").enabled, false)
            compare(findChild(view, "networkDetails-removeReason").text,
                    "In use by web. Remove that container or connect it elsewhere first.")
        }

        function test_unusedNetworkCanBeRemovedAndSaysWhich() {
            const view = createTemporaryObject(networkDetails, root, { network: network("app-net", []) })
            const remove = findChild(view, "networkDetails-remove")
            compare(remove.enabled, true)
            const spy = createTemporaryObject(spyComponent, root, { target: view, signalName: "removeRequested" })
            mouseClick(remove)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "0123456789abcdef")
            compare(spy.signalArguments[0][1], "app-net")
        }

        Component { id: spyComponent; SignalSpy {} }
    }
}
