// docker exec: processes started inside a running container. An exec is created (its
// configuration recorded), started once (`berthd exec-process`, sandbox/README.md), and
// inspected until its container is removed. Records live in memory, as Docker's do.
// Thread-safe.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <condition_variable>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/result.h"
#include "containers/exit_watcher.h"

namespace berth::containers {

class ContainerService;

struct ExecRecord {
    std::string id;            // 64 hex
    std::string container_id;
    std::vector<std::string> cmd;
    std::vector<std::string> env;  // the request's Env only
    std::string user;
    std::string working_dir;
    std::string detach_keys;
    bool attach_stdin = false, attach_stdout = false, attach_stderr = false;
    bool tty = false;
    bool privileged = false;
    std::uint16_t rows = 0, cols = 0;  // ConsoleSize [h, w]

    bool started = false;
    bool running = false;
    std::optional<int> exit_code;  // set once it ended
    pid_t pid = 0;
    pid_t process_pid = 0;  // the exec-process (its monitor)
};

class ExecService {
public:
    explicit ExecService(ContainerService &containers);
    ~ExecService();
    ExecService(const ExecService &) = delete;
    ExecService &operator=(const ExecService &) = delete;

    // POST /containers/{id}/exec: validates the body (400), the container (404, 409 when
    // not running or paused); returns the new exec ID.
    Result<std::string> create(const std::string &container, const nlohmann::json &body);

    // POST /exec/{id}/start: writes the exec's spec and starts it. `tty` overrides the
    // created setting when given. `on_created` runs while the process waits before its
    // first instruction (an attach client connects to attach_socket() then); it returns
    // once the process runs. 409 when already started or the container stopped.
    // `console_size` (rows, cols) likewise overrides the created ConsoleSize.
    Result<void> start(const std::string &exec_id, std::optional<bool> tty,
                       std::optional<std::pair<std::uint16_t, std::uint16_t>> console_size = std::nullopt,
                       const std::function<void()> &on_created = {});

    Result<void> resize(const std::string &exec_id, int rows, int cols);
    Result<nlohmann::json> inspect(const std::string &exec_id);
    Result<ExecRecord> get(const std::string &exec_id);
    Result<std::filesystem::path> attach_socket(const std::string &exec_id);
    // Blocks until the exec has ended and its exit is recorded (or `timeout` passed), so an
    // inspect after the attach stream ends shows the exit code.
    void wait_exit(const std::string &exec_id, std::chrono::milliseconds timeout);

    // The directory name under <bundle>/exec/: short, so that the attach socket path fits
    // sockaddr_un (/run/berth/c/<64 hex>/exec/<name>/attach.sock).
    static std::string dir_name(const std::string &exec_id) { return exec_id.substr(0, 12); }

private:
    Result<ExecRecord> find_locked(const std::string &exec_id);
    std::filesystem::path exec_dir(const ExecRecord &r) const;
    void on_exit(const std::string &exec_id);
    void forget_removed_containers_locked();

    ContainerService &containers_;
    std::mutex mu_;
    std::condition_variable exited_;
    std::map<std::string, ExecRecord> execs_;
    std::unique_ptr<ExitWatcher> watcher_;
};

}  // namespace berth::containers
