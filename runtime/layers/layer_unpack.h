// Unpacks one image layer (a tar, gzip/zstd/plain, detected from content) into a
// directory with libarchive, turning OCI whiteouts into overlayfs whiteouts
// (".wh.name" -> 0/0 char device "name"; ".wh..wh..opq" -> trusted.overlay.opaque=y).
// Refuses anything that would write outside `dest`: "..", absolute paths, writing through
// a symlink that leads out, hardlinks to outside. Owners, modes, times, xattrs,
// hardlinks and symlinks are preserved.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <utility>
#include <string>

#include "common/result.h"

struct archive;

namespace berth::images {

struct UnpackStats {
    std::uint64_t bytes = 0;    // uncompressed tar bytes read (the layer's "Size")
    std::uint64_t entries = 0;
    std::uint64_t content_bytes = 0;    // sum of the entries' sizes (docker's layer size)
    std::uint64_t devices_skipped = 0;  // char/block devices other than whiteouts
    std::string diff_id;                // "sha256:..." of the uncompressed tar stream
};

struct UnpackOptions {
    // Called now and then with the compressed bytes consumed so far (for "Extracting").
    std::function<void(std::uint64_t consumed)> on_progress;
    const std::atomic<bool> *cancel = nullptr;
};

// `dest` must exist and be empty. On error the caller removes `dest`.
// Unsafe entries fail with ErrorKind::InvalidArgument naming the entry.
Result<UnpackStats> unpack_layer(const std::filesystem::path &archive,
                                 const std::filesystem::path &dest,
                                 const UnpackOptions &options = {});

// The same entry rules applied to an already opened tar reader, for tars that are not
// layers (docker cp's PUT /containers/{id}/archive): every entry is created beneath
// `dest_dir` (a directory fd; RESOLVE_BENEATH applies from it).
struct ExtractOptions {
    bool overlay_whiteouts = true;  // ".wh." entries become overlayfs whiteouts; else plain names
    bool refuse_devices = false;    // fail on char/block device entries instead of skipping them
    // docker's noOverwriteDirNonDir: never replace a directory by a non-directory or back.
    bool no_overwrite_dir_non_dir = false;
    // Every entry owned by these ids instead of the tar's (docker cp's copyUIDGID).
    std::optional<std::pair<std::uint32_t, std::uint32_t>> owner;
    const std::atomic<bool> *cancel = nullptr;
};
Result<UnpackStats> extract_tar(archive *tar, int dest_dir, const ExtractOptions &options);

}  // namespace berth::images
