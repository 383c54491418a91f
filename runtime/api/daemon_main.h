// The daemon mode of berthd: options, log, lock, subsystems, socket, serve until
// SIGTERM/SIGINT, clean shutdown. Returns the process exit code.
#pragma once

namespace berth::api {

int run_daemon(int argc, char **argv);

}  // namespace berth::api
