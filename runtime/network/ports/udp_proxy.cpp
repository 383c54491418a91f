// UDP relay of the userland proxy. UDP has no connections, so the proxy makes one flow per
// client address: a socket connected to the container's port, whose answers go back to
// that client from the published socket. A flow without traffic for `idle` is dropped
// (docker-proxy's conntrack timeout is 90 s). Datagrams that cannot be sent at once are
// dropped, as the network itself would.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include "network/ports/proxy.h"

namespace berth::network {
namespace {

namespace asio = boost::asio;
using Descriptor = asio::posix::stream_descriptor;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kDatagramMax = 65536;
// Beyond this many clients new ones are ignored until old flows time out: each flow holds
// a descriptor.
constexpr std::size_t kMaxFlows = 4096;

std::uint64_t client_key(const sockaddr_in &a) {
    return (std::uint64_t{a.sin_addr.s_addr} << 16) | a.sin_port;
}

class UdpListener;

class UdpFlow : public std::enable_shared_from_this<UdpFlow> {
public:
    UdpFlow(asio::io_context &io, int fd, const sockaddr_in &client, int reply_fd)
        : socket_(io, fd), client_(client), reply_fd_(reply_fd), last_active_(Clock::now()) {}

    void start() { wait_answer(); }
    void close() {
        closed_ = true;
        boost::system::error_code ignored;
        socket_.close(ignored);
    }
    void send(const char *data, std::size_t size) {
        last_active_ = Clock::now();
        ::send(socket_.native_handle(), data, size, MSG_DONTWAIT);
    }
    Clock::time_point last_active() const { return last_active_; }

private:
    void wait_answer() {
        socket_.async_wait(Descriptor::wait_read,
                           [self = shared_from_this()](const boost::system::error_code &ec) {
                               if (!ec && !self->closed_) self->answers_ready();
                           });
    }

    void answers_ready() {
        // On the stack, not thread_local: static TLS is made for every thread of berthd,
        // 64 KiB each of them would touch whether it proxies UDP or not.
        char buffer[kDatagramMax];
        for (;;) {
            ssize_t n = ::recv(socket_.native_handle(), buffer, sizeof buffer, MSG_DONTWAIT);
            if (n >= 0) {
                last_active_ = Clock::now();
                ::sendto(reply_fd_, buffer, static_cast<std::size_t>(n), MSG_DONTWAIT,
                         reinterpret_cast<const sockaddr *>(&client_), sizeof client_);
                continue;
            }
            // ECONNREFUSED: an ICMP port unreachable from the container (nothing bound yet);
            // the flow stays, a later datagram may find a listener.
            if (errno == EINTR || errno == ECONNREFUSED) continue;
            break;
        }
        wait_answer();
    }

    Descriptor socket_;
    sockaddr_in client_;
    int reply_fd_;  // the published socket, owned by the listener that outlives the flow
    Clock::time_point last_active_;
    bool closed_ = false;
};

class UdpListener : public Proxy, public std::enable_shared_from_this<UdpListener> {
public:
    UdpListener(asio::io_context &io, util::UniqueFd fd, const sockaddr_in &backend,
                std::chrono::seconds idle)
        : io_(io), socket_(io, fd.release()), backend_(backend), idle_(idle), sweep_(io) {}

    void start() {
        wait_datagrams();
        schedule_sweep();
    }

    void stop() override {
        stopped_ = true;
        boost::system::error_code ignored;
        sweep_.cancel();
        for (auto &[key, flow] : flows_) flow->close();
        flows_.clear();
        socket_.close(ignored);
    }

private:
    void wait_datagrams() {
        socket_.async_wait(Descriptor::wait_read,
                           [self = shared_from_this()](const boost::system::error_code &ec) {
                               if (!ec && !self->stopped_) self->datagrams_ready();
                           });
    }

    void datagrams_ready() {
        char buffer[kDatagramMax];  // on the stack: see answers_ready()
        for (;;) {
            sockaddr_in client{};
            socklen_t len = sizeof client;
            ssize_t n = ::recvfrom(socket_.native_handle(), buffer, sizeof buffer, MSG_DONTWAIT,
                                   reinterpret_cast<sockaddr *>(&client), &len);
            if (n < 0) {
                if (errno == EINTR) continue;
                break;  // EAGAIN, or a transient error that the next datagram may not have
            }
            if (auto flow = flow_for(client)) flow->send(buffer, static_cast<std::size_t>(n));
        }
        wait_datagrams();
    }

    std::shared_ptr<UdpFlow> flow_for(const sockaddr_in &client) {
        auto key = client_key(client);
        if (auto it = flows_.find(key); it != flows_.end()) return it->second;
        if (flows_.size() >= kMaxFlows) return nullptr;
        int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) return nullptr;
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&backend_), sizeof backend_) < 0) {
            ::close(fd);
            return nullptr;
        }
        auto flow = std::make_shared<UdpFlow>(io_, fd, client, socket_.native_handle());
        flow->start();
        flows_.emplace(key, flow);
        return flow;
    }

    void schedule_sweep() {
        auto period = std::max<Clock::duration>(std::chrono::seconds(1), idle_ / 3);
        sweep_.expires_after(period);
        sweep_.async_wait([self = shared_from_this()](const boost::system::error_code &ec) {
            if (ec || self->stopped_) return;
            auto now = Clock::now();
            for (auto it = self->flows_.begin(); it != self->flows_.end();) {
                if (now - it->second->last_active() >= self->idle_) {
                    it->second->close();
                    it = self->flows_.erase(it);
                } else {
                    ++it;
                }
            }
            self->schedule_sweep();
        });
    }

    asio::io_context &io_;
    Descriptor socket_;
    sockaddr_in backend_;
    std::chrono::seconds idle_;
    asio::steady_timer sweep_;
    std::map<std::uint64_t, std::shared_ptr<UdpFlow>> flows_;
    bool stopped_ = false;
};

}  // namespace

std::shared_ptr<Proxy> start_udp_proxy(asio::io_context &io, util::UniqueFd socket,
                                       const sockaddr_in &backend, std::chrono::seconds idle) {
    auto proxy = std::make_shared<UdpListener>(io, std::move(socket), backend, idle);
    proxy->start();
    return proxy;
}

}  // namespace berth::network
