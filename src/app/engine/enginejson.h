#pragma once
// The Engine API's JSON (as nlohmann::json, which berth_client speaks) turned into the
// plain records the models hold. Tolerant: a missing field leaves the record's default.

#include "models/records.h"

#include <nlohmann/json_fwd.hpp>

namespace enginejson {
QList<ImageRecord> imageList(const nlohmann::json &j);           // GET /images/json
ImageRecord imageInspect(const nlohmann::json &j);               // GET /images/{name}/json
QList<LayerRecord> imageHistory(const nlohmann::json &j);        // GET /images/{name}/history
QList<ContainerRecord> containerList(const nlohmann::json &j);   // GET /containers/json?all=1
ContainerRecord containerInspect(const nlohmann::json &j);       // GET /containers/{id}/json
PullMessage pullMessage(const nlohmann::json &j);                // one line of POST /images/create
QList<SearchRecord> searchResults(const nlohmann::json &j);      // GET /images/search
QString str(const nlohmann::json &j, const char *key);
}  // namespace enginejson
