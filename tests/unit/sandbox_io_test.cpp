// Privileged: the monitor's I/O and process modes — TTY, attach, stdin, start gate, the
// tiny init, detaching from its parent, and a rootfs of many layers.
#include <gtest/gtest.h>

#include <poll.h>

#include "sandbox/attach.h"
#include "sandbox_support.h"

using namespace sandbox_test;
namespace attach = berth::sandbox::attach;

#define REQUIRE_ROOT() \
    if (!is_root()) GTEST_SKIP() << "needs root"

namespace {

// Everything a client receives until the monitor closes the connection.
std::string read_until_eof(int fd, int timeout_ms = 10000) {
    std::string out;
    char buf[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, timeout_ms) <= 0) break;
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

void send_all(int fd, const std::string &s) { ASSERT_EQ(::write(fd, s.data(), s.size()), static_cast<ssize_t>(s.size())); }

}  // namespace

TEST(SandboxIo, TtyModeGivesATerminal) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "[ -t 0 ] && [ -t 1 ] && echo isatty; stty size"});
    b.spec.process.terminal = true;
    b.spec.process.console_size = {33, 101};
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    // A terminal turns "\n" into "\r\n"; stdout and stderr are one stream.
    EXPECT_EQ(b.log_text(), "isatty\r\n33 101\r\n");
}

TEST(SandboxIo, AttachClientGetsMultiplexedFrames) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo out; echo err >&2"});
    b.spec.start_gate = true;
    b.start_line = b.start();
    ASSERT_NE(b.start_line.find("\"created\""), std::string::npos) << b.start_line;
    int fd = connect_unix((b.dir / "attach.sock").string());
    ASSERT_GE(fd, 0);
    b.send_start();
    EXPECT_NE(b.read_line().find("\"running\""), std::string::npos);
    std::string wire = read_until_eof(fd);
    ::close(fd);
    auto frames = attach::parse_frames(wire);
    std::string out, err;
    for (auto &f : frames) (f.type == attach::kStdout ? out : err) += f.payload;
    EXPECT_EQ(out, "out\n");
    EXPECT_EQ(err, "err\n");
    EXPECT_EQ(b.wait_exit().exit_code, 0);
}

TEST(SandboxIo, StdinOnceClosesStdinWhenTheClientLeaves) {
    REQUIRE_ROOT();
    Bundle b({"cat"});
    b.spec.process.open_stdin = true;
    b.spec.process.stdin_once = true;
    b.spec.start_gate = true;
    b.start_line = b.start();
    int fd = connect_unix((b.dir / "attach.sock").string());
    ASSERT_GE(fd, 0);
    b.send_start();
    b.read_line();
    send_all(fd, attach::frame(attach::kStdin, "hello\n", 6));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::close(fd);  // detaching ends cat's input
    auto st = b.wait_exit();
    EXPECT_EQ(st.exit_code, 0) << st.error;
    EXPECT_EQ(b.log_text(), "hello\n");
}

TEST(SandboxIo, AbortedStartGateLeavesNothingRunning) {
    REQUIRE_ROOT();
    Bundle b({"sleep", "30"});
    b.spec.start_gate = true;
    b.start_line = b.start();
    ASSERT_NE(b.start_line.find("\"created\""), std::string::npos) << b.start_line;
    const pid_t init = b.init_pid;
    ::close(b.ready);  // the daemon went away before "start"
    auto st = b.wait_exit();
    EXPECT_NE(st.error.find("aborted"), std::string::npos) << st.error;
    EXPECT_FALSE(alive(init));
    EXPECT_FALSE(berth::sandbox::cgroups::Cgroup::open(b.spec.cgroup.path).ok());
}

TEST(SandboxIo, TinyInitIsPidOneAndPassesTheExitCode) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo $$; exit 5"});
    b.spec.init = true;
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 5) << b.start_line;
    EXPECT_NE(b.log_text(), "1\n");  // the init is 1, the shell is not
}

TEST(SandboxIo, TinyInitForwardsSignals) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "trap 'echo got TERM; exit 7' TERM; while true; do sleep 0.05; done"});
    b.spec.init = true;
    b.start_line = b.start();
    ASSERT_GT(b.init_pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    ::kill(b.init_pid, SIGTERM);
    auto st = b.wait_exit();
    EXPECT_EQ(st.exit_code, 7);
    EXPECT_EQ(b.log_text(), "got TERM\n");
}

TEST(SandboxIo, MonitorOutlivesItsParent) {
    REQUIRE_ROOT();
    Bundle b({"sleep", "0.5"});
    b.start_line = b.start();  // the process the test forked has exited already
    ASSERT_TRUE(alive(b.monitor_pid));
    auto status = read_text("/proc/" + std::to_string(b.monitor_pid) + "/status");
    EXPECT_EQ(status.find("PPid:\t" + std::to_string(::getpid()) + "\n"), std::string::npos);
    EXPECT_EQ(b.wait_exit().exit_code, 0);
}

TEST(SandboxIo, ManyLayersMount) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "cat /layer0 /layer139"});
    std::vector<std::string> lower = {b.spec.rootfs.lower[0]};
    for (int i = 0; i < 140; ++i) {
        auto d = b.dir / "layers" / ("sha256-" + std::string(64, 'a' + i % 6) + std::to_string(i)) / "diff";
        fs::create_directories(d);
        std::ofstream(d / ("layer" + std::to_string(i))) << i << "\n";
        lower.push_back(d.string());
    }
    b.spec.rootfs.lower = lower;
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    EXPECT_EQ(b.log_text(), "0\n139\n");
}
