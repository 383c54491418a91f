// One unpacked layer on disk: layers/<chain id hex>/{diff/, meta.json}. A layer is
// unpacked into layers/tmp-<random>/ and renamed into place only once complete and
// verified, so a layer directory with a meta.json is always whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/result.h"
#include "images/image_store.h"
#include "layers/layer_unpack.h"

namespace berth::images {

struct LayerMeta {
    std::string diff_id;
    std::string chain_id;
    std::string parent;  // parent chain id, "" for a base layer
    std::int64_t size = 0;
};

constexpr const char *kLayerTempPrefix = "tmp-";

std::filesystem::path layer_path(const std::filesystem::path &layers_dir, const std::string &chain_id);
Result<LayerMeta> read_layer_meta(const std::filesystem::path &layer_dir);

// Unpacks `archive` for the layer `want` (size ignored) and renames it into place. When
// the layer directory appeared meanwhile (a concurrent pull), the existing one is kept.
// A diff_id that differs from want.diff_id fails and leaves nothing behind.
Result<LayerMeta> unpack_layer_into_place(const std::filesystem::path &layers_dir, const LayerMeta &want,
                                          const std::filesystem::path &archive, const UnpackOptions &options,
                                          const LayerUnpacker &unpack);

// Moves the layer out of its name first (a crash mid-delete leaves only a tmp- directory,
// which open() removes), then returns the path to remove, outside any lock.
Result<std::filesystem::path> detach_layer_dir(const std::filesystem::path &layers_dir, const std::string &chain_id);

}  // namespace berth::images
