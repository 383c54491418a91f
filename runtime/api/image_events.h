// Image events on the bus, with the actors and attributes moby's LogImageEvent gives
// them: Actor.ID is the reference for pull, the image ID for tag/untag/delete, and the
// attributes are the image's labels plus "name".
#pragma once

#include <map>
#include <string>

#include "events/event_bus.h"

namespace berth::api {

void publish_image_event(events::EventBus *bus, const std::string &action, const std::string &id,
                         const std::string &name, const std::map<std::string, std::string> &labels = {});

}  // namespace berth::api
