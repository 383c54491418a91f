// Bearer tokens by scope, shared by every transfer of one client (so concurrent layer
// downloads fetch a token once) and kept until shortly before they expire.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <string>

#include "common/result.h"

namespace berth::images::registry {

struct BearerToken {
    std::string token;
    std::chrono::seconds expires_in{60};
};

class TokenCache {
public:
    using Clock = std::chrono::steady_clock;
    using Fetch = std::function<Result<BearerToken>()>;

    // The cached token for `key`, or the one `fetch` returns (then cached). Fetches for the
    // same cache are serialised, so threads that miss together make one request.
    Result<std::string> get(const std::string &key, const Fetch &fetch);
    // Drops the token for `key` (the registry refused it).
    void invalidate(const std::string &key);

    // For tests: what "now" is.
    void set_clock(std::function<Clock::time_point()> now) { now_ = std::move(now); }

private:
    struct Entry {
        std::string token;
        Clock::time_point expires;
    };
    std::mutex mutex_;
    std::mutex fetch_mutex_;
    std::map<std::string, Entry> entries_;
    std::function<Clock::time_point()> now_ = [] { return Clock::now(); };

    bool lookup(const std::string &key, std::string &token);
};

}  // namespace berth::images::registry
