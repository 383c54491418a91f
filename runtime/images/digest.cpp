#include "images/digest.h"

#include <fcntl.h>
#include <unistd.h>

// OpenSSL's one-algorithm SHA-256 functions, not EVP: the first EVP digest sets up the
// provider machinery (about 2 MB that stay resident, measured), a cost every berthd would
// carry for hashing a few small configs. These functions run the same code (SHA-NI where
// the CPU has it) without it. OpenSSL 3 marks them deprecated; they remain in 3.x.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

namespace berth::images {

struct Sha256::State {
    SHA256_CTX ctx;
};

Sha256::Sha256() : state_(std::make_unique<State>()) { SHA256_Init(&state_->ctx); }

Sha256::~Sha256() = default;

void Sha256::update(const void *data, std::size_t size) { SHA256_Update(&state_->ctx, data, size); }

std::string Sha256::digest() {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256_Final(md, &state_->ctx);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "sha256:";
    for (unsigned char byte : md) {
        out += hex[byte >> 4];
        out += hex[byte & 0xf];
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
