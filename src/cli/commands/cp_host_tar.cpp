#include "cli/commands/cp_host_tar.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
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

// "base/rest" with base renamed; names equal to `from` or below it only.
std::string renamed(const std::string &name, const std::string &from, const std::string &to) {
    if (from.empty()) return name;
    std::string n = name;
    while (n.starts_with("./") && from != ".") n.erase(0, 2);
    if (n == from || n == from + "/") return to;
    if (n.starts_with(from + "/")) return to + n.substr(from.size());
    return name;
}

// Every entry of `in` into dest_dir, renamed as asked.
Result<void> extract_from(archive *in, const fs::path &dest_dir, const HostExtractOptions &options) {
    std::unique_ptr<archive, WriteDeleter> out(archive_write_disk_new());
    int flags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_XATTR | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS;
    if (options.keep_owner) flags |= ARCHIVE_EXTRACT_OWNER;
    archive_write_disk_set_options(out.get(), flags);
    archive_write_disk_set_standard_lookup(out.get());

    // libarchive resolves entry names against the working directory: the extraction moves
    // there and back afterwards.
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
        const int r = archive_read_next_header(in, &e);
        if (r == ARCHIVE_EOF) break;
        if (r < ARCHIVE_WARN) return archive_error(in, "read tar from", "the engine");
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
            const int rr = archive_read_data_block(in, &buf, &size, &offset);
            if (rr == ARCHIVE_EOF) break;
            if (rr < ARCHIVE_WARN) return archive_error(in, "read", name);
            if (archive_write_data_block(out.get(), buf, size, offset) < ARCHIVE_WARN)
                return archive_error(out.get(), "write", name);
        }
        if (archive_write_finish_entry(out.get()) < ARCHIVE_WARN) return archive_error(out.get(), "finish", name);
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK) return archive_error(out.get(), "finish extraction into", dest_dir.string());
    return {};
}


}  // namespace

// Walks the tree depth first (names sorted) one step per refill: a step is one entry's
// header or one block of a file's content. libarchive writes into `out_`, which read()
// hands on and empties.
class HostTarReader::Impl {
public:
    Impl(const fs::path &source, const std::string &top_name, bool follow)
        : disk_(archive_read_disk_new()), tar_(archive_write_new()) {
        archive_read_disk_set_standard_lookup(disk_.get());
        archive_write_set_format_pax_restricted(tar_.get());
        archive_write_set_bytes_in_last_block(tar_.get(), 1);
        archive_write_open(tar_.get(), &out_, nullptr, append, nullptr);
        pending_.push_back({source, top_name, follow});
    }

    ~Impl() {
        if (file_ >= 0) ::close(file_);
        tar_.reset();  // freeing an unfinished writer still writes into out_
    }

    Result<std::size_t> read(char *buf, std::size_t size) {
        if (error_) return *error_;
        while (sent_ == out_.size() && !closed_) {
            out_.clear();
            sent_ = 0;
            if (auto r = step(); !r) {
                error_ = std::move(r).error();
                return *error_;
            }
        }
        const std::size_t n = std::min(size, out_.size() - sent_);
        std::memcpy(buf, out_.data() + sent_, n);
        sent_ += n;
        return n;
    }

private:
    struct Pending {
        fs::path path;
        std::string name;
        bool follow = false;
    };

    Result<void> step() {
        if (file_ >= 0) return copy_block();
        if (!pending_.empty()) {
            Pending next = std::move(pending_.back());
            pending_.pop_back();
            return add(next);
        }
        if (archive_write_close(tar_.get()) != ARCHIVE_OK) return archive_error(tar_.get(), "finish", "tar");
        closed_ = true;
        return {};
    }

    Result<void> copy_block() {
        block_.resize(1 << 16);
        const ssize_t n = ::read(file_, block_.data(), block_.size());
        if (n < 0) return Error::sys("read", file_path_);
        if (n == 0) {
            ::close(file_);
            file_ = -1;
            return {};
        }
        if (archive_write_data(tar_.get(), block_.data(), static_cast<size_t>(n)) < 0)
            return archive_error(tar_.get(), "archive", file_path_);
        return {};
    }

    Result<void> add(const Pending &p) {
        struct stat st {};
        if ((p.follow ? ::stat(p.path.c_str(), &st) : ::lstat(p.path.c_str(), &st)) < 0)
            return Error::sys("stat", p.path.string());
        if (S_ISSOCK(st.st_mode)) return {};
        std::unique_ptr<archive_entry, EntryDeleter> e(archive_entry_new());
        archive_entry_copy_sourcepath(e.get(), p.path.c_str());
        int fd = -1;
        if (S_ISREG(st.st_mode)) {
            fd = ::open(p.path.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) return Error::sys("open", p.path.string());
        }
        file_ = fd;  // from here on closed by copy_block or the destructor
        file_path_ = p.path.string();
        if (archive_read_disk_entry_from_file(disk_.get(), e.get(), fd, &st) < ARCHIVE_WARN)
            return archive_error(disk_.get(), "read metadata of", p.path.string());
        archive_entry_set_pathname(e.get(), p.name.c_str());
        if (archive_write_header(tar_.get(), e.get()) < ARCHIVE_WARN)
            return archive_error(tar_.get(), "archive", p.path.string());
        if (S_ISDIR(st.st_mode)) {
            std::vector<std::string> names;
            std::error_code ec;
            for (const auto &child : fs::directory_iterator(p.path, ec)) names.push_back(child.path().filename().string());
            if (ec) return Error{"read directory", p.path.string(), ec.value(), {}, ErrorKind::Internal};
            // Reverse order on the stack: the children come out sorted, each before the
            // next sibling's subtree.
            std::sort(names.rbegin(), names.rend());
            for (const auto &n : names) pending_.push_back({p.path / n, p.name + "/" + n, false});
        }
        return {};
    }

    std::unique_ptr<archive, ReadDeleter> disk_;
    std::unique_ptr<archive, WriteDeleter> tar_;
    std::vector<Pending> pending_;
    int file_ = -1;  // the regular file whose content is being added
    std::string file_path_;
    std::vector<char> block_;
    std::string out_;  // tar bytes libarchive produced, not yet read
    std::size_t sent_ = 0;
    bool closed_ = false;
    std::optional<Error> error_;
};

HostTarReader::HostTarReader(const fs::path &source, const std::string &top_name, bool follow_link)
    : impl_(std::make_unique<Impl>(source, top_name, follow_link)) {}

HostTarReader::~HostTarReader() = default;

Result<std::size_t> HostTarReader::read(char *buf, std::size_t size) { return impl_->read(buf, size); }

Result<std::string> tar_host_path(const fs::path &source, const std::string &top_name, bool follow_link) {
    HostTarReader reader(source, top_name, follow_link);
    std::string tar;
    std::vector<char> buf(1 << 16);
    for (;;) {
        const std::size_t n = TRY(reader.read(buf.data(), buf.size()));
        if (n == 0) return tar;
        tar.append(buf.data(), n);
    }
}

Result<void> extract_to_host(std::string_view tar, const fs::path &dest_dir, const HostExtractOptions &options) {
    std::unique_ptr<archive, ReadDeleter> in(archive_read_new());
    archive_read_support_format_tar(in.get());
    if (archive_read_open_memory(in.get(), tar.data(), tar.size()) != ARCHIVE_OK)
        return archive_error(in.get(), "read tar from", "the engine");
    return extract_from(in.get(), dest_dir, options);
}

Result<void> extract_to_host_from_fd(int fd, const fs::path &dest_dir, const HostExtractOptions &options) {
    std::unique_ptr<archive, ReadDeleter> in(archive_read_new());
    archive_read_support_format_tar(in.get());
    if (archive_read_open_fd(in.get(), fd, 1 << 16) != ARCHIVE_OK)
        return archive_error(in.get(), "read tar from", "the engine");
    return extract_from(in.get(), dest_dir, options);
}

}  // namespace berth::cli::commands
