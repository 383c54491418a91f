import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Preferences: engine address, theme, language, confirmation before remove, and the
// registry the Search tab lists when the engine cannot search.
Item {
    id: root

    component FieldLabel: Label {
        Layout.preferredWidth: 200
        Layout.alignment: Qt.AlignTop | Qt.AlignLeft
        topPadding: 8
        color: Theme.text
        wrapMode: Text.Wrap
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.padding, 760)
            x: Theme.padding
            y: Theme.padding
            spacing: Theme.padding

            Label {
                //: Title of the Preferences screen
                text: qsTr("Preferences")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }

            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: Theme.padding
                rowSpacing: Theme.padding

                //: Preferences label for the engine socket setting
                FieldLabel { text: qsTr("Engine address") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: hostField
                            objectName: "prefs-host"
                            Layout.fillWidth: true
                            text: Preferences.engineHost
                            placeholderText: "unix:///run/berth/berth.sock"
                            Accessible.name: qsTr("Engine address")
                            selectByMouse: true
                        }
                        Button {
                            objectName: "prefs-host-apply"
                            //: Button that saves the engine address and reconnects
                            text: qsTr("Apply")
                            Accessible.name: qsTr("Apply engine address")
                            enabled: hostField.text.trim() !== Preferences.engineHost
                                     && Preferences.validateEngineHost(hostField.text) === ""
                            onClicked: Preferences.engineHost = hostField.text
                        }
                    }
                    Label {
                        objectName: "prefs-host-problem"
                        Layout.fillWidth: true
                        visible: text.length > 0
                        text: Preferences.validateEngineHost(hostField.text)
                        color: Theme.danger
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallFontSize
                    }
                    Label {
                        Layout.fillWidth: true
                        //: Help under the engine address field
                        text: qsTr("Leave empty to use BERTH_HOST or DOCKER_HOST, else Berth's own engine. A Docker engine's socket works too.")
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallFontSize
                    }
                }

                //: Preferences label for light/dark appearance
                FieldLabel { text: qsTr("Theme") }
                ComboBox {
                    objectName: "prefs-theme"
                    Layout.preferredWidth: 240
                    textRole: "text"
                    valueRole: "value"
                    Accessible.name: qsTr("Theme")
                    model: [
                        //: Theme choice: follow the desktop's light or dark setting
                        { value: "system", text: qsTr("Same as the system") },
                        //: Theme choice
                        { value: "light", text: qsTr("Light") },
                        //: Theme choice
                        { value: "dark", text: qsTr("Dark") }
                    ]
                    // Not indexOfValue(): that binding would not re-run once the model is set.
                    currentIndex: ["system", "light", "dark"].indexOf(Preferences.theme)
                    onActivated: Preferences.theme = currentValue
                }

                //: Preferences label for the interface language
                FieldLabel { text: qsTr("Language") }
                ComboBox {
                    objectName: "prefs-language"
                    Layout.preferredWidth: 240
                    textRole: "text"
                    valueRole: "value"
                    Accessible.name: qsTr("Language")
                    model: [
                        //: Language choice: follow the system locale
                        { value: "system", text: qsTr("Same as the system") },
                        // Language names are written in their own language on purpose.
                        { value: "en", text: "English" },
                        { value: "ko", text: "한국어" }
                    ]
                    currentIndex: ["system", "en", "ko"].indexOf(Preferences.language)
                    onActivated: Preferences.language = currentValue
                }

                //: Preferences label for the removal confirmation setting
                FieldLabel { text: qsTr("Removing") }
                CheckBox {
                    objectName: "prefs-confirmRemove"
                    //: Check box: ask before removing images and containers
                    text: qsTr("Ask before removing images and containers")
                    Accessible.name: text
                    checked: Preferences.confirmRemove
                    onToggled: Preferences.confirmRemove = checked
                }

                //: Preferences label for the registry used by Search
                FieldLabel { text: qsTr("Registry to browse") }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 4
                    TextField {
                        objectName: "prefs-registry"
                        Layout.fillWidth: true
                        text: Preferences.searchRegistry
                        placeholderText: "registry.example.com:5000"
                        Accessible.name: qsTr("Registry to browse")
                        selectByMouse: true
                        onEditingFinished: Preferences.searchRegistry = text
                    }
                    Label {
                        Layout.fillWidth: true
                        //: Help under the registry field
                        text: qsTr("When the engine cannot search, the Search tab lists the images of this registry.")
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallFontSize
                    }
                }
            }

            Label {
                objectName: "prefs-engineInfo"
                Layout.fillWidth: true
                visible: EngineHub.state === EngineHub.Connected
                color: Theme.mutedText
                font.pixelSize: Theme.smallFontSize
                //: Engine information in Preferences; %1 address, %2 version
                text: qsTr("Connected to %1 (version %2)").arg(EngineHub.host).arg(EngineHub.engineInfo.version || "?")
            }
        }
    }
}
