#include "registry/token_cache.h"

namespace berth::images::registry {

bool TokenCache::lookup(const std::string &key, std::string &token) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return false;
    if (now_() >= it->second.expires) {
        entries_.erase(it);
        return false;
    }
    token = it->second.token;
    return true;
}

Result<std::string> TokenCache::get(const std::string &key, const Fetch &fetch) {
    std::string token;
    if (lookup(key, token)) return token;
    std::lock_guard fetching(fetch_mutex_);
    if (lookup(key, token)) return token;  // another thread fetched it meanwhile
    BearerToken fresh = TRY(fetch());
    // The distribution token spec says clients should assume at least 60 s; renew a little
    // early so a token doesn't expire between being handed out and being used.
    auto lifetime = std::max(fresh.expires_in, std::chrono::seconds(60));
    lifetime -= std::min(lifetime / 10, std::chrono::seconds(30));
    {
        std::lock_guard lock(mutex_);
        entries_[key] = Entry{fresh.token, now_() + lifetime};
    }
    return fresh.token;
}

void TokenCache::invalidate(const std::string &key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
}

}  // namespace berth::images::registry
