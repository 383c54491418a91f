import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Networks: the engine's networks with subnet, gateway and connected containers; New
// network; the selected one's details, inspect and Remove. An engine without the networks
// API gets a plain explanation instead of an error.
Item {
    id: root
    property string selectedId

    // Main.qml gives the palette one colour for every state, so a disabled button (Remove
    // while a container uses it) would look like an enabled one: its label is drawn muted
    // here, on the usual button face. The reason stays written under the button and in its
    // accessible description.
    palette.disabled.button: Theme.surfaceAlt
    palette.disabled.buttonText: Theme.placeholder
    palette.disabled.windowText: Theme.placeholder
    palette.disabled.brightText: Theme.placeholder
    palette.disabled.dark: Theme.border

    property int revision: 0
    readonly property var selected: {
        root.revision
        const row = NetworkController.networks.indexOfId(root.selectedId)
        return row >= 0 ? NetworkController.networks.get(row) : null
    }

    onSelectedIdChanged: NetworkController.inspect(selectedId)
    onVisibleChanged: {
        if (!visible)
            return
        NetworkController.clearMessage()
        // An engine that had no networks API may have been updated since.
        if (!NetworkController.supported)
            NetworkController.refresh()
    }

    Connections {
        target: NetworkController.networks
        function onDataChanged() { root.revision++ }
        function onRowsInserted() { root.revision++ }
        function onRowsRemoved() { root.revision++ }
        function onModelReset() { root.revision++ }
    }
    Connections {
        target: NetworkController
        function onRemoved(networkId) { if (networkId === root.selectedId) root.selectedId = "" }
    }

    function requestRemove(networkId, name) {
        removeDialog.networkId = networkId
        removeDialog.networkName = name
        if (Preferences.confirmRemove)
            removeDialog.open()
        else
            NetworkController.remove(networkId)
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
                //: Title of the Networks screen
                text: qsTr("Networks")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            Button {
                objectName: "networks-new"
                //: Button that opens the New network dialog
                text: qsTr("New network…")
                Accessible.name: qsTr("New network")
                highlighted: true
                enabled: NetworkController.supported
                onClicked: newDialog.open()
            }
        }
        Label {
            Layout.fillWidth: true
            //: Subtitle of the Networks screen
            text: qsTr("Containers on the same network reach each other. bridge is the default network; host and none are special.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }
        Label {
            objectName: "networks-message"
            Layout.fillWidth: true
            visible: text.length > 0 && NetworkController.lastError === ""
            text: NetworkController.lastMessage
            color: Theme.success
            wrapMode: Text.Wrap
        }
        ErrorBanner {
            objectName: "networks-error"
            Layout.fillWidth: true
            text: NetworkController.errorOperation !== "createNetwork" ? NetworkController.lastError : ""
            detail: NetworkController.errorOperation !== "createNetwork" ? NetworkController.lastErrorDetail : ""
            onDismissed: NetworkController.clearError()
        }

        EmptyState {
            objectName: "networks-unsupported"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: !NetworkController.supported
            //: Shown when the engine has no networks API
            title: qsTr("This engine does not support networks yet")
            //: Explains the unsupported-networks state
            hint: qsTr("Containers still get the engine's default network. Networks can be managed here once the engine is updated.")
        }
        Button {
            objectName: "networks-checkAgain"
            Layout.alignment: Qt.AlignHCenter
            visible: !NetworkController.supported
            //: Asks the engine again whether it supports networks
            text: qsTr("Check again")
            Accessible.name: text
            onClicked: NetworkController.refresh()
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: NetworkController.supported
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
                readonly property int subnetWidth: 130
                readonly property int gatewayWidth: 110
                readonly property int containersWidth: 150
                // Header and rows are Rows with computed widths: in a RowLayout, columns shown
                // after the page was first laid out (while hidden) stayed at the row's start,
                // on top of the Name header (Qt 6.4).
                readonly property int otherColumnsWidth: driverWidth + subnetWidth + 2 * Theme.spacing
                                                         + (compact ? 0 : gatewayWidth + containersWidth + 2 * Theme.spacing)
                function nameWidth(rowWidth) { return Math.max(100, rowWidth - otherColumnsWidth) }

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
                        //: Column header in the networks table
                        HeaderLabel { width: table.nameWidth(header.width); text: qsTr("Name") }
                        //: Column header in the networks table (bridge, host, ...)
                        HeaderLabel { width: table.driverWidth; text: qsTr("Driver") }
                        //: Column header in the networks table (address range, e.g. 172.17.0.0/16)
                        HeaderLabel { width: table.subnetWidth; text: qsTr("Subnet") }
                        //: Column header in the networks table
                        HeaderLabel { width: table.gatewayWidth; visible: !table.compact; text: qsTr("Gateway") }
                        //: Column header in the networks table: connected containers
                        HeaderLabel { width: table.containersWidth; visible: !table.compact; text: qsTr("Containers") }
                    }
                    Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
                    ListView {
                        id: list
                        objectName: "networks-list"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: NetworkController.networks
                        keyNavigationEnabled: true
                        //: Accessible name of the networks table
                        Accessible.name: qsTr("Networks")
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ItemDelegate {
                            id: row
                            required property string networkId
                            required property string name
                            required property string driver
                            required property string subnet
                            required property string gateway
                            required property bool internal
                            required property bool predefined
                            required property var usedBy
                            width: ListView.view.width
                            height: Theme.rowHeight
                            objectName: "networks-row-" + name
                            highlighted: root.selectedId === networkId
                            Accessible.name: name
                            leftPadding: Theme.padding + 1
                            rightPadding: Theme.padding + 1
                            onClicked: root.selectedId = networkId
                            background: Rectangle {
                                color: row.highlighted ? Theme.selection : (row.hovered ? Theme.hover : "transparent")
                            }
                            contentItem: Row {
                                id: cells
                                spacing: Theme.spacing
                                // The name, shortened if need be, with its badges right after it.
                                Row {
                                    id: nameCell
                                    width: table.nameWidth(cells.width)
                                    height: cells.height
                                    spacing: 6
                                    Cell {
                                        width: Math.min(implicitWidth, nameCell.width
                                                        - (row.predefined ? builtIn.implicitWidth + nameCell.spacing : 0)
                                                        - (row.internal ? internalBadge.implicitWidth + nameCell.spacing : 0))
                                        text: row.name
                                        elide: Text.ElideMiddle
                                        color: Theme.text
                                    }
                                    Cell {
                                        id: builtIn
                                        visible: row.predefined
                                        //: Badge on the engine's own networks (bridge, host, none)
                                        text: qsTr("built-in")
                                        font.pixelSize: Theme.smallFontSize
                                    }
                                    Cell {
                                        id: internalBadge
                                        visible: row.internal
                                        //: Badge on an internal network
                                        text: qsTr("internal")
                                        color: Theme.warning
                                        font.pixelSize: Theme.smallFontSize
                                    }
                                }
                                Cell { width: table.driverWidth; text: row.driver }
                                Cell { width: table.subnetWidth; text: row.subnet || "—"; color: Theme.text; font.family: Theme.monoFamily; font.pixelSize: Theme.smallFontSize }
                                Cell { width: table.gatewayWidth; visible: !table.compact; text: row.gateway || "—"; font.family: Theme.monoFamily; font.pixelSize: Theme.smallFontSize }
                                Cell {
                                    width: table.containersWidth
                                    visible: !table.compact
                                    text: row.usedBy.length > 0 ? row.usedBy.join(", ") : "—"
                                    color: row.usedBy.length > 0 ? Theme.text : Theme.mutedText
                                }
                            }
                        }
                    }
                }
                EmptyState {
                    objectName: "networks-empty"
                    anchors.centerIn: parent
                    width: parent.width
                    visible: list.count === 0 && NetworkController.loaded
                    //: Empty state of the networks table
                    title: qsTr("No networks")
                    //: Empty state hint of the networks table
                    hint: qsTr("Create one with New network to let containers talk to each other by name.")
                }
            }

            NetworkDetails {
                objectName: "networks-details"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                visible: root.selected !== null
                network: root.selected
                inspectText: NetworkController.inspectId === root.selectedId ? NetworkController.inspectText : ""
                onRemoveRequested: (networkId, name) => root.requestRemove(networkId, name)
            }
        }
    }

    NewNetworkDialog { id: newDialog; objectName: "networks-newDialog" }
    ConfirmDialog {
        id: removeDialog
        property string networkId
        property string networkName
        objectName: "networks-removeDialog"
        //: Title of the dialog that confirms removing a network
        title: qsTr("Remove network?")
        //: Body of the remove-network dialog; %1 is the network's name
        message: qsTr("The network %1 will be deleted.").arg(networkName)
        onAccepted: NetworkController.remove(networkId)
    }
}
