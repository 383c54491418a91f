#include "api/request.h"

namespace berth::api {

std::string Request::header(const std::string &name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

const std::string &Request::param(const std::string &name) const {
    static const std::string none;
    const auto it = params.find(name);
    return it == params.end() ? none : it->second;
}

Result<nlohmann::json> Request::json_body(bool allow_empty) const {
    if (body.empty()) {
        if (allow_empty) return nlohmann::json::object();
        return Error::invalid("invalid JSON: the request body is empty");
    }
    try {
        return nlohmann::json::parse(body);
    } catch (const nlohmann::json::parse_error &e) {
        // e.what() names the byte offset and what was expected, e.g. at a truncated end.
        return Error::invalid(std::string("invalid JSON: ") + e.what());
    }
}

Result<Filters> Request::filters() const {
    return Filters::parse(query.get_or("filters", ""));
}

}  // namespace berth::api
