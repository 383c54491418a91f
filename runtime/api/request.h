// What a route handler receives: the parsed request, the caller's credentials, and the
// parameters the router took from the path.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "api/peer_credentials.h"
#include "api/query.h"
#include "common/result.h"

namespace berth::api {

// The body of a request whose route streams it (Router::add with BodyMode::Streamed): read
// as it arrives, any size, plain or chunked, nothing kept beyond the caller's buffer.
class BodyReader {
public:
    virtual ~BodyReader() = default;
    // Up to `size` bytes into `buf`: the count, 0 once the body has ended. Fails with
    // InvalidArgument for a malformed body (bad chunk framing) and Cancelled when the
    // client went away before the end; every later call fails the same way.
    virtual Result<std::size_t> read(char *buf, std::size_t size) = 0;
};

struct Request {
    std::string method;       // "GET", "POST", "HEAD", ...
    std::string target;       // as sent: "/v1.43/images/json?all=1"
    std::string path;         // decoded, without version prefix and query: "/images/json"
    std::string api_version;  // from the "/v1.NN" prefix, or the server's maximum
    std::map<std::string, std::string> params;   // path parameters: {"name": "busybox:latest"}
    std::map<std::string, std::string> headers;  // names lowercased
    Query query;
    std::string body;  // empty for streamed routes: they read `body_reader` instead
    BodyReader *body_reader = nullptr;
    PeerCredentials peer;

    // The named header, or "" (`name` in lowercase).
    std::string header(const std::string &name) const;
    const std::string &param(const std::string &name) const;
    // The body as JSON: 400 "invalid JSON: ..." for empty, truncated or malformed bodies
    // (an empty body is allowed and gives an empty object when `allow_empty`).
    Result<nlohmann::json> json_body(bool allow_empty = false) const;
    // The query's `filters` parameter, parsed (empty filters when absent).
    Result<Filters> filters() const;
};

}  // namespace berth::api
