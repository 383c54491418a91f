#include <gtest/gtest.h>

#include "cli/args.h"

using berth::cli::FlagSpec;
using berth::cli::parse_args;

namespace {
const std::vector<FlagSpec> kSpecs = {
    {"all", 'a', FlagSpec::Type::Bool, "", "", ""},
    {"quiet", 'q', FlagSpec::Type::Bool, "", "", ""},
    {"human", 'H', FlagSpec::Type::Bool, "", "true", ""},
    {"filter", 'f', FlagSpec::Type::List, "", "", "filter"},
    {"format", 0, FlagSpec::Type::String, "", "", "string"},
};
}  // namespace

TEST(ParseArgs, CombinedShortBoolsAndInterspersedArguments) {
    auto p = parse_args(kSpecs, {"busybox", "-aq", "extra"});
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->flag("all"));
    EXPECT_TRUE(p->flag("quiet"));
    EXPECT_EQ(p->positional, (std::vector<std::string>{"busybox", "extra"}));
}

TEST(ParseArgs, ValuesInEveryFormPflagAccepts) {
    auto p = parse_args(kSpecs, {"-f", "dangling=true", "--filter=label=a", "--filter", "x=y", "-fz=1",
                                 "--format", "{{.ID}}"});
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->values("filter"), (std::vector<std::string>{"dangling=true", "label=a", "x=y", "z=1"}));
    EXPECT_EQ(p->value("format"), "{{.ID}}");
}

TEST(ParseArgs, BoolDefaultsAndExplicitFalse) {
    auto p = parse_args(kSpecs, {});
    ASSERT_TRUE(p.ok());
    EXPECT_TRUE(p->flag("human"));
    EXPECT_FALSE(p->flag("all"));
    EXPECT_FALSE(parse_args(kSpecs, {"--human=false"})->flag("human"));
    EXPECT_FALSE(parse_args(kSpecs, {"-H=false"})->flag("human"));
    EXPECT_FALSE(parse_args(kSpecs, {"--all=maybe"}).ok());
}

TEST(ParseArgs, DoubleDashAndStopAtFirstPositional) {
    auto p = parse_args(kSpecs, {"-a", "--", "-q"});
    ASSERT_TRUE(p.ok());
    EXPECT_FALSE(p->flag("quiet"));
    EXPECT_EQ(p->positional, (std::vector<std::string>{"-q"}));
    auto run_like = parse_args(kSpecs, {"-a", "busybox", "ls", "-q"}, /*stop_at_first_positional=*/true);
    ASSERT_TRUE(run_like.ok());
    EXPECT_FALSE(run_like->flag("quiet"));
    EXPECT_EQ(run_like->positional, (std::vector<std::string>{"busybox", "ls", "-q"}));
}

TEST(ParseArgs, ErrorsUsePflagsWording) {
    EXPECT_EQ(parse_args(kSpecs, {"--bogus"}).error().message(), "unknown flag: --bogus");
    EXPECT_EQ(parse_args(kSpecs, {"-x"}).error().message(), "unknown shorthand flag: 'x' in -x");
    EXPECT_EQ(parse_args(kSpecs, {"--format"}).error().message(), "flag needs an argument: --format");
    EXPECT_TRUE(parse_args(kSpecs, {"--help"})->help);
    EXPECT_TRUE(parse_args(kSpecs, {"-h"})->help);
}

#include "cli/auth_config.h"

TEST(SavedRegistryAuth, ReadsDockerLoginEntries) {
    // "user:p@ss" base64 = dXNlcjpwQHNz
    const std::string config = R"({"auths": {
        "127.0.0.1:5001": {"auth": "dXNlcjpwQHNz"},
        "https://index.docker.io/v1/": {"auth": "aHViOnNlY3JldA=="}}})";
    auto a = berth::cli::registry_auth_from_config(config, "127.0.0.1:5001");
    EXPECT_EQ(a.username, "user");
    EXPECT_EQ(a.password, "p@ss");
    auto hub = berth::cli::registry_auth_from_config(config, "docker.io");
    EXPECT_EQ(hub.username, "hub");
    EXPECT_EQ(hub.password, "secret");
    EXPECT_TRUE(berth::cli::registry_auth_from_config(config, "127.0.0.1:9").empty());
    EXPECT_TRUE(berth::cli::registry_auth_from_config("not json", "x").empty());
}
