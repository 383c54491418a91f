#include "containers/exit_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <vector>

namespace berth::containers {

namespace {
int pidfd_open(pid_t pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }
}  // namespace

ExitWatcher::ExitWatcher(OnExit on_exit)
    : on_exit_(std::move(on_exit)), wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
    thread_ = std::thread([this] { run(); });
}

ExitWatcher::~ExitWatcher() {
    {
        std::lock_guard lock(mu_);
        stopping_ = true;
    }
    wake();
    if (thread_.joinable()) thread_.join();
}

void ExitWatcher::wake() {
    std::uint64_t one = 1;
    (void)!::write(wake_fd_.get(), &one, sizeof one);
}

void ExitWatcher::watch(const std::string &id, pid_t monitor_pid) {
    int fd = pidfd_open(monitor_pid);
    if (fd < 0) {
        // ESRCH: the monitor is already gone.
        std::thread([cb = on_exit_, id] { cb(id); }).detach();
        return;
    }
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    {
        std::lock_guard lock(mu_);
        pidfds_[id] = util::UniqueFd(fd);
    }
    wake();
}

void ExitWatcher::run() {
    for (;;) {
        std::vector<pollfd> fds;
        std::vector<std::string> ids;
        {
            std::lock_guard lock(mu_);
            if (stopping_) return;
            fds.push_back({wake_fd_.get(), POLLIN, 0});
            for (const auto &[id, fd] : pidfds_) {
                fds.push_back({fd.get(), POLLIN, 0});
                ids.push_back(id);
            }
        }
        int r = ::poll(fds.data(), fds.size(), -1);
        if (r < 0) continue;
        if (fds[0].revents) {
            std::uint64_t n;
            (void)!::read(wake_fd_.get(), &n, sizeof n);
        }
        std::vector<std::string> exited;
        {
            std::lock_guard lock(mu_);
            for (std::size_t i = 1; i < fds.size(); ++i) {
                if (!fds[i].revents) continue;
                auto it = pidfds_.find(ids[i - 1]);
                if (it != pidfds_.end() && it->second.get() == fds[i].fd) {
                    pidfds_.erase(it);
                    exited.push_back(ids[i - 1]);
                }
            }
        }
        for (const auto &id : exited) on_exit_(id);
    }
}

}  // namespace berth::containers
