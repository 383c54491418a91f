// The embedded DNS server: the pure parts (reverse names, resolv.conf, the record table,
// query validation), then the server itself, privileged: it serves inside a private
// network namespace the test makes (a child process that unshare()s), queried from a
// socket in that namespace; "upstream" resolvers are small servers the test runs on
// 127.53.x.y in its own namespace. Nothing leaves the machine.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <ldns/ldns.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "network/dns/dns_server.h"
#include "network/dns/message.h"
#include "network/dns/records.h"
#include "network/dns/upstreams.h"

namespace fs = std::filesystem;
using berth::network::DnsOptions;
using berth::network::DnsServer;
namespace dns = berth::network::dns;
using dns::Bytes;

#define REQUIRE_ROOT() \
    if (::geteuid() != 0) GTEST_SKIP() << "needs root (network namespaces)"

namespace {

// ---- DNS messages for the test's side, built and read with ldns ----

Bytes make_query(const std::string &name, ldns_rr_type type, std::uint16_t id = 0x1234) {
    ldns_pkt *q = nullptr;
    EXPECT_EQ(ldns_pkt_query_new_frm_str(&q, name.c_str(), type, LDNS_RR_CLASS_IN, LDNS_RD), LDNS_STATUS_OK);
    ldns_pkt_set_id(q, id);
    std::uint8_t *data = nullptr;
    std::size_t size = 0;
    EXPECT_EQ(ldns_pkt2wire(&data, q, &size), LDNS_STATUS_OK);
    Bytes out(data, data + size);
    std::free(data);
    ldns_pkt_free(q);
    return out;
}

struct Answer {
    bool parsed = false;
    std::uint16_t id = 0;
    int rcode = -1;
    bool truncated = false;
    std::vector<std::string> records;  // rdata as text: "172.30.0.2", "web."
    std::vector<std::uint32_t> ttls;
};

Answer read_answer(const Bytes &wire) {
    Answer a;
    ldns_pkt *p = nullptr;
    if (wire.empty() || ldns_wire2pkt(&p, wire.data(), wire.size()) != LDNS_STATUS_OK) return a;
    a.parsed = true;
    a.id = ldns_pkt_id(p);
    a.rcode = ldns_pkt_get_rcode(p);
    a.truncated = ldns_pkt_tc(p);
    const ldns_rr_list *answers = ldns_pkt_answer(p);
    for (std::size_t i = 0; answers && i < ldns_rr_list_rr_count(answers); ++i) {
        const ldns_rr *rr = ldns_rr_list_rr(answers, i);
        char *text = ldns_rdf2str(ldns_rr_rdf(rr, 0));
        a.records.emplace_back(text);
        std::free(text);
        a.ttls.push_back(ldns_rr_ttl(rr));
    }
    ldns_pkt_free(p);
    return a;
}

// A fixed answer from the test's upstream: `ip` for whatever was asked, optionally TC on UDP.
Bytes upstream_answer(const Bytes &query, const std::string &ip, bool truncate) {
    ldns_pkt *q = nullptr;
    if (ldns_wire2pkt(&q, query.data(), query.size()) != LDNS_STATUS_OK) return {};
    ldns_pkt *r = ldns_pkt_new();
    ldns_pkt_set_id(r, ldns_pkt_id(q));
    ldns_pkt_set_qr(r, true);
    ldns_pkt_set_rd(r, ldns_pkt_rd(q));
    ldns_pkt_set_ra(r, true);
    const ldns_rr *question = ldns_rr_list_rr(ldns_pkt_question(q), 0);
    ldns_pkt_push_rr(r, LDNS_SECTION_QUESTION, ldns_rr_clone(question));
    if (truncate) {
        ldns_pkt_set_tc(r, true);
    } else {
        ldns_rr *rr = ldns_rr_new();
        ldns_rr_set_owner(rr, ldns_rdf_clone(ldns_rr_owner(question)));
        ldns_rr_set_type(rr, LDNS_RR_TYPE_A);
        ldns_rr_set_class(rr, LDNS_RR_CLASS_IN);
        ldns_rr_set_ttl(rr, 42);
        ldns_rr_push_rdf(rr, ldns_rdf_new_frm_str(LDNS_RDF_TYPE_A, ip.c_str()));
        ldns_pkt_push_rr(r, LDNS_SECTION_ANSWER, rr);
    }
    std::uint8_t *data = nullptr;
    std::size_t size = 0;
    ldns_pkt2wire(&data, r, &size);
    Bytes out(data, data + size);
    std::free(data);
    ldns_pkt_free(r);
    ldns_pkt_free(q);
    return out;
}

// ---- a private network namespace, held by a child process ----

class Netns {
public:
    Netns() {
        int ready[2];
        if (::pipe2(ready, O_CLOEXEC) < 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            // Only async-signal-safe calls here: the parent may have threads.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            char status = 'x';
            if (::unshare(CLONE_NEWNET) == 0) {
                int s = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
                ifreq ifr{};
                std::memcpy(ifr.ifr_name, "lo", 3);
                if (s >= 0 && ::ioctl(s, SIOCGIFFLAGS, &ifr) == 0) {
                    ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP);
                    if (::ioctl(s, SIOCSIFFLAGS, &ifr) == 0) status = 'k';
                }
            }
            (void)!::write(ready[1], &status, 1);
            for (;;) ::pause();
        }
        ::close(ready[1]);
        char status = 0;
        if (pid_ > 0 && ::read(ready[0], &status, 1) == 1 && status == 'k') ok_ = true;
        ::close(ready[0]);
    }
    ~Netns() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    Netns(const Netns &) = delete;
    Netns &operator=(const Netns &) = delete;
    bool ok() const { return ok_; }
    pid_t pid() const { return pid_; }

    // A socket of `type` created inside the namespace.
    int socket(int type) const {
        int fd = -1;
        std::thread([&] {
            int ns = ::open(("/proc/" + std::to_string(pid_) + "/ns/net").c_str(), O_RDONLY | O_CLOEXEC);
            if (ns >= 0 && ::setns(ns, CLONE_NEWNET) == 0) fd = ::socket(AF_INET, type | SOCK_CLOEXEC, 0);
            if (ns >= 0) ::close(ns);
        }).join();
        return fd;
    }

private:
    pid_t pid_ = -1;
    bool ok_ = false;
};

sockaddr_in address(const std::string &ip, std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    ::inet_pton(AF_INET, ip.c_str(), &a.sin_addr);
    return a;
}

bool readable(int fd, int timeout_ms) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, timeout_ms) == 1;
}

// Sends one datagram to 127.0.0.11:53 from inside `ns`; the reply, or empty after 3 s.
Bytes ask_udp(const Netns &ns, const Bytes &query, int timeout_ms = 3000) {
    int fd = ns.socket(SOCK_DGRAM);
    if (fd < 0) return {};
    const auto server = address("127.0.0.11", 53);
    Bytes reply;
    if (::sendto(fd, query.data(), query.size(), 0, reinterpret_cast<const sockaddr *>(&server), sizeof server) ==
            static_cast<ssize_t>(query.size()) &&
        readable(fd, timeout_ms)) {
        reply.resize(65535);
        const ssize_t n = ::recv(fd, reply.data(), reply.size(), 0);
        reply.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    }
    ::close(fd);
    return reply;
}

Answer ask(const Netns &ns, const std::string &name, ldns_rr_type type = LDNS_RR_TYPE_A) {
    return read_answer(ask_udp(ns, make_query(name, type)));
}

bool read_full(int fd, std::uint8_t *buf, std::size_t n) {
    while (n > 0) {
        if (!readable(fd, 5000)) return false;
        const ssize_t got = ::read(fd, buf, n);
        if (got <= 0) return false;
        buf += got;
        n -= static_cast<std::size_t>(got);
    }
    return true;
}

// One query over TCP to 127.0.0.11:53 from inside `ns`.
Answer ask_tcp(const Netns &ns, const std::string &name) {
    int fd = ns.socket(SOCK_STREAM);
    if (fd < 0) return {};
    const auto server = address("127.0.0.11", 53);
    Answer a;
    const Bytes framed = dns::tcp_framed(make_query(name, LDNS_RR_TYPE_A));
    std::uint8_t length[2];
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&server), sizeof server) == 0 &&
        ::write(fd, framed.data(), framed.size()) == static_cast<ssize_t>(framed.size()) &&
        read_full(fd, length, 2)) {
        Bytes reply(std::size_t{length[0]} << 8 | length[1]);
        if (read_full(fd, reply.data(), reply.size())) a = read_answer(reply);
    }
    ::close(fd);
    return a;
}

// ---- an upstream resolver the test runs, on 127.53.x.y:53 of the host's namespace ----

class FakeUpstream {
public:
    // answers: reply to every query with `ip`; otherwise stay silent. truncate_udp: every UDP
    // answer has TC and no records, the full answer comes over TCP.
    FakeUpstream(std::string ip, bool answers, bool truncate_udp = false)
        : ip_(std::move(ip)), answers_(answers), truncate_udp_(truncate_udp) {
        // An address of our own in 127/8, so parallel runs and host resolvers don't collide.
        const unsigned p = static_cast<unsigned>(::getpid());
        address_ = "127.53." + std::to_string((p >> 8) % 250 + 1) + "." + std::to_string(p % 250 + 1);
        const auto a = address(address_, 53);
        udp_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        tcp_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int on = 1;
        ::setsockopt(tcp_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        ok_ = ::bind(udp_, reinterpret_cast<const sockaddr *>(&a), sizeof a) == 0 &&
              ::bind(tcp_, reinterpret_cast<const sockaddr *>(&a), sizeof a) == 0 && ::listen(tcp_, 8) == 0;
        if (ok_) thread_ = std::thread([this] { serve(); });
    }
    ~FakeUpstream() {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
        ::close(udp_);
        ::close(tcp_);
    }
    bool ok() const { return ok_; }
    const std::string &address_text() const { return address_; }
    int udp_queries() const { return udp_queries_; }
    int tcp_queries() const { return tcp_queries_; }

private:
    void serve() {
        while (!stop_) {
            pollfd fds[2] = {{udp_, POLLIN, 0}, {tcp_, POLLIN, 0}};
            if (::poll(fds, 2, 50) <= 0) continue;
            if (fds[0].revents & POLLIN) {
                Bytes q(65535);
                sockaddr_in from{};
                socklen_t len = sizeof from;
                const ssize_t n = ::recvfrom(udp_, q.data(), q.size(), 0, reinterpret_cast<sockaddr *>(&from), &len);
                if (n <= 0) continue;
                q.resize(static_cast<std::size_t>(n));
                ++udp_queries_;
                if (!answers_) continue;
                const Bytes r = upstream_answer(q, ip_, truncate_udp_);
                ::sendto(udp_, r.data(), r.size(), 0, reinterpret_cast<sockaddr *>(&from), len);
            }
            if (fds[1].revents & POLLIN) {
                const int c = ::accept4(tcp_, nullptr, nullptr, SOCK_CLOEXEC);
                if (c < 0) continue;
                std::uint8_t length[2];
                if (read_full(c, length, 2)) {
                    Bytes q(std::size_t{length[0]} << 8 | length[1]);
                    if (read_full(c, q.data(), q.size())) {
                        ++tcp_queries_;
                        const Bytes r = dns::tcp_framed(upstream_answer(q, ip_, false));
                        (void)!::write(c, r.data(), r.size());
                    }
                }
                ::close(c);
            }
        }
    }

    std::string ip_;
    bool answers_;
    bool truncate_udp_;
    std::string address_;
    int udp_ = -1;
    int tcp_ = -1;
    bool ok_ = false;
    std::atomic<bool> stop_{false};
    std::atomic<int> udp_queries_{0};
    std::atomic<int> tcp_queries_{0};
    std::thread thread_;
};

// A resolv.conf in a temp dir, removed with the object.
class ResolvConf {
public:
    explicit ResolvConf(const std::string &content) {
        char tmpl[] = "/tmp/berth-dns-test-XXXXXX";
        dir_ = ::mkdtemp(tmpl);
        std::ofstream(dir_ / "resolv.conf") << content;
    }
    ~ResolvConf() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path path() const { return dir_ / "resolv.conf"; }

private:
    fs::path dir_;
};

std::unique_ptr<DnsServer> open_server(const ResolvConf &conf, std::chrono::milliseconds timeout = std::chrono::milliseconds(2000)) {
    DnsOptions opts;
    opts.resolv_conf = conf.path();
    opts.upstream_timeout = timeout;
    auto server = DnsServer::open(opts);
    EXPECT_TRUE(server.ok()) << (server.ok() ? "" : server.error().message());
    return server.ok() ? std::move(*server) : nullptr;
}

}  // namespace

// ---------------------------------------------------------------- pure parts

TEST(DnsMessage, ReverseNamesOfIpv4Addresses) {
    EXPECT_EQ(dns::reverse_ipv4("2.0.18.172.in-addr.arpa"), "172.18.0.2");
    EXPECT_EQ(dns::reverse_ipv4("2.0.18.172.IN-ADDR.ARPA."), "172.18.0.2");
    EXPECT_EQ(dns::reverse_ipv4("0.18.172.in-addr.arpa"), std::nullopt);
    EXPECT_EQ(dns::reverse_ipv4("256.0.18.172.in-addr.arpa"), std::nullopt);
    EXPECT_EQ(dns::reverse_ipv4("02.0.18.172.in-addr.arpa"), std::nullopt);
    EXPECT_EQ(dns::reverse_ipv4("a.0.18.172.in-addr.arpa"), std::nullopt);
    EXPECT_EQ(dns::reverse_ipv4("2..18.172.in-addr.arpa"), std::nullopt);
    EXPECT_EQ(dns::reverse_ipv4("web"), std::nullopt);
}

TEST(DnsUpstreams, NameserversOfResolvConfLoopbackIncluded) {
    const auto servers = dns::parse_nameservers(
        "# comment\nsearch example.com\nnameserver 127.0.0.53\nnameserver  10.0.0.1 \n"
        "nameserver fe80::1%eth0\nnameserver ::1\nnameserver bogus\nnameserver 10.0.0.1\noptions ndots:2\n");
    EXPECT_EQ(servers, (std::vector<std::string>{"127.0.0.53", "10.0.0.1", "::1"}));
    EXPECT_TRUE(dns::read_nameservers("/nonexistent/resolv.conf").empty());
}

TEST(DnsRecords, NamesAreCaseInsensitiveAndScopedToNetworks) {
    dns::Records r;
    r.set("net1", "c1", {"Web", "web-alias", ""}, "172.30.0.2");
    r.set("net1", "c2", {"other", "shared"}, "172.30.0.3");
    r.set("net1", "c3", {"third", "shared"}, "172.30.0.4");
    r.set("net2", "c4", {"db"}, "172.31.0.2");
    r.set_networks("asker", {"net1"});
    EXPECT_EQ(r.addresses("asker", "WEB."), (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(r.addresses("asker", "shared"), (std::vector<std::string>{"172.30.0.3", "172.30.0.4"}));
    EXPECT_TRUE(r.addresses("asker", "db").empty());
    EXPECT_TRUE(r.addresses("stranger", "web").empty());
    EXPECT_EQ(r.names_of("asker", "172.30.0.2"), (std::vector<std::string>{"web"}));
    r.set_networks("asker", {"net1", "net2"});
    EXPECT_EQ(r.addresses("asker", "db"), (std::vector<std::string>{"172.31.0.2"}));
    r.remove("net2", "c4");
    EXPECT_TRUE(r.addresses("asker", "db").empty());
}

TEST(DnsRecords, RenameReplacesTheNamesOfAContainerThatHasRecords) {
    dns::Records r;
    r.set("net1", "c1", {"before", "alias", "0123456789ab"}, "172.30.0.2");
    r.set("net2", "c1", {"before", "0123456789ab"}, "172.31.0.2");
    r.set_networks("asker", {"net1", "net2"});
    EXPECT_TRUE(r.rename("net1", "c1", {"After", "alias", "0123456789ab"}));
    EXPECT_EQ(r.addresses("asker", "after"), (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(r.addresses("asker", "alias"), (std::vector<std::string>{"172.30.0.2"}));
    // net2 still has the old name until it is renamed there too.
    EXPECT_EQ(r.addresses("asker", "before"), (std::vector<std::string>{"172.31.0.2"}));
    EXPECT_EQ(r.names_of("asker", "172.30.0.2"), (std::vector<std::string>{"after"}));
    EXPECT_TRUE(r.rename("net2", "c1", {"after", "0123456789ab"}));
    EXPECT_TRUE(r.addresses("asker", "before").empty());
    EXPECT_EQ(r.addresses("asker", "after"), (std::vector<std::string>{"172.30.0.2", "172.31.0.2"}));
    EXPECT_EQ(r.names_of("asker", "172.31.0.2"), (std::vector<std::string>{"after"}));

    // A container without records (stopped meanwhile) gets none from a rename.
    r.remove("net1", "c1");
    EXPECT_FALSE(r.rename("net1", "c1", {"again"}));
    EXPECT_FALSE(r.rename("net9", "c1", {"again"}));
    EXPECT_FALSE(r.rename("net2", "c2", {"again"}));
    EXPECT_TRUE(r.addresses("asker", "again").empty());
    EXPECT_EQ(r.addresses("asker", "after"), (std::vector<std::string>{"172.31.0.2"}));
}

TEST(DnsMessage, BadPacketsAreDroppedOrGetFormErr) {
    // Too short for a header: dropped.
    auto short_packet = dns::parse_query(Bytes{0x12, 0x34, 0x01});
    EXPECT_FALSE(short_packet.query);
    EXPECT_TRUE(short_packet.error_reply.empty());

    // A response (QR set): dropped, never answered.
    Bytes response = make_query("web", LDNS_RR_TYPE_A);
    response[2] |= 0x80;
    auto r = dns::parse_query(response);
    EXPECT_FALSE(r.query);
    EXPECT_TRUE(r.error_reply.empty());

    // Cut in the middle of the question: FORMERR with the client's ID.
    Bytes cut = make_query("web.example.com", LDNS_RR_TYPE_A, 0x4242);
    cut.resize(cut.size() - 6);
    auto c = dns::parse_query(cut);
    EXPECT_FALSE(c.query);
    const Answer formerr = read_answer(c.error_reply);
    EXPECT_TRUE(formerr.parsed);
    EXPECT_EQ(formerr.id, 0x4242);
    EXPECT_EQ(formerr.rcode, dns::kRcodeFormErr);

    // A name that is a compression pointer to itself, and two pointing at each other.
    const Bytes self_loop = {0xab, 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                             0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01};
    EXPECT_FALSE(dns::parse_query(self_loop).query);
    const Bytes pair_loop = {0xab, 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                             0x01, 'a', 0xc0, 0x10, 0x01, 'b', 0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01};
    EXPECT_FALSE(dns::parse_query(pair_loop).query);

    // Two questions: FORMERR.
    Bytes two = make_query("web", LDNS_RR_TYPE_A);
    two[5] = 2;
    EXPECT_FALSE(dns::parse_query(two).query);

    // Another opcode (NOTIFY): NOTIMP.
    Bytes notify = make_query("web", LDNS_RR_TYPE_A);
    notify[2] = static_cast<std::uint8_t>((notify[2] & 0x87) | (4 << 3));
    auto n = dns::parse_query(notify);
    EXPECT_EQ(read_answer(n.error_reply).rcode, dns::kRcodeNotImp);
}

TEST(DnsMessage, AnswersCarryTheQuestionTtlAndTruncateOverUdp) {
    auto parsed = dns::parse_query(make_query("Web.", LDNS_RR_TYPE_A, 7));
    ASSERT_TRUE(parsed.query);
    EXPECT_EQ(parsed.query->name(), "web");
    const Answer a = read_answer(parsed.query->answer_addresses({"172.30.0.2"}, dns::Transport::Udp));
    EXPECT_EQ(a.id, 7);
    EXPECT_EQ(a.records, (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(a.ttls, (std::vector<std::uint32_t>{600}));

    // 40 addresses are more than 512 bytes: over UDP an empty answer with TC, over TCP all.
    std::vector<std::string> many;
    for (int i = 1; i <= 40; ++i) many.push_back("172.30.0." + std::to_string(i));
    const Answer udp = read_answer(parsed.query->answer_addresses(many, dns::Transport::Udp));
    EXPECT_TRUE(udp.truncated);
    EXPECT_TRUE(udp.records.empty());
    const Answer tcp = read_answer(parsed.query->answer_addresses(many, dns::Transport::Tcp));
    EXPECT_FALSE(tcp.truncated);
    EXPECT_EQ(tcp.records.size(), 40u);
}

// ---------------------------------------------------------------- the server, privileged

TEST(DnsServer, AnswersNamesAliasesAndAddressesOfItsNetwork) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    ResolvConf conf("");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-web", {"web", "frontend", "0123456789ab"}, "172.30.0.2");
    server->set_records("net1", "c-client", {"client"}, "172.30.0.3");
    auto served = server->serve_container("c-client", client.pid(), {"net1"});
    ASSERT_TRUE(served.ok()) << served.error().message();

    for (const std::string name : {"web", "WEB", "web.", "frontend", "0123456789ab", "Frontend."}) {
        const Answer a = ask(client, name);
        EXPECT_EQ(a.rcode, LDNS_RCODE_NOERROR) << name;
        EXPECT_EQ(a.records, (std::vector<std::string>{"172.30.0.2"})) << name;
        EXPECT_EQ(a.ttls, (std::vector<std::uint32_t>{600})) << name;
    }
    EXPECT_EQ(ask(client, "client").records, (std::vector<std::string>{"172.30.0.3"}));

    const Answer aaaa = ask(client, "web", LDNS_RR_TYPE_AAAA);
    EXPECT_EQ(aaaa.rcode, LDNS_RCODE_NOERROR);
    EXPECT_TRUE(aaaa.records.empty());

    const Answer ptr = ask(client, "2.0.30.172.in-addr.arpa", LDNS_RR_TYPE_PTR);
    EXPECT_EQ(ptr.rcode, LDNS_RCODE_NOERROR);
    EXPECT_EQ(ptr.records, (std::vector<std::string>{"web."}));

    const Answer tcp = ask_tcp(client, "frontend");
    EXPECT_EQ(tcp.records, (std::vector<std::string>{"172.30.0.2"}));
}

TEST(DnsServer, OtherNetworksStayInvisibleUntilConnected) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    ResolvConf conf("");  // no upstream: what isn't ours is NXDOMAIN
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-client", {"client"}, "172.30.0.3");
    server->set_records("net2", "c-db", {"db"}, "172.31.0.2");
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());

    EXPECT_EQ(ask(client, "db").rcode, LDNS_RCODE_NXDOMAIN);
    EXPECT_EQ(ask(client, "nothing-here").rcode, LDNS_RCODE_NXDOMAIN);
    EXPECT_EQ(ask(client, "2.0.31.172.in-addr.arpa", LDNS_RR_TYPE_PTR).rcode, LDNS_RCODE_NXDOMAIN);

    server->set_container_networks("c-client", {"net1", "net2"});
    EXPECT_EQ(ask(client, "db").records, (std::vector<std::string>{"172.31.0.2"}));

    server->remove_records("net2", "c-db");
    EXPECT_EQ(ask(client, "db").rcode, LDNS_RCODE_NXDOMAIN);
}

TEST(DnsServer, ARenamedContainerAnswersToItsNewNameOnly) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    ResolvConf conf("");  // no upstream: an unknown name is NXDOMAIN
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-web", {"web", "0123456789ab"}, "172.30.0.2");
    server->set_records("net1", "c-client", {"client"}, "172.30.0.3");
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));

    EXPECT_TRUE(server->rename_records("net1", "c-web", {"shop", "0123456789ab"}));
    EXPECT_EQ(ask(client, "shop").records, (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(ask(client, "web").rcode, LDNS_RCODE_NXDOMAIN);
    EXPECT_EQ(ask(client, "0123456789ab").records, (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(ask(client, "2.0.30.172.in-addr.arpa", LDNS_RR_TYPE_PTR).records, (std::vector<std::string>{"shop."}));

    server->remove_records("net1", "c-web");
    EXPECT_FALSE(server->rename_records("net1", "c-web", {"late"}));
    EXPECT_EQ(ask(client, "late").rcode, LDNS_RCODE_NXDOMAIN);
}

TEST(DnsServer, ForwardsUnknownNamesToTheUpstream) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    FakeUpstream upstream("198.51.100.7", true);
    ASSERT_TRUE(upstream.ok()) << "bind " << upstream.address_text() << ":53";
    ResolvConf conf("nameserver " + upstream.address_text() + "\n");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-web", {"web"}, "172.30.0.2");
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());

    const Bytes reply = ask_udp(client, make_query("elsewhere.test", LDNS_RR_TYPE_A, 0x5151));
    const Answer a = read_answer(reply);
    EXPECT_EQ(a.id, 0x5151);  // the client's ID, not the one used upstream
    EXPECT_EQ(a.rcode, LDNS_RCODE_NOERROR);
    EXPECT_EQ(a.records, (std::vector<std::string>{"198.51.100.7"}));
    EXPECT_EQ(upstream.udp_queries(), 1);

    // Names of the network never reach the upstream.
    EXPECT_EQ(ask(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(upstream.udp_queries(), 1);

    // Over TCP too.
    EXPECT_EQ(ask_tcp(client, "elsewhere.test").records, (std::vector<std::string>{"198.51.100.7"}));
}

TEST(DnsServer, TruncatedUpstreamAnswersAreFetchedOverTcpForTcpClients) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    FakeUpstream upstream("198.51.100.8", true, /*truncate_udp=*/true);
    ASSERT_TRUE(upstream.ok());
    ResolvConf conf("nameserver " + upstream.address_text() + "\n");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());

    // A UDP client gets the truncated answer, and asks again over TCP as resolvers do.
    const Answer udp = ask(client, "big.test");
    EXPECT_TRUE(udp.truncated);
    const Answer tcp = ask_tcp(client, "big.test");
    EXPECT_EQ(tcp.records, (std::vector<std::string>{"198.51.100.8"}));
    EXPECT_GE(upstream.tcp_queries(), 1);
}

TEST(DnsServer, RefusingUpstreamIsSkippedAndAloneGivesNxDomain) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    FakeUpstream upstream("198.51.100.9", true);
    ASSERT_TRUE(upstream.ok());
    // Nothing listens on 127.54.0.1:53: its port unreachable comes back as a refusal.
    ResolvConf both("nameserver 127.54.0.1\nnameserver " + upstream.address_text() + "\n");
    auto server = open_server(both);
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "elsewhere.test").records, (std::vector<std::string>{"198.51.100.9"}));
    server.reset();

    ResolvConf dead("nameserver 127.54.0.1\n");
    server = open_server(dead);
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "elsewhere.test").rcode, LDNS_RCODE_NXDOMAIN);
}

TEST(DnsServer, SilentUpstreamGivesServFail) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    FakeUpstream upstream("0.0.0.0", /*answers=*/false);
    ASSERT_TRUE(upstream.ok());
    ResolvConf conf("nameserver " + upstream.address_text() + "\n");
    auto server = open_server(conf, std::chrono::milliseconds(300));
    ASSERT_TRUE(server);
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "slow.test").rcode, LDNS_RCODE_SERVFAIL);
}

TEST(DnsServer, MalformedPacketsDoNotStopIt) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    ResolvConf conf("");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-web", {"web"}, "172.30.0.2");
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());

    EXPECT_TRUE(ask_udp(client, Bytes{0x01}, 300).empty());
    EXPECT_TRUE(ask_udp(client, Bytes(12, 0xff), 300).empty());  // QR set: not answered
    const Bytes loop = {0xab, 0xcd, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                        0xc0, 0x0c, 0x00, 0x01, 0x00, 0x01};
    EXPECT_EQ(read_answer(ask_udp(client, loop)).rcode, dns::kRcodeFormErr);
    Bytes cut = make_query("web", LDNS_RR_TYPE_A);
    cut.resize(cut.size() - 3);
    EXPECT_EQ(read_answer(ask_udp(client, cut)).rcode, dns::kRcodeFormErr);
    Bytes random_bytes(300);
    for (std::size_t i = 0; i < random_bytes.size(); ++i) random_bytes[i] = static_cast<std::uint8_t>(i * 7919 % 251);
    random_bytes[2] = 0x01;
    (void)ask_udp(client, random_bytes, 300);

    // A TCP client that announces 300 bytes and sends 3, then goes away.
    int fd = client.socket(SOCK_STREAM);
    const auto server_addr = address("127.0.0.11", 53);
    ASSERT_EQ(::connect(fd, reinterpret_cast<const sockaddr *>(&server_addr), sizeof server_addr), 0);
    const std::uint8_t partial[] = {0x01, 0x2c, 0xab, 0xcd, 0x01};
    ASSERT_EQ(::write(fd, partial, sizeof partial), static_cast<ssize_t>(sizeof partial));
    ::close(fd);

    EXPECT_EQ(ask(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));
    EXPECT_EQ(ask_tcp(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));
}

TEST(DnsServer, StopContainerClosesItsSockets) {
    REQUIRE_ROOT();
    Netns client;
    ASSERT_TRUE(client.ok());
    ResolvConf conf("");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    server->set_records("net1", "c-web", {"web"}, "172.30.0.2");
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));

    server->stop_container("c-client");
    EXPECT_TRUE(ask_udp(client, make_query("web", LDNS_RR_TYPE_A), 500).empty());

    // Served again (a restarted container), it answers again.
    ASSERT_TRUE(server->serve_container("c-client", client.pid(), {"net1"}).ok());
    EXPECT_EQ(ask(client, "web").records, (std::vector<std::string>{"172.30.0.2"}));
}

TEST(DnsServer, ServingAProcessThatIsGoneFails) {
    REQUIRE_ROOT();
    ResolvConf conf("");
    auto server = open_server(conf);
    ASSERT_TRUE(server);
    EXPECT_FALSE(server->serve_container("c-x", 999999999, {"net1"}).ok());
}
