// The engine's ID (/info "ID"): a random UUID made on first start and kept under the root,
// so clients can tell two engines apart and recognise one across restarts.
#pragma once

#include <filesystem>
#include <string>

#include "common/result.h"

namespace berth::api {

Result<std::string> load_or_create_engine_id(const std::filesystem::path &root);

}  // namespace berth::api
