import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Asks before something that cannot be undone. `accepted` runs the action.
Dialog {
    id: root
    property string message
    //: Default confirm button of a removal dialog
    property string confirmText: qsTr("Remove")
    modal: true
    // Centred on the window, whichever view opens it.
    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 3 : 0
    Overlay.modal: Rectangle { color: Theme.backdrop }
    width: 460
    padding: Theme.padding

    contentItem: ColumnLayout {
        Label {
            objectName: root.objectName + "-message"
            Layout.fillWidth: true
            Layout.preferredWidth: root.availableWidth
            text: root.message
            wrapMode: Text.Wrap
            color: Theme.text
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: root.objectName + "-cancel"
            //: Button that closes a dialog without doing anything
            text: qsTr("Cancel")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: root.objectName + "-confirm"
            text: root.confirmText
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
        }
    }
}
