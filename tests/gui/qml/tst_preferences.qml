import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Preferences: an unusable engine address is explained and cannot be applied.
// TestCase itself is invisible; the views under test live in this visible item.
Item {
    id: root
    width: 900
    height: 700

    TestCase {
        id: test
        name: "PreferencesView"
        when: windowShown

        Component { id: prefs; PreferencesView { anchors.fill: parent } }

        function test_badAddressIsExplainedAndApplyDisabled() {
            const view = createTemporaryObject(prefs, root)
            const field = findChild(view, "prefs-host")
            field.text = "ssh://somewhere"
            const problem = findChild(view, "prefs-host-problem")
            tryCompare(problem, "visible", true)
            verify(problem.text.indexOf("unix://") >= 0)
            compare(findChild(view, "prefs-host-apply").enabled, false)
        }

        function test_goodAddressCanBeApplied() {
            const view = createTemporaryObject(prefs, root)
            const field = findChild(view, "prefs-host")
            field.text = "unix:///tmp/other.sock"
            compare(findChild(view, "prefs-host-problem").visible, false)
            compare(findChild(view, "prefs-host-apply").enabled, true)
        }

        function test_confirmRemoveFollowsTheCheckBox() {
            const view = createTemporaryObject(prefs, root)
            const box = findChild(view, "prefs-confirmRemove")
            compare(box.checked, Preferences.confirmRemove)
            mouseClick(box)
            compare(Preferences.confirmRemove, box.checked)
            mouseClick(box)
        }
    }
}
