#include "cli/format/human.h"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace berth::cli::format {
namespace {

std::string scaled(double size, double base, const std::array<const char *, 9> &units, int precision) {
    std::size_t i = 0;
    while (size >= base && i + 1 < units.size()) {
        size /= base;
        ++i;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g%s", precision, size, units[i]);
    return buf;
}

}  // namespace

std::string human_size(double bytes, int precision) {
    static constexpr std::array<const char *, 9> units = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    return scaled(bytes, 1000.0, units, precision);
}

std::string binary_size(double bytes) {
    static constexpr std::array<const char *, 9> units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    return scaled(bytes, 1024.0, units, 4);
}

std::string human_duration(double seconds_f) {
    // Same thresholds and rounding as go-units (hours are rounded, the rest truncated).
    const auto seconds = static_cast<std::int64_t>(seconds_f);
    if (seconds < 1) return "Less than a second";
    if (seconds == 1) return "1 second";
    if (seconds < 60) return std::to_string(seconds) + " seconds";
    const auto minutes = static_cast<std::int64_t>(seconds_f / 60);
    if (minutes == 1) return "About a minute";
    if (minutes < 60) return std::to_string(minutes) + " minutes";
    const auto hours = static_cast<std::int64_t>(seconds_f / 3600 + 0.5);
    if (hours == 1) return "About an hour";
    if (hours < 48) return std::to_string(hours) + " hours";
    if (hours < 24 * 7 * 2) return std::to_string(hours / 24) + " days";
    if (hours < 24 * 30 * 2) return std::to_string(hours / 24 / 7) + " weeks";
    if (hours < 24 * 365 * 2) return std::to_string(hours / 24 / 30) + " months";
    return std::to_string(static_cast<std::int64_t>(seconds_f / 3600) / 24 / 365) + " years";
}

std::string time_ago(std::int64_t then_unix, std::int64_t now_unix) {
    return human_duration(static_cast<double>(now_unix - then_unix)) + " ago";
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string short_id(std::string_view id) {
    if (auto colon = id.find(':'); colon != std::string_view::npos) id.remove_prefix(colon + 1);
    return std::string(id.substr(0, 12));
}

std::size_t display_width(std::string_view text) {
    std::size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string ellipsis(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    // Keep width-1 code points, then the ellipsis.
    std::size_t kept = 0, i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (kept == width - 1) break;
            ++kept;
        }
    }
    return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
}

std::string rfc3339(std::int64_t unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace berth::cli::format
