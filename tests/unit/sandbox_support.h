// Test support for the privileged sandbox tests: a busybox rootfs, a bundle with a spec,
// a monitor started the way the daemon starts it (fd 3 = socketpair), and cleanup that
// runs even when a test fails.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "sandbox/capabilities.h"
#include "sandbox/cgroups.h"
#include "sandbox/entry.h"
#include "sandbox/spec.h"
#include "sandbox/sys.h"

namespace sandbox_test {

namespace fs = std::filesystem;
using berth::sandbox::Spec;

inline bool is_root() { return ::geteuid() == 0; }

// Alive and not a zombie (a detached monitor is reaped by whoever is PID 1 here).
inline bool alive(pid_t pid) {
    if (pid <= 0) return false;
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) return false;
    auto close = line.rfind(')');
    return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

inline std::string read_text(const fs::path &p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A directory holding /bin/busybox and a symlink per applet.
inline void make_busybox_rootfs(const fs::path &root) {
    fs::create_directories(root / "bin");
    fs::create_directories(root / "etc");
    fs::create_directories(root / "tmp");
    fs::create_directories(root / "proc");
    fs::create_directories(root / "sys");
    fs::create_directories(root / "dev");
    fs::copy_file("/bin/busybox", root / "bin/busybox", fs::copy_options::overwrite_existing);
    FILE *p = ::popen("/bin/busybox --list", "r");
    char line[256];
    while (p && std::fgets(line, sizeof line, p)) {
        std::string name(line);
        while (!name.empty() && (name.back() == '\n' || name.back() == '\r')) name.pop_back();
        if (name.empty() || name == "busybox") continue;
        std::error_code ec;
        fs::create_symlink("busybox", root / "bin" / name, ec);
    }
    if (p) ::pclose(p);
    std::ofstream(root / "etc/passwd") << "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534::/:/bin/sh\n";
    std::ofstream(root / "etc/group") << "root:x:0:\nnobody:x:65534:\n";
}

class Bundle {
public:
    explicit Bundle(std::vector<std::string> args) {
        char tmpl[] = "/tmp/berth-sandbox-test-XXXXXX";
        dir = ::mkdtemp(tmpl);
        make_busybox_rootfs(dir / "lower");
        for (const char *d : {"upper", "work", "merged"}) fs::create_directories(dir / d);
        static int counter = 0;
        char id[65];
        std::snprintf(id, sizeof id, "%016x%016x%032d", static_cast<unsigned>(::getpid()),
                      static_cast<unsigned>(++counter), 0);
        spec.id = id;
        spec.bundle = dir.string();
        spec.rootfs.lower = {(dir / "lower").string()};
        spec.rootfs.upper = (dir / "upper").string();
        spec.rootfs.work = (dir / "work").string();
        spec.rootfs.merged = (dir / "merged").string();
        spec.hostname = "sandboxtest";
        spec.process.args = std::move(args);
        spec.process.env = {"PATH=/bin", "HOME=/root"};
        spec.security.capabilities = berth::sandbox::capabilities::default_capabilities();
        spec.cgroup.path = "berth-test/" + spec.id.substr(0, 24);
        spec.log.path = (dir / "container-json.log").string();
    }

    ~Bundle() {
        if (monitor_pid > 0) ::kill(monitor_pid, SIGKILL);
        auto init = berth::sandbox::sys::read_file((dir / "init.pid").string());
        if (init && !init->empty()) ::kill(std::stoi(*init), SIGKILL);
        if (auto cg = berth::sandbox::cgroups::Cgroup::open(spec.cgroup.path)) (void)cg->remove();
        // Nothing should be mounted on the host, but a failed test must not leave a mount.
        ::umount2((dir / "merged").c_str(), MNT_DETACH);
        std::error_code ec;
        fs::remove_all(dir, ec);
    }

    // Writes spec.json and starts `berthd monitor` in a forked copy of this (single-
    // threaded) test process, fd 3 a socketpair. Returns the first line on fd 3.
    std::string start() {
        berth::sandbox::write_json_atomic((dir / "spec.json").string(), nlohmann::json(spec)).value();
        int sp[2];
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp);
        pid_t p = ::fork();
        if (p == 0) {
            ::close(sp[0]);    // posix_spawn's exec would close it (close-on-exec)
            ::dup2(sp[1], 3);  // dup2 clears close-on-exec on fd 3, as posix_spawn would
            int null = ::open("/dev/null", O_RDWR);
            ::dup2(null, 0);
            std::string b = dir.string();
            char arg0[] = "monitor";
            char *argv[] = {arg0, b.data(), nullptr};
            ::_exit(berth::sandbox::monitor_main(2, argv));
        }
        ::close(sp[1]);
        ready = sp[0];
        int st;
        ::waitpid(p, &st, 0);  // the first monitor process exits at once (detach)
        return read_line();
    }

    std::string read_line() {
        std::string line;
        char c;
        while (::read(ready, &c, 1) == 1 && c != '\n') line += c;
        if (!line.empty()) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j.contains("monitor_pid")) monitor_pid = j["monitor_pid"].get<int>();
            if (j.is_object() && j.contains("pid")) init_pid = j["pid"].get<int>();
        }
        return line;
    }

    // Starts `berthd exec-process <bundle> <id>` like start(); returns its fd 3 socket
    // and the first line.
    std::pair<int, std::string> start_exec(const berth::sandbox::ExecSpec &e) {
        fs::create_directories(dir / "exec" / e.id);
        berth::sandbox::write_json_atomic((dir / "exec" / e.id / "spec.json").string(), nlohmann::json(e)).value();
        int sp[2];
        ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sp);
        pid_t p = ::fork();
        if (p == 0) {
            ::close(sp[0]);
            ::close(ready);
            ::dup2(sp[1], 3);
            std::string b = dir.string(), id = e.id;
            char arg0[] = "exec-process";
            char *argv[] = {arg0, b.data(), id.data(), nullptr};
            ::_exit(berth::sandbox::exec_main(3, argv));
        }
        ::close(sp[1]);
        int st;
        ::waitpid(p, &st, 0);
        std::string line;
        char c;
        while (::read(sp[0], &c, 1) == 1 && c != '\n') line += c;
        return {sp[0], line};
    }

    void send_start() { (void)!::write(ready, "start\n", 6); }

    // Waits for exit.json (the monitor's last write).
    berth::sandbox::ExitStatus wait_exit(int seconds = 20) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
        while (std::chrono::steady_clock::now() < deadline) {
            auto st = berth::sandbox::load_exit_status((dir / "exit.json").string());
            if (st) {
                // The monitor exits right after; let it, so teardown checks see it gone.
                for (int i = 0; i < 200 && alive(monitor_pid); ++i)
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                return *st;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        berth::sandbox::ExitStatus timeout;
        timeout.exit_code = -1;
        timeout.error = "timeout waiting for exit.json";
        return timeout;
    }

    // The "log" fields of the json-file log, concatenated per stream.
    std::string log_text(const std::string &stream = "stdout") {
        std::ifstream in(spec.log.path);
        std::string line, out;
        while (std::getline(in, line)) {
            auto j = nlohmann::json::parse(line, nullptr, false);
            if (j.is_object() && j["stream"] == stream) out += j["log"].get<std::string>();
        }
        return out;
    }

    // Runs to the end and returns the exit status.
    berth::sandbox::ExitStatus run() {
        start_line = start();
        return wait_exit();
    }

    fs::path dir;
    Spec spec;
    int ready = -1;
    pid_t monitor_pid = -1;
    pid_t init_pid = -1;
    std::string start_line;
};

// Removes the tests' empty cgroup parent once every test has run.
class CgroupParentCleanup : public ::testing::Environment {
public:
    void TearDown() override {
        for (const char *base : {"/sys/fs/cgroup", "/sys/fs/cgroup/unified"}) {
            std::error_code ec;
            for (auto &e : fs::directory_iterator(base, ec)) ::rmdir((e.path() / "berth-test").c_str());
            ::rmdir((fs::path(base) / "berth-test").c_str());
        }
    }
};
inline ::testing::Environment *const cgroup_parent_cleanup =
    ::testing::AddGlobalTestEnvironment(new CgroupParentCleanup);

inline int connect_unix(const std::string &path) {
    int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_un a {};
    a.sun_family = AF_UNIX;
    std::snprintf(a.sun_path, sizeof a.sun_path, "%s", path.c_str());
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace sandbox_test
