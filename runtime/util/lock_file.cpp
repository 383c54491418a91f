#include "util/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <string>

namespace berth::util {

Result<LockFile> LockFile::acquire(const std::filesystem::path &path) {
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) return Error::sys("open lock file", path.string());
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) < 0) {
        if (errno == EWOULDBLOCK) {
            std::string holder;
            char buf[32] = {};
            if (::pread(fd.get(), buf, sizeof buf - 1, 0) > 0) holder = buf;
            while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
            Error e = Error::of(ErrorKind::Conflict,
                                "another berthd is already running on this root (lock `" +
                                    path.string() + "` is held" +
                                    (holder.empty() ? std::string() : " by pid " + holder) + ")");
            return e;
        }
        return Error::sys("lock", path.string());
    }
    // The pid is informational only; the lock itself is the flock.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd.get(), 0) < 0 || ::pwrite(fd.get(), pid.data(), pid.size(), 0) < 0)
        return Error::sys("write lock file", path.string());
    return LockFile(path, std::move(fd));
}

}  // namespace berth::util
