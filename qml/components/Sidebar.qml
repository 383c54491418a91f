import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Left column: "+ New", the containers (running first, then stopped) with a filter box,
// and the way to Images and Preferences. Selection drives the main area.
Rectangle {
    id: root
    property string currentPage
    property string selectedContainer
    signal navigate(string page)
    signal containerSelected(string containerId)

    color: Theme.sidebar

    ContainerFilterModel {
        id: filtered
        containers: EngineHub.containers
        filterText: filterField.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.padding
            Layout.bottomMargin: Theme.spacing
            Label {
                Layout.fillWidth: true
                //: Sidebar title above the list of containers
                text: qsTr("Containers")
                font.pixelSize: Theme.headingFontSize
                font.bold: true
                color: Theme.text
            }
            Button {
                objectName: "sidebar-new"
                //: Sidebar button that opens the New container screen
                text: qsTr("+ New")
                Accessible.name: qsTr("New container")
                highlighted: root.currentPage === "new"
                onClicked: root.navigate("new")
            }
        }

        TextField {
            id: filterField
            objectName: "sidebar-filter"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.padding
            Layout.rightMargin: Theme.padding
            //: Placeholder of the sidebar's filter box
            placeholderText: qsTr("Filter containers")
            Accessible.name: qsTr("Filter containers")
            selectByMouse: true
            enabled: EngineHub.containersSupported
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.topMargin: Theme.spacing

            ListView {
                id: list
                objectName: "sidebar-containers"
                anchors.fill: parent
                clip: true
                model: filtered
                visible: count > 0
                keyNavigationEnabled: true
                Accessible.name: qsTr("Containers")
                section.property: "section"
                section.delegate: Label {
                    required property string section
                    width: list.width
                    leftPadding: Theme.padding
                    topPadding: Theme.spacing
                    bottomPadding: 4
                    //: Section header in the sidebar: containers that are up
                    text: section === "running" ? qsTr("Running")
                                                  //: Section header in the sidebar: containers that are not up
                                                  : qsTr("Stopped")
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    font.capitalization: Font.AllUppercase
                    color: Theme.mutedText
                }
                delegate: ItemDelegate {
                    id: row
                    required property string containerId
                    required property string name
                    required property string image
                    required property string stateName
                    width: list.width
                    height: 52
                    objectName: "sidebar-container-" + name
                    highlighted: root.selectedContainer === containerId
                    Accessible.name: name
                    onClicked: root.containerSelected(containerId)
                    background: Rectangle {
                        color: row.highlighted ? Theme.selection : (row.hovered ? Theme.hover : "transparent")
                    }
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        StatusDot { stateName: row.stateName }
                        ColumnLayout {
                            spacing: 0
                            Layout.fillWidth: true
                            Label {
                                Layout.fillWidth: true
                                text: row.name
                                elide: Text.ElideRight
                                color: Theme.text
                            }
                            Label {
                                Layout.fillWidth: true
                                text: row.image
                                elide: Text.ElideMiddle
                                color: Theme.mutedText
                                font.pixelSize: Theme.smallFontSize
                            }
                        }
                    }
                }
            }

            EmptyState {
                objectName: "sidebar-empty"
                anchors.fill: parent
                visible: list.count === 0
                title: !EngineHub.containersSupported
                       //: Sidebar empty state when the engine has no containers API yet
                       ? qsTr("Containers are not available")
                       : filterField.text.length > 0
                         //: Sidebar empty state when the filter matches nothing
                         ? qsTr("No matches")
                         //: Sidebar empty state when there are no containers at all
                         : qsTr("No containers yet")
                hint: !EngineHub.containersSupported
                      //: Explains why the container list is empty on an engine without containers
                      ? qsTr("This engine cannot run containers yet. You can still pull and manage images.")
                      : filterField.text.length > 0
                        //: %1 is what the user typed in the filter box
                        ? qsTr("No container name or image contains “%1”.").arg(filterField.text)
                        : qsTr("Click + New to pick an image and start one.")
            }
        }

        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: Theme.spacing
            spacing: 2
            // In a Column, not directly in the Layout: with Qt 6.4 a Layout whose Repeater
            // rebuilds its delegates can keep a freed one and crash in its next pass.
            Column {
                Layout.fillWidth: true
                spacing: parent.spacing
                visible: children.length > 1  // the Repeater itself is one child
                Repeater {
                    model: [
                        //: Sidebar navigation entry to the Images screen
                        { page: "images", label: qsTr("Images") },
                        //: Sidebar navigation entry to the Volumes screen
                        { page: "volumes", label: qsTr("Volumes") },
                        //: Sidebar navigation entry to the Networks screen
                        { page: "networks", label: qsTr("Networks") },
                        //: Sidebar navigation entry to the Preferences screen
                        { page: "preferences", label: qsTr("Preferences") }
                    ]
                    delegate: ItemDelegate {
                        required property var modelData
                        objectName: "sidebar-" + modelData.page
                        width: parent ? parent.width : 0
                        text: modelData.label
                        Accessible.name: modelData.label
                        highlighted: root.currentPage === modelData.page
                        onClicked: root.navigate(modelData.page)
                        background: Rectangle {
                            radius: Theme.radius
                            color: parent.highlighted ? Theme.selection : (parent.hovered ? Theme.hover : "transparent")
                        }
                        contentItem: Label {
                            text: parent.text
                            color: Theme.text
                            font.bold: parent.highlighted
                            verticalAlignment: Text.AlignVCenter
                        }
                    }
                }
            }
            Label {
                objectName: "sidebar-engine"
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                Layout.topMargin: 4
                elide: Text.ElideMiddle
                font.pixelSize: Theme.smallFontSize
                color: Theme.mutedText
                text: EngineHub.state === EngineHub.Connected
                      //: Sidebar footer; %1 is the engine's address
                      ? qsTr("Engine: %1").arg(EngineHub.host)
                      //: Sidebar footer while (re)connecting to the engine
                      : qsTr("Connecting to the engine…")
            }
        }
    }
}
