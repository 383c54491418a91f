// The HTTP server on the daemon's Unix socket.
//
// Thread per connection with Beast's synchronous I/O, on purpose: the clients are few (the
// CLI, the desktop app, compose), and handlers must be able to stream for minutes (pull
// progress, events, logs) and to take over the raw socket for attach/exec. Plain blocking
// code in a thread does all three without turning handlers inside out into callbacks.
// Every live connection is tracked so stop() can shut its socket down and join its thread.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "api/router.h"
#include "util/unique_fd.h"

namespace berth::api {

struct ServerOptions {
    std::optional<gid_t> allowed_group;  // besides root; nullopt = root only
    std::string group_name = "berth";
    // Larger bodies get 413: no Engine API request body (container create, exec, build
    // context aside) comes near this, and it bounds what one client can make us buffer.
    std::size_t body_limit = 16 * 1024 * 1024;
    std::string server_header = "Berth/0.1.0 (linux)";
};

class Server {
public:
    Server(const Router &router, util::UniqueFd listen_fd, ServerOptions options);
    ~Server();

    // Accepts connections until stop(); then shuts down every connection and joins it.
    void run();
    // Thread-safe; returns at once, run() does the rest.
    void stop();

    std::size_t live_connections() const;

private:
    struct Connection {
        int fd = -1;  // guarded by mu_; -1 once the thread is about to close it
        std::thread thread;
        bool done = false;
    };
    void serve(Connection *conn, util::UniqueFd fd);
    void reap_finished();

    const Router &router_;
    util::UniqueFd listen_fd_;
    util::UniqueFd wake_fd_;  // eventfd that stop() signals
    ServerOptions options_;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mu_;
    std::list<std::unique_ptr<Connection>> connections_;
    // run()'s thread only: whether connections ended since the heap was last trimmed.
    bool trim_due_ = false;
    std::chrono::steady_clock::time_point last_trim_{};
};

// Serves one connection until the client closes it, an error, a hijack or shutdown.
void serve_connection(int fd, const Router &router, const ServerOptions &options);

}  // namespace berth::api
