#include "containers/log_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <iterator>
#include <optional>

#include <nlohmann/json.hpp>

#include "containers/time_format.h"
#include "util/unique_fd.h"

namespace berth::containers {

namespace fs = std::filesystem;

namespace {

std::optional<LogEntry> decode(const std::string &line) {
    try {
        auto j = nlohmann::json::parse(line);
        return LogEntry{j.value("stream", std::string("stdout")), j.value("log", std::string()),
                        j.value("time", std::string())};
    } catch (const std::exception &) {
        return std::nullopt;  // a line cut by a crash: skip it
    }
}

bool wanted(const LogEntry &e, const LogOptions &o) {
    if (e.stream == "stderr" ? !o.stderr_stream : !o.stdout_stream) return false;
    if (o.since_ns || o.until_ns) {
        auto t = parse_rfc3339_nano(e.time);
        if (!t) return true;
        if (o.since_ns && *t < *o.since_ns) return false;
        if (o.until_ns && *t >= *o.until_ns) return false;
    }
    return true;
}

// Reads complete lines from fd; keeps a partial last line in `partial`.
template <class F>
void read_lines(int fd, std::string &partial, F &&on_line) {
    char buf[65536];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        partial.append(buf, static_cast<std::size_t>(n));
        std::size_t start = 0, nl;
        while ((nl = partial.find('\n', start)) != std::string::npos) {
            on_line(partial.substr(start, nl - start));
            start = nl + 1;
        }
        partial.erase(0, start);
    }
}

// How long a follower sleeps without a change to the log before it looks again at
// whether the client left or the container exited (neither shows up as a file event).
constexpr int kFollowPollMs = 200;

// Wakes a follower when the log changes: the live file is written or closed, or a new file
// appears under its name (rotation renames <path> to <path>.1 and creates <path> again).
// Without inotify (watch limit reached) wait() degrades to a plain timed sleep.
class LogWatch {
public:
    explicit LogWatch(const fs::path &log_path) : path_(log_path) {
        fd_.reset(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
        if (fd_) ::inotify_add_watch(fd_.get(), log_path.parent_path().c_str(), IN_CREATE | IN_MOVED_TO);
    }

    // Call after opening the file the path names now; a watch follows an inode, not a name.
    void watch_file() {
        if (!fd_) return;
        if (file_wd_ >= 0) ::inotify_rm_watch(fd_.get(), file_wd_);  // EINVAL once the old file is gone
        file_wd_ = ::inotify_add_watch(fd_.get(), path_.c_str(), IN_MODIFY | IN_CLOSE_WRITE);
    }

    // Returns after an event or `timeout_ms`, having consumed every queued event.
    void wait(int timeout_ms) {
        pollfd p{fd_.get(), POLLIN, 0};
        if (::poll(fd_ ? &p : nullptr, fd_ ? 1 : 0, timeout_ms) <= 0 || !fd_) return;
        alignas(inotify_event) char buf[4096];
        while (::read(fd_.get(), buf, sizeof buf) > 0) {
        }
    }

private:
    fs::path path_;
    util::UniqueFd fd_;
    int file_wd_ = -1;
};

std::optional<ino_t> inode_of(const fs::path &p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return std::nullopt;
    return st.st_ino;
}

// The rotated files written after the file `done_ino` (which the reader has read to its
// end; none: all of them) and other than `live_ino` (the file the path names, which the
// caller holds open and reads next), opened, oldest first. When following, normally none:
// `done_ino` is <path>.1. When the log rotated again before the follower looked, the files
// in between are still there to be read; if `done_ino` was already deleted, every rotated
// file left is newer than it.
// Rotation renames <path>.N-1 to <path>.N from the oldest down, then <path> to <path>.1:
// a file only moves to a higher number. Scanning upwards therefore meets every file at
// least once (twice when it moves ahead of the scan: its inode tells), a number can be
// missing for a moment mid-rotation (so a gap does not end the scan), and each file is
// opened as it is met so that a later deletion cannot take its lines.
std::vector<util::UniqueFd> rotated_after(const fs::path &log_path, std::optional<ino_t> done_ino,
                                          std::optional<ino_t> live_ino) {
    std::vector<util::UniqueFd> newer;  // newest first while collecting
    std::vector<ino_t> seen;
    if (live_ino) seen.push_back(*live_ino);
    for (int i = 1; i <= 64; ++i) {
        const fs::path p = log_path.string() + "." + std::to_string(i);
        util::UniqueFd fd(::open(p.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat st {};
        if (!fd || ::fstat(fd.get(), &st) != 0) continue;
        if (st.st_ino == done_ino) break;
        if (std::find(seen.begin(), seen.end(), st.st_ino) != seen.end()) continue;
        seen.push_back(st.st_ino);
        newer.push_back(std::move(fd));
    }
    return {std::make_move_iterator(newer.rbegin()), std::make_move_iterator(newer.rend())};
}

// True if the file at `fd` was truncated below what was read (rotation with max-file 1
// truncates the live file in place): reading starts over from its beginning.
bool rewind_if_truncated(int fd) {
    struct stat st {};
    const off_t pos = ::lseek(fd, 0, SEEK_CUR);
    if (pos < 0 || ::fstat(fd, &st) != 0 || st.st_size >= pos) return false;
    ::lseek(fd, 0, SEEK_SET);
    return true;
}

}  // namespace

std::string mux_frame(int stream, const std::string &payload) {
    std::string out(8, '\0');
    out[0] = static_cast<char>(stream);
    const auto n = static_cast<std::uint32_t>(payload.size());
    out[4] = static_cast<char>((n >> 24) & 0xff);
    out[5] = static_cast<char>((n >> 16) & 0xff);
    out[6] = static_cast<char>((n >> 8) & 0xff);
    out[7] = static_cast<char>(n & 0xff);
    return out + payload;
}

std::string fixed_nano_time(const std::string &t) {
    auto ns = parse_rfc3339_nano(t);
    if (!ns) return t;
    const std::string base = format_rfc3339_nano(Clock::time_point{std::chrono::seconds(*ns / 1000000000)});
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%09lld", static_cast<long long>(*ns % 1000000000));
    return base.substr(0, base.size() - 1) + frac + "Z";
}

Result<void> read_logs(const fs::path &log_path, const LogOptions &o,
                       const std::function<bool(const LogEntry &)> &emit,
                       const std::function<bool()> &still_running) {
    // Rotated files: <path>.N (oldest) ... <path>.1, then <path>. The live file is opened
    // first: a rotation while the others are found then only moves it to <path>.1, which
    // is skipped there, instead of moving it out of sight between the two looks.
    util::UniqueFd live(::open(log_path.c_str(), O_RDONLY | O_CLOEXEC));
    std::optional<ino_t> live_ino;
    struct stat st {};
    if (live && ::fstat(live.get(), &st) == 0) live_ino = st.st_ino;
    const auto history = rotated_after(log_path, std::nullopt, live_ino);
    std::deque<LogEntry> tail;
    bool stop = false;
    auto consider = [&](const std::string &line) {
        if (stop) return;
        auto e = decode(line);
        if (!e || !wanted(*e, o)) return;
        if (o.tail >= 0) {
            tail.push_back(std::move(*e));
            if (static_cast<std::int64_t>(tail.size()) > o.tail) tail.pop_front();
        } else if (!emit(*e)) {
            stop = true;
        }
    };
    for (const auto &fd : history) {
        std::string partial;
        read_lines(fd.get(), partial, consider);
    }
    std::string partial;
    if (live) read_lines(live.get(), partial, consider);
    for (auto &e : tail) {
        if (stop) break;
        if (!emit(e)) stop = true;
    }
    if (!o.follow || stop) return {};

    // After the history, every new entry counts (tail applies to history only).
    auto follow_line = [&](const std::string &line) {
        if (stop) return;
        auto e = decode(line);
        if (e && wanted(*e, o) && !emit(*e)) stop = true;
    };
    // Waits on inotify instead of polling, so new lines reach the client at once.
    // `live_ino` names the file read so far; when the path names another one, that file
    // is finished first, then any rotated in between, then the new one from its start.
    LogWatch watch(log_path);
    if (live) watch.watch_file();
    bool running = true;
    while (!stop) {
        running = still_running();
        if (!live) {
            live.reset(::open(log_path.c_str(), O_RDONLY | O_CLOEXEC));
            if (live) {
                watch.watch_file();
                if (live_ino && ::fstat(live.get(), &st) == 0 && st.st_ino != *live_ino)
                    for (const auto &fd : rotated_after(log_path, *live_ino, st.st_ino)) {
                        std::string rest;
                        read_lines(fd.get(), rest, follow_line);
                    }
                if (::fstat(live.get(), &st) == 0) live_ino = st.st_ino;
                partial.clear();
            }
        }
        if (live) {
            if (rewind_if_truncated(live.get())) partial.clear();
            read_lines(live.get(), partial, follow_line);
            // Rotation: the path names a new file (or none, mid-rotation). The writer has
            // moved on, so what was read is all the old file holds; reopen next round.
            const auto now_ino = inode_of(log_path);
            if (!now_ino || *now_ino != live_ino) {
                read_lines(live.get(), partial, follow_line);
                live.reset();
                continue;
            }
        }
        if (!running) break;  // one last read above happened after the exit was seen
        if (o.until_ns && std::chrono::duration_cast<std::chrono::nanoseconds>(
                               Clock::now().time_since_epoch()).count() >= *o.until_ns)
            break;
        watch.wait(kFollowPollMs);
    }
    return {};
}

}  // namespace berth::containers
