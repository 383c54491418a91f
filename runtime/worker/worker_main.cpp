// berth-worker: started by berthd for one job at a time (worker_modes.h says which and
// why). Never started by hand; its arguments and pipes come from berthd.
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "worker/worker_modes.h"

namespace {

struct Mode {
    const char *name;
    int (*run)(const std::vector<std::string> &);
};

constexpr Mode kModes[] = {
    {"registry", berth::worker::run_registry},
    {"unpack", berth::worker::run_unpack},
    {"archive-stat", berth::worker::run_archive_stat},
    {"archive-get", berth::worker::run_archive_get},
    {"archive-put", berth::worker::run_archive_put},
    {"export", berth::worker::run_export},
};

}  // namespace

int main(int argc, char **argv) {
    // A reader that goes away (berthd cancelling) must turn writes into EPIPE errors the
    // job reports, not a silent death.
    ::signal(SIGPIPE, SIG_IGN);
    if (argc < 2) {
        std::fprintf(stderr, "berth-worker: started by berthd; no mode given\n");
        return 2;
    }
    const std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto &mode : kModes)
        if (std::strcmp(argv[1], mode.name) == 0) return mode.run(args);
    std::fprintf(stderr, "berth-worker: unknown mode \"%s\"\n", argv[1]);
    return 2;
}
