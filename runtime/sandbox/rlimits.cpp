// rlimits (see rlimits.h).
#include "sandbox/rlimits.h"

#include <cerrno>
#include <utility>

namespace berth::sandbox::rlimits {

Result<int> resource_of(const std::string &name) {
    static const std::pair<const char *, int> table[] = {
        {"core", RLIMIT_CORE},     {"cpu", RLIMIT_CPU},         {"data", RLIMIT_DATA},
        {"fsize", RLIMIT_FSIZE},   {"locks", RLIMIT_LOCKS},     {"memlock", RLIMIT_MEMLOCK},
        {"msgqueue", RLIMIT_MSGQUEUE}, {"nice", RLIMIT_NICE},   {"nofile", RLIMIT_NOFILE},
        {"nproc", RLIMIT_NPROC},   {"rss", RLIMIT_RSS},         {"rtprio", RLIMIT_RTPRIO},
        {"rttime", RLIMIT_RTTIME}, {"sigpending", RLIMIT_SIGPENDING}, {"stack", RLIMIT_STACK},
        {"as", RLIMIT_AS},
    };
    std::string n = name;
    if (n.rfind("RLIMIT_", 0) == 0) {
        n = n.substr(7);
        for (auto &c : n) c = static_cast<char>(c | 0x20);
    }
    for (const auto &[k, v] : table)
        if (n == k) return v;
    return Error::invalid("unknown ulimit: " + name);
}

struct rlimit clamp(int64_t soft, int64_t hard, rlim_t current_hard) {
    auto conv = [](int64_t v) { return v < 0 ? RLIM_INFINITY : static_cast<rlim_t>(v); };
    struct rlimit r {conv(soft), conv(hard)};
    if (r.rlim_max > current_hard) r.rlim_max = current_hard;
    if (r.rlim_cur > r.rlim_max) r.rlim_cur = r.rlim_max;
    return r;
}

Result<std::vector<Planned>> plan(const std::vector<Rlimit> &wanted) {
    std::vector<Planned> out;
    for (const auto &w : wanted) {
        int res = TRY(resource_of(w.name));
        struct rlimit cur;
        if (getrlimit(res, &cur) < 0) return Error::sys("getrlimit", w.name);
        out.push_back({res, clamp(w.soft, w.hard, cur.rlim_max)});
    }
    return out;
}

int apply(const std::vector<Planned> &p, const char **step) {
    for (const auto &r : p) {
        if (setrlimit(r.resource, &r.limit) < 0) {
            *step = "setrlimit";
            return errno;
        }
    }
    return 0;
}

}  // namespace berth::sandbox::rlimits
