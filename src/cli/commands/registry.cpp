#include "cli/commands/commands.h"

namespace berth::cli {

const std::vector<Command> &all_commands() {
    // Built explicitly rather than by static registration: static libraries drop object
    // files nothing refers to, and an explicit list is the help order.
    static const std::vector<Command> table = {
        commands::images_command(),      commands::image_inspect_command(), commands::history_command(),
        commands::image_prune_command(), commands::pull_command(),          commands::rmi_command(),
        commands::tag_command(),         commands::info_command(),          commands::version_command(),
        commands::run_command(),         commands::create_command(),        commands::start_command(),
        commands::stop_command(),        commands::restart_command(),       commands::kill_command(),
        commands::rm_command(),          commands::pause_command(),         commands::unpause_command(),
        commands::wait_command(),        commands::rename_command(),        commands::ps_command(),
        commands::logs_command(),        commands::inspect_command(),       commands::container_inspect_command(),
        commands::exec_command(),        commands::attach_command(),
        commands::port_command(),
        commands::diff_command(),        commands::cp_command(),            commands::export_command(),
        commands::top_command(),         commands::stats_command(),         commands::update_command(),
        commands::container_prune_command(), commands::volume_create_command(), commands::volume_ls_command(),
        commands::volume_inspect_command(), commands::volume_rm_command(),   commands::volume_prune_command(),
        commands::network_create_command(), commands::network_ls_command(), commands::network_inspect_command(),
        commands::network_rm_command(), commands::network_connect_command(), commands::network_disconnect_command(),
        commands::network_prune_command(),
    };
    return table;
}

}  // namespace berth::cli
