#include <gtest/gtest.h>

#include <sstream>

#include "cli/progress/json_message_display.h"

using berth::cli::JsonMessageDisplay;
using berth::cli::progress_text;
using nlohmann::json;

namespace {
const std::vector<json> kPull = {
    json::parse(R"({"status":"Pulling from library/busybox","id":"latest"})"),
    json::parse(R"({"status":"Pulling fs layer","progressDetail":{},"id":"a1b2c3d4e5f6"})"),
    json::parse(R"({"status":"Pulling fs layer","progressDetail":{},"id":"0f0f0f0f0f0f"})"),
    json::parse(R"({"status":"Downloading","progressDetail":{"current":1200000,"total":3400000},"id":"a1b2c3d4e5f6"})"),
    json::parse(R"({"status":"Downloading","progressDetail":{"current":2400000,"total":3400000},"id":"a1b2c3d4e5f6"})"),
    json::parse(R"({"status":"Download complete","progressDetail":{},"id":"a1b2c3d4e5f6"})"),
    json::parse(R"({"status":"Pull complete","progressDetail":{},"id":"a1b2c3d4e5f6"})"),
    json::parse(R"({"status":"Already exists","progressDetail":{},"id":"0f0f0f0f0f0f"})"),
    json::parse(R"({"status":"Digest: sha256:abc"})"),
    json::parse(R"({"status":"Status: Downloaded newer image for busybox:latest"})"),
};
}  // namespace

TEST(JsonMessageDisplay, WithoutATerminalPrintsEachStatusChangeOncePerLayer) {
    std::ostringstream out;
    JsonMessageDisplay d(out, false);
    for (const auto &m : kPull) d.show(m);
    EXPECT_EQ(out.str(),
              "latest: Pulling from library/busybox\n"
              "a1b2c3d4e5f6: Pulling fs layer\n"
              "0f0f0f0f0f0f: Pulling fs layer\n"
              "a1b2c3d4e5f6: Downloading\n"
              "a1b2c3d4e5f6: Download complete\n"
              "a1b2c3d4e5f6: Pull complete\n"
              "0f0f0f0f0f0f: Already exists\n"
              "Digest: sha256:abc\n"
              "Status: Downloaded newer image for busybox:latest\n");
}

TEST(JsonMessageDisplay, OnATerminalRedrawsEachLayersLineInPlace) {
    std::ostringstream out;
    JsonMessageDisplay d(out, true, 200);
    d.show(kPull[1]);
    d.show(kPull[2]);
    d.show(kPull[3]);
    // first layer: new line, up 1, draw, down 1; second: new line, up 1...; then the first
    // layer again is 2 lines up.
    const std::string bar = "[" + std::string(17, '=') + ">" + std::string(33, ' ') + "] ";
    EXPECT_EQ(out.str(),
              "\n\x1b[1A\x1b[2K\ra1b2c3d4e5f6: Pulling fs layer\r\x1b[1B"
              "\n\x1b[1A\x1b[2K\r0f0f0f0f0f0f: Pulling fs layer\r\x1b[1B"
              "\x1b[2A\x1b[2K\ra1b2c3d4e5f6: Downloading " + bar + "   1.2MB/3.4MB\r\x1b[2B");
    out.str("");
    d.show(kPull[8]);
    EXPECT_EQ(out.str(), "\x1b[2K\rDigest: sha256:abc\n");
}

TEST(ProgressText, MatchesDockersProgressBar) {
    EXPECT_EQ(progress_text(json::parse(R"({"current":1200000,"total":3400000})"), 80), "   1.2MB/3.4MB");
    EXPECT_EQ(progress_text(json::parse(R"({"current":3400000,"total":3400000})"), 120),
              "[" + std::string(50, '=') + ">] " + "   3.4MB/3.4MB");
    EXPECT_EQ(progress_text(json::parse(R"({"current":5000})"), 120), "     5kB");
    EXPECT_EQ(progress_text(json::object(), 120), "");
}
