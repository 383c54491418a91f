import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Sidebar with no containers: an empty state that says what to do, and "+ New" navigates.
// TestCase itself is invisible; the views under test live in this visible item.
Item {
    id: root
    width: 300
    height: 600

    TestCase {
        id: test
        name: "Sidebar"
        when: windowShown

        Component { id: sidebar; Sidebar { width: 280; height: 600 } }

        function test_emptyStateAndNewButton() {
            const view = createTemporaryObject(sidebar, root)
            const empty = findChild(view, "sidebar-empty")
            compare(empty.visible, true)
            verify(findChild(view, "sidebar-empty-title").text.length > 0)
            const spy = createTemporaryObject(spyComponent, test, { target: view, signalName: "navigate" })
            mouseClick(findChild(view, "sidebar-new"))
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "new")
        }

        Component { id: spyComponent; SignalSpy {} }
    }
}
