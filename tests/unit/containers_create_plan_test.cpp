#include <gtest/gtest.h>

#include "containers/create_plan.h"
#include "containers/mount_specs.h"

using namespace berth;
using namespace berth::containers;
using nlohmann::json;

namespace {

const json kImage = {{"Env", {"PATH=/usr/bin:/bin", "LANG=C"}},
                     {"Cmd", {"sh"}},
                     {"WorkingDir", "/srv"},
                     {"ExposedPorts", {{"80/tcp", json::object()}}},
                     {"Volumes", {{"/data", json::object()}}},
                     {"Labels", {{"a", "image"}, {"b", "image"}}}};

PlanInputs inputs(json body) {
    PlanInputs in;
    in.body = std::move(body);
    in.id = std::string(64, 'a');
    in.image_id = "sha256:" + std::string(64, 'b');
    in.image_config = kImage;
    in.cpu_count = 2;
    return in;
}

std::string plan_error(json body) {
    auto r = plan_container(inputs(std::move(body)));
    if (r.ok()) return "ok";
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    return r.error().message();
}

}  // namespace

TEST(CreatePlan, ImageCmdIsUsedWhenRequestHasNone) {
    auto c = plan_container(inputs({{"Image", "busybox"}}));
    ASSERT_TRUE(c.ok()) << c.error().message();
    EXPECT_EQ(c->path, "sh");
    EXPECT_TRUE(c->args.empty());
    EXPECT_EQ(c->config["WorkingDir"], "/srv");
    EXPECT_EQ(c->config["Hostname"], std::string(12, 'a'));
}

TEST(CreatePlan, RequestCmdReplacesImageCmd) {
    auto c = plan_container(inputs({{"Image", "busybox"}, {"Cmd", {"echo", "hi"}}}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->path, "echo");
    EXPECT_EQ(c->args, std::vector<std::string>{"hi"});
}

TEST(CreatePlan, RequestEntrypointDropsImageCmd) {
    auto c = plan_container(inputs({{"Image", "busybox"}, {"Entrypoint", {"/bin/date"}}}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->path, "/bin/date");
    EXPECT_TRUE(c->args.empty());
    EXPECT_TRUE(c->config["Cmd"].is_null());
}

TEST(CreatePlan, EmptyEntrypointWithoutCmdHasNoCommand) {
    EXPECT_EQ(plan_error({{"Image", "busybox"}, {"Entrypoint", {""}}}), "no command specified");
}

TEST(CreatePlan, EnvMergesByKeyRequestFirst) {
    auto c = plan_container(inputs({{"Image", "x"}, {"Env", {"LANG=de", "X=1"}}}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->config["Env"], json({"LANG=de", "X=1", "PATH=/usr/bin:/bin"}));
}

TEST(CreatePlan, LabelsMergeAndRequestWins) {
    auto c = plan_container(inputs({{"Image", "x"}, {"Labels", {{"b", "req"}}}}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->config["Labels"], json({{"a", "image"}, {"b", "req"}}));
}

TEST(CreatePlan, ImageVolumeBecomesAnonymousVolumeUnlessBound) {
    auto c = plan_container(inputs({{"Image", "x"}}));
    ASSERT_TRUE(c.ok());
    ASSERT_EQ(c->mounts.size(), 1u);
    EXPECT_TRUE(c->mounts[0].anonymous);
    EXPECT_EQ(c->mounts[0].destination, "/data");
    auto bound = plan_container(inputs({{"Image", "x"}, {"HostConfig", {{"Binds", {"/tmp:/data:ro"}}}}}));
    ASSERT_TRUE(bound.ok());
    ASSERT_EQ(bound->mounts.size(), 1u);
    EXPECT_EQ(bound->mounts[0].type, "bind");
    EXPECT_FALSE(bound->mounts[0].rw);
}

TEST(CreatePlan, ResourceLimitsUseDockerMessages) {
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"Memory", 1024}}}}),
              "Minimum memory limit allowed is 6MB");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"NanoCpus", -1}}}}),
              "Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"MemorySwap", 100000000}}}}),
              "You should always set the Memory limit when using Memoryswap limit, see usage");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"NanoCpus", 1000000000}, {"CpuQuota", 5000}}}}),
              "Conflicting options: Nano CPUs and CPU Quota cannot both be set");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"Memory", 10000000}}}}), "ok");
}

TEST(CreatePlan, WrongTypesAre400NamingTheField) {
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"Memory", "lots"}}}}),
              "json: cannot unmarshal string into Go struct field HostConfig.Memory of type int64");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"Tty", "yes"}}),
              "json: cannot unmarshal string into Go struct field Config.Tty of type bool");
    EXPECT_EQ(plan_error(json::array()), "invalid JSON: the request body must be an object");
}

TEST(CreatePlan, RestartPolicyValidation) {
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"RestartPolicy", {{"Name", "sometimes"}}}}}}),
              "invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"RestartPolicy", {{"Name", "always"}, {"MaximumRetryCount", 2}}}}}}),
              "invalid restart policy: maximum retry count can only be used with 'on-failure'");
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"AutoRemove", true}, {"RestartPolicy", {{"Name", "always"}}}}}}),
              "can't create 'AutoRemove' container with restart policy");
    auto c = plan_container(inputs({{"Image", "x"}}));
    EXPECT_EQ(c->host_config["RestartPolicy"], json({{"Name", "no"}, {"MaximumRetryCount", 0}}));
}

TEST(CreatePlan, CapabilitiesAndSecurityOptions) {
    auto c = plan_container(inputs({{"Image", "x"}, {"HostConfig", {{"CapAdd", {"net_admin"}}, {"CapDrop", {"ALL"}}, {"SecurityOpt", {"no-new-privileges"}}}}}));
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->host_config["CapAdd"], json({"CAP_NET_ADMIN"}));
    EXPECT_EQ(c->host_config["CapDrop"], json({"ALL"}));
    EXPECT_EQ(plan_error({{"Image", "x"}, {"HostConfig", {{"CapAdd", {"FLY"}}}}}), "unknown capability: \"CAP_FLY\"");
    EXPECT_NE(plan_error({{"Image", "x"}, {"HostConfig", {{"SecurityOpt", {"bogus"}}}}}), "ok");
}

TEST(CreatePlan, PortsAndNames) {
    EXPECT_EQ(plan_error({{"Image", "x"}, {"ExposedPorts", {{"99999/tcp", json::object()}}}}),
              "invalid port specification: \"99999/tcp\"");
    auto in = inputs({{"Image", "x"}});
    in.name = "bad name";
    EXPECT_FALSE(plan_container(in).ok());
}

TEST(MountSpecs, BindsAndVolumes) {
    auto b = parse_bind("/host/dir:/ctr:ro");
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->type, "bind");
    EXPECT_EQ(b->source, "/host/dir");
    EXPECT_FALSE(b->rw);
    auto v = parse_bind("myvol:/data");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->type, "volume");
    EXPECT_EQ(v->name, "myvol");
    EXPECT_FALSE(parse_bind("/a").ok());
    EXPECT_EQ(parse_bind("/a:/b:bogus").error().message(), "invalid mode: bogus");
    EXPECT_FALSE(parse_bind("/a:relative").ok());
}

TEST(MountSpecs, MountBindSourceMustExist) {
    auto r = parse_mount({{"Type", "bind"}, {"Source", "/no/such/path"}, {"Target", "/x"}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(),
              "invalid mount config for type \"bind\": bind source path does not exist: /no/such/path");
    EXPECT_TRUE(parse_mount({{"Type", "bind"}, {"Source", "/tmp"}, {"Target", "/x"}}).ok());
    EXPECT_EQ(parse_mount({{"Type", "nfs"}, {"Target", "/x"}}).error().message(),
              "invalid mount config for type \"nfs\": mount type unknown");
    auto t = parse_mount({{"Type", "tmpfs"}, {"Target", "/t"}, {"TmpfsOptions", {{"SizeBytes", 1048576}, {"Mode", 01777}}}});
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->tmpfs_options, "size=1048576,mode=1777");
}

TEST(MountSpecs, DuplicateDestinationsRejected) {
    auto r = parse_host_mounts({{"Binds", {"/tmp:/x", "vol:/x"}}});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message(), "Duplicate mount point: /x");
}
