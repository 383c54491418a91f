import QtQuick
import QtTest
import Berth

// Theme: "light" and "dark" pin the colours; "system" follows the system palette.
// (The live switch on a palette change is checked in gui_theme, which can change it.)
Item {
    TestCase {
        name: "Theme"

        function cleanup() { Preferences.theme = "light" }

        function test_pinnedThemes() {
            Preferences.theme = "dark"
            compare(Theme.dark, true)
            Preferences.theme = "light"
            compare(Theme.dark, false)
        }

        function test_backdropDimsInBothThemes() {
            Preferences.theme = "dark"
            verify(Theme.backdrop.a > 0.3 && Theme.backdrop.a < 0.9)
            Preferences.theme = "light"
            verify(Theme.backdrop.a > 0.3 && Theme.backdrop.a < 0.9)
        }
    }
}
