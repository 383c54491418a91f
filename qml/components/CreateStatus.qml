import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The New container flow where the user clicked Create: what it is doing now (with the
// download's layers and overall progress while it pulls, with PullPanel's Cancel), then the result or
// the error in plain words with the engine's under "Details".
ColumnLayout {
    id: root
    // Which Create button this belongs to (CreateController.origin).
    property string origin
    readonly property bool mine: CreateController.origin === root.origin && CreateController.step !== "idle"
    readonly property string step: CreateController.step
    visible: mine
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        visible: root.step !== "failed"
        spacing: Theme.spacing
        BusyIndicator {
            Layout.preferredWidth: 24
            Layout.preferredHeight: 24
            visible: CreateController.running
            running: visible
        }
        Label {
            objectName: root.objectName + "-step"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: root.step === "done" ? Theme.success : Theme.text
            text: {
                switch (root.step) {
                //: Create flow: looking for the image locally
                case "checking": return qsTr("Looking for %1 on this computer…").arg(CreateController.reference)
                //: Create flow: the image is being downloaded
                case "pulling": return qsTr("Downloading %1 first…").arg(CreateController.reference)
                //: Create flow: the container is being created; %1 is its new name
                case "creating": return qsTr("Creating %1…").arg(CreateController.containerName)
                //: Create flow: the container is starting; %1 is its name
                case "starting": return qsTr("Starting %1…").arg(CreateController.containerName)
                //: Create flow: the user cancelled the download
                case "cancelled": return qsTr("Cancelled. No container was created.")
                case "done": return CreateController.lastMessage
                default: return ""
                }
            }
        }
    }
    PullPanel {
        objectName: root.objectName + "-pull"
        Layout.fillWidth: true
        visible: root.step === "pulling" || (root.step === "failed" && CreateController.errorOperation === "pull")
    }
    ErrorBanner {
        objectName: root.objectName + "-error"
        Layout.fillWidth: true
        text: root.step === "failed" ? CreateController.lastError : ""
        detail: root.step === "failed" ? CreateController.lastErrorDetail : ""
        onDismissed: CreateController.reset()
    }
}
