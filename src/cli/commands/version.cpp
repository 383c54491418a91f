// berth version: Client and Server sections like `docker version`.
#include <sys/utsname.h>

#include <ostream>

#include "cli/commands/commands.h"

#ifndef BERTH_VERSION
#define BERTH_VERSION "0.0.0"
#endif

namespace berth::cli::commands {
namespace {

std::string go_arch() {
    utsname u{};
    if (::uname(&u) != 0) return "unknown";
    std::string m = u.machine;
    if (m == "x86_64") return "amd64";
    if (m == "aarch64") return "arm64";
    if (m.size() == 4 && m[0] == 'i' && m.substr(2) == "86") return "386";
    return m;
}

// docker's version template goes through a tabwriter with minwidth 20.
void row(std::ostream &out, const std::string &indent, const std::string &key, const std::string &value) {
    std::string left = indent + key + ":";
    out << left << std::string(left.size() < 19 ? 20 - left.size() : 1, ' ') << value << '\n';
}

std::string text(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

int run(Context &ctx, const ParsedArgs &) {
    auto &out = ctx.out;
    out << "Client:\n";
    row(out, " ", "Version", BERTH_VERSION);
    auto client = ctx.client();
    std::string api = std::string(client::kMaxApiVersion);
    Result<nlohmann::json> server = Error::internal("no client");
    if (client) {
        server = (*client)->version();
        if (auto negotiated = (*client)->api_version(); negotiated && *negotiated != api)
            api = *negotiated + " (downgraded from " + api + ")";
    }
    row(out, " ", "API version", api);
    row(out, " ", "OS/Arch", "linux/" + go_arch());
    row(out, " ", "Context", "default");
    if (!client) return ctx.fail(client.error());
    if (!server) {
        out << '\n';
        out.flush();
        return ctx.fail(server.error());
    }
    const auto &v = *server;
    std::string platform = v.contains("Platform") ? text(v["Platform"], "Name") : std::string();
    out << "\nServer:" << (platform.empty() ? "" : " " + platform) << "\n Engine:\n";
    row(out, "  ", "Version", text(v, "Version"));
    std::string min = text(v, "MinAPIVersion");
    row(out, "  ", "API version", text(v, "ApiVersion") + (min.empty() ? "" : " (minimum version " + min + ")"));
    if (!text(v, "GoVersion").empty()) row(out, "  ", "Go version", text(v, "GoVersion"));
    row(out, "  ", "Git commit", text(v, "GitCommit"));
    row(out, "  ", "Built", text(v, "BuildTime"));
    row(out, "  ", "OS/Arch", text(v, "Os") + "/" + text(v, "Arch"));
    row(out, "  ", "Experimental", v.value("Experimental", false) ? "true" : "false");
    if (auto comps = v.find("Components"); comps != v.end() && comps->is_array()) {
        for (const auto &c : *comps) {
            std::string name = text(c, "Name");
            if (name.empty() || name == "Engine") continue;
            out << " " << name << ":\n";
            row(out, "  ", "Version", text(c, "Version"));
            if (auto d = c.find("Details"); d != c.end() && d->is_object())
                for (auto it = d->begin(); it != d->end(); ++it)
                    row(out, "  ", it.key(), it->is_string() ? it->get<std::string>() : it->dump());
        }
    }
    return kExitOk;
}

}  // namespace

Command version_command() {
    Command c;
    c.path = "version";
    c.summary = "Show the Berth version information";
    c.usage = "[OPTIONS]";
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
