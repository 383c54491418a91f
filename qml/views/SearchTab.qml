import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Berth

// Search images in a registry: the engine's search, or the catalog of the registry set in
// Preferences. Each result can be pulled with a chosen tag, or created (pulled if needed,
// then run) with the progress shown on the card.
ColumnLayout {
    id: root
    spacing: Theme.spacing

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: termField
            objectName: "search-term"
            Layout.fillWidth: true
            //: Placeholder of the image search field
            placeholderText: qsTr("Search images, for example busybox")
            Accessible.name: qsTr("Search images")
            selectByMouse: true
            onAccepted: searchButton.clicked()
        }
        Button {
            id: searchButton
            objectName: "search-button"
            //: Button that runs the image search
            text: qsTr("Search")
            Accessible.name: qsTr("Search images")
            enabled: !SearchController.busy
            onClicked: SearchController.search(termField.text)
        }
    }
    Label {
        objectName: "search-source"
        Layout.fillWidth: true
        visible: SearchController.searched && SearchController.lastError === ""
        color: Theme.mutedText
        font.pixelSize: Theme.smallFontSize
        text: SearchController.source === "catalog"
              //: Where search results come from; %1 is a registry address
              ? qsTr("Images in the registry %1").arg(Preferences.searchRegistry)
              //: Where search results come from
              : qsTr("Results from the engine's search")
    }
    ErrorBanner {
        objectName: "search-error"
        Layout.fillWidth: true
        text: SearchController.lastError
        detail: SearchController.lastErrorDetail
    }
    BusyIndicator {
        Layout.alignment: Qt.AlignHCenter
        visible: SearchController.busy
        running: visible
    }

    ListView {
        id: results
        objectName: "search-results"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: Theme.spacing
        model: SearchController.results
        Accessible.name: qsTr("Search results")
        ScrollBar.vertical: ScrollBar {}
        delegate: Rectangle {
            id: card
            required property string name
            required property string description
            required property int stars
            required property bool official
            readonly property bool expanded: SearchController.tagsRepository === name
            width: ListView.view.width
            implicitHeight: cardColumn.implicitHeight + 2 * Theme.spacing
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
            objectName: "search-card-" + name

            ColumnLayout {
                id: cardColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: card.name
                        font.bold: true
                        color: Theme.text
                        elide: Text.ElideMiddle
                    }
                    Label {
                        visible: card.official
                        //: Badge on a search result for an official image
                        text: qsTr("Official")
                        color: Theme.success
                        font.pixelSize: Theme.smallFontSize
                    }
                    Label {
                        visible: card.stars >= 0
                        text: "★ " + card.stars
                        color: Theme.mutedText
                        font.pixelSize: Theme.smallFontSize
                    }
                    ComboBox {
                        id: tagBox
                        objectName: "search-tag-" + card.name
                        editable: true
                        Layout.preferredWidth: 130
                        model: card.expanded && SearchController.tags.length > 0 ? SearchController.tags : ["latest"]
                        //: Accessible name of the tag chooser on a search result
                        Accessible.name: qsTr("Tag")
                        onPressedChanged: if (pressed && !card.expanded) SearchController.loadTags(card.name)
                    }
                    Button {
                        objectName: "search-pull-" + card.name
                        //: Button on a search result that downloads it
                        text: qsTr("Pull")
                        Accessible.name: qsTr("Pull %1").arg(card.name)
                        enabled: !ImageController.pulling
                        onClicked: {
                            CreateController.reset()
                            ImageController.pull(card.name + ":" + (tagBox.editText || "latest"))
                        }
                    }
                    Button {
                        objectName: "search-create-" + card.name
                        //: Button on a search result that pulls it if needed and starts a container
                        text: qsTr("Create")
                        Accessible.name: qsTr("Create container from %1").arg(card.name)
                        highlighted: true
                        enabled: !ImageController.pulling && !CreateController.running && EngineHub.containersSupported
                        onClicked: CreateController.createFrom(card.name + ":" + (tagBox.editText || "latest"),
                                                               "search:" + card.name)
                    }
                }
                CreateStatus {
                    objectName: "search-createStatus-" + card.name
                    Layout.fillWidth: true
                    origin: "search:" + card.name
                }
                Label {
                    Layout.fillWidth: true
                    visible: card.description.length > 0
                    text: card.description
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                }
            }
        }
    }
    EmptyState {
        Layout.fillWidth: true
        objectName: "search-empty"
        visible: SearchController.searched && !SearchController.busy && results.count === 0 && SearchController.lastError === ""
        //: Shown when a search found nothing
        title: qsTr("Nothing found")
        //: Hint when a search found nothing
        hint: qsTr("Try a shorter name, or pull the image by its full name above.")
    }
}
