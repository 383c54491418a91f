import QtQuick
import QtQuick.Controls
import QtTest
import Berth

// Ports table: problems show under the row as they are typed (not a number, out of
// range, the same host port twice), "Random" needs no host port, rows add and remove.
Item {
    id: root
    width: 900
    height: 600

    TestCase {
        name: "PortTable"
        when: windowShown

        Component {
            id: tableWithForm
            Item {
                property alias form: form
                property alias table: table
                anchors.fill: parent
                SettingsController { id: form; name: "web" }
                PortTable { id: table; width: parent.width; prefix: "ports"; rows: form.ports }
            }
        }

        function typeInto(field, text) {
            field.forceActiveFocus()
            field.selectAll()
            keyClick(Qt.Key_Delete)
            for (const c of text)
                keyClick(c)
        }

        function test_validationShowsUnderTheRow() {
            const t = createTemporaryObject(tableWithForm, root)
            const add = findChild(t.table, "ports-add")
            mouseClick(add)
            compare(t.form.ports.count, 1)
            // A new row starts with a random host port and asks for the container port.
            tryVerify(() => findChild(t.table, "ports-error-0") !== null)
            const error0 = findChild(t.table, "ports-error-0")
            compare(error0.visible, true)
            verify(error0.text.indexOf("inside the container") >= 0)
            compare(findChild(t.table, "ports-hostPort-0").enabled, false)

            typeInto(findChild(t.table, "ports-containerPort-0"), "web")
            compare(error0.text, "“web” is not a port number. Use a number from 1 to 65535.")
            typeInto(findChild(t.table, "ports-containerPort-0"), "80")
            compare(error0.visible, false)
            compare(t.form.valid, true)

            // A fixed host port, then the same one in a second row.
            mouseClick(findChild(t.table, "ports-random-0"))
            compare(t.form.ports.get(0, "random"), false)
            const host0 = findChild(t.table, "ports-hostPort-0")
            compare(host0.enabled, true)
            compare(error0.visible, true)  // no host port yet
            typeInto(host0, "8080")
            compare(error0.visible, false)

            mouseClick(add)
            tryVerify(() => findChild(t.table, "ports-containerPort-1") !== null)
            typeInto(findChild(t.table, "ports-containerPort-1"), "81")
            mouseClick(findChild(t.table, "ports-random-1"))
            typeInto(findChild(t.table, "ports-hostPort-1"), "99999")
            const error1 = findChild(t.table, "ports-error-1")
            verify(error1.text.indexOf("1 to 65535") >= 0)
            typeInto(findChild(t.table, "ports-hostPort-1"), "8080")
            compare(error1.text, "Port 8080 on this computer is already used by another row.")
            compare(t.form.valid, false)
            compare(t.form.errorCount, 1)

            // Removing the first row settles the conflict.
            mouseClick(findChild(t.table, "ports-remove-0"))
            compare(t.form.ports.count, 1)
            tryCompare(t.form, "valid", true)
            const json = JSON.parse(t.form.createRequestJson())
            compare(json.HostConfig.PortBindings["81/tcp"][0].HostPort, "8080")
        }

        function test_everyControlHasAnAccessibleName() {
            const t = createTemporaryObject(tableWithForm, root)
            mouseClick(findChild(t.table, "ports-add"))
            tryVerify(() => findChild(t.table, "ports-containerPort-0") !== null)
            for (const name of ["ports-containerPort-0", "ports-protocol-0", "ports-hostIp-0",
                                "ports-hostPort-0", "ports-random-0", "ports-remove-0", "ports-add"])
                verify(findChild(t.table, name).Accessible.name.length > 0, name)
        }
    }
}
