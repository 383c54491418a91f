// Cleaning the short links to container directories (ServiceOptions::bundle_links,
// /run/berth/c/<id>). A berthd killed with SIGKILL cannot remove them, and test daemons'
// roots are deleted under them. Daemons on different roots share the directory (IDs are
// unique and the path has no room for more: <dir>/<id>/exec/<exec id>/attach.sock must
// fit in sockaddr_un's 108 bytes), so each removes only its own links, plus any link
// whose container directory is gone.
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace berth::containers {

// Removes the links in `dir` whose target is gone, and those pointing into `containers_dir`
// (this daemon's) for which keep(id) is false; other daemons' live links are left alone.
void sweep_bundle_links(const std::filesystem::path &dir, const std::filesystem::path &containers_dir,
                        const std::function<bool(const std::string &)> &keep);

}  // namespace berth::containers
