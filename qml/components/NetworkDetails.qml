import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The selected network: subnet, gateway, connected containers, inspect JSON, and Remove,
// which says why it is disabled for the engine's own networks and for one in use.
Rectangle {
    id: root
    // A row of NetworkModel (NetworkModel.get): networkId, name, driver, subnet, usedBy, ...
    property var network: null
    property string inspectText
    readonly property var usedBy: network ? network.usedBy : []
    readonly property string removeBlockedReason: !network ? ""
        : network.predefined
          //: Why Remove is disabled for bridge, host and none; %1 is the network's name
          ? qsTr("%1 is one of the engine's built-in networks and cannot be removed.").arg(network.name)
          : usedBy.length === 1
            //: Why Remove is disabled for a network; %1 is the container's name
            ? qsTr("In use by %1. Remove that container or connect it elsewhere first.").arg(usedBy[0])
            : usedBy.length > 1
              //: Why Remove is disabled for a network; %1 is a container's name, %2 how many others
              ? qsTr("In use by %1 and %2 more. Remove those containers or connect them elsewhere first.").arg(usedBy[0]).arg(usedBy.length - 1)
              : ""
    signal removeRequested(string networkId, string name)

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    component Field: ColumnLayout {
        property alias label: caption.text
        property alias value: valueText.text
        property string name
        Layout.fillWidth: true
        spacing: 0
        Label { id: caption; color: Theme.mutedText; font.pixelSize: Theme.smallFontSize }
        Label {
            id: valueText
            objectName: "networkDetails-" + parent.name
            Layout.fillWidth: true
            color: Theme.text
            wrapMode: Text.WrapAnywhere
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing
        Label {
            objectName: "networkDetails-name"
            Layout.fillWidth: true
            text: root.network ? root.network.name : ""
            font.pixelSize: Theme.headingFontSize
            font.bold: true
            elide: Text.ElideMiddle
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            //: Network details: short ID and driver; %1 is the ID, %2 the driver (bridge, host...)
            text: root.network ? qsTr("ID %1 · driver %2").arg(root.network.shortId).arg(root.network.driver) : ""
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        Field {
            name: "internal"
            visible: root.network !== null && root.network.internal
            //: Network details: what "internal" means
            label: qsTr("Internal")
            //: Network details: an internal network has no way out
            value: qsTr("No access to the outside world")
        }
        Field {
            name: "usedBy"
            //: Network details: which containers are connected
            label: qsTr("Containers")
            //: Network details when no container is connected
            value: root.usedBy.length > 0 ? root.usedBy.join(", ") : qsTr("No container")
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "networkDetails-remove"
                //: Button that removes the selected network
                text: qsTr("Remove")
                Accessible.name: qsTr("Remove network")
                Accessible.description: root.removeBlockedReason
                enabled: root.network !== null && root.removeBlockedReason === "" && !NetworkController.busy
                onClicked: root.removeRequested(root.network.networkId, root.network.name)
            }
        }
        Label {
            objectName: "networkDetails-removeReason"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.removeBlockedReason
            color: Theme.mutedText
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        InspectText {
            Layout.fillWidth: true
            Layout.fillHeight: true
            prefix: "networkDetails-inspect"
            json: root.inspectText
        }
    }
}
