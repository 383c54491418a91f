// The daemon's log: one line per message, "2026-01-02T03:04:05.123456Z level msg",
// to stderr and/or a file. Thread-safe; lines from different threads never interleave.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::log {

enum class Level { Debug = 0, Info = 1, Warn = 2, Error = 3 };

// "debug", "info", "warn"/"warning", "error" (as dockerd's --log-level; "fatal" is error).
Result<Level> parse_level(std::string_view name);
std::string_view level_name(Level level);

// Sets the minimum level and the sinks. An empty `file` means no file. Opens the file
// for appending (O_APPEND, O_CLOEXEC), so a rotated or shared log keeps whole lines.
Result<void> configure(Level min_level, bool to_stderr, const std::filesystem::path &file);

bool enabled(Level level);
void write(Level level, std::string_view message);

inline void debug(std::string_view m) { if (enabled(Level::Debug)) write(Level::Debug, m); }
inline void info(std::string_view m) { write(Level::Info, m); }
inline void warn(std::string_view m) { write(Level::Warn, m); }
inline void error(std::string_view m) { write(Level::Error, m); }

}  // namespace berth::log
