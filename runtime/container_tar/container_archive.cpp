#include "container_tar/container_archive.h"

#include <archive.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "containers/rootfs_files.h"
#include "containers/rootfs_view.h"
#include "layers/layer_unpack.h"

namespace berth::containers {
namespace {

namespace fs = std::filesystem;

// Where a path lands: the directory holding it and the name in there ("." when the
// path itself must be followed), plus the names docker cp shows.
struct Located {
    util::UniqueFd dir;
    std::string name;
    std::string base;   // the stat header's name
    std::string clean;  // absolute, lexically clean
};

bool ends_with_follow_marker(const std::string &p) {
    return p.ends_with("/") || p.ends_with("/.") || p == ".";
}

std::string lexically_clean(const std::string &path) {
    std::string out = fs::path("/" + path).lexically_normal().string();
    while (out.size() > 1 && out.ends_with("/")) out.pop_back();
    return out;
}

// ENOENT tells the API its "Could not find the file" answer; the op keeps the error whole
// when it crosses the worker's pipe.
Error not_found(const std::string &path) { return Error{"find", path, ENOENT, {}, ErrorKind::NotFound}; }

Result<Located> locate(int root, const std::string &path) {
    Located l;
    l.clean = lexically_clean(path);
    if (l.clean == "/" || ends_with_follow_marker(path)) {
        auto dir = open_in_root(root, l.clean, O_PATH);
        if (!dir) {
            if (dir.error().err == ENOENT || dir.error().err == ENOTDIR) return not_found(path);
            return std::move(dir).error();
        }
        l.dir = std::move(dir).value();
        l.name = ".";
        l.base = l.clean == "/" || path.ends_with("/.") ? "." : fs::path(l.clean).filename().string();
        if (l.clean == "/") l.base = "/";
        return l;
    }
    const fs::path p(l.clean);
    auto dir = open_in_root(root, p.parent_path().string(), O_PATH | O_DIRECTORY);
    if (!dir) {
        if (dir.error().err == ENOENT || dir.error().err == ENOTDIR) return not_found(path);
        return std::move(dir).error();
    }
    l.dir = std::move(dir).value();
    l.name = p.filename().string();
    l.base = l.name;
    return l;
}

// A small text file of the container ("" when it is not there).
std::string read_in_root(int root, const std::string &path) {
    auto fd = open_in_root(root, path, O_RDONLY);
    if (!fd) return {};
    std::string out;
    char buf[4096];
    for (;;) {
        const ssize_t n = ::read(fd->get(), buf, sizeof buf);
        if (n <= 0 || out.size() > (1u << 20)) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

struct ArchiveReadDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};

// libarchive pulls the tar through this, one buffer at a time.
struct SourceState {
    const TarSource *source = nullptr;
    std::vector<char> buffer = std::vector<char>(256 * 1024);
    std::optional<Error> error;  // the source's own failure (the client went away, ...)
};

la_ssize_t read_source(archive *a, void *ctx, const void **out) {
    auto *s = static_cast<SourceState *>(ctx);
    auto n = (*s->source)(s->buffer.data(), s->buffer.size());
    if (!n) {
        s->error = std::move(n).error();
        archive_set_error(a, EIO, "%s", s->error->message().c_str());
        return -1;
    }
    *out = s->buffer.data();
    return static_cast<la_ssize_t>(*n);
}

// The unpacker's words for a stream that is not a tar or ends early, in docker cp's terms.
Error reword_tar_error(Error e) {
    if (e.kind != ErrorKind::InvalidArgument || !e.op.starts_with("read ")) return e;
    std::string why = e.detail.empty() ? e.message() : e.detail;
    if (!e.object.empty()) why += " (at " + e.object + ")";
    return Error::invalid("the request body is not a valid tar archive: " + why);
}

}  // namespace

Result<PathStat> stat_container_path(int root, const std::string &path) {
    auto l = TRY(locate(root, path));
    struct stat st {};
    if (::fstatat(l.dir.get(), l.name.c_str(), &st, AT_SYMLINK_NOFOLLOW | (l.name == "." ? AT_EMPTY_PATH : 0)) < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return not_found(path);
        return Error::sys("stat", path);
    }
    std::string link_target;
    if (S_ISLNK(st.st_mode)) {
        std::string target(static_cast<std::size_t>(st.st_size) + 256, '\0');
        const ssize_t n = ::readlinkat(l.dir.get(), l.name.c_str(), target.data(), target.size());
        if (n < 0) return Error::sys("read symlink", path);
        target.resize(static_cast<std::size_t>(n));
        // Relative links resolve against the link's own directory.
        link_target = target.starts_with("/") ? lexically_clean(target)
                                              : lexically_clean(fs::path(l.clean).parent_path().string() + "/" + target);
    }
    return path_stat_from(l.base, st, link_target);
}

Result<void> archive_container_path(int root, const std::string &path, const TarSink &sink) {
    auto l = TRY(locate(root, path));
    struct stat st {};
    if (::fstatat(l.dir.get(), l.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno == ENOENT || errno == ENOTDIR) return not_found(path);
        return Error::sys("stat", path);
    }
    const std::string tar_name = l.base == "/" ? "." : l.base;
    TarWriter tar(sink);
    TRY(tar.add(l.dir.get(), l.name, tar_name));
    return tar.finish();
}

Result<void> extract_into_container(int root, const std::string &path, const TarSource &tar,
                                    const ExtractIntoOptions &options) {
    auto dir = open_in_root(root, lexically_clean(path), O_RDONLY | O_DIRECTORY);
    if (!dir) {
        if (dir.error().err == ENOENT) return not_found(path);
        if (dir.error().err == ENOTDIR) return Error::invalid("extraction point is not a directory");
        return std::move(dir).error();
    }
    images::ExtractOptions eo;
    if (!options.owner_user.empty()) {
        const auto u = TRY(resolve_user(options.owner_user, read_in_root(root, "/etc/passwd"),
                                        read_in_root(root, "/etc/group"), {}));
        eo.owner = std::make_pair(u.uid, u.gid);
    }
    eo.overlay_whiteouts = false;  // a ".wh." file copied in is just a file
    eo.refuse_devices = true;
    eo.no_overwrite_dir_non_dir = options.no_overwrite_dir_non_dir;

    std::unique_ptr<archive, ArchiveReadDeleter> a(archive_read_new());
    // The compressions the API documents; not _all, which would run external programs.
    archive_read_support_filter_gzip(a.get());
    archive_read_support_filter_bzip2(a.get());
    archive_read_support_filter_xz(a.get());
    archive_read_support_format_tar(a.get());
    SourceState state;
    state.source = &tar;
    if (archive_read_open(a.get(), &state, nullptr, read_source, nullptr) != ARCHIVE_OK) {
        if (state.error) return *state.error;
        const char *msg = archive_error_string(a.get());
        return Error::invalid(std::string("the request body is not a valid tar archive: ") + (msg ? msg : ""));
    }
    auto r = images::extract_tar(a.get(), dir->get(), eo);
    if (state.error) return *state.error;
    if (!r) return reword_tar_error(std::move(r).error());
    return {};
}

Result<void> extract_into_container(int root, const std::string &path, std::string_view tar,
                                    const ExtractIntoOptions &options) {
    TarSource from_memory = [&tar](char *buf, std::size_t size) -> Result<std::size_t> {
        const std::size_t n = std::min(size, tar.size());
        std::memcpy(buf, tar.data(), n);
        tar.remove_prefix(n);
        return n;
    };
    return extract_into_container(root, path, from_memory, options);
}

Result<void> export_root(int root, const TarSink &sink) {
    TarWriter tar(sink);
    TRY(tar.add_children(root, ""));
    return tar.finish();
}

}  // namespace berth::containers
