#include "util/log.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>

#include "util/unique_fd.h"

namespace berth::log {
namespace {

struct Sinks {
    std::mutex mu;
    bool to_stderr = true;
    util::UniqueFd file;
};

Sinks &sinks() {
    static Sinks s;
    return s;
}

std::atomic<int> g_min_level{static_cast<int>(Level::Info)};

std::string timestamp() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t secs = system_clock::to_time_t(now);
    const auto micros = duration_cast<microseconds>(now.time_since_epoch()).count() % 1000000;
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[80];
    std::snprintf(out, sizeof out, "%s.%06lldZ", buf, static_cast<long long>(micros));
    return out;
}

void write_fully(int fd, const std::string &line) {
    std::size_t off = 0;
    while (off < line.size()) {
        const ssize_t n = ::write(fd, line.data() + off, line.size() - off);
        if (n < 0) {
            if (errno == EINTR) continue;
            return;  // nowhere left to report a failing log sink
        }
        off += static_cast<std::size_t>(n);
    }
}

}  // namespace

Result<Level> parse_level(std::string_view name) {
    if (name == "debug" || name == "trace") return Level::Debug;
    if (name == "info") return Level::Info;
    if (name == "warn" || name == "warning") return Level::Warn;
    if (name == "error" || name == "fatal" || name == "panic") return Level::Error;
    return Error::invalid("unknown log level `" + std::string(name) +
                          "` (expected debug, info, warn or error)");
}

std::string_view level_name(Level level) {
    switch (level) {
    case Level::Debug: return "debug";
    case Level::Info: return "info";
    case Level::Warn: return "warn";
    case Level::Error: return "error";
    }
    return "info";
}

Result<void> configure(Level min_level, bool to_stderr, const std::filesystem::path &file) {
    util::UniqueFd fd;
    if (!file.empty()) {
        fd.reset(::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640));
        if (!fd) return Error::sys("open log file", file.string());
    }
    Sinks &s = sinks();
    std::lock_guard lock(s.mu);
    s.to_stderr = to_stderr;
    s.file = std::move(fd);
    g_min_level = static_cast<int>(min_level);
    return {};
}

bool enabled(Level level) { return static_cast<int>(level) >= g_min_level.load(); }

void write(Level level, std::string_view message) {
    if (!enabled(level)) return;
    std::string line = timestamp();
    line += ' ';
    line += level_name(level);
    line += ' ';
    line += message;
    line += '\n';
    Sinks &s = sinks();
    std::lock_guard lock(s.mu);
    if (s.to_stderr) write_fully(STDERR_FILENO, line);
    if (s.file) write_fully(s.file.get(), line);
}

}  // namespace berth::log
