import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// What a list shows when it has nothing: a title, a sentence that says what to do next.
Item {
    id: root
    property string title
    property string hint
    implicitHeight: column.implicitHeight + 2 * Theme.padding
    implicitWidth: 240

    ColumnLayout {
        id: column
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.padding, 420)
        spacing: Theme.spacing
        Label {
            objectName: root.objectName + "-title"
            Layout.fillWidth: true
            text: root.title
            font.pixelSize: Theme.headingFontSize
            font.bold: true
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
        Label {
            objectName: root.objectName + "-hint"
            Layout.fillWidth: true
            visible: root.hint.length > 0
            text: root.hint
            color: Theme.mutedText
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
        }
    }
}
