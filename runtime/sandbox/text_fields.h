// Splitting the small text files of /proc and /sys (mountinfo, cgroup.controllers, cpu.stat)
// without iostreams: berth-monitor links this code statically, and a single stream would
// pull in, and on first use initialise, the whole C++ locale machinery, which would then be
// most of every monitor's memory.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace berth::sandbox::text {

// The pieces of `s` between `sep`s; empty pieces are skipped.
inline std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    while (!s.empty()) {
        const auto end = s.find(sep);
        const auto piece = s.substr(0, end);
        if (!piece.empty()) out.push_back(piece);
        if (end == std::string_view::npos) break;
        s.remove_prefix(end + 1);
    }
    return out;
}

// The words of `s`, separated by any run of spaces, tabs and newlines.
inline std::vector<std::string_view> words(std::string_view s) {
    constexpr std::string_view kSpace = " \t\n\r";
    std::vector<std::string_view> out;
    for (auto start = s.find_first_not_of(kSpace); start != std::string_view::npos;) {
        const auto end = s.find_first_of(kSpace, start);
        out.push_back(s.substr(start, end - start));
        if (end == std::string_view::npos) break;
        start = s.find_first_not_of(kSpace, end);
    }
    return out;
}

// `s` as an unsigned decimal number, or nothing when it is not exactly one.
inline std::optional<uint64_t> to_u64(std::string_view s) {
    uint64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace berth::sandbox::text
