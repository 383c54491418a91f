#include "images/store/layer_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "images/store/blob_store.h"
#include "images/store/fs_util.h"

namespace berth::images {

std::filesystem::path layer_path(const std::filesystem::path &layers_dir, const std::string &chain_id) {
    return layers_dir / digest_hex(chain_id);
}

Result<LayerMeta> read_layer_meta(const std::filesystem::path &layer_dir) {
    auto text = TRY(fsx::read_file(layer_dir / "meta.json"));
    try {
        auto j = nlohmann::json::parse(text);
        LayerMeta m;
        m.diff_id = j.at("diff_id").get<std::string>();
        m.chain_id = j.at("chain_id").get<std::string>();
        m.parent = j.value("parent", "");
        m.size = j.value("size", std::int64_t{0});
        return m;
    } catch (const nlohmann::json::exception &e) {
        return Error{"read layer metadata", layer_dir.string(), 0, e.what(), ErrorKind::Internal};
    }
}

static std::string meta_json(const LayerMeta &m) {
    nlohmann::json j{{"diff_id", m.diff_id}, {"chain_id", m.chain_id}, {"parent", m.parent}, {"size", m.size}};
    return j.dump() + "\n";
}

Result<LayerMeta> unpack_layer_into_place(const std::filesystem::path &layers_dir, const LayerMeta &want,
                                          const std::filesystem::path &archive, const UnpackOptions &options,
                                          const LayerUnpacker &unpack) {
    const auto final_dir = layer_path(layers_dir, want.chain_id);
    if (digest_hex(want.chain_id).empty()) return Error::invalid("invalid layer chain id \"" + want.chain_id + "\"");
    const auto tmp = layers_dir / (kLayerTempPrefix + fsx::random_hex(8));
    if (::mkdir(tmp.c_str(), 0700) < 0) return Error::sys("create layer directory", tmp.string());
    auto fail = [&](Error e) -> Error {
        (void)fsx::remove_tree(tmp);
        return e;
    };
    if (::mkdir((tmp / "diff").c_str(), 0755) < 0) return fail(Error::sys("create layer directory", tmp.string()));

    auto stats = unpack(archive, tmp / "diff", options);
    if (!stats) return fail(std::move(stats).error());
    if (stats->diff_id != want.diff_id)
        return fail(Error{"verify layer", want.diff_id, 0,
                          "layer content does not match the image config: expected diff_id " + want.diff_id +
                              ", got " + stats->diff_id,
                          ErrorKind::Internal});
    LayerMeta meta = want;
    meta.size = static_cast<std::int64_t>(stats->content_bytes);
    if (auto w = fsx::write_file_atomic(tmp / "meta.json", meta_json(meta)); !w) return fail(std::move(w).error());

    if (::rename(tmp.c_str(), final_dir.c_str()) < 0) {
        if (errno == EEXIST || errno == ENOTEMPTY) {  // another pull committed it first
            (void)fsx::remove_tree(tmp);
            return read_layer_meta(final_dir);
        }
        return fail(Error::sys("commit layer", final_dir.string()));
    }
    TRY(fsx::fsync_path(layers_dir));
    return meta;
}

Result<std::filesystem::path> detach_layer_dir(const std::filesystem::path &layers_dir, const std::string &chain_id) {
    const auto dir = layer_path(layers_dir, chain_id);
    const auto doomed = layers_dir / (std::string(kLayerTempPrefix) + "del-" + fsx::random_hex(8));
    if (::rename(dir.c_str(), doomed.c_str()) < 0) {
        if (errno == ENOENT) return std::filesystem::path();
        return Error::sys("remove layer", dir.string());
    }
    return doomed;
}

}  // namespace berth::images
