// EngineClient: the Engine API as C++ calls, for the berth CLI and the desktop app.
//
// Threading: an EngineClient owns one libcurl handle and its connection; use one instance
// per thread (the app's worker thread owns its own). Nothing is shared between instances
// except libcurl's global init. Streaming calls block their thread until the stream ends,
// the callback returns false, or the `cancel` flag (settable from any thread) is raised.
//
// Errors: the engine's own answers become Error{op "Error response from daemon", detail
// = its message, kind from the HTTP status}; Error::message() therefore reads like the
// docker CLI's line. Connection problems say which host and what to do.
//
// The API version is negotiated on the first request from /_ping's API-Version header:
// min(kMaxApiVersion, the engine's), and every path is sent as /v1.NN/... .
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "client/hijack.h"
#include "client/host.h"
#include "client/http_transport.h"
#include "client/mux_stream.h"
#include "client/query.h"
#include "client/registry_auth.h"
#include "common/result.h"

namespace berth::client {

inline constexpr std::string_view kMaxApiVersion = "1.43";

struct ClientOptions {
    Host host;
    // A fixed version ("1.41") skips negotiation; empty negotiates.
    std::string api_version;
    // Receives one line per request (method, path, status) when set.
    std::function<void(const std::string &)> debug_log;
};

struct PingInfo {
    std::string api_version;  // the engine's, from the API-Version header
    std::string os_type;      // OSType header
    std::string server;       // Server header
};

struct PullOptions {
    std::string image;     // familiar or full name without tag: "busybox", "127.0.0.1:5000/app"
    std::string tag;       // tag or "sha256:..." digest; empty lets the engine pick "latest"
    std::string platform;  // "linux/arm64" or empty
    RegistryAuth auth;
};

struct EventsOptions {
    std::string since;  // unix seconds or RFC 3339, as the API takes it
    std::string until;
    Filters filters;
};

using JsonCallback = std::function<bool(const nlohmann::json &)>;  // false stops
using RawCallback = std::function<bool(std::string_view)>;
using FrameCallback = MultiplexedStreamDecoder::Callback;
using Cancel = const std::atomic<bool> *;

class EngineClient {
public:
    explicit EngineClient(ClientOptions options);
    EngineClient(EngineClient &&) noexcept = default;
    EngineClient &operator=(EngineClient &&) noexcept = default;

    const Host &host() const { return transport_.host(); }

    // The version requests use; negotiates first when needed.
    Result<std::string> api_version();

    // --- System ---
    Result<PingInfo> ping();
    Result<nlohmann::json> version();
    Result<nlohmann::json> info();
    // Each event object; return false to stop. Runs until cancelled, `until`, or stop.
    Result<void> events(const EventsOptions &options, const JsonCallback &on_event,
                        Cancel cancel = nullptr);

    // --- Images ---
    Result<nlohmann::json> list_images(bool all, const Filters &filters = {}, bool digests = false);
    Result<nlohmann::json> inspect_image(const std::string &name);
    Result<nlohmann::json> image_history(const std::string &name);
    // repo is a familiar name ("myapp", "127.0.0.1:5000/app"), tag may be empty.
    Result<void> tag_image(const std::string &source, const std::string &repo, const std::string &tag);
    // The engine's [{"Untagged": ...}, {"Deleted": ...}] list.
    Result<nlohmann::json> remove_image(const std::string &name, bool force, bool noprune);
    // {"ImagesDeleted": [...], "SpaceReclaimed": N}
    Result<nlohmann::json> prune_images(const Filters &filters);
    // Docker Hub-style search through the engine: [{"name", "description", "star_count",
    // "is_official", ...}]. limit 0 leaves the engine's default.
    Result<nlohmann::json> search_images(const std::string &term, int limit = 0, const Filters &filters = {});
    // Every progress message goes to on_progress; an error message in the stream ends the
    // pull with that error (after on_progress has not seen it).
    Result<void> pull(const PullOptions &options, const JsonCallback &on_progress,
                      Cancel cancel = nullptr);

    // --- Generic building blocks (for the calls of later features) ---
    // Versioned request; an HTTP error status becomes a daemon_error.
    Result<HttpResponse> request(const std::string &method, const std::string &path,
                                 Query query = {}, std::optional<nlohmann::json> body = {});
    // Same, body parsed as JSON (an empty body is null).
    Result<nlohmann::json> request_json(const std::string &method, const std::string &path,
                                        Query query = {}, std::optional<nlohmann::json> body = {});
    // Newline-delimited JSON stream, one value per callback. Error messages inside the
    // stream are passed to the callback like any other value.
    Result<void> stream_json(const std::string &method, const std::string &path, Query query,
                             std::optional<nlohmann::json> body, const JsonCallback &on_message,
                             Cancel cancel = nullptr, std::vector<std::string> headers = {});
    // Raw bytes as they arrive (TTY logs, export, archive).
    Result<void> stream_raw(const std::string &method, const std::string &path, Query query,
                            std::optional<nlohmann::json> body, const RawCallback &on_data,
                            Cancel cancel = nullptr);
    // docker's multiplexed stdout/stderr frames (logs without a TTY).
    Result<void> stream_multiplexed(const std::string &method, const std::string &path,
                                    Query query, std::optional<nlohmann::json> body,
                                    const FrameCallback &on_frame, Cancel cancel = nullptr);
    // A request the caller builds itself (binary bodies such as tars, HEAD, headers it
    // needs back); `request.path` is versioned here. An HTTP error status becomes a daemon error.
    Result<HttpResponse> send(HttpRequest request);
    // Upgraded connection for attach and exec start (see hijack.h).
    Result<HijackedConnection> hijack(const std::string &method, const std::string &path,
                                      Query query = {}, std::optional<nlohmann::json> body = {});

private:
    Result<void> negotiate();
    Result<std::string> versioned(const std::string &path);
    // Method, versioned path, query and JSON body: how every call starts (an HttpRequest,
    // or a HijackRequest for an upgraded connection).
    template <typename Request>
    Result<Request> api_request(const std::string &method, const std::string &path, Query query,
                                const std::optional<nlohmann::json> &body);
    // One exchange; an HTTP error status becomes the engine's error (daemon_error).
    Result<HttpResponse> perform_checked(const HttpRequest &request);

    HttpTransport transport_;
    std::string api_version_;  // "1.43" once known
};

// Builds a client for the resolved host (see host.h). Convenience for the CLI and app.
Result<EngineClient> make_client(const std::optional<std::string> &explicit_host,
                                 std::function<void(const std::string &)> debug_log = {});

// "1.41" < "1.43"; malformed parts compare as 0.
int compare_api_versions(std::string_view a, std::string_view b);

}  // namespace berth::client
