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

}  // namespace berth::cli::commands
