// Pseudo-terminals (see pty.h).
#include "sandbox/pty.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace berth::sandbox::pty {

Result<Pair> open_pair() {
    Pair p;
    p.master = TRY(sys::open("/dev/ptmx", O_RDWR | O_NOCTTY));
    if (grantpt(p.master.get()) < 0) return Error::sys("grantpt", "/dev/ptmx");
    if (unlockpt(p.master.get()) < 0) return Error::sys("unlockpt", "/dev/ptmx");
    char name[64];
    if (ptsname_r(p.master.get(), name, sizeof name) != 0) return Error::sys("ptsname", "/dev/ptmx");
    p.slave_path = name;
    p.slave = TRY(sys::open(p.slave_path, O_RDWR | O_NOCTTY));
    return p;
}

Result<void> resize(int fd, unsigned rows, unsigned cols) {
    struct winsize ws {};
    ws.ws_row = static_cast<unsigned short>(rows);
    ws.ws_col = static_cast<unsigned short>(cols);
    if (ioctl(fd, TIOCSWINSZ, &ws) < 0) return Error::sys("resize", "pty");
    return {};
}

int attach_as_controlling(int slave_fd, StepError &e) {
    if (setsid() < 0) return fail(e, "setsid", "", errno);
    if (ioctl(slave_fd, TIOCSCTTY, 0) < 0) return fail(e, "set controlling terminal", "", errno);
    for (int fd = 0; fd < 3; ++fd)
        if (dup2(slave_fd, fd) < 0) return fail(e, "dup2", "pty", errno);
    return 0;
}

}  // namespace berth::sandbox::pty
