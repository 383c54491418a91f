// Writes a file so that readers and crashes only ever see the old or the new content:
// write a temp file in the same directory, fsync it, rename over the target, fsync the
// directory (the rename itself must reach the disk too).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "common/result.h"

namespace berth::util {

Result<void> write_file_atomic(const std::filesystem::path &path, std::string_view data,
                               mode_t mode = 0644);

// Reads a whole (small) file.
Result<std::string> read_file(const std::filesystem::path &path);

}  // namespace berth::util
