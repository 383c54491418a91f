// `logs -f` follower: new lines arrive as they are written (inotify, not the poll timeout),
// in order, and none is lost or repeated when the log rotates under the reader.
#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "containers/log_reader.h"
#include "sandbox/json_log.h"

namespace {

namespace fs = std::filesystem;
using namespace berth::containers;
using Clock = std::chrono::steady_clock;

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/berth-log-follow-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

// Runs read_logs with follow on a thread until stop() and collects what it emits.
class Follower {
public:
    explicit Follower(const fs::path &log) {
        thread_ = std::thread([this, log] {
            LogOptions o;
            o.follow = true;
            ok_ = read_logs(
                      log, o,
                      [this](const LogEntry &e) {
                          std::lock_guard lock(mu_);
                          lines_.push_back(e.text);
                          cv_.notify_all();
                          return true;
                      },
                      [this] { return !stopping_; })
                      .ok();
        });
    }
    ~Follower() { stop(); }

    // Asks the follower to finish (as when the container exits) and waits for it.
    void stop() {
        stopping_ = true;
        if (thread_.joinable()) thread_.join();
    }
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, timeout, [&] { return lines_.size() >= count; });
    }
    std::vector<std::string> lines() {
        std::lock_guard lock(mu_);
        return lines_;
    }
    bool ok() const { return ok_; }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::string> lines_;
    std::atomic<bool> stopping_{false};
    bool ok_ = false;
    std::thread thread_;
};

TEST(LogFollow, NewLinesArriveWithoutWaitingForThePollTimeout) {
    TempDir t;
    const fs::path log = t.path / "c-json.log";
    auto writer = berth::sandbox::JsonLog::open(log.string(), 0, 1);
    ASSERT_TRUE(writer.ok());
    Follower follower(log);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let it reach its wait
    std::vector<double> latencies_ms;
    for (std::size_t i = 1; i <= 5; ++i) {
        const auto start = Clock::now();
        const std::string text = "line " + std::to_string(i) + "\n";
        ASSERT_TRUE(writer->write("stdout", text.data(), text.size()).ok());
        ASSERT_TRUE(follower.wait_for(i, std::chrono::seconds(5))) << "line " << i << " never arrived";
        latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }
    follower.stop();
    EXPECT_TRUE(follower.ok());
    // The follower wakes at least every 200 ms anyway; a median well under that shows it
    // woke on the write itself.
    std::sort(latencies_ms.begin(), latencies_ms.end());
    EXPECT_LT(latencies_ms[2], 100.0);
}

TEST(LogFollow, RotationLosesAndRepeatsNothing) {
    TempDir t;
    const fs::path log = t.path / "c-json.log";
    // About 20 lines per file, up to 20 files: the follower may fall well behind and
    // still find every rotated file it has not read. The whole run fits in 20 files, so
    // nothing is deleted before it is read however slow the follower is (a follower more
    // than max-file files behind loses lines, as Docker's does).
    auto writer = berth::sandbox::JsonLog::open(log.string(), 1500, 20);
    ASSERT_TRUE(writer.ok());
    constexpr int kHistory = 30, kLive = 300;
    for (int i = 0; i < kHistory; ++i) {
        const std::string text = "line " + std::to_string(i) + "\n";
        ASSERT_TRUE(writer->write("stdout", text.data(), text.size()).ok());
    }
    ASSERT_TRUE(fs::exists(log.string() + ".1"));
    Follower follower(log);
    for (int i = kHistory; i < kHistory + kLive; ++i) {
        const std::string text = "line " + std::to_string(i) + "\n";
        ASSERT_TRUE(writer->write("stdout", text.data(), text.size()).ok());
        if (i % 10 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    const bool all = follower.wait_for(kHistory + kLive, std::chrono::seconds(10));
    follower.stop();
    EXPECT_TRUE(all);
    EXPECT_TRUE(follower.ok());
    const auto lines = follower.lines();
    ASSERT_EQ(lines.size(), static_cast<std::size_t>(kHistory + kLive));
    for (int i = 0; i < kHistory + kLive; ++i)
        ASSERT_EQ(lines[static_cast<std::size_t>(i)], "line " + std::to_string(i) + "\n") << "at " << i;
}

TEST(LogFollow, TruncationInPlaceStartsOverAtTheTop) {
    TempDir t;
    const fs::path log = t.path / "c-json.log";
    // max-file 1: the live file is truncated when it is full instead of renamed.
    auto writer = berth::sandbox::JsonLog::open(log.string(), 400, 1);
    ASSERT_TRUE(writer.ok());
    Follower follower(log);
    for (int i = 0; i < 40; ++i) {
        const std::string text = "line " + std::to_string(i) + "\n";
        ASSERT_TRUE(writer->write("stdout", text.data(), text.size()).ok());
        ASSERT_TRUE(follower.wait_for(static_cast<std::size_t>(i + 1), std::chrono::seconds(5)))
            << "line " << i << " never arrived";
    }
    follower.stop();
    const auto lines = follower.lines();
    ASSERT_EQ(lines.size(), 40u);
    for (int i = 0; i < 40; ++i) EXPECT_EQ(lines[static_cast<std::size_t>(i)], "line " + std::to_string(i) + "\n");
}

}  // namespace
