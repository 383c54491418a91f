// /events: filters (type, event, image, container, label, ...) and the wire shape of one
// event, as moby's daemon/events/filter.go and api/types/events.Message define them.
#pragma once

#include <nlohmann/json.hpp>

#include "api/query.h"
#include "common/result.h"
#include "events/event_bus.h"

namespace berth::api {

Result<void> validate_event_filters(const Filters &filters);
bool event_matches(const Filters &filters, const events::Event &event);
// {"status","id","from","Type","Action","Actor":{"ID","Attributes"},"scope","time","timeNano"}
nlohmann::json event_json(const events::Event &event);

}  // namespace berth::api
