// berthd's command line. A small parser: about ten flags, "--flag value" and
// "--flag=value", short aliases as dockerd has them.
#pragma once

#include <string>
#include <vector>

#include "api/daemon.h"
#include "common/result.h"

namespace berth::api {

struct DaemonOptions {
    DaemonConfig config;
    bool show_help = false;
    bool show_version = false;
};

Result<DaemonOptions> parse_daemon_options(const std::vector<std::string> &args);
std::string daemon_usage();

}  // namespace berth::api
