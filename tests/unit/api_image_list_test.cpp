#include <gtest/gtest.h>

#include "api/image_list.h"

using namespace berth;
using namespace berth::api;

namespace {

images::Image image(std::string id, std::vector<std::string> tags, std::int64_t created,
                    nlohmann::json labels = nullptr, std::string parent = "") {
    images::Image img;
    img.id = "sha256:" + id;
    img.repo_tags = std::move(tags);
    img.created = created;
    img.size = 100;
    img.parent = std::move(parent);
    if (!labels.is_null()) img.config = {{"config", {{"Labels", labels}}}};
    return img;
}

Result<images::Image> no_resolve(std::string_view name) { return Error::not_found("No such image: " + std::string(name)); }

std::vector<std::string> ids(const nlohmann::json &list) {
    std::vector<std::string> out;
    for (const auto &i : list) out.push_back(i["Id"].get<std::string>().substr(7));
    return out;
}

Filters filters(const char *json) { return *Filters::parse(json); }

const std::vector<images::Image> kImages = {
    image("a", {"busybox:latest", "127.0.0.1:5000/busybox:1"}, 30, {{"team", "x"}}),
    image("b", {"127.0.0.1:5000/layered:latest"}, 20),
    image("c", {}, 10),
};

}  // namespace

TEST(ReferenceFilter, MatchesLikeDockersFamiliarMatch) {
    EXPECT_TRUE(reference_filter_match("busybox", "busybox:latest"));
    EXPECT_TRUE(reference_filter_match("busybox*", "busybox:latest"));
    EXPECT_TRUE(reference_filter_match("busybox:latest", "busybox:latest"));
    EXPECT_FALSE(reference_filter_match("busybox:1", "busybox:latest"));
    EXPECT_TRUE(reference_filter_match("*/busybox:*", "127.0.0.1:5000/busybox:1"));
    EXPECT_TRUE(reference_filter_match("127.0.0.1:5000/*", "127.0.0.1:5000/busybox:1"));
    // '*' does not cross '/'.
    EXPECT_FALSE(reference_filter_match("*", "127.0.0.1:5000/busybox:1"));
    EXPECT_FALSE(reference_filter_match("busy", "busybox:latest"));
}

TEST(ImageList, ListsEverythingNewestFirst) {
    auto out = list_images_json(kImages, false, Filters(), no_resolve);
    ASSERT_TRUE(out);
    EXPECT_EQ(ids(*out), (std::vector<std::string>{"a", "b", "c"}));
    const auto &untagged = (*out)[2];
    EXPECT_EQ(untagged["RepoTags"], nlohmann::json::array({"<none>:<none>"}));
    EXPECT_EQ((*out)[0]["Containers"], -1);
    EXPECT_EQ((*out)[0]["SharedSize"], -1);
    EXPECT_EQ((*out)[0]["Labels"]["team"], "x");
    EXPECT_TRUE((*out)[1]["Labels"].is_null());
}

TEST(ImageList, DanglingFilter) {
    EXPECT_EQ(ids(*list_images_json(kImages, false, filters(R"({"dangling":["true"]})"), no_resolve)),
              (std::vector<std::string>{"c"}));
    EXPECT_EQ(ids(*list_images_json(kImages, false, filters(R"({"dangling":{"false":true}})"), no_resolve)),
              (std::vector<std::string>{"a", "b"}));
}

TEST(ImageList, ReferenceFilterNarrowsTheTagsShown) {
    auto out = list_images_json(kImages, false, filters(R"({"reference":["*/busybox:*"]})"), no_resolve);
    ASSERT_TRUE(out);
    ASSERT_EQ(ids(*out), (std::vector<std::string>{"a"}));
    EXPECT_EQ((*out)[0]["RepoTags"], nlohmann::json::array({"127.0.0.1:5000/busybox:1"}));
}

TEST(ImageList, LabelFilter) {
    EXPECT_EQ(ids(*list_images_json(kImages, false, filters(R"({"label":["team=x"]})"), no_resolve)),
              (std::vector<std::string>{"a"}));
    EXPECT_TRUE(list_images_json(kImages, false, filters(R"({"label":["team=y"]})"), no_resolve)->empty());
}

TEST(ImageList, BeforeAndSinceCompareCreationTimes) {
    auto resolve = [](std::string_view name) -> Result<images::Image> {
        if (name == "layered") return kImages[1];
        return Error::not_found("No such image: " + std::string(name));
    };
    EXPECT_EQ(ids(*list_images_json(kImages, false, filters(R"({"before":["layered"]})"), resolve)),
              (std::vector<std::string>{"c"}));
    EXPECT_EQ(ids(*list_images_json(kImages, false, filters(R"({"since":["layered"]})"), resolve)),
              (std::vector<std::string>{"a"}));
    auto missing = list_images_json(kImages, false, filters(R"({"since":["nope"]})"), resolve);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
}

TEST(ImageList, UnknownFilterIsRefused) {
    auto out = list_images_json(kImages, false, filters(R"({"colour":["red"]})"), no_resolve);
    ASSERT_FALSE(out);
    EXPECT_EQ(out.error().message(), "invalid filter 'colour'");
}

TEST(ImageList, IntermediateImagesOnlyWithAll) {
    std::vector<images::Image> imgs = {image("parent", {}, 1), image("child", {"app:1"}, 2, nullptr, "sha256:parent")};
    EXPECT_EQ(ids(*list_images_json(imgs, false, Filters(), no_resolve)), (std::vector<std::string>{"child"}));
    EXPECT_EQ(ids(*list_images_json(imgs, true, Filters(), no_resolve)), (std::vector<std::string>{"child", "parent"}));
}
