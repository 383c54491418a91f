import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The container at a glance: its live log, its web page when a port is published, and
// the folders and volumes it uses.
Item {
    id: root
    signal showLogs()
    signal showSettings()

    Binding { target: ContainerController.logs; property: "dark"; value: Theme.dark }

    RowLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.padding

        // Live log tile
        Rectangle {
            objectName: "home-log"
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        //: Title of the live log tile
                        text: qsTr("Log")
                        font.pixelSize: Theme.headingFontSize
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        objectName: "home-log-count"
                        Layout.fillWidth: true
                        //: Next to the log title; %1 is the number of lines
                        text: qsTr("%1 lines").arg(ContainerController.logs.count)
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize
                    }
                    CheckBox {
                        id: follow
                        objectName: "home-log-follow"
                        checked: true
                        //: Check box: keep showing the newest log lines
                        text: qsTr("Follow")
                        Accessible.name: qsTr("Follow new log lines")
                    }
                    Button {
                        objectName: "home-log-copy"
                        //: Button that copies the whole log to the clipboard
                        text: qsTr("Copy")
                        Accessible.name: qsTr("Copy the log")
                        enabled: ContainerController.logs.count > 0
                        onClicked: ContainerController.logs.copyAll(false)
                    }
                    Button {
                        objectName: "home-log-clear"
                        //: Button that empties the log shown here (the container's log is kept)
                        text: qsTr("Clear")
                        Accessible.name: qsTr("Clear the log view")
                        enabled: ContainerController.logs.count > 0
                        onClicked: ContainerController.logs.clear()
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: search
                        objectName: "home-log-search"
                        Layout.fillWidth: true
                        //: Placeholder of the log search box
                        placeholderText: qsTr("Search the log")
                        Accessible.name: qsTr("Search the log")
                        selectByMouse: true
                        text: ContainerController.logs.searchText
                        onTextEdited: ContainerController.logs.searchText = text
                        Keys.onReturnPressed: homeLog.showRow(ContainerController.logs.nextMatch())
                    }
                    Label {
                        visible: search.text.length > 0
                        //: Number of log lines matching the search; %1 is the count
                        text: qsTr("Matches: %1").arg(ContainerController.logs.matchCount)
                        color: Theme.mutedText
                    }
                    Button {
                        objectName: "home-log-full"
                        //: Opens the Logs tab
                        text: qsTr("Full log")
                        Accessible.name: qsTr("Open the full log")
                        onClicked: root.showLogs()
                    }
                }
                LogLineView {
                    id: homeLog
                    objectName: "home-log-lines"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    model: ContainerController.logs
                    follow: follow.checked
                    Accessible.name: qsTr("Log")
                }
                Label {
                    objectName: "home-log-empty"
                    Layout.fillWidth: true
                    visible: ContainerController.logs.count === 0
                    text: ContainerController.logsFollowing
                          //: Empty log while following a running container
                          ? qsTr("No output yet. Lines the container prints appear here.")
                          //: Empty log of a stopped container
                          : qsTr("This container has printed nothing.")
                    color: Theme.mutedText
                    wrapMode: Text.Wrap
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: 320
            Layout.maximumWidth: 360
            Layout.fillHeight: true
            spacing: Theme.padding

            // Web preview tile: only when a port is published.
            Rectangle {
                objectName: "home-web"
                Layout.fillWidth: true
                visible: ContainerController.webUrl !== ""
                implicitHeight: webColumn.implicitHeight + 2 * Theme.padding
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                ColumnLayout {
                    id: webColumn
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: Theme.spacing
                    Label {
                        //: Title of the tile that links to the container's web page
                        text: qsTr("Web preview")
                        font.pixelSize: Theme.headingFontSize
                        font.bold: true
                        color: Theme.text
                    }
                    Button {
                        objectName: "home-web-open"
                        Layout.fillWidth: true
                        text: ContainerController.webUrl
                        //: Accessible name of the link; %1 is the address
                        Accessible.name: qsTr("Open %1 in the browser").arg(ContainerController.webUrl)
                        onClicked: Qt.openUrlExternally(ContainerController.webUrl)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Open in the browser")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            objectName: "home-web-state"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: ContainerController.webState === "answers" ? Theme.success : Theme.mutedText
                            text: {
                                switch (ContainerController.webState) {
                                //: Web preview: the check is running
                                case "checking": return qsTr("Checking whether a web page answers…")
                                //: Web preview: the page answered; %1 is the HTTP status
                                case "answers": return qsTr("A web server answers here (HTTP %1).").arg(ContainerController.webStatus)
                                //: Web preview: nothing answered
                                case "silent": return qsTr("Nothing answers yet. The program may still be starting, or it does not serve web pages.")
                                }
                                return ""
                            }
                        }
                        Button {
                            objectName: "home-web-check"
                            flat: true
                            //: Button that checks the web page again
                            text: qsTr("Check again")
                            Accessible.name: qsTr("Check the web page again")
                            enabled: ContainerController.webState !== "checking"
                            onClicked: ContainerController.probeWeb()
                        }
                    }
                    // In a Column, not directly in the Layout: with Qt 6.4 a Layout whose Repeater
                    // rebuilds its delegates can keep a freed one and crash in its next pass.
                    Column {
                        Layout.fillWidth: true
                        spacing: parent.spacing
                        visible: children.length > 1  // the Repeater itself is one child
                        Repeater {
                            model: ContainerController.ports
                            delegate: Label {
                                required property var modelData
                                width: parent ? parent.width : 0
                                //: A published port: %1 the address on this computer, %2 the port in the container, %3 tcp/udp
                                text: qsTr("%1 → container port %2/%3")
                                      .arg((modelData.hostIp === "" || modelData.hostIp === "0.0.0.0" ? "127.0.0.1" : modelData.hostIp) + ":" + modelData.hostPort)
                                      .arg(modelData.containerPort).arg(modelData.protocol)
                                color: Theme.mutedText
                                font.pixelSize: Theme.smallFontSize
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }

            // Volumes tile
            Rectangle {
                objectName: "home-volumes"
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: Theme.spacing
                    Label {
                        //: Title of the tile listing the container's volumes and folders
                        text: qsTr("Volumes")
                        font.pixelSize: Theme.headingFontSize
                        font.bold: true
                        color: Theme.text
                    }
                    Label {
                        objectName: "home-volumes-empty"
                        Layout.fillWidth: true
                        visible: ContainerController.mounts.length === 0
                        //: Volumes tile when the container uses no volume or folder
                        text: qsTr("No folders are shared with this container. Add one in Settings → Volumes to keep data outside it.")
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
                            model: ContainerController.mounts
                            delegate: ItemDelegate {
                                id: mount
                                required property var modelData
                                required property int index
                                objectName: "home-volume-" + index
                                width: parent ? parent.width : 0
                                //: Accessible name of a volume entry; %1 the path in the container, %2 the folder on this computer
                                Accessible.name: qsTr("%1, stored in %2. Open the folder").arg(modelData.destination).arg(modelData.source)
                                onClicked: Qt.openUrlExternally("file://" + modelData.source)
                                contentItem: ColumnLayout {
                                    spacing: 0
                                    Label {
                                        Layout.fillWidth: true
                                        text: mount.modelData.destination + (mount.modelData.readOnly ? "  " + qsTr("(read-only)") : "")
                                        color: Theme.text
                                        elide: Text.ElideMiddle
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: mount.modelData.type === "volume"
                                              //: A named volume; %1 its name
                                              ? qsTr("Volume %1").arg(mount.modelData.name)
                                              : mount.modelData.source
                                        color: Theme.accent
                                        font.pixelSize: Theme.smallFontSize
                                        elide: Text.ElideMiddle
                                    }
                                }
                            }
                        }
                    }
                    Item { Layout.fillHeight: true }
                    Button {
                        objectName: "home-volumes-settings"
                        //: Opens the Settings tab
                        text: qsTr("Change in Settings")
                        Accessible.name: text
                        onClicked: root.showSettings()
                    }
                }
            }
        }
    }
}
