// berthd: the Berth engine. One binary, several modes: the daemon (the default) and the
// helper processes it starts for itself. Each mode is one entry in the table below.
#include <cstring>
#include <string_view>

#include "api/daemon_main.h"
#include "sandbox/entry.h"

namespace {

struct Mode {
    std::string_view name;          // argv[1]
    int (*run)(int argc, char **argv);  // gets argv from the mode's name on
};

// `berthd <mode> ...`; anything else runs the daemon. Helper modes are the processes
// berthd starts for itself (posix_spawn of /proc/self/exe), one line each.
constexpr Mode kModes[] = {
    {"daemon", berth::api::run_daemon},  // explicit form of the default
    {"monitor", berth::sandbox::monitor_main},            // berthd monitor <bundle>
    {"exec-process", berth::sandbox::exec_main},          // berthd exec-process <bundle> <exec-id>
};

}  // namespace

int main(int argc, char **argv) {
    if (argc > 1) {
        for (const Mode &mode : kModes)
            if (mode.name == argv[1]) return mode.run(argc - 1, argv + 1);
    }
    return berth::api::run_daemon(argc, argv);
}
