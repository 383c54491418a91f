#include "api/engine_id.h"

#include <sys/random.h>

#include <cstdio>

#include "util/atomic_file.h"

namespace berth::api {

Result<std::string> load_or_create_engine_id(const std::filesystem::path &root) {
    const auto path = root / "engine-id";
    if (auto existing = util::read_file(path)) {
        std::string id = *existing;
        while (!id.empty() && (id.back() == '\n' || id.back() == ' ')) id.pop_back();
        if (id.size() == 36) return id;
    }
    unsigned char b[16];
    if (::getrandom(b, sizeof b, 0) != static_cast<ssize_t>(sizeof b)) return Error::sys("getrandom", "engine id");
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // RFC 4122 version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                  b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    TRY(util::write_file_atomic(path, std::string(out) + "\n"));
    return std::string(out);
}

}  // namespace berth::api
