// The berth commands end to end against a scripted engine: what they ask, what they print,
// their exit codes.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/format/human.h"
#include "client_fake_engine.h"

using namespace berth_test;

namespace {

struct Outcome {
    int rc;
    std::string out, err;
};

Outcome berth_cmd(const FakeEngine &engine, std::vector<std::string> args, const std::string &stdin_text = "") {
    std::vector<std::string> full = {"-H", engine.host().text};
    full.insert(full.end(), args.begin(), args.end());
    std::ostringstream out, err;
    std::istringstream in(stdin_text);
    int rc = berth::cli::run(full, out, err, in, false);
    return {rc, out.str(), err.str()};
}

// Answers /_ping, then `reply` for everything else.
FakeEngine::Handler engine_answering(std::string reply) {
    return [reply](const Seen &s) { return is_ping(s) ? ping_reply("1.43") : reply; };
}

std::string images_json() {
    const auto now = berth::cli::format::unix_now();
    nlohmann::json images = nlohmann::json::array();
    images.push_back({{"Id", "sha256:" + std::string(64, 'a')},
                      {"RepoTags", {"busybox:latest", "127.0.0.1:5000/busybox:latest"}},
                      {"RepoDigests", {"127.0.0.1:5000/busybox@sha256:" + std::string(64, 'd')}},
                      {"Created", now - 7200},
                      {"Size", 4261234}});
    images.push_back({{"Id", "sha256:" + std::string(64, 'b')},
                      {"RepoTags", nlohmann::json::array()},
                      {"RepoDigests", nlohmann::json::array()},
                      {"Created", now - 90},
                      {"Size", 1200}});
    return images.dump();
}

}  // namespace

TEST(CliImages, PrintsDockersTableNewestFirst) {
    FakeEngine engine(engine_answering(http(200, images_json())));
    auto r = berth_cmd(engine, {"images"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out,
              "REPOSITORY               TAG       IMAGE ID       CREATED              SIZE\n"
              "<none>                   <none>    bbbbbbbbbbbb   About a minute ago   1.2kB\n"
              "127.0.0.1:5000/busybox   latest    aaaaaaaaaaaa   2 hours ago          4.26MB\n"
              "busybox                  latest    aaaaaaaaaaaa   2 hours ago          4.26MB\n");
    EXPECT_EQ(engine.seen().back().request_line, "GET /v1.43/images/json HTTP/1.1");
}

TEST(CliImages, QuietDigestsAndFilters) {
    FakeEngine engine(engine_answering(http(200, images_json())));
    auto q = berth_cmd(engine, {"image", "ls", "-q", "-a", "--filter", "dangling=false", "busybox"});
    EXPECT_EQ(q.out, "bbbbbbbbbbbb\naaaaaaaaaaaa\naaaaaaaaaaaa\n");
    EXPECT_EQ(engine.seen().back().request_line,
              "GET /v1.43/images/json?all=1&filters=%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%2C%22reference%22%3A%7B%22busybox%22%3Atrue%7D%7D HTTP/1.1");
    auto d = berth_cmd(engine, {"images", "--digests"});
    EXPECT_NE(d.out.find("127.0.0.1:5000/busybox   latest    sha256:" + std::string(64, 'd')), std::string::npos) << d.out;
    EXPECT_NE(d.out.find("busybox                  latest    <none>"), std::string::npos) << d.out;
    auto f = berth_cmd(engine, {"images", "--format", "{{.Repository}}:{{.Tag}} {{.Size}}"});
    EXPECT_EQ(f.out, "<none>:<none> 1.2kB\n127.0.0.1:5000/busybox:latest 4.26MB\nbusybox:latest 4.26MB\n");
}

TEST(CliPull, ShowsOneLinePerStatusChangeThenTheReference) {
    FakeEngine engine(engine_answering(chunked({
        "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n",
        "{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"a1b2c3d4e5f6\"}\n"
        "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":10,\"total\":20},\"id\":\"a1b2c3d4e5f6\"}\n",
        "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":20,\"total\":20},\"id\":\"a1b2c3d4e5f6\"}\n"
        "{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"a1b2c3d4e5f6\"}\n"
        "{\"status\":\"Digest: sha256:abc\"}\n{\"status\":\"Status: Downloaded newer image for busybox:latest\"}\n"})));
    auto r = berth_cmd(engine, {"pull", "busybox"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out,
              "Using default tag: latest\n"
              "latest: Pulling from library/busybox\n"
              "a1b2c3d4e5f6: Pulling fs layer\n"
              "a1b2c3d4e5f6: Downloading\n"
              "a1b2c3d4e5f6: Pull complete\n"
              "Digest: sha256:abc\n"
              "Status: Downloaded newer image for busybox:latest\n"
              "docker.io/library/busybox:latest\n");
    EXPECT_EQ(engine.seen().back().request_line, "POST /v1.43/images/create?fromImage=busybox&tag=latest HTTP/1.1");
    auto q = berth_cmd(engine, {"pull", "-q", "--platform", "linux/arm64", "127.0.0.1:5000/app:1"});
    EXPECT_EQ(q.out, "127.0.0.1:5000/app:1\n");
    EXPECT_EQ(engine.seen().back().request_line,
              "POST /v1.43/images/create?fromImage=127.0.0.1%3A5000%2Fapp&tag=1&platform=linux%2Farm64 HTTP/1.1");
}

TEST(CliPull, ErrorsPrintOneLineAndExitOne) {
    FakeEngine engine(engine_answering(chunked({
        "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n",
        "{\"errorDetail\":{\"message\":\"digest mismatch\"},\"error\":\"digest mismatch\"}\n"})));
    auto r = berth_cmd(engine, {"pull", "busybox:latest"});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.err, "Error response from daemon: digest mismatch\n");
    EXPECT_EQ(r.out, "latest: Pulling from library/busybox\n");

    FakeEngine missing(engine_answering(http(404, R"({"message":"manifest for nope:latest not found"})")));
    auto m = berth_cmd(missing, {"pull", "nope"});
    EXPECT_EQ(m.rc, 1);
    EXPECT_EQ(m.err, "Error response from daemon: manifest for nope:latest not found\n");

    auto bad = berth_cmd(missing, {"pull", "Not/Valid"});
    EXPECT_EQ(bad.rc, 1);
    EXPECT_EQ(bad.err.rfind("berth: invalid reference format", 0), 0u) << bad.err;
}

TEST(CliRmi, PrintsUntaggedAndDeletedAndContinuesAfterAnError) {
    FakeEngine engine([](const Seen &s) {
        if (is_ping(s)) return ping_reply("1.43");
        if (s.request_line.find("/images/nope") != std::string::npos)
            return http(404, R"({"message":"No such image: nope:latest"})");
        return http(200, R"([{"Untagged":"busybox:latest"},{"Deleted":"sha256:aaaa"}])");
    });
    auto r = berth_cmd(engine, {"rmi", "-f", "nope", "busybox"});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.err, "Error response from daemon: No such image: nope:latest\n");
    EXPECT_EQ(r.out, "Untagged: busybox:latest\nDeleted: sha256:aaaa\n");
    EXPECT_EQ(engine.seen().back().request_line, "DELETE /v1.43/images/busybox?force=1 HTTP/1.1");
}

TEST(CliInspect, PrettyArrayFormatAndUnknownImages) {
    FakeEngine engine([](const Seen &s) {
        if (is_ping(s)) return ping_reply("1.43");
        if (s.request_line.find("/images/nope") != std::string::npos)
            return http(404, R"({"message":"No such image: nope:latest"})");
        return http(200, R"({"Id":"sha256:aaaa","RepoTags":["busybox:latest"],"Config":{"Cmd":["sh"]}})");
    });
    auto r = berth_cmd(engine, {"image", "inspect", "busybox"});
    EXPECT_EQ(r.rc, 0);
    EXPECT_EQ(r.out, "[\n    {\n        \"Config\": {\n            \"Cmd\": [\n                \"sh\"\n            ]\n"
                     "        },\n        \"Id\": \"sha256:aaaa\",\n        \"RepoTags\": [\n            \"busybox:latest\"\n"
                     "        ]\n    }\n]\n");
    auto f = berth_cmd(engine, {"image", "inspect", "-f", "{{.Id}} {{.Config.Cmd}} {{index .RepoTags 0}}", "busybox"});
    EXPECT_EQ(f.out, "sha256:aaaa [sh] busybox:latest\n");
    auto missing = berth_cmd(engine, {"image", "inspect", "nope"});
    EXPECT_EQ(missing.rc, 1);
    EXPECT_EQ(missing.out, "[]\n");
    EXPECT_EQ(missing.err, "Error response from daemon: No such image: nope:latest\n");
    auto bad = berth_cmd(engine, {"image", "inspect", "-f", "{{.Id", "busybox"});
    EXPECT_EQ(bad.rc, 1);
    EXPECT_EQ(bad.err, "berth: template parsing error: template: :1: unclosed action\n");
}

TEST(CliHistory, TruncatesCreatedByAndShowsMissingLayers) {
    const auto now = berth::cli::format::unix_now();
    nlohmann::json h = nlohmann::json::array();
    h.push_back({{"Id", "sha256:" + std::string(64, 'a')}, {"Created", now - 7200},
                 {"CreatedBy", "/bin/sh -c #(nop)  CMD [\"sh\"]"}, {"Size", 0}, {"Comment", ""}});
    h.push_back({{"Id", "<missing>"}, {"Created", now - 7300},
                 {"CreatedBy", "/bin/sh -c #(nop) ADD file:0123456789abcdef0123456789abcdef in / "},
                 {"Size", 4261234}, {"Comment", "imported"}});
    FakeEngine engine(engine_answering(http(200, h.dump())));
    auto r = berth_cmd(engine, {"history", "busybox"});
    EXPECT_EQ(r.rc, 0);
    EXPECT_EQ(r.out,
              "IMAGE          CREATED       CREATED BY                                      SIZE      COMMENT\n"
              "aaaaaaaaaaaa   2 hours ago   /bin/sh -c #(nop)  CMD [\"sh\"]                   0B        \n"
              "<missing>      2 hours ago   /bin/sh -c #(nop) ADD file:0123456789abcdef0\xE2\x80\xA6   4.26MB    imported\n");
    auto raw = berth_cmd(engine, {"history", "-H=false", "-q", "busybox"});
    EXPECT_EQ(raw.out, "aaaaaaaaaaaa\n<missing>\n");
    auto sizes = berth_cmd(engine, {"history", "--human=false", "busybox"});
    EXPECT_NE(sizes.out.find("4261234"), std::string::npos);
}

TEST(CliTag, SendsFamiliarRepoAndTag) {
    FakeEngine engine(engine_answering(http(201, "")));
    auto r = berth_cmd(engine, {"tag", "busybox", "127.0.0.1:5000/mine/box:v1"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(engine.seen().back().request_line,
              "POST /v1.43/images/busybox/tag?repo=127.0.0.1%3A5000%2Fmine%2Fbox&tag=v1 HTTP/1.1");
    auto plain = berth_cmd(engine, {"tag", "busybox", "mybox"});
    EXPECT_EQ(engine.seen().back().request_line, "POST /v1.43/images/busybox/tag?repo=mybox&tag=latest HTTP/1.1");
    auto bad = berth_cmd(engine, {"tag", "busybox", "UPPER"});
    EXPECT_EQ(bad.rc, 1);
    EXPECT_EQ(bad.err.rfind("berth: invalid reference format", 0), 0u);
}

TEST(CliPrune, AsksFirstAndReportsReclaimedSpace) {
    FakeEngine engine(engine_answering(http(
        200, R"({"ImagesDeleted":[{"Untagged":"x:latest"},{"Deleted":"sha256:aaaa"}],"SpaceReclaimed":4261234})")));
    auto no = berth_cmd(engine, {"image", "prune"}, "n\n");
    EXPECT_EQ(no.rc, 0);
    EXPECT_EQ(no.out, "WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] ");
    EXPECT_EQ(engine.seen().size(), 0u);
    auto yes = berth_cmd(engine, {"image", "prune"}, "y\n");
    EXPECT_EQ(yes.out, "WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] "
                       "Deleted Images:\nuntagged: x:latest\ndeleted: sha256:aaaa\n\nTotal reclaimed space: 4.261MB\n");
    EXPECT_EQ(engine.seen().back().request_line,
              "POST /v1.43/images/prune?filters=%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D HTTP/1.1");
    auto all = berth_cmd(engine, {"image", "prune", "-af"});
    EXPECT_EQ(all.out.rfind("Deleted Images:", 0), 0u);
    EXPECT_NE(engine.seen().back().request_line.find("%22false%22"), std::string::npos);
}

TEST(CliDispatch, UnknownCommandsAndUsageErrors) {
    std::ostringstream out, err;
    std::istringstream in;
    EXPECT_EQ(berth::cli::run({"foo"}, out, err, in, false), 1);
    EXPECT_EQ(err.str(), "berth: 'foo' is not a berth command.\nSee 'berth --help'\n");
    err.str("");
    EXPECT_EQ(berth::cli::run({"image", "frob"}, out, err, in, false), 1);
    EXPECT_EQ(err.str(), "berth: 'image frob' is not a berth command.\nSee 'berth image --help'\n");
    err.str("");
    EXPECT_EQ(berth::cli::run({"tag", "x"}, out, err, in, false), 1);
    EXPECT_EQ(err.str().rfind("berth: \"berth tag\" requires exactly 2 arguments.\n", 0), 0u);
    out.str("");
    EXPECT_EQ(berth::cli::run({"history", "--help"}, out, err, in, false), 0);
    EXPECT_NE(out.str().find("Usage:  berth history [OPTIONS] IMAGE"), std::string::npos);
    EXPECT_NE(out.str().find("-H, --human"), std::string::npos);
}

TEST(CliDispatch, CannotConnectIsOneClearLine) {
    std::ostringstream out, err;
    std::istringstream in;
    EXPECT_EQ(berth::cli::run({"-H", "unix:///nonexistent/b.sock", "images"}, out, err, in, false), 1);
    EXPECT_EQ(err.str(), "Cannot connect to the Berth engine at unix:///nonexistent/b.sock. Is berthd running?\n");
}
