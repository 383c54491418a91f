// The built-in init (see tiny_init.h). No allocation: it runs in the container's PID 1.
#include "sandbox/tiny_init.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

namespace berth::sandbox::tiny_init {

[[noreturn]] void run(pid_t child) {
    // PID 1 runs berthd's code image from the host: make it undumpable so the container
    // cannot reach /proc/1/exe or ptrace it (runc's CVE-2019-5736).
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    sigset_t all;
    sigfillset(&all);
    for (;;) {
        siginfo_t si;
        struct timespec tick {1, 0};
        // Signals stay blocked, so the kernel queues them for PID 1 even without a handler.
        int sig = sigtimedwait(&all, &si, &tick);
        if (sig > 0 && sig != SIGCHLD) {
            // SIGTTIN/SIGTTOU/SIGTSTP from the terminal are for the process too (tini does the same).
            kill(child, sig);
        }
        for (;;) {
            int st;
            pid_t p = waitpid(-1, &st, WNOHANG);
            if (p <= 0) break;
            if (p == child) {
                if (WIFEXITED(st)) _exit(WEXITSTATUS(st));
                // Exit with the same code Docker reports for a signalled PID 1.
                _exit(128 + WTERMSIG(st));
            }
        }
    }
}

}  // namespace berth::sandbox::tiny_init
