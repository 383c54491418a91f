import QtQuick
import QtQuick.Controls
import Berth

// A container's log lines, virtualised (only the rows on screen exist), coloured from
// ANSI codes, stderr marked, optional timestamps. Follows the end while `follow` is on
// and the user has not scrolled up.
ListView {
    id: root
    property bool follow: true
    property bool showTimestamps: false
    property bool showStreams: true

    clip: true
    boundsBehavior: Flickable.StopAtBounds
    cacheBuffer: 400
    keyNavigationEnabled: true
    activeFocusOnTab: true
    Accessible.role: Accessible.List
    ScrollBar.vertical: ScrollBar { objectName: root.objectName + "-scrollbar"; policy: ScrollBar.AlwaysOn }

    // New lines keep the view at the end, unless the user is reading further up.
    property bool atEnd: true
    onMovementEnded: atEnd = atYEnd
    onCountChanged: if (follow && atEnd) Qt.callLater(positionViewAtEnd)
    onFollowChanged: if (follow) { atEnd = true; positionViewAtEnd() }

    function showRow(row) {
        if (row < 0)
            return
        atEnd = false
        positionViewAtIndex(row, ListView.Center)
        currentIndex = row
    }

    delegate: Rectangle {
        id: line
        required property int index
        required property string richText
        required property string timestamp
        required property bool isStderr
        required property bool isCurrentMatch
        width: ListView.view.width
        height: text.implicitHeight + 2
        color: isCurrentMatch ? Theme.selection : (isStderr && root.showStreams ? Theme.dangerSurface : "transparent")

        Rectangle {
            visible: line.isStderr && root.showStreams
            width: 3
            height: parent.height
            color: Theme.danger
        }
        Text {
            id: stamp
            visible: root.showTimestamps && line.timestamp.length > 0
            x: 8
            text: line.timestamp
            color: Theme.mutedText
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
        Text {
            id: text
            x: 8 + (stamp.visible ? stamp.implicitWidth + 10 : 0)
            width: parent.width - x - 16
            text: line.richText
            textFormat: Text.RichText
            color: Theme.text
            wrapMode: Text.WrapAnywhere
            font.family: Theme.monoFamily
            font.pixelSize: Theme.smallFontSize + 1
        }
    }
}
