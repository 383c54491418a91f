import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The local images as a table: name, tag, ID, size, created, used by. Click selects.
Rectangle {
    id: root
    property string selectedId
    property string prefix: "images"
    readonly property int count: list.count
    signal selected(string imageId)

    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    // Beside the details pane the table is narrow: ID and "used by" make room for the name.
    readonly property bool compact: width < 760
    // Column widths shared by the header and the rows.
    readonly property int tagWidth: 110
    readonly property int idWidth: 120
    readonly property int sizeWidth: 80
    readonly property int createdWidth: 140
    readonly property int usedWidth: 70

    component HeaderLabel: Label {
        font.pixelSize: Theme.smallFontSize
        font.bold: true
        color: Theme.mutedText
        elide: Text.ElideRight
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 1
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            Layout.preferredHeight: 32
            spacing: Theme.spacing
            //: Column header in the images table
            HeaderLabel { Layout.fillWidth: true; Layout.minimumWidth: 120; text: qsTr("Name") }
            //: Column header in the images table
            HeaderLabel { Layout.preferredWidth: root.tagWidth; text: qsTr("Tag") }
            //: Column header in the images table (image ID)
            HeaderLabel { Layout.preferredWidth: root.idWidth; visible: !root.compact; text: qsTr("ID") }
            //: Column header in the images table
            HeaderLabel { Layout.preferredWidth: root.sizeWidth; text: qsTr("Size"); horizontalAlignment: Text.AlignRight }
            //: Column header in the images table
            HeaderLabel { Layout.preferredWidth: root.createdWidth; text: qsTr("Created") }
            //: Column header in the images table: how many containers use the image
            HeaderLabel { Layout.preferredWidth: root.usedWidth; visible: !root.compact; text: qsTr("Used by"); horizontalAlignment: Text.AlignRight }
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ListView {
            id: list
            objectName: root.prefix + "-list"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: EngineHub.images
            keyNavigationEnabled: true
            //: Accessible name of the images table
            Accessible.name: qsTr("Local images")
            ScrollBar.vertical: ScrollBar {}
            delegate: ItemDelegate {
                id: row
                required property int index
                required property string imageId
                required property string shortId
                required property string repository
                required property string tag
                required property string sizeText
                required property string created
                required property int usedBy
                width: ListView.view.width
                height: Theme.rowHeight
                objectName: root.prefix + "-row-" + repository + ":" + tag
                highlighted: root.selectedId === imageId
                Accessible.name: repository + ":" + tag
                // Same insets as the header row, so the columns line up.
                leftPadding: Theme.padding + 1
                rightPadding: Theme.padding + 1
                onClicked: {
                    root.selectedId = imageId
                    root.selected(imageId)
                }
                background: Rectangle {
                    color: row.highlighted ? Theme.selection : (row.hovered ? Theme.hover : "transparent")
                }
                contentItem: RowLayout {
                    spacing: Theme.spacing
                    Label { Layout.fillWidth: true; Layout.minimumWidth: 120; text: row.repository; elide: Text.ElideMiddle; color: Theme.text }
                    Label { Layout.preferredWidth: root.tagWidth; text: row.tag; elide: Text.ElideRight; color: Theme.text }
                    Label {
                        Layout.preferredWidth: root.idWidth
                        visible: !root.compact
                        text: row.shortId
                        font.family: Theme.monoFamily
                        font.pixelSize: Theme.smallFontSize
                        color: Theme.mutedText
                    }
                    Label {
                        Layout.preferredWidth: root.sizeWidth
                        text: row.sizeText
                        horizontalAlignment: Text.AlignRight
                        color: Theme.text
                    }
                    Label { Layout.preferredWidth: root.createdWidth; text: row.created; color: Theme.mutedText }
                    Label {
                        Layout.preferredWidth: root.usedWidth
                        visible: !root.compact
                        text: row.usedBy >= 0 ? row.usedBy : "—"
                        horizontalAlignment: Text.AlignRight
                        color: Theme.mutedText
                    }
                }
            }
        }
    }

    EmptyState {
        objectName: root.prefix + "-empty"
        anchors.centerIn: parent
        width: parent.width
        visible: list.count === 0
        //: Empty state of the images table
        title: qsTr("No images yet")
        //: Empty state hint of the images table
        hint: qsTr("Pull one by name above, for example busybox.")
    }
}
