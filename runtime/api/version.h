// Berth's version as the API reports it (Server header, /version, /info).
#pragma once

#include <string>

namespace berth::api {

#ifndef BERTH_VERSION
#define BERTH_VERSION "0.0.0"
#endif

inline std::string berth_version() { return BERTH_VERSION; }
inline std::string server_header() { return "Berth/" + berth_version() + " (linux)"; }

}  // namespace berth::api
