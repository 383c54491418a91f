// ChildProcess: a short-lived helper program berthd starts for one job (berth-worker), with
// pipes to its stdin and stdout and any extra descriptors it should inherit. The child is
// always reaped: by wait(), or killed and reaped when the object goes away first.
#pragma once

#include <spawn.h>
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "util/unique_fd.h"

namespace berth::util {

struct ChildSpec {
    std::filesystem::path exe;
    std::vector<std::string> argv;  // argv[0] included
    bool pipe_stdin = false;        // else /dev/null
    bool pipe_stdout = false;       // else /dev/null
    // Descriptors the child gets: {parent fd, child fd number}. Child numbers start at 3.
    std::vector<std::pair<int, int>> inherit;
};

class ChildProcess {
public:
    static Result<ChildProcess> spawn(const ChildSpec &spec);

    ChildProcess(ChildProcess &&other) noexcept;
    ChildProcess &operator=(ChildProcess &&other) noexcept;
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    ~ChildProcess();

    pid_t pid() const { return pid_; }
    int stdin_fd() const { return in_.get(); }
    int stdout_fd() const { return out_.get(); }
    // Closing stdin tells a child that reads it to the end that no more is coming.
    void close_stdin() { in_.reset(); }
    void close_stdout() { out_.reset(); }

    // Waits for the exit: the exit code, or 128 + the signal that ended it.
    Result<int> wait();
    void kill(int sig);

private:
    ChildProcess() = default;
    void kill_and_reap();

    pid_t pid_ = -1;
    std::string name_;
    UniqueFd in_, out_;
};

// Makes a program spawned with `attr` start with no signal blocked and every disposition
// at its default, whatever berthd blocks (its shutdown signals) or ignores (SIGPIPE).
void reset_signals_on_spawn(posix_spawnattr_t &attr);

// A helper program installed beside the running executable (berthd and berth-worker share a
// directory), or "" when there is none.
std::filesystem::path sibling_executable(const std::string &name);

}  // namespace berth::util
