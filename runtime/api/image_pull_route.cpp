#include "api/image_pull_route.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "api/image_events.h"
#include "api/image_json.h"
#include "api/progress_format.h"
#include "api/registry_auth.h"
#include "images/pull.h"
#include "util/log.h"

namespace berth::api {

Result<Reference> pull_reference(const std::string &from_image, const std::string &tag) {
    if (from_image.empty()) return Error::invalid("fromImage must be given (importing with fromSrc is not supported)");
    if (tag.empty()) return parse_reference(from_image);
    // As moby's postImagesCreate: a tag that parses as a digest pins the image by digest.
    const bool is_digest = tag.find(':') != std::string::npos;
    return parse_reference(from_image + (is_digest ? "@" : ":") + tag);
}

Result<std::string> validate_platform(const std::string &platform) {
    if (platform.empty()) return platform;
    int parts = 1;
    for (char c : platform) {
        if (c == '/') ++parts;
        else if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.')
            return Error::invalid("invalid platform \"" + platform + "\": expected os/arch[/variant]");
    }
    if (parts < 2 || parts > 3 || platform.front() == '/' || platform.back() == '/' ||
        platform.find("//") != std::string::npos)
        return Error::invalid("invalid platform \"" + platform + "\": expected os/arch[/variant]");
    return platform;
}

namespace {

// Turns `cancel` on when the client disconnects while the pull is quiet (no progress to
// write, so no failed write would tell us).
class DisconnectWatch {
public:
    DisconnectWatch(ResponseWriter &w, std::atomic<bool> &cancel) : w_(w), cancel_(cancel) {
        thread_ = std::thread([this] {
            while (!done_) {
                if (w_.client_gone()) {
                    cancel_ = true;
                    return;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
    }
    ~DisconnectWatch() {
        done_ = true;
        thread_.join();
    }

private:
    ResponseWriter &w_;
    std::atomic<bool> &cancel_;
    std::atomic<bool> done_{false};
    std::thread thread_;
};

void pull(Daemon &d, Request &req, ResponseWriter &w) {
    if (d.images == nullptr) return w.error(Error::of(ErrorKind::Unavailable, "the image store is not available"));
    images::PullRequest pr;
    {
        // Everything that can be refused is checked before the stream starts, so those
        // failures get their real status code instead of an error line in a 200 stream.
        auto ref = pull_reference(req.query.get_or("fromImage", ""), req.query.get_or("tag", ""));
        if (!ref) return w.error(ref.error());
        auto platform = validate_platform(req.query.get_or("platform", ""));
        if (!platform) return w.error(platform.error());
        auto creds = decode_registry_auth(req.header("x-registry-auth"));
        if (!creds) return w.error(creds.error());
        pr.ref = std::move(*ref);
        pr.platform = std::move(*platform);
        pr.credentials = std::move(*creds);
    }

    std::atomic<bool> cancel{false};
    std::string pending;  // a held-back "Pulling from" line
    const auto flush_pending = [&] {
        if (!w.begin_stream(Status::ok, "application/json")) return false;
        if (pending.empty()) return true;
        const bool ok = w.write_chunk(pending);
        pending.clear();
        return ok;
    };
    Result<images::Image> result = Error::internal("pull did not run");
    {
        DisconnectWatch watch(w, cancel);
        const auto progress = [&](const images::PullProgress &p) {
            if (cancel) return;
            // moby says "Pulling from <repo>" only once the manifest is in hand, and answers
            // failures before its first output with an HTTP status (unknown manifest: 404,
            // auth: 401). Holding that line back until real progress follows keeps both.
            if (!w.started() && pending.empty() && p.status.rfind("Pulling from", 0) == 0) {
                pending = progress_json(p).dump() + "\n";
                return;
            }
            if (!flush_pending() || !w.write_chunk(progress_json(p).dump() + "\n")) cancel = true;
        };
        log::info("pulling " + pr.ref.full());
        result = images::pull_image(*d.images, d.config.registry, d.registry_clients, pr, progress, cancel);
    }
    if (!result) {
        if (cancel || result.error().kind == ErrorKind::Cancelled) {
            log::info("pull of " + pr.ref.full() + " cancelled: the client went away");
            return w.finish();
        }
        log::warn("pull of " + pr.ref.full() + " failed: " + result.error().message());
        return w.error(result.error());  // an error line if the stream had started
    }
    publish_image_event(d.events, "pull", pr.ref.familiar(), pr.ref.familiar_name(), image_labels(*result));
    flush_pending();
    w.finish();
}

}  // namespace

void register_pull_route(Router &router, Daemon &daemon) {
    router.add("POST", "/images/create", [&daemon](Request &req, ResponseWriter &w) { pull(daemon, req, w); });
}

}  // namespace berth::api
