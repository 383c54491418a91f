// Typed reads of request JSON that fail with a 400 naming the field, in the words Go's
// encoding/json uses ("json: cannot unmarshal string into Go struct field
// HostConfig.Memory of type int64"), instead of a nlohmann exception.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"

namespace berth::containers::fields {

using nlohmann::json;

// Each returns the default when the key is absent or null.
Result<std::int64_t> int64(const json &obj, const char *key, const std::string &where,
                           std::int64_t def = 0);
Result<bool> boolean(const json &obj, const char *key, const std::string &where, bool def = false);
Result<std::string> string(const json &obj, const char *key, const std::string &where,
                           const std::string &def = {});
// A list of strings; a plain string is accepted as a one-element list (Docker's StrSlice).
Result<std::vector<std::string>> strings(const json &obj, const char *key, const std::string &where,
                                         bool allow_single_string = false);
Result<std::map<std::string, std::string>> string_map(const json &obj, const char *key,
                                                      const std::string &where);
// Objects (or null): ok; anything else is a 400.
Result<void> object_or_null(const json &obj, const char *key, const std::string &where);

}  // namespace berth::containers::fields
