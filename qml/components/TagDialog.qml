import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Gives an image another name (repository:tag). Validation is ImageController's.
Dialog {
    id: root
    property string imageId
    property string currentName
    readonly property string problem: ImageController.validateNewName(nameField.text)
    modal: true
    // Centred on the window, whichever view opens it.
    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 3 : 0
    Overlay.modal: Rectangle { color: Theme.backdrop }
    width: 480
    padding: Theme.padding
    //: Title of the dialog that gives an image a new name (docker tag)
    title: qsTr("Tag image")

    onOpened: {
        nameField.text = ""
        nameField.forceActiveFocus()
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: root.availableWidth
            //: Explains the Tag dialog; %1 is the image's current name
            text: qsTr("Add a new name for %1. The image itself is not copied.").arg(root.currentName)
            wrapMode: Text.Wrap
            color: Theme.text
        }
        TextField {
            id: nameField
            objectName: "tagDialog-name"
            Layout.fillWidth: true
            //: Placeholder of the new image name field
            placeholderText: qsTr("name:tag, for example myapp:1.0")
            Accessible.name: qsTr("New name")
            onAccepted: if (root.problem === "") root.accept()
        }
        Label {
            objectName: "tagDialog-problem"
            Layout.fillWidth: true
            visible: nameField.text.length > 0 && root.problem !== ""
            text: root.problem
            color: Theme.danger
            wrapMode: Text.Wrap
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "tagDialog-cancel"
            text: qsTr("Cancel")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "tagDialog-confirm"
            //: Confirms the Tag dialog
            text: qsTr("Tag")
            Accessible.name: text
            enabled: root.problem === ""
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
    onAccepted: ImageController.tag(root.imageId, nameField.text)
}
