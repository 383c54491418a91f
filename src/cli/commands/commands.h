// One factory per command file; registry.cpp puts them in help order.
#pragma once

#include "cli/command.h"

namespace berth::cli::commands {

Command version_command();
Command info_command();
Command pull_command();
Command images_command();
Command image_inspect_command();
Command history_command();
Command tag_command();
Command rmi_command();
Command image_prune_command();

// Containers (container_*.cpp)
Command run_command();
Command create_command();
Command start_command();
Command stop_command();
Command restart_command();
Command kill_command();
Command rm_command();
Command pause_command();
Command unpause_command();
Command wait_command();
Command rename_command();
Command ps_command();
Command logs_command();
Command inspect_command();
Command container_inspect_command();
Command exec_command();    // container_exec.cpp
Command attach_command();  // container_attach.cpp
Command port_command();  // container_port.cpp
Command diff_command();    // container_diff.cpp
Command cp_command();      // container_cp.cpp
Command export_command();  // container_export.cpp

// Resources and cleanup (container_top/stats/update/prune.cpp, volume.cpp)
Command top_command();
Command stats_command();
Command update_command();
Command container_prune_command();
Command volume_create_command();
Command volume_ls_command();
Command volume_inspect_command();
Command volume_rm_command();
Command volume_prune_command();

// Networks (network.cpp)
Command network_create_command();
Command network_ls_command();
Command network_inspect_command();
Command network_rm_command();
Command network_connect_command();
Command network_disconnect_command();
Command network_prune_command();

}  // namespace berth::cli::commands
