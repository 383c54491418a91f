import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Berth

// The whole log: virtualised for very long logs, with timestamps, stdout/stderr
// colours, search with next/previous, and saving to a file.
Item {
    id: root

    function findNext() { lines.showRow(ContainerController.logs.nextMatch()) }
    function findPrevious() { lines.showRow(ContainerController.logs.previousMatch()) }

    Connections {
        target: ContainerController.logs
        function onSaved(path, error) {
            saveStatus.failed = error !== ""
            saveStatus.text = error === ""
                    //: After saving the log; %1 is the file
                    ? qsTr("Log saved to %1.").arg(path)
                    //: Saving the log failed; %1 is the file, %2 the system's reason
                    : qsTr("Could not save the log to %1: %2").arg(path).arg(error)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            TextField {
                id: search
                objectName: "logs-search"
                Layout.fillWidth: true
                placeholderText: qsTr("Search the log")
                Accessible.name: qsTr("Search the log")
                selectByMouse: true
                text: ContainerController.logs.searchText
                onTextEdited: ContainerController.logs.searchText = text
                Keys.onReturnPressed: (event) => {
                    if (event.modifiers & Qt.ShiftModifier) root.findPrevious(); else root.findNext()
                }
            }
            Label {
                objectName: "logs-matches"
                visible: search.text.length > 0
                text: ContainerController.logs.matchCount === 0
                      //: Log search found nothing
                      ? qsTr("No matches")
                      //: Log search position: %1 the current match, %2 how many there are
                      : qsTr("%1 of %2").arg(ContainerController.logs.currentMatch + 1).arg(ContainerController.logs.matchCount)
                color: Theme.mutedText
            }
            Button {
                objectName: "logs-previous"
                //: Goes to the previous search match
                text: qsTr("Previous")
                Accessible.name: qsTr("Previous match")
                enabled: ContainerController.logs.matchCount > 0
                onClicked: root.findPrevious()
            }
            Button {
                objectName: "logs-next"
                //: Goes to the next search match
                text: qsTr("Next")
                Accessible.name: qsTr("Next match")
                enabled: ContainerController.logs.matchCount > 0
                onClicked: root.findNext()
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            CheckBox {
                id: timestamps
                objectName: "logs-timestamps"
                //: Check box that shows when each log line was printed
                text: qsTr("Timestamps")
                Accessible.name: qsTr("Show timestamps")
            }
            CheckBox {
                id: streams
                objectName: "logs-streams"
                checked: true
                //: Check box that marks error output (stderr) in red
                text: qsTr("Mark errors (stderr)")
                Accessible.name: text
            }
            CheckBox {
                id: follow
                objectName: "logs-follow"
                checked: true
                text: qsTr("Follow")
                Accessible.name: qsTr("Follow new log lines")
            }
            Item { Layout.fillWidth: true }
            Label {
                //: Number of lines in the log; %1 is the count
                text: qsTr("%1 lines").arg(ContainerController.logs.count)
                color: Theme.mutedText
            }
            Button {
                objectName: "logs-copy"
                text: qsTr("Copy")
                Accessible.name: qsTr("Copy the log")
                enabled: ContainerController.logs.count > 0
                onClicked: ContainerController.logs.copyAll(timestamps.checked)
            }
            Button {
                objectName: "logs-save"
                //: Button that saves the log to a file
                text: qsTr("Save…")
                Accessible.name: qsTr("Save the log to a file")
                enabled: ContainerController.logs.count > 0
                onClicked: saveDialog.open()
            }
        }
        Label {
            id: saveStatus
            objectName: "logs-saveStatus"
            property bool failed: false
            Layout.fillWidth: true
            visible: text.length > 0
            color: failed ? Theme.danger : Theme.success
            wrapMode: Text.Wrap
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            LogLineView {
                id: lines
                objectName: "logs-lines"
                anchors.fill: parent
                anchors.margins: 4
                model: ContainerController.logs
                follow: follow.checked
                showTimestamps: timestamps.checked
                showStreams: streams.checked
                //: Accessible name of the full log list
                Accessible.name: qsTr("Full log")
            }
            Label {
                anchors.centerIn: parent
                visible: ContainerController.logs.count === 0
                text: qsTr("This container has printed nothing.")
                color: Theme.mutedText
            }
        }
    }

    FileDialog {
        id: saveDialog
        objectName: "logs-saveDialog"
        //: Title of the save dialog for the log
        title: qsTr("Save the log")
        fileMode: FileDialog.SaveFile
        //: File type filter in the save dialog
        nameFilters: [qsTr("Text files (*.txt *.log)"), qsTr("All files (*)")]
        onAccepted: ContainerController.logs.saveToFile(selectedFile, timestamps.checked)
    }
}
