#include "containers/time_format.h"

#include <cstdio>
#include <ctime>
#include <limits>

namespace berth::containers {

std::string format_rfc3339_nano(Clock::time_point t) {
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
    std::time_t secs = static_cast<std::time_t>(ns / 1000000000);
    long frac = static_cast<long>(ns % 1000000000);
    if (frac < 0) { frac += 1000000000; --secs; }
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    std::string out = buf;
    if (frac != 0) {
        char f[16];
        std::snprintf(f, sizeof f, ".%09ld", frac);
        std::string fs = f;
        while (fs.back() == '0') fs.pop_back();  // RFC3339Nano trims trailing zeros
        out += fs;
    }
    return out + "Z";
}

std::string now_rfc3339_nano() { return format_rfc3339_nano(Clock::now()); }

std::optional<std::int64_t> parse_rfc3339_nano(std::string_view text) {
    if (text == kZeroTime) return std::numeric_limits<std::int64_t>::min();
    std::tm tm{};
    int consumed = 0;
    std::string s(text);
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed) != 6)
        return std::nullopt;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    std::int64_t secs = timegm(&tm);
    std::int64_t frac = 0;
    std::size_t i = static_cast<std::size_t>(consumed);
    if (i < s.size() && s[i] == '.') {
        ++i;
        int digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (digits < 9) { frac = frac * 10 + (s[i] - '0'); ++digits; }
            ++i;
        }
        while (digits++ < 9) frac *= 10;
    }
    std::int64_t offset = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int hh = 0, mm = 0;
        if (std::sscanf(s.c_str() + i + 1, "%2d:%2d", &hh, &mm) != 2) return std::nullopt;
        offset = (hh * 3600 + mm * 60) * (s[i] == '+' ? 1 : -1);
    } else if (i >= s.size() || s[i] != 'Z') {
        return std::nullopt;
    }
    return (secs - offset) * 1000000000 + frac;
}

std::optional<std::int64_t> parse_api_timestamp(std::string_view text) {
    if (text.empty()) return std::nullopt;
    if (text.find('-') != std::string_view::npos && text.find('T') != std::string_view::npos)
        return parse_rfc3339_nano(text);
    std::int64_t secs = 0, frac = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) secs = secs * 10 + (text[i] - '0');
    if (i == 0) return std::nullopt;
    if (i < text.size()) {
        if (text[i] != '.') return std::nullopt;
        int digits = 0;
        for (++i; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            if (digits < 9) { frac = frac * 10 + (text[i] - '0'); ++digits; }
        }
        while (digits++ < 9) frac *= 10;
    }
    return secs * 1000000000 + frac;
}

}  // namespace berth::containers
