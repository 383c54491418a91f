// Docker's JSON progress lines for pull (and later push/build):
//   {"status":"Downloading","progressDetail":{"current":1,"total":2},"progress":"[==>  ] 1B/2B","id":"..."}
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "images/pull.h"

namespace berth::api {

// go-units HumanSize: decimal units, 4 significant digits: "2.119MB", "814.5kB", "512B".
std::string human_size(double bytes);
// jsonmessage.JSONProgress.String at the server's width: bar of 50 and "cur/total".
std::string progress_bar(std::int64_t current, std::int64_t total);
nlohmann::json progress_json(const images::PullProgress &p);
// The last line of a failed stream: {"errorDetail":{"message":m},"error":m}.
nlohmann::json error_json(const std::string &message);

}  // namespace berth::api
