// IPAM and addressing: pool choice around the host's routes, gateways, address
// allocation and release, Docker's MAC derivation, subnet parsing.
#include <gtest/gtest.h>

#include "network/ipam.h"
#include "network/ipv4.h"
#include "network/isolation.h"
#include "network/network.h"

using namespace berth;
using namespace berth::network;

namespace {
Subnet S(const std::string &text) { return *parse_subnet(text); }
std::uint32_t A(const std::string &text) { return *parse_ipv4(text); }
}  // namespace

TEST(NetworkIpam, FirstPoolWhenTheHostHasNoPrivateRoutes) {
    auto s = choose_subnet({S("192.0.2.0/24"), S("0.0.0.0/0")});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->str(), "172.17.0.0/16");
    EXPECT_EQ(format_ipv4(default_gateway(*s)), "172.17.0.1");
}

TEST(NetworkIpam, SkipsSubnetsAnotherEngineOwns) {
    // docker0 on 172.17/16 and a route into 172.18.5.0/24: the next free /16 is 172.19.
    auto s = choose_subnet({S("172.17.0.0/16"), S("172.18.5.0/24")});
    ASSERT_TRUE(s);
    EXPECT_EQ(s->str(), "172.19.0.0/16");
}

TEST(NetworkIpam, FallsBackTo192168Slices) {
    std::vector<Subnet> taken = {S("172.16.0.0/12"), S("192.168.0.0/20")};
    auto s = choose_subnet(taken);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->str(), "192.168.16.0/20");
}

TEST(NetworkIpam, EveryPoolTakenIsAnError) {
    auto s = choose_subnet({S("172.16.0.0/12"), S("192.168.0.0/16")});
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message().find("non-overlapping"), std::string::npos);
}

TEST(NetworkIpam, MacIsDockersDerivation) {
    EXPECT_EQ(format_mac(mac_for(A("172.17.0.2"))), "02:42:ac:11:00:02");
    EXPECT_EQ(format_mac(mac_for(A("10.231.7.77"))), "02:42:0a:e7:07:4d");
}

TEST(NetworkIpam, AllocatesLowestFreeSkippingGatewayAndNetworkAddress) {
    AddressSpace a{S("10.0.0.0/24"), A("10.0.0.1"), std::nullopt, {}};
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.0.2");
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.0.3");
    a.release(A("10.0.0.2"));
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.0.2");
}

TEST(NetworkIpam, FixedAddressMustBeInsideAndFree) {
    AddressSpace a{S("10.0.0.0/24"), A("10.0.0.1"), std::nullopt, {}};
    EXPECT_EQ(format_ipv4(*a.allocate(A("10.0.0.50"))), "10.0.0.50");
    auto again = a.allocate(A("10.0.0.50"));
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
    auto outside = a.allocate(A("10.0.1.5"));
    ASSERT_FALSE(outside);
    EXPECT_EQ(outside.error().kind, ErrorKind::InvalidArgument);
    EXPECT_FALSE(a.allocate(A("10.0.0.1")));    // the gateway
    EXPECT_FALSE(a.allocate(A("10.0.0.255")));  // broadcast
}

TEST(NetworkIpam, RangeLimitsAutomaticAddresses) {
    AddressSpace a{S("10.0.0.0/16"), A("10.0.0.1"), S("10.0.5.0/30"), {}};
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.5.0");
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.5.1");
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.5.2");
    EXPECT_EQ(format_ipv4(*a.allocate()), "10.0.5.3");
    auto full = a.allocate();
    ASSERT_FALSE(full);
    EXPECT_EQ(full.error().kind, ErrorKind::Unavailable);
}

TEST(NetworkIpam, SubnetParsing) {
    EXPECT_EQ(S("172.20.0.0/16").str(), "172.20.0.0/16");
    EXPECT_FALSE(parse_subnet("172.20.0.1/16"));  // host bits set
    EXPECT_EQ(parse_subnet("172.20.0.1/16", true)->str(), "172.20.0.0/16");
    EXPECT_FALSE(parse_subnet("10.1.2.300/24"));
    EXPECT_FALSE(parse_subnet("10.1.2.0/33"));
    EXPECT_FALSE(parse_subnet("10.1.2.0"));
    EXPECT_TRUE(S("10.0.0.0/8").overlaps(S("10.3.0.0/16")));
    EXPECT_FALSE(S("10.0.0.0/16").overlaps(S("10.1.0.0/16")));
}

TEST(NetworkStore, DiskRecordRoundTrips) {
    Network n;
    n.id = random_id();
    n.name = "web";
    n.created = "2026-01-01T00:00:00.000000000Z";
    n.bridge = "br-" + n.id.substr(0, 12);
    n.pool = IpamPool{S("10.9.0.0/24"), A("10.9.0.1"), S("10.9.0.128/25"), false};
    n.labels = {{"a", "b"}};
    n.endpoints["c1"] = Endpoint{"c1", "one", random_id(), "veth1234567", A("10.9.0.130"), {"alias"}};
    auto back = network_from_disk_json(to_disk_json(n));
    ASSERT_TRUE(back);
    EXPECT_EQ(back->pool->range->str(), "10.9.0.128/25");
    EXPECT_EQ(back->endpoints.at("c1").aliases, std::vector<std::string>{"alias"});
    const auto api = to_api_json(*back);
    EXPECT_EQ(api["IPAM"]["Config"][0]["Subnet"], "10.9.0.0/24");
    EXPECT_EQ(api["Containers"]["c1"]["IPv4Address"], "10.9.0.130/24");
    EXPECT_EQ(api["Containers"]["c1"]["MacAddress"], "02:42:0a:09:00:82");
    EXPECT_EQ(api["Scope"], "local");
}

TEST(NetworkIsolation, RulesDropBetweenBridgesAndAroundInternalOnes) {
    const auto r = BridgeIsolation::rules("iso_berth0", {{"berth0", false}, {"br-1", false}, {"br-2", true}});
    EXPECT_NE(r.find("iifname \"berth0\" oifname { \"br-1\", \"br-2\" } drop"), std::string::npos);
    EXPECT_NE(r.find("iifname \"br-2\" oifname != \"br-2\" drop"), std::string::npos);
    EXPECT_NE(r.find("flush chain ip berth_isolation iso_berth0"), std::string::npos);
    EXPECT_EQ(BridgeIsolation::chain_name("bt-1.x"), "iso_bt_1_x");
}
