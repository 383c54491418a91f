#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "api/peer_credentials.h"
#include "util/unique_fd.h"

using namespace berth::api;

namespace {

std::vector<gid_t> no_groups(uid_t) { return {}; }

}  // namespace

TEST(PeerAuthorization, RootIsAlwaysAllowed) {
    EXPECT_EQ(authorization_failure({1, 0, 0}, std::nullopt, "berth", no_groups), "");
    EXPECT_EQ(authorization_failure({1, 0, 0}, gid_t{999}, "berth", no_groups), "");
}

TEST(PeerAuthorization, PrimaryGroupMemberIsAllowed) {
    EXPECT_EQ(authorization_failure({1, 1000, 999}, gid_t{999}, "berth", no_groups), "");
}

TEST(PeerAuthorization, SupplementaryGroupMemberIsAllowed) {
    auto lookup = [](uid_t uid) { return uid == 1000 ? std::vector<gid_t>{1000, 27, 999} : std::vector<gid_t>{}; };
    EXPECT_EQ(authorization_failure({1, 1000, 1000}, gid_t{999}, "berth", lookup), "");
}

TEST(PeerAuthorization, OthersAreRefusedWithAReason) {
    const auto reason = authorization_failure({1, 1000, 1000}, gid_t{999}, "berth", no_groups);
    EXPECT_NE(reason.find("uid 1000"), std::string::npos);
    EXPECT_NE(reason.find("'berth'"), std::string::npos);
}

TEST(PeerAuthorization, WithoutTheGroupOnlyRootIsAllowed) {
    const auto reason = authorization_failure({1, 1000, 999}, std::nullopt, "berth", no_groups);
    EXPECT_NE(reason.find("does not exist"), std::string::npos);
}

TEST(PeerCredentials, ReadsOurOwnCredentialsFromASocketPair) {
    int fds[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    berth::util::UniqueFd a(fds[0]), b(fds[1]);
    auto creds = peer_credentials(a.get());
    ASSERT_TRUE(creds);
    EXPECT_EQ(creds->pid, ::getpid());
    EXPECT_EQ(creds->uid, ::getuid());
    EXPECT_EQ(creds->gid, ::getgid());
}

TEST(PeerCredentials, GroupsOfRootIncludeItsPrimaryGroup) {
    const auto groups = groups_of_user(0);
    EXPECT_NE(std::find(groups.begin(), groups.end(), gid_t{0}), groups.end());
}
