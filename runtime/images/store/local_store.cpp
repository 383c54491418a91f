#include "images/store/local_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "images/digest.h"
#include "images/store/fs_util.h"
#include "images/store/time_format.h"

namespace berth::images {

namespace fs = std::filesystem;

std::string short_id(const std::string &id) {
    std::string hex = id.starts_with("sha256:") ? id.substr(7) : id;
    return hex.substr(0, 12);
}

Result<std::unique_ptr<ImageStore>> ImageStore::open(const fs::path &root, LayerUnpacker unpack) {
    auto store = std::make_unique<LocalImageStore>(root, std::move(unpack));
    TRY(store->load());
    return std::unique_ptr<ImageStore>(std::move(store));
}

LocalImageStore::LocalImageStore(const fs::path &dir, LayerUnpacker unpack)
    : unpack_(std::move(unpack)),
      image_dir_(dir),
      layers_(image_dir_ / "layers"),
      records_dir_(image_dir_ / "images"),
      tmp_(image_dir_ / "tmp"),
      repositories_file_(image_dir_ / "repositories.json"),
      blobs_(image_dir_ / "blobs" / "sha256", image_dir_ / "tmp") {}

namespace {

Result<void> make_dirs(const fs::path &p, fs::perms perms = fs::perms::owner_all) {
    std::error_code ec;
    fs::create_directories(p, ec);
    if (ec) return Error{"create directory", p.string(), ec.value(), {}, ErrorKind::Internal};
    fs::permissions(p, perms, ec);
    return {};
}

bool is_hex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Image configs carry rootfs.diff_ids; everything else about the layers follows from them.
Result<std::vector<std::string>> diff_ids_of(const nlohmann::json &config) {
    std::vector<std::string> out;
    try {
        for (const auto &d : config.at("rootfs").at("diff_ids")) {
            auto s = d.get<std::string>();
            if (!is_valid_digest(s)) return Error::invalid("image config has an invalid diff_id \"" + s + "\"");
            out.push_back(std::move(s));
        }
    } catch (const nlohmann::json::exception &e) {
        return Error::invalid(std::string("image config has no rootfs.diff_ids: ") + e.what());
    }
    return out;
}

std::vector<std::string> chain_ids_of(const std::vector<std::string> &diff_ids) {
    std::vector<std::string> out;
    std::string parent;
    for (const auto &d : diff_ids) {
        parent = chain_id(parent, d);
        out.push_back(parent);
    }
    return out;
}

}  // namespace

// A crash can leave: half-unpacked layers (tmp-*), layers being deleted (tmp-del-*),
// downloads (tmp/*), temp files of atomic writes. None of them is ever trusted.
Result<void> LocalImageStore::clean_leftovers() {
    TRY(fsx::remove_tree(tmp_));
    TRY(make_dirs(tmp_));
    std::error_code ec;
    for (const auto &dir : {layers_, records_dir_, image_dir_, image_dir_ / "blobs" / "sha256"}) {
        for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            const bool temp = name.starts_with(kLayerTempPrefix) || name.find(".tmp-") != std::string::npos;
            const bool half_layer = dir == layers_ && !fs::exists(it->path() / "meta.json");
            if (temp || half_layer) TRY(fsx::remove_tree(it->path()));
        }
        if (ec) return Error{"list", dir.string(), ec.value(), {}, ErrorKind::Internal};
    }
    return {};
}

Result<void> LocalImageStore::load_layers() {
    std::error_code ec;
    for (auto it = fs::directory_iterator(layers_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        auto meta = read_layer_meta(it->path());
        if (!meta || digest_hex(meta->chain_id) != it->path().filename().string()) {
            TRY(fsx::remove_tree(it->path()));
            continue;
        }
        layer_meta_[meta->chain_id] = *meta;
    }
    if (ec) return Error{"list", layers_.string(), ec.value(), {}, ErrorKind::Internal};
    return {};
}

Result<void> LocalImageStore::load_images() {
    std::error_code ec;
    std::vector<fs::path> broken;
    for (auto it = fs::directory_iterator(records_dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const fs::path file = it->path();
        const std::string id = "sha256:" + file.stem().string();
        auto load_one = [&]() -> Result<ImageRecord> {
            auto text = TRY(fsx::read_file(file));
            auto config_raw = TRY(blobs_.read_verified(id));
            ImageRecord r;
            r.id = id;
            try {
                auto j = nlohmann::json::parse(text);
                r.pulled = j.value("pulled", std::int64_t{0});
                r.manifests = j.value("manifests", std::vector<std::string>{});
                r.config = nlohmann::json::parse(config_raw);
            } catch (const nlohmann::json::exception &e) {
                return Error{"read image record", file.string(), 0, e.what(), ErrorKind::Internal};
            }
            r.diff_ids = TRY(diff_ids_of(r.config));
            r.chain_ids = chain_ids_of(r.diff_ids);
            for (const auto &c : r.chain_ids)
                if (!layer_meta_.count(c)) return Error::not_found("layer " + c + " is missing");
            r.created = parse_rfc3339(r.config.value("created", ""));
            return r;
        };
        auto record = load_one();
        if (!record) {
            // An image whose config or layers are gone can't be used; forget it rather
            // than fail every later operation.
            broken.push_back(file);
            continue;
        }
        images_[record->id] = std::move(record).value();
    }
    if (ec) return Error{"list", records_dir_.string(), ec.value(), {}, ErrorKind::Internal};
    for (const auto &f : broken) TRY(fsx::remove_tree(f));
    return {};
}

Result<void> LocalImageStore::load() {
    TRY(make_dirs(image_dir_, fs::perms::owner_all));
    TRY(make_dirs(image_dir_ / "blobs" / "sha256"));
    TRY(make_dirs(layers_));
    TRY(make_dirs(records_dir_));
    TRY(clean_leftovers());
    std::lock_guard lock(mu_);
    TRY(load_layers());
    TRY(load_images());
    repos_ = TRY(Repositories::load(repositories_file_));

    bool dropped = false;
    for (auto *map : {&repos_.tags, &repos_.digests}) {
        for (auto it = map->begin(); it != map->end();) {
            if (images_.count(it->second)) {
                ++it;
            } else {
                it = map->erase(it);
                dropped = true;
            }
        }
    }
    if (dropped) TRY(save_repositories_locked());

    // Complete layers no image uses are what a pull killed before its commit left.
    std::vector<std::string> all;
    for (const auto &[chain, meta] : layer_meta_) all.push_back(chain);
    for (const auto &p : collect_unused_layers_locked(all)) TRY(fsx::remove_tree(p));
    return remove_unreferenced_blobs_locked();
}

// Blobs written by a commit that never completed belong to no image.
Result<void> LocalImageStore::remove_unreferenced_blobs_locked() {
    std::set<std::string> wanted;
    for (const auto &[id, r] : images_) {
        wanted.insert(digest_hex(id));
        for (const auto &m : r.manifests) wanted.insert(digest_hex(m));
    }
    const fs::path dir = image_dir_ / "blobs" / "sha256";
    std::error_code ec;
    std::vector<fs::path> unreferenced;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
        if (!wanted.count(it->path().filename().string())) unreferenced.push_back(it->path());
    if (ec) return Error{"list", dir.string(), ec.value(), {}, ErrorKind::Internal};
    for (const auto &p : unreferenced) TRY(fsx::remove_tree(p));
    return {};
}

Result<void> LocalImageStore::save_repositories_locked() { return repos_.save(repositories_file_); }

Image LocalImageStore::to_image_locked(const ImageRecord &r) const {
    Image img;
    img.id = r.id;
    img.repo_tags = repos_.tags_of(r.id);
    img.repo_digests = repos_.digests_of(r.id);
    img.config = r.config;
    img.diff_ids = r.diff_ids;
    img.chain_ids = r.chain_ids;
    img.created = r.created;
    for (const auto &c : r.chain_ids)
        if (auto it = layer_meta_.find(c); it != layer_meta_.end()) img.size += it->second.size;
    return img;
}

std::vector<Image> LocalImageStore::list() const {
    std::lock_guard lock(mu_);
    std::vector<Image> out;
    for (const auto &[id, r] : images_) out.push_back(to_image_locked(r));
    return out;
}

// Docker's order: a full ID; then a reference (tag or name@digest); then an ID prefix.
Result<LocalImageStore::Resolved> LocalImageStore::resolve_locked(std::string_view name) const {
    if (name.empty()) return Error::invalid("invalid reference format: empty image name");
    auto by_prefix = [&](std::string_view prefix) -> Result<Resolved> {
        const std::string want = "sha256:" + std::string(prefix);
        auto it = images_.lower_bound(want);
        if (it == images_.end() || !it->first.starts_with(want))
            return Error::not_found("No such image: " + std::string(name));
        auto next = std::next(it);
        if (next != images_.end() && next->first.starts_with(want))
            return Error::invalid("multiple IDs found with provided prefix: " + std::string(prefix));
        return Resolved{it->first, false, {}, {}};
    };
    if (name.starts_with("sha256:")) {
        if (!is_hex(name.substr(7))) return Error::invalid("invalid reference format");
        return by_prefix(name.substr(7));
    }
    if (is_full_hex_id(name)) return by_prefix(name);

    auto ref = parse_reference(name);
    if (ref) {
        std::string key = ref->has_digest() ? ref->familiar_name() + "@" + ref->digest : ref->familiar();
        if (ref->has_digest()) {
            if (auto it = repos_.digests.find(key); it != repos_.digests.end()) return Resolved{it->second, true, key, {}};
            // name:tag@digest: the digest decides.
            const std::string plain = ref->familiar_name() + "@" + ref->digest;
            if (auto it = repos_.digests.find(plain); it != repos_.digests.end())
                return Resolved{it->second, true, plain, {}};
        } else if (auto it = repos_.tags.find(key); it != repos_.tags.end()) {
            return Resolved{it->second, true, key, {}};
        }
    }
    if (is_hex(name)) {
        auto r = by_prefix(name);
        if (r || r.error().kind != ErrorKind::NotFound) return r;
    }
    if (!ref) return std::move(ref).error();
    return Error::not_found("No such image: " + ref->familiar());
}

Result<Image> LocalImageStore::resolve(std::string_view name_or_id) const {
    std::lock_guard lock(mu_);
    auto r = TRY(resolve_locked(name_or_id));
    return to_image_locked(images_.at(r.id));
}

Result<void> LocalImageStore::tag(std::string_view source, const Reference &target) {
    if (target.has_digest()) return Error::invalid("refusing to create a tag with a digest reference");
    Reference t = target;
    if (t.tag.empty()) t.tag = "latest";
    std::lock_guard lock(mu_);
    auto src = TRY(resolve_locked(source));
    const std::string key = t.familiar();
    auto old = repos_.tags.find(key);
    if (old != repos_.tags.end() && old->second == src.id) return {};
    const std::optional<std::string> previous =
        old != repos_.tags.end() ? std::optional<std::string>(old->second) : std::nullopt;
    repos_.tags[key] = src.id;
    if (auto saved = save_repositories_locked(); !saved) {
        if (previous) repos_.tags[key] = *previous;
        else repos_.tags.erase(key);
        return saved;
    }
    return {};
}

Result<std::vector<fs::path>> LocalImageStore::layer_dirs(std::string_view image_id) const {
    std::lock_guard lock(mu_);
    auto r = TRY(resolve_locked(image_id));
    std::vector<fs::path> out;
    for (const auto &c : images_.at(r.id).chain_ids) out.push_back(layer_path(layers_, c) / "diff");
    return out;
}

void LocalImageStore::set_in_use_check(ImageInUse check) {
    std::lock_guard lock(mu_);
    if (!check) {
        user_lookup_ = nullptr;
        return;
    }
    user_lookup_ = [check = std::move(check)](const std::string &id) -> std::string {
        return check(id) ? std::string("?") : std::string();
    };
}

void LocalImageStore::set_in_use_lookup(ImageUser lookup) {
    std::lock_guard lock(mu_);
    user_lookup_ = std::move(lookup);
}

// Called without mu_: the container subsystem may call into the store under its own lock.
std::optional<std::string> LocalImageStore::user_of(const std::string &image_id) const {
    ImageUser lookup;
    {
        std::lock_guard lock(mu_);
        lookup = user_lookup_;
    }
    if (!lookup) return std::nullopt;
    std::string user = lookup(image_id);
    if (user.empty()) return std::nullopt;
    if (user == "?") return std::string();
    return user;
}

bool LocalImageStore::has_image(const std::string &image_id) const {
    std::lock_guard lock(mu_);
    return images_.count(image_id) > 0;
}

bool LocalImageStore::lease_layer(const std::string &chain_id) {
    std::lock_guard lock(mu_);
    if (!layer_meta_.count(chain_id)) return false;
    ++leases_[chain_id];
    return true;
}

Result<std::int64_t> LocalImageStore::create_layer(const std::string &parent_chain_id, const std::string &diff_id,
                                                   const fs::path &archive, const UnpackOptions &options) {
    LayerMeta want;
    want.diff_id = diff_id;
    want.parent = parent_chain_id;
    want.chain_id = chain_id(parent_chain_id, diff_id);
    {
        std::lock_guard lock(mu_);
        if (!parent_chain_id.empty() && !layer_meta_.count(parent_chain_id))
            return Error::internal("parent layer " + parent_chain_id + " is not in the store");
        if (auto it = layer_meta_.find(want.chain_id); it != layer_meta_.end()) {
            ++leases_[want.chain_id];
            return it->second.size;
        }
    }
    auto meta = TRY(unpack_layer_into_place(layers_, want, archive, options, unpack_));
    std::lock_guard lock(mu_);
    layer_meta_[meta.chain_id] = meta;
    ++leases_[meta.chain_id];
    return meta.size;
}

void LocalImageStore::release_layers(const std::vector<std::string> &chain_ids) {
    std::vector<fs::path> doomed;
    {
        std::lock_guard lock(mu_);
        for (const auto &c : chain_ids) {
            auto it = leases_.find(c);
            if (it != leases_.end() && --it->second <= 0) leases_.erase(it);
        }
        doomed = collect_unused_layers_locked(chain_ids);
    }
    for (const auto &p : doomed) (void)fsx::remove_tree(p);
}

bool LocalImageStore::layer_used_locked(const std::string &chain_id) const {
    if (leases_.count(chain_id)) return true;
    for (const auto &[id, r] : images_)
        if (std::find(r.chain_ids.begin(), r.chain_ids.end(), chain_id) != r.chain_ids.end()) return true;
    return false;
}

std::vector<fs::path> LocalImageStore::collect_unused_layers_locked(const std::vector<std::string> &candidates) {
    std::vector<fs::path> doomed;
    // Children before parents: a chain's upper layers name their parent.
    std::vector<std::string> order(candidates.rbegin(), candidates.rend());
    for (const auto &c : order) {
        if (!layer_meta_.count(c) || layer_used_locked(c)) continue;
        auto detached = detach_layer_dir(layers_, c);
        if (!detached) continue;  // stays on disk and in memory; a later delete retries
        layer_meta_.erase(c);
        if (!detached->empty()) doomed.push_back(*detached);
    }
    return doomed;
}

Result<std::string> LocalImageStore::write_image_record(const ImageRecord &r) const {
    nlohmann::json j{{"id", r.id}, {"pulled", r.pulled}, {"manifests", r.manifests}};
    const fs::path file = records_dir_ / (digest_hex(r.id) + ".json");
    TRY(fsx::write_file_atomic(file, j.dump(2) + "\n"));
    return file.string();
}

Result<CommitResult> LocalImageStore::commit_image(const std::string &config_raw, const Reference &ref,
                                                   const std::string &repo_digest, const std::string &manifest_raw) {
    ImageRecord record;
    try {
        record.config = nlohmann::json::parse(config_raw);
    } catch (const nlohmann::json::exception &e) {
        return Error::invalid(std::string("image config is not valid JSON: ") + e.what());
    }
    record.id = sha256_digest(config_raw);
    record.diff_ids = TRY(diff_ids_of(record.config));
    record.chain_ids = chain_ids_of(record.diff_ids);
    record.created = parse_rfc3339(record.config.value("created", ""));
    record.pulled = now_seconds();
    {
        std::lock_guard lock(mu_);
        for (const auto &c : record.chain_ids)
            if (!layer_meta_.count(c)) return Error::internal("layer " + c + " of image " + record.id + " is missing");
        if (auto it = images_.find(record.id); it != images_.end()) record.manifests = it->second.manifests;
    }

    // Blobs and the record are written before the image becomes visible; content
    // addressing makes concurrent writers of the same image harmless.
    const bool new_image = !has_image(record.id);
    TRY(blobs_.put(config_raw));
    if (!manifest_raw.empty()) {
        auto mdigest = TRY(blobs_.put(manifest_raw));
        if (std::find(record.manifests.begin(), record.manifests.end(), mdigest) == record.manifests.end())
            record.manifests.push_back(mdigest);
    }
    auto undo_files = [&] {
        if (!new_image) return;
        std::error_code ec;
        fs::remove(records_dir_ / (digest_hex(record.id) + ".json"), ec);
        (void)blobs_.remove(record.id);
        for (const auto &m : record.manifests) (void)blobs_.remove(m);
    };
    if (auto w = write_image_record(record); !w) {
        undo_files();
        return std::move(w).error();
    }

    std::lock_guard lock(mu_);
    const Repositories before = repos_;
    const bool existed = images_.count(record.id) > 0;
    images_[record.id] = record;
    CommitResult result;
    if (!ref.tag.empty()) {
        auto &slot = repos_.tags[ref.familiar()];
        result.tag_updated = slot != record.id;
        slot = record.id;
    }
    if (!repo_digest.empty()) repos_.digests[ref.familiar_name() + "@" + repo_digest] = record.id;
    if (auto saved = save_repositories_locked(); !saved) {
        repos_ = before;
        if (!existed) {
            images_.erase(record.id);
            undo_files();
        }
        return std::move(saved).error();
    }
    result.image = to_image_locked(images_.at(record.id));
    return result;
}

}  // namespace berth::images
