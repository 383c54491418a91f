import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Images: pull by name, the local images, and for the selected one its layers, Tag and
// Remove; "Remove dangling" prunes untagged images.
Item {
    id: root
    property string selectedId
    readonly property var selected: {
        const row = EngineHub.images.count >= 0 ? EngineHub.images.indexOfId(root.selectedId) : -1
        return row >= 0 ? EngineHub.images.get(row) : null
    }
    readonly property string selectedName: selected ? selected.repository + ":" + selected.tag : ""

    onSelectedIdChanged: if (selectedId !== "") ImageController.loadLayers(selectedId)

    function requestRemove() {
        if (!selected)
            return
        if (Preferences.confirmRemove)
            removeDialog.open()
        else
            ImageController.remove(selectedId, false)
    }

    Connections {
        target: ImageController
        function onRemoved(imageId) { if (imageId === root.selectedId) root.selectedId = "" }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing + 4

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                //: Title of the Images screen
                text: qsTr("Images")
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                color: Theme.text
            }
            Button {
                objectName: "images-prune"
                //: Button that deletes images without a name (dangling)
                text: qsTr("Remove dangling")
                Accessible.name: qsTr("Remove dangling images")
                enabled: !ImageController.busy
                onClicked: pruneDialog.open()
            }
        }

        PullByName {
            Layout.fillWidth: true
            prefix: "images-pull"
        }

        Label {
            objectName: "images-message"
            Layout.fillWidth: true
            visible: text.length > 0 && ImageController.lastError === ""
            text: ImageController.lastMessage
            color: Theme.success
            wrapMode: Text.Wrap
        }
        ErrorBanner {
            objectName: "images-error"
            Layout.fillWidth: true
            text: ImageController.errorOperation !== "pull" ? ImageController.lastError : ""
            detail: ImageController.errorOperation !== "pull" ? ImageController.lastErrorDetail : ""
            onDismissed: ImageController.clearError()
            actions: Button {
                objectName: "images-forceRemove"
                visible: ImageController.canForceRemove
                //: Removes an image even though a container uses it
                text: qsTr("Remove anyway")
                Accessible.name: text
                onClicked: ImageController.remove(root.selectedId, true)
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            ImageTable {
                id: table
                Layout.fillWidth: true
                Layout.fillHeight: true
                prefix: "images"
                selectedId: root.selectedId
                onSelected: (imageId) => root.selectedId = imageId
            }

            Rectangle {
                objectName: "images-details"
                Layout.preferredWidth: 340
                Layout.fillHeight: true
                visible: root.selected !== null
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: Theme.spacing
                    Label {
                        objectName: "images-details-name"
                        Layout.fillWidth: true
                        text: root.selectedName
                        font.pixelSize: Theme.headingFontSize
                        font.bold: true
                        elide: Text.ElideMiddle
                        color: Theme.text
                    }
                    Label {
                        Layout.fillWidth: true
                        //: Image details: ID and size; %1 is the short ID, %2 the size
                        text: root.selected ? qsTr("ID %1 · %2").arg(root.selected.shortId).arg(root.selected.sizeText) : ""
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: root.selected !== null && root.selected.tags.length > 1
                        //: Image details: the other names of the same image; %1 is a list of names
                        text: root.selected ? qsTr("Also tagged: %1").arg(root.selected.tags.slice(1).join(", ")) : ""
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize
                        wrapMode: Text.Wrap
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        Button {
                            objectName: "images-tag"
                            //: Button that opens the Tag dialog for the selected image
                            text: qsTr("Tag…")
                            Accessible.name: qsTr("Tag image")
                            enabled: !ImageController.busy
                            onClicked: tagDialog.open()
                        }
                        Button {
                            objectName: "images-remove"
                            //: Button that removes the selected image
                            text: qsTr("Remove")
                            Accessible.name: qsTr("Remove image")
                            enabled: !ImageController.busy
                            onClicked: root.requestRemove()
                        }
                    }
                    Label {
                        Layout.topMargin: Theme.spacing
                        //: Heading of the list of an image's layers (its history)
                        text: qsTr("Layers")
                        font.bold: true
                        color: Theme.text
                    }
                    ListView {
                        id: layers
                        objectName: "images-layers"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: ImageController.layers
                        Accessible.name: qsTr("Layers")
                        ScrollBar.vertical: ScrollBar {}
                        delegate: ColumnLayout {
                            required property string createdBy
                            required property string sizeText
                            width: ListView.view.width
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: createdBy
                                font.family: Theme.monoFamily
                                font.pixelSize: Theme.smallFontSize
                                color: Theme.text
                                wrapMode: Text.WrapAnywhere
                                maximumLineCount: 3
                                elide: Text.ElideRight
                            }
                            Label {
                                text: sizeText
                                font.pixelSize: Theme.smallFontSize
                                color: Theme.mutedText
                                bottomPadding: 6
                            }
                        }
                    }
                }
            }
        }
    }

    ConfirmDialog {
        id: removeDialog
        objectName: "images-removeDialog"
        //: Title of the dialog that confirms removing an image
        title: qsTr("Remove image?")
        //: Body of the remove-image dialog; %1 is the image name
        message: qsTr("%1 will be deleted from this computer. You can pull it again later.").arg(root.selectedName)
        onAccepted: ImageController.remove(root.selectedId, false)
    }
    ConfirmDialog {
        id: pruneDialog
        objectName: "images-pruneDialog"
        //: Title of the dialog that confirms removing dangling images
        title: qsTr("Remove dangling images?")
        //: Body of the prune dialog
        message: qsTr("Images without a name (shown as <none>) that no container uses will be deleted.")
        onAccepted: ImageController.prune()
    }
    TagDialog {
        id: tagDialog
        imageId: root.selectedId
        currentName: root.selectedName
    }
}
