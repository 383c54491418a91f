import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Container header: each button is enabled only when it makes sense for the state, none
// while an action runs; Resume replaces Start for a paused container.
Item {
    id: root
    width: 1000
    height: 200

    TestCase {
        name: "ContainerHeader"
        when: windowShown

        Component {
            id: header
            ContainerHeader { width: 1000; containerName: "web"; image: "busybox:latest" }
        }

        function buttons(h) {
            const out = {}
            for (const b of ["start", "unpause", "stop", "restart", "pause", "remove"]) {
                const item = findChild(h, "container-" + b)
                out[b] = item.visible ? item.enabled : "hidden"
            }
            return out
        }

        function test_buttonsFollowTheState_data() {
            return [
                { tag: "created", state: "created",
                  expect: { start: true, unpause: "hidden", stop: false, restart: true, pause: false, remove: true } },
                { tag: "running", state: "running",
                  expect: { start: false, unpause: "hidden", stop: true, restart: true, pause: true, remove: true } },
                { tag: "paused", state: "paused",
                  expect: { start: "hidden", unpause: true, stop: true, restart: false, pause: false, remove: true } },
                { tag: "exited", state: "exited",
                  expect: { start: true, unpause: "hidden", stop: false, restart: true, pause: false, remove: true } },
                { tag: "restarting", state: "restarting",
                  expect: { start: false, unpause: "hidden", stop: true, restart: false, pause: false, remove: true } },
            ]
        }

        function test_buttonsFollowTheState(data) {
            const h = createTemporaryObject(header, root, { stateName: data.state })
            compare(buttons(h), data.expect)
        }

        function test_nothingWhileBusy() {
            const h = createTemporaryObject(header, root, { stateName: "running", busy: true, pendingAction: "stop" })
            const b = buttons(h)
            for (const k in b)
                verify(b[k] === false || b[k] === "hidden", k)
            compare(findChild(h, "container-busy").visible, true)
        }

        function test_clickAsks() {
            const h = createTemporaryObject(header, root, { stateName: "running" })
            const stop = signalSpy.createObject(h, { target: h, signalName: "stopRequested" })
            mouseClick(findChild(h, "container-stop"))
            compare(stop.count, 1)
            compare(findChild(h, "container-subtitle").text, "busybox:latest · Running")
        }

        Component { id: signalSpy; SignalSpy {} }
    }
}
