import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// "New container": choose an image (local, or found by search, or pulled by name) to
// start a container from.
Item {
    id: root
    property string selectedId
    // What Create starts from: the image's first name, or its ID when it has none.
    readonly property string selectedReference: {
        const row = EngineHub.images.count >= 0 ? EngineHub.images.indexOfId(root.selectedId) : -1
        if (row < 0)
            return ""
        const image = EngineHub.images.get(row)
        return image.dangling ? image.imageId : image.repository + ":" + image.tag
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing + 4

        Label {
            //: Title of the New container screen
            text: qsTr("New container")
            font.pixelSize: Theme.titleFontSize
            font.bold: true
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            //: Subtitle of the New container screen
            text: qsTr("Pick the image to start from: one you already have, one from a registry, or any image by name.")
            wrapMode: Text.Wrap
            color: Theme.mutedText
        }

        PullByName {
            Layout.fillWidth: true
            prefix: "new-pull"
            showCreate: true
        }

        TabBar {
            id: tabs
            objectName: "new-tabs"
            Layout.fillWidth: true
            // Unselected tabs on a plain button face, not the accent Main.qml gives dark.
            palette.active.dark: Theme.buttonFace
            palette.active.brightText: Theme.mutedText
            palette.inactive.dark: Theme.buttonFace
            palette.inactive.brightText: Theme.mutedText
            TabButton {
                objectName: "new-tab-local"
                //: Tab of the New container screen listing images on this computer
                text: qsTr("Local images")
                Accessible.name: text
            }
            TabButton {
                objectName: "new-tab-search"
                //: Tab of the New container screen that searches a registry
                text: qsTr("Search")
                Accessible.name: text
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ColumnLayout {
                spacing: Theme.spacing
                ImageTable {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    prefix: "new-local"
                    selectedId: root.selectedId
                    onSelected: (imageId) => root.selectedId = imageId
                }
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        objectName: "new-createHint"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.mutedText
                        text: !EngineHub.containersSupported
                              //: Why "Create" is disabled on an engine without containers
                              ? qsTr("This engine cannot create containers yet.")
                              : root.selectedId === ""
                                //: Hint next to the disabled Create button
                                ? qsTr("Select an image to create a container from it.")
                                //: Hint next to the Create button
                                : qsTr("Containers get a name and published ports automatically; change them later in Settings.")
                    }
                    Button {
                        objectName: "new-create"
                        //: Button that creates a container from the selected image
                        text: qsTr("Create")
                        Accessible.name: qsTr("Create container")
                        highlighted: true
                        enabled: EngineHub.containersSupported && root.selectedId !== "" && !CreateController.running
                        onClicked: CreateController.createFrom(root.selectedReference, "local")
                    }
                }
                CreateStatus {
                    objectName: "new-local-createStatus"
                    Layout.fillWidth: true
                    origin: "local"
                }
            }

            SearchTab {}
        }
    }
}
