// The built-in init (Init: true): PID 1 of the container when the user's process should
// not be. It forwards signals to the process, reaps every zombie the namespace hands it,
// and exits with the process' status (tini's job, in-process: see README.md).
#pragma once

#include <sys/types.h>

namespace berth::sandbox::tiny_init {

// Called in PID 1 after fork()ing `child`, with every signal blocked. Never returns.
[[noreturn]] void run(pid_t child);

}  // namespace berth::sandbox::tiny_init
