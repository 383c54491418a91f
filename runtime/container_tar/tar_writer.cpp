#include "container_tar/tar_writer.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <vector>

#include "util/unique_fd.h"

namespace berth::containers {
namespace {

la_ssize_t write_to_sink(archive *, void *ctx, const void *buf, size_t size) {
    auto *self = static_cast<std::pair<TarSink *, bool *> *>(ctx);
    if (!(*self->first)(std::string_view(static_cast<const char *>(buf), size))) {
        *self->second = true;
        return -1;
    }
    return static_cast<la_ssize_t>(size);
}

struct EntryDeleter {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

// proc and sysfs are the kernel's views, not the container's files.
bool is_pseudo_fs(int dirfd) {
    struct statfs sf {};
    if (::fstatfs(dirfd, &sf) < 0) return false;
    return sf.f_type == PROC_SUPER_MAGIC || sf.f_type == SYSFS_MAGIC;
}

Result<std::vector<std::string>> sorted_names(int dirfd) {
    const int fd = ::openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open directory", "");
    DIR *d = ::fdopendir(fd);
    if (!d) {
        ::close(fd);
        return Error::sys("read directory", "");
    }
    std::vector<std::string> names;
    while (dirent *e = ::readdir(d)) {
        const std::string n = e->d_name;
        if (n != "." && n != "..") names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TarWriter::TarWriter(TarSink sink) : sink_(std::move(sink)), ctx_(&sink_, &reader_gone_) {}

TarWriter::~TarWriter() {
    if (a_) archive_write_free(a_);
}

Result<void> TarWriter::open() {
    if (a_) return {};
    a_ = archive_write_new();
    archive_write_set_format_pax_restricted(a_);
    archive_write_set_bytes_in_last_block(a_, 1);  // no padding to 10 KiB at the end
    return check(archive_write_open(a_, &ctx_, nullptr, write_to_sink, nullptr), "open");
}

Result<void> TarWriter::check(int r, const std::string &what) {
    if (r >= ARCHIVE_WARN) return {};
    if (reader_gone_) return Error{"write tar", what, 0, "the reader went away", ErrorKind::Cancelled};
    const char *msg = a_ ? archive_error_string(a_) : nullptr;
    return Error{"write tar", what, 0, msg ? msg : "failed", ErrorKind::Internal};
}

Result<void> TarWriter::add(int parent, const std::string &name, const std::string &tar_name) {
    TRY(open());
    struct stat st {};
    if (::fstatat(parent, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) < 0) {
        if (errno == ENOENT) return {};  // gone while we walked
        return Error::sys("stat", tar_name);
    }
    if (S_ISSOCK(st.st_mode)) return {};

    std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
    archive_entry_copy_stat(entry.get(), &st);
    archive_entry_set_pathname(entry.get(), tar_name.c_str());

    if (!S_ISDIR(st.st_mode) && st.st_nlink > 1) {
        auto [it, first] = links_.emplace(std::make_pair(st.st_dev, st.st_ino), tar_name);
        if (!first) {
            archive_entry_set_hardlink(entry.get(), it->second.c_str());
            archive_entry_set_size(entry.get(), 0);
            return check(archive_write_header(a_, entry.get()), tar_name);
        }
    }

    if (S_ISLNK(st.st_mode)) {
        std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 0) + 256, '\0');
        const ssize_t n = ::readlinkat(parent, name.c_str(), target.data(), target.size());
        if (n < 0) return Error::sys("read symlink", tar_name);
        target.resize(static_cast<std::size_t>(n));
        archive_entry_set_symlink(entry.get(), target.c_str());
        return check(archive_write_header(a_, entry.get()), tar_name);
    }

    if (S_ISREG(st.st_mode)) {
        const int fd = ::openat(parent, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            if (errno == ENOENT) return {};
            return Error::sys("open", tar_name);
        }
        util::UniqueFd file(fd);
        char cap[256];
        const ssize_t caplen = ::fgetxattr(fd, "security.capability", cap, sizeof cap);
        if (caplen > 0) archive_entry_xattr_add_entry(entry.get(), "security.capability", cap, static_cast<size_t>(caplen));
        TRY(check(archive_write_header(a_, entry.get()), tar_name));
        std::vector<char> buf(1 << 16);
        std::int64_t left = st.st_size;  // the header promised this many bytes
        while (left > 0) {
            const ssize_t n = ::read(fd, buf.data(), static_cast<size_t>(std::min<std::int64_t>(left, buf.size())));
            if (n < 0) {
                if (errno == EINTR) continue;
                return Error::sys("read", tar_name);
            }
            if (n == 0) break;  // shrank meanwhile: libarchive pads the rest
            if (archive_write_data(a_, buf.data(), static_cast<size_t>(n)) < 0) TRY(check(ARCHIVE_FATAL, tar_name));
            left -= n;
        }
        return check(archive_write_finish_entry(a_), tar_name);
    }

    TRY(check(archive_write_header(a_, entry.get()), tar_name));
    if (!S_ISDIR(st.st_mode)) return {};
    const int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return {};
        return Error::sys("open directory", tar_name);
    }
    util::UniqueFd dir(fd);
    if (is_pseudo_fs(fd)) return {};
    return add_children(fd, tar_name);
}

Result<void> TarWriter::add_children(int dir, const std::string &prefix) {
    auto names = sorted_names(dir);
    if (!names) return Error::sys("read directory", prefix.empty() ? "/" : prefix, names.error().err);
    for (const auto &n : *names) TRY(add(dir, n, prefix.empty() ? n : prefix + "/" + n));
    return {};
}

Result<void> TarWriter::finish() {
    TRY(open());  // nothing added: still a valid, empty tar
    return check(archive_write_close(a_), "close");
}

}  // namespace berth::containers
