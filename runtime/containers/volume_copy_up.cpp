#include "containers/volume_copy_up.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "containers/rootfs_view.h"
#include "util/unique_fd.h"

namespace berth::containers {
namespace {

namespace fs = std::filesystem;
using util::UniqueFd;

bool dir_is_empty(const fs::path &p) {
    std::error_code ec;
    return fs::is_directory(p, ec) && fs::is_empty(p, ec) && !ec;
}

// All xattrs but overlayfs' own (they steer lookups across layers, never content).
void copy_xattrs(int from, int to) {
    std::string names(4096, '\0');
    const ssize_t len = ::flistxattr(from, names.data(), names.size());
    if (len <= 0) return;
    for (std::size_t pos = 0; pos < static_cast<std::size_t>(len);) {
        const std::string name = names.c_str() + pos;
        pos += name.size() + 1;
        if (name.starts_with("trusted.overlay.")) continue;
        std::string value(65536, '\0');
        const ssize_t n = ::fgetxattr(from, name.c_str(), value.data(), value.size());
        // Best effort, as Docker: a file system without the namespace refuses some.
        if (n >= 0) (void)::fsetxattr(to, name.c_str(), value.data(), static_cast<size_t>(n), 0);
    }
}

struct Copier {
    std::map<std::pair<dev_t, ino_t>, std::string> first_path;  // relative to the destination root
    int to_root = -1;

    Result<void> copy_file(int from_dir, int to_dir, const std::string &name, const struct stat &st,
                           const std::string &rel) {
        if (st.st_nlink > 1) {
            auto [it, first] = first_path.emplace(std::make_pair(st.st_dev, st.st_ino), rel);
            if (!first && ::linkat(to_root, it->second.c_str(), to_dir, name.c_str(), 0) == 0) return {};
        }
        const int in = ::openat(from_dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (in < 0) return Error::sys("open for copy-up", rel);
        UniqueFd src(in);
        const int out = ::openat(to_dir, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out < 0) return Error::sys("create in volume", rel);
        UniqueFd dst(out);
        off_t left = st.st_size;
        while (left > 0) {
            const ssize_t n = ::sendfile(out, in, nullptr, static_cast<size_t>(std::min<off_t>(left, 1 << 30)));
            if (n < 0) {
                if (errno == EINTR) continue;
                return Error::sys("copy into volume", rel);
            }
            if (n == 0) break;
            left -= n;
        }
        return finish(out, st, rel);
    }

    Result<void> finish(int fd, const struct stat &st, const std::string &rel) {
        // chown first: it clears set-id bits, which chmod then restores.
        if (::fchown(fd, st.st_uid, st.st_gid) < 0) return Error::sys("chown in volume", rel);
        if (::fchmod(fd, st.st_mode & 07777) < 0) return Error::sys("chmod in volume", rel);
        return {};
    }

    Result<void> copy_dir(int from, int to, const std::string &rel) {
        const int fd = ::openat(from, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) return Error::sys("open for copy-up", rel);
        DIR *d = ::fdopendir(fd);
        if (!d) {
            ::close(fd);
            return Error::sys("read for copy-up", rel);
        }
        std::vector<std::string> names;
        while (dirent *e = ::readdir(d)) {
            const std::string n = e->d_name;
            if (n != "." && n != "..") names.push_back(n);
        }
        ::closedir(d);
        for (const auto &n : names) TRY(copy_entry(from, to, n, rel.empty() ? n : rel + "/" + n));
        return {};
    }

    Result<void> copy_entry(int from, int to, const std::string &name, const std::string &rel) {
        struct stat st {};
        if (::fstatat(from, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) return Error::sys("stat for copy-up", rel);
        const timespec times[2] = {st.st_atim, st.st_mtim};
        switch (st.st_mode & S_IFMT) {
        case S_IFREG: {
            TRY(copy_file(from, to, name, st, rel));
            const int fd = ::openat(to, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0) {
                UniqueFd f(fd);
                const int sfd = ::openat(from, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
                if (sfd >= 0) {
                    UniqueFd s(sfd);
                    copy_xattrs(sfd, fd);
                }
                (void)::futimens(fd, times);
            }
            return {};
        }
        case S_IFDIR: {
            if (::mkdirat(to, name.c_str(), 0700) < 0 && errno != EEXIST) return Error::sys("create in volume", rel);
            const int sfd = ::openat(from, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sfd < 0) return Error::sys("open for copy-up", rel);
            UniqueFd s(sfd);
            const int dfd = ::openat(to, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (dfd < 0) return Error::sys("open in volume", rel);
            UniqueFd dd(dfd);
            TRY(copy_dir(sfd, dfd, rel));
            TRY(finish(dfd, st, rel));
            copy_xattrs(sfd, dfd);
            (void)::futimens(dfd, times);  // last: the copies inside bumped it
            return {};
        }
        case S_IFLNK: {
            std::string target(static_cast<std::size_t>(st.st_size) + 256, '\0');
            const ssize_t n = ::readlinkat(from, name.c_str(), target.data(), target.size());
            if (n < 0) return Error::sys("read symlink for copy-up", rel);
            target.resize(static_cast<std::size_t>(n));
            if (::symlinkat(target.c_str(), to, name.c_str()) < 0) return Error::sys("create symlink in volume", rel);
            if (::fchownat(to, name.c_str(), st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW) < 0)
                return Error::sys("chown symlink in volume", rel);
            (void)::utimensat(to, name.c_str(), times, AT_SYMLINK_NOFOLLOW);
            return {};
        }
        case S_IFIFO:
            if (::mknodat(to, name.c_str(), S_IFIFO | (st.st_mode & 07777), 0) < 0) return Error::sys("create fifo in volume", rel);
            (void)::fchownat(to, name.c_str(), st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW);
            return {};
        default:
            return {};  // devices and sockets are not content a volume keeps
        }
    }
};

}  // namespace

std::vector<MountPoint> mounts_needing_copy_up(const std::vector<MountPoint> &mounts) {
    std::vector<MountPoint> out;
    for (const auto &m : mounts)
        if (m.type == "volume" && m.copy_up && !m.source.empty() && dir_is_empty(m.source)) out.push_back(m);
    return out;
}

Result<void> copy_tree(int from_dir, int to_dir) {
    Copier c;
    c.to_root = to_dir;
    return c.copy_dir(from_dir, to_dir, "");
}

Result<void> copy_up_volumes(int image_root, const std::vector<MountPoint> &mounts) {
    for (const auto &m : mounts) {
        auto src = open_in_root(image_root, m.destination, O_RDONLY | O_DIRECTORY);
        if (!src) {
            if (src.error().err == ENOENT || src.error().err == ENOTDIR) continue;  // nothing to copy
            return std::move(src).error();
        }
        const int dst = ::open(m.source.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dst < 0) return Error::sys("open volume", m.source);
        UniqueFd volume(dst);
        if (auto r = copy_tree(src->get(), dst); !r)
            return std::move(r).error().context("copy image content of " + m.destination + " into volume " + m.name);
        // The volume's root looks like the image's directory (Docker's copyOwnership).
        struct stat st {};
        if (::fstat(src->get(), &st) == 0) {
            (void)::fchown(dst, st.st_uid, st.st_gid);
            (void)::fchmod(dst, st.st_mode & 07777);
        }
    }
    return {};
}

Result<void> copy_up_at_start(const std::vector<fs::path> &layers, const fs::path &container_dir,
                              const std::vector<MountPoint> &mounts) {
    const auto wanted = mounts_needing_copy_up(mounts);
    if (wanted.empty()) return {};
    OverlayViewSpec spec;
    spec.layers = layers;
    spec.upper = container_dir / "upper";
    spec.mount_point = container_dir / "merged";
    spec.links_dir = container_dir / ".view-layers-ro";
    auto view = TRY(mount_overlay_view(spec));
    return copy_up_volumes(view.root(), wanted);
}

}  // namespace berth::containers
