#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "containers/inspect_json.h"
#include "containers/log_reader.h"
#include "containers/rootfs_files.h"
#include "containers/signals.h"
#include "containers/spec_builder.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::containers;

namespace {
struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/berth-ctr-plan-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};
void write(const fs::path &p, const std::string &s) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << s;
}
const std::string kPasswd = "root:x:0:0:root:/root:/bin/sh\nwww:x:33:33::/var/www:/bin/sh\n";
const std::string kGroup = "root:x:0:\nwww:x:33:\nstaff:x:50:www,other\n";
}  // namespace

TEST(UserLookup, NamesNumbersAndGroups) {
    auto root = resolve_user("", kPasswd, kGroup, {});
    ASSERT_TRUE(root.ok());
    EXPECT_EQ(root->uid, 0u);
    auto www = resolve_user("www", kPasswd, kGroup, {});
    ASSERT_TRUE(www.ok());
    EXPECT_EQ(www->uid, 33u);
    EXPECT_EQ(www->gid, 33u);
    EXPECT_EQ(www->additional_gids, std::vector<std::uint32_t>{50});
    auto numeric = resolve_user("1000:staff", kPasswd, kGroup, {});
    ASSERT_TRUE(numeric.ok());
    EXPECT_EQ(numeric->uid, 1000u);
    EXPECT_EQ(numeric->gid, 50u);
    auto unknown = resolve_user("nobody", kPasswd, kGroup, {});
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error().message(), "unable to find user nobody: no matching entries in passwd file");
}

TEST(LayerLookup, UpperFirstAndWhiteoutsHide) {
    if (::geteuid() != 0) GTEST_SKIP() << "whiteouts are character devices (root only)";
    TempDir t;
    write(t.path / "l0/etc/passwd", "base");
    write(t.path / "l1/etc/group", "g");
    fs::create_directories(t.path / "up/etc");
    const std::vector<fs::path> layers = {t.path / "l0", t.path / "l1"};
    EXPECT_EQ(*find_in_layers(layers, t.path / "up", "etc/passwd"), t.path / "l0/etc/passwd");
    ASSERT_EQ(::mknod((t.path / "up/etc/passwd").c_str(), S_IFCHR | 0600, makedev(0, 0)), 0);
    EXPECT_FALSE(find_in_layers(layers, t.path / "up", "etc/passwd").has_value());
    EXPECT_EQ(*find_in_layers(layers, t.path / "up", "etc/group"), t.path / "l1/etc/group");
}

TEST(EtcFiles, HostsAndResolvConf) {
    auto hosts = hosts_file_content("abc", "");
    EXPECT_NE(hosts.find("127.0.0.1\tlocalhost\n"), std::string::npos);
    EXPECT_NE(hosts.find("127.0.0.1\tabc\n"), std::string::npos);
    EXPECT_EQ(resolv_conf_content("nameserver 127.0.0.53\nnameserver 10.0.0.1\nsearch lan"),
              "nameserver 10.0.0.1\nsearch lan\n");
}

TEST(SpecBuilder, EnvDefaultsCapabilitiesAndLimits) {
    Container c;
    c.id = std::string(64, 'c');
    c.path = "sh";
    c.args = {"-c", "true"};
    c.config = {{"Hostname", "cccccccccccc"}, {"Env", {"FOO=1", "PATH=/bin"}}, {"Tty", true}, {"WorkingDir", ""}};
    c.host_config = {{"CapDrop", {"CAP_CHOWN"}}, {"Memory", 10000000}, {"SecurityOpt", {"no-new-privileges"}},
                     {"LogConfig", {{"Type", "json-file"}, {"Config", {{"max-size", "1k"}, {"max-file", "3"}}}}}};
    MountPoint ro;
    ro.type = "bind";
    ro.source = "/srv";
    ro.destination = "/data";
    ro.rw = false;
    c.mounts = {ro};
    SpecInputs in;
    in.bundle = "/b";
    in.log_path = "/b/x-json.log";
    auto s = build_spec(c, in);
    ASSERT_TRUE(s.ok()) << s.error().message();
    EXPECT_EQ(s->process.args, (std::vector<std::string>{"sh", "-c", "true"}));
    EXPECT_EQ(s->process.env, (std::vector<std::string>{"PATH=/bin", "HOSTNAME=cccccccccccc", "TERM=xterm", "FOO=1"}));
    EXPECT_EQ(s->process.cwd, "/");
    EXPECT_TRUE(s->process.terminal);
    EXPECT_EQ(std::count(s->security.capabilities.begin(), s->security.capabilities.end(), "CAP_CHOWN"), 0);
    EXPECT_EQ(std::count(s->security.capabilities.begin(), s->security.capabilities.end(), "CAP_KILL"), 1);
    EXPECT_TRUE(s->security.no_new_privileges);
    EXPECT_EQ(s->cgroup.limits.memory, 10000000);
    EXPECT_EQ(s->log.max_size, 1024);
    EXPECT_EQ(s->log.max_file, 3);
    ASSERT_EQ(s->mounts.size(), 1u);
    EXPECT_NE(std::find(s->mounts[0].options.begin(), s->mounts[0].options.end(), "ro"), s->mounts[0].options.end());
    EXPECT_EQ(s->rootfs.upper, "/b/upper");
    EXPECT_EQ(s->hosts_file, "/b/hosts");
}

TEST(Signals, NamesAndNumbers) {
    EXPECT_EQ(*parse_signal("SIGTERM"), 15);
    EXPECT_EQ(*parse_signal("kill"), 9);
    EXPECT_EQ(*parse_signal("HUP"), 1);
    EXPECT_EQ(*parse_signal("10"), 10);
    EXPECT_EQ(parse_signal("SIGFOO").error().message(), "Invalid signal: SIGFOO");
    EXPECT_FALSE(parse_signal("0").ok());
}

TEST(StatusText, DockerWording) {
    EXPECT_EQ(human_duration(0), "Less than a second");
    EXPECT_EQ(human_duration(5), "5 seconds");
    EXPECT_EQ(human_duration(70), "About a minute");
    EXPECT_EQ(human_duration(3 * 3600), "3 hours");
    State s;
    EXPECT_EQ(status_text(s, 0), "Created");
    s.started_at = "2023-11-14T22:13:20Z";
    s.finished_at = "2023-11-14T22:13:25Z";
    s.exit_code = 2;
    EXPECT_EQ(status_text(s, 1700000010LL * 1000000000), "Exited (2) 5 seconds ago");
}

TEST(LogReader, TailStreamsAndFrames) {
    TempDir t;
    const fs::path log = t.path / "c-json.log";
    write(t.path / "c-json.log.1", "{\"log\":\"one\\n\",\"stream\":\"stdout\",\"time\":\"2023-11-14T22:13:20Z\"}\n");
    write(log,
          "{\"log\":\"two\\n\",\"stream\":\"stderr\",\"time\":\"2023-11-14T22:13:21Z\"}\n"
          "{\"log\":\"three\\n\",\"stream\":\"stdout\",\"time\":\"2023-11-14T22:13:22.5Z\"}\n");
    std::vector<std::string> seen;
    auto collect = [&](const LogEntry &e) {
        seen.push_back(e.stream + ":" + e.text);
        return true;
    };
    ASSERT_TRUE(read_logs(log, {}, collect, [] { return false; }).ok());
    EXPECT_EQ(seen, (std::vector<std::string>{"stdout:one\n", "stderr:two\n", "stdout:three\n"}));
    seen.clear();
    LogOptions o;
    o.tail = 1;
    ASSERT_TRUE(read_logs(log, o, collect, [] { return false; }).ok());
    EXPECT_EQ(seen, std::vector<std::string>{"stdout:three\n"});
    seen.clear();
    o = {};
    o.stdout_stream = false;
    ASSERT_TRUE(read_logs(log, o, collect, [] { return false; }).ok());
    EXPECT_EQ(seen, std::vector<std::string>{"stderr:two\n"});
    EXPECT_EQ(mux_frame(2, "ab"), std::string("\x02\0\0\0\0\0\0\x02" "ab", 10));
    EXPECT_EQ(fixed_nano_time("2023-11-14T22:13:22.5Z"), "2023-11-14T22:13:22.500000000Z");
}
