import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// An error where the user acted: the plain-words message, and the engine's own words under
// "Details" for whoever needs them.
Rectangle {
    id: root
    property string text
    property string detail
    property bool showDetail: false
    property alias actions: actionRow.data
    signal dismissed()

    visible: text.length > 0
    implicitHeight: visible ? column.implicitHeight + 2 * Theme.spacing : 0
    radius: Theme.radius
    color: Theme.dangerSurface
    border.color: Theme.danger
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: root.objectName + "-text"
                Layout.fillWidth: true
                text: root.text
                color: Theme.danger
                wrapMode: Text.Wrap
                font.bold: true
            }
            RowLayout { id: actionRow }
            Button {
                objectName: root.objectName + "-details"
                visible: root.detail.length > 0
                flat: true
                //: Button that shows the engine's own error message
                text: root.showDetail ? qsTr("Hide details") : qsTr("Details")
                Accessible.name: text
                onClicked: root.showDetail = !root.showDetail
            }
            Button {
                objectName: root.objectName + "-dismiss"
                flat: true
                text: "✕"
                //: Accessible name of the button that closes an error message
                Accessible.name: qsTr("Dismiss")
                onClicked: root.dismissed()
            }
        }
        TextEdit {
            objectName: root.objectName + "-detail"
            Layout.fillWidth: true
            visible: root.showDetail && root.detail.length > 0
            text: root.detail
            readOnly: true
            selectByMouse: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize
        }
    }
}
