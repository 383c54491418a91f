#include "api/server.h"

#include <malloc.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

#include "util/log.h"

namespace berth::api {

Server::Server(const Router &router, util::UniqueFd listen_fd, ServerOptions options)
    : router_(router),
      listen_fd_(std::move(listen_fd)),
      wake_fd_(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)),
      options_(std::move(options)) {}

Server::~Server() {
    stop();
    std::lock_guard lock(mu_);
    for (auto &c : connections_)
        if (c->thread.joinable()) c->thread.join();
}

void Server::stop() {
    stopping_ = true;
    const std::uint64_t one = 1;
    // An eventfd write only fails when the counter would overflow: already signalled.
    if (wake_fd_ && ::write(wake_fd_.get(), &one, sizeof one) < 0) return;
}

std::size_t Server::live_connections() const {
    std::lock_guard lock(mu_);
    std::size_t n = 0;
    for (const auto &c : connections_) n += c->done ? 0 : 1;
    return n;
}

void Server::reap_finished() {
    std::list<std::unique_ptr<Connection>> finished;
    // After a burst of requests (a pull, fifty containers) the heap holds freed chunks that
    // malloc keeps for later; hand them back once the connections that used them are gone,
    // at most every few seconds, so an idle berthd stays small.
    const auto now = std::chrono::steady_clock::now();
    if (trim_due_ && now - last_trim_ >= std::chrono::seconds(3)) {
        ::malloc_trim(0);
        last_trim_ = now;
        trim_due_ = false;
    }
    {
        std::lock_guard lock(mu_);
        for (auto it = connections_.begin(); it != connections_.end();) {
            if ((*it)->done) finished.splice(finished.end(), connections_, it++);
            else ++it;
        }
    }
    for (auto &c : finished) c->thread.join();
    if (!finished.empty()) trim_due_ = true;
}

void Server::serve(Connection *conn, util::UniqueFd fd) {
    serve_connection(fd.get(), router_, options_);
    // Mark done before the fd is closed, under the lock stop() uses, so shutdown never
    // touches a descriptor number that another thread may already have reused.
    {
        std::lock_guard lock(mu_);
        conn->fd = -1;
        conn->done = true;
    }
    fd.reset();
}

void Server::run() {
    pollfd fds[2] = {{listen_fd_.get(), POLLIN, 0}, {wake_fd_.get(), POLLIN, 0}};
    while (!stopping_) {
        // The timeout only bounds how long finished threads wait to be joined.
        const int n = ::poll(fds, 2, 1000);
        reap_finished();
        if (n < 0) {
            if (errno == EINTR) continue;
            log::error(Error::sys("poll", "listening socket").message());
            break;
        }
        if (stopping_ || (fds[1].revents & POLLIN)) break;
        if (!(fds[0].revents & POLLIN)) continue;
        util::UniqueFd client(::accept4(listen_fd_.get(), nullptr, nullptr, SOCK_CLOEXEC));
        if (!client) {
            if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
                log::warn(Error::sys("accept", "listening socket").message());
            // EMFILE and friends: back off briefly instead of spinning on a full table.
            if (errno == EMFILE || errno == ENFILE) ::usleep(100 * 1000);
            continue;
        }
        auto conn = std::make_unique<Connection>();
        Connection *raw = conn.get();
        conn->fd = client.get();
        std::lock_guard lock(mu_);
        connections_.push_back(std::move(conn));
        raw->thread = std::thread(&Server::serve, this, raw, std::move(client));
    }

    listen_fd_.reset();
    {
        std::lock_guard lock(mu_);
        if (!connections_.empty())
            log::info("closing " + std::to_string(connections_.size()) + " connection(s)");
        for (auto &c : connections_)
            if (!c->done && c->fd >= 0) ::shutdown(c->fd, SHUT_RDWR);
    }
    std::list<std::unique_ptr<Connection>> all;
    {
        std::lock_guard lock(mu_);
        all.swap(connections_);
    }
    for (auto &c : all)
        if (c->thread.joinable()) c->thread.join();
}

}  // namespace berth::api
