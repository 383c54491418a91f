// Maps method + path to a handler. Patterns are segment lists:
//   "/images/json"            literal
//   "/containers/{id}/start"  {id} matches one segment
//   "/images/{name*}/json"    {name*} matches one or more segments (image names hold '/'
//                             and ':'), so the literal segments after it are matched from
//                             the end: "/images/127.0.0.1:5000/busybox:latest/json"
// An optional "/v1.NN" prefix selects the API version; versions outside the supported
// range are refused with Docker's 400 messages. When several patterns match, the one
// with the most literal segments wins ("/images/json" beats "/images/{name*}").
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/request.h"
#include "api/response.h"
#include "common/result.h"

namespace berth::api {

using Handler = std::function<void(Request &, ResponseWriter &)>;

// How a route takes its request body. Buffered: read whole into Request::body before the
// handler runs, refused with 413 above ServerOptions::body_limit. Streamed: the handler
// reads it from Request::body_reader, without a size limit (docker cp's tar of any size);
// a body it leaves unread closes the connection after the answer.
enum class BodyMode { Buffered, Streamed };

struct RouteMatch {
    const Handler *handler = nullptr;
    BodyMode body_mode = BodyMode::Buffered;
    std::map<std::string, std::string> params;
    std::string path;         // without the version prefix
    std::string api_version;  // requested, or the maximum
};

class Router {
public:
    void add(std::string method, std::string_view pattern, Handler handler, BodyMode body_mode = BodyMode::Buffered);

    // `path` is the decoded path without query. NotFound "page not found" when nothing
    // matches (also for a known path with another method, as Docker answers).
    Result<RouteMatch> route(std::string_view method, std::string_view path) const;

private:
    struct Segment {
        std::string text;  // literal text or parameter name
        bool param = false;
        bool greedy = false;
    };
    struct Route {
        std::string method;
        std::vector<Segment> segments;
        int literals = 0;
        Handler handler;
        BodyMode body_mode = BodyMode::Buffered;
    };
    static bool match(const Route &route, const std::vector<std::string_view> &parts,
                      std::map<std::string, std::string> &params);
    std::vector<Route> routes_;
};

// Splits off "/v1.43" when present: returns the version ("" if none) and the rest.
std::pair<std::string, std::string> split_version_prefix(std::string_view path);

}  // namespace berth::api
