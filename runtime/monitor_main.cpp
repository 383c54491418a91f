// berth-monitor: berthd's two helper modes, `monitor` and `exec-process`, built alone.
// One of these processes sits beside every running container for its whole life, so it
// is linked statically against only what the sandbox needs (libseccomp, libcap): the
// daemon maps some fifty shared libraries (curl, libarchive, OpenSSL, ICU...) whose
// relocated pages would otherwise be resident in every monitor. berthd starts it with the
// argv of its own modes ("berthd monitor <bundle>"), so a monitor is recognised the same
// way whichever binary runs it, and berthd still runs these modes itself when this file
// is missing.
#include <string_view>

#include "sandbox/entry.h"

int main(int argc, char **argv) {
    const std::string_view mode = argc > 1 ? argv[1] : "";
    if (mode == "monitor") return berth::sandbox::monitor_main(argc - 1, argv + 1);
    if (mode == "exec-process") return berth::sandbox::exec_main(argc - 1, argv + 1);
    return 2;
}
