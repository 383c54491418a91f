#include "api/daemon_options.h"

#include "util/log.h"

namespace berth::api {

std::string daemon_usage() {
    return "Usage: berthd [OPTIONS]\n"
           "\n"
           "The Berth engine: serves the Docker Engine API on a Unix socket.\n"
           "\n"
           "Options:\n"
           "  -H, --host unix:///PATH       socket to listen on (default unix:///run/berth/berth.sock)\n"
           "      --root DIR                state directory (default /var/lib/berth)\n"
           "  -G, --group NAME              group allowed to use the socket besides root (default berth)\n"
           "  -D, --debug                   debug logging\n"
           "  -l, --log-level LEVEL         debug, info, warn or error (default info)\n"
           "      --log-file FILE           also append the log to FILE\n"
           "      --insecure-registry HOST  allow plain HTTP for HOST[:PORT] or a CIDR (repeatable)\n"
           "      --certs-dir DIR           per-registry CAs, DIR/<host:port>/ca.crt (default /etc/berth/certs.d)\n"
           "  -b, --bridge NAME             interface of the default bridge network (default berth0)\n"
           "      --resolv-conf FILE        the host's resolvers for containers and DNS (default /etc/resolv.conf)\n"
           "  -v, --version                 print the version and exit\n"
           "  -h, --help                    print this help and exit\n"
           "\n"
           "Modes:\n"
           "  berthd monitor ...            a container's monitor (started by berthd itself)\n";
}

Result<DaemonOptions> parse_daemon_options(const std::vector<std::string> &args) {
    DaemonOptions o;
    DaemonConfig &c = o.config;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string flag = args[i];
        std::string value;
        bool has_inline = false;
        if (flag.rfind("--", 0) == 0) {
            const auto eq = flag.find('=');
            if (eq != std::string::npos) {
                value = flag.substr(eq + 1);
                flag = flag.substr(0, eq);
                has_inline = true;
            }
        }
        auto take_value = [&]() -> Result<std::string> {
            if (has_inline) return value;
            if (i + 1 >= args.size()) return Error::invalid("flag " + flag + " needs a value");
            return args[++i];
        };
        if (flag == "-h" || flag == "--help") {
            o.show_help = true;
        } else if (flag == "-v" || flag == "--version") {
            o.show_version = true;
        } else if (flag == "-D" || flag == "--debug") {
            if (has_inline && value != "true" && value != "false")
                return Error::invalid("--debug takes no value (or =true/=false)");
            c.debug = !has_inline || value == "true";
        } else if (flag == "-H" || flag == "--host") {
            c.host = TRY(take_value());
        } else if (flag == "--root" || flag == "--data-root" || flag == "-g") {
            c.root = TRY(take_value());
            if (!c.root.is_absolute()) return Error::invalid("--root must be an absolute path");
        } else if (flag == "-G" || flag == "--group") {
            c.group = TRY(take_value());
        } else if (flag == "-l" || flag == "--log-level") {
            c.log_level = TRY(take_value());
            TRY(log::parse_level(c.log_level));
        } else if (flag == "--log-file") {
            c.log_file = TRY(take_value());
        } else if (flag == "--insecure-registry") {
            c.registry.insecure_registries.push_back(TRY(take_value()));
        } else if (flag == "--certs-dir") {
            c.registry.certs_dir = TRY(take_value());
        } else if (flag == "-b" || flag == "--bridge") {
            c.bridge_name = TRY(take_value());
            if (c.bridge_name.empty() || c.bridge_name.size() > 15 || c.bridge_name.find('/') != std::string::npos)
                return Error::invalid("--bridge: an interface name of 1 to 15 characters is needed");
        } else if (flag == "--resolv-conf") {
            c.resolv_conf = TRY(take_value());
            if (!c.resolv_conf.is_absolute()) return Error::invalid("--resolv-conf must be an absolute path");
        } else {
            return Error::invalid("unknown flag: " + args[i] + " (see berthd --help)");
        }
    }
    if (c.debug) c.log_level = "debug";
    return o;
}

}  // namespace berth::api
