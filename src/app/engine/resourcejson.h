#pragma once
// The Engine API's volume, network and container-usage JSON turned into the records of
// the Volumes and Networks screens. Tolerant: a missing field keeps the record's default.

#include "models/resourcerecords.h"

#include <nlohmann/json_fwd.hpp>

namespace resourcejson {
QList<VolumeRecord> volumeList(const nlohmann::json &j);      // GET /volumes
VolumeRecord volume(const nlohmann::json &j);                 // GET /volumes/{name}
QList<NetworkRecord> networkList(const nlohmann::json &j);    // GET /networks
NetworkRecord network(const nlohmann::json &j);               // GET /networks/{id}
ResourceUsage usage(const nlohmann::json &containers);        // GET /containers/json?all=1
// The container create request of the New container flow: the image's defaults with a
// terminal and open stdin (docker run -dit), every exposed port published on a random
// host port (-P).
nlohmann::json quickCreateRequest(const QString &image);
}  // namespace resourcejson
