import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Environment variables as NAME = value rows, each with its problem shown as it is typed.
ColumnLayout {
    id: root
    // SettingsRows {key, value}
    property var rows
    property string prefix: "env"
    spacing: Theme.spacing

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
                required property string key
                required property string value
                required property string rowError
                width: parent ? parent.width : 0
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TextField {
                        objectName: root.prefix + "-key-" + row.index
                        Layout.preferredWidth: 200
                        text: row.key
                        //: Placeholder of an environment variable's name
                        placeholderText: qsTr("NAME")
                        selectByMouse: true
                        font.family: Theme.monoFamily
                        //: Accessible name; %1 is the row number
                        Accessible.name: qsTr("Variable name, row %1").arg(row.index + 1)
                        onTextEdited: {
                            // Pasting NAME=value fills both fields.
                            const eq = text.indexOf("=")
                            if (eq > 0 && row.value === "") {
                                root.rows.set(row.index, "value", text.substring(eq + 1))
                                root.rows.set(row.index, "key", text.substring(0, eq))
                            } else {
                                root.rows.set(row.index, "key", text)
                            }
                        }
                    }
                    Label { text: "="; color: Theme.mutedText }
                    TextField {
                        objectName: root.prefix + "-value-" + row.index
                        Layout.fillWidth: true
                        text: row.value
                        //: Placeholder of an environment variable's value
                        placeholderText: qsTr("value")
                        selectByMouse: true
                        font.family: Theme.monoFamily
                        Accessible.name: qsTr("Variable value, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "value", text)
                    }
                    Button {
                        objectName: root.prefix + "-remove-" + row.index
                        Layout.preferredWidth: 36
                        flat: true
                        text: "✕"
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
        //: Environment table without rows
        text: qsTr("No environment variables are set.")
        color: Theme.mutedText
    }
    Button {
        objectName: root.prefix + "-add"
        //: Adds a row to the environment table
        text: qsTr("Add variable")
        Accessible.name: text
        onClicked: root.rows.add({})
    }
}
