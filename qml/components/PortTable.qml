import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Published ports: container port ↔ address and port on this computer, or a random
// free port. Each row shows its problem (not a number, a port used twice) as it is typed.
ColumnLayout {
    id: root
    // SettingsRows {containerPort, protocol, hostIp, hostPort, random}
    property var rows
    property string prefix: "ports"
    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        //: Explanation above the ports table
        text: qsTr("Publish a port so programs on this computer can reach the container: a browser at 127.0.0.1 and the port on this computer reaches the port in the container.")
        wrapMode: Text.Wrap
        color: Theme.mutedText
    }

    RowLayout {
        Layout.fillWidth: true
        visible: repeater.count > 0
        spacing: Theme.spacing
        Label { Layout.preferredWidth: 110; text: qsTr("Container port"); color: Theme.mutedText; font.pixelSize: Theme.smallFontSize }
        Label { Layout.preferredWidth: 80; text: qsTr("Protocol"); color: Theme.mutedText; font.pixelSize: Theme.smallFontSize }
        //: Column header: the address on this computer the port listens on
        Label { Layout.preferredWidth: 140; text: qsTr("Host address"); color: Theme.mutedText; font.pixelSize: Theme.smallFontSize }
        //: Column header: the port on this computer
        Label { Layout.fillWidth: true; text: qsTr("Host port"); color: Theme.mutedText; font.pixelSize: Theme.smallFontSize }
    }

    // In a Column, not directly in the Layout: with Qt 6.4 a Layout whose Repeater
    // rebuilds its delegates can keep a freed one and crash in its next pass.
    Column {
        Layout.fillWidth: true
        spacing: parent.spacing
        visible: children.length > 1  // the Repeater itself is one child
        Repeater {
            id: repeater
            model: root.rows
            delegate: ColumnLayout {
                id: row
                required property int index
                required property string containerPort
                required property string protocol
                required property string hostIp
                required property string hostPort
                required property bool random
                required property string rowError
                width: parent ? parent.width : 0
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TextField {
                        objectName: root.prefix + "-containerPort-" + row.index
                        Layout.preferredWidth: 110
                        text: row.containerPort
                        placeholderText: "80"
                        inputMethodHints: Qt.ImhDigitsOnly
                        selectByMouse: true
                        //: Accessible name; %1 is the row number
                        Accessible.name: qsTr("Container port, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "containerPort", text)
                    }
                    ComboBox {
                        objectName: root.prefix + "-protocol-" + row.index
                        Layout.preferredWidth: 80
                        model: ["tcp", "udp"]
                        currentIndex: row.protocol === "udp" ? 1 : 0
                        Accessible.name: qsTr("Protocol, row %1").arg(row.index + 1)
                        onActivated: (i) => root.rows.set(row.index, "protocol", model[i])
                    }
                    TextField {
                        objectName: root.prefix + "-hostIp-" + row.index
                        Layout.preferredWidth: 140
                        text: row.hostIp
                        //: Placeholder: an empty host address means every address
                        placeholderText: qsTr("all addresses")
                        selectByMouse: true
                        Accessible.name: qsTr("Host address, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "hostIp", text)
                    }
                    TextField {
                        objectName: root.prefix + "-hostPort-" + row.index
                        Layout.fillWidth: true
                        Layout.minimumWidth: 90
                        enabled: !row.random
                        text: row.random ? "" : row.hostPort
                        //: Placeholder of the host port when a random port is chosen
                        placeholderText: row.random ? qsTr("random") : "8080"
                        inputMethodHints: Qt.ImhDigitsOnly
                        selectByMouse: true
                        Accessible.name: qsTr("Host port, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "hostPort", text)
                    }
                    CheckBox {
                        objectName: root.prefix + "-random-" + row.index
                        checked: row.random
                        //: Check box: let the engine pick a free port on this computer
                        text: qsTr("Random")
                        Accessible.name: qsTr("Random host port, row %1").arg(row.index + 1)
                        onToggled: root.rows.set(row.index, "random", checked)
                    }
                    Button {
                        objectName: root.prefix + "-remove-" + row.index
                        Layout.preferredWidth: 36
                        flat: true
                        text: "✕"
                        //: Accessible name of the button that deletes a table row; %1 is the row number
                        Accessible.name: qsTr("Remove row %1").arg(row.index + 1)
                        onClicked: root.rows.remove(row.index)
                    }
                }
                Label {
                    objectName: root.prefix + "-error-" + row.index
                    Layout.fillWidth: true
                    visible: row.rowError.length > 0
                    text: row.rowError
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFontSize
                }
            }
        }
    }

    Label {
        visible: repeater.count === 0
        //: Ports table without rows
        text: qsTr("No ports are published.")
        color: Theme.mutedText
    }
    Button {
        objectName: root.prefix + "-add"
        //: Adds a row to the ports table
        text: qsTr("Add port")
        Accessible.name: text
        onClicked: root.rows.add({ "random": true })
    }
}
