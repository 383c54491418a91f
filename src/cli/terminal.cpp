#include "cli/terminal.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace berth::cli::terminal {
namespace {

// One raw terminal per process: what the signal handler needs must be plain globals.
int g_raw_fd = -1;
termios g_saved{};
volatile sig_atomic_t g_raw_active = 0;
int g_winch_pipe[2] = {-1, -1};

constexpr int kFatalSignals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGSEGV, SIGBUS, SIGFPE};
struct sigaction g_previous[sizeof kFatalSignals / sizeof kFatalSignals[0]];

// Restores the terminal, then lets the signal do what it would have done.
void on_fatal_signal(int sig) {
    if (g_raw_active) {
        ::tcsetattr(g_raw_fd, TCSANOW, &g_saved);
        g_raw_active = 0;
    }
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void on_winch(int) {
    const int saved_errno = errno;
    if (g_winch_pipe[1] >= 0) (void)!::write(g_winch_pipe[1], "w", 1);
    errno = saved_errno;
}

}  // namespace

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

std::optional<std::pair<int, int>> size(int fd) {
    winsize ws{};
    if (::ioctl(fd, TIOCGWINSZ, &ws) < 0) return std::nullopt;
    return std::make_pair(static_cast<int>(ws.ws_row), static_cast<int>(ws.ws_col));
}

Result<RawMode> RawMode::enable(int fd) {
    if (g_raw_active) return Error::internal("the terminal is already in raw mode");
    termios saved{};
    if (::tcgetattr(fd, &saved) < 0) return Error::sys("tcgetattr", "terminal");
    termios raw = saved;
    ::cfmakeraw(&raw);
    // Keep output post-processing off as docker does, but let reads return single bytes.
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    g_raw_fd = fd;
    g_saved = saved;
    struct sigaction sa{};
    sa.sa_handler = on_fatal_signal;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
        ::sigaction(kFatalSignals[i], &sa, &g_previous[i]);
    g_raw_active = 1;
    if (::tcsetattr(fd, TCSANOW, &raw) < 0) {  // not FLUSH: keys typed ahead must reach the session
        const int e = errno;
        g_raw_active = 0;
        for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
            ::sigaction(kFatalSignals[i], &g_previous[i], nullptr);
        return Error::sys("tcsetattr", "terminal", e);
    }
    RawMode m;
    m.active_ = true;
    return m;
}

RawMode &RawMode::operator=(RawMode &&other) noexcept {
    if (this != &other) {
        restore();
        active_ = std::exchange(other.active_, false);
    }
    return *this;
}

void RawMode::restore() {
    if (!active_) return;
    active_ = false;
    if (g_raw_active) ::tcsetattr(g_raw_fd, TCSANOW, &g_saved);
    g_raw_active = 0;
    for (std::size_t i = 0; i < sizeof kFatalSignals / sizeof kFatalSignals[0]; ++i)
        ::sigaction(kFatalSignals[i], &g_previous[i], nullptr);
}

Result<WinchWatcher> WinchWatcher::open() {
    if (g_winch_pipe[0] >= 0) return Error::internal("a window-size watcher already exists");
    if (::pipe2(g_winch_pipe, O_CLOEXEC | O_NONBLOCK) < 0) return Error::sys("pipe", "SIGWINCH");
    struct sigaction sa{};
    sa.sa_handler = on_winch;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGWINCH, &sa, nullptr);
    WinchWatcher w;
    w.active_ = true;
    return w;
}

WinchWatcher::~WinchWatcher() {
    if (!active_) return;
    ::signal(SIGWINCH, SIG_DFL);
    ::close(g_winch_pipe[0]);
    ::close(g_winch_pipe[1]);
    g_winch_pipe[0] = g_winch_pipe[1] = -1;
}

int WinchWatcher::fd() const { return active_ ? g_winch_pipe[0] : -1; }

void WinchWatcher::drain() {
    char buf[64];
    while (active_ && ::read(g_winch_pipe[0], buf, sizeof buf) > 0) {
    }
}

}  // namespace berth::cli::terminal
