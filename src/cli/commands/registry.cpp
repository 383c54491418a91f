#include "cli/commands/commands.h"

namespace berth::cli {

const std::vector<Command> &all_commands() {
    // Built explicitly rather than by static registration: static libraries drop object
    // files nothing refers to, and an explicit list is the help order.
    static const std::vector<Command> table = {
        commands::images_command(),      commands::image_inspect_command(), commands::history_command(),
        commands::image_prune_command(), commands::pull_command(),          commands::rmi_command(),
        commands::tag_command(),         commands::info_command(),          commands::version_command(),
    };
    return table;
}

}  // namespace berth::cli
