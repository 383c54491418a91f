#include "registry/blob_file_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace berth::images::registry {
namespace {

// Progress is reported at most this often: the pull stream shows it to people.
constexpr std::chrono::milliseconds kReportInterval{100};

}  // namespace

Result<std::unique_ptr<BlobFileSink>> BlobFileSink::open(const std::filesystem::path &path,
                                                         std::int64_t expected_size, std::string what,
                                                         const Progress *progress) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Error::sys("create", path.string());
    return std::unique_ptr<BlobFileSink>(new BlobFileSink(path, fd, expected_size, std::move(what), progress));
}

BlobFileSink::BlobFileSink(std::filesystem::path path, int fd, std::int64_t expected_size, std::string what,
                           const Progress *progress)
    : path_(std::move(path)), fd_(fd), expected_size_(expected_size), what_(std::move(what)), progress_(progress),
      hash_(std::make_unique<Sha256>()) {}

BlobFileSink::~BlobFileSink() {
    if (fd_ >= 0) ::close(fd_);
}

void BlobFileSink::report(bool force) {
    if (!progress_ || !*progress_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_report_ < kReportInterval) return;
    last_report_ = now;
    (*progress_)(done_, expected_size_);
}

bool BlobFileSink::write(const char *data, std::size_t size) {
    if (expected_size_ >= 0 && done_ + static_cast<std::int64_t>(size) > expected_size_) {
        // Stop at once: a registry sending more than the manifest promised is not trusted
        // with our disk.
        error_ = Error::of(ErrorKind::Internal, "size mismatch for " + what_ + ": expected " +
                                                    std::to_string(expected_size_) + " bytes, got more");
        return false;
    }
    hash_->update(data, size);
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd_, data + written, size - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            error_ = Error::sys("write", path_.string());
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    done_ += static_cast<std::int64_t>(size);
    report(false);
    return true;
}

void BlobFileSink::restart() {
    if (fd_ >= 0) {
        if (::ftruncate(fd_, 0) < 0 || ::lseek(fd_, 0, SEEK_SET) < 0) error_ = Error::sys("truncate", path_.string());
    }
    hash_ = std::make_unique<Sha256>();
    done_ = 0;
}

void BlobFileSink::discard() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    std::error_code ec;
    std::filesystem::remove(path_, ec);
}

Result<void> BlobFileSink::finish(const std::string &expected_digest) {
    if (error_) {
        discard();
        return *error_;
    }
    if (::fdatasync(fd_) < 0 || ::close(fd_) < 0) {
        Error e = Error::sys("sync", path_.string());
        fd_ = -1;
        discard();
        return e;
    }
    fd_ = -1;
    report(true);
    if (expected_size_ >= 0 && done_ != expected_size_) {
        discard();
        return Error::of(ErrorKind::Internal, "size mismatch for " + what_ + ": expected " +
                                                  std::to_string(expected_size_) + " bytes, got " +
                                                  std::to_string(done_));
    }
    const std::string got = hash_->digest();
    if (got != expected_digest) {
        discard();
        return Error::of(ErrorKind::Internal,
                         "digest mismatch for " + what_ + ": expected " + expected_digest + ", got " + got);
    }
    return {};
}

}  // namespace berth::images::registry
