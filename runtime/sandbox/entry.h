// The two process modes berthd dispatches to sandbox (runtime/main.cpp's mode table):
//   berthd monitor <bundle>                  -> monitor_main(argc-1, argv+1)
//   berthd exec-process <bundle> <exec-id>   -> exec_main(argc-1, argv+1)
// argv starts at the mode's name: argv[0] = "monitor", argv[1] = <bundle>.
// Both must be entered before any thread is started (they clone/fork). See README.md.
#pragma once

namespace berth::sandbox {

int monitor_main(int argc, char **argv);
int exec_main(int argc, char **argv);

}  // namespace berth::sandbox
