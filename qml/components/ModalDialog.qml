import QtQuick
import QtQuick.Controls
import Berth

// A modal dialog centred on the window, over a dimmed backdrop, whichever view opens it.
Dialog {
    modal: true
    parent: Overlay.overlay
    x: parent ? (parent.width - width) / 2 : 0
    y: parent ? (parent.height - height) / 3 : 0
    padding: Theme.padding
    Overlay.modal: Rectangle { color: Theme.backdrop }
}
