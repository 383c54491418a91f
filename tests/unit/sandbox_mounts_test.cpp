// Privileged: user mounts, the /etc files, symlink-safe destinations, and the
// security switches (privileged, no_new_privileges, rlimits, network modes).
#include <gtest/gtest.h>

#include <poll.h>

#include "sandbox/attach.h"
#include "sandbox_support.h"

using namespace sandbox_test;

#define REQUIRE_ROOT() \
    if (!is_root()) GTEST_SKIP() << "needs root"

TEST(SandboxMounts, ReadonlyBindRefusesWritesAndRwBindWrites) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "cat /ro/f; echo x > /ro/g 2>/dev/null; echo ro=$?; echo y > /rw/h; echo rw=$?"});
    fs::create_directories(b.dir / "vol-ro");
    fs::create_directories(b.dir / "vol-rw");
    std::ofstream(b.dir / "vol-ro/f") << "from host\n";
    b.spec.mounts.push_back({"/ro", "bind", (b.dir / "vol-ro").string(), {"ro"}});
    b.spec.mounts.push_back({"/rw", "bind", (b.dir / "vol-rw").string(), {}});
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    EXPECT_EQ(b.log_text(), "from host\nro=1\nrw=0\n");
    EXPECT_EQ(read_text(b.dir / "vol-rw/h"), "y\n");
    EXPECT_FALSE(fs::exists(b.dir / "vol-ro/g"));
}

TEST(SandboxMounts, TmpfsWithSizeAndMode) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "grep ' /scratch ' /proc/mounts; stat -c %a /scratch"});
    b.spec.mounts.push_back({"/scratch", "tmpfs", "", {"size=1m", "mode=1770", "noexec"}});
    b.run();
    auto log = b.log_text();
    EXPECT_NE(log.find("tmpfs /scratch tmpfs rw,nosuid") == std::string::npos &&
                      log.find("tmpfs /scratch tmpfs rw,") == std::string::npos
                  ? std::string::npos
                  : 0,
              std::string::npos)
        << log;
    EXPECT_NE(log.find("noexec"), std::string::npos) << log;
    EXPECT_NE(log.find("size=1024k"), std::string::npos) << log;
    EXPECT_NE(log.find("1770\n"), std::string::npos) << log;
}

TEST(SandboxMounts, EtcFilesComeFromTheBundle) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "cat /etc/hostname /etc/hosts /etc/resolv.conf"});
    std::ofstream(b.dir / "hostname") << "sandboxtest\n";
    std::ofstream(b.dir / "hosts") << "127.0.0.1 localhost\n";
    std::ofstream(b.dir / "resolv.conf") << "nameserver 127.0.0.53\n";
    b.spec.hostname_file = (b.dir / "hostname").string();
    b.spec.hosts_file = (b.dir / "hosts").string();
    b.spec.resolv_conf_file = (b.dir / "resolv.conf").string();
    b.run();
    EXPECT_EQ(b.log_text(), "sandboxtest\n127.0.0.1 localhost\nnameserver 127.0.0.53\n");
}

TEST(SandboxMounts, SymlinkedDestinationStaysInsideTheRootfs) {
    REQUIRE_ROOT();
    // An image whose /evil points at a host directory: the mount must land inside the
    // container's tree (at <rootfs>/<target>), never on the host path.
    char host_tmpl[] = "/tmp/berth-escape-XXXXXX";
    const std::string host_dir = ::mkdtemp(host_tmpl);
    Bundle b({"sh", "-c", "ls /evil/"});
    fs::create_symlink(host_dir, b.dir / "lower/evil");
    fs::create_directories(b.dir / "src");
    std::ofstream(b.dir / "src/planted") << "x\n";
    b.spec.mounts.push_back({"/evil", "bind", (b.dir / "src").string(), {"ro"}});
    b.run();
    EXPECT_TRUE(fs::is_empty(host_dir)) << "the mount escaped to the host path";
    EXPECT_EQ(read_text("/proc/self/mountinfo").find(host_dir), std::string::npos);
    EXPECT_EQ(b.log_text(), "planted\n") << b.start_line << b.log_text("stderr");
    fs::remove_all(host_dir);
}

TEST(SandboxMounts, PrivilegedMayMountAndHasEveryCapability) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "mount -t tmpfs x /tmp && echo mounted; grep CapEff /proc/self/status"});
    b.spec.security.privileged = true;
    b.run();
    EXPECT_NE(b.log_text().find("mounted\n"), std::string::npos) << b.start_line << b.log_text("stderr");
    EXPECT_EQ(b.log_text().find("CapEff:\t00000000a80425fb"), std::string::npos);
}

TEST(SandboxMounts, NoNewPrivilegesAndRlimits) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "grep NoNewPrivs /proc/self/status; ulimit -n"});
    b.spec.security.no_new_privileges = true;
    b.spec.rlimits.push_back({"nofile", 256, 512});
    b.run();
    EXPECT_EQ(b.log_text(), "NoNewPrivs:\t1\n256\n") << b.start_line;
}

TEST(SandboxMounts, NewNetworkNamespaceHasOnlyLoopbackUp) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "ls /sys/class/net; cat /sys/class/net/lo/operstate /sys/class/net/lo/flags"});
    b.run();
    EXPECT_EQ(b.log_text(), "lo\nunknown\n0x9\n") << b.log_text("stderr");  // IFF_UP|IFF_LOOPBACK
}

TEST(SandboxMounts, HostNetworkMode) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "ls /sys/class/net | wc -l"});
    b.spec.network.mode = "host";
    auto st = b.run();
    EXPECT_EQ(st.exit_code, 0) << b.start_line;
    size_t host_ifaces = 0;
    for (auto &e : fs::directory_iterator("/sys/class/net")) (void)e, ++host_ifaces;
    EXPECT_EQ(b.log_text(), std::to_string(host_ifaces) + "\n");
}

TEST(SandboxMounts, ResizeOverTheAttachSocket) {
    REQUIRE_ROOT();
    Bundle b({"sh", "-c", "sleep 0.5; stty size"});
    b.spec.process.terminal = true;
    b.spec.start_gate = true;
    b.start_line = b.start();
    int fd = connect_unix((b.dir / "attach.sock").string());
    ASSERT_GE(fd, 0);
    b.send_start();
    b.read_line();
    auto f = berth::sandbox::attach::resize_frame(40, 120);
    ASSERT_EQ(::write(fd, f.data(), f.size()), static_cast<ssize_t>(f.size()));
    auto st = b.wait_exit();
    ::close(fd);
    EXPECT_EQ(st.exit_code, 0);
    EXPECT_EQ(b.log_text(), "40 120\r\n");
}
