// GET /images/{name}/history: the config's history[], newest first, each non-empty entry
// paired with its layer's size, as docker's ImageHistory does for pulled images.
#include "images/store/local_store.h"
#include "images/store/time_format.h"

namespace berth::images {

Result<std::vector<HistoryItem>> LocalImageStore::history(std::string_view name) const {
    std::lock_guard lock(mu_);
    auto target = TRY(resolve_locked(name));
    const ImageRecord &r = images_.at(target.id);

    std::vector<HistoryItem> items;
    std::size_t layer = 0;
    const auto layer_size = [&](std::size_t i) -> std::int64_t {
        if (i >= r.chain_ids.size()) return 0;
        auto it = layer_meta_.find(r.chain_ids[i]);
        return it == layer_meta_.end() ? 0 : it->second.size;
    };
    const auto history = r.config.find("history");
    if (history != r.config.end() && history->is_array()) {
        for (const auto &h : *history) {
            if (!h.is_object()) continue;
            HistoryItem item;
            item.id = "<missing>";
            item.created = parse_rfc3339(h.value("created", ""));
            item.created_by = h.value("created_by", "");
            item.comment = h.value("comment", "");
            item.empty_layer = h.value("empty_layer", false);
            if (!item.empty_layer) item.size = layer_size(layer++);
            items.push_back(std::move(item));
        }
    } else {
        // No history recorded: one anonymous entry per layer.
        for (; layer < r.chain_ids.size(); ++layer) {
            HistoryItem item;
            item.id = "<missing>";
            item.created = r.created;
            item.size = layer_size(layer);
            items.push_back(std::move(item));
        }
    }
    std::reverse(items.begin(), items.end());
    if (items.empty()) items.push_back(HistoryItem{"<missing>", r.created, {}, {}, 0, {}, true});
    items.front().id = r.id;
    items.front().tags = repos_.tags_of(r.id);
    return items;
}

}  // namespace berth::images
