import QtQuick

// A page of the main StackLayout, made the first time it is shown and kept from then on
// (switching away keeps its state).
Loader {
    property bool shown: false
    active: shown
    onVisibleChanged: if (visible) shown = true
    Component.onCompleted: if (visible) shown = true
}
