import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Settings of the container, in sections. Saving recreates the container from the same
// image with the new settings (the engine cannot change most of them in place).
Item {
    id: root
    readonly property SettingsController form: ContainerController.settings

    // A limit's problem under the limits grid, shown only when there is one.
    component LimitError: Label {
        visible: text.length > 0
        color: Theme.danger
        font.pixelSize: Theme.smallFontSize
    }

    function sectionLabel(key) {
        switch (key) {
        //: Settings section
        case "general": return qsTr("General")
        //: Settings section
        case "ports": return qsTr("Ports")
        //: Settings section
        case "volumes": return qsTr("Volumes")
        //: Settings section
        case "network": return qsTr("Network")
        //: Settings section
        case "advanced": return qsTr("Advanced")
        }
        return key
    }
    function restartLabel(key) {
        switch (key) {
        //: Restart policy "no"
        case "no": return qsTr("Never restart")
        //: Restart policy "on-failure"
        case "on-failure": return qsTr("Restart when it fails")
        //: Restart policy "unless-stopped"
        case "unless-stopped": return qsTr("Always, unless I stopped it")
        //: Restart policy "always"
        case "always": return qsTr("Always")
        }
        return key
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: Theme.spacing
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            ListView {
                id: sections
                objectName: "settings-sections"
                Layout.preferredWidth: 170
                Layout.fillHeight: true
                keyNavigationEnabled: true
                activeFocusOnTab: true
                currentIndex: 0
                //: Accessible name of the list of settings sections
                Accessible.name: qsTr("Settings sections")
                // Keys only: a language switch re-words the labels without resetting the choice.
                model: ["general", "ports", "volumes", "network", "advanced"]
                delegate: ItemDelegate {
                    required property string modelData
                    required property int index
                    objectName: "settings-section-" + modelData
                    width: ListView.view.width
                    text: root.sectionLabel(modelData)
                    Accessible.name: text
                    highlighted: ListView.isCurrentItem
                    onClicked: sections.currentIndex = index
                    background: Rectangle {
                        radius: Theme.radius
                        color: parent.highlighted ? Theme.selection : (parent.hovered ? Theme.hover : "transparent")
                    }
                    contentItem: Label {
                        text: parent.text
                        color: Theme.text
                        font.bold: parent.highlighted
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius

                StackLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    currentIndex: sections.currentIndex

                    // General
                    ScrollView {
                        id: generalScroll
                        objectName: "settings-page-general"
                        contentWidth: availableWidth
                        ColumnLayout {
                            width: generalScroll.availableWidth
                            spacing: Theme.spacing
                            Label { text: qsTr("Name"); font.bold: true; color: Theme.text }
                            TextField {
                                objectName: "settings-name"
                                Layout.fillWidth: true
                                text: root.form.name
                                selectByMouse: true
                                //: Accessible name of the container name field
                                Accessible.name: qsTr("Container name")
                                onTextEdited: root.form.name = text
                            }
                            Label {
                                objectName: "settings-name-error"
                                visible: text.length > 0
                                text: root.form.nameError
                                color: Theme.danger
                                font.pixelSize: Theme.smallFontSize
                            }
                            Label {
                                //: Shows which image the container is made from; %1 is the image
                                text: qsTr("Image: %1").arg(root.form.image)
                                color: Theme.mutedText
                            }

                            Label { Layout.topMargin: Theme.spacing; text: qsTr("Environment variables"); font.bold: true; color: Theme.text }
                            EnvTable {
                                Layout.fillWidth: true
                                prefix: "settings-env"
                                rows: root.form.env
                            }

                            Label { Layout.topMargin: Theme.spacing; text: qsTr("Restart policy"); font.bold: true; color: Theme.text }
                            RowLayout {
                                ComboBox {
                                    id: restart
                                    objectName: "settings-restart"
                                    Layout.preferredWidth: 320
                                    Accessible.name: qsTr("Restart policy")
                                    model: ["no", "on-failure", "unless-stopped", "always"]
                                    currentIndex: Math.max(0, model.indexOf(root.form.restartPolicy))
                                    displayText: root.restartLabel(root.form.restartPolicy)
                                    delegate: ItemDelegate {
                                        required property string modelData
                                        required property int index
                                        width: restart.width
                                        text: root.restartLabel(modelData)
                                        highlighted: restart.highlightedIndex === index
                                    }
                                    onActivated: (i) => root.form.restartPolicy = model[i]
                                }
                                Label {
                                    visible: root.form.restartPolicy === "on-failure"
                                    //: Label of the maximum number of restarts
                                    text: qsTr("at most")
                                    color: Theme.text
                                }
                                SpinBox {
                                    objectName: "settings-maxRetries"
                                    visible: root.form.restartPolicy === "on-failure"
                                    from: 0
                                    to: 100
                                    editable: true
                                    value: root.form.maxRetries
                                    //: Accessible name: 0 means no limit
                                    Accessible.name: qsTr("Maximum restarts (0 for no limit)")
                                    onValueModified: root.form.maxRetries = value
                                }
                            }

                            Label { Layout.topMargin: Theme.spacing; text: qsTr("Limits"); font.bold: true; color: Theme.text }
                            Label {
                                Layout.fillWidth: true
                                //: Explanation of the resource limits
                                text: qsTr("Leave a field empty for no limit.")
                                color: Theme.mutedText
                            }
                            GridLayout {
                                columns: 3
                                columnSpacing: Theme.spacing
                                rowSpacing: Theme.spacing
                                //: Limit: memory
                                Label { text: qsTr("Memory"); color: Theme.text }
                                TextField {
                                    objectName: "settings-memory"
                                    Layout.preferredWidth: 120
                                    text: root.form.memory
                                    placeholderText: "512"
                                    selectByMouse: true
                                    Accessible.name: qsTr("Memory limit")
                                    onTextEdited: root.form.memory = text
                                }
                                ComboBox {
                                    objectName: "settings-memoryUnit"
                                    Layout.preferredWidth: 90
                                    model: ["MB", "GB"]
                                    currentIndex: root.form.memoryUnit === "GB" ? 1 : 0
                                    Accessible.name: qsTr("Memory unit")
                                    onActivated: (i) => root.form.memoryUnit = model[i]
                                }
                                //: Limit: number of CPUs
                                Label { text: qsTr("CPUs"); color: Theme.text }
                                TextField {
                                    objectName: "settings-cpus"
                                    Layout.preferredWidth: 120
                                    text: root.form.cpus
                                    placeholderText: "1.5"
                                    selectByMouse: true
                                    Accessible.name: qsTr("CPU limit")
                                    onTextEdited: root.form.cpus = text
                                }
                                Item { width: 1; height: 1 }
                                //: Limit: number of processes
                                Label { text: qsTr("Processes"); color: Theme.text }
                                TextField {
                                    objectName: "settings-pids"
                                    Layout.preferredWidth: 120
                                    text: root.form.pidsLimit
                                    placeholderText: "100"
                                    selectByMouse: true
                                    Accessible.name: qsTr("Process limit")
                                    onTextEdited: root.form.pidsLimit = text
                                }
                                Item { width: 1; height: 1 }
                            }
                            // Three fixed labels rather than a Repeater over the three errors: a
                            // Repeater directly in a Layout can crash Qt 6.4 when it rebuilds.
                            LimitError { text: root.form.memoryError }
                            LimitError { text: root.form.cpusError }
                            LimitError { text: root.form.pidsError }
                        }
                    }

                    // Ports
                    ScrollView {
                        id: portsScroll
                        objectName: "settings-page-ports"
                        contentWidth: availableWidth
                        PortTable {
                            width: portsScroll.availableWidth
                            prefix: "settings-ports"
                            rows: root.form.ports
                        }
                    }

                    // Volumes
                    ScrollView {
                        id: volumesScroll
                        objectName: "settings-page-volumes"
                        contentWidth: availableWidth
                        VolumeTable {
                            width: volumesScroll.availableWidth
                            prefix: "settings-volumes"
                            rows: root.form.volumes
                            volumeNames: ContainerController.volumeNames
                        }
                    }

                    // Network
                    ColumnLayout {
                        objectName: "settings-page-network"
                        spacing: Theme.spacing
                        Label { text: qsTr("Network"); font.bold: true; color: Theme.text }
                        Label {
                            Layout.fillWidth: true
                            //: Explanation of the network choice
                            text: qsTr("Containers on the same network reach each other by name. “bridge” is the default network; “host” shares this computer's network; “none” has no network.")
                            wrapMode: Text.Wrap
                            color: Theme.mutedText
                        }
                        ComboBox {
                            objectName: "settings-network"
                            Layout.preferredWidth: 320
                            editable: true
                            model: {
                                const list = ContainerController.networks.slice()
                                for (const n of ["bridge", "host", "none"])
                                    if (list.indexOf(n) < 0) list.push(n)
                                if (root.form.network !== "" && root.form.network !== "default" && list.indexOf(root.form.network) < 0)
                                    list.unshift(root.form.network)
                                return list
                            }
                            editText: root.form.network === "default" ? "bridge" : root.form.network
                            Accessible.name: qsTr("Network")
                            onActivated: (i) => root.form.network = model[i]
                            onAccepted: root.form.network = editText
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: !ContainerController.networksSupported
                            //: The engine cannot list networks yet
                            text: qsTr("This engine does not list its networks yet; type the network's name.")
                            color: Theme.mutedText
                            wrapMode: Text.Wrap
                        }
                        Label { Layout.topMargin: Theme.spacing; text: qsTr("Aliases"); font.bold: true; color: Theme.text }
                        TextField {
                            objectName: "settings-aliases"
                            Layout.fillWidth: true
                            text: root.form.aliases
                            //: Placeholder of the network aliases field
                            placeholderText: qsTr("web, api (other names on the network)")
                            selectByMouse: true
                            Accessible.name: qsTr("Network aliases")
                            onTextEdited: root.form.aliases = text
                        }
                        Label {
                            visible: text.length > 0
                            text: root.form.aliasesError
                            color: Theme.danger
                            font.pixelSize: Theme.smallFontSize
                        }
                        Item { Layout.fillHeight: true }
                    }

                    // Advanced
                    ColumnLayout {
                        objectName: "settings-page-advanced"
                        spacing: Theme.spacing
                        CheckBox {
                            objectName: "settings-tty"
                            checked: root.form.tty
                            //: Advanced setting -t
                            text: qsTr("Give the program a terminal (TTY)")
                            Accessible.name: text
                            onToggled: root.form.tty = checked
                        }
                        CheckBox {
                            objectName: "settings-stdin"
                            checked: root.form.openStdin
                            //: Advanced setting -i
                            text: qsTr("Keep input (stdin) open")
                            Accessible.name: text
                            onToggled: root.form.openStdin = checked
                        }
                        CheckBox {
                            objectName: "settings-privileged"
                            checked: root.form.privileged
                            //: Advanced setting --privileged
                            text: qsTr("Privileged")
                            Accessible.name: qsTr("Privileged mode")
                            onToggled: root.form.privileged = checked
                        }
                        Label {
                            objectName: "settings-privileged-warning"
                            Layout.fillWidth: true
                            visible: root.form.privileged
                            //: Warning under the privileged check box
                            text: qsTr("A privileged container can do almost anything root can do on this computer, including changing its devices and kernel settings. Turn this on only for a program you trust that needs it.")
                            wrapMode: Text.Wrap
                            color: Theme.warning
                        }
                        Item { Layout.fillHeight: true }
                    }
                }
            }
        }

        // Save bar
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Label {
                objectName: "settings-saveHint"
                Layout.fillWidth: true
                text: root.form.errorCount > 0
                      //: Under the settings when some fields are wrong; %1 is how many
                      ? qsTr("Fix the marked fields to save (%1 left).").arg(root.form.errorCount)
                      //: Under the settings: what Save does
                      : qsTr("Saving recreates the container from the same image with these settings. Files changed inside it outside volumes are lost.")
                wrapMode: Text.Wrap
                color: root.form.errorCount > 0 ? Theme.danger : Theme.mutedText
            }
            Button {
                objectName: "settings-revert"
                //: Button that throws away unsaved changes
                text: qsTr("Revert")
                Accessible.name: qsTr("Revert the changes")
                enabled: root.form.dirty && !ContainerController.busy
                opacity: enabled ? 1 : 0.45
                onClicked: root.form.revert()
            }
            Button {
                objectName: "settings-save"
                //: Button that applies the settings by recreating the container
                text: qsTr("Save")
                Accessible.name: qsTr("Save and recreate the container")
                highlighted: true
                enabled: root.form.dirty && root.form.valid && !ContainerController.busy
                         && ContainerController.canDo("save", ContainerController.stateName)
                opacity: enabled ? 1 : 0.45
                onClicked: ContainerController.saveSettings()
            }
        }
    }
}
