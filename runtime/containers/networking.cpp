#include "containers/networking.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

#include <sstream>

#include "containers/monitor_launch.h"
#include "containers/rootfs_files.h"
#include "containers/service.h"
#include "containers/store.h"
#include "network/dns/dns_server.h"
#include "network/ipam.h"
#include "network/network_service.h"
#include "network/ports/port_publisher.h"
#include "util/atomic_file.h"
#include "util/log.h"
#include "util/unique_fd.h"

namespace berth::containers {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string network_mode(const Container &c) {
    std::string m = c.host_config.value("NetworkMode", std::string());
    return m.empty() || m == "default" ? "bridge" : m;
}

bool is_container_mode(const std::string &mode) { return mode.rfind("container:", 0) == 0; }
// Modes in which the container has interfaces of its own on bridge networks.
bool has_own_interfaces(const std::string &mode) {
    return mode != "host" && mode != "none" && !is_container_mode(mode);
}

std::vector<std::string> strings_of(const json &j) {
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto &e : j)
            if (e.is_string()) out.push_back(e.get<std::string>());
    return out;
}

std::string bare_name(const Container &c) { return c.name.empty() || c.name[0] != '/' ? c.name : c.name.substr(1); }

// One NetworkSettings.Networks entry as Docker shows it before the endpoint exists.
json endpoint_entry(const std::string &network_id, const std::string &ipv4, const std::vector<std::string> &aliases) {
    return json{{"IPAMConfig", ipv4.empty() ? json(nullptr) : json{{"IPv4Address", ipv4}}},
                {"Links", nullptr},
                {"Aliases", aliases.empty() ? json(nullptr) : json(aliases)},
                {"MacAddress", ""},
                {"DriverOpts", nullptr},
                {"GwPriority", 0},
                {"NetworkID", network_id},
                {"EndpointID", ""},
                {"Gateway", ""},
                {"IPAddress", ""},
                {"IPPrefixLen", 0},
                {"IPv6Gateway", ""},
                {"GlobalIPv6Address", ""},
                {"GlobalIPv6PrefixLen", 0},
                {"DNSNames", nullptr}};
}

void clear_endpoint(json &e) {
    e["EndpointID"] = "";
    e["Gateway"] = "";
    e["IPAddress"] = "";
    e["IPPrefixLen"] = 0;
    e["MacAddress"] = "";
    e["DNSNames"] = nullptr;
}

std::string requested_ipv4(const json &entry) {
    const json ipam = entry.value("IPAMConfig", json());
    return ipam.is_object() ? ipam.value("IPv4Address", std::string()) : std::string();
}

std::vector<std::string> dns_names(const Container &c, const std::vector<std::string> &aliases) {
    std::vector<std::string> names = {bare_name(c)};
    names.insert(names.end(), aliases.begin(), aliases.end());
    names.push_back(c.short_id());
    return names;
}

// The files are bind-mounted into the container: their inode must stay, so they are
// rewritten in place rather than replaced by a rename.
Result<void> rewrite_in_place(const fs::path &path, const std::string &content) {
    util::UniqueFd fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
    if (!fd) return Error::sys("open", path.string());
    std::size_t off = 0;
    while (off < content.size()) {
        ssize_t n = ::write(fd.get(), content.data() + off, content.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return Error::sys("write", path.string());
        off += static_cast<std::size_t>(n);
    }
    return {};
}

std::string read_or_empty(const fs::path &p) {
    auto r = util::read_file(p);
    return r ? *r : std::string();
}

pid_t live_pid(ContainerService &svc, const Container &c) {
    if (!c.state.running || c.state.pid <= 0) return 0;
    auto text = util::read_file(svc.store().dir(c.id) / "monitor.pid");
    if (!text) return 0;
    const pid_t mpid = static_cast<pid_t>(std::atoi(text->c_str()));
    return is_monitor_of(mpid, svc.bundle_path(c.id)) ? c.state.pid : 0;
}

// The user-defined networks (with name resolution) among the container's entries.
std::vector<std::string> user_network_ids(network::NetworkService &nets, const json &networks) {
    std::vector<std::string> out;
    for (const auto &[name, e] : networks.items()) {
        auto n = nets.get(e.value("NetworkID", name));
        if (n && n->is_bridge() && !n->is_default_bridge()) out.push_back(n->id);
    }
    return out;
}

std::vector<network::PortMapping> published_of(const json &settings) {
    std::vector<network::PortMapping> out;
    for (const auto &p : settings.value("PublishedPorts", json::array())) out.push_back(network::port_mapping_from_json(p));
    return out;
}

}  // namespace

std::string extra_hosts_lines(const std::vector<std::string> &extra_hosts) {
    std::string out;
    for (const auto &h : extra_hosts) {
        // "name:ip" (the CLI's --add-host); the IP may itself hold colons (IPv6).
        auto sep = h.find(':');
        if (auto eq = h.find('='); eq != std::string::npos && (sep == std::string::npos || eq < sep)) sep = eq;
        if (sep == std::string::npos) continue;
        out += h.substr(sep + 1) + "\t" + h.substr(0, sep) + "\n";
    }
    return out;
}

std::string hosts_content(const std::string &hostname, const std::string &domainname, const std::string &address,
                          const std::vector<std::string> &extra_hosts) {
    std::string out = hosts_file_content("", "") + extra_hosts_lines(extra_hosts);
    if (!hostname.empty()) {
        out += (address.empty() ? std::string("127.0.0.1") : address) + "\t";
        if (!domainname.empty()) out += hostname + "." + domainname + " ";
        out += hostname + "\n";
    }
    return out;
}

std::string resolv_content(const std::string &host, bool embedded_dns, bool host_network,
                           const std::vector<std::string> &dns, const std::vector<std::string> &dns_search,
                           const std::vector<std::string> &dns_options) {
    std::vector<std::string> servers, search, options, other;
    std::istringstream in(host);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string key;
        words >> key;
        std::string rest;
        std::getline(words, rest);
        if (auto b = rest.find_first_not_of(" \t"); b != std::string::npos) rest = rest.substr(b);
        else rest.clear();
        if (key == "nameserver") {
            // Loopback resolvers mean nothing inside the container's own namespace.
            if (!host_network && (rest.rfind("127.", 0) == 0 || rest == "::1")) continue;
            servers.push_back(rest);
        } else if (key == "search" || key == "domain") {
            search = {rest};
        } else if (key == "options") {
            options.push_back(rest);
        } else if (!line.empty() && line[0] != '#' && line[0] != ';') {
            other.push_back(line);
        }
    }
    if (!dns.empty()) servers = dns;
    // On user networks the embedded server answers (and forwards the rest upstream).
    if (embedded_dns) servers = {"127.0.0.11"};
    if (!dns_search.empty()) {
        std::string s;
        for (const auto &d : dns_search) s += (s.empty() ? "" : " ") + d;
        search = {s};
    }
    if (!dns_options.empty()) {
        std::string s;
        for (const auto &o : dns_options) s += (s.empty() ? "" : " ") + o;
        options = {s};
    } else if (embedded_dns) {
        options.push_back("ndots:0");
    }
    std::string out;
    for (const auto &s : servers) out += "nameserver " + s + "\n";
    for (const auto &s : search)
        if (!s.empty()) out += "search " + s + "\n";
    for (const auto &o : options)
        if (!o.empty()) out += "options " + o + "\n";
    for (const auto &l : other) out += l + "\n";
    return out;
}

Result<void> plan_networks(Container &c, const json &body, const ServiceOptions &opts, const ContainerStore &store) {
    std::string mode = network_mode(c);
    c.host_config["NetworkMode"] = mode;
    json endpoints = json::object();
    if (body.contains("NetworkingConfig") && body["NetworkingConfig"].is_object()) {
        const json &nc = body["NetworkingConfig"];
        if (nc.contains("EndpointsConfig") && nc["EndpointsConfig"].is_object()) endpoints = nc["EndpointsConfig"];
    }
    // The docker CLI names the default network "default" (its NetworkMode) in EndpointsConfig.
    if (endpoints.contains("default")) {
        if (!endpoints.contains("bridge")) endpoints["bridge"] = endpoints["default"];
        endpoints.erase("default");
    }
    for (const auto &[key, e] : endpoints.items()) {
        if (!e.is_null() && !e.is_object())
            return Error::invalid("json: cannot unmarshal " + std::string(e.type_name()) +
                                  " into Go struct field NetworkingConfig.EndpointsConfig of type network.EndpointSettings");
        if (e.is_object() && e.contains("Aliases") && !e["Aliases"].is_null() && !e["Aliases"].is_array())
            return Error::invalid("json: cannot unmarshal " + std::string(e["Aliases"].type_name()) +
                                  " into Go struct field EndpointSettings.Aliases of type []string");
    }
    json networks = json::object();
    if (is_container_mode(mode)) {
        const std::string other = mode.substr(10);
        auto target = store.resolve(other);
        if (!target) return std::move(target).error();
        c.host_config["NetworkMode"] = "container:" + *target;
        c.network_settings["Networks"] = networks;
        return {};
    }
    auto add = [&](const std::string &key, const json &e) -> Result<void> {
        const json ep = e.is_object() ? e : json::object();
        const std::string ipv4 = requested_ipv4(ep);
        const auto aliases = strings_of(ep.value("Aliases", json()));
        if (!opts.networks) {
            networks[key] = endpoint_entry("", ipv4, aliases);
            return {};
        }
        auto n = opts.networks->check_endpoint(key, ipv4, !aliases.empty());
        if (!n) {
            Error err = std::move(n).error();
            if (err.kind == ErrorKind::NotFound) err.detail = "network " + key + " not found";
            return err;
        }
        if (n->driver != "bridge" && key != mode)
            return Error::invalid("conflicting options: container cannot be connected to the host or none network and others");
        networks[n->name] = endpoint_entry(n->id, ipv4, aliases);
        if (key == mode && (n->driver == "host" || n->driver == "null")) mode = n->name;
        return {};
    };
    TRY(add(mode, endpoints.contains(mode) ? endpoints[mode] : json::object()));
    for (const auto &[key, e] : endpoints.items()) {
        if (key == mode) continue;
        if (!has_own_interfaces(mode))
            return Error::invalid("conflicting options: a container on the " + mode + " network cannot join other networks");
        TRY(add(key, e));
    }
    c.network_settings["Networks"] = networks;
    return {};
}

Result<sandbox::Network> sandbox_network(const Container &c, const ContainerStore &store) {
    const std::string mode = network_mode(c);
    sandbox::Network out;
    if (mode == "host") {
        out.mode = "host";
    } else if (is_container_mode(mode)) {
        auto other = store.get(mode.substr(10));
        if (!other) return std::move(other).error();
        if (!other->state.running || other->state.pid <= 0)
            return Error::conflict("cannot join network of a non running container: " + other->id);
        out.mode = "join";
        out.path = "/proc/" + std::to_string(other->state.pid) + "/ns/net";
    }
    return out;
}

Result<void> attach_networks(ContainerService &svc, const std::string &id, pid_t pid) {
    const ServiceOptions &opts = svc.options();
    auto c = TRY(svc.store().get(id));
    const std::string mode = network_mode(c);
    const fs::path dir = svc.store().dir(id);
    const std::string netns = "/proc/" + std::to_string(pid) + "/ns/net";
    json networks = c.network_settings.value("Networks", json::object());
    std::vector<std::string> attached;  // network ids
    bool ports_published = false, dns_serving = false;
    auto rollback = [&] {
        if (dns_serving && opts.dns) opts.dns->stop_container(id);
        for (const auto &nid : attached) {
            if (opts.dns) opts.dns->remove_records(nid, id);
            if (auto r = opts.networks->detach(nid, id); !r) log::warn("undo network attach: " + r.error().message());
        }
        if (ports_published && opts.ports) opts.ports->unpublish(id);
    };

    std::string first_ip, first_gateway, bridge;
    json published = json::array();
    if (opts.networks && has_own_interfaces(mode)) {
        // The NetworkMode network first: it gives the default route and the address /etc/hosts shows.
        std::vector<std::string> order;
        for (const auto &[name, e] : networks.items())
            if (name == mode || e.value("NetworkID", std::string()) == mode) order.insert(order.begin(), name);
            else order.push_back(name);
        std::vector<std::string> user_ids;
        for (const auto &name : order) {
            json &e = networks[name];
            network::AttachRequest req;
            req.network = e.value("NetworkID", std::string());
            if (req.network.empty() || !opts.networks->get(req.network)) req.network = name;
            req.container_id = id;
            req.container_name = bare_name(c);
            req.aliases = strings_of(e.value("Aliases", json()));
            req.ipv4 = requested_ipv4(e);
            req.netns_path = netns;
            req.default_route = attached.empty();
            auto att = opts.networks->attach(req);
            if (!att) {
                rollback();
                return std::move(att).error();
            }
            attached.push_back(att->network_id);
            auto net = opts.networks->get(att->network_id);
            const bool user = net && !net->is_default_bridge();
            e["NetworkID"] = att->network_id;
            e["EndpointID"] = att->endpoint_id;
            e["Gateway"] = network::format_ipv4(att->gateway);
            e["IPAddress"] = network::format_ipv4(att->address);
            e["IPPrefixLen"] = att->prefix;
            e["MacAddress"] = att->mac;
            e["DNSNames"] = user ? json(dns_names(c, req.aliases)) : json(nullptr);
            if (first_ip.empty()) {
                first_ip = network::format_ipv4(att->address);
                first_gateway = network::format_ipv4(att->gateway);
                bridge = att->bridge;
            }
            if (user && opts.dns) {
                opts.dns->set_records(att->network_id, id, dns_names(c, req.aliases), network::format_ipv4(att->address));
                user_ids.push_back(att->network_id);
            }
        }
        if (opts.ports && !first_ip.empty()) {
            auto wanted = network::port_mappings_from_config(c.config, c.host_config);
            if (!wanted) {
                rollback();
                return std::move(wanted).error();
            }
            if (!wanted->empty()) {
                auto got = opts.ports->publish(id, first_ip, *wanted);
                if (!got) {
                    rollback();
                    return std::move(got).error();
                }
                ports_published = true;
                for (const auto &m : *got) published.push_back(network::to_json(m));
            }
        }
        if (opts.dns && !user_ids.empty()) {
            dns_serving = true;
            if (auto r = opts.dns->serve_container(id, pid, user_ids); !r) {
                rollback();
                return std::move(r).error().context("start name resolution for container " + c.short_id());
            }
        }
    }

    // /etc/hosts and /etc/resolv.conf, as Docker writes them for the mode.
    const json &hc = c.host_config;
    std::vector<std::string> extra = strings_of(hc.value("ExtraHosts", json()));
    for (auto &h : extra)
        if (auto p = h.rfind(":host-gateway"); p != std::string::npos && !first_gateway.empty())
            h = h.substr(0, p + 1) + first_gateway;
    const std::string host_resolv = read_or_empty(opts.host_resolv_conf);
    const auto dns = strings_of(hc.value("Dns", json()));
    const auto search = strings_of(hc.value("DnsSearch", json()));
    const auto dns_opts = strings_of(hc.value("DnsOptions", json()));
    std::string hosts, resolv;
    if (is_container_mode(mode)) {
        const fs::path other = svc.store().dir(mode.substr(10));
        hosts = read_or_empty(other / "hosts");
        resolv = read_or_empty(other / "resolv.conf");
    } else if (mode == "host") {
        hosts = read_or_empty("/etc/hosts") + extra_hosts_lines(extra);
        resolv = resolv_content(host_resolv, false, true, dns, search, dns_opts);
    } else {
        hosts = hosts_content(c.config.value("Hostname", std::string()), c.config.value("Domainname", std::string()),
                              first_ip, extra);
        resolv = resolv_content(host_resolv, dns_serving, false, dns, search, dns_opts);
    }
    for (const auto &[file, content] : {std::pair{"hosts", &hosts}, std::pair{"resolv.conf", &resolv}}) {
        if (auto r = rewrite_in_place(dir / file, *content); !r) {
            rollback();
            return r;
        }
    }

    auto saved = svc.store().update(id, [&](Container &x) {
        x.network_settings["Networks"] = networks;
        x.network_settings["Bridge"] = "";
        x.network_settings["SandboxKey"] = netns;
        x.network_settings["PublishedPorts"] = published;
    });
    if (!saved) {
        rollback();
        return std::move(saved).error();
    }
    return {};
}

std::optional<Error> networks_at_start_gate(ContainerService &svc, const std::string &id) {
    auto text = util::read_file(svc.store().dir(id) / "init.pid");
    const pid_t pid = text ? static_cast<pid_t>(std::atoi(text->c_str())) : 0;
    if (pid <= 0) return Error::internal("the container's init pid is unknown at its start gate");
    auto r = attach_networks(svc, id, pid);
    if (r) return std::nullopt;
    // Killed before the start byte, the init never runs the container's program; the
    // monitor then reports the start as failed and cleans up.
    int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    if (fd >= 0) {
        (void)::syscall(SYS_pidfd_send_signal, fd, SIGKILL, nullptr, 0);
        ::close(fd);
    }
    return std::move(r).error();
}

void detach_networks(ContainerService &svc, const std::string &id) {
    const ServiceOptions &opts = svc.options();
    if (opts.ports) opts.ports->unpublish(id);
    if (opts.dns) opts.dns->stop_container(id);
    if (opts.networks) {
        for (const auto &nid : opts.networks->networks_of(id)) {
            if (opts.dns) opts.dns->remove_records(nid, id);
            if (auto r = opts.networks->detach(nid, id); !r) log::warn("release network endpoint: " + r.error().message());
        }
    }
    auto c = svc.store().get(id);
    if (!c || !c->network_settings.contains("Networks")) return;
    (void)svc.store().update(id, [](Container &x) {
        for (auto &[name, e] : x.network_settings["Networks"].items()) clear_endpoint(e);
        x.network_settings["SandboxKey"] = "";
        x.network_settings.erase("PublishedPorts");
    });
}

void recover_networks(ContainerService &svc) {
    const ServiceOptions &opts = svc.options();
    if (!opts.networks) return;
    std::set<std::string> alive;
    for (const auto &c : svc.store().list()) {
        const pid_t pid = live_pid(svc, c);
        if (pid <= 0) continue;
        alive.insert(c.id);
        const json networks = c.network_settings.value("Networks", json::object());
        // The proxies died with the old berthd; the container's address is unchanged.
        if (opts.ports) {
            const auto published = published_of(c.network_settings);
            std::string ip;
            for (const auto &[name, e] : networks.items())
                if (ip.empty()) ip = e.value("IPAddress", std::string());
            if (!published.empty() && !ip.empty())
                if (auto r = opts.ports->publish(c.id, ip, published); !r)
                    log::warn("restore published ports of container " + c.short_id() + ": " + r.error().message());
        }
        if (opts.dns) {
            const auto user_ids = user_network_ids(*opts.networks, networks);
            for (const auto &[name, e] : networks.items()) {
                const std::string nid = e.value("NetworkID", std::string());
                if (std::find(user_ids.begin(), user_ids.end(), nid) == user_ids.end()) continue;
                opts.dns->set_records(nid, c.id, dns_names(c, strings_of(e.value("Aliases", json()))),
                                      e.value("IPAddress", std::string()));
            }
            if (!user_ids.empty())
                if (auto r = opts.dns->serve_container(c.id, pid, user_ids); !r)
                    log::warn("restore name resolution of container " + c.short_id() + ": " + r.error().message());
        }
    }
    opts.networks->recover([&](const std::string &cid) { return alive.count(cid) > 0; });
}

void rename_networks(ContainerService &svc, const std::string &id) {
    const ServiceOptions &opts = svc.options();
    if (!opts.networks) return;
    auto op = svc.store().op_mutex(id);
    std::lock_guard lock(*op);
    auto c = svc.store().get(id);
    if (!c) return;
    if (auto r = opts.networks->rename_endpoints(id, bare_name(*c)); !r)
        log::warn("rename container " + c->short_id() + ": " + r.error().message());
    std::map<std::string, std::vector<std::string>> renamed;  // endpoint id -> names
    const json networks = c->network_settings.value("Networks", json::object());
    for (const auto &[key, e] : networks.items()) {
        const std::string endpoint = e.value("EndpointID", std::string());
        if (endpoint.empty()) continue;  // not attached: its next start uses the new name
        auto net = opts.networks->get(e.value("NetworkID", key));
        if (!net || !net->is_bridge() || net->is_default_bridge()) continue;  // no names there
        auto names = dns_names(*c, strings_of(e.value("Aliases", json())));
        // A container that exited meanwhile has no records left, and gets none.
        if (opts.dns && !opts.dns->rename_records(net->id, id, names)) continue;
        renamed[endpoint] = std::move(names);
    }
    if (renamed.empty()) return;
    auto saved = svc.store().update(id, [&](Container &x) {
        if (!x.network_settings.contains("Networks")) return;
        for (auto &[key, e] : x.network_settings["Networks"].items()) {
            // Matched by endpoint: an exit that cleared the endpoints meanwhile wins.
            auto it = renamed.find(e.value("EndpointID", std::string()));
            if (it != renamed.end()) e["DNSNames"] = it->second;
        }
    });
    if (!saved) log::warn("rename container " + c->short_id() + ": " + saved.error().message());
}

Result<void> connect_network(ContainerService &svc, const std::string &network, const std::string &container,
                             const json &endpoint_config) {
    const ServiceOptions &opts = svc.options();
    if (!opts.networks) return Error::of(ErrorKind::Unavailable, "networking is not available");
    auto id = TRY(svc.store().resolve(container));
    auto op = svc.store().op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(svc.store().get(id));
    const std::string mode = network_mode(c);
    const json ep = endpoint_config.is_object() ? endpoint_config : json::object();
    const std::string ipv4 = requested_ipv4(ep);
    const auto aliases = strings_of(ep.value("Aliases", json()));
    auto net = TRY(opts.networks->get(network));
    if (!net.is_bridge() || mode == "host")
        return Error::invalid("container cannot be disconnected from host network or connected to host network");
    if (!has_own_interfaces(mode))
        return Error::invalid("container sharing network namespace with another container or host cannot be connected to any other network");
    TRY(opts.networks->check_endpoint(net.id, ipv4, !aliases.empty()));
    json networks = c.network_settings.value("Networks", json::object());
    if (networks.contains(net.name))
        return Error::of(ErrorKind::Forbidden, "endpoint with name " + bare_name(c) + " already exists in network " + net.name);
    json entry = endpoint_entry(net.id, ipv4, aliases);
    const pid_t pid = live_pid(svc, c);
    if (pid > 0) {
        network::AttachRequest req;
        req.network = net.id;
        req.container_id = id;
        req.container_name = bare_name(c);
        req.aliases = aliases;
        req.ipv4 = ipv4;
        req.netns_path = "/proc/" + std::to_string(pid) + "/ns/net";
        req.default_route = opts.networks->networks_of(id).empty();
        auto att = TRY(opts.networks->attach(req));
        entry["EndpointID"] = att.endpoint_id;
        entry["Gateway"] = network::format_ipv4(att.gateway);
        entry["IPAddress"] = network::format_ipv4(att.address);
        entry["IPPrefixLen"] = att.prefix;
        entry["MacAddress"] = att.mac;
        if (!net.is_default_bridge()) {
            entry["DNSNames"] = dns_names(c, aliases);
            if (opts.dns) {
                const bool was_serving = !user_network_ids(*opts.networks, networks).empty();
                opts.dns->set_records(net.id, id, dns_names(c, aliases), network::format_ipv4(att.address));
                json after = networks;
                after[net.name] = entry;
                const auto ids = user_network_ids(*opts.networks, after);
                if (was_serving) opts.dns->set_container_networks(id, ids);
                else if (auto r = opts.dns->serve_container(id, pid, ids); !r)
                    log::warn("name resolution for container " + c.short_id() + ": " + r.error().message());
            }
        }
    }
    auto saved = svc.store().update(id, [&](Container &x) { x.network_settings["Networks"][net.name] = entry; });
    if (!saved) {
        if (pid > 0) (void)opts.networks->detach(net.id, id);
        return std::move(saved).error();
    }
    return {};
}

Result<void> disconnect_network(ContainerService &svc, const std::string &network, const std::string &container,
                                bool force) {
    const ServiceOptions &opts = svc.options();
    if (!opts.networks) return Error::of(ErrorKind::Unavailable, "networking is not available");
    auto net = TRY(opts.networks->get(network));
    auto id_r = svc.store().resolve(container);
    if (!id_r) {
        // Force: an endpoint left by a container that no longer exists.
        if (force) {
            for (const auto &[cid, ep] : net.endpoints)
                if (ep.container_name == container || cid == container) return opts.networks->detach(net.id, cid);
        }
        return std::move(id_r).error();
    }
    const std::string id = *id_r;
    auto op = svc.store().op_mutex(id);
    std::lock_guard lock(*op);
    auto c = TRY(svc.store().get(id));
    const std::string mode = network_mode(c);
    if (!net.is_bridge() && (mode == "host" || net.driver == "host"))
        return Error::invalid("container cannot be disconnected from host network or connected to host network");
    json networks = c.network_settings.value("Networks", json::object());
    if (!networks.contains(net.name) && !net.endpoints.count(id)) {
        if (force) return {};
        return Error::of(ErrorKind::Forbidden, "container " + id + " is not connected to network " + net.name);
    }
    if (opts.dns) opts.dns->remove_records(net.id, id);
    TRY(opts.networks->detach(net.id, id));
    networks.erase(net.name);
    if (opts.dns && live_pid(svc, c) > 0) {
        const auto ids = user_network_ids(*opts.networks, networks);
        if (ids.empty()) opts.dns->stop_container(id);
        else opts.dns->set_container_networks(id, ids);
    }
    TRY(svc.store().update(id, [&](Container &x) { x.network_settings["Networks"] = networks; }));
    return {};
}

json network_settings_json(const Container &c) {
    const json &ns = c.network_settings;
    const json networks = ns.value("Networks", json::object());
    json ports = json::object();
    if (c.state.running) {
        ports = network::ports_inspect_json(published_of(ns), c.config.value("ExposedPorts", json()));
    }
    // The top-level fields describe the default bridge only (Docker's legacy fields).
    const json bridge = networks.contains("bridge") ? networks["bridge"] : json::object();
    return json{{"Bridge", ns.value("Bridge", std::string())},
                {"SandboxID", ""},
                {"SandboxKey", ns.value("SandboxKey", std::string())},
                {"Ports", ports},
                {"HairpinMode", false},
                {"LinkLocalIPv6Address", ""},
                {"LinkLocalIPv6PrefixLen", 0},
                {"SecondaryIPAddresses", nullptr},
                {"SecondaryIPv6Addresses", nullptr},
                {"EndpointID", bridge.value("EndpointID", std::string())},
                {"Gateway", bridge.value("Gateway", std::string())},
                {"GlobalIPv6Address", ""},
                {"GlobalIPv6PrefixLen", 0},
                {"IPAddress", bridge.value("IPAddress", std::string())},
                {"IPPrefixLen", bridge.value("IPPrefixLen", 0)},
                {"IPv6Gateway", ""},
                {"MacAddress", bridge.value("MacAddress", std::string())},
                {"Networks", networks}};
}

json summary_network_settings_json(const Container &c) {
    return json{{"Networks", c.network_settings.value("Networks", json::object())}};
}

json summary_ports_json(const Container &c) {
    if (!c.state.running) return json::array();
    return network::ports_list_json(published_of(c.network_settings));
}

}  // namespace berth::containers
