#include "api/time_format.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace berth::api {
namespace {

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

long long to_int(std::string_view s) {
    long long v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

// Fraction digits "5" -> 500000000 nanoseconds.
std::int64_t fraction_nanos(std::string_view frac) {
    std::string f(frac.substr(0, 9));
    while (f.size() < 9) f += '0';
    return to_int(f);
}

}  // namespace

std::int64_t now_unix_nanos() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string format_rfc3339_nano(std::int64_t unix_nanos) {
    std::int64_t secs = unix_nanos / 1000000000;
    std::int64_t nanos = unix_nanos % 1000000000;
    if (nanos < 0) {
        nanos += 1000000000;
        --secs;
    }
    const std::time_t t = static_cast<std::time_t>(secs);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    std::string out = buf;
    if (nanos != 0) {
        char frac[16];
        std::snprintf(frac, sizeof frac, ".%09lld", static_cast<long long>(nanos));
        std::string f = frac;
        while (f.back() == '0') f.pop_back();
        out += f;
    }
    return out + "Z";
}

Result<std::int64_t> parse_rfc3339(std::string_view s) {
    const auto bad = [&] { return Error::invalid("invalid time `" + std::string(s) + "`: expected RFC 3339"); };
    // YYYY-MM-DDTHH:MM:SS
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':')
        return bad();
    for (std::size_t i : {0u, 5u, 8u, 11u, 14u, 17u})
        if (!digits(s.substr(i, i == 0 ? 4 : 2))) return bad();
    std::tm tm{};
    tm.tm_year = static_cast<int>(to_int(s.substr(0, 4))) - 1900;
    tm.tm_mon = static_cast<int>(to_int(s.substr(5, 2))) - 1;
    tm.tm_mday = static_cast<int>(to_int(s.substr(8, 2)));
    tm.tm_hour = static_cast<int>(to_int(s.substr(11, 2)));
    tm.tm_min = static_cast<int>(to_int(s.substr(14, 2)));
    tm.tm_sec = static_cast<int>(to_int(s.substr(17, 2)));
    std::size_t i = 19;
    std::int64_t nanos = 0;
    if (i < s.size() && s[i] == '.') {
        std::size_t j = i + 1;
        while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
        if (j == i + 1) return bad();
        nanos = fraction_nanos(s.substr(i + 1, j - i - 1));
        i = j;
    }
    std::int64_t offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' &&
               digits(s.substr(i + 1, 2)) && digits(s.substr(i + 4, 2))) {
        offset = (to_int(s.substr(i + 1, 2)) * 3600 + to_int(s.substr(i + 4, 2)) * 60) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return bad();
    }
    if (i != s.size()) return bad();
    const std::int64_t secs = static_cast<std::int64_t>(::timegm(&tm)) - offset;
    return secs * 1000000000 + nanos;
}

Result<std::int64_t> parse_timestamp(std::string_view s) {
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    std::string_view w = whole;
    const bool negative = !w.empty() && w[0] == '-';
    if (negative) w.remove_prefix(1);
    if (digits(w) && w.size() <= 12 && (dot == std::string_view::npos || digits(frac))) {
        const std::int64_t secs = to_int(w);
        const std::int64_t n = secs * 1000000000 + (frac.empty() ? 0 : fraction_nanos(frac));
        return negative ? -n : n;
    }
    auto t = parse_rfc3339(s);
    if (!t) return Error::invalid("invalid timestamp `" + std::string(s) +
                                  "`: expected unix seconds (with an optional fraction) or RFC 3339");
    return t;
}

}  // namespace berth::api
