#include "api/router.h"

#include <cctype>
#include <stdexcept>

#include "api/api_version.h"

namespace berth::api {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t i = 0;
    while (i < path.size()) {
        if (path[i] == '/') { ++i; continue; }
        const auto end = path.find('/', i);
        parts.push_back(path.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i));
        if (end == std::string_view::npos) break;
        i = end;
    }
    return parts;
}

bool is_version(std::string_view s) {
    // moby's route: "/v{version:[0-9.]+}".
    if (s.size() < 2 || s[0] != 'v') return false;
    for (char c : s.substr(1))
        if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.') return false;
    return true;
}

}  // namespace

std::pair<std::string, std::string> split_version_prefix(std::string_view path) {
    if (path.size() > 1 && path[0] == '/') {
        const auto slash = path.find('/', 1);
        const std::string_view first = path.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1);
        if (is_version(first)) {
            std::string rest = slash == std::string_view::npos ? "/" : std::string(path.substr(slash));
            return {std::string(first.substr(1)), rest};
        }
    }
    return {std::string(), std::string(path)};
}

void Router::add(std::string method, std::string_view pattern, Handler handler, BodyMode body_mode) {
    Route r{std::move(method), {}, 0, std::move(handler), body_mode};
    bool has_greedy = false;
    for (std::string_view part : split_path(pattern)) {
        Segment s;
        if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
            std::string_view name = part.substr(1, part.size() - 2);
            s.param = true;
            if (!name.empty() && name.back() == '*') {
                if (has_greedy) throw std::logic_error("route with two greedy parameters: " + std::string(pattern));
                has_greedy = true;
                s.greedy = true;
                name.remove_suffix(1);
            }
            s.text = std::string(name);
        } else {
            s.text = std::string(part);
            ++r.literals;
        }
        r.segments.push_back(std::move(s));
    }
    routes_.push_back(std::move(r));
}

bool Router::match(const Route &route, const std::vector<std::string_view> &parts,
                   std::map<std::string, std::string> &params) {
    const auto &segs = route.segments;
    std::size_t greedy = segs.size();
    for (std::size_t i = 0; i < segs.size(); ++i)
        if (segs[i].greedy) greedy = i;
    if (greedy == segs.size()) {
        if (parts.size() != segs.size()) return false;
    } else if (parts.size() < segs.size()) {
        return false;
    }
    auto match_one = [&](const Segment &s, std::string_view part) {
        if (s.param) {
            params[s.text] = std::string(part);
            return true;
        }
        return s.text == part;
    };
    const std::size_t head = std::min(greedy, segs.size());
    for (std::size_t i = 0; i < head; ++i)
        if (!match_one(segs[i], parts[i])) return false;
    if (greedy == segs.size()) return true;
    // Segments after the greedy one are matched against the end of the path.
    const std::size_t tail = segs.size() - greedy - 1;
    for (std::size_t k = 0; k < tail; ++k)
        if (!match_one(segs[segs.size() - 1 - k], parts[parts.size() - 1 - k])) return false;
    std::string joined;
    for (std::size_t i = greedy; i < parts.size() - tail; ++i) {
        if (!joined.empty()) joined += '/';
        joined += parts[i];
    }
    params[segs[greedy].text] = std::move(joined);
    return true;
}

Result<RouteMatch> Router::route(std::string_view method, std::string_view path) const {
    auto [version, rest] = split_version_prefix(path);
    if (!version.empty()) TRY(check_api_version(version));
    // HEAD is answered by GET handlers (the writer sends only the headers), except where a
    // HEAD route of its own exists (/_ping, container archive).
    const auto parts = split_path(rest);
    const Route *best = nullptr;
    std::map<std::string, std::string> best_params;
    for (const std::string_view m : {method, std::string_view("GET")}) {
        for (const Route &r : routes_) {
            if (r.method != m) continue;
            std::map<std::string, std::string> params;
            if (!match(r, parts, params)) continue;
            if (best == nullptr || r.literals > best->literals) {
                best = &r;
                best_params = std::move(params);
            }
        }
        if (best != nullptr || method != "HEAD") break;
    }
    if (best == nullptr) return Error::not_found("page not found");
    RouteMatch out;
    out.handler = &best->handler;
    out.body_mode = best->body_mode;
    out.params = std::move(best_params);
    out.path = std::move(rest);
    out.api_version = version.empty() ? std::string(kMaxApiVersion) : version;
    return out;
}

}  // namespace berth::api
