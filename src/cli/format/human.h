// Numbers and times the way the docker CLI prints them (github.com/docker/go-units), so
// that output compares line for line: sizes in decimal units ("4.26MB"), memory in binary
// units ("7.773GiB"), ages as "2 hours ago".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace berth::cli::format {

// go-units HumanSizeWithPrecision: 1000-based, "%.<precision>g" then B/kB/MB/GB/TB/PB/...
std::string human_size(double bytes, int precision = 4);

// go-units BytesSize: 1024-based, "%.4g" then B/KiB/MiB/GiB/...
std::string binary_size(double bytes);

// go-units HumanDuration: "Less than a second", "About a minute", "3 hours", "2 weeks".
std::string human_duration(double seconds);

// "<human_duration(now - then)> ago", as `docker images` CREATED shows it.
std::string time_ago(std::int64_t then_unix, std::int64_t now_unix);

// now, in unix seconds.
std::int64_t unix_now();

// The 12 hex characters docker shows for an ID ("sha256:" dropped).
std::string short_id(std::string_view id);

// Cuts text to `width` characters (code points), ending in "…" when cut
// (docker's stringutils.Ellipsis).
std::string ellipsis(std::string_view text, std::size_t width);

// Number of code points: the width of text in a terminal for the scripts Berth prints.
std::size_t display_width(std::string_view text);

// RFC 3339 in UTC ("2024-01-02T15:04:05Z") from unix seconds.
std::string rfc3339(std::int64_t unix_seconds);

}  // namespace berth::cli::format
