// The image store under <root>/image: content-addressed blobs, image configs, layers
// unpacked once per chain id and shared, tags written atomically, reference counts.
// Thread-safe: the API server calls it from many connection threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/reference.h"
#include "common/result.h"
#include "layers/layer_unpack.h"

namespace berth::images {

struct Image {
    std::string id;                         // "sha256:<config digest>"
    std::vector<std::string> repo_tags;     // familiar: "busybox:latest"
    std::vector<std::string> repo_digests;  // familiar: "busybox@sha256:<manifest digest>"
    nlohmann::json config;                  // the image config blob as pulled
    std::vector<std::string> diff_ids;      // rootfs.diff_ids, lowest layer first
    std::vector<std::string> chain_ids;     // one per layer, lowest first
    std::int64_t size = 0;                  // sum of the layers' unpacked sizes
    std::int64_t created = 0;               // unix seconds, from config.created
    std::string parent;                     // empty for pulled images
};

struct ImageDeleteItem {  // one line of DELETE /images/{name}'s answer
    std::string untagged;
    std::string deleted;
};

struct PruneReport {
    std::vector<ImageDeleteItem> deleted;
    std::uint64_t space_reclaimed = 0;
};

struct HistoryItem {
    std::string id;  // image id for the top entry, "<missing>" below, as docker does
    std::int64_t created = 0;
    std::string created_by;
    std::vector<std::string> tags;
    std::int64_t size = 0;
    std::string comment;
    bool empty_layer = false;
};

// Answers whether any container uses an image (set by the container subsystem).
using ImageInUse = std::function<bool(const std::string &image_id)>;
// Names a container using an image ("" when none), for Docker's conflict messages.
using ImageUser = std::function<std::string(const std::string &image_id)>;

struct CommitResult {
    Image image;
    bool tag_updated = false;  // the tag now points at a different image than before
};

// Unpacks a layer archive into an empty directory: layers/layer_unpack.h's unpack_layer, or
// the same in a berth-worker (images/worker_unpack.h), which is what berthd uses.
using LayerUnpacker = std::function<Result<UnpackStats>(
    const std::filesystem::path &archive, const std::filesystem::path &dest, const UnpackOptions &options)>;

class ImageStore {
public:
    // `dir` is the store's own directory: berthd passes <root>/image.
    static Result<std::unique_ptr<ImageStore>> open(const std::filesystem::path &dir, LayerUnpacker unpack);
    virtual ~ImageStore() = default;

    virtual std::vector<Image> list() const = 0;
    // By full or short ID (with or without "sha256:"), by reference, or by digest ref.
    virtual Result<Image> resolve(std::string_view name_or_id) const = 0;
    virtual Result<void> tag(std::string_view source, const Reference &target) = 0;
    virtual Result<std::vector<ImageDeleteItem>> remove(std::string_view name, bool force,
                                                        bool noprune) = 0;
    // dangling_only=true removes untagged images; false removes every unused image.
    virtual Result<PruneReport> prune(bool dangling_only,
                                      const std::function<bool(const Image &)> &match) = 0;
    virtual Result<std::vector<HistoryItem>> history(std::string_view name) const = 0;
    // Layer directories for an overlay mount, lowest first.
    virtual Result<std::vector<std::filesystem::path>> layer_dirs(std::string_view image_id) const = 0;
    virtual void set_in_use_check(ImageInUse check) = 0;
    virtual void set_in_use_lookup(ImageUser lookup) = 0;

    // --- used by pull (pull.cpp) ---
    // Where downloads are written before they are verified (same file system as the store).
    virtual std::filesystem::path temp_dir() const = 0;
    virtual bool has_image(const std::string &image_id) const = 0;
    // Layers used by a pull in progress are leased: delete and prune leave them alone, and
    // releasing them removes those that no image ended up using (a failed pull's layers).
    // Returns true (and takes a lease) when the layer is present.
    virtual bool lease_layer(const std::string &chain_id) = 0;
    // Unpacks `archive` as the layer `chain_id` (on top of `parent_chain_id`) into a temp
    // directory, checks the diff_id, then renames it into place and leases it. A layer that
    // another pull committed meanwhile is reused. Returns the layer's size.
    virtual Result<std::int64_t> create_layer(const std::string &parent_chain_id, const std::string &diff_id,
                                              const std::filesystem::path &archive,
                                              const UnpackOptions &options) = 0;
    virtual void release_layers(const std::vector<std::string> &chain_ids) = 0;
    // Records the image (config blob and manifest stored as blobs, every layer present),
    // tags it with `ref`'s tag and records `repo_digest` ("sha256:..." manifest digest).
    virtual Result<CommitResult> commit_image(const std::string &config_raw, const Reference &ref,
                                              const std::string &repo_digest,
                                              const std::string &manifest_raw) = 0;
};

}  // namespace berth::images
