#include "api/image_list.h"

#include <fnmatch.h>

#include <algorithm>
#include <set>

#include "api/image_json.h"

namespace berth::api {
namespace {

// "127.0.0.1:5000/app:1" -> "127.0.0.1:5000/app": the tag is after the last ':' that
// follows the last '/'.
std::string_view strip_tag(std::string_view ref) {
    const auto at = ref.find('@');
    if (at != std::string_view::npos) ref = ref.substr(0, at);
    const auto slash = ref.rfind('/');
    const auto colon = ref.rfind(':');
    if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash))
        return ref.substr(0, colon);
    return ref;
}

bool glob(std::string_view pattern, std::string_view text) {
    // FNM_PATHNAME: '*' does not cross '/', as in Go's path.Match.
    return ::fnmatch(std::string(pattern).c_str(), std::string(text).c_str(), FNM_PATHNAME) == 0;
}

}  // namespace

bool reference_filter_match(std::string_view pattern, std::string_view familiar_tag) {
    return glob(pattern, familiar_tag) || glob(pattern, strip_tag(familiar_tag));
}

Result<nlohmann::json> list_images_json(const std::vector<images::Image> &all_images, bool all,
                                        const Filters &filters, const ImageResolver &resolve) {
    TRY(filters.validate({"dangling", "label", "before", "since", "reference", "until"}));
    const std::optional<bool> dangling = TRY(filters.get_bool("dangling"));

    std::optional<std::int64_t> before, since, until;
    for (const auto &name : filters.values("before")) {
        const images::Image img = TRY(resolve(name));
        before = before ? std::min(*before, img.created) : img.created;
    }
    for (const auto &name : filters.values("since")) {
        const images::Image img = TRY(resolve(name));
        since = since ? std::max(*since, img.created) : img.created;
    }
    for (const auto &value : filters.values("until")) {
        // Unix seconds only; durations are turned into timestamps by the client.
        long long secs = 0;
        try {
            secs = std::stoll(value);
        } catch (...) {
            return Error::invalid("invalid filter 'until=" + value + "': expected unix seconds");
        }
        until = until ? std::min<std::int64_t>(*until, secs) : secs;
    }

    std::set<std::string> parents;
    for (const auto &img : all_images)
        if (!img.parent.empty()) parents.insert(img.parent);

    std::vector<const images::Image *> picked;
    std::vector<std::vector<std::string>> tags_of;
    for (const auto &img : all_images) {
        const bool untagged = img.repo_tags.empty();
        if (dangling) {
            if (*dangling != untagged) continue;
        }
        // Untagged parents are build steps of other images: only `all` shows them.
        if (!all && untagged && parents.count(img.id)) continue;
        if (before && img.created >= *before) continue;
        if (since && img.created <= *since) continue;
        if (until && img.created > *until) continue;
        if (filters.contains("label") && !filters.match_labels("label", image_labels(img))) continue;

        std::vector<std::string> tags = img.repo_tags;
        if (filters.contains("reference")) {
            std::vector<std::string> kept;
            for (const auto &tag : img.repo_tags) {
                for (const auto &pattern : filters.values("reference")) {
                    if (reference_filter_match(pattern, tag)) {
                        kept.push_back(tag);
                        break;
                    }
                }
            }
            // An image matches through its tags; untagged images through digests only.
            bool digest_match = false;
            if (kept.empty())
                for (const auto &d : img.repo_digests)
                    for (const auto &pattern : filters.values("reference"))
                        digest_match = digest_match || reference_filter_match(pattern, d);
            if (kept.empty() && !digest_match) continue;
            tags = std::move(kept);
        }
        picked.push_back(&img);
        tags_of.push_back(std::move(tags));
    }

    std::vector<std::size_t> order(picked.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return picked[a]->created > picked[b]->created; });
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i : order) out.push_back(image_summary_json(*picked[i], tags_of[i]));
    return out;
}

}  // namespace berth::api
