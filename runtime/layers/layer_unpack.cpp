// Layer unpacking. Two libarchive readers are stacked: the outer one only decompresses
// (gzip, zstd or nothing, detected from content; "raw" format), so the decompressed tar
// stream can be hashed for the diff_id as it flows; the inner one parses that stream as
// tar/pax. Every entry is created with *at() syscalls relative to its parent directory,
// which is opened with openat2(RESOLVE_BENEATH) from the layer root: the kernel itself
// refuses any path, symlink or chain of symlinks that would lead outside.
#include "layers/layer_unpack.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <string>
#include <string_view>
#include <vector>

#include "images/digest.h"
#include "images/store/fs_util.h"

namespace berth::images {
namespace {

using fsx::UniqueFd;

constexpr std::string_view kWhiteoutPrefix = ".wh.";
constexpr std::string_view kWhiteoutMetaPrefix = ".wh..wh.";
constexpr std::string_view kOpaqueMarker = ".wh..wh..opq";

Error bad_entry(const std::string &entry, std::string why) {
    return Error{"unpack layer entry", entry, 0, std::move(why), ErrorKind::InvalidArgument};
}

Error entry_sys(const std::string &op, const std::string &entry, int e = errno) {
    return Error{op, entry, e, {}, ErrorKind::Internal};
}

// Splits an entry path into clean components. ".." may only go back down what the path
// itself went up (docker's filepath.Clean semantics); absolute paths are refused.
Result<std::vector<std::string>> split_entry_path(const std::string &raw) {
    if (raw.empty()) return bad_entry(raw, "empty path");
    if (raw.front() == '/') return bad_entry(raw, "absolute path");
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= raw.size()) {
        std::size_t slash = raw.find('/', pos);
        if (slash == std::string::npos) slash = raw.size();
        std::string part = raw.substr(pos, slash - pos);
        pos = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..") {
            if (parts.empty()) return bad_entry(raw, "path escapes the layer directory");
            parts.pop_back();
            continue;
        }
        parts.push_back(std::move(part));
    }
    return parts;
}

std::string join(const std::vector<std::string> &parts, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        if (i) out += '/';
        out += parts[i];
    }
    return out.empty() ? "." : out;
}

// The state shared with the inner reader's read callback.
struct Stream {
    archive *outer = nullptr;
    Sha256 hash;
    std::uint64_t bytes = 0;
    std::string error;  // the outer reader's message when it failed
};

la_ssize_t read_decompressed(archive *, void *ctx, const void **buf) {
    auto *s = static_cast<Stream *>(ctx);
    size_t size = 0;
    la_int64_t offset = 0;
    int r = archive_read_data_block(s->outer, buf, &size, &offset);
    if (r == ARCHIVE_EOF) return 0;
    if (r < ARCHIVE_WARN) {
        const char *msg = archive_error_string(s->outer);
        s->error = msg ? msg : "decompression failed";
        return -1;
    }
    s->hash.update(*buf, size);
    s->bytes += size;
    return static_cast<la_ssize_t>(size);
}

struct DeferredTimes {
    std::string path;
    timespec times[2];
};

class Unpacker {
public:
    Unpacker(int root, const ExtractOptions &options) : root_(root), options_(options) {}

    Result<void> apply(archive *tar, archive_entry *entry);
    Result<void> finish_directories();
    UnpackStats stats;

private:
    Result<UniqueFd> open_parent(const std::vector<std::string> &parts, const std::string &entry);
    Result<void> write_regular(archive *tar, archive_entry *entry, int parent, const std::string &name,
                               const std::string &path);
    Result<void> make_directory(archive_entry *entry, int parent, const std::string &name,
                                const std::string &path, const std::string &clean);
    Result<void> make_hardlink(archive_entry *entry, int parent, const std::string &name,
                               const std::string &path);
    Result<void> make_whiteout(archive_entry *entry, int parent, const std::string &name,
                               const std::string &path);
    Result<void> set_xattrs(archive_entry *entry, int fd, const std::string &path);

    int root_;
    ExtractOptions options_;
    std::vector<DeferredTimes> dir_times_;
};

timespec entry_mtime(archive_entry *e) {
    return timespec{archive_entry_mtime(e), archive_entry_mtime_nsec(e)};
}

void entry_times(archive_entry *e, timespec out[2]) {
    out[1] = entry_mtime(e);
    out[0] = archive_entry_atime_is_set(e) ? timespec{archive_entry_atime(e), archive_entry_atime_nsec(e)}
                                           : out[1];
}

// Opens the entry's parent directory beneath the root, creating missing directories
// (tars need not list them) one level at a time, each level again resolved from the root.
Result<UniqueFd> Unpacker::open_parent(const std::vector<std::string> &parts, const std::string &entry) {
    const std::size_t depth = parts.size() - 1;
    auto map = [&](Error e) -> Error {
        if (e.err == EXDEV || e.err == ELOOP)
            return bad_entry(entry, "a symlink in its path leads outside the layer directory");
        if (e.err == ENOTDIR) return bad_entry(entry, "a parent is not a directory");
        e.op = "open parent of layer entry";
        e.object = entry;
        return e;
    };
    auto direct = fsx::open_beneath(root_, join(parts, depth), O_RDONLY | O_DIRECTORY);
    if (direct) return std::move(direct).value();
    if (direct.error().err != ENOENT) return map(std::move(direct).error());

    auto current = fsx::open_beneath(root_, ".", O_RDONLY | O_DIRECTORY);
    if (!current) return map(std::move(current).error());
    UniqueFd cur = std::move(current).value();
    for (std::size_t i = 1; i <= depth; ++i) {
        auto next = fsx::open_beneath(root_, join(parts, i), O_RDONLY | O_DIRECTORY);
        if (!next && next.error().err == ENOENT) {
            if (::mkdirat(cur.get(), parts[i - 1].c_str(), 0755) < 0 && errno != EEXIST)
                return entry_sys("create parent directory of", entry);
            next = fsx::open_beneath(root_, join(parts, i), O_RDONLY | O_DIRECTORY);
        }
        if (!next) return map(std::move(next).error());
        cur = std::move(next).value();
    }
    return cur;
}

Result<void> Unpacker::set_xattrs(archive_entry *entry, int fd, const std::string &path) {
    archive_entry_xattr_reset(entry);
    const char *name = nullptr;
    const void *value = nullptr;
    size_t size = 0;
    while (archive_entry_xattr_next(entry, &name, &value, &size) == ARCHIVE_OK) {
        std::string_view n = name ? name : "";
        // overlayfs' own attributes (opaque, redirect, metacopy) steer lookups across
        // layers; only whiteout conversion may set them, never the tar.
        if (n.empty() || n.starts_with("trusted.overlay.")) continue;
        if (::fsetxattr(fd, name, value, size, 0) < 0)
            return Error{"set xattr " + std::string(n) + " on layer entry", path, errno, {}, ErrorKind::Internal};
    }
    return {};
}

// A later entry replaces an earlier one of the same name (tar semantics); a directory
// over a directory merges.
Result<bool> replace_existing(int parent, const std::string &name, bool new_is_dir, const std::string &path,
                              bool no_overwrite_dir_non_dir = false) {
    struct stat st {};
    if (::fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno == ENOENT) return false;
        return entry_sys("stat layer entry", path);
    }
    if (new_is_dir && S_ISDIR(st.st_mode)) return true;
    if (no_overwrite_dir_non_dir && new_is_dir != S_ISDIR(st.st_mode))
        return bad_entry(path, S_ISDIR(st.st_mode) ? "cannot overwrite a directory with a non-directory"
                                                   : "cannot overwrite a non-directory with a directory");
    TRY(fsx::remove_at(parent, name));
    return false;
}

Result<void> Unpacker::write_regular(archive *tar, archive_entry *entry, int parent, const std::string &name,
                                     const std::string &path) {
    int fd = ::openat(parent, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return entry_sys("create layer file", path);
    UniqueFd file(fd);
    const void *buf = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
        if (options_.cancel && options_.cancel->load())
            return Error{"unpack layer", path, 0, "cancelled", ErrorKind::Cancelled};
        int r = archive_read_data_block(tar, &buf, &size, &offset);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) {
            const char *msg = archive_error_string(tar);
            Error e{"read layer entry", path, 0, msg ? msg : "read failed", ErrorKind::InvalidArgument};
            ::unlinkat(parent, name.c_str(), 0);  // a file cut short must not look complete
            return e;
        }
        // Sparse entries arrive as blocks at offsets; pwrite leaves the holes.
        const char *p = static_cast<const char *>(buf);
        while (size > 0) {
            ssize_t n = ::pwrite(fd, p, size, offset);
            if (n < 0) {
                if (errno == EINTR) continue;
                return entry_sys("write layer file", path);
            }
            p += n;
            size -= static_cast<size_t>(n);
            offset += n;
        }
    }
    const la_int64_t want = archive_entry_size(entry);
    if (archive_entry_size_is_set(entry) && want > 0 && ::ftruncate(fd, want) < 0)
        return entry_sys("truncate layer file", path);
    stats.content_bytes += static_cast<std::uint64_t>(want > 0 ? want : 0);
    // chown first: it clears set-id bits and file capabilities.
    if (::fchown(fd, archive_entry_uid(entry), archive_entry_gid(entry)) < 0)
        return entry_sys("chown layer file", path);
    if (::fchmod(fd, archive_entry_perm(entry) & 07777) < 0) return entry_sys("chmod layer file", path);
    TRY(set_xattrs(entry, fd, path));
    timespec ts[2];
    entry_times(entry, ts);
    if (::futimens(fd, ts) < 0) return entry_sys("set times of layer file", path);
    return {};
}

Result<void> Unpacker::make_directory(archive_entry *entry, int parent, const std::string &name,
                                      const std::string &path, const std::string &clean) {
    if (::mkdirat(parent, name.c_str(), 0700) < 0 && errno != EEXIST)
        return entry_sys("create layer directory", path);
    int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return entry_sys("open layer directory", path);
    UniqueFd dir(fd);
    if (::fchown(fd, archive_entry_uid(entry), archive_entry_gid(entry)) < 0)
        return entry_sys("chown layer directory", path);
    if (::fchmod(fd, archive_entry_perm(entry) & 07777) < 0) return entry_sys("chmod layer directory", path);
    TRY(set_xattrs(entry, fd, path));
    // Entries created inside later would bump the mtime again; times are set at the end.
    DeferredTimes d{clean, {}};
    entry_times(entry, d.times);
    dir_times_.push_back(d);
    return {};
}

Result<void> Unpacker::make_hardlink(archive_entry *entry, int parent, const std::string &name,
                                     const std::string &path) {
    const char *target_raw = archive_entry_hardlink(entry);
    std::string target = target_raw ? target_raw : "";
    auto target_parts = split_entry_path(target);
    if (!target_parts || target_parts->empty())
        return bad_entry(path, "hardlink target \"" + target + "\" is outside the layer directory");
    auto target_parent = fsx::open_beneath(root_, join(*target_parts, target_parts->size() - 1),
                                           O_RDONLY | O_DIRECTORY);
    if (!target_parent) {
        if (target_parent.error().err == EXDEV || target_parent.error().err == ELOOP)
            return bad_entry(path, "hardlink target \"" + target + "\" is outside the layer directory");
        return entry_sys("open hardlink target of", path, target_parent.error().err);
    }
    // flags 0: a symlink target is linked itself, never followed.
    if (::linkat(target_parent->get(), target_parts->back().c_str(), parent, name.c_str(), 0) < 0)
        return entry_sys("hardlink layer entry to " + target, path);
    return {};
}

Result<void> Unpacker::make_whiteout(archive_entry *entry, int parent, const std::string &name,
                                     const std::string &path) {
    if (name == kOpaqueMarker) {
        // The directory hides everything below it in lower layers (overlayfs "opaque").
        if (::fsetxattr(parent, "trusted.overlay.opaque", "y", 1, 0) < 0)
            return entry_sys("mark directory opaque for", path);
        return {};
    }
    if (std::string_view(name).starts_with(kWhiteoutMetaPrefix)) return {};  // aufs internals
    const std::string hidden = name.substr(kWhiteoutPrefix.size());
    if (hidden.empty() || hidden == "." || hidden == "..") return bad_entry(path, "malformed whiteout");
    TRY(replace_existing(parent, hidden, false, path));
    // overlayfs whiteout: a 0/0 character device under the hidden name.
    if (::mknodat(parent, hidden.c_str(), S_IFCHR, makedev(0, 0)) < 0)
        return entry_sys("create whiteout for", path);
    if (::fchownat(parent, hidden.c_str(), archive_entry_uid(entry), archive_entry_gid(entry),
                   AT_SYMLINK_NOFOLLOW) < 0)
        return entry_sys("chown whiteout for", path);
    return {};
}

Result<void> Unpacker::apply(archive *tar, archive_entry *entry) {
    const char *raw = archive_entry_pathname(entry);
    const std::string path = raw ? raw : "";
    auto parts = TRY(split_entry_path(path));
    ++stats.entries;
    if (parts.empty()) return {};  // "./": the layer root itself keeps its own metadata
    const std::string &name = parts.back();
    auto parent = TRY(open_parent(parts, path));
    const int pfd = parent.get();

    if (options_.overlay_whiteouts && std::string_view(name).starts_with(kWhiteoutPrefix))
        return make_whiteout(entry, pfd, name, path);

    if (archive_entry_hardlink(entry)) {
        TRY(replace_existing(pfd, name, false, path, options_.no_overwrite_dir_non_dir));
        return make_hardlink(entry, pfd, name, path);
    }

    const mode_t type = archive_entry_filetype(entry);
    if (type == AE_IFCHR || type == AE_IFBLK) {
        if (options_.refuse_devices) return bad_entry(path, "device nodes are not allowed");
        // A container's /dev is a fresh tmpfs; device nodes in layers are never needed.
        ++stats.devices_skipped;
        return {};
    }
    if (type == AE_IFSOCK) return {};

    const bool keep_dir =
        TRY(replace_existing(pfd, name, type == AE_IFDIR, path, options_.no_overwrite_dir_non_dir));
    (void)keep_dir;
    timespec ts[2];
    entry_times(entry, ts);
    switch (type) {
    case AE_IFREG:
        return write_regular(tar, entry, pfd, name, path);
    case AE_IFDIR:
        return make_directory(entry, pfd, name, path, join(parts, parts.size()));
    case AE_IFLNK: {
        const char *target = archive_entry_symlink(entry);
        // The link's text is stored as is; only writes through it are checked (above).
        if (::symlinkat(target ? target : "", pfd, name.c_str()) < 0) return entry_sys("create symlink", path);
        if (::fchownat(pfd, name.c_str(), archive_entry_uid(entry), archive_entry_gid(entry),
                       AT_SYMLINK_NOFOLLOW) < 0)
            return entry_sys("chown symlink", path);
        if (::utimensat(pfd, name.c_str(), ts, AT_SYMLINK_NOFOLLOW) < 0)
            return entry_sys("set times of symlink", path);
        return {};
    }
    case AE_IFIFO:
        if (::mknodat(pfd, name.c_str(), S_IFIFO | 0600, 0) < 0) return entry_sys("create fifo", path);
        if (::fchownat(pfd, name.c_str(), archive_entry_uid(entry), archive_entry_gid(entry),
                       AT_SYMLINK_NOFOLLOW) < 0)
            return entry_sys("chown fifo", path);
        // Just created by us under a directory fd; not a symlink.
        if (::fchmodat(pfd, name.c_str(), archive_entry_perm(entry) & 07777, 0) < 0)
            return entry_sys("chmod fifo", path);
        if (::utimensat(pfd, name.c_str(), ts, AT_SYMLINK_NOFOLLOW) < 0)
            return entry_sys("set times of fifo", path);
        return {};
    default:
        return bad_entry(path, "unsupported entry type");
    }
}

Result<void> Unpacker::finish_directories() {
    // Deepest first is not needed for correctness (setting a time creates nothing), but
    // reverse order keeps a parent's time from being bumped by nothing at all.
    for (auto it = dir_times_.rbegin(); it != dir_times_.rend(); ++it) {
        auto dir = fsx::open_beneath(root_, it->path, O_RDONLY | O_DIRECTORY);
        if (!dir) continue;  // replaced by a later entry
        if (::futimens(dir->get(), it->times) < 0) return entry_sys("set times of layer directory", it->path);
    }
    return {};
}

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<archive, ArchiveDeleter>;

}  // namespace

Result<UnpackStats> unpack_layer(const std::filesystem::path &archive_path, const std::filesystem::path &dest,
                                 const UnpackOptions &options) {
    auto root = TRY(fsx::open_dir(dest));
    int fd = ::open(archive_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open layer", archive_path.string());
    UniqueFd input(fd);

    // Only the compressions OCI layers use are enabled: archive_read_support_filter_all
    // would also enable filters that run external programs (lrzip, lzop, grzip).
    ArchivePtr outer(archive_read_new());
    archive_read_support_filter_gzip(outer.get());
    archive_read_support_filter_zstd(outer.get());
    archive_read_support_filter_bzip2(outer.get());
    archive_read_support_filter_xz(outer.get());
    archive_read_support_format_raw(outer.get());
    auto archive_error = [&](archive *a, const char *what) {
        const char *msg = archive_error_string(a);
        return Error{what, archive_path.string(), 0, msg ? msg : "unknown error", ErrorKind::InvalidArgument};
    };
    if (archive_read_open_fd(outer.get(), input.get(), 1 << 16) != ARCHIVE_OK)
        return archive_error(outer.get(), "open layer");

    Stream stream;
    stream.outer = outer.get();
    archive_entry *raw_entry = nullptr;
    int r = archive_read_next_header(outer.get(), &raw_entry);
    if (r == ARCHIVE_EOF) {  // an empty blob is an empty layer
        UnpackStats empty;
        empty.diff_id = stream.hash.digest();
        return empty;
    }
    if (r < ARCHIVE_WARN) return archive_error(outer.get(), "read layer");

    ArchivePtr tar(archive_read_new());
    archive_read_support_format_tar(tar.get());  // ustar, pax, gnu
    if (archive_read_open(tar.get(), &stream, nullptr, read_decompressed, nullptr) != ARCHIVE_OK)
        return stream.error.empty() ? archive_error(tar.get(), "read layer tar")
                                    : Error{"decompress layer", archive_path.string(), 0, stream.error,
                                            ErrorKind::InvalidArgument};

    ExtractOptions extract_options;
    extract_options.cancel = options.cancel;
    Unpacker unpacker(root.get(), extract_options);
    std::uint64_t reported = 0;
    for (;;) {
        if (options.cancel && options.cancel->load())
            return Error{"unpack layer", archive_path.string(), 0, "cancelled", ErrorKind::Cancelled};
        archive_entry *entry = nullptr;
        r = archive_read_next_header(tar.get(), &entry);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) {
            if (!stream.error.empty())
                return Error{"decompress layer", archive_path.string(), 0, stream.error, ErrorKind::InvalidArgument};
            return archive_error(tar.get(), "read layer tar");
        }
        TRY(unpacker.apply(tar.get(), entry));
        if (options.on_progress) {
            auto consumed = static_cast<std::uint64_t>(archive_filter_bytes(outer.get(), -1));
            if (consumed - reported >= (512u << 10)) {
                reported = consumed;
                options.on_progress(consumed);
            }
        }
    }
    // The diff_id covers the whole stream, including the padding after the tar's end
    // blocks that the tar reader never asks for.
    const void *buf = nullptr;
    for (;;) {
        la_ssize_t n = read_decompressed(nullptr, &stream, &buf);
        if (n == 0) break;
        if (n < 0) return Error{"decompress layer", archive_path.string(), 0, stream.error, ErrorKind::InvalidArgument};
    }
    TRY(unpacker.finish_directories());
    if (options.on_progress) options.on_progress(static_cast<std::uint64_t>(archive_filter_bytes(outer.get(), -1)));

    UnpackStats stats = unpacker.stats;
    stats.bytes = stream.bytes;
    stats.diff_id = stream.hash.digest();
    return stats;
}

Result<UnpackStats> extract_tar(archive *tar, int dest_dir, const ExtractOptions &options) {
    Unpacker unpacker(dest_dir, options);
    for (;;) {
        if (options.cancel && options.cancel->load())
            return Error{"extract tar", "", 0, "cancelled", ErrorKind::Cancelled};
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(tar, &entry);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) {
            const char *msg = archive_error_string(tar);
            return Error{"read tar", "", 0, msg ? msg : "unknown error", ErrorKind::InvalidArgument};
        }
        if (options.owner) {
            archive_entry_set_uid(entry, options.owner->first);
            archive_entry_set_gid(entry, options.owner->second);
        }
        TRY(unpacker.apply(tar, entry));
    }
    TRY(unpacker.finish_directories());
    return unpacker.stats;
}

}  // namespace berth::images
