// GET /events: replays the bus's backlog from `since`, then follows it live until `until`
// (or until the client leaves / the daemon stops). One JSON object per line, flushed as
// each event happens.
#include <chrono>
#include <deque>

#include "api/event_filters.h"
#include "api/routes.h"
#include "api/time_format.h"

namespace berth::api {
namespace {

struct EventWindow {
    std::optional<std::int64_t> since;  // unix nanoseconds
    std::optional<std::int64_t> until;
};

Result<EventWindow> event_window(const Request &req) {
    EventWindow w;
    if (auto s = req.query.get("since"); s && !s->empty()) w.since = TRY(parse_timestamp(*s));
    if (auto u = req.query.get("until"); u && !u->empty()) w.until = TRY(parse_timestamp(*u));
    if (w.since && w.until && *w.since > *w.until)
        return Error::invalid("`since` time is after `until` time");
    return w;
}

void stream_events(Daemon &d, Request &req, ResponseWriter &w) {
    if (d.events == nullptr) return w.error(Error::of(ErrorKind::Unavailable, "the event bus is not available"));
    auto window = event_window(req);
    if (!window) return w.error(window.error());
    auto filters = req.filters();
    if (!filters) return w.error(filters.error());
    if (auto v = validate_event_filters(*filters); !v) return w.error(v.error());

    // With `since` the backlog is replayed (from the oldest kept event); otherwise only
    // what happens from now on.
    std::uint64_t next = window->since ? 0 : d.events->next_sequence();
    if (!w.begin_stream(Status::ok, "application/json")) return;

    using clock = std::chrono::steady_clock;
    for (;;) {
        const std::int64_t now = now_unix_nanos();
        if (window->until && *window->until <= now && next >= d.events->next_sequence()) break;
        // Wake at least every half second to notice a departed client or the deadline.
        auto deadline = clock::now() + std::chrono::milliseconds(500);
        if (window->until && *window->until > now)
            deadline = std::min(deadline, clock::now() + std::chrono::nanoseconds(*window->until - now));
        std::deque<events::Event> batch;
        next = d.events->wait(next, deadline, batch);
        for (const auto &e : batch) {
            if (window->since && e.time_nano < *window->since) continue;
            if (window->until && e.time_nano > *window->until) continue;
            if (!event_matches(*filters, e)) continue;
            if (!w.write_chunk(event_json(e).dump() + "\n")) return;
        }
        if (d.events->closed() || w.client_gone()) break;
    }
    w.finish();
}

}  // namespace

void register_event_routes(Router &router, Daemon &daemon) {
    router.add("GET", "/events", [&daemon](Request &req, ResponseWriter &w) { stream_events(daemon, req, w); });
}

}  // namespace berth::api
