import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The engine's description of the container (GET /containers/{id}/json) as a tree:
// click a branch to open it; copy a value or the whole document.
Item {
    id: root
    readonly property InspectTreeModel tree: ContainerController.inspectTree

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                //: Explanation on the Inspect tab
                text: qsTr("Everything the engine knows about this container. Click a row with ▸ to open it.")
                color: Theme.mutedText
                wrapMode: Text.Wrap
            }
            Button {
                objectName: "inspect-expand"
                //: Opens every branch of the tree
                text: qsTr("Expand all")
                Accessible.name: text
                onClicked: root.tree.expandAll()
            }
            Button {
                objectName: "inspect-collapse"
                //: Closes every branch of the tree
                text: qsTr("Collapse all")
                Accessible.name: text
                onClicked: root.tree.collapseAll()
            }
            Button {
                objectName: "inspect-copyAll"
                //: Copies the whole inspect JSON
                text: qsTr("Copy all")
                Accessible.name: qsTr("Copy the whole JSON")
                onClicked: root.tree.copyAll()
            }
        }
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            ListView {
                id: list
                objectName: "inspect-tree"
                anchors.fill: parent
                anchors.margins: 4
                clip: true
                model: root.tree
                keyNavigationEnabled: true
                activeFocusOnTab: true
                //: Accessible name of the inspect tree
                Accessible.name: qsTr("Inspect tree")
                ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }
                Keys.onSpacePressed: root.tree.toggle(currentIndex)
                Keys.onReturnPressed: root.tree.toggle(currentIndex)
                highlight: Rectangle { color: Theme.selection; radius: 3 }
                highlightMoveDuration: 0
                delegate: ItemDelegate {
                    id: node
                    required property int index
                    required property string key
                    required property string value
                    required property int depth
                    required property bool hasChildren
                    required property bool expanded
                    required property string path
                    objectName: "inspect-row-" + path
                    width: ListView.view.width
                    height: 26
                    Accessible.name: key + " " + value
                    background: Rectangle { color: node.hovered ? Theme.hover : "transparent" }
                    onClicked: {
                        list.currentIndex = index
                        if (hasChildren)
                            root.tree.toggle(index)
                    }
                    contentItem: RowLayout {
                        spacing: 6
                        Item { Layout.preferredWidth: node.depth * 18 }
                        Label {
                            Layout.preferredWidth: 12
                            text: node.hasChildren ? (node.expanded ? "▾" : "▸") : ""
                            color: Theme.mutedText
                        }
                        Label {
                            text: node.key
                            color: Theme.accent
                            font.family: Theme.monoFamily
                        }
                        Label {
                            Layout.fillWidth: true
                            text: node.value
                            color: node.hasChildren ? Theme.mutedText : Theme.text
                            font.family: Theme.monoFamily
                            elide: Text.ElideRight
                        }
                        Button {
                            objectName: "inspect-copy-" + node.path
                            flat: true
                            visible: node.hovered || node.ListView.isCurrentItem
                            //: Copies one value of the inspect tree
                            text: qsTr("Copy")
                            //: Accessible name; %1 is the key
                            Accessible.name: qsTr("Copy %1").arg(node.key)
                            onClicked: root.tree.copyRow(node.index)
                        }
                    }
                }
            }
        }
    }
}
