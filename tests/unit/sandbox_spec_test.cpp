// spec.json round trips and validation: the contract between containers/ and sandbox/.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "sandbox/spec.h"
#include "sandbox/sys.h"

using namespace berth::sandbox;

namespace {

Spec sample_spec() {
    Spec s;
    s.id = std::string(64, 'a');
    s.bundle = "/var/lib/berth/containers/aaa";
    s.rootfs.lower = {"/l/1", "/l/2"};
    s.rootfs.upper = "/b/upper";
    s.rootfs.work = "/b/work";
    s.rootfs.merged = "/b/merged";
    s.rootfs.readonly = true;
    s.hostname = "box";
    s.process.args = {"sh", "-c", "echo hi"};
    s.process.env = {"PATH=/bin"};
    s.process.uid = 1000;
    s.process.additional_gids = {5, 6};
    s.process.terminal = true;
    s.process.console_size = {24, 80};
    s.mounts.push_back({"/data", "bind", "/srv/data", {"ro", "rbind"}});
    s.mounts.push_back({"/tmp", "tmpfs", "", {"size=1m", "mode=1777"}});
    s.security.capabilities = {"CAP_CHOWN", "CAP_KILL"};
    s.security.seccomp = "unconfined";
    s.rlimits.push_back({"nofile", 1024, 4096});
    s.cgroup.path = "berth/aaa";
    s.cgroup.limits.memory = 20 << 20;
    s.cgroup.limits.pids_limit = 50;
    s.network.mode = "host";
    s.init = true;
    s.log = {"/b/aaa-json.log", 1 << 20, 3};
    s.shm_size = 1 << 26;
    s.start_gate = true;
    return s;
}

}  // namespace

TEST(SandboxSpec, RoundTripsThroughJson) {
    Spec s = sample_spec();
    nlohmann::json j = s;
    Spec back = j.get<Spec>();
    EXPECT_EQ(nlohmann::json(back), j);
    EXPECT_EQ(back.process.console_size.cols, 80);
    EXPECT_EQ(back.mounts[1].options[0], "size=1m");
    EXPECT_EQ(back.cgroup.limits.memory, 20 << 20);
}

TEST(SandboxSpec, MissingKeysTakeDefaults) {
    auto s = nlohmann::json::parse(R"({"id":"x","process":{"args":["true"]}})").get<Spec>();
    EXPECT_EQ(s.process.cwd, "/");
    EXPECT_EQ(s.network.mode, "none");
    EXPECT_EQ(s.security.seccomp, "default");
    EXPECT_EQ(s.stop_signal, 15);
    EXPECT_FALSE(s.init);
}

TEST(SandboxSpec, LoadRejectsEmptyArgsAndAcceptsValidFile) {
    auto dir = std::filesystem::temp_directory_path() / ("berth-spec-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    Spec s = sample_spec();
    ASSERT_TRUE(write_json_atomic((dir / "spec.json").string(), nlohmann::json(s)).ok());
    auto ok = load_spec((dir / "spec.json").string());
    ASSERT_TRUE(ok.ok()) << ok.error().message();
    EXPECT_EQ(ok->hostname, "box");

    s.process.args.clear();
    ASSERT_TRUE(write_json_atomic((dir / "spec.json").string(), nlohmann::json(s)).ok());
    auto bad = load_spec((dir / "spec.json").string());
    EXPECT_FALSE(bad.ok());
    std::filesystem::remove_all(dir);
}

TEST(SandboxSpec, ExitStatusRoundTrip) {
    ExitStatus e{137, true, "2026-01-01T00:00:00.000000001Z", ""};
    auto back = nlohmann::json(e).get<ExitStatus>();
    EXPECT_EQ(back.exit_code, 137);
    EXPECT_TRUE(back.oom_killed);
}
