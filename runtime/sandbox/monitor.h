// The monitor (`berthd monitor <bundle>`): one per running container, the parent of its
// init, owner of its stdio, log and attach socket, recorder of its exit. Contract in
// README.md. The pieces shared with exec-process live here too.
#pragma once

#include <string>

#include "common/result.h"
#include "sandbox/spec.h"

namespace berth::sandbox::monitor {

// Writes one JSON line to the daemon's fd 3 (ignored when fd < 0).
void report(int fd, const nlohmann::json &line);
void report_error(int fd, const Error &e, const std::string &step);
// Reads the daemon's "start" line for the start gate; false on EOF or anything else.
bool wait_start(int fd);
// The common start of `berthd monitor` and `berthd exec-process`: takes fd 3 (the
// daemon's report channel; -1 when not open), ignores SIGPIPE, blocks SIGCHLD (children are
// reaped through a signalfd), then forks once (the parent exits so the daemon can reap it)
// and starts a new session, so the process outlives berthd. Returns the report fd.
int enter_detached();

// Runs the container described by <bundle>/spec.json to its end. Returns the monitor's
// own exit status.
int run(const std::string &bundle, int ready_fd);

}  // namespace berth::sandbox::monitor
