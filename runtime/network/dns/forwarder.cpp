#include "network/dns/forwarder.h"

#include <boost/asio/buffer.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ip/udp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <system_error>

#include "network/dns/upstreams.h"
#include "util/log.h"

namespace berth::network::dns {
namespace asio = boost::asio;
using boost::system::error_code;

namespace {
constexpr std::uint16_t kDnsPort = 53;
// Past this many queries waiting on upstreams, new ones get SERVFAIL at once: a container
// flooding the server must not make berthd hold an unbounded number of sockets.
constexpr std::size_t kMaxInFlight = 256;
constexpr std::size_t kMaxMessage = 65535;
// How often resolv.conf is looked at for changes (DHCP, VPNs and resolvconf rewrite it).
constexpr std::chrono::seconds kRecheckEvery{2};
}  // namespace

// One query on its way through the upstreams, one at a time. Kept alive by the handlers
// of its pending operations.
struct Forwarder::Attempt : std::enable_shared_from_this<Forwarder::Attempt> {
    Attempt(Forwarder &f, std::shared_ptr<const Query> q, Transport c, std::function<void(Bytes)> d)
        : forwarder(f), query(std::move(q)), client(c), done(std::move(d)), udp(f.io_), tcp(f.io_),
          timer(f.io_), upstreams(f.upstreams()) {}

    Forwarder &forwarder;
    std::shared_ptr<const Query> query;
    Transport client;
    std::function<void(Bytes)> done;
    asio::ip::udp::socket udp;
    asio::ip::tcp::socket tcp;
    asio::steady_timer timer;
    std::vector<std::string> upstreams;
    std::size_t next = 0;        // index of the upstream to try next
    bool timed_out = false;      // some upstream stayed silent: SERVFAIL rather than NXDOMAIN
    bool finished = false;
    std::uint64_t generation = 0;  // which try a completion belongs to
    std::uint16_t sent_id = 0;
    Bytes wire;                  // the query as sent, under our own ID
    std::array<std::uint8_t, 2> length{};
    Bytes received;

    void start() { try_next(); }

    void try_next() {
        close_sockets();
        if (next >= upstreams.size()) {
            finish(query->answer_rcode(timed_out ? kRcodeServFail : kRcodeNxDomain));
            return;
        }
        ++generation;
        // A fresh ID (and, with a fresh socket, a fresh source port) per try makes a
        // spoofed answer as hard to land as RFC 5452 asks.
        sent_id = static_cast<std::uint16_t>(forwarder.random_());
        wire = query->wire();
        set_message_id(wire, sent_id);
        send_udp(upstreams[next]);
    }

    void arm_timer() {
        timer.expires_after(forwarder.timeout_);
        timer.async_wait([self = shared_from_this(), gen = generation](const error_code &ec) {
            if (ec || self->finished || gen != self->generation) return;
            self->timed_out = true;
            ++self->next;
            self->try_next();
        });
    }

    void fail_this_upstream() {
        ++next;
        try_next();
    }

    void send_udp(const std::string &address) {
        error_code ec;
        const auto ip = asio::ip::make_address(address, ec);
        if (ec) return fail_this_upstream();
        const asio::ip::udp::endpoint upstream(ip, kDnsPort);
        udp.open(upstream.protocol(), ec);
        if (!ec) udp.connect(upstream, ec);  // connected: only the upstream's datagrams come in
        if (ec) return fail_this_upstream();
        arm_timer();
        udp.async_send(asio::buffer(wire), [self = shared_from_this(), gen = generation](
                                               const error_code &e, std::size_t) {
            if (self->finished || gen != self->generation) return;
            if (e) return self->fail_this_upstream();
            self->receive_udp();
        });
    }

    void receive_udp() {
        received.resize(kMaxMessage);
        udp.async_receive(asio::buffer(received), [self = shared_from_this(), gen = generation](
                                                      const error_code &e, std::size_t n) {
            if (self->finished || gen != self->generation) return;
            // ECONNREFUSED: the ICMP port unreachable of an upstream nobody listens on.
            if (e) return self->fail_this_upstream();
            self->received.resize(n);
            if (!self->query->is_answered_by(self->received, self->sent_id))
                return self->receive_udp();  // stray or forged datagram: keep waiting
            if (is_truncated(self->received) && self->client == Transport::Tcp)
                return self->send_tcp(self->upstreams[self->next]);
            // A UDP client gets the truncated answer as is and asks us again over TCP.
            self->finish(std::move(self->received));
        });
    }

    void send_tcp(const std::string &address) {
        close_sockets();
        ++generation;
        error_code ec;
        const asio::ip::tcp::endpoint upstream(asio::ip::make_address(address, ec), kDnsPort);
        if (ec) return fail_this_upstream();
        arm_timer();
        tcp.async_connect(upstream, [self = shared_from_this(), gen = generation](const error_code &e) {
            if (self->finished || gen != self->generation) return;
            if (e) return self->fail_this_upstream();
            auto framed = std::make_shared<Bytes>(tcp_framed(self->wire));
            asio::async_write(self->tcp, asio::buffer(*framed),
                              [self, gen, framed](const error_code &we, std::size_t) {
                                  if (self->finished || gen != self->generation) return;
                                  if (we) return self->fail_this_upstream();
                                  self->receive_tcp_length();
                              });
        });
    }

    void receive_tcp_length() {
        asio::async_read(tcp, asio::buffer(length), [self = shared_from_this(), gen = generation](
                                                        const error_code &e, std::size_t) {
            if (self->finished || gen != self->generation) return;
            const std::size_t size = std::size_t{self->length[0]} << 8 | self->length[1];
            if (e || size == 0) return self->fail_this_upstream();
            self->received.resize(size);
            asio::async_read(self->tcp, asio::buffer(self->received),
                             [self, gen](const error_code &re, std::size_t) {
                                 if (self->finished || gen != self->generation) return;
                                 if (re || !self->query->is_answered_by(self->received, self->sent_id))
                                     return self->fail_this_upstream();
                                 self->finish(std::move(self->received));
                             });
        });
    }

    void close_sockets() {
        error_code ignored;
        timer.cancel();
        udp.close(ignored);
        tcp.close(ignored);
    }

    void finish(Bytes answer) {
        if (finished) return;
        finished = true;
        close_sockets();
        --forwarder.in_flight_;
        set_message_id(answer, query->id());
        auto callback = std::move(done);
        callback(std::move(answer));
    }
};

Forwarder::Forwarder(asio::io_context &io, std::filesystem::path resolv_conf,
                     std::chrono::milliseconds timeout)
    : io_(io), resolv_conf_(std::move(resolv_conf)), timeout_(timeout), random_(std::random_device{}()) {}

const std::vector<std::string> &Forwarder::upstreams() {
    const auto now = std::chrono::steady_clock::now();
    if (read_once_ && now - checked_at_ < kRecheckEvery) return upstreams_;
    checked_at_ = now;
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(resolv_conf_, ec);
    if (read_once_ && !ec && mtime == read_mtime_) return upstreams_;
    read_once_ = true;
    read_mtime_ = ec ? std::filesystem::file_time_type{} : mtime;
    auto fresh = read_nameservers(resolv_conf_);
    if (fresh != upstreams_) {
        std::string list;
        for (const auto &u : fresh) list += (list.empty() ? "" : ", ") + u;
        log::info("dns: upstream resolvers from " + resolv_conf_.string() + ": " +
                  (list.empty() ? "none" : list));
        upstreams_ = std::move(fresh);
    }
    return upstreams_;
}

void Forwarder::forward(std::shared_ptr<const Query> query, Transport client, std::function<void(Bytes)> done) {
    if (in_flight_ >= kMaxInFlight) {
        done(query->answer_rcode(kRcodeServFail));
        return;
    }
    ++in_flight_;
    auto attempt = std::make_shared<Attempt>(*this, std::move(query), client, std::move(done));
    attempt->start();
}

}  // namespace berth::network::dns
