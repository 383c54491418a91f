#include "api/image_events.h"

namespace berth::api {

void publish_image_event(events::EventBus *bus, const std::string &action, const std::string &id,
                         const std::string &name, const std::map<std::string, std::string> &labels) {
    if (bus == nullptr) return;
    events::Event e;
    e.type = "image";
    e.action = action;
    e.id = id;
    e.attributes = labels;
    e.attributes["name"] = name;
    bus->publish(std::move(e));
}

}  // namespace berth::api
