// Privileged: cgroup limits on real containers (memory/OOM, pids, freezer, stats).
#include <gtest/gtest.h>

#include "sandbox_support.h"

using namespace sandbox_test;
using berth::sandbox::cgroups::Cgroup;

#define REQUIRE_ROOT() \
    if (!is_root()) GTEST_SKIP() << "needs root"

TEST(SandboxLimits, MemoryHogIsOomKilledAndRecorded) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "x=a; while true; do x=$x$x; done"});
    b.spec.cgroup.limits.memory = 20 << 20;
    b.spec.cgroup.limits.memory_swap = 20 << 20;  // no swap, so the hog cannot hide in it
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 137) << b.start_line << " " << st.error;
    EXPECT_TRUE(st.oom_killed);
}

TEST(SandboxLimits, NormalExitIsNotOom) {
    REQUIRE_ROOT();
    Bundle b({"true"});
    b.spec.cgroup.limits.memory = 20 << 20;
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0);
    EXPECT_FALSE(st.oom_killed);
}

TEST(SandboxLimits, PidsLimitStopsAForkLoop) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "i=0; while [ $i -lt 30 ]; do sleep 5 & i=$((i+1)); done; echo done"});
    b.spec.cgroup.limits.pids_limit = 10;
    auto st = b.run();
    EXPECT_NE(b.log_text("stderr").find("fork"), std::string::npos) << b.log_text("stderr");
    (void)st;
}

TEST(SandboxLimits, FreezeStopsACounterAndThawResumesIt) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "i=0; while true; do i=$((i+1)); echo $i > /tmp/c; sleep 0.02; done"});
    b.start_line = b.start();
    ASSERT_GT(b.init_pid, 0) << b.start_line;
    // `echo > file` truncates before it writes: retry a read that lands in between.
    auto count = [&] {
        for (int i = 0; i < 100; ++i) {
            auto t = read_text(b.dir / "upper/tmp/c");
            if (!t.empty() && t.back() == '\n') return std::stoi(t);
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        return 0;
    };
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto cg = Cgroup::open(b.spec.cgroup.path);
    ASSERT_TRUE(cg.ok());
    ASSERT_TRUE(cg->freeze().ok());
    EXPECT_TRUE(*cg->frozen());
    const int frozen_at = count();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_EQ(count(), frozen_at);
    ASSERT_TRUE(cg->thaw().ok());
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    EXPECT_GT(count(), frozen_at);
    ::kill(b.init_pid, SIGKILL);
    EXPECT_EQ(b.wait_exit().exit_code, 137);
}

TEST(SandboxLimits, StatsProcsAndLiveUpdate) {
    REQUIRE_ROOT();
    Bundle b({"sleep", "30"});
    b.spec.cgroup.limits.memory = 64 << 20;
    b.spec.cgroup.limits.nano_cpus = 500000000;
    b.start_line = b.start();
    ASSERT_GT(b.init_pid, 0) << b.start_line;
    auto cg = Cgroup::open(b.spec.cgroup.path);
    ASSERT_TRUE(cg.ok());
    auto procs = cg->procs();
    ASSERT_TRUE(procs.ok());
    EXPECT_NE(std::find(procs->begin(), procs->end(), b.init_pid), procs->end());
    auto s = cg->stats();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->memory_limit, 64u << 20);
    EXPECT_EQ(s->pids_current, 1u);
    EXPECT_GT(s->system_cpu_ns, 0u);
    EXPECT_GT(s->online_cpus, 0u);
    berth::sandbox::CgroupLimits more;
    more.memory = 128 << 20;
    more.pids_limit = 7;
    ASSERT_TRUE(cg->update(more).ok()) << cg->update(more).error().message();
    s = cg->stats();
    EXPECT_EQ(s->memory_limit, 128u << 20);
    EXPECT_EQ(s->pids_limit, 7u);
    ::kill(b.init_pid, SIGKILL);
    b.wait_exit();
}
