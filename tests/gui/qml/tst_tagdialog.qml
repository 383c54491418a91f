import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Tag dialog: Tag is enabled only for a valid new name; a digest is refused with a reason.
// TestCase itself is invisible; the views under test live in this visible item.
Item {
    id: root
    width: 700
    height: 500

    TestCase {
        id: test
        name: "TagDialog"
        when: windowShown

        Component { id: dialog; TagDialog { imageId: "sha256:abc"; currentName: "busybox:latest" } }

        function test_validation() {
            const d = createTemporaryObject(dialog, root)
            d.open()
            tryCompare(d, "opened", true)
            const field = findChild(d.contentItem, "tagDialog-name")
            const confirm = findChild(d.footer, "tagDialog-confirm")
            compare(confirm.enabled, false)
            field.text = "myapp:1.0"
            compare(confirm.enabled, true)
            field.text = "myapp@sha256:" + "b".repeat(64)
            compare(confirm.enabled, false)
            const problem = findChild(d.contentItem, "tagDialog-problem")
            compare(problem.visible, true)
            compare(problem.text, "A new name cannot contain a digest (@sha256:...).")
            d.close()
        }
    }
}
