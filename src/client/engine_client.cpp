#include "client/engine_client.h"

#include <charconv>

#include "client/api_error.h"
#include "client/json_stream.h"

namespace berth::client {
namespace {

std::pair<int, int> split_version(std::string_view v) {
    int major = 0, minor = 0;
    auto dot = v.find('.');
    auto major_text = v.substr(0, dot);
    std::from_chars(major_text.data(), major_text.data() + major_text.size(), major);
    if (dot != std::string_view::npos) {
        auto minor_text = v.substr(dot + 1);
        std::from_chars(minor_text.data(), minor_text.data() + minor_text.size(), minor);
    }
    return {major, minor};
}

std::optional<std::string> dump(const std::optional<nlohmann::json> &body) {
    if (!body) return std::nullopt;
    return body->dump();
}

// Hands each body chunk to a stream decoder. A chunk it cannot decode stops the transfer;
// the error waits in `decode_error` for the caller to return once the transfer is over.
template <typename Decoder>
std::function<bool(std::string_view)> feed_decoder(Decoder &decoder, std::optional<Error> &decode_error) {
    return [&decoder, &decode_error](std::string_view chunk) {
        auto r = decoder.feed(chunk);
        if (!r) {
            decode_error = std::move(r).error();
            return false;
        }
        return !decoder.stopped();
    };
}

}  // namespace

int compare_api_versions(std::string_view a, std::string_view b) {
    auto va = split_version(a), vb = split_version(b);
    if (va < vb) return -1;
    if (vb < va) return 1;
    return 0;
}

EngineClient::EngineClient(ClientOptions options)
    : transport_(std::move(options.host)), api_version_(std::move(options.api_version)) {
    transport_.debug_log = std::move(options.debug_log);
}

Result<PingInfo> EngineClient::ping() {
    HttpRequest req;
    req.path = "/_ping";
    req.timeout_ms = 30000;
    auto resp = TRY(transport_.perform(req));
    // berthd answers 403 to users outside the 'berth' group before any routing.
    if (resp.status == 403) return permission_error(transport_.host().text);
    if (resp.status >= 400) return daemon_error(resp.status, resp.body);
    PingInfo info;
    info.api_version = resp.header("api-version");
    info.os_type = resp.header("ostype");
    info.server = resp.header("server");
    return info;
}

Result<void> EngineClient::negotiate() {
    if (!api_version_.empty()) return {};
    auto info = TRY(ping());
    // Like the docker CLI: an engine that does not announce its version is assumed to be
    // an old one (1.24), and we never ask for more than we speak.
    std::string server = info.api_version.empty() ? std::string("1.24") : info.api_version;
    api_version_ = compare_api_versions(server, kMaxApiVersion) < 0 ? server : std::string(kMaxApiVersion);
    return {};
}

Result<std::string> EngineClient::api_version() {
    TRY(negotiate());
    return api_version_;
}

Result<std::string> EngineClient::versioned(const std::string &path) {
    TRY(negotiate());
    return "/v" + api_version_ + path;
}

template <typename Request>
Result<Request> EngineClient::api_request(const std::string &method, const std::string &path, Query query,
                                          const std::optional<nlohmann::json> &body) {
    Request req;
    req.method = method;
    req.path = TRY(versioned(path));
    req.query = std::move(query);
    req.body = dump(body);
    return req;
}

Result<HttpResponse> EngineClient::perform_checked(const HttpRequest &req) {
    auto resp = TRY(transport_.perform(req));
    if (resp.status >= 400) return daemon_error(resp.status, resp.body);
    return resp;
}

Result<HttpResponse> EngineClient::request(const std::string &method, const std::string &path,
                                           Query query, std::optional<nlohmann::json> body) {
    auto req = TRY(api_request<HttpRequest>(method, path, std::move(query), body));
    return perform_checked(req);
}

Result<nlohmann::json> EngineClient::request_json(const std::string &method, const std::string &path,
                                                  Query query, std::optional<nlohmann::json> body) {
    auto resp = TRY(request(method, path, std::move(query), std::move(body)));
    if (resp.body.empty()) return nlohmann::json();
    auto j = nlohmann::json::parse(resp.body, nullptr, false);
    if (j.is_discarded())
        return Error{"decode response", method + " " + path, 0,
                     "not JSON: " + resp.body.substr(0, 200), ErrorKind::Internal};
    return j;
}

Result<void> EngineClient::stream_json(const std::string &method, const std::string &path,
                                       Query query, std::optional<nlohmann::json> body,
                                       const JsonCallback &on_message, Cancel cancel,
                                       std::vector<std::string> headers) {
    auto req = TRY(api_request<HttpRequest>(method, path, std::move(query), body));
    req.cancel = cancel;
    req.headers = std::move(headers);
    JsonLineDecoder decoder(on_message);
    std::optional<Error> decode_error;
    req.on_body = feed_decoder(decoder, decode_error);
    TRY(perform_checked(req));
    if (decode_error) return std::move(*decode_error);
    return decoder.finish();
}

Result<void> EngineClient::stream_raw(const std::string &method, const std::string &path, Query query,
                                      std::optional<nlohmann::json> body, const RawCallback &on_data,
                                      Cancel cancel) {
    auto req = TRY(api_request<HttpRequest>(method, path, std::move(query), body));
    req.cancel = cancel;
    req.on_body = on_data;
    TRY(perform_checked(req));
    return {};
}

Result<void> EngineClient::stream_multiplexed(const std::string &method, const std::string &path,
                                              Query query, std::optional<nlohmann::json> body,
                                              const FrameCallback &on_frame, Cancel cancel) {
    auto req = TRY(api_request<HttpRequest>(method, path, std::move(query), body));
    req.cancel = cancel;
    MultiplexedStreamDecoder decoder(on_frame);
    std::optional<Error> decode_error;
    req.on_body = feed_decoder(decoder, decode_error);
    TRY(perform_checked(req));
    if (decode_error) return std::move(*decode_error);
    return {};
}

Result<HttpResponse> EngineClient::send(HttpRequest request) {
    request.path = TRY(versioned(request.path));
    return perform_checked(request);
}

Result<HijackedConnection> EngineClient::hijack(const std::string &method, const std::string &path,
                                                Query query, std::optional<nlohmann::json> body) {
    auto req = TRY(api_request<HijackRequest>(method, path, std::move(query), body));
    return open_hijacked(transport_.host(), req);
}

// --- System ---

Result<nlohmann::json> EngineClient::version() { return request_json("GET", "/version"); }

Result<nlohmann::json> EngineClient::info() { return request_json("GET", "/info"); }

Result<void> EngineClient::events(const EventsOptions &options, const JsonCallback &on_event,
                                  Cancel cancel) {
    Query q;
    if (!options.since.empty()) q.add("since", options.since);
    if (!options.until.empty()) q.add("until", options.until);
    q.add_filters(options.filters);
    return stream_json("GET", "/events", std::move(q), std::nullopt, on_event, cancel);
}

// --- Images ---

Result<nlohmann::json> EngineClient::list_images(bool all, const Filters &filters, bool digests) {
    Query q;
    if (all) q.add("all", "1");
    q.add_filters(filters);
    if (digests) q.add("digests", "1");
    return request_json("GET", "/images/json", std::move(q));
}

Result<nlohmann::json> EngineClient::inspect_image(const std::string &name) {
    return request_json("GET", "/images/" + encode_path_name(name) + "/json");
}

Result<nlohmann::json> EngineClient::image_history(const std::string &name) {
    return request_json("GET", "/images/" + encode_path_name(name) + "/history");
}

Result<void> EngineClient::tag_image(const std::string &source, const std::string &repo,
                                     const std::string &tag) {
    Query q;
    q.add("repo", repo);
    if (!tag.empty()) q.add("tag", tag);
    TRY(request("POST", "/images/" + encode_path_name(source) + "/tag", std::move(q)));
    return {};
}

Result<nlohmann::json> EngineClient::remove_image(const std::string &name, bool force, bool noprune) {
    Query q;
    if (force) q.add("force", "1");
    if (noprune) q.add("noprune", "1");
    return request_json("DELETE", "/images/" + encode_path_name(name), std::move(q));
}

Result<nlohmann::json> EngineClient::prune_images(const Filters &filters) {
    return request_json("POST", "/images/prune", Query().add_filters(filters));
}

Result<nlohmann::json> EngineClient::search_images(const std::string &term, int limit, const Filters &filters) {
    Query q;
    q.add("term", term);
    if (limit > 0) q.add("limit", std::to_string(limit));
    q.add_filters(filters);
    return request_json("GET", "/images/search", std::move(q));
}

Result<void> EngineClient::pull(const PullOptions &options, const JsonCallback &on_progress,
                                Cancel cancel) {
    Query q;
    q.add("fromImage", options.image);
    if (!options.tag.empty()) q.add("tag", options.tag);
    if (!options.platform.empty()) q.add("platform", options.platform);
    std::vector<std::string> headers;
    // Always sent, like docker: engines treat an empty X-Registry-Auth as anonymous.
    headers.push_back("X-Registry-Auth: " + encode_registry_auth(options.auth));
    std::optional<Error> failure;
    auto r = stream_json(
        "POST", "/images/create", std::move(q), std::nullopt,
        [&](const nlohmann::json &message) {
            if (auto err = stream_error_message(message); !err.empty()) {
                failure = stream_error(err);
                return false;
            }
            return on_progress(message);
        },
        cancel, std::move(headers));
    if (!r) return std::move(r).error();
    if (failure) return std::move(*failure);
    return {};
}

Result<EngineClient> make_client(const std::optional<std::string> &explicit_host,
                                 std::function<void(const std::string &)> debug_log) {
    auto host = TRY(resolve_host(explicit_host));
    ClientOptions options;
    options.host = std::move(host);
    options.debug_log = std::move(debug_log);
    return EngineClient(std::move(options));
}

}  // namespace berth::client
