// /images/...: list, inspect, history, tag, remove, prune. Pull is in image_pull_route.cpp.
#include <set>

#include "api/image_events.h"
#include "api/image_json.h"
#include "api/image_list.h"
#include "api/image_pull_route.h"
#include "api/routes.h"
#include "common/reference.h"

namespace berth::api {
namespace {

using nlohmann::json;

Result<images::ImageStore *> store_of(Daemon &d) {
    if (d.images == nullptr) return Error::of(ErrorKind::Unavailable, "the image store is not available");
    return d.images;
}

void list(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        images::ImageStore *store = TRY(store_of(d));
        const Filters filters = TRY(req.filters());
        return list_images_json(store->list(), req.query.get_bool("all"), filters,
                                [store](std::string_view name) { return store->resolve(name); });
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void inspect(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        images::ImageStore *store = TRY(store_of(d));
        const images::Image img = TRY(store->resolve(req.param("name")));
        auto dirs = store->layer_dirs(img.id);
        return image_inspect_json(img, dirs ? *dirs : std::vector<std::filesystem::path>{});
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void history(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        images::ImageStore *store = TRY(store_of(d));
        return history_json(TRY(store->history(req.param("name"))));
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

// The target of POST /images/{name}/tag?repo=&tag= (moby's httputils.RepoTagReference).
Result<Reference> tag_target(const Request &req) {
    const std::string repo = req.query.get_or("repo", "");
    const std::string tag = req.query.get_or("tag", "");
    if (repo.empty()) return Error::invalid("repository name must be given (repo=...)");
    Reference ref = TRY(parse_reference_no_default_tag(tag.empty() ? repo : repo + ":" + tag));
    if (ref.has_digest()) return Error::invalid("refusing to create a tag with a digest reference");
    if (ref.tag.empty()) ref.tag = "latest";
    return ref;
}

void tag(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<void> {
        images::ImageStore *store = TRY(store_of(d));
        const Reference target = TRY(tag_target(req));
        const images::Image img = TRY(store->resolve(req.param("name")));
        TRY(store->tag(img.id, target));
        publish_image_event(d.events, "tag", img.id, target.familiar(), image_labels(img));
        return {};
    };
    if (auto r = run(); !r) return w.error(r.error());
    w.text(Status::created, "text/plain; charset=utf-8", "");
}

// As moby: one "untag" per removed tag, one "delete" per deleted image. Digest references
// that go with their repository's last tag are listed as Untagged but make no event (moby
// removes them silently in ImageDelete); deleted layers are listed but are not image events.
void publish_deletions(Daemon &d, const std::vector<images::ImageDeleteItem> &items, const std::string &image_id,
                       const std::set<std::string> &image_ids) {
    for (const auto &item : items) {
        const bool digest_reference = item.untagged.find('@') != std::string::npos;
        if (!item.untagged.empty() && !digest_reference) publish_image_event(d.events, "untag", image_id, image_id);
        if (!item.deleted.empty() && image_ids.count(item.deleted))
            publish_image_event(d.events, "delete", item.deleted, item.deleted);
    }
}

std::set<std::string> all_image_ids(const images::ImageStore &store) {
    std::set<std::string> ids;
    for (const auto &img : store.list()) ids.insert(img.id);
    return ids;
}

void remove(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        images::ImageStore *store = TRY(store_of(d));
        const images::Image img = TRY(store->resolve(req.param("name")));
        const std::set<std::string> image_ids = all_image_ids(*store);
        const auto items = TRY(store->remove(req.param("name"), req.query.get_bool("force"),
                                             req.query.get_bool("noprune")));
        publish_deletions(d, items, img.id, image_ids);
        return delete_items_json(items);
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

void prune(Daemon &d, Request &req, ResponseWriter &w) {
    auto run = [&]() -> Result<json> {
        images::ImageStore *store = TRY(store_of(d));
        const Filters filters = TRY(req.filters());
        TRY(filters.validate({"dangling", "label", "label!", "until"}));
        // Docker prunes only dangling images unless told dangling=false (`prune -a`).
        const std::optional<bool> dangling = TRY(filters.get_bool("dangling"));
        std::optional<std::int64_t> until;
        for (const auto &v : filters.values("until")) {
            try {
                until = std::stoll(v);
            } catch (...) {
                return Error::invalid("invalid filter 'until=" + v + "': expected unix seconds");
            }
        }
        const auto match = [&](const images::Image &img) {
            const auto labels = image_labels(img);
            if (filters.contains("label") && !filters.match_labels("label", labels)) return false;
            for (const auto &neg : filters.values("label!")) {
                Filters one;
                one.add("l", neg);
                if (one.match_labels("l", labels)) return false;
            }
            return !until || img.created <= *until;
        };
        const std::set<std::string> image_ids = all_image_ids(*store);
        const images::PruneReport report = TRY(store->prune(dangling.value_or(true), match));
        for (const auto &item : report.deleted) {
            if (!item.untagged.empty()) publish_image_event(d.events, "untag", item.untagged, item.untagged);
            if (!item.deleted.empty() && image_ids.count(item.deleted))
                publish_image_event(d.events, "delete", item.deleted, item.deleted);
        }
        if (d.events) {
            events::Event e{"image", "prune", "", {{"reclaimed", std::to_string(report.space_reclaimed)}}, 0};
            d.events->publish(std::move(e));
        }
        return json{{"ImagesDeleted", report.deleted.empty() ? json(nullptr) : delete_items_json(report.deleted)},
                    {"SpaceReclaimed", report.space_reclaimed}};
    };
    auto out = run();
    if (!out) return w.error(out.error());
    w.json(Status::ok, *out);
}

}  // namespace

void register_image_routes(Router &router, Daemon &daemon) {
    Daemon *d = &daemon;
    auto bind = [d](void (*fn)(Daemon &, Request &, ResponseWriter &)) {
        return [d, fn](Request &req, ResponseWriter &w) { fn(*d, req, w); };
    };
    router.add("GET", "/images/json", bind(list));
    router.add("GET", "/images/{name*}/json", bind(inspect));
    router.add("GET", "/images/{name*}/history", bind(history));
    router.add("POST", "/images/{name*}/tag", bind(tag));
    router.add("DELETE", "/images/{name*}", bind(remove));
    router.add("POST", "/images/prune", bind(prune));
    register_pull_route(router, daemon);
}

}  // namespace berth::api
