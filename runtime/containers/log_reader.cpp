#include "containers/log_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <deque>
#include <thread>

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
    // Rotated files: <path>.N (oldest) ... <path>.1, then <path>.
    std::vector<fs::path> files;
    for (int i = 64; i >= 1; --i) {
        fs::path p = log_path.string() + "." + std::to_string(i);
        if (fs::exists(p)) files.push_back(p);
    }
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
    for (const auto &f : files) {
        util::UniqueFd fd(::open(f.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd) continue;
        std::string partial;
        read_lines(fd.get(), partial, consider);
    }
    util::UniqueFd live(::open(log_path.c_str(), O_RDONLY | O_CLOEXEC));
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
    bool running = true;
    while (!stop) {
        running = still_running();
        if (!live) live.reset(::open(log_path.c_str(), O_RDONLY | O_CLOEXEC));
        if (live) {
            read_lines(live.get(), partial, follow_line);
            // Rotation: the path now names a new file; finish the old one, switch over.
            struct stat a {}, b {};
            if (::fstat(live.get(), &a) == 0 && ::stat(log_path.c_str(), &b) == 0 && a.st_ino != b.st_ino) {
                read_lines(live.get(), partial, follow_line);
                live.reset(::open(log_path.c_str(), O_RDONLY | O_CLOEXEC));
                partial.clear();
                continue;
            }
        }
        if (!running) break;  // one last read above happened after the exit was seen
        if (o.until_ns && std::chrono::duration_cast<std::chrono::nanoseconds>(
                               Clock::now().time_since_epoch()).count() >= *o.until_ns)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return {};
}

}  // namespace berth::containers
