import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// "Pull by name": the validation message appears only for a bad name, and Pull is
// enabled only for a name that can be pulled.
// TestCase itself is invisible; the views under test live in this visible item.
Item {
    id: root
    width: 600
    height: 300

    TestCase {
        id: test
        name: "PullByName"
        when: windowShown

        Component { id: pullByName; PullByName { width: 500; prefix: "t" } }

        function test_emptyFieldShowsNoErrorAndDisablesPull() {
            const view = createTemporaryObject(pullByName, root)
            const button = findChild(view, "t-button")
            const problem = findChild(view, "t-problem")
            compare(button.enabled, false)
            compare(problem.visible, false)
        }

        function test_validNamesEnablePull_data() {
            return [
                { tag: "plain", name: "busybox" },
                { tag: "with tag", name: "nginx:1.25" },
                { tag: "registry with port", name: "127.0.0.1:5000/busybox:latest" },
                { tag: "digest", name: "busybox@sha256:" + "a".repeat(64) }
            ]
        }
        function test_validNamesEnablePull(data) {
            const view = createTemporaryObject(pullByName, root)
            view.text = data.name
            compare(findChild(view, "t-button").enabled, true)
            compare(findChild(view, "t-problem").visible, false)
        }

        function test_invalidNamesExplainWhy_data() {
            return [
                { tag: "uppercase", name: "BusyBox", expected: "Image names must be lowercase." },
                { tag: "space", name: "busy box", expected: "Image names cannot contain spaces." },
                { tag: "bad characters", name: "busy$box", expected: "This is not a valid image name. Use name, name:tag or registry/name:tag." }
            ]
        }
        function test_invalidNamesExplainWhy(data) {
            const view = createTemporaryObject(pullByName, root)
            view.text = data.name
            const problem = findChild(view, "t-problem")
            compare(findChild(view, "t-button").enabled, false)
            compare(problem.visible, true)
            compare(problem.text, data.expected)
        }

        function test_progressPanelHiddenUntilAPullStarts() {
            const view = createTemporaryObject(pullByName, root)
            compare(findChild(view, "t-progress").visible, false)
        }
    }
}
