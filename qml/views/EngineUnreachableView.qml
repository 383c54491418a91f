import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Shown while the engine cannot be reached: why, how to fix it, and when the next try is.
// The app keeps retrying by itself and switches back as soon as the engine answers.
Rectangle {
    id: root
    color: Theme.window
    readonly property bool connecting: EngineHub.state === EngineHub.Connecting
    readonly property string reason: EngineHub.reason

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.padding, 640)
        spacing: Theme.padding

        Label {
            objectName: "noEngine-title"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
            text: root.connecting
                  //: Title while the app connects to the engine for the first time
                  ? qsTr("Connecting to the Berth engine…")
                  : root.reason === "permission"
                    //: Title when the user may not use the engine's socket
                    ? qsTr("Berth is not allowed to use the engine")
                    : root.reason === "wrongPath"
                      //: Title when the configured socket path does not exist
                      ? qsTr("No engine at this address")
                      : root.reason === "badAddress"
                        //: Title when the engine address setting cannot be used
                        ? qsTr("The engine address is not valid")
                        //: Title when the engine is not running
                        : qsTr("The Berth engine is not running")
        }

        Label {
            objectName: "noEngine-explanation"
            Layout.fillWidth: true
            visible: !root.connecting
            wrapMode: Text.Wrap
            color: Theme.text
            text: root.reason === "permission"
                  //: Explanation for a permission problem; %1 is the socket path
                  ? qsTr("The engine is running, but your user may not open its socket %1. Only root and members of the group 'berth' may use it.").arg(EngineHub.socketPath)
                  : root.reason === "wrongPath"
                    //: Explanation when the socket path is wrong; %1 is the address
                    ? qsTr("Nothing is listening at %1. The path may be mistyped, or the engine uses another socket.").arg(EngineHub.host)
                    : root.reason === "badAddress"
                      //: Explanation for an unusable address; %1 is the address
                      ? qsTr("Berth cannot use “%1” as an engine address.").arg(EngineHub.host)
                      : root.reason === "other"
                        //: Explanation for other connection problems; %1 is the address
                        ? qsTr("Berth could not talk to the engine at %1.").arg(EngineHub.host)
                        //: Explanation when nothing answers; %1 is the address
                        : qsTr("Berth needs its engine, berthd, to pull images and run containers. Nothing answers at %1.").arg(EngineHub.host)
        }

        Rectangle {
            Layout.fillWidth: true
            visible: !root.connecting
            implicitHeight: fixColumn.implicitHeight + 2 * Theme.padding
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            ColumnLayout {
                id: fixColumn
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing
                Label {
                    //: Heading of the "how to fix it" box
                    text: qsTr("How to fix it")
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    objectName: "noEngine-fix"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: root.reason === "permission"
                          //: Fix for the permission problem (keep the command as is)
                          ? qsTr("Add yourself to the group, then log out and back in:")
                          : (root.reason === "wrongPath" || root.reason === "badAddress")
                            //: Fix for a wrong address
                            ? qsTr("Enter the engine's socket below (the default is unix:///run/berth/berth.sock), or start the engine:")
                            //: Fix when the engine is not running (keep the command as is)
                            : qsTr("Start the engine, then wait a moment:")
                }
                TextEdit {
                    objectName: "noEngine-command"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    wrapMode: Text.WrapAnywhere
                    color: Theme.text
                    font.family: Theme.monoFamily
                    text: root.reason === "permission" ? "sudo usermod -aG berth $USER"
                                                       : "sudo systemctl start berthd"
                    Accessible.name: text
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    TextField {
                        id: hostField
                        objectName: "noEngine-host"
                        Layout.fillWidth: true
                        text: Preferences.engineHost
                        //: Placeholder of the engine address field
                        placeholderText: qsTr("Engine address (empty: default)")
                        Accessible.name: qsTr("Engine address")
                        selectByMouse: true
                    }
                    Button {
                        objectName: "noEngine-useHost"
                        //: Button that connects to the address typed next to it
                        text: qsTr("Connect")
                        Accessible.name: qsTr("Connect to this address")
                        enabled: Preferences.validateEngineHost(hostField.text) === ""
                        onClicked: {
                            Preferences.engineHost = hostField.text
                            EngineHub.retryNow()
                        }
                    }
                }
                Label {
                    objectName: "noEngine-hostProblem"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: Preferences.validateEngineHost(hostField.text)
                    color: Theme.danger
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.smallFontSize
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            BusyIndicator {
                running: root.connecting
                visible: root.connecting
                Layout.preferredWidth: 28
                Layout.preferredHeight: 28
            }
            Label {
                objectName: "noEngine-retry"
                Layout.fillWidth: true
                color: Theme.mutedText
                wrapMode: Text.Wrap
                text: root.connecting || EngineHub.retryIn <= 0
                      //: Shown while a connection attempt runs
                      ? qsTr("Trying to connect…")
                      //: Countdown to the next automatic attempt; %1 is a number of seconds
                      : qsTr("Trying again in %1 s.").arg(EngineHub.retryIn)
            }
            Button {
                objectName: "noEngine-retryNow"
                visible: !root.connecting
                //: Button that tries to reach the engine right away
                text: qsTr("Try now")
                Accessible.name: qsTr("Try to connect now")
                onClicked: EngineHub.retryNow()
            }
        }

        Label {
            objectName: "noEngine-detail"
            Layout.fillWidth: true
            visible: !root.connecting && EngineHub.detail.length > 0
            //: The technical reason the connection failed; %1 is the system's message
            text: qsTr("Details: %1").arg(EngineHub.detail)
            color: Theme.mutedText
            wrapMode: Text.WrapAnywhere
            font.pixelSize: Theme.smallFontSize
            font.family: Theme.monoFamily
        }
    }
}
