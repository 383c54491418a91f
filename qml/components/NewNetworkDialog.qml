import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Creates a bridge network: a name, an optional subnet, and whether it is internal (no
// way out to other networks). Validation is NetworkController's.
ModalDialog {
    id: root
    // NetworkController.wording: worded again when the language changes.
    readonly property string nameProblem: NetworkController.wording, NetworkController.validateName(nameField.text)
    readonly property string subnetProblem: NetworkController.wording, NetworkController.validateSubnet(subnetField.text)
    readonly property bool valid: nameProblem === "" && subnetProblem === ""
    width: 500
    //: Title of the dialog that creates a network
    title: qsTr("New network")

    onOpened: {
        nameField.text = ""
        subnetField.text = ""
        internalBox.checked = false
        NetworkController.clearError()
        nameField.forceActiveFocus()
    }

    Connections {
        target: NetworkController
        function onCreated() { root.close() }
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: root.availableWidth
            //: Explains the New network dialog
            text: qsTr("Containers on the same network can reach each other by name. The new network is a bridge, like the engine's default bridge network.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        Label {
            //: Label of the network name field
            text: qsTr("Name")
            color: Theme.text
        }
        TextField {
            id: nameField
            objectName: "newNetwork-name"
            Layout.fillWidth: true
            //: Placeholder of the network name field
            placeholderText: qsTr("for example my-app-net")
            Accessible.name: qsTr("Network name")
            selectByMouse: true
        }
        Label {
            objectName: "newNetwork-nameProblem"
            Layout.fillWidth: true
            // Only after the user typed something: an empty field is not an error yet.
            visible: nameField.text.length > 0 && text.length > 0
            text: root.nameProblem
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        Label {
            //: Label of the subnet field of a new network
            text: qsTr("Subnet (optional)")
            color: Theme.text
        }
        TextField {
            id: subnetField
            objectName: "newNetwork-subnet"
            Layout.fillWidth: true
            //: Placeholder of the subnet field
            placeholderText: qsTr("for example 172.30.0.0/16; empty picks a free one")
            Accessible.name: qsTr("Subnet")
            selectByMouse: true
        }
        Label {
            objectName: "newNetwork-subnetProblem"
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.subnetProblem
            color: Theme.danger
            wrapMode: Text.Wrap
            font.pixelSize: Theme.smallFontSize
        }
        CheckBox {
            id: internalBox
            objectName: "newNetwork-internal"
            //: Check box of a new network: no traffic to the outside
            text: qsTr("Internal: containers reach each other but not the outside world")
            Accessible.name: qsTr("Internal network")
        }
        ErrorBanner {
            objectName: "newNetwork-error"
            Layout.fillWidth: true
            text: NetworkController.errorOperation === "createNetwork" ? NetworkController.lastError : ""
            detail: NetworkController.errorOperation === "createNetwork" ? NetworkController.lastErrorDetail : ""
            onDismissed: NetworkController.clearError()
        }
    }
    footer: DialogButtonBox {
        Button {
            objectName: "newNetwork-cancel"
            text: qsTr("Cancel")
            Accessible.name: text
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
        Button {
            objectName: "newNetwork-create"
            //: Button that creates the network
            text: qsTr("Create")
            Accessible.name: qsTr("Create network")
            enabled: root.valid && !NetworkController.busy
            highlighted: true
            onClicked: NetworkController.create(nameField.text, subnetField.text, internalBox.checked)
        }
    }
}
