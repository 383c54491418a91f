#include "cli/commands/cp_host_tar.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace berth::cli::commands {
namespace {

namespace fs = std::filesystem;

struct ReadDeleter {
    void operator()(archive *a) const { archive_read_free(a); }
};
struct WriteDeleter {
    void operator()(archive *a) const { archive_write_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

Error archive_error(archive *a, const std::string &op, const std::string &object) {
    const char *msg = archive_error_string(a);
    return Error{op, object, 0, msg ? msg : "failed", ErrorKind::Internal};
}

la_ssize_t append(archive *, void *ctx, const void *buf, size_t size) {
    static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), size);
    return static_cast<la_ssize_t>(size);
}

class HostTar {
public:
    HostTar() : disk_(archive_read_disk_new()), out_(archive_write_new()) {
        archive_read_disk_set_standard_lookup(disk_.get());
        archive_write_set_format_pax_restricted(out_.get());
        archive_write_set_bytes_in_last_block(out_.get(), 1);
        archive_write_open(out_.get(), &bytes_, nullptr, append, nullptr);
    }

    Result<void> add(const fs::path &path, const std::string &name, bool follow) {
        struct stat st {};
        if ((follow ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) < 0)
            return Error::sys("stat", path.string());
        if (S_ISSOCK(st.st_mode)) return {};
        std::unique_ptr<archive_entry, EntryDeleter> e(archive_entry_new());
        archive_entry_copy_sourcepath(e.get(), path.c_str());
        int fd = -1;
        if (S_ISREG(st.st_mode)) {
            fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) return Error::sys("open", path.string());
        }
        struct Closer {
            int fd;
            ~Closer() {
                if (fd >= 0) ::close(fd);
            }
        } closer{fd};
        if (archive_read_disk_entry_from_file(disk_.get(), e.get(), fd, &st) < ARCHIVE_WARN)
            return archive_error(disk_.get(), "read metadata of", path.string());
        archive_entry_set_pathname(e.get(), name.c_str());
        if (archive_write_header(out_.get(), e.get()) < ARCHIVE_WARN)
            return archive_error(out_.get(), "archive", path.string());
        if (fd >= 0) {
            std::vector<char> buf(1 << 16);
            for (;;) {
                const ssize_t n = ::read(fd, buf.data(), buf.size());
                if (n < 0) return Error::sys("read", path.string());
                if (n == 0) break;
                if (archive_write_data(out_.get(), buf.data(), static_cast<size_t>(n)) < 0)
                    return archive_error(out_.get(), "archive", path.string());
            }
        }
        if (S_ISDIR(st.st_mode)) {
            std::vector<std::string> names;
            std::error_code ec;
            for (const auto &child : fs::directory_iterator(path, ec)) names.push_back(child.path().filename().string());
            if (ec) return Error{"read directory", path.string(), ec.value(), {}, ErrorKind::Internal};
            std::sort(names.begin(), names.end());
            for (const auto &n : names) TRY(add(path / n, name + "/" + n, false));
        }
        return {};
    }

    Result<std::string> finish() {
        if (archive_write_close(out_.get()) != ARCHIVE_OK) return archive_error(out_.get(), "finish", "tar");
        return std::move(bytes_);
    }

private:
    std::unique_ptr<archive, ReadDeleter> disk_;
    std::unique_ptr<archive, WriteDeleter> out_;
    std::string bytes_;
};

// "base/rest" with base renamed; names equal to `from` or below it only.
std::string renamed(const std::string &name, const std::string &from, const std::string &to) {
    if (from.empty()) return name;
    std::string n = name;
    while (n.starts_with("./") && from != ".") n.erase(0, 2);
    if (n == from || n == from + "/") return to;
    if (n.starts_with(from + "/")) return to + n.substr(from.size());
    return name;
}

}  // namespace

Result<std::string> tar_host_path(const fs::path &source, const std::string &top_name, bool follow_link) {
    HostTar tar;
    TRY(tar.add(source, top_name, follow_link));
    return tar.finish();
}

Result<void> extract_to_host(std::string_view tar, const fs::path &dest_dir, const HostExtractOptions &options) {
    std::unique_ptr<archive, ReadDeleter> in(archive_read_new());
    archive_read_support_format_tar(in.get());
    if (archive_read_open_memory(in.get(), tar.data(), tar.size()) != ARCHIVE_OK)
        return archive_error(in.get(), "read tar from", "the engine");
    std::unique_ptr<archive, WriteDeleter> out(archive_write_disk_new());
    int flags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_XATTR | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS;
    if (options.keep_owner) flags |= ARCHIVE_EXTRACT_OWNER;
    archive_write_disk_set_options(out.get(), flags);
    archive_write_disk_set_standard_lookup(out.get());

    // libarchive resolves entry names against the working directory; the CLI is single
    // threaded, so it moves there for the extraction and back afterwards.
    const int back = ::open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (back < 0) return Error::sys("open", "the working directory");
    struct Restore {
        int fd;
        ~Restore() {
            (void)::fchdir(fd);
            ::close(fd);
        }
    } restore{back};
    if (::chdir(dest_dir.c_str()) < 0) return Error::sys("change to directory", dest_dir.string());

    for (;;) {
        archive_entry *e = nullptr;
        const int r = archive_read_next_header(in.get(), &e);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) return archive_error(in.get(), "read tar from", "the engine");
        const std::string name = renamed(archive_entry_pathname(e), options.rename_from, options.rename_to);
        if (name == "." || name == "./") continue;  // the target directory keeps its own metadata
        archive_entry_set_pathname(e, name.c_str());
        if (const char *link = archive_entry_hardlink(e)) {
            const std::string target = renamed(link, options.rename_from, options.rename_to);
            archive_entry_set_hardlink(e, target.c_str());
        }
        if (archive_write_header(out.get(), e) < ARCHIVE_WARN) return archive_error(out.get(), "extract", name);
        const void *buf = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        for (;;) {
            const int rr = archive_read_data_block(in.get(), &buf, &size, &offset);
            if (rr == ARCHIVE_EOF) break;
            if (rr < ARCHIVE_WARN) return archive_error(in.get(), "read", name);
            if (archive_write_data_block(out.get(), buf, size, offset) < ARCHIVE_WARN)
                return archive_error(out.get(), "write", name);
        }
        if (archive_write_finish_entry(out.get()) < ARCHIVE_WARN) return archive_error(out.get(), "finish", name);
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK) return archive_error(out.get(), "finish extraction into", dest_dir.string());
    return {};
}

}  // namespace berth::cli::commands
