// Published ports: the API shapes (PortBindings in, NetworkSettings.Ports out), host port
// choice, and the userland proxy relaying TCP and UDP to echo servers on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nftables/libnftables.h>

#include "network/ports/host_ports.h"
#include "network/ports/nft_rules.h"
#include "network/ports/port_publisher.h"

using namespace berth;
using namespace berth::network;
using nlohmann::json;

namespace {

sockaddr_in loopback(std::uint16_t port) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

std::uint16_t local_port(int fd) {
    sockaddr_in a{};
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    return ntohs(a.sin_port);
}

// As berthd binds: SO_REUSEADDR for TCP, so connections the proxy closed (TIME_WAIT on the
// host port) do not count, a listener does.
bool can_bind(const std::string &proto, std::uint16_t port) {
    int fd = ::socket(AF_INET, (proto == "udp" ? SOCK_DGRAM : SOCK_STREAM) | SOCK_CLOEXEC, 0);
    int on = 1;
    if (proto != "udp") ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    auto a = loopback(port);
    bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

// A blocking echo server on 127.0.0.1 with a thread per connection: the thing behind the
// proxy, kept as plain as possible so that failures point at the proxy.
class TcpEcho {
public:
    TcpEcho() {
        fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        auto a = loopback(0);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
        EXPECT_EQ(::listen(fd_, 128), 0);
        port_ = local_port(fd_);
        thread_ = std::thread([this] {
            for (;;) {
                int c = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
                if (c < 0) return;
                accepted_++;
                std::thread([c] {
                    std::vector<char> buf(65536);
                    for (;;) {
                        ssize_t n = ::read(c, buf.data(), buf.size());
                        if (n <= 0) break;
                        for (ssize_t off = 0; off < n;) {
                            ssize_t w = ::send(c, buf.data() + off, n - off, MSG_NOSIGNAL);
                            if (w <= 0) goto out;
                            off += w;
                        }
                    }
                out:
                    ::shutdown(c, SHUT_WR);
                    ::close(c);
                }).detach();
            }
        });
    }
    ~TcpEcho() {
        ::shutdown(fd_, SHUT_RDWR);
        thread_.join();
        ::close(fd_);
    }
    std::uint16_t port() const { return port_; }
    int accepted() const { return accepted_; }

private:
    int fd_;
    std::uint16_t port_;
    std::atomic<int> accepted_{0};
    std::thread thread_;
};

class UdpEcho {
public:
    UdpEcho() {
        fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        auto a = loopback(0);
        EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr *>(&a), sizeof a), 0);
        port_ = local_port(fd_);
        thread_ = std::thread([this] {
            char buf[65536];
            for (;;) {
                sockaddr_in from{};
                socklen_t len = sizeof from;
                ssize_t n = ::recvfrom(fd_, buf, sizeof buf, 0, reinterpret_cast<sockaddr *>(&from), &len);
                if (n < 0 || stop_) return;
                ::sendto(fd_, buf, n, 0, reinterpret_cast<sockaddr *>(&from), len);
            }
        });
    }
    ~UdpEcho() {
        stop_ = true;
        ::shutdown(fd_, SHUT_RDWR);
        auto a = loopback(port_);
        int kick = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ::sendto(kick, "x", 1, 0, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::close(kick);
        thread_.join();
        ::close(fd_);
    }
    std::uint16_t port() const { return port_; }

private:
    int fd_;
    std::uint16_t port_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

int connect_to(std::uint16_t port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    auto a = loopback(port);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) < 0) {
        ::close(fd);
        return -1;
    }
    timeval tv{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

// Sends `payload` while reading the echo (so neither side blocks on a full window), then
// half-closes and reads to end-of-file. Returns what came back.
std::string echo_through(std::uint16_t port, const std::string &payload) {
    int fd = connect_to(port);
    if (fd < 0) return "<connect failed>";
    std::string got;
    std::size_t sent = 0;
    bool shut = false;
    char buf[65536];
    for (;;) {
        pollfd p{fd, static_cast<short>(POLLIN | (shut ? 0 : POLLOUT)), 0};
        if (::poll(&p, 1, 10000) <= 0) break;
        if (p.revents & POLLOUT) {
            ssize_t n = ::send(fd, payload.data() + sent, std::min<std::size_t>(65536, payload.size() - sent), MSG_NOSIGNAL);
            if (n > 0) sent += n;
            if (sent == payload.size()) {
                ::shutdown(fd, SHUT_WR);  // the half-close the proxy must pass on
                shut = true;
            }
        }
        if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0) break;
            got.append(buf, n);
        }
    }
    ::close(fd);
    return got;
}

std::string pattern(std::size_t size, unsigned seed) {
    std::string s(size, '\0');
    for (std::size_t i = 0; i < size; ++i) s[i] = static_cast<char>((i * 131 + seed) & 0xff);
    return s;
}

std::unique_ptr<PortPublisher> proxy_only() {
    ::signal(SIGPIPE, SIG_IGN);  // as berthd does
    PortPublisherOptions opts;
    opts.use_nftables = false;
    opts.udp_idle = std::chrono::seconds(1);
    auto p = PortPublisher::open(opts);
    EXPECT_TRUE(p) << (p ? "" : p.error().message());
    return std::move(p).value();
}

PortMapping tcp_to(std::uint16_t container_port, std::uint16_t host_port = 0) {
    PortMapping m;
    m.container_port = container_port;
    m.host_ip = "127.0.0.1";
    m.host_port = host_port;
    return m;
}

}  // namespace

// ---- API shapes -------------------------------------------------------------------------

TEST(PortConfig, BindingsWithHostIpPortsRangesAndRandom) {
    json host = {{"PortBindings",
                  {{"80/tcp", {{{"HostIp", ""}, {"HostPort", "8080"}}, {{"HostIp", "127.0.0.1"}, {"HostPort", ""}}}},
                   {"53/udp", {{{"HostPort", "5300-5310"}}}},
                   {"443", {{{"HostIp", "127.0.0.2"}, {"HostPort", "8443"}}}}}}};
    auto m = port_mappings_from_config(json::object(), host);
    ASSERT_TRUE(m) << m.error().message();
    ASSERT_EQ(m->size(), 4u);
    EXPECT_EQ((*m)[0], (PortMapping{"udp", 53, "", 5300, 5310}));
    EXPECT_EQ((*m)[1], (PortMapping{"tcp", 80, "", 8080, 0}));
    EXPECT_EQ((*m)[2], (PortMapping{"tcp", 80, "127.0.0.1", 0, 0}));
    EXPECT_EQ((*m)[3], (PortMapping{"tcp", 443, "127.0.0.2", 8443, 0}));
}

TEST(PortConfig, PublishAllTakesExposedPortsNotBoundExplicitly) {
    json config = {{"ExposedPorts", {{"80/tcp", json::object()}, {"53/udp", json::object()}, {"9000/tcp", json::object()}}}};
    json host = {{"PublishAllPorts", true}, {"PortBindings", {{"80/tcp", {{{"HostPort", "8080"}}}}}}};
    auto m = port_mappings_from_config(config, host);
    ASSERT_TRUE(m) << m.error().message();
    ASSERT_EQ(m->size(), 3u);
    EXPECT_EQ((*m)[0], (PortMapping{"udp", 53, "", 0, 0}));
    EXPECT_EQ((*m)[1], (PortMapping{"tcp", 80, "", 8080, 0}));
    EXPECT_EQ((*m)[2], (PortMapping{"tcp", 9000, "", 0, 0}));

    host["PublishAllPorts"] = false;
    EXPECT_EQ(port_mappings_from_config(config, host)->size(), 1u);
    EXPECT_TRUE(port_mappings_from_config(json::object(), json::object())->empty());
    EXPECT_TRUE(port_mappings_from_config(nullptr, {{"PortBindings", nullptr}})->empty());
}

TEST(PortConfig, BadInputIsInvalidArgumentWithDockersWords) {
    auto bad = [](json host) {
        auto m = port_mappings_from_config(json::object(), {{"PortBindings", host}});
        EXPECT_FALSE(m) << host.dump();
        if (m) return std::string();
        EXPECT_EQ(m.error().kind, ErrorKind::InvalidArgument);
        return m.error().message();
    };
    EXPECT_EQ(bad({{"abc/tcp", json::array()}}), "invalid port specification: \"abc\"");
    EXPECT_EQ(bad({{"70000/tcp", json::array()}}), "invalid port specification: \"70000\"");
    EXPECT_EQ(bad({{"80/tcp", {{{"HostPort", "x"}}}}}), "invalid port specification: \"x\"");
    EXPECT_EQ(bad({{"80/tcp", {{{"HostPort", "9000-8000"}}}}}), "invalid port specification: \"9000-8000\"");
    EXPECT_EQ(bad({{"80/tcp", {{{"HostPort", "0"}}}}}), "invalid port specification: \"0\"");
    EXPECT_EQ(bad({{"80/tcp", {{{"HostIp", "300.1.1.1"}}}}}), "invalid IP address: 300.1.1.1");
    EXPECT_NE(bad({{"80/sctp", json::array()}}).find("invalid proto: sctp"), std::string::npos);
    EXPECT_NE(bad({{"80/tcp", "8080"}}).find("must be an array"), std::string::npos);
    EXPECT_NE(bad(json::array()).find("must be an object"), std::string::npos);
}

TEST(PortConfig, InspectAndListShapes) {
    std::vector<PortMapping> published = {{"tcp", 80, "", 8080, 0}, {"tcp", 80, "127.0.0.1", 8081, 0},
                                          {"udp", 53, "127.0.0.1", 5353, 0}};
    json exposed = {{"80/tcp", json::object()}, {"443/tcp", json::object()}};
    EXPECT_EQ(ports_inspect_json(published, exposed),
              json::parse(R"({"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"},{"HostIp":"127.0.0.1","HostPort":"8081"}],
                             "443/tcp":null,
                             "53/udp":[{"HostIp":"127.0.0.1","HostPort":"5353"}]})"));
    EXPECT_EQ(ports_list_json(published)[0],
              json::parse(R"({"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"})"));
    EXPECT_EQ(ports_list_json({}), json::array());
}

TEST(PortConfig, PersistenceRoundTrip) {
    PortMapping m{"udp", 53, "127.0.0.1", 5300, 5310};
    EXPECT_EQ(port_mapping_from_json(to_json(m)), m);
    EXPECT_EQ(port_mapping_from_json(json::parse(R"({"ContainerPort":80,"HostPort":8080})")),
              (PortMapping{"tcp", 80, "", 8080, 0}));
}

TEST(PortConfig, NftTableNamePerRoot) {
    EXPECT_EQ(nft_table_for_root("/var/lib/berth"), "berth");
    EXPECT_EQ(nft_table_for_root("/var/lib/berth/"), "berth");
    auto other = nft_table_for_root("/tmp/berth-test.1234/root");
    EXPECT_EQ(other.rfind("berth_", 0), 0u);
    EXPECT_EQ(other.size(), 14u);
    EXPECT_EQ(other, nft_table_for_root("/tmp/berth-test.1234/root"));
    EXPECT_NE(other, nft_table_for_root("/tmp/berth-test.1235/root"));
}

TEST(PortConfig, NftRulesLeaveLoopbackToTheProxy) {
    auto text = NftRules::forward_rules("berth", "c1", "172.18.0.2",
                                        {{"tcp", 80, "", 8080, 0}, {"udp", 53, "127.0.0.1", 5353, 0},
                                         {"tcp", 443, "10.1.2.3", 8443, 0}});
    EXPECT_NE(text.find("add rule ip berth publish tcp dport 8080 dnat to 172.18.0.2:80 comment \"berth:c1\""),
              std::string::npos) << text;
    EXPECT_NE(text.find("publish ip daddr 10.1.2.3 tcp dport 8443 dnat to 172.18.0.2:443"), std::string::npos);
    EXPECT_EQ(text.find("5353"), std::string::npos);
}

TEST(PortNftables, BridgeRulesSendTheBridgesConnectionsToTheProxyAndMasqueradeWhatLeaves) {
    auto text = NftRules::bridge_rules("berth", "net:n1", "172.18.0.0/16", "br-0123456789ab");
    EXPECT_NE(text.find("insert rule ip berth prerouting iifname \"br-0123456789ab\" return comment \"berth:net:n1\"\n"),
              std::string::npos) << text;
    EXPECT_NE(text.find("add rule ip berth postrouting ip saddr 172.18.0.0/16 oifname != \"br-0123456789ab\" "
                        "masquerade comment \"berth:net:n1\"\n"),
              std::string::npos) << text;
}

// ---- host ports ---------------------------------------------------------------------------

TEST(HostPorts, RandomPortComesFromTheEphemeralRange) {
    std::mt19937 random(42);
    auto [low, high] = ephemeral_port_range();
    std::vector<BoundPort> held;
    for (int i = 0; i < 20; ++i) {
        auto b = bind_host_port(tcp_to(80), random);
        ASSERT_TRUE(b) << b.error().message();
        EXPECT_GE(b->mapping.host_port, low);
        EXPECT_LE(b->mapping.host_port, high);
        EXPECT_EQ(local_port(b->fd.get()), b->mapping.host_port);
        held.push_back(std::move(b).value());
    }
    // Held ports are never handed out twice.
    for (std::size_t i = 0; i < held.size(); ++i)
        for (std::size_t j = i + 1; j < held.size(); ++j)
            EXPECT_NE(held[i].mapping.host_port, held[j].mapping.host_port);
}

TEST(HostPorts, RangeTakesTheFirstFreePort) {
    std::mt19937 random(1);
    auto first = bind_host_port(tcp_to(80), random);
    ASSERT_TRUE(first);
    std::uint16_t p = first->mapping.host_port;
    if (p > 65000) GTEST_SKIP() << "random port at the top of the range";
    auto m = tcp_to(80, p);
    m.host_port_end = p + 3;
    auto b = bind_host_port(m, random);
    ASSERT_TRUE(b) << b.error().message();
    EXPECT_GT(b->mapping.host_port, p);
    EXPECT_EQ(b->mapping.host_port_end, 0);
}

TEST(HostPorts, TakenPortSaysAlreadyAllocated) {
    std::mt19937 random(2);
    auto first = bind_host_port(tcp_to(80), random);
    ASSERT_TRUE(first);
    auto again = bind_host_port(tcp_to(81, first->mapping.host_port), random);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().message(),
              "Bind for 127.0.0.1:" + std::to_string(first->mapping.host_port) +
                  " failed: port is already allocated");
}

// ---- the proxy ----------------------------------------------------------------------------

TEST(PortProxy, RelaysTcpWithHalfClose) {
    TcpEcho echo;
    auto publisher = proxy_only();
    auto published = publisher->publish("c1", "127.0.0.1", {tcp_to(echo.port())});
    ASSERT_TRUE(published) << published.error().message();
    ASSERT_EQ(published->size(), 1u);
    std::uint16_t port = (*published)[0].host_port;
    EXPECT_NE(port, 0);
    EXPECT_EQ(publisher->published("c1"), *published);

    EXPECT_EQ(echo_through(port, "hello"), "hello");
    auto big = pattern(20 << 20, 7);  // 20 MiB both ways
    EXPECT_TRUE(echo_through(port, big) == big);
}

TEST(PortProxy, RelaysUdp) {
    UdpEcho echo;
    auto publisher = proxy_only();
    PortMapping m = tcp_to(echo.port());
    m.proto = "udp";
    auto published = publisher->publish("c1", "127.0.0.1", {m});
    ASSERT_TRUE(published) << published.error().message();
    auto to = loopback((*published)[0].host_port);

    // Two clients: each gets its own answers.
    for (int client = 0; client < 2; ++client) {
        int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        timeval tv{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        for (int i = 0; i < 3; ++i) {
            std::string msg = "ping " + std::to_string(client) + "." + std::to_string(i);
            ASSERT_EQ(::sendto(fd, msg.data(), msg.size(), 0, reinterpret_cast<sockaddr *>(&to), sizeof to),
                      static_cast<ssize_t>(msg.size()));
            char buf[100];
            ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            ASSERT_GT(n, 0) << std::strerror(errno);
            EXPECT_EQ(std::string(buf, n), msg);
        }
        ::close(fd);
    }
}

TEST(PortProxy, ConflictLeavesNothingBound) {
    TcpEcho echo;
    auto publisher = proxy_only();
    auto holder = publisher->publish("holder", "127.0.0.1", {tcp_to(echo.port())});
    ASSERT_TRUE(holder);
    std::uint16_t taken = (*holder)[0].host_port;

    // A free port first, then the taken one: the free one must not stay bound.
    std::mt19937 random(3);
    std::uint16_t free_port;
    {
        auto probe = bind_host_port(tcp_to(80), random);
        ASSERT_TRUE(probe);
        free_port = probe->mapping.host_port;
    }
    auto result = publisher->publish("c2", "127.0.0.1", {tcp_to(echo.port(), free_port), tcp_to(echo.port(), taken)});
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().message(),
              "Bind for 127.0.0.1:" + std::to_string(taken) + " failed: port is already allocated");
    EXPECT_TRUE(can_bind("tcp", free_port));
    EXPECT_TRUE(publisher->published("c2").empty());
    EXPECT_EQ(echo_through(taken, "still there"), "still there");
}

TEST(PortProxy, UnpublishFreesThePortAndClosesConnections) {
    TcpEcho echo;
    UdpEcho udp_echo;
    auto publisher = proxy_only();
    PortMapping udp = tcp_to(udp_echo.port());
    udp.proto = "udp";
    auto published = publisher->publish("c1", "127.0.0.1", {tcp_to(echo.port()), udp});
    ASSERT_TRUE(published);
    std::uint16_t tcp_port = (*published)[0].host_port, udp_port = (*published)[1].host_port;
    EXPECT_FALSE(can_bind("tcp", tcp_port));
    EXPECT_FALSE(can_bind("udp", udp_port));

    int open_connection = connect_to(tcp_port);
    ASSERT_GE(open_connection, 0);
    ASSERT_EQ(::send(open_connection, "x", 1, MSG_NOSIGNAL), 1);
    char c;
    ASSERT_EQ(::read(open_connection, &c, 1), 1);

    publisher->unpublish("c1");
    EXPECT_TRUE(publisher->published("c1").empty());
    EXPECT_TRUE(can_bind("tcp", tcp_port));
    EXPECT_TRUE(can_bind("udp", udp_port));
    EXPECT_LE(::read(open_connection, &c, 1), 0);  // closed by the proxy
    ::close(open_connection);
    publisher->unpublish("c1");  // twice is harmless
}

TEST(PortProxy, FiftyConcurrentConnections) {
    TcpEcho echo;
    auto publisher = proxy_only();
    auto published = publisher->publish("c1", "127.0.0.1", {tcp_to(echo.port())});
    ASSERT_TRUE(published);
    std::uint16_t port = (*published)[0].host_port;

    std::atomic<int> good{0};
    std::vector<std::thread> clients;
    for (int i = 0; i < 50; ++i) {
        clients.emplace_back([&, i] {
            auto payload = pattern(256 * 1024 + i, i);
            if (echo_through(port, payload) == payload) good++;
        });
    }
    for (auto &t : clients) t.join();
    EXPECT_EQ(good.load(), 50);
    EXPECT_EQ(echo.accepted(), 50);
}

TEST(PortProxy, ClosedBackendClosesTheClient) {
    auto publisher = proxy_only();
    std::uint16_t nothing_there;
    {
        std::mt19937 random(4);
        auto probe = bind_host_port(tcp_to(80), random);
        ASSERT_TRUE(probe);
        nothing_there = probe->mapping.host_port;
    }
    auto published = publisher->publish("c1", "127.0.0.1", {tcp_to(nothing_there)});
    ASSERT_TRUE(published);
    int fd = connect_to((*published)[0].host_port);
    ASSERT_GE(fd, 0);  // the proxy accepts...
    char c;
    EXPECT_LE(::read(fd, &c, 1), 0);  // ...and closes once the container refuses
    ::close(fd);
}

TEST(PortProxy, DestructorStopsEverything) {
    TcpEcho echo;
    std::uint16_t port;
    {
        auto publisher = proxy_only();
        auto published = publisher->publish("c1", "127.0.0.1", {tcp_to(echo.port())});
        ASSERT_TRUE(published);
        port = (*published)[0].host_port;
    }
    EXPECT_TRUE(can_bind("tcp", port));
}

// ---- nftables (root with a kernel that has nf_tables) ---------------------------------------

namespace {
std::string nft_list(const std::string &table) {
    nft_ctx *ctx = nft_ctx_new(NFT_CTX_DEFAULT);
    nft_ctx_buffer_output(ctx);
    nft_ctx_buffer_error(ctx);
    int rc = nft_run_cmd_from_buffer(ctx, ("list table ip " + table).c_str());
    std::string out = rc == 0 ? nft_ctx_get_output_buffer(ctx) : "<no table>";
    nft_ctx_free(ctx);
    return out;
}
}  // namespace

TEST(PortNftables, RulesFollowTheContainerAndTheTableGoesAtShutdown) {
    std::string table = "berth_unit_" + std::to_string(::getpid());
    auto rules = NftRules::open(table);
    if (!rules) GTEST_SKIP() << "nftables not usable here: " << rules.error().message();
    rules.value().reset();
    EXPECT_EQ(nft_list(table), "<no table>");

    ::signal(SIGPIPE, SIG_IGN);
    PortPublisherOptions opts;
    opts.nft_table = table;
    std::uint16_t port;
    {
        auto publisher = PortPublisher::open(opts);
        ASSERT_TRUE(publisher);
        ASSERT_TRUE((*publisher)->nftables_active());
        PortMapping everywhere = tcp_to(80);
        everywhere.host_ip = "";
        auto published = (*publisher)->publish("c1", "10.250.0.2", {everywhere, tcp_to(81)});
        ASSERT_TRUE(published) << published.error().message();
        port = (*published)[0].host_port;
        auto listing = nft_list(table);
        EXPECT_NE(listing.find("tcp dport " + std::to_string(port) + " dnat to 10.250.0.2:80"), std::string::npos) << listing;
        EXPECT_NE(listing.find("comment \"berth:c1\""), std::string::npos);
        EXPECT_EQ(listing.find("10.250.0.2:81"), std::string::npos);  // loopback only: the proxy

        ASSERT_TRUE((*publisher)->nat_for_bridge("n1", "10.250.0.0/24", "berthtest0"));
        listing = nft_list(table);
        EXPECT_NE(listing.find("oifname != \"berthtest0\" masquerade"), std::string::npos) << listing;
        // The bridge's connections skip the DNAT (the proxy takes them): the return comes first.
        const auto bridge_return = listing.find("iifname \"berthtest0\" return");
        EXPECT_NE(bridge_return, std::string::npos) << listing;
        EXPECT_LT(bridge_return, listing.find("jump publish")) << listing;
        ASSERT_TRUE((*publisher)->nat_for_bridge("n1", "10.250.0.0/24", "berthtest0"));  // again: no duplicates
        listing = nft_list(table);
        EXPECT_EQ(listing.find("iifname \"berthtest0\" return", bridge_return + 1), std::string::npos) << listing;
        (*publisher)->remove_nat_for_bridge("n1");
        listing = nft_list(table);
        EXPECT_EQ(listing.find("berth:net:n1"), std::string::npos) << listing;
        EXPECT_NE(listing.find("jump publish"), std::string::npos) << listing;

        (*publisher)->unpublish("c1");
        listing = nft_list(table);
        EXPECT_EQ(listing.find("berth:c1"), std::string::npos) << listing;
        EXPECT_NE(listing.find("chain publish"), std::string::npos);

        ASSERT_TRUE((*publisher)->publish("c2", "10.250.0.3", {everywhere}));
    }
    EXPECT_EQ(nft_list(table), "<no table>");
}

TEST(PortNftables, OpenClearsWhatAKilledDaemonLeft) {
    std::string table = "berth_unit_" + std::to_string(::getpid()) + "b";
    auto first = NftRules::open(table);
    if (!first) GTEST_SKIP() << "nftables not usable here";
    ASSERT_TRUE((*first)->add_forwards("old", "10.250.0.9", {{"tcp", 80, "", 18080, 0}}));
    auto second = NftRules::open(table);  // as a restarted berthd would
    ASSERT_TRUE(second);
    EXPECT_EQ(nft_list(table).find("berth:old"), std::string::npos);
    second.value().reset();
    first.value().reset();
    EXPECT_EQ(nft_list(table), "<no table>");
}
