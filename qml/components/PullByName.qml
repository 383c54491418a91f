import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// "Pull by name": a field, a button, the validation message under the field, and the
// progress of the pull once it runs. With showCreate, a Create button too: pull if needed,
// then create and start a container (CreateController), its progress shown here.
ColumnLayout {
    id: root
    property string prefix: "pull"
    readonly property string problem: ImageController.validateReference(field.text)
    property alias text: field.text
    property bool showCreate: false
    readonly property string createOrigin: root.prefix
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: field
            objectName: root.prefix + "-name"
            Layout.fillWidth: true
            //: Placeholder of the "Pull by name" field
            placeholderText: qsTr("Image name, for example busybox or nginx:1.25")
            //: Accessible name of the "Pull by name" field
            Accessible.name: qsTr("Image to pull")
            selectByMouse: true
            enabled: !ImageController.pulling
            onAccepted: pullButton.clicked()
        }
        Button {
            id: pullButton
            objectName: root.prefix + "-button"
            //: Button that downloads the image named in the field
            text: qsTr("Pull")
            Accessible.name: qsTr("Pull image")
            highlighted: true
            enabled: root.problem === "" && !ImageController.pulling
            onClicked: {
                if (!enabled)
                    return
                CreateController.reset()
                ImageController.pull(field.text)
            }
        }
        Button {
            objectName: root.prefix + "-create"
            visible: root.showCreate
            //: Button next to "Pull" that pulls the image if needed and starts a container from it
            text: qsTr("Create")
            Accessible.name: qsTr("Create container from this image")
            enabled: root.problem === "" && !ImageController.pulling && !CreateController.running
                     && EngineHub.containersSupported
            onClicked: CreateController.createFrom(field.text, root.createOrigin)
        }
    }
    Label {
        objectName: root.prefix + "-problem"
        Layout.fillWidth: true
        // Only after the user typed something: an empty field is not an error yet.
        visible: field.text.length > 0 && root.problem !== ""
        text: root.problem
        color: Theme.danger
        wrapMode: Text.Wrap
        font.pixelSize: Theme.smallFontSize
    }
    PullPanel {
        Layout.fillWidth: true
        objectName: root.prefix + "-progress"
        // A pull that Create started shows in CreateStatus, where Create was clicked.
        visible: ImageController.pullState !== "idle" && CreateController.step === "idle"
    }
    CreateStatus {
        objectName: root.prefix + "-createStatus"
        Layout.fillWidth: true
        origin: root.createOrigin
    }
}
