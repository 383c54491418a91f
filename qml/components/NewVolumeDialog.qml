import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Creates a named volume with optional labels. Validation is VolumeController's.
ModalDialog {
    id: root
    // VolumeController.wording: worded again when the language changes.
    readonly property string nameProblem: VolumeController.wording, VolumeController.validateName(nameField.text)
    readonly property string labelsProblem: VolumeController.wording, VolumeController.validateLabels(labelsField.text)
    readonly property bool valid: nameProblem === "" && labelsProblem === ""
    width: 500
    //: Title of the dialog that creates a volume
    title: qsTr("New volume")

    onOpened: {
        nameField.text = ""
        labelsField.text = ""
        VolumeController.clearError()
        nameField.forceActiveFocus()
    }

    Connections {
        target: VolumeController
        function onCreated() { root.close() }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: root.availableWidth
            //: Explains the New volume dialog
            text: qsTr("A volume keeps data outside the container, so it stays when the container is removed. Leave the name empty to let the engine pick one.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        Label {
            //: Label of the volume name field
            text: qsTr("Name")
            color: Theme.text
        }
        TextField {
            id: nameField
            objectName: "newVolume-name"
            Layout.fillWidth: true
            //: Placeholder of the volume name field
            placeholderText: qsTr("for example app-data")
            Accessible.name: qsTr("Volume name")
            selectByMouse: true
            onAccepted: if (root.valid) createButton.clicked()
        }
        Label {
            objectName: "newVolume-nameProblem"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.nameProblem
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            //: Label of the labels field of a new volume
            text: qsTr("Labels (optional)")
            color: Theme.text
        }
        TextField {
            id: labelsField
            objectName: "newVolume-labels"
            Layout.fillWidth: true
            //: Placeholder of the labels field: key=value pairs
            placeholderText: qsTr("key=value, separated by commas")
            Accessible.name: qsTr("Volume labels")
            selectByMouse: true
        }
        Label {
            objectName: "newVolume-labelsProblem"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.labelsProblem
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        ErrorBanner {
            objectName: "newVolume-error"
            Layout.fillWidth: true
            text: VolumeController.errorOperation === "createVolume" ? VolumeController.lastError : ""
            detail: VolumeController.errorOperation === "createVolume" ? VolumeController.lastErrorDetail : ""
            onDismissed: VolumeController.clearError()
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "newVolume-cancel"
            text: qsTr("Cancel")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            id: createButton
            objectName: "newVolume-create"
            //: Button that creates the volume
            text: qsTr("Create")
            Accessible.name: qsTr("Create volume")
            enabled: root.valid && !VolumeController.busy
            highlighted: true
            // Not AcceptRole: the dialog stays open until the engine said yes.
            onClicked: VolumeController.create(nameField.text, labelsField.text)
        }
    }
}
