// Namespaces (see namespaces.h).
#include "sandbox/namespaces.h"

#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace berth::sandbox::namespaces {

unsigned long clone_flags(const Spec &spec) {
    unsigned long f = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC;
    if (spec.network.mode == "none") f |= CLONE_NEWNET;
    return f;
}

int set_hostname(const std::string &hostname, const std::string &domainname, StepError &e) {
    if (!hostname.empty() && sethostname(hostname.data(), hostname.size()) < 0)
        return fail(e, "sethostname", hostname.c_str(), errno);
    if (!domainname.empty() && setdomainname(domainname.data(), domainname.size()) < 0)
        return fail(e, "setdomainname", domainname.c_str(), errno);
    return 0;
}

int loopback_up(StepError &e) {
    // One SIOCSIFFLAGS ioctl: the netlink code belongs to networking, and lo needs no more.
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) return fail(e, "socket", "lo", errno);
    struct ifreq ifr;
    std::memset(&ifr, 0, sizeof ifr);
    std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
    int rc = ioctl(s, SIOCGIFFLAGS, &ifr);
    if (rc == 0) {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        rc = ioctl(s, SIOCSIFFLAGS, &ifr);
    }
    int err = errno;
    close(s);
    if (rc < 0) return fail(e, "bring up", "lo", err);
    return 0;
}

Result<Joined> open_of(pid_t pid) {
    static const std::pair<int, const char *> order[] = {
        {CLONE_NEWCGROUP, "cgroup"}, {CLONE_NEWIPC, "ipc"}, {CLONE_NEWUTS, "uts"},
        {CLONE_NEWNET, "net"},       {CLONE_NEWPID, "pid"}, {CLONE_NEWNS, "mnt"},
    };
    Joined j;
    const std::string base = "/proc/" + std::to_string(pid) + "/ns/";
    for (const auto &[flag, name] : order) {
        // Joining a namespace we already share is skipped (host network, for one).
        struct stat mine, theirs;
        const std::string path = base + name;
        if (::stat(path.c_str(), &theirs) < 0) return Error::sys("stat", path);
        const std::string self = std::string("/proc/self/ns/") + name;
        if (::stat(self.c_str(), &mine) == 0 && mine.st_ino == theirs.st_ino &&
            mine.st_dev == theirs.st_dev)
            continue;
        auto fd = TRY(sys::open(path, O_RDONLY));
        j.fds.emplace_back(flag, std::move(fd));
    }
    return j;
}

int join(const Joined &j, StepError &e) {
    for (const auto &[flag, fd] : j.fds)
        if (setns(fd.get(), flag) < 0) return fail(e, "setns", "namespace", errno);
    return 0;
}

}  // namespace berth::sandbox::namespaces
