import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The selected volume: where its data is, who uses it, its labels and inspect JSON, and
// Remove, which says why it is disabled while a container uses the volume.
Rectangle {
    id: root
    // A row of VolumeModel (VolumeModel.get): name, driver, mountpoint, created, usedBy, ...
    property var volume: null
    property string inspectText
    readonly property var usedBy: volume ? volume.usedBy : []
    readonly property string removeBlockedReason: usedBy.length === 1
        //: Why Remove is disabled for a volume; %1 is the container's name
        ? qsTr("In use by %1. Remove that container first.").arg(usedBy[0])
        : usedBy.length > 1
          //: Why Remove is disabled for a volume; %1 is a container's name, %2 how many others
          ? qsTr("In use by %1 and %2 more. Remove those containers first.").arg(usedBy[0]).arg(usedBy.length - 1)
          : ""
    signal removeRequested(string name)

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
            objectName: "volumeDetails-" + parent.name
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
            objectName: "volumeDetails-name"
            Layout.fillWidth: true
            text: root.volume ? root.volume.name : ""
            font.pixelSize: Theme.headingFontSize
            font.bold: true
            elide: Text.ElideMiddle
            color: Theme.text
        }
        //: Volume details: the folder on this computer that holds the data
        Field { name: "mountpoint"; label: qsTr("Data folder"); value: root.volume ? root.volume.mountpoint : "" }
        Field {
            name: "usedBy"
            //: Volume details: which containers use it
            label: qsTr("Used by")
            //: Volume details when no container uses the volume
            value: root.usedBy.length > 0 ? root.usedBy.join(", ") : qsTr("No container")
        }
        Field {
            name: "labels"
            visible: root.volume !== null && root.volume.labelsText.length > 0
            //: Volume details: its labels
            label: qsTr("Labels")
            value: root.volume ? root.volume.labelsText : ""
        }
        RowLayout {
            spacing: Theme.spacing
            Button {
                objectName: "volumeDetails-remove"
                //: Button that removes the selected volume
                text: qsTr("Remove")
                Accessible.name: qsTr("Remove volume")
                Accessible.description: root.removeBlockedReason
                enabled: root.volume !== null && root.removeBlockedReason === "" && !VolumeController.busy
                onClicked: root.removeRequested(root.volume.name)
            }
        }
        Label {
            objectName: "volumeDetails-removeReason"
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
            prefix: "volumeDetails-inspect"
            json: root.inspectText
        }
    }
}
