import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Top of the container view: name, image, state, and the buttons for what can be done to
// the container in its present state. It only shows and asks; ContainerView acts.
Rectangle {
    id: root
    property string containerName
    property string image
    property string stateName
    property bool busy: false
    // The action running now, to say so next to the buttons.
    property string pendingAction
    signal startRequested()
    signal stopRequested()
    signal restartRequested()
    signal pauseRequested()
    signal unpauseRequested()
    signal removeRequested()

    implicitHeight: layout.implicitHeight + 2 * Theme.padding
    color: Theme.surface
    border.color: Theme.border
    radius: Theme.radius

    function stateText(s) {
        switch (s) {
        //: Container state shown in the header
        case "running": return qsTr("Running")
        //: Container state shown in the header
        case "paused": return qsTr("Paused")
        //: Container state shown in the header
        case "restarting": return qsTr("Restarting")
        //: Container state shown in the header: created but never started
        case "created": return qsTr("Created, not started")
        //: Container state shown in the header
        case "exited": return qsTr("Stopped")
        //: Container state shown in the header: the engine could not clean it up
        case "dead": return qsTr("Dead")
        //: Container state shown in the header
        case "removing": return qsTr("Being removed")
        }
        return s
    }
    function pendingText(a) {
        switch (a) {
        //: Shown while the action runs
        case "start": return qsTr("Starting…")
        //: Shown while the action runs
        case "stop": return qsTr("Stopping…")
        //: Shown while the action runs
        case "restart": return qsTr("Restarting…")
        //: Shown while the action runs
        case "pause": return qsTr("Pausing…")
        //: Shown while the action runs
        case "unpause": return qsTr("Resuming…")
        //: Shown while the action runs
        case "remove": return qsTr("Removing…")
        //: Shown while new settings are applied
        case "save": return qsTr("Applying settings…")
        }
        return ""
    }

    RowLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.padding

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            RowLayout {
                spacing: Theme.spacing
                StatusDot { stateName: root.stateName }
                Label {
                    objectName: "container-name"
                    Layout.fillWidth: true
                    text: root.containerName
                    font.pixelSize: Theme.titleFontSize
                    font.bold: true
                    color: Theme.text
                    elide: Text.ElideRight
                    Accessible.name: text
                }
            }
            Label {
                objectName: "container-subtitle"
                Layout.fillWidth: true
                //: Under the container's name: %1 is its image, %2 its state ("Running")
                text: qsTr("%1 · %2").arg(root.image).arg(root.stateText(root.stateName))
                color: Theme.mutedText
                elide: Text.ElideMiddle
            }
        }

        BusyIndicator {
            objectName: "container-busy"
            visible: root.busy
            running: visible
            implicitWidth: 28
            implicitHeight: 28
            Accessible.name: root.pendingText(root.pendingAction)
        }
        Label {
            visible: root.busy
            text: root.pendingText(root.pendingAction)
            color: Theme.mutedText
        }

        Button {
            objectName: "container-start"
            visible: root.stateName !== "paused"
            //: Button that starts a stopped container
            text: qsTr("Start")
            Accessible.name: qsTr("Start the container")
            enabled: !root.busy && ContainerController.canDo("start", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.startRequested()
        }
        Button {
            objectName: "container-unpause"
            visible: root.stateName === "paused"
            //: Button that resumes a paused container
            text: qsTr("Resume")
            Accessible.name: qsTr("Resume the paused container")
            enabled: !root.busy && ContainerController.canDo("unpause", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.unpauseRequested()
        }
        Button {
            objectName: "container-stop"
            //: Button that stops a running container
            text: qsTr("Stop")
            Accessible.name: qsTr("Stop the container")
            enabled: !root.busy && ContainerController.canDo("stop", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.stopRequested()
        }
        Button {
            objectName: "container-restart"
            //: Button that restarts a container
            text: qsTr("Restart")
            Accessible.name: qsTr("Restart the container")
            enabled: !root.busy && ContainerController.canDo("restart", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.restartRequested()
        }
        Button {
            objectName: "container-pause"
            //: Button that freezes every process of a running container
            text: qsTr("Pause")
            Accessible.name: qsTr("Pause the container")
            enabled: !root.busy && ContainerController.canDo("pause", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.pauseRequested()
        }
        Button {
            objectName: "container-remove"
            //: Button that deletes the container
            text: qsTr("Remove")
            Accessible.name: qsTr("Remove the container")
            enabled: !root.busy && ContainerController.canDo("remove", root.stateName)
            opacity: enabled ? 1 : 0.45
            onClicked: root.removeRequested()
        }
    }
}
