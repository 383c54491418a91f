// The local terminal for interactive sessions (`exec -it`, `run -it`, `attach`): raw mode,
// its size, and window-size changes. Raw mode is undone by the destructor and also when a
// terminating signal arrives, so the user's shell is never left in raw mode.
#pragma once

#include <optional>
#include <utility>

#include "common/result.h"

namespace berth::cli::terminal {

bool is_terminal(int fd);
// (rows, cols), or nullopt when `fd` is not a terminal.
std::optional<std::pair<int, int>> size(int fd);

class RawMode {
public:
    // Puts `fd` in raw mode (cfmakeraw: no echo, no line editing, no signals from keys).
    static Result<RawMode> enable(int fd);
    RawMode() = default;
    RawMode(RawMode &&other) noexcept : active_(std::exchange(other.active_, false)) {}
    RawMode &operator=(RawMode &&other) noexcept;
    RawMode(const RawMode &) = delete;
    RawMode &operator=(const RawMode &) = delete;
    ~RawMode() { restore(); }
    void restore();

private:
    bool active_ = false;
};

// SIGWINCH as a readable fd (a self-pipe): poll it, then drain() and read size().
class WinchWatcher {
public:
    static Result<WinchWatcher> open();
    WinchWatcher() = default;
    WinchWatcher(WinchWatcher &&other) noexcept : active_(std::exchange(other.active_, false)) {}
    WinchWatcher &operator=(WinchWatcher &&) = delete;
    WinchWatcher(const WinchWatcher &) = delete;
    ~WinchWatcher();
    int fd() const;
    void drain();

private:
    bool active_ = false;
};

}  // namespace berth::cli::terminal
