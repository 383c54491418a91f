import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Volumes: the engine's named volumes with where their data lives and which containers
// use them; New volume, Remove unused; the selected one's details, inspect and Remove.
Item {
    id: root
    property string selectedName

    // Main.qml gives the palette one colour for every state, so a disabled button (Remove
    // while a container uses it) would look like an enabled one: its label is drawn muted
    // here, on the usual button face. The reason stays written under the button and in its
    // accessible description.
    palette.disabled.button: Theme.surfaceAlt
    palette.disabled.buttonText: Theme.placeholder
    palette.disabled.windowText: Theme.placeholder
    palette.disabled.brightText: Theme.placeholder
    palette.disabled.dark: Theme.border

    // Bumped by every change of the model, so the details follow "used by" updates.
    property int revision: 0
    readonly property var selected: {
        root.revision
        const row = VolumeController.volumes.indexOfName(root.selectedName)
        return row >= 0 ? VolumeController.volumes.get(row) : null
    }

    onSelectedNameChanged: VolumeController.inspect(selectedName)
    onVisibleChanged: if (visible) VolumeController.clearMessage()

    Connections {
        target: VolumeController.volumes
        function onDataChanged() { root.revision++ }
        function onRowsInserted() { root.revision++ }
        function onRowsRemoved() { root.revision++ }
        function onModelReset() { root.revision++ }
    }
    Connections {
        target: VolumeController
        function onRemoved(name) { if (name === root.selectedName) root.selectedName = "" }
        function onCreated(name) { root.selectedName = name }
    }

    function requestRemove(name) {
        if (Preferences.confirmRemove)
            removeDialog.open()
        else
            VolumeController.remove(name)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing + 4

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                //: Title of the Volumes screen
                text: qsTr("Volumes")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            Button {
                objectName: "volumes-prune"
                //: Button that deletes volumes no container uses
                text: qsTr("Remove unused")
                Accessible.name: qsTr("Remove unused volumes")
                enabled: !VolumeController.busy && VolumeController.volumes.count > 0
                onClicked: pruneDialog.open()
            }
            Button {
                objectName: "volumes-new"
                //: Button that opens the New volume dialog
                text: qsTr("New volume…")
                Accessible.name: qsTr("New volume")
                highlighted: true
                onClicked: newDialog.open()
            }
        }
        Label {
            Layout.fillWidth: true
            //: Subtitle of the Volumes screen
            text: qsTr("Volumes keep a container's data on this computer, even after the container is removed.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }

        Label {
            objectName: "volumes-message"
            Layout.fillWidth: true
            visible: text.length > 0 && VolumeController.lastError === ""
            text: VolumeController.lastMessage
            color: Theme.success
            wrapMode: Text.Wrap
        }
        ErrorBanner {
            objectName: "volumes-error"
            Layout.fillWidth: true
            text: VolumeController.errorOperation !== "createVolume" ? VolumeController.lastError : ""
            detail: VolumeController.errorOperation !== "createVolume" ? VolumeController.lastErrorDetail : ""
            onDismissed: VolumeController.clearError()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            Rectangle {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                // Narrow: only the main columns.
                readonly property bool compact: width < 640
                readonly property int driverWidth: 70
                readonly property int createdWidth: 140
                readonly property int usedWidth: 170
                // Header and rows are Rows with computed widths: in a RowLayout, columns shown
                // after the page was first laid out (while hidden) stayed at the row's start,
                // on top of the Name header (Qt 6.4).
                readonly property int otherColumnsWidth: usedWidth + Theme.spacing
                                                         + (compact ? 0 : driverWidth + createdWidth + 2 * Theme.spacing)
                function nameWidth(rowWidth) { return Math.max(120, rowWidth - otherColumnsWidth) }

                component Cell: Label {
                    height: parent ? parent.height : implicitHeight
                    verticalAlignment: Text.AlignVCenter
                    elide: Text.ElideRight
                    color: Theme.mutedText
                }
                component HeaderLabel: Label {
                    height: 32
                    verticalAlignment: Text.AlignVCenter
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    color: Theme.mutedText
                    elide: Text.ElideRight
                }

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 1
                    spacing: 0
                    Row {
                        id: header
                        Layout.fillWidth: true
                        Layout.leftMargin: Theme.padding
                        Layout.rightMargin: Theme.padding
                        Layout.preferredHeight: 32
                        spacing: Theme.spacing
                        //: Column header in the volumes table
                        HeaderLabel { width: table.nameWidth(header.width); text: qsTr("Name") }
                        //: Column header in the volumes table (local, ...)
                        HeaderLabel { width: table.driverWidth; visible: !table.compact; text: qsTr("Driver") }
                        //: Column header in the volumes table
                        HeaderLabel { width: table.createdWidth; visible: !table.compact; text: qsTr("Created") }
                        //: Column header in the volumes table: containers that use the volume
                        HeaderLabel { width: table.usedWidth; text: qsTr("Used by") }
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                    ListView {
                        id: list
                        objectName: "volumes-list"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: VolumeController.volumes
                        keyNavigationEnabled: true
                        //: Accessible name of the volumes table
                        Accessible.name: qsTr("Volumes")
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: row
                            required property string name
                            required property string driver
                            required property string created
                            required property string mountpoint
                            required property var usedBy
                            width: ListView.view.width
                            height: Theme.rowHeight
                            objectName: "volumes-row-" + name
                            highlighted: root.selectedName === name
                            Accessible.name: name
                            leftPadding: Theme.padding + 1
                            rightPadding: Theme.padding + 1
                            onClicked: root.selectedName = name
                            background: Rectangle {
                                color: row.highlighted ? Theme.selection : (row.hovered ? Theme.hover : "transparent")
                            }
                            contentItem: Row {
                                id: cells
                                spacing: Theme.spacing
                                Cell { width: table.nameWidth(cells.width); text: row.name; elide: Text.ElideMiddle; color: Theme.text }
                                Cell { width: table.driverWidth; visible: !table.compact; text: row.driver }
                                Cell { width: table.createdWidth; visible: !table.compact; text: row.created }
                                Cell {
                                    width: table.usedWidth
                                    text: row.usedBy.length > 0 ? row.usedBy.join(", ") : "—"
                                    elide: Text.ElideRight
                                    color: row.usedBy.length > 0 ? Theme.text : Theme.mutedText
                                }
                            }
                        }
                    }
                }
                EmptyState {
                    objectName: "volumes-empty"
                    anchors.centerIn: parent
                    width: parent.width
                    visible: list.count === 0
                    //: Empty state of the volumes table
                    title: qsTr("No volumes yet")
                    //: Empty state hint of the volumes table
                    hint: qsTr("Create one with New volume, or start a container that declares a volume.")
                }
            }

            VolumeDetails {
                objectName: "volumes-details"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                visible: root.selected !== null
                volume: root.selected
                inspectText: VolumeController.inspectName === root.selectedName ? VolumeController.inspectText : ""
                onRemoveRequested: (name) => root.requestRemove(name)
            }
        }
    }

    NewVolumeDialog { id: newDialog; objectName: "volumes-newDialog" }
    ConfirmDialog {
        id: removeDialog
        objectName: "volumes-removeDialog"
        //: Title of the dialog that confirms removing a volume
        title: qsTr("Remove volume?")
        //: Body of the remove-volume dialog; %1 is the volume's name
        message: qsTr("%1 and all the data in it will be deleted. This cannot be undone.").arg(root.selectedName)
        onAccepted: VolumeController.remove(root.selectedName)
    }
    ConfirmDialog {
        id: pruneDialog
        objectName: "volumes-pruneDialog"
        //: Title of the dialog that confirms removing unused volumes
        title: qsTr("Remove unused volumes?")
        //: Body of the prune-volumes dialog
        message: qsTr("Volumes that no container uses will be deleted with their data. This cannot be undone.")
        onAccepted: VolumeController.prune()
    }
}
