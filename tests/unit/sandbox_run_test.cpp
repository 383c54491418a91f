// Privileged: real containers from a busybox rootfs, run by the monitor.
#include <gtest/gtest.h>

#include "sandbox_support.h"

using namespace sandbox_test;

#define REQUIRE_ROOT() \
    if (!is_root()) GTEST_SKIP() << "needs root"

TEST(SandboxRun, EchoReachesTheJsonLog) {
    REQUIRE_ROOT();
    Bundle b({"echo", "hi"});
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line << " " << st.error;
    EXPECT_EQ(b.log_text(), "hi\n");
    auto line = read_text(b.spec.log.path);
    auto j = nlohmann::json::parse(line.substr(0, line.find('\n')));
    EXPECT_EQ(j["stream"], "stdout");
    EXPECT_EQ(j["time"].get<std::string>().size(), 30u);  // 2026-11-25T11:29:38.123456789Z
}

TEST(SandboxRun, ShellIsPidOne) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo $$"});
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    EXPECT_EQ(b.log_text(), "1\n");
}

TEST(SandboxRun, HostnameIsSet) {
    REQUIRE_ROOT();
    Bundle b({"hostname"});
    b.run();
    EXPECT_EQ(b.log_text(), "sandboxtest\n");
}

TEST(SandboxRun, HostProcessesAreInvisible) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "ls /proc | grep -c '^[0-9]'"});
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    // sh, and ls or grep: a handful, never the host's hundreds.
    EXPECT_LE(std::stoi(b.log_text()), 4) << b.log_text();
}

TEST(SandboxRun, ExitCodePropagates) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "exit 3"});
    EXPECT_EQ(b.run().exit_code, 3) << b.start_line;
}

TEST(SandboxRun, KilledBySigkillIs137) {
    REQUIRE_ROOT();
    // The daemon kills the init pid from the host (inside, PID 1 ignores SIGKILL).
    Bundle b({"sleep", "100"});
    b.start_line = b.start();
    ASSERT_GT(b.init_pid, 0) << b.start_line;
    ::kill(b.init_pid, SIGKILL);
    EXPECT_EQ(b.wait_exit().exit_code, 137);
}

TEST(SandboxRun, MissingCommandFailsStartWith127) {
    REQUIRE_ROOT();
    Bundle b({"no-such-command"});
    auto st = b.run();
    EXPECT_NE(b.start_line.find("\"error\""), std::string::npos) << b.start_line;
    EXPECT_NE(b.start_line.find("no-such-command"), std::string::npos) << b.start_line;
    EXPECT_EQ(st.exit_code, 127);
}

TEST(SandboxRun, MountIsRefusedBySeccomp) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "mount -t tmpfs x /tmp 2>&1; echo rc=$?"});
    b.run();
    EXPECT_NE(b.log_text().find("rc=1"), std::string::npos) << b.log_text();
    EXPECT_NE(b.log_text().find("ermission"), std::string::npos) << b.log_text();  // "Operation not permitted"
}

TEST(SandboxRun, ProcSysIsReadOnly) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo 1 > /proc/sys/kernel/domainname 2>/dev/null; echo rc=$?"});
    b.run();
    EXPECT_EQ(b.log_text(), "rc=1\n") << b.log_text("stderr");
}

TEST(SandboxRun, MaskedProcFilesReadEmpty) {
    REQUIRE_ROOT();
    // /proc/kcore exists only with CONFIG_PROC_KCORE; check every masked file the host has.
    std::string script;
    for (const char *p : {"/proc/kcore", "/proc/keys", "/proc/timer_list", "/proc/sched_debug"})
        if (fs::exists(p)) script += std::string("wc -c < ") + p + "; ";
    ASSERT_FALSE(script.empty());
    Bundle b({"sh", "-c", script + "ls /sys/firmware | wc -l"});
    b.run();
    std::istringstream out(b.log_text());
    std::string line;
    int lines = 0;
    while (std::getline(out, line)) {
        EXPECT_EQ(line, "0");
        ++lines;
    }
    EXPECT_GE(lines, 2) << b.log_text("stderr");
}

TEST(SandboxRun, NewUserNamespaceIsRefused) {
    REQUIRE_ROOT();
    Bundle b({"unshare", "-U", "true"});
    auto st = b.run();
    EXPECT_NE(st.exit_code, 0);
}

TEST(SandboxRun, DefaultCapabilitiesOnly) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "grep -E '^Cap(Bnd|Eff|Inh|Amb)' /proc/self/status"});
    b.run();
    // Docker's default set is 0x00000000a80425fb.
    EXPECT_NE(b.log_text().find("CapBnd:\t00000000a80425fb"), std::string::npos) << b.log_text();
    EXPECT_NE(b.log_text().find("CapEff:\t00000000a80425fb"), std::string::npos) << b.log_text();
    EXPECT_NE(b.log_text().find("CapInh:\t0000000000000000"), std::string::npos) << b.log_text();
}

TEST(SandboxRun, NonRootUserHasNoEffectiveCapabilities) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "id -u; grep -E '^CapEff' /proc/self/status"});
    b.spec.process.uid = 65534;
    b.spec.process.gid = 65534;
    b.run();
    EXPECT_EQ(b.log_text(), "65534\nCapEff:\t0000000000000000\n") << b.start_line;
}

TEST(SandboxRun, StderrIsItsOwnStream) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo out; echo err >&2"});
    b.run();
    EXPECT_EQ(b.log_text("stdout"), "out\n");
    EXPECT_EQ(b.log_text("stderr"), "err\n");
}

TEST(SandboxRun, ReadonlyRootfsRefusesWrites) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "touch /x 2>/dev/null; echo rc=$?; touch /dev/shm/y; echo shm=$?"});
    b.spec.rootfs.readonly = true;
    b.run();
    EXPECT_EQ(b.log_text(), "rc=1\nshm=0\n") << b.start_line;
}

TEST(SandboxRun, WritesLandInTheUpperLayer) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "echo data > /tmp/f"});
    b.run();
    EXPECT_EQ(read_text(b.dir / "upper/tmp/f"), "data\n");
    EXPECT_FALSE(fs::exists(b.dir / "lower/tmp/f"));
}

TEST(SandboxRun, TeardownLeavesNothing) {
    REQUIRE_ROOT();
    std::string cg_path;
    std::string dir;
    pid_t monitor = -1, init = -1;
    {
        Bundle b({"sh", "-c", "sleep 0.2"});
        b.run();
        cg_path = b.spec.cgroup.path;
        dir = b.dir.string();
        monitor = b.monitor_pid;
        init = b.init_pid;
        EXPECT_FALSE(berth::sandbox::cgroups::Cgroup::open(cg_path).ok()) << "cgroup left";
        EXPECT_EQ(read_text("/proc/self/mountinfo").find(dir), std::string::npos) << "mount left";
        EXPECT_FALSE(alive(monitor)) << "monitor still running";
        EXPECT_FALSE(alive(init)) << "init still running";
        EXPECT_FALSE(fs::exists(b.dir / "attach.sock"));
    }
}
