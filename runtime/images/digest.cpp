#include "images/digest.h"

#include <fcntl.h>
#include <unistd.h>

#include <openssl/evp.h>

namespace berth::images {

struct Sha256::State {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : state_(std::make_unique<State>()) {
    EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr);
}

Sha256::~Sha256() = default;

void Sha256::update(const void *data, std::size_t size) { EVP_DigestUpdate(state_->ctx, data, size); }

std::string Sha256::digest() {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_DigestFinal_ex(state_->ctx, md, &len);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned int i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 0xf];
    }
    return out;
}

std::string sha256_digest(std::string_view data) {
    Sha256 h;
    h.update(data);
    return h.digest();
}

Result<std::string> sha256_file(const std::filesystem::path &path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::sys("open", path.string());
    Sha256 h;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            Error e = Error::sys("read", path.string());
            ::close(fd);
            return e;
        }
        if (n == 0) break;
        h.update(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return h.digest();
}

std::string chain_id(std::string_view parent_chain_id, std::string_view diff_id) {
    if (parent_chain_id.empty()) return std::string(diff_id);
    std::string s(parent_chain_id);
    s += ' ';
    s += diff_id;
    return sha256_digest(s);
}

}  // namespace berth::images
