// `berth run`/`create` flags -> the POST /containers/create body, and ps status wording.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

#include "cli/commands/container_create_options.h"
#include "cli/commands/container_status.h"

namespace berth::cli::commands {
namespace {

nlohmann::json body_for(const std::vector<std::string> &argv) {
    auto args = parse_args(container_create_flags(), argv, true);
    EXPECT_TRUE(args) << (args ? "" : args.error().message());
    auto req = build_create_request(*args);
    EXPECT_TRUE(req) << (req ? "" : req.error().message());
    return req ? req->body : nlohmann::json();
}

TEST(CliContainerCreate, ImageAndCommandStopAtFirstPositional) {
    auto b = body_for({"--name", "web", "busybox", "sh", "-c", "echo -e hi"});
    EXPECT_EQ(b["Image"], "busybox");
    EXPECT_EQ(b["Cmd"], nlohmann::json({"sh", "-c", "echo -e hi"}));
}

TEST(CliContainerCreate, NameGoesToTheQueryNotTheBody) {
    auto args = parse_args(container_create_flags(), {"--name", "web", "busybox"}, true);
    ASSERT_TRUE(args);
    auto req = build_create_request(*args);
    ASSERT_TRUE(req);
    EXPECT_EQ(req->name, "web");
    EXPECT_FALSE(req->body.contains("Name"));
}

TEST(CliContainerCreate, EnvFlagsAndEnvFileInOrder) {
    char path[] = "/tmp/berth-envfile-XXXXXX";
    int fd = ::mkstemp(path);
    ASSERT_GE(fd, 0);
    ::close(fd);
    {
        std::ofstream f(path);
        f << "# comment\n\nA=1\n  B=two words\nBERTH_TEST_FROM_ENV\nBERTH_TEST_UNSET_VAR\n";
    }
    ::setenv("BERTH_TEST_FROM_ENV", "x", 1);
    ::unsetenv("BERTH_TEST_UNSET_VAR");
    auto b = body_for({"--env-file", path, "-e", "C=3", "--env=D=", "busybox"});
    ::unlink(path);
    EXPECT_EQ(b["Env"], nlohmann::json({"A=1", "B=two words", "BERTH_TEST_FROM_ENV=x", "C=3", "D="}));
}

TEST(CliContainerCreate, MissingEnvFileIsAnError) {
    auto args = parse_args(container_create_flags(), {"--env-file", "/nonexistent/env", "busybox"}, true);
    ASSERT_TRUE(args);
    EXPECT_FALSE(build_create_request(*args));
}

TEST(CliContainerCreate, VolumeForms) {
    auto b = body_for({"-v", "/data", "-v", "/host:/ctr", "-v", "/h2:/c2:ro", "-v", "named:/n", "busybox"});
    EXPECT_EQ(b["Volumes"], nlohmann::json({{"/data", nlohmann::json::object()}}));
    EXPECT_EQ(b["HostConfig"]["Binds"], nlohmann::json({"/host:/ctr", "/h2:/c2:ro", "named:/n"}));
    for (const char *bad : {"relative", "/a:relative", "/a:/b:ro:x", "/a::/b"}) {
        auto args = parse_args(container_create_flags(), {"-v", bad, "busybox"}, true);
        ASSERT_TRUE(args);
        EXPECT_FALSE(build_create_request(*args)) << bad;
    }
}

TEST(CliContainerCreate, MemoryUnits) {
    EXPECT_EQ(*parse_memory_bytes("512m"), 512LL * 1024 * 1024);
    EXPECT_EQ(*parse_memory_bytes("512M"), 512LL * 1024 * 1024);
    EXPECT_EQ(*parse_memory_bytes("1g"), 1024LL * 1024 * 1024);
    EXPECT_EQ(*parse_memory_bytes("1.5g"), 1536LL * 1024 * 1024);
    EXPECT_EQ(*parse_memory_bytes("100k"), 102400);
    EXPECT_EQ(*parse_memory_bytes("100kb"), 102400);
    EXPECT_EQ(*parse_memory_bytes("4096"), 4096);
    EXPECT_FALSE(parse_memory_bytes("12x"));
    EXPECT_FALSE(parse_memory_bytes(""));
    EXPECT_FALSE(parse_memory_bytes("-1m"));
    EXPECT_EQ(body_for({"--memory", "512m", "busybox"})["HostConfig"]["Memory"], 536870912);
    EXPECT_EQ(body_for({"-m", "64m", "busybox"})["HostConfig"]["Memory"], 67108864);
}

TEST(CliContainerCreate, CpusToNanoCpus) {
    EXPECT_EQ(*parse_nano_cpus("1.5"), 1500000000);
    EXPECT_EQ(*parse_nano_cpus("0.25"), 250000000);
    EXPECT_EQ(*parse_nano_cpus("2"), 2000000000);
    EXPECT_FALSE(parse_nano_cpus("one"));
    EXPECT_FALSE(parse_nano_cpus("1.5x"));
    EXPECT_EQ(body_for({"--cpus", "1.5", "busybox"})["HostConfig"]["NanoCpus"], 1500000000);
}

TEST(CliContainerCreate, RestartPolicies) {
    EXPECT_EQ(*parse_restart_policy("on-failure:3"), (nlohmann::json{{"Name", "on-failure"}, {"MaximumRetryCount", 3}}));
    EXPECT_EQ(*parse_restart_policy("always"), (nlohmann::json{{"Name", "always"}, {"MaximumRetryCount", 0}}));
    EXPECT_EQ((*parse_restart_policy("unless-stopped"))["Name"], "unless-stopped");
    EXPECT_EQ((*parse_restart_policy("no"))["Name"], "no");
    EXPECT_FALSE(parse_restart_policy("always:3"));
    EXPECT_FALSE(parse_restart_policy("sometimes"));
    EXPECT_FALSE(parse_restart_policy("on-failure:x"));
    EXPECT_EQ(body_for({"--restart", "on-failure:3", "busybox"})["HostConfig"]["RestartPolicy"]["MaximumRetryCount"], 3);
}

TEST(CliContainerCreate, RmConflictsWithRestart) {
    auto args = parse_args(container_create_flags(), {"--rm", "--restart", "always", "busybox"}, true);
    ASSERT_TRUE(args);
    EXPECT_FALSE(build_create_request(*args));
    EXPECT_EQ(body_for({"--rm", "busybox"})["HostConfig"]["AutoRemove"], true);
}

TEST(CliContainerCreate, SecurityAndProcessFlags) {
    auto b = body_for({"-w", "/srv", "-u", "1000:1000", "-h", "box", "--entrypoint", "/bin/sh", "--pids-limit", "64",
                       "--read-only", "--privileged", "--cap-add", "NET_ADMIN", "--cap-drop", "ALL", "--label",
                       "a=b", "-l", "flag", "--init", "busybox"});
    EXPECT_EQ(b["WorkingDir"], "/srv");
    EXPECT_EQ(b["User"], "1000:1000");
    EXPECT_EQ(b["Hostname"], "box");
    EXPECT_EQ(b["Entrypoint"], nlohmann::json({"/bin/sh"}));
    EXPECT_EQ(b["Labels"], (nlohmann::json{{"a", "b"}, {"flag", ""}}));
    const auto &h = b["HostConfig"];
    EXPECT_EQ(h["PidsLimit"], 64);
    EXPECT_EQ(h["ReadonlyRootfs"], true);
    EXPECT_EQ(h["Privileged"], true);
    EXPECT_EQ(h["CapAdd"], nlohmann::json({"NET_ADMIN"}));
    EXPECT_EQ(h["CapDrop"], nlohmann::json({"ALL"}));
    EXPECT_EQ(h["Init"], true);
    EXPECT_EQ(body_for({"--entrypoint", "", "busybox"})["Entrypoint"], nlohmann::json({""}));
    EXPECT_FALSE(body_for({"busybox"}).contains("Entrypoint"));
}

TEST(CliContainerStatus, DockerWording) {
    const std::int64_t now = 1'700'000'000;
    EXPECT_EQ(status_text("running", 0, now - 120, 0, now), "Up 2 minutes");
    EXPECT_EQ(status_text("paused", 0, now - 120, 0, now), "Up 2 minutes (Paused)");
    EXPECT_EQ(status_text("exited", 0, now - 60, now - 5, now), "Exited (0) 5 seconds ago");
    EXPECT_EQ(status_text("exited", 137, now - 7200, now - 3 * 3600, now), "Exited (137) 3 hours ago");
    EXPECT_EQ(status_text("created", 0, 0, 0, now), "Created");
    EXPECT_EQ(status_text("dead", 0, 0, 0, now), "Dead");
}

TEST(CliContainerStatus, PsRow) {
    const std::int64_t now = 1'700'000'000;
    nlohmann::json c = {{"Id", "0123456789abcdef0123"},
                        {"Names", {"/web", "/other/alias"}},
                        {"Image", "busybox"},
                        {"Command", "sh -c 'sleep 1000 && echo done'"},
                        {"Created", now - 300},
                        {"State", "running"},
                        {"Status", "Up 5 minutes"},
                        {"Ports", {{{"IP", "0.0.0.0"}, {"PrivatePort", 80}, {"PublicPort", 8080}, {"Type", "tcp"}},
                                   {{"PrivatePort", 53}, {"Type", "udp"}}}}};
    auto row = ps_row(c, false, now);
    EXPECT_EQ(row["ID"], "0123456789ab");
    EXPECT_EQ(row["Names"], "web");
    EXPECT_EQ(row["Command"], "\"sh -c 'sleep 1000 &…\"");
    EXPECT_EQ(row["RunningFor"], "5 minutes ago");
    EXPECT_EQ(row["Status"], "Up 5 minutes");
    EXPECT_EQ(row["Ports"], "0.0.0.0:8080->80/tcp, 53/udp");
    auto full = ps_row(c, true, now);
    EXPECT_EQ(full["ID"], "0123456789abcdef0123");
    EXPECT_EQ(full["Command"], "\"sh -c 'sleep 1000 && echo done'\"");
}

}  // namespace
}  // namespace berth::cli::commands
