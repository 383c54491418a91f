#include <gtest/gtest.h>

#include <filesystem>

#include "containers/ids.h"
#include "containers/store.h"
#include "containers/time_format.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::containers;

namespace {

struct TempRoot {
    fs::path path;
    TempRoot() {
        char tmpl[] = "/tmp/berth-ctr-store-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempRoot() { fs::remove_all(path); }
};

Container make(const std::string &name) {
    Container c;
    c.id = generate_id();
    c.name = name;
    c.created = now_rfc3339_nano();
    c.config = {{"Image", "busybox"}};
    return c;
}

}  // namespace

TEST(ContainerIds, AreSixtyFourHexAndShortFormNotNumeric) {
    for (int i = 0; i < 50; ++i) {
        auto id = generate_id();
        ASSERT_EQ(id.size(), 64u);
        EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
        EXPECT_NE(id.substr(0, 12).find_first_not_of("0123456789"), std::string::npos);
    }
}

TEST(ContainerNames, GeneratedNamesAreValid) {
    for (int i = 0; i < 50; ++i) {
        auto name = generate_name();
        EXPECT_NE(name.find('_'), std::string::npos);
        EXPECT_TRUE(normalize_name(name).ok()) << name;
    }
}

TEST(ContainerNames, ValidationFollowsDockerPattern) {
    EXPECT_EQ(*normalize_name("web"), "/web");
    EXPECT_EQ(*normalize_name("/web.1_a-b"), "/web.1_a-b");
    auto bad = normalize_name("-x");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(bad.error().message(), "Invalid container name (-x), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    EXPECT_FALSE(normalize_name("a").ok());
    EXPECT_FALSE(normalize_name("a/b").ok());
    EXPECT_FALSE(normalize_name("a b").ok());
}

TEST(TimeFormat, Rfc3339NanoTrimsTrailingZeros) {
    using namespace std::chrono;
    Clock::time_point t{seconds(1700000000) + nanoseconds(120000000)};
    EXPECT_EQ(format_rfc3339_nano(t), "2023-11-14T22:13:20.12Z");
    EXPECT_EQ(format_rfc3339_nano(Clock::time_point{seconds(1700000000)}), "2023-11-14T22:13:20Z");
    EXPECT_EQ(*parse_rfc3339_nano("2023-11-14T22:13:20.12Z"), 1700000000120000000LL);
    EXPECT_EQ(*parse_api_timestamp("1700000000.5"), 1700000000500000000LL);
    EXPECT_FALSE(parse_rfc3339_nano("yesterday").has_value());
}

TEST(ContainerStore, AddResolveByIdNamePrefix) {
    TempRoot root;
    auto store = std::move(ContainerStore::open(root.path).value());
    auto c = make("/web");
    ASSERT_TRUE(store->add(c).ok());
    EXPECT_EQ(*store->resolve(c.id), c.id);
    EXPECT_EQ(*store->resolve("web"), c.id);
    EXPECT_EQ(*store->resolve("/web"), c.id);
    EXPECT_EQ(*store->resolve(c.id.substr(0, 5)), c.id);
    auto missing = store->resolve("nope");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(missing.error().message(), "No such container: nope");
}

TEST(ContainerStore, NameConflictIs409WithDockerMessage) {
    TempRoot root;
    auto store = std::move(ContainerStore::open(root.path).value());
    auto a = make("/x");
    ASSERT_TRUE(store->add(a).ok());
    auto r = store->add(make("/x"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(r.error().message(), "Conflict. The container name \"/x\" is already in use by container \"" + a.id +
                                       "\". You have to remove (or rename) that container to be able to reuse that name.");
}

TEST(ContainerStore, AmbiguousPrefixIsInvalidArgument) {
    TempRoot root;
    auto store = std::move(ContainerStore::open(root.path).value());
    auto a = make("/a1");
    auto b = make("/b1");
    a.id = "abc" + a.id.substr(3);
    b.id = "abd" + b.id.substr(3);
    ASSERT_TRUE(store->add(a).ok());
    ASSERT_TRUE(store->add(b).ok());
    auto r = store->resolve("ab");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(*store->resolve("abc"), a.id);
}

TEST(ContainerStore, RecordsSurviveReopenAndUpdatesPersist) {
    TempRoot root;
    std::string id;
    {
        auto store = std::move(ContainerStore::open(root.path).value());
        auto c = make("/keep");
        id = c.id;
        ASSERT_TRUE(store->add(c).ok());
        ASSERT_TRUE(store->update(id, [](Container &x) {
                             x.state.status = kStatusExited;
                             x.state.exit_code = 3;
                         }).ok());
    }
    auto store = std::move(ContainerStore::open(root.path).value());
    auto c = store->get("keep");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->state.status, "exited");
    EXPECT_EQ(c->state.exit_code, 3);
    EXPECT_FALSE(fs::exists(root.path / "containers" / id / "config.v2.json.tmp"));
}

TEST(ContainerStore, RenameAndRemove) {
    // Names with letters beyond hex: "a" could also resolve as a prefix of a random id.
    TempRoot root;
    auto store = std::move(ContainerStore::open(root.path).value());
    auto a = make("/one");
    auto b = make("/two");
    ASSERT_TRUE(store->add(a).ok());
    ASSERT_TRUE(store->add(b).ok());
    EXPECT_EQ(store->rename(a.id, "/two").error().kind, ErrorKind::Conflict);
    ASSERT_TRUE(store->rename(a.id, "/three").ok());
    EXPECT_EQ(*store->resolve("three"), a.id);
    EXPECT_FALSE(store->resolve("one").ok());
    ASSERT_TRUE(store->remove(a.id).ok());
    EXPECT_FALSE(fs::exists(root.path / "containers" / a.id));
    EXPECT_FALSE(store->name_in_use("/three"));
    EXPECT_EQ(store->list().size(), 1u);
}

TEST(ContainerStore, DirectoryWithoutRecordIsCleanedAtOpen) {
    TempRoot root;
    const auto stray = root.path / "containers" / generate_id();
    fs::create_directories(stray / "upper");
    auto store = std::move(ContainerStore::open(root.path).value());
    EXPECT_FALSE(fs::exists(stray));
}
