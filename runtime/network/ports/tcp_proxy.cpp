// TCP relay of the userland proxy. Each accepted connection gets a connection towards the
// container and two directions; a direction moves bytes with splice(): socket -> pipe ->
// socket, so the payload never enters user space. A pipe that cannot be had (fd limits)
// falls back to one large buffer per direction. A direction that reads end-of-file
// shuts down writing on the other side and the opposite direction keeps going, so
// half-closed protocols (a client that sends, shuts down, then reads) work.
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <unordered_map>

#include <boost/asio/post.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "network/ports/proxy.h"
#include "util/log.h"

namespace berth::network {
namespace {

namespace asio = boost::asio;
using Descriptor = asio::posix::stream_descriptor;
using Wait = asio::posix::descriptor_base::wait_type;

// A larger pipe means fewer splice() calls per megabyte (1 MiB is Linux's pipe-max-size).
// It holds only what was already read from the sender's socket, where it would otherwise
// have waited, so it does not add to what a slow reader can pin. The kernel may refuse
// (per-user pipe limits), in which case the default 64 KiB is fine.
constexpr int kPipeSize = 1024 * 1024;
constexpr std::size_t kBufferSize = 256 * 1024;
// Rounds one direction may run before yielding the io thread to other connections.
constexpr int kRoundsPerTurn = 16;

struct Direction {
    Descriptor *from = nullptr;
    Descriptor *to = nullptr;
    util::UniqueFd pipe_read, pipe_write;
    std::size_t pending = 0;  // bytes read but not yet written (in the pipe or buffer)
    std::unique_ptr<char[]> buffer;
    std::size_t buffer_offset = 0;
    bool eof = false;
    bool done = false;

    bool open_pipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0) return false;
        pipe_read.reset(fds[0]);
        pipe_write.reset(fds[1]);
        ::fcntl(fds[1], F_SETPIPE_SZ, kPipeSize);
        return true;
    }

    ssize_t read_in() {
        if (pipe_write) {
            return ::splice(from->native_handle(), nullptr, pipe_write.get(), nullptr, kPipeSize,
                            SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        }
        buffer_offset = 0;
        return ::recv(from->native_handle(), buffer.get(), kBufferSize, MSG_DONTWAIT);
    }

    ssize_t write_out() {
        if (pipe_read) {
            return ::splice(pipe_read.get(), nullptr, to->native_handle(), nullptr, pending,
                            SPLICE_F_MOVE | SPLICE_F_NONBLOCK);
        }
        ssize_t n = ::send(to->native_handle(), buffer.get() + buffer_offset, pending,
                           MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n > 0) buffer_offset += static_cast<std::size_t>(n);
        return n;
    }
};

class TcpListener;

class TcpConnection : public std::enable_shared_from_this<TcpConnection> {
public:
    TcpConnection(asio::io_context &io, int client_fd, std::weak_ptr<TcpListener> owner)
        : io_(io), client_(io, client_fd), backend_(io), owner_(std::move(owner)) {
        up_.from = &client_;
        up_.to = &backend_;
        down_.from = &backend_;
        down_.to = &client_;
    }

    void start(const sockaddr_in &backend);
    void close();

private:
    void relay() {
        for (Direction *d : {&up_, &down_}) {
            if (!d->open_pipe()) d->buffer = std::make_unique<char[]>(kBufferSize);
        }
        pump(up_);
        pump(down_);
    }

    void wait(Direction &d, Descriptor &on, Wait what) {
        on.async_wait(what, [self = shared_from_this(), &d](const boost::system::error_code &ec) {
            if (!ec && !self->closed_) self->pump(d);
        });
    }

    void pump(Direction &d) {
        for (int round = 0; round < kRoundsPerTurn; ++round) {
            if (closed_) return;
            if (d.pending > 0) {
                ssize_t n = d.write_out();
                if (n > 0) {
                    d.pending -= static_cast<std::size_t>(n);
                    continue;
                }
                if (n < 0 && errno == EINTR) continue;
                if (n < 0 && errno == EAGAIN) return wait(d, *d.to, Descriptor::wait_write);
                return close();  // the peer reset or went away: nothing more to deliver
            }
            if (d.eof) {
                ::shutdown(d.to->native_handle(), SHUT_WR);
                d.done = true;
                if (up_.done && down_.done) close();
                return;
            }
            ssize_t n = d.read_in();
            if (n > 0) {
                d.pending = static_cast<std::size_t>(n);
                continue;
            }
            if (n == 0) {
                d.eof = true;
                continue;
            }
            if (errno == EINTR) continue;
            if (errno == EAGAIN) return wait(d, *d.from, Descriptor::wait_read);
            return close();
        }
        // Still busy: let the other connections have the thread, then carry on.
        asio::post(io_, [self = shared_from_this(), &d] {
            if (!self->closed_) self->pump(d);
        });
    }

    asio::io_context &io_;
    Descriptor client_, backend_;
    Direction up_, down_;  // client -> container, container -> client
    std::weak_ptr<TcpListener> owner_;
    bool closed_ = false;
};

class TcpListener : public Proxy, public std::enable_shared_from_this<TcpListener> {
public:
    TcpListener(asio::io_context &io, util::UniqueFd fd, const sockaddr_in &backend)
        : io_(io), acceptor_(io, fd.release()), backend_(backend), retry_(io) {}

    void start() { wait_accept(); }

    void stop() override {
        stopped_ = true;
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        retry_.cancel();
        auto connections = std::move(connections_);
        connections_.clear();
        for (auto &[raw, connection] : connections) connection->close();
    }

    void forget(TcpConnection *connection) { connections_.erase(connection); }

private:
    void wait_accept() {
        acceptor_.async_wait(Descriptor::wait_read,
                             [self = shared_from_this()](const boost::system::error_code &ec) {
                                 if (!ec && !self->stopped_) self->accept_ready();
                             });
    }

    void accept_ready() {
        for (;;) {
            int fd = ::accept4(acceptor_.native_handle(), nullptr, nullptr,
                               SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                auto connection = std::make_shared<TcpConnection>(io_, fd, weak_from_this());
                connections_.emplace(connection.get(), connection);
                connection->start(backend_);
                continue;
            }
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EAGAIN) return wait_accept();
            // Out of descriptors or memory: the pending connection stays in the backlog;
            // try again shortly instead of spinning on a listener that stays readable.
            int saved = errno;
            if (!warned_) {
                warned_ = true;
                log::warn(std::string("port proxy: accept failed: ") + std::strerror(saved));
            }
            retry_.expires_after(std::chrono::milliseconds(100));
            retry_.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
                if (!ec && !self->stopped_) self->wait_accept();
            });
            return;
        }
    }

    asio::io_context &io_;
    Descriptor acceptor_;
    sockaddr_in backend_;
    asio::steady_timer retry_;
    std::unordered_map<TcpConnection *, std::shared_ptr<TcpConnection>> connections_;
    bool stopped_ = false;
    bool warned_ = false;
};

void TcpConnection::start(const sockaddr_in &backend) {
    int on = 1;
    // Requests and answers go out as soon as they are relayed, as docker-proxy (Go) does.
    ::setsockopt(client_.native_handle(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return close();
    backend_.assign(fd);
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&backend), sizeof backend) == 0)
        return relay();
    if (errno != EINPROGRESS) return close();
    backend_.async_wait(Descriptor::wait_write,
                        [self = shared_from_this()](const boost::system::error_code &ec) {
                            if (ec || self->closed_) return;
                            int err = 0;
                            socklen_t len = sizeof err;
                            ::getsockopt(self->backend_.native_handle(), SOL_SOCKET, SO_ERROR,
                                         &err, &len);
                            // Nothing listens in the container (yet): the client sees the
                            // connection closed, as with docker-proxy.
                            if (err != 0) return self->close();
                            self->relay();
                        });
}

void TcpConnection::close() {
    if (closed_) return;
    closed_ = true;
    auto keep_alive = shared_from_this();  // forget() below drops the listener's reference
    boost::system::error_code ignored;
    client_.close(ignored);
    backend_.close(ignored);
    if (auto owner = owner_.lock()) owner->forget(this);
}

}  // namespace

std::shared_ptr<Proxy> start_tcp_proxy(asio::io_context &io, util::UniqueFd listener,
                                       const sockaddr_in &backend) {
    auto proxy = std::make_shared<TcpListener>(io, std::move(listener), backend);
    proxy->start();
    return proxy;
}

}  // namespace berth::network
