import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Qt.labs.platform as Platform
import Berth

// Volumes: a path in the container ↔ a folder on this computer (picked with a folder
// dialog) or a named volume, optionally read-only.
ColumnLayout {
    id: root
    // SettingsRows {containerPath, kind, source, readOnly}
    property var rows
    property var volumeNames: []
    property string prefix: "volumes"
    property int pickingRow: -1
    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        //: Explanation above the volumes table
        text: qsTr("Files the container writes to these paths are kept outside it, in a folder on this computer or in a volume, and survive when the container is recreated or removed.")
        wrapMode: Text.Wrap
        color: Theme.mutedText
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
                required property string containerPath
                required property string kind
                required property string source
                required property bool readOnly
                required property string rowError
                width: parent ? parent.width : 0
                spacing: 2
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TextField {
                        objectName: root.prefix + "-containerPath-" + row.index
                        Layout.preferredWidth: 140
                        text: row.containerPath
                        placeholderText: "/data"
                        selectByMouse: true
                        //: Accessible name; %1 is the row number
                        Accessible.name: qsTr("Path in the container, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "containerPath", text)
                    }
                    ComboBox {
                        objectName: root.prefix + "-kind-" + row.index
                        Layout.preferredWidth: 100
                        textRole: "label"
                        valueRole: "kind"
                        //: Kind of storage: a folder on this computer / a named volume
                        model: [{ kind: "folder", label: qsTr("Folder") }, { kind: "volume", label: qsTr("Volume") }]
                        currentIndex: row.kind === "volume" ? 1 : 0
                        Accessible.name: qsTr("Folder or volume, row %1").arg(row.index + 1)
                        onActivated: (i) => {
                            root.rows.set(row.index, "kind", i === 1 ? "volume" : "folder")
                            root.rows.set(row.index, "source", "")
                        }
                    }
                    TextField {
                        objectName: root.prefix + "-source-" + row.index
                        Layout.fillWidth: true
                        Layout.minimumWidth: 160
                        visible: row.kind !== "volume"
                        text: row.kind !== "volume" ? row.source : ""
                        //: Placeholder of the host folder field
                        placeholderText: qsTr("/home/me/site")
                        selectByMouse: true
                        Accessible.name: qsTr("Folder on this computer, row %1").arg(row.index + 1)
                        onTextEdited: root.rows.set(row.index, "source", text)
                    }
                    Button {
                        objectName: root.prefix + "-browse-" + row.index
                        visible: row.kind !== "volume"
                        //: Opens a folder picker
                        text: qsTr("Choose…")
                        Accessible.name: qsTr("Choose a folder, row %1").arg(row.index + 1)
                        onClicked: {
                            root.pickingRow = row.index
                            // Start in the home folder, not wherever the app was started from.
                            folderDialog.currentFolder = Platform.StandardPaths.writableLocation(Platform.StandardPaths.HomeLocation)
                            folderDialog.open()
                        }
                    }
                    ComboBox {
                        objectName: root.prefix + "-volume-" + row.index
                        Layout.fillWidth: true
                        visible: row.kind === "volume"
                        editable: true
                        model: root.volumeNames
                        editText: row.source
                        Accessible.name: qsTr("Volume name, row %1").arg(row.index + 1)
                        onActivated: (i) => root.rows.set(row.index, "source", root.volumeNames[i])
                        onEditTextChanged: if (visible && editText !== row.source) root.rows.set(row.index, "source", editText)
                    }
                    CheckBox {
                        objectName: root.prefix + "-readOnly-" + row.index
                        checked: row.readOnly
                        //: Check box: the container may read but not change these files
                        text: qsTr("Read-only")
                        Accessible.name: qsTr("Read-only, row %1").arg(row.index + 1)
                        onToggled: root.rows.set(row.index, "readOnly", checked)
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
        //: Volumes table without rows
        text: qsTr("No folders or volumes are attached.")
        color: Theme.mutedText
    }
    Button {
        objectName: root.prefix + "-add"
        //: Adds a row to the volumes table
        text: qsTr("Add folder or volume")
        Accessible.name: text
        onClicked: root.rows.add({})
    }

    FolderDialog {
        id: folderDialog
        //: Title of the folder picker for a volume
        title: qsTr("Choose a folder to share with the container")
        onAccepted: {
            const url = selectedFolder.toString()
            const path = decodeURIComponent(url.replace(/^file:\/\//, ""))
            if (root.pickingRow >= 0)
                root.rows.set(root.pickingRow, "source", path)
        }
    }
}
