import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// The Berth window: the sidebar on the left, the chosen screen on the right; the
// "engine not reachable" screen over both while there is no engine.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: 1180
    height: 760
    minimumWidth: 860
    minimumHeight: 560
    visible: true
    //: Window title
    title: qsTr("Berth")
    color: Theme.window
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontSize

    // Basic style draws with the palette: feed it the Theme so light and dark both work.
    palette.window: Theme.window
    palette.base: Theme.surface
    palette.alternateBase: Theme.surfaceAlt
    palette.text: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.accentText
    palette.placeholderText: Theme.placeholder
    palette.mid: Theme.border
    palette.midlight: Theme.hover
    palette.light: Theme.surface
    palette.shadow: Theme.border
    palette.toolTipBase: Theme.surface
    palette.toolTipText: Theme.text
    // Roles that differ when disabled are set per colour group: a palette.x binding writes
    // every group, so re-evaluated after a palette.disabled.x one it would undo it.
    // Basic fills highlighted and checked buttons (and progress bars) with dark and
    // writes on them with brightText, so these two carry the accent.
    palette.active.windowText: Theme.text
    palette.active.button: Theme.buttonFace
    palette.active.buttonText: Theme.text
    palette.active.dark: Theme.accent
    palette.active.brightText: Theme.accentText
    palette.inactive.windowText: Theme.text
    palette.inactive.button: Theme.buttonFace
    palette.inactive.buttonText: Theme.text
    palette.inactive.dark: Theme.accent
    palette.inactive.brightText: Theme.accentText
    // Disabled controls keep a faint face and muted text.
    palette.disabled.windowText: Theme.placeholder
    palette.disabled.button: Theme.buttonFaceDisabled
    palette.disabled.buttonText: Theme.placeholder
    palette.disabled.dark: Theme.accentDisabled
    palette.disabled.brightText: Theme.accentTextDisabled

    // "new", "images", "preferences", "container", "volumes", "networks"
    property string page: "images"
    property string selectedContainer
    // Once connected, a short reconnect (the event stream restarting) keeps the main
    // screens; only a real failure shows the help screen.
    property bool engineSeen: false
    readonly property bool engineReady: EngineHub.state === EngineHub.Connected
                                        || (engineSeen && EngineHub.state === EngineHub.Connecting)

    Connections {
        target: EngineHub
        function onStateChanged() {
            if (EngineHub.state === EngineHub.Connected)
                window.engineSeen = true
            else if (EngineHub.state === EngineHub.Unreachable)
                window.engineSeen = false
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0
        visible: window.engineReady

        Sidebar {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            currentPage: window.page
            selectedContainer: window.selectedContainer
            onNavigate: (page) => window.page = page
            onContainerSelected: (containerId) => {
                window.selectedContainer = containerId
                window.page = "container"
            }
        }
        Rectangle { Layout.fillHeight: true; width: 1; color: Theme.border }

        StackLayout {
            objectName: "pages"
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: ["new", "images", "preferences", "container", "volumes", "networks"].indexOf(window.page)

            // Each page is built the first time it is shown and kept afterwards: the window
            // starts with only the page it opens on.
            PageLoader { sourceComponent: Component { NewContainerView { objectName: "page-new" } } }
            PageLoader { sourceComponent: Component { ImagesView { objectName: "page-images" } } }
            PageLoader { sourceComponent: Component { PreferencesView { objectName: "page-preferences" } } }
            PageLoader {
                sourceComponent: Component {
                    ContainerView {
                        objectName: "page-container"
                        containerId: window.selectedContainer
                        onReplaced: (newId) => window.selectedContainer = newId
                        onRemoved: {
                            window.selectedContainer = ""
                            window.page = "images"
                        }
                    }
                }
            }
            PageLoader { sourceComponent: Component { VolumesView { objectName: "page-volumes" } } }
            PageLoader { sourceComponent: Component { NetworksView { objectName: "page-networks" } } }
        }
    }

    // A container made by the New container flow runs: select it, which shows it.
    Connections {
        target: CreateController
        function onContainerOpened(containerId) {
            window.selectedContainer = containerId
            window.page = "container"
        }
    }

    EngineUnreachableView {
        objectName: "page-noEngine"
        anchors.fill: parent
        visible: !window.engineReady
    }
}
