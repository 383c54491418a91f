// Query strings and filters as the Engine API expects them.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace berth::client {

// Percent-encodes everything except RFC 3986 unreserved characters.
std::string url_encode(std::string_view text);

// Encodes a path segment that may legitimately hold '/' and ':' (image names such as
// "127.0.0.1:5000/app:1" are routed by the engine as {name:.*}).
std::string encode_path_name(std::string_view name);

// docker's filters.Args: key -> values. Encoded as {"key":{"value":true}}, the form every
// API version since 1.22 understands.
using Filters = std::map<std::string, std::vector<std::string>>;
std::string encode_filters(const Filters &filters);

// Ordered key/value pairs; empty values are kept ("?all=" is never produced: callers
// only add what they mean).
class Query {
public:
    Query &add(std::string key, std::string value) {
        items_.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    Query &add_bool(std::string key, bool value) { return add(std::move(key), value ? "1" : "0"); }
    // "filters" with their JSON, only when there are any (an empty set means no filter).
    Query &add_filters(const Filters &filters) {
        if (!filters.empty()) add("filters", encode_filters(filters));
        return *this;
    }
    bool empty() const { return items_.empty(); }
    // "a=1&b=x%20y" (no leading '?').
    std::string encode() const;

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

// Parses one "--filter key=value" argument into filters; false when there is no '='.
bool add_filter_arg(Filters &filters, std::string_view arg);

}  // namespace berth::client
