// The on-disk image store: round trips, tags, resolution, reference counting of shared
// layers, Docker's delete/prune rules, and cleaning what a crash leaves behind.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "images/digest.h"
#include "images/image_store.h"
#include "layers/layer_unpack.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::images;

namespace {

la_ssize_t append_to_string(archive *, void *ctx, const void *buf, size_t n) {
    static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), n);
    return static_cast<la_ssize_t>(n);
}

using Files = std::map<std::string, std::string>;

std::string make_tar(const Files &files) {
    std::string out;
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    archive_write_open(a, &out, nullptr, append_to_string, nullptr);
    for (const auto &[path, data] : files) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, path.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
        archive_write_header(a, e);
        archive_write_data(a, data.data(), data.size());
        archive_entry_free(e);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

Reference ref_of(const std::string &text) {
    auto r = parse_reference(text);
    EXPECT_TRUE(r.ok()) << text;
    return r.value();
}

std::size_t count_entries(const fs::path &dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto &e : fs::directory_iterator(dir)) ++n;
    return n;
}

class ImageStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/berth-store-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        root_ = tmpl;
        reopen();
    }
    void TearDown() override {
        store_.reset();
        fs::remove_all(root_);
    }
    void reopen() {
        store_.reset();
        auto s = ImageStore::open(root_ / "image", unpack_layer);
        ASSERT_TRUE(s.ok()) << s.error().message();
        store_ = std::move(s).value();
    }

    // Unpacks the layers as a pull does and commits the image under `tag` (if any).
    Image add_image(const std::string &tag, const std::vector<Files> &layers, const std::string &created,
                    nlohmann::json history = nullptr) {
        nlohmann::json config;
        config["architecture"] = "amd64";
        config["os"] = "linux";
        config["created"] = created;
        config["rootfs"]["type"] = "layers";
        config["rootfs"]["diff_ids"] = nlohmann::json::array();
        if (!history.is_null()) config["history"] = history;
        std::string parent;
        std::vector<std::string> chains;
        for (const auto &files : layers) {
            const std::string tar = make_tar(files);
            const fs::path archive_path = store_->temp_dir() / ("layer-" + std::to_string(counter_++));
            std::ofstream(archive_path, std::ios::binary) << tar;
            const std::string diff = sha256_digest(tar);
            auto size = store_->create_layer(parent, diff, archive_path, {});
            EXPECT_TRUE(size.ok()) << size.error().message();
            fs::remove(archive_path);
            config["rootfs"]["diff_ids"].push_back(diff);
            parent = chain_id(parent, diff);
            chains.push_back(parent);
        }
        const std::string manifest = nlohmann::json{{"config", created}}.dump();
        Reference ref = tag.empty() ? ref_of("untagged") : ref_of(tag);
        if (tag.empty()) ref.tag.clear();
        auto committed = store_->commit_image(config.dump(), ref, sha256_digest(manifest), manifest);
        store_->release_layers(chains);
        EXPECT_TRUE(committed.ok()) << committed.error().message();
        return committed.ok() ? committed->image : Image{};
    }

    std::set<std::string> layer_names() const {
        std::set<std::string> out;
        for (const auto &e : fs::directory_iterator(root_ / "image/layers")) out.insert(e.path().filename().string());
        return out;
    }

    static std::string hex(const std::string &digest) { return digest.substr(7); }

    fs::path root_;
    std::unique_ptr<ImageStore> store_;
    int counter_ = 0;
};

const std::vector<Files> kBusybox = {{{"bin/busybox", "busybox binary"}, {"etc/passwd", "root:x:0:0"}}};

TEST_F(ImageStoreTest, CommittedImageSurvivesReopen) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-02T03:04:05.5Z");
    EXPECT_EQ(img.repo_tags, std::vector<std::string>{"busybox:latest"});
    ASSERT_EQ(img.repo_digests.size(), 1u);
    EXPECT_TRUE(img.repo_digests[0].starts_with("busybox@sha256:"));
    EXPECT_EQ(img.created, 1704164645);
    EXPECT_EQ(img.size, static_cast<std::int64_t>(std::string("busybox binary").size() + 10));

    reopen();
    auto again = store_->resolve("busybox");
    ASSERT_TRUE(again.ok()) << again.error().message();
    EXPECT_EQ(again->id, img.id);
    EXPECT_EQ(again->repo_tags, img.repo_tags);
    EXPECT_EQ(again->size, img.size);
    EXPECT_EQ(again->chain_ids, img.chain_ids);
    auto dirs = store_->layer_dirs(img.id);
    ASSERT_TRUE(dirs.ok());
    ASSERT_EQ(dirs->size(), 1u);
    std::ifstream in((*dirs)[0] / "etc/passwd");
    std::string passwd;
    in >> passwd;
    EXPECT_EQ(passwd, "root:x:0:0");
    EXPECT_TRUE(fs::exists(root_ / "image/blobs/sha256" / hex(img.id)));
    EXPECT_TRUE(fs::exists(root_ / "image/images" / (hex(img.id) + ".json")));
}

TEST_F(ImageStoreTest, ResolvesByIdPrefixReferenceAndDigest) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    for (const std::string &name : {std::string("busybox"), std::string("busybox:latest"),
                                   std::string("docker.io/library/busybox:latest"), img.id, hex(img.id),
                                   hex(img.id).substr(0, 12), "sha256:" + hex(img.id).substr(0, 12),
                                   hex(img.id).substr(0, 1), img.repo_digests[0],
                                   "docker.io/library/" + img.repo_digests[0]}) {
        auto r = store_->resolve(name);
        ASSERT_TRUE(r.ok()) << name << ": " << r.error().message();
        EXPECT_EQ(r->id, img.id) << name;
    }
    auto missing = store_->resolve("nosuch");
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(missing.error().message(), "No such image: nosuch:latest");
    auto bad = store_->resolve("Bad Name");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidArgument);
}

TEST_F(ImageStoreTest, AmbiguousIdPrefixIsRefused) {
    // 17 images: two of them must share their first hex digit.
    std::map<char, int> first;
    for (int i = 0; i < 17; ++i) {
        Image img = add_image("", {}, "2024-01-01T00:00:" + std::to_string(10 + i) + "Z");
        ++first[hex(img.id)[0]];
    }
    for (const auto &[c, n] : first) {
        auto r = store_->resolve(std::string(1, c));
        if (n > 1) {
            ASSERT_FALSE(r.ok());
            EXPECT_NE(r.error().message().find("multiple IDs found"), std::string::npos);
        } else {
            EXPECT_TRUE(r.ok());
        }
    }
}

TEST_F(ImageStoreTest, TagWritesRepositoriesAtomically) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    ASSERT_TRUE(store_->tag("busybox", ref_of("127.0.0.1:5000/mine:v1")).ok());
    auto untagged_target = parse_reference_no_default_tag("other");
    ASSERT_TRUE(untagged_target.ok());
    ASSERT_TRUE(store_->tag(hex(img.id).substr(0, 8), *untagged_target).ok());
    auto tagged = store_->resolve("127.0.0.1:5000/mine:v1");
    ASSERT_TRUE(tagged.ok());
    EXPECT_EQ(tagged->repo_tags,
              (std::vector<std::string>{"127.0.0.1:5000/mine:v1", "busybox:latest", "other:latest"}));

    std::ifstream in(root_ / "image/repositories.json");
    auto j = nlohmann::json::parse(in);
    EXPECT_EQ(j["tags"]["127.0.0.1:5000/mine:v1"], img.id);
    EXPECT_EQ(j["tags"]["other:latest"], img.id);
    for (const auto &e : fs::directory_iterator(root_ / "image"))
        EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();

    auto digest_tag = parse_reference("busybox@sha256:" + std::string(64, 'a'));
    ASSERT_TRUE(digest_tag.ok());
    EXPECT_FALSE(store_->tag("busybox", *digest_tag).ok());
    EXPECT_EQ(store_->tag("nosuch", ref_of("x")).error().kind, ErrorKind::NotFound);
}

TEST_F(ImageStoreTest, SharedLayerIsDeletedWithItsLastImage) {
    const Files base = {{"bin/sh", "shell"}};
    Image a = add_image("a:1", {base, {{"a.txt", "a"}}}, "2024-01-01T00:00:00Z");
    Image b = add_image("b:1", {base, {{"b.txt", "b"}}}, "2024-01-01T00:00:01Z");
    ASSERT_EQ(a.chain_ids[0], b.chain_ids[0]);
    EXPECT_EQ(layer_names().size(), 3u);

    auto removed = store_->remove("a:1", false, false);
    ASSERT_TRUE(removed.ok()) << removed.error().message();
    ASSERT_EQ(removed->size(), 4u);  // untagged tag, untagged digest, deleted image, deleted top layer
    EXPECT_EQ((*removed)[0].untagged, "a:1");
    EXPECT_TRUE((*removed)[1].untagged.starts_with("a@sha256:"));
    EXPECT_EQ((*removed)[2].deleted, a.id);
    EXPECT_EQ((*removed)[3].deleted, a.chain_ids[1]);
    EXPECT_EQ(layer_names(), (std::set<std::string>{hex(b.chain_ids[0]), hex(b.chain_ids[1])}));
    EXPECT_FALSE(fs::exists(root_ / "image/blobs/sha256" / hex(a.id)));

    ASSERT_TRUE(store_->remove("b:1", false, false).ok());
    EXPECT_TRUE(layer_names().empty());
    EXPECT_TRUE(store_->list().empty());
}

TEST_F(ImageStoreTest, RemovingOneOfSeveralTagsOnlyUntags) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    ASSERT_TRUE(store_->tag("busybox", ref_of("copy:1")).ok());
    auto removed = store_->remove("copy:1", false, false);
    ASSERT_TRUE(removed.ok());
    ASSERT_EQ(removed->size(), 1u);
    EXPECT_EQ((*removed)[0].untagged, "copy:1");
    EXPECT_TRUE(store_->resolve(img.id).ok());
}

TEST_F(ImageStoreTest, DeletingByIdWithSeveralRepositoriesNeedsForce) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    ASSERT_TRUE(store_->tag("busybox", ref_of("copy:1")).ok());
    auto refused = store_->remove(hex(img.id).substr(0, 12), false, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(refused.error().message(), "conflict: unable to delete " + hex(img.id).substr(0, 12) +
                                             " (must be forced) - image is referenced in multiple repositories");
    EXPECT_TRUE(store_->resolve("copy:1").ok());

    auto forced = store_->remove(img.id, true, false);
    ASSERT_TRUE(forced.ok()) << forced.error().message();
    EXPECT_TRUE(store_->list().empty());
    EXPECT_TRUE(layer_names().empty());
}

TEST_F(ImageStoreTest, DeletingByIdWithOneTagUntagsAndDeletes) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    auto removed = store_->remove(hex(img.id).substr(0, 5), false, false);
    ASSERT_TRUE(removed.ok()) << removed.error().message();
    EXPECT_EQ((*removed)[0].untagged, "busybox:latest");
    EXPECT_TRUE(store_->list().empty());
}

TEST_F(ImageStoreTest, ImageUsedByContainerNeedsForce) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    const std::string container(64, 'c');
    store_->set_in_use_lookup([&](const std::string &id) { return id == img.id ? container : std::string(); });
    auto refused = store_->remove("busybox", false, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(refused.error().message(), "conflict: unable to remove repository reference \"busybox\" (must force) - container " +
                                             container.substr(0, 12) + " is using its referenced image " +
                                             hex(img.id).substr(0, 12));
    auto by_id = store_->remove(img.id, false, false);
    ASSERT_FALSE(by_id.ok());
    EXPECT_EQ(by_id.error().kind, ErrorKind::Conflict);
    EXPECT_TRUE(store_->resolve("busybox").ok());

    auto pruned = store_->prune(false, nullptr);
    ASSERT_TRUE(pruned.ok());
    EXPECT_TRUE(pruned->deleted.empty());

    ASSERT_TRUE(store_->remove("busybox", true, false).ok());
    EXPECT_TRUE(store_->list().empty());
}

TEST_F(ImageStoreTest, BooleanInUseCheckAlsoProtects) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    store_->set_in_use_check([&](const std::string &id) { return id == img.id; });
    auto refused = store_->remove("busybox", false, false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::Conflict);
}

TEST_F(ImageStoreTest, PruneDanglingRemovesOnlyUntaggedImages) {
    Image old_img = add_image("app:latest", {{{"v", "1"}}}, "2024-01-01T00:00:00Z");
    Image new_img = add_image("app:latest", {{{"v", "2"}}}, "2024-01-02T00:00:00Z");
    // The tag moved; the old image keeps only its repo digest, like docker after a re-pull.
    auto old_now = store_->resolve(old_img.id);
    ASSERT_TRUE(old_now.ok());
    EXPECT_TRUE(old_now->repo_tags.empty());
    EXPECT_EQ(old_now->repo_digests.size(), 1u);
    Image dangling = add_image("", {{{"d", "dangling"}}}, "2024-01-03T00:00:00Z");

    auto report = store_->prune(true, nullptr);
    ASSERT_TRUE(report.ok()) << report.error().message();
    std::set<std::string> deleted;
    for (const auto &item : report->deleted) deleted.insert(item.deleted);
    EXPECT_TRUE(deleted.count(dangling.id));
    EXPECT_TRUE(deleted.count(old_img.id));
    EXPECT_FALSE(deleted.count(new_img.id));
    EXPECT_GT(report->space_reclaimed, 0u);
    EXPECT_TRUE(store_->resolve("app:latest").ok());

    auto all = store_->prune(false, nullptr);
    ASSERT_TRUE(all.ok());
    EXPECT_TRUE(store_->list().empty());
    EXPECT_TRUE(layer_names().empty());
}

TEST_F(ImageStoreTest, PruneHonoursTheFilter) {
    Image keep = add_image("", {{{"k", "k"}}}, "2024-01-01T00:00:00Z");
    Image drop = add_image("", {{{"d", "d"}}}, "2024-01-02T00:00:00Z");
    auto report = store_->prune(true, [&](const Image &i) { return i.id == drop.id; });
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(store_->resolve(keep.id).ok());
    EXPECT_FALSE(store_->resolve(drop.id).ok());
}

TEST_F(ImageStoreTest, OpenRemovesWhatACrashLeftBehind) {
    Image img = add_image("busybox:latest", kBusybox, "2024-01-01T00:00:00Z");
    const fs::path layers = root_ / "image/layers";
    fs::create_directories(layers / "tmp-0123abcd/diff/bin");
    std::ofstream(layers / "tmp-0123abcd/diff/bin/half") << "half a layer";
    fs::create_directories(layers / std::string(64, 'e') / "diff");  // no meta.json
    std::ofstream(root_ / "image/tmp/download-1") << "partial blob";
    std::ofstream(root_ / "image/repositories.json.tmp-abc") << "{";
    // A config blob whose image record was never written.
    std::ofstream(root_ / "image/blobs/sha256" / std::string(64, 'b')) << "{}";
    // A complete layer that no image references: a pull killed before its commit.
    const std::string orphan_tar = make_tar({{"orphan", "x"}});
    std::ofstream(root_ / "image/tmp/orphan.tar", std::ios::binary) << orphan_tar;
    ASSERT_TRUE(store_->create_layer("", sha256_digest(orphan_tar), root_ / "image/tmp/orphan.tar", {}).ok());

    reopen();
    EXPECT_EQ(layer_names(), (std::set<std::string>{hex(img.chain_ids[0])}));
    EXPECT_EQ(count_entries(root_ / "image/tmp"), 0u);
    EXPECT_FALSE(fs::exists(root_ / "image/repositories.json.tmp-abc"));
    EXPECT_FALSE(fs::exists(root_ / "image/blobs/sha256" / std::string(64, 'b')));
    EXPECT_TRUE(fs::exists(root_ / "image/blobs/sha256" / hex(img.id)));
    EXPECT_TRUE(store_->resolve("busybox").ok());
}

TEST_F(ImageStoreTest, ReleasedLayersOfAFailedPullAreRemoved) {
    const std::string tar = make_tar({{"f", "data"}});
    const fs::path archive_path = store_->temp_dir() / "l.tar";
    std::ofstream(archive_path, std::ios::binary) << tar;
    const std::string diff = sha256_digest(tar);
    ASSERT_TRUE(store_->create_layer("", diff, archive_path, {}).ok());
    EXPECT_EQ(layer_names().size(), 1u);
    EXPECT_TRUE(store_->lease_layer(diff));  // a second pull shares it
    store_->release_layers({diff});
    EXPECT_EQ(layer_names().size(), 1u);  // still leased by the second pull
    store_->release_layers({diff});
    EXPECT_TRUE(layer_names().empty());
}

TEST_F(ImageStoreTest, LayerWithWrongDiffIdIsRefusedAndLeavesNothing) {
    const std::string tar = make_tar({{"f", "data"}});
    const fs::path archive_path = store_->temp_dir() / "l.tar";
    std::ofstream(archive_path, std::ios::binary) << tar;
    auto r = store_->create_layer("", "sha256:" + std::string(64, '0'), archive_path, {});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("diff_id"), std::string::npos) << r.error().message();
    EXPECT_TRUE(layer_names().empty());
}

TEST_F(ImageStoreTest, HistoryPairsEntriesWithLayerSizesNewestFirst) {
    nlohmann::json history = nlohmann::json::array(
        {{{"created", "2024-01-01T00:00:00Z"}, {"created_by", "ADD rootfs /"}},
         {{"created", "2024-01-01T00:00:01Z"}, {"created_by", "CMD [\"sh\"]"}, {"empty_layer", true}},
         {{"created", "2024-01-01T00:00:02Z"}, {"created_by", "COPY app /"}, {"comment", "c"}}});
    Image img = add_image("app:1", {{{"a", "12345"}}, {{"b", "123"}}}, "2024-01-01T00:00:02Z", history);
    auto h = store_->history("app:1");
    ASSERT_TRUE(h.ok()) << h.error().message();
    ASSERT_EQ(h->size(), 3u);
    EXPECT_EQ((*h)[0].id, img.id);
    EXPECT_EQ((*h)[0].tags, std::vector<std::string>{"app:1"});
    EXPECT_EQ((*h)[0].created_by, "COPY app /");
    EXPECT_EQ((*h)[0].size, 3);
    EXPECT_EQ((*h)[0].comment, "c");
    EXPECT_EQ((*h)[1].id, "<missing>");
    EXPECT_TRUE((*h)[1].empty_layer);
    EXPECT_EQ((*h)[1].size, 0);
    EXPECT_EQ((*h)[2].size, 5);
    EXPECT_EQ((*h)[2].created, 1704067200);
}

}  // namespace
