#include <gtest/gtest.h>

#include <filesystem>

#include "events/event_bus.h"
#include "volumes/volume_store.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::volumes;

namespace {
struct TempRoot {
    fs::path path;
    TempRoot() {
        char tmpl[] = "/tmp/berth-vol-store-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempRoot() { fs::remove_all(path); }
};
}  // namespace

TEST(VolumeStore, CreateGetListRemoveWithEvents) {
    TempRoot root;
    events::EventBus bus;
    auto store = std::move(VolumeStore::open(root.path, &bus).value());
    bool created = false;
    auto v = store->create("data1", {{"app", "web"}}, {}, false, &created);
    ASSERT_TRUE(v.ok()) << v.error().message();
    EXPECT_TRUE(created);
    EXPECT_TRUE(fs::is_directory(root.path / "volumes/data1/_data"));
    EXPECT_EQ(to_api_json(*v)["Mountpoint"], (root.path / "volumes/data1/_data").string());
    auto again = store->create("data1", {}, {}, false, &created);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(created);
    EXPECT_EQ(again->labels.at("app"), "web");
    EXPECT_EQ(store->list().size(), 1u);
    ASSERT_TRUE(store->remove("data1", false).ok());
    EXPECT_FALSE(fs::exists(root.path / "volumes/data1"));
    EXPECT_EQ(store->get("data1").error().kind, ErrorKind::NotFound);
    std::deque<events::Event> seen;
    bus.wait(0, std::chrono::steady_clock::now(), seen);
    ASSERT_EQ(seen.size(), 2u);
    EXPECT_EQ(seen[0].action, "create");
    EXPECT_EQ(seen[1].action, "destroy");
}

TEST(VolumeStore, MetadataSurvivesReopen) {
    TempRoot root;
    {
        auto store = std::move(VolumeStore::open(root.path, nullptr).value());
        ASSERT_TRUE(store->create("keep", {{"k", "v"}}, {}).ok());
    }
    auto store = std::move(VolumeStore::open(root.path, nullptr).value());
    auto v = store->get("keep");
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(v->labels.at("k"), "v");
}

TEST(VolumeStore, InUseVolumeCannotBeRemovedEvenWithForce) {
    TempRoot root;
    auto store = std::move(VolumeStore::open(root.path, nullptr).value());
    ASSERT_TRUE(store->create("busy", {}, {}).ok());
    store->set_users_check([](const std::string &) { return std::vector<std::string>{"abc"}; });
    auto r = store->remove("busy", true);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(r.error().message(), "remove busy: volume is in use - [abc]");
}

TEST(VolumeStore, AnonymousNamesAndPrune) {
    TempRoot root;
    auto store = std::move(VolumeStore::open(root.path, nullptr).value());
    auto anon = store->create("", {}, {});
    ASSERT_TRUE(anon.ok());
    EXPECT_EQ(anon->name.size(), 64u);
    ASSERT_TRUE(store->create("named", {}, {}).ok());
    auto report = store->prune(nullptr, false);
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report->deleted, std::vector<std::string>{anon->name});
    EXPECT_TRUE(store->get("named").ok());
}

TEST(VolumeStore, InvalidNamesAre400) {
    TempRoot root;
    auto store = std::move(VolumeStore::open(root.path, nullptr).value());
    auto r = store->create("bad/name", {}, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
}
