import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The engine's inspect JSON of a volume or network: read-only, selectable, with Copy.
ColumnLayout {
    id: root
    property string prefix
    property string json
    spacing: 4

    RowLayout {
        Layout.fillWidth: true
        Label {
            Layout.fillWidth: true
            //: Heading above the raw inspect JSON of a volume or network
            text: qsTr("Inspect")
            font.bold: true
            color: Theme.text
        }
        Button {
            objectName: root.prefix + "-copy"
            flat: true
            //: Copies the inspect JSON to the clipboard
            text: qsTr("Copy")
            Accessible.name: qsTr("Copy inspect output")
            enabled: root.json.length > 0
            onClicked: {
                area.selectAll()
                area.copy()
                area.deselect()
            }
        }
    }
    ScrollView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        TextArea {
            id: area
            objectName: root.prefix + "-json"
            readOnly: true
            selectByMouse: true
            // Long lines (digests, command lines) wrap, at a space when there is one, so
            // nothing hides past the right edge.
            wrapMode: TextEdit.Wrap
            text: root.json
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize
            color: Theme.text
            //: Accessible name of the inspect output
            Accessible.name: qsTr("Inspect output")
            background: Rectangle { color: Theme.surfaceAlt; radius: Theme.radius }
        }
    }
}
