// Pure pieces of the sandbox, tested as data: mount options and the mount plan, overlay
// lowerdir shortening, cgroup value conversions, capability arithmetic, attach framing,
// json-file encoding, rlimit clamping.
#include <gtest/gtest.h>

#include <sys/mount.h>

#include <algorithm>

#include "sandbox/attach.h"
#include "sandbox/capabilities.h"
#include "sandbox/cgroups.h"
#include "sandbox/json_log.h"
#include "sandbox/mounts.h"
#include "sandbox/overlay.h"
#include "sandbox/rlimits.h"
#include "sandbox/seccomp.h"

using namespace berth::sandbox;

TEST(SandboxMountOptions, BindDefaultsToRecursiveRprivate) {
    auto o = mounts::parse_options({}, true);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->flags, static_cast<unsigned long>(MS_BIND | MS_REC));
    EXPECT_EQ(o->propagation, static_cast<unsigned long>(MS_PRIVATE | MS_REC));
    EXPECT_FALSE(o->readonly);
}

TEST(SandboxMountOptions, ReadonlyBindIsARemountNotAFlag) {
    auto o = mounts::parse_options({"ro", "bind", "nosuid"}, true);
    ASSERT_TRUE(o.ok());
    EXPECT_TRUE(o->readonly);
    EXPECT_EQ(o->flags & MS_REC, 0u);
    EXPECT_EQ(o->flags & MS_RDONLY, 0u);  // a bind ignores it; mounts.cpp remounts
    EXPECT_NE(o->flags & MS_NOSUID, 0u);
}

TEST(SandboxMountOptions, TmpfsDataOptions) {
    auto o = mounts::parse_options({"rw", "noexec", "size=65536k", "mode=1777"}, false);
    ASSERT_TRUE(o.ok());
    EXPECT_EQ(o->data, "size=65536k,mode=1777");
    EXPECT_NE(o->flags & MS_NOEXEC, 0u);
    auto ro = mounts::parse_options({"ro"}, false);
    EXPECT_NE(ro->flags & MS_RDONLY, 0u);
}

TEST(SandboxMountOptions, UnknownAndInjectedOptionsAreRefused) {
    EXPECT_FALSE(mounts::parse_options({"bogus"}, true).ok());
    EXPECT_FALSE(mounts::parse_options({"size=1m,uid=0"}, false).ok());
    EXPECT_FALSE(mounts::parse_options({"size=1m"}, true).ok());  // data on a bind
}

TEST(SandboxMountPlan, DefaultPlanMasksAndDevices) {
    Spec s;
    s.process.args = {"true"};
    s.shm_size = 1 << 20;
    auto plan = mounts::plan(s, "");
    ASSERT_TRUE(plan.ok());
    auto find = [&](const std::string &t) {
        return std::find_if(plan->begin(), plan->end(), [&](const auto &op) { return op.target == t; });
    };
    ASSERT_NE(find("/proc"), plan->end());
    EXPECT_EQ(find("/dev/shm")->data, "mode=1777,size=1048576");
    EXPECT_EQ(find("/dev/pts")->data, "newinstance,ptmxmode=0666,mode=0620,gid=5");
    EXPECT_NE(find("/dev/null"), plan->end());
    EXPECT_EQ(find("/dev/console"), plan->end());  // no TTY
    EXPECT_EQ(find("/proc/kcore")->kind, mounts::MountOp::Kind::Mask);
    EXPECT_EQ(find("/proc/sys")->kind, mounts::MountOp::Kind::Readonly);
    EXPECT_NE(find("/sys")->flags & MS_RDONLY, 0u);
    // /proc comes before anything masked inside it.
    EXPECT_LT(find("/proc"), find("/proc/kcore"));
}

TEST(SandboxMountPlan, PrivilegedLiftsMasksAndMountsSysReadWrite) {
    Spec s;
    s.security.privileged = true;
    auto plan = mounts::plan(s, "/dev/pts/7");
    ASSERT_TRUE(plan.ok());
    for (const auto &op : *plan) {
        EXPECT_NE(op.kind, mounts::MountOp::Kind::Mask);
        if (op.target == "/sys") {
            EXPECT_EQ(op.flags & MS_RDONLY, 0u);
        }
    }
    auto console = std::find_if(plan->begin(), plan->end(), [](auto &op) { return op.target == "/dev/console"; });
    ASSERT_NE(console, plan->end());
    EXPECT_EQ(console->source, "/dev/pts/7");
}

TEST(SandboxMountPlan, UserMountsSortedParentsFirst) {
    Spec s;
    s.mounts = {{"/a/b/c", "tmpfs", "", {}}, {"/a", "bind", "/srv", {"ro"}}};
    auto plan = mounts::plan(s, "");
    ASSERT_TRUE(plan.ok());
    auto a = std::find_if(plan->begin(), plan->end(), [](auto &op) { return op.target == "/a"; });
    auto c = std::find_if(plan->begin(), plan->end(), [](auto &op) { return op.target == "/a/b/c"; });
    EXPECT_LT(a, c);
    EXPECT_TRUE(a->readonly);
}

TEST(SandboxOverlay, FewLayersUseAbsolutePathsTopFirst) {
    Rootfs r;
    r.lower = {"/l/base", "/l/mid", "/l/top"};
    r.upper = "/c/upper";
    r.work = "/c/work";
    auto p = overlay::plan(r, "/c/.layers");
    EXPECT_EQ(p.options, "lowerdir=/l/top:/l/mid:/l/base,upperdir=/c/upper,workdir=/c/work");
    EXPECT_TRUE(p.chdir.empty());
    EXPECT_TRUE(p.links.empty());
}

TEST(SandboxOverlay, ManyLayersFitInOnePageWithShortLinks) {
    Rootfs r;
    for (int i = 0; i < 150; ++i)
        r.lower.push_back("/var/lib/berth/image/overlay/layers/" + std::string(64, 'a' + i % 6) +
                          std::to_string(i) + "/diff");
    r.upper = "/var/lib/berth/containers/x/upper";
    r.work = "/var/lib/berth/containers/x/work";
    auto p = overlay::plan(r, "/var/lib/berth/containers/x/.layers");
    EXPECT_LT(p.options.size(), 4096u);
    EXPECT_EQ(p.chdir, "/var/lib/berth/containers/x/.layers");
    ASSERT_EQ(p.links.size(), 150u);
    // The top layer is listed first; the base layer is link "0".
    EXPECT_EQ(p.options.rfind("lowerdir=45:", 0), 0u) << p.options.substr(0, 40);  // 149 in base 36
    auto base = std::find_if(p.links.begin(), p.links.end(),
                             [](auto &l) { return l.first == "/var/lib/berth/containers/x/.layers/0"; });
    ASSERT_NE(base, p.links.end());
    EXPECT_EQ(base->second, r.lower[0]);
}

TEST(SandboxOverlay, SingleLayerWithoutUpperIsABind) {
    Rootfs r;
    r.lower = {"/rootfs"};
    auto p = overlay::plan(r, "/x");
    EXPECT_TRUE(p.bind);
    EXPECT_EQ(p.source, "/rootfs");
}

TEST(SandboxOverlay, SeparatorsInPathsAreEscaped) {
    Rootfs r;
    r.lower = {"/l/a:b", "/l/c,d"};
    auto p = overlay::plan(r, "/x");
    EXPECT_EQ(p.options, "lowerdir=/l/c\\,d:/l/a\\:b");
}

TEST(SandboxCgroupValues, SharesToWeightLikeRunc) {
    EXPECT_EQ(cgroups::shares_to_weight(2), 1u);
    EXPECT_EQ(cgroups::shares_to_weight(1024), 39u);
    EXPECT_EQ(cgroups::shares_to_weight(262144), 10000u);
    EXPECT_EQ(cgroups::shares_to_weight(0), 0u);
}

TEST(SandboxCgroupValues, NanoCpusToQuota) {
    CgroupLimits l;
    l.nano_cpus = 1500000000;  // --cpus 1.5
    auto m = cgroups::cpu_max(l);
    EXPECT_EQ(m.quota_us, 150000);
    EXPECT_EQ(m.period_us, 100000);
    l.nano_cpus = 0;
    l.cpu_quota = 50000;
    l.cpu_period = 200000;
    m = cgroups::cpu_max(l);
    EXPECT_EQ(m.quota_us, 50000);
    EXPECT_EQ(m.period_us, 200000);
    EXPECT_EQ(cgroups::cpu_max(CgroupLimits{}).quota_us, -1);
}

TEST(SandboxCgroupValues, MemorySwapSemantics) {
    CgroupLimits l;
    l.memory = 100;
    EXPECT_EQ(cgroups::memsw_limit_v1(l), 200);  // unset: twice the memory
    EXPECT_EQ(cgroups::swap_max_v2(l), 100);
    l.memory_swap = 300;
    EXPECT_EQ(cgroups::memsw_limit_v1(l), 300);
    EXPECT_EQ(cgroups::swap_max_v2(l), 200);
    l.memory_swap = -1;
    EXPECT_EQ(cgroups::memsw_limit_v1(l), -1);
    EXPECT_EQ(cgroups::swap_max_v2(l), -1);
    l.memory_swap = 100;  // equal to memory: no swap
    EXPECT_EQ(cgroups::swap_max_v2(l), 0);  // no swap at all, not "leave alone"
    EXPECT_FALSE(cgroups::swap_max_v2(CgroupLimits{}).has_value());
}

TEST(SandboxCgroupValues, DetectReportsAVersion) {
    auto i = cgroups::detect();
    EXPECT_TRUE(i.version == "1" || i.version == "2");
    EXPECT_EQ(i.driver, "cgroupfs");
}

TEST(SandboxCapabilities, DefaultSetMask) {
    auto m = capabilities::to_mask(capabilities::default_capabilities());
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->bits, 0xa80425fbull);  // what `docker run` shows as CapBnd
}

TEST(SandboxCapabilities, AddDropArithmetic) {
    auto caps = capabilities::apply_add_drop(capabilities::default_capabilities(), {"net_admin"},
                                             {"CAP_CHOWN", "mknod"});
    ASSERT_TRUE(caps.ok());
    auto has = [&](const char *c) { return std::find(caps->begin(), caps->end(), c) != caps->end(); };
    EXPECT_TRUE(has("CAP_NET_ADMIN"));
    EXPECT_FALSE(has("CAP_CHOWN"));
    EXPECT_FALSE(has("CAP_MKNOD"));
    EXPECT_TRUE(has("CAP_KILL"));
    auto none = capabilities::apply_add_drop(capabilities::default_capabilities(), {"NET_BIND_SERVICE"}, {"ALL"});
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(*none, std::vector<std::string>{"CAP_NET_BIND_SERVICE"});
    auto all = capabilities::apply_add_drop({}, {"ALL"}, {});
    EXPECT_GE(all->size(), 38u);
    EXPECT_FALSE(capabilities::apply_add_drop({}, {"CAP_BOGUS"}, {}).ok());
}

TEST(SandboxRlimits, HardLimitIsNeverRaised) {
    auto r = rlimits::clamp(1 << 20, 1 << 20, 4096);
    EXPECT_EQ(r.rlim_max, 4096u);
    EXPECT_EQ(r.rlim_cur, 4096u);
    r = rlimits::clamp(1024, -1, 8192);
    EXPECT_EQ(r.rlim_cur, 1024u);
    EXPECT_EQ(r.rlim_max, 8192u);
    EXPECT_TRUE(rlimits::resource_of("nofile").ok());
    EXPECT_FALSE(rlimits::resource_of("bogus").ok());
}

TEST(SandboxAttach, FramesRoundTripAcrossPartialReads) {
    std::string wire = attach::frame(attach::kStdin, "abc", 3) + attach::resize_frame(24, 80);
    std::string buf = wire.substr(0, 5);
    EXPECT_TRUE(attach::parse_frames(buf).empty());
    buf += wire.substr(5);
    auto frames = attach::parse_frames(buf);
    ASSERT_EQ(frames.size(), 2u);
    EXPECT_EQ(frames[0].type, attach::kStdin);
    EXPECT_EQ(frames[0].payload, "abc");
    EXPECT_EQ(frames[1].type, attach::kResize);
    EXPECT_EQ(frames[1].payload, std::string("\x00\x18\x00\x50", 4));
    EXPECT_TRUE(buf.empty());
    // Docker's multiplexed header: stream byte, three zeros, big-endian size.
    EXPECT_EQ(attach::frame(attach::kStderr, "x", 1), std::string("\x02\x00\x00\x00\x00\x00\x00\x01x", 9));
}

TEST(SandboxJsonLog, EncodesLikeDocker) {
    EXPECT_EQ(JsonLog::encode("hi \"there\"\n", "stdout", "2026-01-01T00:00:00.000000000Z"),
              "{\"log\":\"hi \\\"there\\\"\\n\",\"stream\":\"stdout\",\"time\":\"2026-01-01T00:00:00.000000000Z\"}\n");
}

TEST(SandboxJsonLog, SplitsLinesAndRotates) {
    char tmpl[] = "/tmp/berth-jsonlog-XXXXXX";
    std::string dir = mkdtemp(tmpl);
    const std::string path = dir + "/c-json.log";
    {
        auto log = JsonLog::open(path, 200, 3);
        ASSERT_TRUE(log.ok());
        ASSERT_TRUE(log->write("stdout", "one\ntw", 6).ok());
        ASSERT_TRUE(log->write("stdout", "o\n", 2).ok());
        for (int i = 0; i < 10; ++i) ASSERT_TRUE(log->write("stderr", "line\n", 5).ok());
        ASSERT_TRUE(log->write("stdout", "tail", 4).ok());
        ASSERT_TRUE(log->flush().ok());
    }
    EXPECT_TRUE(std::filesystem::exists(path));
    EXPECT_TRUE(std::filesystem::exists(path + ".1"));
    EXPECT_TRUE(std::filesystem::exists(path + ".2"));
    EXPECT_FALSE(std::filesystem::exists(path + ".3"));
    for (auto *p : {&path}) EXPECT_LE(std::filesystem::file_size(*p), 200u);
    std::filesystem::remove_all(dir);
}

TEST(SandboxSeccomp, DefaultProfileCompiles) {
    auto p = seccomp::build_default();
    ASSERT_TRUE(p.ok()) << p.error().message();
    EXPECT_GT(p->filter.size(), 20u);
}

TEST(SandboxMountPlan, DevIsNodevWithoutADeviceCgroup) {
    Spec s;
    auto with = mounts::plan(s, "", true);
    auto without = mounts::plan(s, "", false);
    ASSERT_TRUE(with.ok() && without.ok());
    auto dev = [](const std::vector<mounts::MountOp> &ops) {
        return std::find_if(ops.begin(), ops.end(), [](auto &op) { return op.target == "/dev"; })->flags;
    };
    EXPECT_EQ(dev(*with) & MS_NODEV, 0u);
    EXPECT_NE(dev(*without) & MS_NODEV, 0u);
}
