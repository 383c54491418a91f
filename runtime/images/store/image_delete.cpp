// DELETE /images/{name} and POST /images/prune, following Docker's rules
// (daemon/images/image_delete.go): deleting by reference untags, and deletes the image
// only with its last reference; deleting by ID needs force when several repositories
// reference it; an image a container uses is kept unless forced.
#include <algorithm>
#include <set>

#include "images/store/fs_util.h"
#include "images/store/local_store.h"

namespace berth::images {

namespace fs = std::filesystem;

namespace {

// Docker's isSingleReference: at most one tag, and every reference in one repository.
bool is_single_reference(const std::vector<std::string> &refs) {
    if (refs.size() <= 1) return refs.size() == 1;
    std::set<std::string> repos;
    int tags = 0;
    for (const auto &r : refs) {
        repos.insert(repository_of(r));
        if (!is_digest_key(r) && ++tags > 1) return false;
    }
    return repos.size() == 1;
}

std::string user_text(const std::string &container) {
    return container.empty() ? std::string("a container") : "container " + container.substr(0, 12);
}

}  // namespace

Result<void> LocalImageStore::delete_image_locked(const std::string &id, std::vector<ImageDeleteItem> &items,
                                                  std::uint64_t &reclaimed, std::vector<fs::path> &doomed) {
    auto it = images_.find(id);
    if (it == images_.end()) return {};
    const ImageRecord record = it->second;
    std::error_code ec;
    fs::remove(records_dir_ / (digest_hex(id) + ".json"), ec);
    if (ec) return Error{"remove image record", id, ec.value(), {}, ErrorKind::Internal};
    images_.erase(it);
    (void)blobs_.remove(id);
    for (const auto &m : record.manifests) (void)blobs_.remove(m);
    items.push_back({{}, id});

    std::vector<std::int64_t> sizes;
    for (const auto &c : record.chain_ids) sizes.push_back(layer_meta_.count(c) ? layer_meta_.at(c).size : 0);
    auto detached = collect_unused_layers_locked(record.chain_ids);
    // Docker lists the removed layers (by chain id) after the image, top layer first.
    for (std::size_t i = record.chain_ids.size(); i-- > 0;) {
        const auto &c = record.chain_ids[i];
        if (layer_meta_.count(c)) continue;
        items.push_back({{}, c});
        reclaimed += static_cast<std::uint64_t>(sizes[i]);
    }
    doomed.insert(doomed.end(), detached.begin(), detached.end());
    return {};
}

Result<std::vector<ImageDeleteItem>> LocalImageStore::remove_resolved(const Resolved &target, bool force,
                                                                      std::vector<fs::path> &doomed,
                                                                      std::uint64_t &reclaimed) {
    const std::string &id = target.id;
    // Asked before taking the lock (see user_of).
    const std::optional<std::string> user = user_of(id);

    std::lock_guard lock(mu_);
    if (!images_.count(id)) return Error::not_found("No such image: " + id);
    std::vector<ImageDeleteItem> items;
    std::vector<std::string> refs = repos_.refs_of(id);

    if (target.by_reference) {
        if (!force && user && is_single_reference(refs))
            return Error::conflict("conflict: unable to remove repository reference \"" + target.given +
                                   "\" (must force) - " + user_text(*user) + " is using its referenced image " +
                                   short_id(id));
        if (!repos_.erase(target.key)) return Error::not_found("No such image: " + target.key);
        items.push_back({target.key, {}});
        // Untagging the last tag of a repository also drops that repository's digests.
        if (!is_digest_key(target.key)) {
            const std::string repo = repository_of(target.key);
            const auto remaining = repos_.refs_of(id);
            const bool tag_left = std::any_of(remaining.begin(), remaining.end(), [&](const std::string &r) {
                return !is_digest_key(r) && repository_of(r) == repo;
            });
            if (!tag_left)
                for (const auto &r : remaining)
                    if (is_digest_key(r) && repository_of(r) == repo) {
                        repos_.erase(r);
                        items.push_back({r, {}});
                    }
        }
        if (!repos_.refs_of(id).empty()) {
            TRY(save_repositories_locked());
            return items;
        }
    } else if (is_single_reference(refs)) {
        if (!force && user)
            return Error::conflict("conflict: unable to delete " + short_id(id) + " (must be forced) - image is being used by " +
                                   (user->empty() ? std::string("a container") : "stopped container " + user->substr(0, 12)));
        for (const auto &r : refs) {
            repos_.erase(r);
            items.push_back({r, {}});
        }
    }

    refs = repos_.refs_of(id);
    if (!refs.empty()) {
        if (!force)
            return Error::conflict("conflict: unable to delete " + short_id(id) +
                                   " (must be forced) - image is referenced in multiple repositories");
        for (const auto &r : refs) {
            repos_.erase(r);
            items.push_back({r, {}});
        }
    }
    if (!force && user)
        return Error::conflict("conflict: unable to delete " + short_id(id) + " (must be forced) - image is being used by " +
                               (user->empty() ? std::string("a container") : "stopped container " + user->substr(0, 12)));
    TRY(save_repositories_locked());
    TRY(delete_image_locked(id, items, reclaimed, doomed));
    return items;
}

Result<std::vector<ImageDeleteItem>> LocalImageStore::remove(std::string_view name, bool force, bool noprune) {
    // noprune concerns untagged parent images, which pulled images don't have.
    (void)noprune;
    Resolved target;
    {
        std::lock_guard lock(mu_);
        target = TRY(resolve_locked(name));
    }
    target.given = std::string(name);
    std::vector<fs::path> doomed;
    std::uint64_t reclaimed = 0;
    auto items = remove_resolved(target, force, doomed, reclaimed);
    for (const auto &p : doomed) (void)fsx::remove_tree(p);
    return items;
}

Result<PruneReport> LocalImageStore::prune(bool dangling_only, const std::function<bool(const Image &)> &match) {
    std::vector<Image> candidates;
    {
        std::lock_guard lock(mu_);
        for (const auto &[id, r] : images_) {
            // Docker (ImagesPrune): dangling means untagged; repo digests don't count.
            if (dangling_only && !repos_.tags_of(id).empty()) continue;
            candidates.push_back(to_image_locked(r));
        }
    }
    PruneReport report;
    std::vector<fs::path> doomed;
    for (const auto &img : candidates) {
        if (match && !match(img)) continue;
        if (user_of(img.id)) continue;
        Resolved target{img.id, false, {}, img.id};
        // force: with -a, tagged images go too; the in-use check above already spared
        // the ones containers need.
        auto items = remove_resolved(target, true, doomed, report.space_reclaimed);
        if (!items) {
            if (items.error().kind == ErrorKind::NotFound) continue;  // removed meanwhile
            for (const auto &p : doomed) (void)fsx::remove_tree(p);
            return std::move(items).error();
        }
        report.deleted.insert(report.deleted.end(), items->begin(), items->end());
    }
    for (const auto &p : doomed) (void)fsx::remove_tree(p);
    return report;
}

}  // namespace berth::images
