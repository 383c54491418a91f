import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// One container: the header with its controls, then tabs Home, Logs, Settings, Inspect.
// The container is the one selected in the sidebar (containerId).
Item {
    id: root
    property string containerId
    // The container got a new id (settings applied) or went away.
    signal replaced(string newId)
    signal removed()

    onContainerIdChanged: ContainerController.select(containerId)
    Component.onCompleted: if (containerId !== "") ContainerController.select(containerId)

    Connections {
        target: ContainerController
        function onReplaced(oldId, newId) { if (oldId === root.containerId) root.replaced(newId) }
        function onRemoved(id) { if (id === root.containerId) root.removed() }
    }

    function requestRemove() {
        if (Preferences.confirmRemove)
            removeDialog.open()
        else
            ContainerController.remove(ContainerController.stateName !== "exited" && ContainerController.stateName !== "created")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        ContainerHeader {
            objectName: "container-header"
            Layout.fillWidth: true
            containerName: ContainerController.name
            image: ContainerController.image
            stateName: ContainerController.stateName
            busy: ContainerController.busy
            pendingAction: ContainerController.pendingAction
            onStartRequested: ContainerController.start()
            onStopRequested: ContainerController.stop()
            onRestartRequested: ContainerController.restart()
            onPauseRequested: ContainerController.pause()
            onUnpauseRequested: ContainerController.unpause()
            onRemoveRequested: root.requestRemove()
        }

        ErrorBanner {
            objectName: "container-error"
            Layout.fillWidth: true
            text: ContainerController.lastError
            detail: ContainerController.lastErrorDetail
            onDismissed: ContainerController.clearError()
        }
        Rectangle {
            objectName: "container-message"
            Layout.fillWidth: true
            visible: messageText.text.length > 0 && ContainerController.lastError === ""
            // Sized by its row so a wrapped message and the dismiss button both fit.
            implicitHeight: visible ? messageRow.implicitHeight + 2 * Theme.spacing : 0
            radius: Theme.radius
            color: Theme.successSurface
            border.color: Theme.success
            Accessible.role: Accessible.AlertMessage
            Accessible.name: messageText.text
            RowLayout {
                id: messageRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                Label {
                    id: messageText
                    objectName: "container-message-text"
                    Layout.fillWidth: true
                    text: ContainerController.lastMessage
                    color: Theme.success
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "container-message-dismiss"
                    Layout.alignment: Qt.AlignTop
                    // A small square, not a full-size button face, beside one line of text.
                    implicitWidth: 28
                    implicitHeight: 28
                    padding: 0
                    flat: true
                    text: "✕"
                    //: Accessible name of the button that closes a message
                    Accessible.name: qsTr("Dismiss")
                    onClicked: ContainerController.clearMessage()
                }
            }
        }

        TabBar {
            id: tabs
            objectName: "container-tabs"
            Layout.fillWidth: true
            // Basic draws unselected tabs with dark/brightText, which Main.qml gives the
            // accent; unselected tabs sit on a plain button face instead.
            palette.active.dark: Theme.buttonFace
            palette.active.brightText: Theme.mutedText
            palette.inactive.dark: Theme.buttonFace
            palette.inactive.brightText: Theme.mutedText
            TabButton {
                objectName: "container-tab-home"
                //: Tab of the container view: overview with log, web preview and volumes
                text: qsTr("Home")
                Accessible.name: text
            }
            TabButton {
                objectName: "container-tab-logs"
                //: Tab of the container view: the full log
                text: qsTr("Logs")
                Accessible.name: text
            }
            TabButton {
                objectName: "container-tab-settings"
                //: Tab of the container view: settings that recreate the container
                text: qsTr("Settings")
                Accessible.name: text
            }
            TabButton {
                objectName: "container-tab-inspect"
                //: Tab of the container view: the engine's raw description of the container
                text: qsTr("Inspect")
                Accessible.name: text
            }
        }

        StackLayout {
            objectName: "container-pages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex
            ContainerHomeTab {
                objectName: "container-page-home"
                onShowLogs: tabs.currentIndex = 1
                onShowSettings: tabs.currentIndex = 2
            }
            ContainerLogsTab { objectName: "container-page-logs" }
            ContainerSettingsTab { objectName: "container-page-settings" }
            ContainerInspectTab { objectName: "container-page-inspect" }
        }
    }

    ConfirmDialog {
        id: removeDialog
        objectName: "container-removeDialog"
        //: Title of the dialog that confirms removing a container
        title: qsTr("Remove container")
        message: ContainerController.stateName === "exited" || ContainerController.stateName === "created"
                 //: Confirmation for a stopped container; %1 is its name
                 ? qsTr("Remove %1? Its log and the files it changed inside are deleted. Volumes and host folders are kept.").arg(ContainerController.name)
                 //: Confirmation for a running container; %1 is its name
                 : qsTr("%1 is running. Stop and remove it? Its log and the files it changed inside are deleted. Volumes and host folders are kept.").arg(ContainerController.name)
        onAccepted: ContainerController.remove(ContainerController.stateName !== "exited" && ContainerController.stateName !== "created")
    }
}
