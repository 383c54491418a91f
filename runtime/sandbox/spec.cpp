// Loading and validating spec files, and the atomic JSON writes the monitor's state uses.
#include "sandbox/spec.h"

#include <fcntl.h>
#include <unistd.h>


#include "sandbox/sys.h"

namespace berth::sandbox {
namespace {

Result<nlohmann::json> read_json(const std::string &path) {
    auto text = TRY(sys::read_file(path));
    auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Error{"parse", path, 0, "not valid JSON"};
    return j;
}

template <class T>
Result<T> convert(const nlohmann::json &j, const std::string &path) {
    try {
        return j.get<T>();
    } catch (const nlohmann::json::exception &e) {
        return Error{"parse", path, 0, e.what(), ErrorKind::InvalidArgument};
    }
}

Result<void> check_process(const Process &p, const std::string &path) {
    if (p.args.empty()) return Error{"validate", path, 0, "process.args is empty"};
    if (p.cwd.empty() || p.cwd[0] != '/')
        return Error{"validate", path, 0, "process.cwd must be absolute"};
    return {};
}

}  // namespace

Result<Spec> load_spec(const std::string &path) {
    auto j = TRY(read_json(path));
    auto spec = TRY(convert<Spec>(j, path));
    if (spec.id.empty()) return Error{"validate", path, 0, "id is empty"};
    if (spec.rootfs.lower.empty()) return Error{"validate", path, 0, "rootfs.lower is empty"};
    if (spec.rootfs.merged.empty()) return Error{"validate", path, 0, "rootfs.merged is empty"};
    if (!spec.rootfs.upper.empty() && spec.rootfs.work.empty())
        return Error{"validate", path, 0, "rootfs.work is required with rootfs.upper"};
    TRY(check_process(spec.process, path));
    for (const auto &m : spec.mounts) {
        if (m.destination.empty() || m.destination[0] != '/')
            return Error{"validate", path, 0, "mount destination must be absolute: " + m.destination};
        if (m.type != "bind" && m.type != "tmpfs")
            return Error{"validate", path, 0, "unsupported mount type: " + m.type};
    }
    if (spec.network.mode != "none" && spec.network.mode != "host" && spec.network.mode != "join")
        return Error{"validate", path, 0, "unknown network mode: " + spec.network.mode};
    if (spec.network.mode == "join" && spec.network.path.empty())
        return Error{"validate", path, 0, "network.path is required for mode join"};
    if (spec.security.seccomp != "default" && spec.security.seccomp != "unconfined")
        return Error{"validate", path, 0, "unknown seccomp profile: " + spec.security.seccomp};
    return spec;
}

Result<ExecSpec> load_exec_spec(const std::string &path) {
    auto j = TRY(read_json(path));
    auto spec = TRY(convert<ExecSpec>(j, path));
    TRY(check_process(spec.process, path));
    return spec;
}

Result<ExitStatus> load_exit_status(const std::string &path) {
    auto j = TRY(read_json(path));
    return convert<ExitStatus>(j, path);
}

Result<void> write_json_atomic(const std::string &path, const nlohmann::json &j) {
    return sys::write_file_atomic(path, j.dump() + "\n");
}

}  // namespace berth::sandbox
