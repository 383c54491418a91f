#include "api/system_info.h"

#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include <linux/magic.h>

namespace berth::api {
namespace {

std::string os_release_value(const std::string &key) {
    std::ifstream in("/etc/os-release");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + "=", 0) != 0) continue;
        std::string v = line.substr(key.size() + 1);
        if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
            v = v.substr(1, v.size() - 2);
        return v;
    }
    return {};
}

}  // namespace

std::string go_arch_of(const std::string &machine) {
    if (machine == "x86_64") return "amd64";
    if (machine == "aarch64") return "arm64";
    if (machine == "i386" || machine == "i686") return "386";
    if (machine.rfind("armv", 0) == 0) return "arm";
    return machine;
}

std::string detect_cgroup_version(const std::filesystem::path &cgroup_root) {
    struct statfs fs {};
    if (::statfs(cgroup_root.c_str(), &fs) == 0 && fs.f_type == CGROUP2_SUPER_MAGIC) return "2";
    return "1";
}

HostInfo read_host_info() {
    HostInfo h;
    struct utsname u {};
    if (::uname(&u) == 0) {
        h.kernel_version = u.release;
        h.machine = u.machine;
    }
    h.go_arch = go_arch_of(h.machine);
    h.operating_system = os_release_value("PRETTY_NAME");
    if (h.operating_system.empty()) h.operating_system = "Linux";
    h.os_version = os_release_value("VERSION_ID");
    char host[256] = {};
    if (::gethostname(host, sizeof host - 1) == 0) h.hostname = host;
    const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
    h.ncpu = n > 0 ? static_cast<int>(n) : 1;
    struct sysinfo si {};
    if (::sysinfo(&si) == 0) h.mem_total = static_cast<std::int64_t>(si.totalram) * si.mem_unit;
    h.cgroup_version = detect_cgroup_version();
    return h;
}

}  // namespace berth::api
