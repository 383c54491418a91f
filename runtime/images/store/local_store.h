// The on-disk ImageStore. Layout of its directory (berthd gives it <root>/image):
//   blobs/sha256/<hex>          image configs and manifests (content-addressed)
//   layers/<chain id hex>/      diff/ (the unpacked tree) + meta.json; tmp-* while unpacking
//   images/<id hex>.json        our record of an image (layers, repo digests, pull time)
//   repositories.json           tags and repo digests
//   tmp/                        downloads in progress
// One mutex guards the in-memory view; it is never held while downloading or unpacking.
#pragma once

#include <map>
#include <mutex>
#include <optional>

#include "images/image_store.h"
#include "images/store/blob_store.h"
#include "images/store/layer_dir.h"
#include "images/store/repositories.h"

namespace berth::images {

class LocalImageStore final : public ImageStore {
public:
    LocalImageStore(const std::filesystem::path &dir, LayerUnpacker unpack);
    Result<void> load();

    std::vector<Image> list() const override;
    Result<Image> resolve(std::string_view name_or_id) const override;
    Result<void> tag(std::string_view source, const Reference &target) override;
    Result<std::vector<ImageDeleteItem>> remove(std::string_view name, bool force, bool noprune) override;
    Result<PruneReport> prune(bool dangling_only, const std::function<bool(const Image &)> &match) override;
    Result<std::vector<HistoryItem>> history(std::string_view name) const override;
    Result<std::vector<std::filesystem::path>> layer_dirs(std::string_view image_id) const override;
    void set_in_use_check(ImageInUse check) override;
    void set_in_use_lookup(ImageUser lookup) override;

    std::filesystem::path temp_dir() const override { return tmp_; }
    bool has_image(const std::string &image_id) const override;
    bool lease_layer(const std::string &chain_id) override;
    Result<std::int64_t> create_layer(const std::string &parent_chain_id, const std::string &diff_id,
                                      const std::filesystem::path &archive, const UnpackOptions &options) override;
    void release_layers(const std::vector<std::string> &chain_ids) override;
    Result<CommitResult> commit_image(const std::string &config_raw, const Reference &ref,
                                      const std::string &repo_digest, const std::string &manifest_raw) override;

private:
    struct ImageRecord {
        std::string id;
        nlohmann::json config;
        std::vector<std::string> diff_ids;
        std::vector<std::string> chain_ids;
        std::vector<std::string> manifests;  // manifest blobs kept for this image
        std::int64_t created = 0;
        std::int64_t pulled = 0;
    };
    // How a name was resolved: Docker treats deleting by ID and by reference differently.
    struct Resolved {
        std::string id;
        bool by_reference = false;
        std::string key;    // the familiar tag or digest key when by_reference
        std::string given;  // the name as the caller wrote it (Docker's messages quote it)
    };

    Result<void> clean_leftovers();
    Result<void> load_layers();
    Result<void> load_images();
    Result<void> save_repositories_locked();
    Result<void> remove_unreferenced_blobs_locked();
    Result<std::string> write_image_record(const ImageRecord &record) const;

    Result<Resolved> resolve_locked(std::string_view name) const;
    Image to_image_locked(const ImageRecord &record) const;
    bool layer_used_locked(const std::string &chain_id) const;
    // Forgets the image and detaches the layers nobody else uses; appends "Deleted" items.
    Result<void> delete_image_locked(const std::string &id, std::vector<ImageDeleteItem> &items,
                                     std::uint64_t &reclaimed, std::vector<std::filesystem::path> &doomed);
    // Detaches unleased layers that no image uses.
    std::vector<std::filesystem::path> collect_unused_layers_locked(const std::vector<std::string> &candidates);
    // Which container uses the image: nullopt for none, "" when unknown which.
    std::optional<std::string> user_of(const std::string &image_id) const;
    Result<std::vector<ImageDeleteItem>> remove_resolved(const Resolved &target, bool force,
                                                         std::vector<std::filesystem::path> &doomed,
                                                         std::uint64_t &reclaimed);

    LayerUnpacker unpack_;
    std::filesystem::path image_dir_, layers_, records_dir_, tmp_, repositories_file_;
    BlobStore blobs_;

    mutable std::mutex mu_;
    std::map<std::string, ImageRecord> images_;
    std::map<std::string, LayerMeta> layer_meta_;  // by chain id
    std::map<std::string, int> leases_;
    Repositories repos_;
    ImageUser user_lookup_;
};

std::string short_id(const std::string &id);  // 12 hex chars, no "sha256:"

}  // namespace berth::images
