pragma Singleton
import QtQuick
import Berth

// Every colour, size and font the views use. Light or dark follows the system palette
// unless Preferences says otherwise; views never hard-code a colour.
QtObject {
    id: theme

    readonly property SystemPalette systemPalette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool dark: Preferences.theme === "dark"
                                 || (Preferences.theme === "system" && systemPalette.window.hslLightness < 0.5)

    // Surfaces
    readonly property color window: dark ? "#1b1e24" : "#f4f5f7"
    readonly property color sidebar: dark ? "#22262e" : "#e9ecf1"
    readonly property color surface: dark ? "#2a2f38" : "#ffffff"
    readonly property color surfaceAlt: dark ? "#313743" : "#f7f8fa"
    readonly property color border: dark ? "#3d4451" : "#d3d8e0"
    readonly property color selection: dark ? "#2f4468" : "#dbe6fb"
    readonly property color hover: dark ? "#343b48" : "#eef1f6"
    // Button faces stand out from the window; a disabled one keeps a faint face.
    readonly property color buttonFace: dark ? "#3a414e" : "#dde2ea"
    readonly property color buttonFaceDisabled: dark ? "#272b33" : "#eceef2"
    // Dims the window behind a modal dialog.
    readonly property color backdrop: dark ? "#99000000" : "#66101828"

    // Text
    readonly property color text: dark ? "#eceef3" : "#1b2230"
    readonly property color mutedText: dark ? "#a9b1c0" : "#566072"
    readonly property color placeholder: dark ? "#7e8798" : "#8a93a3"

    // Meaning
    readonly property color accent: dark ? "#6aa3ff" : "#2563d6"
    readonly property color accentText: dark ? "#0d1420" : "#ffffff"
    // A disabled highlighted button: still reads as the main action, clearly not clickable.
    readonly property color accentDisabled: dark ? "#2c3a52" : "#d3ddef"
    readonly property color accentTextDisabled: dark ? "#7e8798" : "#8a93a3"
    readonly property color danger: dark ? "#ff7b7b" : "#b42318"
    readonly property color dangerSurface: dark ? "#3d2326" : "#fdecea"
    readonly property color success: dark ? "#5fd38a" : "#1f7a3d"
    readonly property color successSurface: dark ? "#1f3a2a" : "#e7f5ec"
    readonly property color warning: dark ? "#ffbf5f" : "#a15c00"
    readonly property color running: dark ? "#5fd38a" : "#2e9d52"
    readonly property color paused: dark ? "#ffbf5f" : "#d98c00"
    readonly property color stopped: dark ? "#8a93a3" : "#9aa3b2"
    readonly property color restarting: dark ? "#6aa3ff" : "#2563d6"

    // Type: Noto Sans CJK KR covers Hangul and Latin, so one family serves both languages.
    readonly property string fontFamily: "Noto Sans CJK KR"
    readonly property string monoFamily: "monospace"
    readonly property int fontSize: 13
    readonly property int smallFontSize: 11
    readonly property int titleFontSize: 20
    readonly property int headingFontSize: 15

    // Space
    readonly property int spacing: 8
    readonly property int padding: 16
    readonly property int radius: 6
    readonly property int sidebarWidth: 280
    readonly property int rowHeight: 40
}
