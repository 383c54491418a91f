// Notices when container monitors exit: one thread polls a pidfd per monitor
// (pidfd_open(2): readable once the process is gone), whoever its parent is — after a
// berthd restart the monitors are no longer our children.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "util/unique_fd.h"

namespace berth::containers {

class ExitWatcher {
public:
    using OnExit = std::function<void(const std::string &id)>;

    explicit ExitWatcher(OnExit on_exit);
    ~ExitWatcher();  // stops the thread; pending watches are dropped
    ExitWatcher(const ExitWatcher &) = delete;
    ExitWatcher &operator=(const ExitWatcher &) = delete;

    // Calls on_exit(id) once the monitor `pid` has exited (at once if it already has).
    void watch(const std::string &id, pid_t monitor_pid);

private:
    void run();
    void wake();

    OnExit on_exit_;
    std::mutex mu_;
    std::map<std::string, util::UniqueFd> pidfds_;
    util::UniqueFd wake_fd_;  // eventfd: a new watch or shutdown
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace berth::containers
