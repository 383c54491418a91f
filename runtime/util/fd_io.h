// Whole writes and close-on-exec pipes: what every part that talks over a descriptor needs.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::util {

// Writes all of `data`, over short writes and EINTR. A failure names `what` and keeps the
// errno (EPIPE: the reader is gone).
Result<void> write_all(int fd, std::string_view data, const std::string &what);

// {read end, write end}, both close-on-exec.
Result<std::pair<UniqueFd, UniqueFd>> make_pipe(const std::string &what);

}  // namespace berth::util
