// Facts about the host that /version and /info report, read from the kernel and /etc.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace berth::api {

struct HostInfo {
    std::string kernel_version;    // uname release: "6.1.0-13-amd64"
    std::string operating_system;  // PRETTY_NAME of /etc/os-release
    std::string os_version;        // VERSION_ID
    std::string machine;           // uname machine: "x86_64" (/info's Architecture)
    std::string go_arch;           // "amd64" (/version's Arch, Go's GOARCH naming)
    std::string hostname;
    int ncpu = 1;
    std::int64_t mem_total = 0;    // bytes
    std::string cgroup_version;    // "1" or "2"
};

HostInfo read_host_info();

// "2" when /sys/fs/cgroup is a pure cgroup2 mount; "1" for v1 and hybrid layouts (the
// memory controller mounted at <root>/memory), as runc/moby detect it.
std::string detect_cgroup_version(const std::filesystem::path &cgroup_root = "/sys/fs/cgroup");

// Docker's GOARCH names for uname machines.
std::string go_arch_of(const std::string &machine);

}  // namespace berth::api
