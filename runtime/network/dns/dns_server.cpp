#include "network/dns/dns_server.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <future>
#include <map>
#include <set>
#include <system_error>
#include <thread>

#include "network/dns/forwarder.h"
#include "network/dns/message.h"
#include "network/dns/netns_sockets.h"
#include "network/dns/records.h"
#include "util/log.h"

namespace berth::network {
namespace asio = boost::asio;
using boost::system::error_code;
using dns::Bytes;
using dns::Transport;

namespace {
// Docker's embedded resolver address, what containers on user networks find in resolv.conf.
constexpr const char *kListenAddress = "127.0.0.11";
constexpr std::uint16_t kListenPort = 53;
constexpr std::size_t kMaxTcpConnections = 32;          // per container
constexpr std::chrono::seconds kTcpIdleTimeout{10};     // RFC 7766 6.2.3 suggests seconds
}  // namespace

// Answers one query from a container: from the records, or through the forwarder.
using Answerer = std::function<void(const std::string &container_id, std::span<const std::uint8_t> wire,
                                    Transport t, std::function<void(Bytes)> reply)>;

namespace {

class TcpConnection;

// The sockets serving one container, inside its network namespace.
struct Endpoint {
    Endpoint(asio::io_context &io, std::string id)
        : container_id(std::move(id)), udp(io), acceptor(io), accept_retry(io) {}
    std::string container_id;
    asio::ip::udp::socket udp;
    asio::ip::tcp::acceptor acceptor;
    asio::steady_timer accept_retry;  // after a failed accept (EMFILE), rather than spinning
    asio::ip::udp::endpoint sender;
    std::array<std::uint8_t, 65535> datagram{};
    std::set<std::shared_ptr<TcpConnection>> connections;
    bool closed = false;
};

// One TCP client: length-prefixed queries (RFC 1035 4.2.2), answered one after the other.
class TcpConnection : public std::enable_shared_from_this<TcpConnection> {
public:
    TcpConnection(asio::ip::tcp::socket s, std::weak_ptr<Endpoint> ep, const Answerer &answer)
        : socket_(std::move(s)), timer_(socket_.get_executor()), endpoint_(std::move(ep)), answer_(answer) {}

    void start() { read_length(); }
    void close() {
        error_code ignored;
        timer_.cancel();
        socket_.close(ignored);
        if (auto ep = endpoint_.lock()) ep->connections.erase(shared_from_this());
    }

private:
    void read_length() {
        timer_.expires_after(kTcpIdleTimeout);
        timer_.async_wait([self = shared_from_this()](const error_code &ec) {
            if (!ec) self->close();
        });
        asio::async_read(socket_, asio::buffer(length_), [self = shared_from_this()](const error_code &ec, std::size_t) {
            const std::size_t size = std::size_t{self->length_[0]} << 8 | self->length_[1];
            if (ec || size == 0) return self->close();
            self->message_.resize(size);
            asio::async_read(self->socket_, asio::buffer(self->message_),
                             [self](const error_code &rec, std::size_t) {
                                 if (rec) return self->close();
                                 self->timer_.cancel();
                                 self->dispatch();
                             });
        });
    }

    void dispatch() {
        auto ep = endpoint_.lock();
        if (!ep || ep->closed) return close();
        answer_(ep->container_id, message_, Transport::Tcp, [self = shared_from_this()](Bytes reply) {
            if (reply.empty()) return self->close();  // not a query: nothing more to talk about
            auto framed = std::make_shared<Bytes>(dns::tcp_framed(reply));
            asio::async_write(self->socket_, asio::buffer(*framed), [self, framed](const error_code &ec, std::size_t) {
                if (ec) return self->close();
                self->read_length();
            });
        });
    }

    asio::ip::tcp::socket socket_;
    asio::steady_timer timer_;
    std::weak_ptr<Endpoint> endpoint_;
    const Answerer &answer_;
    std::array<std::uint8_t, 2> length_{};
    Bytes message_;
};

}  // namespace

struct DnsServer::Impl {
    explicit Impl(DnsOptions o)
        : opts(std::move(o)), work(asio::make_work_guard(io)), forwarder(io, opts.resolv_conf, opts.upstream_timeout) {
        answerer = [this](const std::string &id, std::span<const std::uint8_t> wire, Transport t,
                          std::function<void(Bytes)> reply) { answer(id, wire, t, std::move(reply)); };
    }

    DnsOptions opts;
    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work;
    dns::Forwarder forwarder;
    dns::Records records;
    Answerer answerer;
    std::map<std::string, std::shared_ptr<Endpoint>> endpoints;  // io thread only
    std::thread thread;

    // Runs `f` on the io thread and waits for it.
    void run_on_io(std::function<void()> f) {
        if (io.get_executor().running_in_this_thread() || !thread.joinable()) {
            f();
            return;
        }
        std::promise<void> ran;
        auto finished = ran.get_future();
        asio::post(io, [&] {
            f();
            ran.set_value();
        });
        finished.wait();
    }

    void answer(const std::string &container_id, std::span<const std::uint8_t> wire, Transport t,
                std::function<void(Bytes)> reply) {
        auto parsed = dns::parse_query(wire);
        if (!parsed.query) {
            reply(std::move(parsed.error_reply));  // empty: dropped
            return;
        }
        auto query = std::make_shared<const dns::Query>(std::move(*parsed.query));
        if (query->klass() == dns::kClassIn) {
            const std::string name = query->name();
            if (query->type() == dns::kTypePtr) {
                if (auto ip = dns::reverse_ipv4(name)) {
                    auto names = records.names_of(container_id, *ip);
                    if (!names.empty()) return reply(query->answer_names(names, t));
                }
            }
            auto addresses = records.addresses(container_id, name);
            if (!addresses.empty()) {
                // A known name has only an IPv4 address: every other type is an empty NOERROR
                // (no data), which tells the client the name exists (RFC 2308 2.2).
                if (query->type() == dns::kTypeA) return reply(query->answer_addresses(addresses, t));
                return reply(query->answer_rcode(dns::kRcodeNoError));
            }
        }
        forwarder.forward(std::move(query), t, std::move(reply));
    }

    void receive_udp(const std::shared_ptr<Endpoint> &ep) {
        ep->udp.async_receive_from(asio::buffer(ep->datagram), ep->sender, [this, ep](const error_code &ec, std::size_t n) {
            if (ep->closed || ec == asio::error::operation_aborted || !ep->udp.is_open()) return;
            if (!ec) {
                const auto client = ep->sender;
                answerer(ep->container_id, std::span<const std::uint8_t>(ep->datagram.data(), n), Transport::Udp,
                         [ep, client](Bytes reply) {
                             if (reply.empty() || ep->closed) return;
                             auto data = std::make_shared<Bytes>(std::move(reply));
                             ep->udp.async_send_to(asio::buffer(*data), client, [data](const error_code &, std::size_t) {});
                         });
            }
            receive_udp(ep);
        });
    }

    void accept_tcp(const std::shared_ptr<Endpoint> &ep) {
        ep->acceptor.async_accept([this, ep](const error_code &ec, asio::ip::tcp::socket socket) {
            if (ep->closed || ec == asio::error::operation_aborted) return;
            if (ec) {
                ep->accept_retry.expires_after(std::chrono::milliseconds(100));
                ep->accept_retry.async_wait([this, ep](const error_code &wait_ec) {
                    if (!wait_ec && !ep->closed) accept_tcp(ep);
                });
                return;
            }
            if (ep->connections.size() >= kMaxTcpConnections) {
                error_code ignored;
                socket.close(ignored);
            } else {
                auto conn = std::make_shared<TcpConnection>(std::move(socket), ep, answerer);
                ep->connections.insert(conn);
                conn->start();
            }
            accept_tcp(ep);
        });
    }

    void drop_endpoint(const std::string &container_id) {
        auto it = endpoints.find(container_id);
        if (it == endpoints.end()) return;
        close(*it->second);
        endpoints.erase(it);
    }

    static void close(Endpoint &ep) {
        ep.closed = true;
        error_code ignored;
        ep.udp.close(ignored);
        ep.acceptor.close(ignored);
        ep.accept_retry.cancel();
        auto connections = std::move(ep.connections);
        for (auto &c : connections) c->close();
    }
};

DnsServer::DnsServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Result<std::unique_ptr<DnsServer>> DnsServer::open(DnsOptions opts) {
    auto impl = std::make_unique<Impl>(std::move(opts));
    impl->forwarder.upstreams();  // logs the upstreams at start
    Impl *raw = impl.get();
    try {
        impl->thread = std::thread([raw] {
            // Handlers use error codes, so nothing should throw out of run(); should
            // something (bad_alloc), the query is lost, not the server or berthd.
            for (;;) {
                try {
                    raw->io.run();
                    return;
                } catch (const std::exception &e) {
                    log::error(std::string("dns: query handling failed: ") + e.what());
                }
            }
        });
    } catch (const std::system_error &e) {
        return Error::sys("start DNS server thread", "", e.code().value());
    }
    return std::unique_ptr<DnsServer>(new DnsServer(std::move(impl)));
}

DnsServer::~DnsServer() {
    impl_->run_on_io([this] {
        for (auto &[id, ep] : impl_->endpoints) Impl::close(*ep);
        impl_->endpoints.clear();
    });
    impl_->work.reset();
    impl_->io.stop();
    if (impl_->thread.joinable()) impl_->thread.join();
}

void DnsServer::set_records(const std::string &network_id, const std::string &container_id,
                            std::vector<std::string> names, const std::string &ipv4) {
    impl_->records.set(network_id, container_id, names, ipv4);
}

void DnsServer::remove_records(const std::string &network_id, const std::string &container_id) {
    impl_->records.remove(network_id, container_id);
}

bool DnsServer::rename_records(const std::string &network_id, const std::string &container_id,
                               const std::vector<std::string> &names) {
    return impl_->records.rename(network_id, container_id, names);
}

Result<void> DnsServer::serve_container(const std::string &container_id, pid_t pid,
                                        std::vector<std::string> network_ids) {
    // The old sockets go first: a container served again may be in the same namespace,
    // where they still hold the address.
    impl_->run_on_io([&] { impl_->drop_endpoint(container_id); });
    auto sockets = dns::open_listening_sockets(pid, kListenAddress, kListenPort);
    if (!sockets) return std::move(sockets).error().context("serve DNS for container " + container_id);
    impl_->records.set_networks(container_id, std::move(network_ids));

    Result<void> result;
    impl_->run_on_io([&] {
        auto ep = std::make_shared<Endpoint>(impl_->io, container_id);
        error_code ec;
        ep->udp.assign(asio::ip::udp::v4(), sockets->udp.get(), ec);
        if (ec) {
            result = Error::sys("serve DNS over UDP for container", container_id, ec.value());
            return;
        }
        sockets->udp.release();
        ep->acceptor.assign(asio::ip::tcp::v4(), sockets->tcp.get(), ec);
        if (ec) {
            result = Error::sys("serve DNS over TCP for container", container_id, ec.value());
            return;
        }
        sockets->tcp.release();
        impl_->endpoints[container_id] = ep;
        impl_->receive_udp(ep);
        impl_->accept_tcp(ep);
    });
    return result;
}

void DnsServer::set_container_networks(const std::string &container_id, std::vector<std::string> network_ids) {
    impl_->records.set_networks(container_id, std::move(network_ids));
}

void DnsServer::stop_container(const std::string &container_id) {
    impl_->run_on_io([&] { impl_->drop_endpoint(container_id); });
    impl_->records.forget_container(container_id);
}

}  // namespace berth::network
