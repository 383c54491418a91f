// berth info: the readable system summary of `docker info`.
#include <ostream>

#include "cli/commands/commands.h"
#include "cli/format/human.h"

#ifndef BERTH_VERSION
#define BERTH_VERSION "0.0.0"
#endif

namespace berth::cli::commands {
namespace {

std::string text(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_boolean()) return it->get<bool>() ? "true" : "false";
    return it->dump();
}

void line(std::ostream &out, const std::string &indent, const char *label, const std::string &value) {
    out << indent << label << ": " << value << '\n';
}

void print_server(std::ostream &out, const nlohmann::json &i) {
    line(out, " ", "Containers", text(i, "Containers"));
    line(out, "  ", "Running", text(i, "ContainersRunning"));
    line(out, "  ", "Paused", text(i, "ContainersPaused"));
    line(out, "  ", "Stopped", text(i, "ContainersStopped"));
    line(out, " ", "Images", text(i, "Images"));
    line(out, " ", "Server Version", text(i, "ServerVersion"));
    line(out, " ", "Storage Driver", text(i, "Driver"));
    if (auto ds = i.find("DriverStatus"); ds != i.end() && ds->is_array())
        for (const auto &pair : *ds)
            if (pair.is_array() && pair.size() == 2 && pair[0].is_string() && pair[1].is_string())
                out << "  " << pair[0].get<std::string>() << ": " << pair[1].get<std::string>() << '\n';
    if (!text(i, "LoggingDriver").empty()) line(out, " ", "Logging Driver", text(i, "LoggingDriver"));
    line(out, " ", "Cgroup Driver", text(i, "CgroupDriver"));
    line(out, " ", "Cgroup Version", text(i, "CgroupVersion"));
    line(out, " ", "Kernel Version", text(i, "KernelVersion"));
    line(out, " ", "Operating System", text(i, "OperatingSystem"));
    line(out, " ", "OSType", text(i, "OSType"));
    line(out, " ", "Architecture", text(i, "Architecture"));
    line(out, " ", "CPUs", text(i, "NCPU"));
    auto mem = i.find("MemTotal");
    line(out, " ", "Total Memory",
         mem != i.end() && mem->is_number() ? format::binary_size(mem->get<double>()) : std::string("0B"));
    line(out, " ", "Name", text(i, "Name"));
    line(out, " ", "ID", text(i, "ID"));
    line(out, " ", "Docker Root Dir", text(i, "DockerRootDir"));
    line(out, " ", "Debug Mode", i.value("Debug", false) ? "true" : "false");
    line(out, " ", "Experimental", i.value("ExperimentalBuild", false) ? "true" : "false");
    // Insecure registries: index entries marked not secure, then the CIDRs (strings, or
    // {"IP","Mask"} objects from engines that serialise net.IPNet as such).
    if (auto rc = i.find("RegistryConfig"); rc != i.end() && rc->is_object()) {
        std::vector<std::string> insecure;
        if (auto idx = rc->find("IndexConfigs"); idx != rc->end() && idx->is_object())
            for (auto it = idx->begin(); it != idx->end(); ++it)
                if (it->is_object() && !it->value("Secure", true)) insecure.push_back(it.key());
        if (auto cidrs = rc->find("InsecureRegistryCIDRs"); cidrs != rc->end() && cidrs->is_array())
            for (const auto &c : *cidrs) {
                if (c.is_string()) insecure.push_back(c.get<std::string>());
                else if (c.is_object()) insecure.push_back(text(c, "IP") + "/" + text(c, "Mask"));
            }
        if (!insecure.empty()) {
            out << " Insecure Registries:\n";
            for (const auto &r : insecure) out << "  " << r << '\n';
        }
    }
    line(out, " ", "Live Restore Enabled", i.value("LiveRestoreEnabled", false) ? "true" : "false");
}

int run(Context &ctx, const ParsedArgs &) {
    auto &out = ctx.out;
    out << "Client:\n";
    line(out, " ", "Version", BERTH_VERSION);
    line(out, " ", "Context", "default");
    line(out, " ", "Debug Mode", ctx.debug ? "true" : "false");
    out << "\nServer:\n";
    auto client = ctx.client();
    if (!client) return ctx.fail(client.error());
    auto info = (*client)->info();
    if (!info) {
        out.flush();
        return ctx.fail(info.error());
    }
    print_server(out, *info);
    if (auto w = info->find("Warnings"); w != info->end() && w->is_array()) {
        bool any = false;
        for (const auto &msg : *w)
            if (msg.is_string()) {
                if (!any) out.flush();
                any = true;
                ctx.err << msg.get<std::string>() << '\n';
            }
    }
    return kExitOk;
}

}  // namespace

Command info_command() {
    Command c;
    c.path = "info";
    c.summary = "Display system-wide information";
    c.usage = "[OPTIONS]";
    c.run = run;
    return c;
}

}  // namespace berth::cli::commands
