// The monitor's event loop (see io_loop.h).
#include "sandbox/io_loop.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

#include "sandbox/pty.h"

namespace berth::sandbox {

int exit_code_of(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return 255;
}

namespace {

int64_t now_ms() {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

class Loop final : public attach::Events {
public:
    explicit Loop(IoSetup &io) : io_(io) {
        if (io_.in) fcntl(io_.in.get(), F_SETFL, fcntl(io_.in.get(), F_GETFL) | O_NONBLOCK);
    }

    void on_stdin(const std::string &bytes) override {
        if (io_.open_stdin && io_.in) pending_in_ += bytes;
    }
    void on_stdin_close() override { close_stdin(); }
    void on_resize(uint16_t rows, uint16_t cols) override {
        if (io_.tty && io_.out) (void)pty::resize(io_.out.get(), rows, cols);
    }
    void on_detach(bool sent_stdin) override {
        // With a TTY, Docker leaves stdin open when an attach ends (detach keys keep the
        // session alive); without one, StdinOnce closes it.
        if (io_.stdin_once && sent_stdin && !io_.tty) close_stdin();
    }

    void close_stdin() {
        if (!io_.in) return;
        flush_stdin();
        if (io_.tty) {
            // A pty has no EOF of its own: ^D at the start of a line is the terminal's.
            (void)!::write(io_.in.get(), "\x04", 1);
        }
        io_.in.reset();
        pending_in_.clear();
    }

    void flush_stdin() {
        while (io_.in && !pending_in_.empty()) {
            ssize_t n = ::write(io_.in.get(), pending_in_.data(), pending_in_.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EAGAIN) return;
            if (n < 0) {  // the process closed its stdin
                io_.in.reset();
                pending_in_.clear();
                return;
            }
            pending_in_.erase(0, static_cast<size_t>(n));
        }
    }

    // Reads one chunk; false at EOF (a pty reports EIO once every slave is closed).
    bool pump(sys::UniqueFd &fd, const char *stream, uint8_t type) {
        char buf[32768];
        ssize_t n = ::read(fd.get(), buf, sizeof buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
        if (n <= 0) {
            fd.reset();
            return false;
        }
        if (io_.log) (void)io_.log->write(stream, buf, static_cast<size_t>(n));
        if (io_.attach) {
            if (io_.tty)
                io_.attach->broadcast(std::string(buf, static_cast<size_t>(n)));
            else
                io_.attach->broadcast(attach::frame(type, buf, static_cast<size_t>(n)));
        }
        return true;
    }

    Result<int> run(pid_t child) {
        sigset_t mask;
        sigemptyset(&mask);
        sigaddset(&mask, SIGCHLD);
        sys::UniqueFd sfd(signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK));
        if (!sfd) return Error::sys("signalfd", "SIGCHLD");
        // Clients that connected while the start gate held the process.
        if (io_.attach) io_.attach->accept_all();
        bool exited = false;
        int status = 0;
        int64_t drain_deadline = 0;
        for (;;) {
            if (!exited) {
                int st;
                pid_t r = waitpid(child, &st, WNOHANG);
                if (r == child) {
                    exited = true;
                    status = st;
                    // Every process of the PID namespace dies with its init; the pipes
                    // reach EOF at once. The deadline covers a writer outside of it.
                    drain_deadline = now_ms() + 2000;
                }
            }
            if (exited && !io_.out && !io_.err) break;
            if (exited && now_ms() > drain_deadline) break;

            std::vector<pollfd> fds;
            fds.push_back({sfd.get(), POLLIN, 0});
            const size_t out_i = fds.size();
            fds.push_back({io_.out ? io_.out.get() : -1, POLLIN, 0});
            const size_t err_i = fds.size();
            fds.push_back({io_.err ? io_.err.get() : -1, POLLIN, 0});
            const size_t in_i = fds.size();
            fds.push_back({io_.in && !pending_in_.empty() && !io_.tty ? io_.in.get() : -1, POLLOUT, 0});
            const size_t listen_i = fds.size();
            fds.push_back({io_.attach ? io_.attach->listen_fd() : -1, POLLIN, 0});
            const size_t clients_i = fds.size();
            if (io_.attach)
                for (auto [fd, wants_out] : io_.attach->clients())
                    fds.push_back({fd, static_cast<short>(POLLIN | (wants_out ? POLLOUT : 0)), 0});
            // With a TTY, stdin shares the master fd: retry pending input on a timer.
            const int timeout = exited ? 100 : (io_.tty && !pending_in_.empty() ? 20 : -1);
            int n = poll(fds.data(), fds.size(), timeout);
            if (n < 0 && errno != EINTR) return Error::sys("poll", "monitor");
            if (n <= 0) {
                flush_stdin();
                continue;
            }
            if (fds[0].revents) {
                signalfd_siginfo si;
                while (::read(sfd.get(), &si, sizeof si) == sizeof si) {
                }
            }
            // Clients first: one that connected before this output must see it.
            if (fds[listen_i].revents) io_.attach->accept_all();
            if (fds[out_i].revents) pump(io_.out, "stdout", attach::kStdout);
            if (fds[err_i].revents) pump(io_.err, "stderr", attach::kStderr);
            if (fds[in_i].revents & (POLLERR | POLLHUP)) {
                io_.in.reset();
                pending_in_.clear();
            } else if (fds[in_i].revents) {
                flush_stdin();
            }
            if (io_.tty) flush_stdin();
            for (size_t i = clients_i; i < fds.size(); ++i) {
                if (fds[i].revents & POLLOUT) io_.attach->on_writable(fds[i].fd);
                if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) io_.attach->on_readable(fds[i].fd, *this);
            }
        }
        if (io_.log) (void)io_.log->flush();
        return status;
    }

private:
    IoSetup &io_;
    std::string pending_in_;
};

}  // namespace

Result<int> run_io(IoSetup io, pid_t child) {
    Loop loop(io);
    return loop.run(child);
}

}  // namespace berth::sandbox
