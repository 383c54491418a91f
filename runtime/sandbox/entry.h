// The two process modes berthd dispatches to sandbox (runtime/main.cpp):
//   berthd monitor <bundle>                  -> monitor_main
//   berthd exec-process <bundle> <exec-id>   -> exec_main
// Both must be entered before any thread is started (they clone/fork). See README.md.
#pragma once

namespace berth::sandbox {

int monitor_main(int argc, char **argv);
int exec_main(int argc, char **argv);

}  // namespace berth::sandbox
