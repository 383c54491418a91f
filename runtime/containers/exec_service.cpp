#include "containers/exec_service.h"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <thread>
#include <tuple>

#include "containers/ids.h"
#include "containers/monitor_launch.h"
#include "containers/rootfs_files.h"
#include "containers/service.h"
#include "images/image_store.h"
#include "sandbox/attach.h"
#include "sandbox/spec.h"
#include "util/atomic_file.h"
#include "util/log.h"
#include "util/unique_fd.h"

namespace berth::containers {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

Error no_such_exec(const std::string &id) { return Error::not_found("No such exec instance: " + id); }

Error type_error(const std::string &field, const json &value, const std::string &go_type) {
    return Error::invalid("json: cannot unmarshal " + std::string(value.type_name()) +
                          " into Go struct field ExecConfig." + field + " of type " + go_type);
}

Result<std::vector<std::string>> string_list(const json &body, const std::string &field) {
    std::vector<std::string> out;
    if (!body.contains(field) || body[field].is_null()) return out;
    const json &v = body[field];
    if (v.is_string()) return std::vector<std::string>{v.get<std::string>()};
    if (!v.is_array()) return type_error(field, v, "[]string");
    for (const auto &e : v) {
        if (!e.is_string()) return type_error(field, e, "string");
        out.push_back(e.get<std::string>());
    }
    return out;
}

Result<std::string> string_field(const json &body, const std::string &field) {
    if (!body.contains(field) || body[field].is_null()) return std::string();
    if (!body[field].is_string()) return type_error(field, body[field], "string");
    return body[field].get<std::string>();
}

Result<bool> bool_field(const json &body, const std::string &field) {
    if (!body.contains(field) || body[field].is_null()) return false;
    if (!body[field].is_boolean()) return type_error(field, body[field], "bool");
    return body[field].get<bool>();
}

Error not_running(const Container &c) {
    if (c.state.paused) return Error::conflict("Container " + c.id + " is paused, unpause the container before exec");
    if (c.state.restarting)
        return Error::conflict("Container " + c.id + " is restarting, wait until the container is running");
    return Error::conflict("container " + c.id + " is not running");
}

std::string env_key(const std::string &kv) { return kv.substr(0, kv.find('=')); }

// The container's environment with the exec's entries added or replacing by key.
std::vector<std::string> merge_env(std::vector<std::string> base, const std::vector<std::string> &extra) {
    for (const auto &kv : extra) {
        bool replaced = false;
        for (auto &b : base)
            if (env_key(b) == env_key(kv)) {
                b = kv;
                replaced = true;
            }
        if (!replaced) base.push_back(kv);
    }
    return base;
}

std::string joined(const std::vector<std::string> &words) {
    std::string out;
    for (const auto &w : words) out += (out.empty() ? "" : " ") + w;
    return out;
}

}  // namespace

ExecService::ExecService(ContainerService &containers) : containers_(containers) {
    watcher_ = std::make_unique<ExitWatcher>([this](const std::string &id) { on_exit(id); });
}

ExecService::~ExecService() { watcher_.reset(); }

void ExecService::forget_removed_containers_locked() {
    for (auto it = execs_.begin(); it != execs_.end();) {
        if (!containers_.get(it->second.container_id)) it = execs_.erase(it);
        else ++it;
    }
}

Result<ExecRecord> ExecService::find_locked(const std::string &exec_id) {
    auto it = execs_.find(exec_id);
    if (it == execs_.end()) return no_such_exec(exec_id);
    // Execs go with their container.
    if (!containers_.get(it->second.container_id)) {
        execs_.erase(it);
        return no_such_exec(exec_id);
    }
    return it->second;
}

Result<ExecRecord> ExecService::get(const std::string &exec_id) {
    std::lock_guard lock(mu_);
    return find_locked(exec_id);
}

fs::path ExecService::exec_dir(const ExecRecord &r) const {
    return containers_.store().dir(r.container_id) / "exec" / dir_name(r.id);
}

Result<fs::path> ExecService::attach_socket(const std::string &exec_id) {
    auto r = TRY(get(exec_id));
    return containers_.bundle_path(r.container_id) / "exec" / dir_name(r.id) / "attach.sock";
}

Result<std::string> ExecService::create(const std::string &container, const json &body) {
    if (!body.is_object()) return Error::invalid("invalid JSON: the request body must be an object");
    auto c = TRY(containers_.get(container));
    if (!c.state.running || c.state.paused || c.state.restarting) return not_running(c);

    ExecRecord r;
    r.cmd = TRY(string_list(body, "Cmd"));
    if (r.cmd.empty()) return Error::invalid("No exec command specified");
    r.env = TRY(string_list(body, "Env"));
    for (const auto &kv : r.env)
        if (kv.empty() || kv.front() == '=') return Error::invalid("invalid environment variable: " + kv);
    r.user = TRY(string_field(body, "User"));
    r.working_dir = TRY(string_field(body, "WorkingDir"));
    if (!r.working_dir.empty() && r.working_dir.front() != '/')
        return Error::invalid("the working directory '" + r.working_dir + "' is invalid, it needs to be an absolute path");
    r.detach_keys = TRY(string_field(body, "DetachKeys"));
    r.attach_stdin = TRY(bool_field(body, "AttachStdin"));
    r.attach_stdout = TRY(bool_field(body, "AttachStdout"));
    r.attach_stderr = TRY(bool_field(body, "AttachStderr"));
    r.tty = TRY(bool_field(body, "Tty"));
    r.privileged = TRY(bool_field(body, "Privileged"));
    if (body.contains("ConsoleSize") && !body["ConsoleSize"].is_null()) {
        const json &cs = body["ConsoleSize"];
        if (!cs.is_array() || cs.size() != 2 || !cs[0].is_number_unsigned() || !cs[1].is_number_unsigned() ||
            cs[0].get<std::uint64_t>() > 65535 || cs[1].get<std::uint64_t>() > 65535)
            return Error::invalid("ConsoleSize must be [height, width] with values from 0 to 65535");
        r.rows = static_cast<std::uint16_t>(cs[0].get<std::uint64_t>());
        r.cols = static_cast<std::uint16_t>(cs[1].get<std::uint64_t>());
    }
    r.id = generate_id();
    r.container_id = c.id;
    {
        std::lock_guard lock(mu_);
        forget_removed_containers_locked();
        execs_[r.id] = r;
    }
    (void)containers_.store().update(c.id, [&](Container &x) { x.exec_ids.push_back(r.id); });
    containers_.publish(c, "exec_create: " + joined(r.cmd), {{"execID", r.id}});
    return r.id;
}

Result<void> ExecService::start(const std::string &exec_id, std::optional<bool> tty,
                                std::optional<std::pair<std::uint16_t, std::uint16_t>> console_size,
                                const std::function<void()> &on_created) {
    ExecRecord r;
    {
        std::lock_guard lock(mu_);
        r = TRY(find_locked(exec_id));
        if (r.running) return Error::conflict("Error: Exec command " + exec_id + " is already running");
        if (r.started) return Error::conflict("Error: Exec command " + exec_id + " has already run");
        auto &rec = execs_[exec_id];
        rec.started = true;
        if (tty) rec.tty = *tty;
        if (console_size) std::tie(rec.rows, rec.cols) = *console_size;
        r = rec;
    }
    // An exec that never ran is over: out of the container's ExecIDs, as one that ended.
    auto drop_from_container = [&] {
        (void)containers_.store().update(r.container_id, [&](Container &x) { std::erase(x.exec_ids, r.id); });
    };
    auto fail = [&](Error e) -> Result<void> {
        {
            std::lock_guard lock(mu_);
            if (auto it = execs_.find(exec_id); it != execs_.end()) {
                it->second.running = false;
                if (!it->second.exit_code) it->second.exit_code = 126;
            }
        }
        exited_.notify_all();
        drop_from_container();
        return e;
    };
    auto c = containers_.get(r.container_id);
    if (!c) return fail(std::move(c).error());
    if (!c->state.running || c->state.paused) return fail(not_running(*c));

    auto built = [&]() -> Result<sandbox::ExecSpec> {
        const fs::path dir = containers_.store().dir(c->id);
        auto cspec = TRY(sandbox::load_spec((dir / "spec.json").string()));
        sandbox::ExecSpec e;
        e.id = dir_name(r.id);
        e.privileged = r.privileged;
        e.start_gate = true;
        e.process.args = r.cmd;
        e.process.env = merge_env(cspec.process.env, r.env);
        e.process.cwd = r.working_dir.empty() ? cspec.process.cwd : r.working_dir;
        e.process.terminal = r.tty;
        e.process.open_stdin = r.attach_stdin;
        e.process.stdin_once = r.attach_stdin;
        e.process.console_size = {r.rows, r.cols};
        if (r.user.empty()) {
            e.process.uid = cspec.process.uid;
            e.process.gid = cspec.process.gid;
            e.process.additional_gids = cspec.process.additional_gids;
        } else {
            // As at create: names come from the container's own /etc/passwd and /etc/group.
            const auto *images = containers_.options().images;
            if (images == nullptr) return Error::internal("no image store");
            auto layers = TRY(images->layer_dirs(c->image_id));
            std::string passwd, group;
            if (auto p = find_in_layers(layers, dir / "upper", "etc/passwd"))
                if (auto t = util::read_file(*p)) passwd = *t;
            if (auto g = find_in_layers(layers, dir / "upper", "etc/group"))
                if (auto t = util::read_file(*g)) group = *t;
            auto u = TRY(resolve_user(r.user, passwd, group, {}));
            e.process.uid = u.uid;
            e.process.gid = u.gid;
            e.process.additional_gids = u.additional_gids;
        }
        return e;
    }();
    if (!built) return fail(std::move(built).error());
    const fs::path dir = exec_dir(r);
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return fail(Error{"create directory", dir.string(), ec.value(), {}, ErrorKind::Internal});
    if (auto w = sandbox::write_json_atomic((dir / "spec.json").string(), json(*built)); !w)
        return fail(std::move(w).error());

    auto started = launch_exec_process(containers_.options().monitor_exe, containers_.bundle_path(c->id),
                                       dir_name(r.id), on_created);
    if (!started) {
        // The exec process records why it could not run (127: not found, 126: not runnable).
        Error e = std::move(started).error();
        // It reports on fd 3 first and writes exit.json just after: give it a moment.
        int code = 126;
        for (int i = 0; i < 100; ++i) {
            if (auto st = sandbox::load_exit_status((dir / "exit.json").string()); st) {
                code = st->exit_code;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        {
            std::lock_guard lock(mu_);
            if (auto it = execs_.find(exec_id); it != execs_.end()) it->second.exit_code = code;
        }
        exited_.notify_all();
        drop_from_container();
        if (e.kind == ErrorKind::Internal && code == 127) e.kind = ErrorKind::InvalidArgument;
        return e;
    }
    {
        std::lock_guard lock(mu_);
        if (auto it = execs_.find(exec_id); it != execs_.end()) {
            it->second.running = true;
            it->second.pid = started->pid;
            it->second.process_pid = started->monitor_pid;
        }
    }
    watcher_->watch(exec_id, started->monitor_pid);
    containers_.publish(*c, "exec_start: " + joined(r.cmd), {{"execID", r.id}});
    return {};
}

void ExecService::on_exit(const std::string &exec_id) {
    ExecRecord r;
    {
        std::lock_guard lock(mu_);
        auto it = execs_.find(exec_id);
        if (it == execs_.end()) return;
        int code = 126;
        if (auto st = sandbox::load_exit_status((exec_dir(it->second) / "exit.json").string()); st)
            code = st->exit_code;
        it->second.running = false;
        it->second.exit_code = code;
        it->second.pid = 0;
        r = it->second;
    }
    exited_.notify_all();
    // Docker keeps an ended exec for inspect but drops it from the container's ExecIDs.
    auto c = containers_.store().update(r.container_id, [&](Container &x) {
        std::erase(x.exec_ids, r.id);
    });
    std::error_code ec;
    fs::remove_all(exec_dir(r), ec);
    if (c) containers_.publish(*c, "exec_die", {{"execID", r.id}, {"exitCode", std::to_string(*r.exit_code)}});
}

void ExecService::wait_exit(const std::string &exec_id, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    exited_.wait_for(lock, timeout, [&] {
        auto it = execs_.find(exec_id);
        return it == execs_.end() || it->second.exit_code.has_value();
    });
}

Result<void> ExecService::resize(const std::string &exec_id, int rows, int cols) {
    if (rows < 0 || cols < 0 || rows > 65535 || cols > 65535) return Error::invalid("invalid terminal size");
    auto r = TRY(get(exec_id));
    if (!r.running) return Error::conflict("Exec " + exec_id + " is not running");
    const fs::path path = containers_.bundle_path(r.container_id) / "exec" / dir_name(r.id) / "attach.sock";
    util::UniqueFd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return Error::sys("socket", path.string());
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (path.string().size() >= sizeof addr.sun_path) return Error::invalid("attach socket path too long: " + path.string());
    std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
    if (::connect(fd.get(), reinterpret_cast<sockaddr *>(&addr), sizeof addr) < 0)
        return Error::conflict("Exec " + exec_id + " is not running");
    const std::string f = sandbox::attach::resize_frame(static_cast<std::uint16_t>(rows), static_cast<std::uint16_t>(cols));
    if (::send(fd.get(), f.data(), f.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(f.size()))
        return Error::sys("resize", exec_id);
    return {};
}

Result<json> ExecService::inspect(const std::string &exec_id) {
    auto r = TRY(get(exec_id));
    json args = json::array();
    for (std::size_t i = 1; i < r.cmd.size(); ++i) args.push_back(r.cmd[i]);
    return json{{"ID", r.id},
                {"Running", r.running},
                {"ExitCode", r.exit_code ? json(*r.exit_code) : json(nullptr)},
                {"ProcessConfig",
                 {{"tty", r.tty},
                  {"entrypoint", r.cmd.empty() ? std::string() : r.cmd[0]},
                  {"arguments", args},
                  {"privileged", r.privileged},
                  {"user", r.user}}},
                {"OpenStdin", r.attach_stdin},
                {"OpenStderr", r.attach_stderr},
                {"OpenStdout", r.attach_stdout},
                {"CanRemove", false},
                {"ContainerID", r.container_id},
                {"DetachKeys", r.detach_keys},
                {"Pid", r.pid}};
}

}  // namespace berth::containers
