import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Progress of the running (or last) pull: overall bar in bytes, a row per layer, Cancel.
Rectangle {
    id: root
    readonly property var model: ImageController.pullProgress
    readonly property string pullState: ImageController.pullState
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.border

    // The engine words layer statuses in English; the phase is shown in the user's language.
    function phaseText(phase) {
        switch (phase) {
        //: Layer status in the pull progress list
        case 0: return qsTr("Waiting")
        //: Layer status in the pull progress list
        case 1: return qsTr("Downloading")
        //: Layer status in the pull progress list (checksum check)
        case 2: return qsTr("Verifying")
        //: Layer status in the pull progress list
        case 3: return qsTr("Downloaded")
        //: Layer status in the pull progress list (unpacking)
        case 4: return qsTr("Extracting")
        //: Layer status in the pull progress list
        default: return qsTr("Done")
        }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: root.objectName + "-title"
                Layout.fillWidth: true
                elide: Text.ElideMiddle
                font.bold: true
                color: root.pullState === "failed" ? Theme.danger : Theme.text
                text: root.pullState === "pulling"
                      //: Title of the pull progress box while downloading; %1 is the image name
                      ? qsTr("Pulling %1…").arg(ImageController.pullReference)
                      : root.pullState === "done"
                        //: Title of the pull progress box when the download finished
                        ? qsTr("Pulled %1").arg(ImageController.pullReference)
                        : root.pullState === "cancelled"
                          //: Title of the pull progress box after Cancel
                          ? qsTr("Pull of %1 cancelled").arg(ImageController.pullReference)
                          //: Title of the pull progress box when the download failed
                          : qsTr("Pull of %1 failed").arg(ImageController.pullReference)
            }
            Label {
                objectName: root.objectName + "-bytes"
                visible: root.model.totalBytes > 0
                text: root.model.progressText
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
            }
            Button {
                objectName: root.objectName + "-cancel"
                visible: root.pullState === "pulling"
                //: Button that stops a running download
                text: qsTr("Cancel")
                Accessible.name: qsTr("Cancel pull")
                onClicked: ImageController.cancelPull()
            }
        }
        ProgressBar {
            objectName: root.objectName + "-bar"
            Layout.fillWidth: true
            from: 0
            to: 1
            value: root.model.progress
            indeterminate: root.pullState === "pulling" && root.model.layerCount === 0
            //: Accessible name of the overall pull progress bar
            Accessible.name: qsTr("Overall progress")
        }
        Label {
            objectName: root.objectName + "-layers"
            visible: root.model.layerCount > 0
            //: Under the pull progress bar; %1 finished layers out of %2
            text: qsTr("Layers: %1 of %2 done").arg(root.model.layersDone).arg(root.model.layerCount)
            color: Theme.mutedText
            font.pixelSize: Theme.smallFontSize
        }
        ListView {
            id: layerList
            objectName: root.objectName + "-layerList"
            Layout.fillWidth: true
            Layout.preferredHeight: Math.min(contentHeight, 5 * 24)
            visible: root.pullState === "pulling" && count > 0
            clip: true
            interactive: contentHeight > height
            model: root.model
            delegate: RowLayout {
                required property string layerId
                required property int phase
                required property double fraction
                width: layerList.width
                height: 24
                spacing: Theme.spacing
                Label {
                    text: layerId
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.mutedText
                    Layout.preferredWidth: 110
                    elide: Text.ElideRight
                }
                ProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: 1
                    value: fraction
                    Accessible.name: layerId
                }
                Label {
                    text: root.phaseText(phase)
                    font.pixelSize: Theme.smallFontSize
                    color: Theme.mutedText
                    Layout.preferredWidth: 140
                    elide: Text.ElideRight
                }
            }
        }
        ErrorBanner {
            objectName: root.objectName + "-error"
            Layout.fillWidth: true
            text: ImageController.errorOperation === "pull" ? ImageController.lastError : ""
            detail: ImageController.errorOperation === "pull" ? ImageController.lastErrorDetail : ""
            onDismissed: ImageController.clearError()
        }
    }
}
