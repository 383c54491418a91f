#include "containers/monitor_launch.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vector>

#include <nlohmann/json.hpp>

#include "util/atomic_file.h"
#include "util/child_process.h"
#include "util/unique_fd.h"

extern char **environ;

namespace berth::containers {

using util::UniqueFd;

namespace {

// Reads JSON lines from the monitor until the final one (running or error) or EOF.
Result<nlohmann::json> read_report(int fd, std::chrono::milliseconds timeout,
                                   const std::function<void()> &on_created) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string buf;
    for (;;) {
        auto nl = buf.find('\n');
        if (nl != std::string::npos) {
            std::string line = buf.substr(0, nl);
            buf.erase(0, nl + 1);
            try {
                auto j = nlohmann::json::parse(line);
                if (j.contains("error") || j.value("state", std::string()) == "running") return j;
                if (j.value("state", std::string()) == "created") {
                    if (on_created) on_created();
                    static const char kStart[] = "start\n";
                    if (::write(fd, kStart, sizeof kStart - 1) < 0) return Error::sys("release", "container start gate");
                }
            } catch (const std::exception &) {
                return Error::internal("monitor sent an unreadable report: " + line);
            }
            continue;
        }
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return Error::internal("the container monitor did not report within the time allowed");
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, static_cast<int>(left.count()));
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return Error::sys("poll", "monitor report");
        if (r == 0) continue;
        char chunk[4096];
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("read", "monitor report");
        if (n == 0) return Error::internal("the container monitor exited without reporting");
        buf.append(chunk, static_cast<std::size_t>(n));
    }
}

Result<MonitorStarted> launch(const std::filesystem::path &monitor_exe, const std::filesystem::path &bundle,
                              const std::vector<std::string> &args, const std::function<void()> &on_created,
                              std::chrono::milliseconds timeout);

}  // namespace

std::filesystem::path find_monitor_executable() {
    auto lean = util::sibling_executable("berth-monitor");
    return lean.empty() ? std::filesystem::path("/proc/self/exe") : lean;
}

Result<MonitorStarted> launch_monitor(const std::filesystem::path &monitor_exe,
                                      const std::filesystem::path &bundle,
                                      const std::function<void()> &on_created,
                                      std::chrono::milliseconds timeout) {
    return launch(monitor_exe, bundle, {"berthd", "monitor", bundle.string()}, on_created, timeout);
}

Result<MonitorStarted> launch_exec_process(const std::filesystem::path &monitor_exe,
                                           const std::filesystem::path &bundle, const std::string &exec_id,
                                           const std::function<void()> &on_created,
                                           std::chrono::milliseconds timeout) {
    return launch(monitor_exe, bundle, {"berthd", "exec-process", bundle.string(), exec_id}, on_created, timeout);
}

namespace {

Result<MonitorStarted> launch(const std::filesystem::path &monitor_exe, const std::filesystem::path &bundle,
                              const std::vector<std::string> &args, const std::function<void()> &on_created,
                              std::chrono::milliseconds timeout) {
    int sv[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) return Error::sys("socketpair", "monitor report");
    UniqueFd ours(sv[0]);
    // The child's end must not already be fd 3: dup2 onto itself would keep FD_CLOEXEC.
    UniqueFd theirs(::fcntl(sv[1], F_DUPFD_CLOEXEC, 10));
    ::close(sv[1]);
    if (!theirs) return Error::sys("dup", "monitor report socket");

    const std::string log = (bundle / "monitor.log").string();
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&fa, theirs.get(), 3);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    util::reset_signals_on_spawn(attr);

    const std::string exe = monitor_exe.string();
    std::vector<char *> argv;
    for (const auto &a : args) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    char *envp[] = {const_cast<char *>("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), nullptr};
    pid_t spawned = 0;
    int rc = ::posix_spawn(&spawned, exe.c_str(), &fa, &attr, argv.data(), envp);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    theirs.reset();
    if (rc != 0) return Error::sys("spawn monitor", exe, rc);
    // The first monitor process forks and exits at once (so the real monitor outlives us).
    int status = 0;
    while (::waitpid(spawned, &status, 0) < 0 && errno == EINTR) {}

    auto report = read_report(ours.get(), timeout, on_created);
    if (!report) {
        // No word from the monitor: make sure nothing of it stays behind.
        if (auto pid_text = util::read_file(bundle / "monitor.pid"); pid_text) {
            pid_t mpid = static_cast<pid_t>(std::atoi(pid_text->c_str()));
            if (mpid > 0 && is_monitor_of(mpid, bundle)) ::kill(mpid, SIGKILL);
        }
        return std::move(report).error();
    }
    if (report->contains("error")) {
        Error e = Error::internal((*report)["error"].get<std::string>());
        const std::string msg = e.detail;
        if (msg.find("No such file or directory") != std::string::npos ||
            msg.find("not found") != std::string::npos || msg.find("Permission denied") != std::string::npos ||
            msg.find("unable to find") != std::string::npos)
            e.kind = ErrorKind::InvalidArgument;
        return e;
    }
    MonitorStarted out;
    out.pid = report->value("pid", 0);
    out.monitor_pid = report->value("monitor_pid", 0);
    return out;
}

}  // namespace

bool is_monitor_of(pid_t pid, const std::filesystem::path &bundle) {
    if (pid <= 0) return false;
    auto cmdline = util::read_file("/proc/" + std::to_string(pid) + "/cmdline");
    if (!cmdline) return false;
    // "berthd\0monitor\0<bundle>\0"
    const std::string expected = std::string("berthd") + '\0' + "monitor" + '\0' + bundle.string();
    return cmdline->compare(0, expected.size(), expected) == 0;
}

}  // namespace berth::containers
