#include "api/api_version.h"

#include <charconv>

namespace berth::api {

int compare_versions(std::string_view a, std::string_view b) {
    while (!a.empty() || !b.empty()) {
        auto next = [](std::string_view &s) {
            const auto dot = s.find('.');
            const std::string_view part = s.substr(0, dot);
            s = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
            long n = 0;
            std::from_chars(part.data(), part.data() + part.size(), n);
            return n;
        };
        const long x = next(a), y = next(b);
        if (x != y) return x < y ? -1 : 1;
    }
    return 0;
}

Result<void> check_api_version(std::string_view requested) {
    // Wording of moby's api/server/middleware/version.go.
    if (compare_versions(requested, kMaxApiVersion) > 0)
        return Error::invalid("client version " + std::string(requested) +
                              " is too new. Maximum supported API version is " +
                              std::string(kMaxApiVersion));
    if (compare_versions(requested, kMinApiVersion) < 0)
        return Error::invalid("client version " + std::string(requested) +
                              " is too old. Minimum supported API version is " +
                              std::string(kMinApiVersion) +
                              ", please upgrade your client to a newer version");
    return {};
}

}  // namespace berth::api
