#include "images/store/blob_store.h"

#include <fcntl.h>
#include <unistd.h>

#include "common/reference.h"
#include "images/digest.h"
#include "images/store/fs_util.h"

namespace berth::images {

std::string digest_hex(std::string_view digest) {
    if (!is_valid_digest(digest)) return {};
    return std::string(digest.substr(7));
}

std::filesystem::path BlobStore::path(std::string_view digest) const { return dir_ / digest_hex(digest); }

Result<std::string> BlobStore::put(std::string_view data) const {
    const std::string digest = sha256_digest(data);
    const std::filesystem::path final_path = path(digest);
    if (std::filesystem::exists(final_path)) return digest;
    const std::filesystem::path tmp = tmp_ / ("blob-" + fsx::random_hex(8));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return Error::sys("create blob", tmp.string());
    fsx::UniqueFd file(fd);
    auto fail = [&](Error e) -> Error {
        ::unlink(tmp.c_str());
        return e;
    };
    std::string_view rest = data;
    while (!rest.empty()) {
        ssize_t n = ::write(fd, rest.data(), rest.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(Error::sys("write blob", tmp.string()));
        }
        rest.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::fsync(fd) < 0) return fail(Error::sys("fsync blob", tmp.string()));
    file.reset();
    if (::rename(tmp.c_str(), final_path.c_str()) < 0) return fail(Error::sys("store blob", final_path.string()));
    TRY(fsx::fsync_path(dir_));
    return digest;
}

Result<std::string> BlobStore::read_verified(std::string_view digest) const {
    if (digest_hex(digest).empty()) return Error::invalid("invalid digest \"" + std::string(digest) + "\"");
    auto data = TRY(fsx::read_file(path(digest)));
    const std::string actual = sha256_digest(data);
    if (actual != digest)
        return Error::internal("blob " + std::string(digest) + " is corrupt: its content has digest " + actual);
    return data;
}

Result<void> BlobStore::remove(std::string_view digest) const {
    const std::string hex = digest_hex(digest);
    if (hex.empty()) return {};
    if (::unlink((dir_ / hex).c_str()) < 0 && errno != ENOENT) return Error::sys("remove blob", std::string(digest));
    return {};
}

}  // namespace berth::images
