// rtnetlink operations in private network namespaces (made here, gone with their
// processes): bridge, address, veth into a "container" namespace with eth0, its address,
// MAC and default route; failures leave nothing behind. Needs root.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <thread>

#include "network/ipam.h"
#include "network/netlink.h"
#include "network/veth.h"

using namespace berth;
using namespace berth::network;

namespace {

// A process sitting in a network namespace of its own; killed at the end.
class PrivateNetns {
public:
    PrivateNetns() {
        int p[2];
        if (::pipe2(p, O_CLOEXEC) < 0) return;
        pid_ = ::fork();
        if (pid_ == 0) {
            char ok = ::unshare(CLONE_NEWNET) == 0 ? '1' : '0';
            (void)!::write(p[1], &ok, 1);
            ::pause();
            ::_exit(0);
        }
        ::close(p[1]);
        char ok = '0';
        (void)!::read(p[0], &ok, 1);
        ::close(p[0]);
        ready_ = ok == '1';
    }
    ~PrivateNetns() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool ready() const { return ready_; }
    std::string path() const { return "/proc/" + std::to_string(pid_) + "/ns/net"; }

private:
    pid_t pid_ = -1;
    bool ready_ = false;
};

// Runs `body` on a thread inside `ns` (so Rtnetlink::open() there is that namespace's).
void in_netns(const PrivateNetns &ns, const std::function<void()> &body) {
    std::thread t([&] {
        int fd = ::open(ns.path().c_str(), O_RDONLY | O_CLOEXEC);
        ASSERT_GE(fd, 0);
        ASSERT_EQ(::setns(fd, CLONE_NEWNET), 0);
        ::close(fd);
        body();
    });
    t.join();
}

std::uint32_t A(const std::string &s) { return *parse_ipv4(s); }

}  // namespace

class NetworkNetlink : public ::testing::Test {
protected:
    void SetUp() override {
        if (::geteuid() != 0) GTEST_SKIP() << "needs root";
        if (!host_.ready() || !container_.ready()) GTEST_SKIP() << "cannot create network namespaces";
    }
    PrivateNetns host_, container_;
};

TEST_F(NetworkNetlink, BridgeVethAndContainerSide) {
    in_netns(host_, [&] {
        auto nl = Rtnetlink::open();
        ASSERT_TRUE(nl) << nl.error().message();
        ASSERT_TRUE(nl->create_bridge("tbr0"));
        auto dup = nl->create_bridge("tbr0");
        ASSERT_FALSE(dup);
        EXPECT_EQ(dup.error().kind, ErrorKind::Conflict);
        ASSERT_TRUE(nl->add_address("tbr0", A("10.200.0.1"), 24));
        ASSERT_TRUE(nl->set_up("tbr0"));
        auto addrs = nl->addresses();
        ASSERT_TRUE(addrs);
        bool found = false;
        for (const auto &a : *addrs) found = found || (a.address == A("10.200.0.1") && a.prefix == 24);
        EXPECT_TRUE(found);
        auto routes = nl->routes();
        ASSERT_TRUE(routes);
        found = false;
        for (const auto &r : *routes) found = found || r.dst.str() == "10.200.0.0/24";
        EXPECT_TRUE(found) << "the bridge's subnet route";

        VethPlan plan;
        plan.host_name = "vethab12cd3";
        plan.bridge = "tbr0";
        plan.netns_path = container_.path();
        plan.address = A("10.200.0.2");
        plan.prefix = 24;
        plan.gateway = A("10.200.0.1");
        plan.mac = mac_for(plan.address);
        auto name = create_container_veth(plan);
        ASSERT_TRUE(name) << name.error().message();
        EXPECT_EQ(*name, "eth0");

        auto links = nl->links();
        ASSERT_TRUE(links);
        const int bridge = *nl->link_index("tbr0");
        found = false;
        for (const auto &l : *links) found = found || (l.name == "vethab12cd3" && l.master == bridge && l.up);
        EXPECT_TRUE(found) << "host end enslaved and up";

        auto inside = Rtnetlink::open_in_netns(container_.path());
        ASSERT_TRUE(inside) << inside.error().message();
        auto in_links = inside->links();
        ASSERT_TRUE(in_links);
        bool eth0_up = false, lo_up = false;
        for (const auto &l : *in_links) {
            if (l.name == "eth0") eth0_up = l.up;
            if (l.name == "lo") lo_up = l.up;
        }
        EXPECT_TRUE(eth0_up);
        EXPECT_TRUE(lo_up);
        auto in_addrs = inside->addresses();
        ASSERT_TRUE(in_addrs);
        found = false;
        for (const auto &a : *in_addrs) found = found || (a.address == A("10.200.0.2") && a.prefix == 24);
        EXPECT_TRUE(found);
        auto in_routes = inside->routes();
        ASSERT_TRUE(in_routes);
        found = false;
        for (const auto &r : *in_routes) found = found || (r.dst.prefix == 0 && r.gateway == A("10.200.0.1"));
        EXPECT_TRUE(found) << "default route via the gateway";

        // A second interface takes the next free name, without a default route.
        plan.host_name = "vethab12cd4";
        plan.address = A("10.200.0.3");
        plan.mac = mac_for(plan.address);
        plan.default_route = false;
        auto second = create_container_veth(plan);
        ASSERT_TRUE(second) << second.error().message();
        EXPECT_EQ(*second, "eth1");

        ASSERT_TRUE(delete_host_veth("vethab12cd3"));
        EXPECT_TRUE(delete_host_veth("vethab12cd3")) << "already gone is fine";
        EXPECT_FALSE(inside->link_exists("eth0")) << "the peer goes with the host end";
        EXPECT_TRUE(inside->link_exists("eth1"));
    });
}

TEST_F(NetworkNetlink, FailedSetupLeavesNoVeth) {
    in_netns(host_, [&] {
        VethPlan plan;
        plan.host_name = "vethdeadbee";
        plan.bridge = "no-such-br";
        plan.netns_path = container_.path();
        plan.address = A("10.201.0.2");
        plan.prefix = 24;
        plan.gateway = A("10.201.0.1");
        auto r = create_container_veth(plan);
        ASSERT_FALSE(r);
        EXPECT_NE(r.error().message().find("no-such-br"), std::string::npos) << r.error().message();
        auto nl = Rtnetlink::open();
        ASSERT_TRUE(nl);
        EXPECT_FALSE(nl->link_exists("vethdeadbee"));
        EXPECT_FALSE(nl->link_exists("vpdeadbee"));
    });
}

TEST_F(NetworkNetlink, UnknownLinkIsNotFound) {
    in_netns(host_, [&] {
        auto nl = Rtnetlink::open();
        ASSERT_TRUE(nl);
        auto r = nl->link_index("nosuch0");
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
        EXPECT_NE(r.error().message().find("nosuch0"), std::string::npos);
    });
}
