#include "util/child_process.h"

#include "util/fd_io.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace berth::util {

Result<ChildProcess> ChildProcess::spawn(const ChildSpec &spec) {
    const std::string name = spec.exe.filename().string();
    UniqueFd child_in, child_out;
    ChildProcess child;
    child.name_ = name;
    if (spec.pipe_stdin) {
        auto [r, w] = TRY(make_pipe(name + " stdin"));
        child_in = std::move(r);
        child.in_ = std::move(w);
    }
    if (spec.pipe_stdout) {
        auto [r, w] = TRY(make_pipe(name + " stdout"));
        child.out_ = std::move(r);
        child_out = std::move(w);
    }

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (child_in) posix_spawn_file_actions_adddup2(&fa, child_in.get(), 0);
    else posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    if (child_out) posix_spawn_file_actions_adddup2(&fa, child_out.get(), 1);
    else posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    // Extra descriptors: first moved above every target number, so that placing one never
    // overwrites another that is still to be placed; dup2 onto a new number clears CLOEXEC.
    std::vector<UniqueFd> staged;
    for (const auto &[parent_fd, child_fd] : spec.inherit) {
        UniqueFd high(::fcntl(parent_fd, F_DUPFD_CLOEXEC, 100));
        if (!high) {
            posix_spawn_file_actions_destroy(&fa);
            return Error::sys("dup", name + " descriptor " + std::to_string(child_fd));
        }
        posix_spawn_file_actions_adddup2(&fa, high.get(), child_fd);
        staged.push_back(std::move(high));
    }
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    reset_signals_on_spawn(attr);

    std::vector<char *> argv;
    for (const auto &a : spec.argv) argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, spec.exe.c_str(), &fa, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&attr);
    if (rc != 0) return Error::sys("posix_spawn", spec.exe.string(), rc);
    child.pid_ = pid;
    return child;
}

ChildProcess::ChildProcess(ChildProcess &&other) noexcept
    : pid_(std::exchange(other.pid_, -1)), name_(std::move(other.name_)), in_(std::move(other.in_)),
      out_(std::move(other.out_)) {}

ChildProcess &ChildProcess::operator=(ChildProcess &&other) noexcept {
    if (this != &other) {
        kill_and_reap();
        pid_ = std::exchange(other.pid_, -1);
        name_ = std::move(other.name_);
        in_ = std::move(other.in_);
        out_ = std::move(other.out_);
    }
    return *this;
}

ChildProcess::~ChildProcess() { kill_and_reap(); }

void ChildProcess::kill(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

void ChildProcess::kill_and_reap() {
    in_.reset();
    out_.reset();
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
}

Result<int> ChildProcess::wait() {
    if (pid_ <= 0) return Error::internal(name_ + " was already waited for");
    int status = 0;
    pid_t r;
    while ((r = ::waitpid(pid_, &status, 0)) < 0 && errno == EINTR) {
    }
    if (r < 0) return Error::sys("waitpid", name_ + " " + std::to_string(pid_));
    pid_ = -1;
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

void reset_signals_on_spawn(posix_spawnattr_t &attr) {
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

std::filesystem::path sibling_executable(const std::string &name) {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    auto path = self.parent_path() / name;
    if (::access(path.c_str(), X_OK) != 0) return {};
    return path;
}

}  // namespace berth::util
