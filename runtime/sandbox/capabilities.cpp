// Capabilities (see capabilities.h).
#include "sandbox/capabilities.h"

#include <linux/capability.h>
#include <sys/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <set>

namespace berth::sandbox::capabilities {

std::vector<std::string> default_capabilities() {
    return {"CAP_AUDIT_WRITE", "CAP_CHOWN",  "CAP_DAC_OVERRIDE",     "CAP_FOWNER",
            "CAP_FSETID",      "CAP_KILL",   "CAP_MKNOD",            "CAP_NET_BIND_SERVICE",
            "CAP_NET_RAW",     "CAP_SETFCAP", "CAP_SETGID",          "CAP_SETPCAP",
            "CAP_SETUID",      "CAP_SYS_CHROOT"};
}

int last_cap() {
    FILE *f = std::fopen("/proc/sys/kernel/cap_last_cap", "re");
    int n = CAP_LAST_CAP;
    if (f) {
        if (std::fscanf(f, "%d", &n) != 1) n = CAP_LAST_CAP;
        std::fclose(f);
    }
    return std::min(n, 63);
}

std::string normalize(const std::string &name) {
    std::string up;
    for (char c : name) up += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (up == "ALL") return up;
    if (up.rfind("CAP_", 0) != 0) up = "CAP_" + up;
    return up;
}

Result<int> parse(const std::string &name) {
    std::string n = normalize(name);
    std::string lower;
    for (char c : n) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    cap_value_t v;
    if (cap_from_name(lower.c_str(), &v) != 0 || v < 0 || v > 63)
        return Error::invalid("unknown capability: " + name);
    return static_cast<int>(v);
}

std::vector<std::string> all_capabilities() {
    std::vector<std::string> out;
    const int last = last_cap();
    for (int c = 0; c <= last; ++c) {
        char *s = cap_to_name(c);
        if (!s) continue;
        out.push_back(normalize(s));
        cap_free(s);
    }
    return out;
}

Result<std::vector<std::string>> apply_add_drop(const std::vector<std::string> &base,
                                                const std::vector<std::string> &add,
                                                const std::vector<std::string> &drop) {
    std::set<std::string> out;
    for (const auto &b : base) {
        TRY(parse(b));
        out.insert(normalize(b));
    }
    for (const auto &d : drop) {
        if (normalize(d) == "ALL") {
            out.clear();
            continue;
        }
        TRY(parse(d));
        out.erase(normalize(d));
    }
    for (const auto &a : add) {
        if (normalize(a) == "ALL") {
            for (auto &c : all_capabilities()) out.insert(c);
            continue;
        }
        TRY(parse(a));
        out.insert(normalize(a));
    }
    return std::vector<std::string>(out.begin(), out.end());
}

Result<CapMask> to_mask(const std::vector<std::string> &names) {
    CapMask m;
    for (const auto &n : names) m.bits |= uint64_t{1} << TRY(parse(n));
    return m;
}

CapMask current_permitted() {
    __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    CapMask m;
    if (syscall(SYS_capget, &hdr, data) == 0)
        m.bits = uint64_t{data[0].permitted} | (uint64_t{data[1].permitted} << 32);
    return m;
}

int drop_bounding(CapMask keep, int last, const char **step) {
    for (int c = 0; c <= last; ++c) {
        if (keep.has(c)) continue;
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) < 0 && errno != EINVAL) {
            *step = "drop bounding capability";
            return errno;
        }
    }
    // Ambient capabilities would survive execve for non-root; Docker sets none.
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 && errno != EINVAL) {
        *step = "clear ambient capabilities";
        return errno;
    }
    return 0;
}

int set_process_caps(CapMask keep, const char **step) {
    // Raw capset: libcap's cap_set_proc allocates, and this runs in the container child.
    __user_cap_header_struct hdr{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2] = {};
    for (int i = 0; i < 2; ++i) {
        uint32_t word = static_cast<uint32_t>(keep.bits >> (32 * i));
        data[i].effective = word;
        data[i].permitted = word;
        data[i].inheritable = 0;
    }
    if (syscall(SYS_capset, &hdr, data) < 0) {
        *step = "capset";
        return errno;
    }
    return 0;
}

}  // namespace berth::sandbox::capabilities
