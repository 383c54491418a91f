// Privileged: exec-process enters a running container (namespaces, cgroup, security).
#include <gtest/gtest.h>

#include <poll.h>

#include "sandbox/attach.h"
#include "sandbox_support.h"

using namespace sandbox_test;
namespace attach = berth::sandbox::attach;

#define REQUIRE_ROOT() \
    if (!is_root()) GTEST_SKIP() << "needs root"

namespace {

std::string drain(int fd) {
    std::string out;
    char buf[4096];
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0) break;
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<size_t>(n));
    }
    return out;
}

berth::sandbox::ExitStatus wait_exec_exit(const fs::path &dir) {
    for (int i = 0; i < 500; ++i) {
        auto st = berth::sandbox::load_exit_status((dir / "exit.json").string());
        if (st) return *st;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    berth::sandbox::ExitStatus none;
    none.exit_code = -1;
    return none;
}

}  // namespace

TEST(SandboxExec, RunsInsideTheContainer) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo marker > /tmp/m; sleep 30"});
    b.start_line = b.start();
    ASSERT_GT(b.init_pid, 0) << b.start_line;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));

    berth::sandbox::ExecSpec e;
    e.id = "e1";
    e.process.args = {"sh", "-c", "hostname; cat /tmp/m; cat /proc/1/cmdline | tr '\\0' ' '; echo; "
                                  "grep CapEff /proc/self/status; echo oops >&2; exit 4"};
    e.process.env = {"PATH=/bin"};
    e.start_gate = true;
    auto [ready, line] = b.start_exec(e);
    ASSERT_NE(line.find("\"created\""), std::string::npos) << line;
    int client = connect_unix((b.dir / "exec/e1/attach.sock").string());
    ASSERT_GE(client, 0);
    ASSERT_EQ(::write(ready, "start\n", 6), 6);
    std::string wire = drain(client);
    ::close(client);
    ::close(ready);
    std::string out, err;
    for (auto &f : attach::parse_frames(wire)) (f.type == attach::kStdout ? out : err) += f.payload;
    // busybox sh execs its last command, so PID 1 is sleep by now.
    EXPECT_EQ(out, "sandboxtest\nmarker\nsleep 30 \nCapEff:\t00000000a80425fb\n");
    EXPECT_EQ(err, "oops\n");
    EXPECT_EQ(wait_exec_exit(b.dir / "exec/e1").exit_code, 4);
    // Exec output stays out of the container's log.
    EXPECT_EQ(b.log_text(), "");
    ::kill(b.init_pid, SIGKILL);
    EXPECT_EQ(b.wait_exit().exit_code, 137);
}

TEST(SandboxExec, RefusedWhenTheContainerIsNotRunning) {
    REQUIRE_ROOT();
    Bundle b({"true"});
    b.run();
    berth::sandbox::ExecSpec e;
    e.id = "late";
    e.process.args = {"true"};
    auto [ready, line] = b.start_exec(e);
    ::close(ready);
    EXPECT_NE(line.find("not running"), std::string::npos) << line;
}

TEST(SandboxExec, MissingCommandIs127) {
    REQUIRE_ROOT();
    Bundle b({"sleep", "30"});
    b.start_line = b.start();
    berth::sandbox::ExecSpec e;
    e.id = "nocmd";
    e.process.args = {"no-such-thing"};
    auto [ready, line] = b.start_exec(e);
    ::close(ready);
    EXPECT_NE(line.find("\"error\""), std::string::npos) << line;
    EXPECT_EQ(wait_exec_exit(b.dir / "exec/nocmd").exit_code, 127);
    ::kill(b.init_pid, SIGKILL);
    b.wait_exit();
}
