// Layer unpacking: formats, metadata, whiteouts, and refusal of anything that would write
// outside the layer directory. Tars are built in memory with libarchive's writer.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "images/digest.h"
#include "layers/layer_unpack.h"

namespace fs = std::filesystem;
using namespace berth::images;

namespace {

struct Entry {
    std::string path;
    mode_t type = AE_IFREG;
    mode_t perm = 0644;
    std::string data;
    std::string symlink;
    std::string hardlink;
    unsigned uid = 0, gid = 0;
    std::map<std::string, std::string> xattrs;
    dev_t rdev = 0;
    time_t mtime = 1700000000;
};

Entry file(std::string path, std::string data, mode_t perm = 0644) {
    Entry e;
    e.path = std::move(path);
    e.data = std::move(data);
    e.perm = perm;
    return e;
}
Entry dir(std::string path, mode_t perm = 0755) {
    Entry e;
    e.path = std::move(path);
    e.type = AE_IFDIR;
    e.perm = perm;
    return e;
}
Entry symlink(std::string path, std::string target) {
    Entry e;
    e.path = std::move(path);
    e.type = AE_IFLNK;
    e.perm = 0777;
    e.symlink = std::move(target);
    return e;
}
Entry hardlink(std::string path, std::string target) {
    Entry e;
    e.path = std::move(path);
    e.hardlink = std::move(target);
    return e;
}

la_ssize_t append_to_string(archive *, void *ctx, const void *buf, size_t n) {
    static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), n);
    return static_cast<la_ssize_t>(n);
}

std::string make_tar(const std::vector<Entry> &entries, int filter = ARCHIVE_FILTER_NONE) {
    std::string out;
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    if (filter == ARCHIVE_FILTER_GZIP) archive_write_add_filter_gzip(a);
    if (filter == ARCHIVE_FILTER_ZSTD) {
        EXPECT_EQ(archive_write_add_filter_zstd(a), ARCHIVE_OK);
    }
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, append_to_string, nullptr);
    for (const Entry &e : entries) {
        archive_entry *ae = archive_entry_new();
        archive_entry_set_pathname(ae, e.path.c_str());
        archive_entry_set_uid(ae, e.uid);
        archive_entry_set_gid(ae, e.gid);
        archive_entry_set_mtime(ae, e.mtime, 0);
        if (!e.hardlink.empty()) {
            archive_entry_set_filetype(ae, AE_IFREG);
            archive_entry_set_perm(ae, e.perm);
            archive_entry_set_hardlink(ae, e.hardlink.c_str());
            archive_entry_set_size(ae, 0);
        } else {
            archive_entry_set_filetype(ae, e.type);
            archive_entry_set_perm(ae, e.perm);
            if (e.type == AE_IFLNK) archive_entry_set_symlink(ae, e.symlink.c_str());
            if (e.type == AE_IFCHR || e.type == AE_IFBLK) archive_entry_set_rdev(ae, e.rdev);
            archive_entry_set_size(ae, e.type == AE_IFREG ? static_cast<la_int64_t>(e.data.size()) : 0);
        }
        for (const auto &[k, v] : e.xattrs) archive_entry_xattr_add_entry(ae, k.c_str(), v.data(), v.size());
        EXPECT_EQ(archive_write_header(a, ae), ARCHIVE_OK) << archive_error_string(a);
        if (e.type == AE_IFREG && e.hardlink.empty() && !e.data.empty())
            archive_write_data(a, e.data.data(), e.data.size());
        archive_entry_free(ae);
    }
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

// Every test gets a private parent directory holding `dest` (the layer root), a file and a
// directory outside it that escapes would hit; archives live in another directory.
class LayerUnpack : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/berth-unpack-XXXXXX";
        ASSERT_NE(::mkdtemp(tmpl), nullptr);
        parent_ = tmpl;
        dest_ = parent_ / "dest";
        fs::create_directory(dest_);
        std::ofstream(parent_ / "secret") << "keep";
        char atmpl[] = "/tmp/berth-unpack-archives-XXXXXX";
        ASSERT_NE(::mkdtemp(atmpl), nullptr);
        archives_ = atmpl;
    }
    void TearDown() override {
        fs::remove_all(parent_);
        fs::remove_all(archives_);
    }

    berth::Result<UnpackStats> unpack(const std::string &tar) {
        fs::path p = archives_ / ("layer" + std::to_string(counter_++));
        std::ofstream(p, std::ios::binary) << tar;
        return unpack_layer(p, dest_);
    }

    // Everything under the parent except the layer root's contents.
    std::set<std::string> outside() const {
        std::set<std::string> names;
        for (auto it = fs::recursive_directory_iterator(parent_); it != fs::recursive_directory_iterator(); ++it) {
            fs::path rel = it->path().lexically_relative(parent_);
            if (*rel.begin() == "dest" && rel != "dest") continue;
            names.insert(rel.string());
        }
        return names;
    }

    void expect_refused(const std::vector<Entry> &entries, const std::string &entry_name) {
        auto r = unpack(make_tar(entries));
        ASSERT_FALSE(r.ok()) << "unsafe layer was accepted";
        EXPECT_EQ(r.error().kind, berth::ErrorKind::InvalidArgument) << r.error().message();
        EXPECT_NE(r.error().message().find(entry_name), std::string::npos) << r.error().message();
        EXPECT_EQ(outside(), (std::set<std::string>{"dest", "secret"}));
        struct stat st {};
        ASSERT_EQ(::stat((parent_ / "secret").c_str(), &st), 0);
        EXPECT_EQ(st.st_nlink, 1u);
        std::ifstream in(parent_ / "secret");
        std::string content;
        in >> content;
        EXPECT_EQ(content, "keep");
    }

    fs::path parent_, dest_, archives_;
    int counter_ = 0;
};

struct stat lstat_of(const fs::path &p) {
    struct stat st {};
    EXPECT_EQ(::lstat(p.c_str(), &st), 0) << p;
    return st;
}

std::string xattr_of(const fs::path &p, const char *name) {
    char buf[256];
    ssize_t n = ::lgetxattr(p.c_str(), name, buf, sizeof buf);
    return n < 0 ? std::string() : std::string(buf, static_cast<size_t>(n));
}

std::string read_all(const fs::path &p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// VFS_CAP_REVISION_2 with the effective bit, CAP_NET_BIND_SERVICE permitted.
const std::string kNetBindCap("\x01\x00\x00\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00", 20);

std::vector<Entry> normal_tree() {
    Entry bin = dir("usr/bin", 0750);
    bin.uid = 1000;
    bin.gid = 1000;
    bin.mtime = 1600000000;
    Entry tool = file("usr/bin/tool", "#!/bin/sh\necho hi\n", 04755);
    tool.uid = 123;
    tool.gid = 456;
    tool.mtime = 1650000000;
    tool.xattrs["user.origin"] = "berth";
    tool.xattrs["security.capability"] = kNetBindCap;
    Entry fifo;
    fifo.path = "run/pipe";
    fifo.type = AE_IFIFO;
    fifo.perm = 0620;
    Entry null_dev;
    null_dev.path = "dev/null";
    null_dev.type = AE_IFCHR;
    null_dev.perm = 0666;
    null_dev.rdev = makedev(1, 3);
    return {dir("usr"), bin, tool, symlink("usr/bin/sh", "tool"), symlink("abs", "/usr/bin/tool"),
            hardlink("usr/bin/tool2", "usr/bin/tool"), file("etc/hostname", "berth\n"), fifo, null_dev,
            file("usr/lib/deep/in/tree.txt", "implicit parents")};
}

class LayerUnpackFormats : public LayerUnpack, public ::testing::WithParamInterface<int> {};

TEST_P(LayerUnpackFormats, RestoresFilesDirectoriesLinksOwnersModesTimesAndXattrs) {
    const std::string plain = make_tar(normal_tree());
    auto r = unpack(make_tar(normal_tree(), GetParam()));
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(r->diff_id, sha256_digest(plain));
    EXPECT_EQ(r->bytes, plain.size());
    EXPECT_EQ(r->devices_skipped, 1u);

    struct stat bin = lstat_of(dest_ / "usr/bin");
    EXPECT_TRUE(S_ISDIR(bin.st_mode));
    EXPECT_EQ(bin.st_mode & 07777, 0750u);
    EXPECT_EQ(bin.st_uid, 1000u);
    EXPECT_EQ(bin.st_mtim.tv_sec, 1600000000);

    struct stat tool = lstat_of(dest_ / "usr/bin/tool");
    EXPECT_TRUE(S_ISREG(tool.st_mode));
    EXPECT_EQ(tool.st_mode & 07777, 04755u);
    EXPECT_EQ(tool.st_uid, 123u);
    EXPECT_EQ(tool.st_gid, 456u);
    EXPECT_EQ(tool.st_mtim.tv_sec, 1650000000);
    EXPECT_EQ(tool.st_nlink, 2u);
    EXPECT_EQ(read_all(dest_ / "usr/bin/tool"), "#!/bin/sh\necho hi\n");
    EXPECT_EQ(xattr_of(dest_ / "usr/bin/tool", "user.origin"), "berth");
    EXPECT_EQ(xattr_of(dest_ / "usr/bin/tool", "security.capability"), kNetBindCap);

    struct stat tool2 = lstat_of(dest_ / "usr/bin/tool2");
    EXPECT_EQ(tool2.st_ino, tool.st_ino);

    EXPECT_EQ(fs::read_symlink(dest_ / "usr/bin/sh"), "tool");
    EXPECT_EQ(fs::read_symlink(dest_ / "abs"), "/usr/bin/tool");
    EXPECT_TRUE(S_ISFIFO(lstat_of(dest_ / "run/pipe").st_mode));
    EXPECT_EQ(lstat_of(dest_ / "run/pipe").st_mode & 07777, 0620u);
    EXPECT_FALSE(fs::exists(fs::symlink_status(dest_ / "dev/null")));
    EXPECT_EQ(read_all(dest_ / "usr/lib/deep/in/tree.txt"), "implicit parents");
    EXPECT_EQ(outside(), (std::set<std::string>{"dest", "secret"}));
}

std::string compression_name(const ::testing::TestParamInfo<int> &p) {
    return p.param == ARCHIVE_FILTER_NONE ? "Plain" : p.param == ARCHIVE_FILTER_GZIP ? "Gzip" : "Zstd";
}

INSTANTIATE_TEST_SUITE_P(Compression, LayerUnpackFormats,
                         ::testing::Values(ARCHIVE_FILTER_NONE, ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_ZSTD),
                         compression_name);

TEST_F(LayerUnpack, TurnsOciWhiteoutsIntoOverlayWhiteouts) {
    auto r = unpack(make_tar({dir("etc"), file("etc/.wh.motd", ""), dir("var/cache"),
                              file("var/cache/.wh..wh..opq", ""), file("var/cache/new", "x")},
                             ARCHIVE_FILTER_GZIP));
    ASSERT_TRUE(r.ok()) << r.error().message();
    struct stat wh = lstat_of(dest_ / "etc/motd");
    EXPECT_TRUE(S_ISCHR(wh.st_mode));
    EXPECT_EQ(wh.st_rdev, makedev(0, 0));
    EXPECT_FALSE(fs::exists(fs::symlink_status(dest_ / "etc/.wh.motd")));
    EXPECT_EQ(xattr_of(dest_ / "var/cache", "trusted.overlay.opaque"), "y");
    EXPECT_FALSE(fs::exists(fs::symlink_status(dest_ / "var/cache/.wh..wh..opq")));
    EXPECT_EQ(read_all(dest_ / "var/cache/new"), "x");
}

TEST_F(LayerUnpack, LaterEntryReplacesEarlierOne) {
    auto r = unpack(make_tar({file("a", "first"), file("a", "second"), dir("d"), symlink("d", "a")}));
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(read_all(dest_ / "a"), "second");
    EXPECT_EQ(fs::read_symlink(dest_ / "d"), "a");
}

TEST_F(LayerUnpack, IgnoresOverlayXattrsFromTheTar) {
    Entry d = dir("d");
    d.xattrs["trusted.overlay.redirect"] = "/elsewhere";
    auto r = unpack(make_tar({d}));
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(xattr_of(dest_ / "d", "trusted.overlay.redirect"), "");
}

TEST_F(LayerUnpack, RejectsCorruptCompressedData) {
    std::string gz = make_tar({file("a", std::string(100000, 'x'))}, ARCHIVE_FILTER_GZIP);
    gz.resize(gz.size() / 2);
    auto r = unpack(gz);
    ASSERT_FALSE(r.ok());
}

TEST_F(LayerUnpack, RefusesDotDotEscape) { expect_refused({file("../x", "pwned")}, "../x"); }

TEST_F(LayerUnpack, RefusesNestedDotDotEscape) { expect_refused({file("a/../../x", "pwned")}, "a/../../x"); }

TEST_F(LayerUnpack, RefusesAbsolutePath) { expect_refused({file("/abs", "pwned")}, "/abs"); }

TEST_F(LayerUnpack, RefusesWriteThroughAbsoluteSymlink) {
    expect_refused({symlink("evil", parent_.string()), file("evil/pwned", "x")}, "evil/pwned");
}

TEST_F(LayerUnpack, RefusesWriteThroughRelativeSymlink) {
    expect_refused({symlink("evil", ".."), file("evil/pwned", "x")}, "evil/pwned");
}

TEST_F(LayerUnpack, RefusesWriteThroughSymlinkChain) {
    expect_refused({dir("a"), symlink("a/b", "../c"), symlink("c", "a/.."), symlink("d", "a/b/.."),
                    file("d/pwned", "x")},
                   "d/pwned");
}

TEST_F(LayerUnpack, RefusesDirectoryCreatedThroughSymlink) {
    expect_refused({symlink("evil", ".."), dir("evil/newdir")}, "evil/newdir");
}

TEST_F(LayerUnpack, RefusesHardlinkToOutside) { expect_refused({hardlink("hl", "../secret")}, "hl"); }

TEST_F(LayerUnpack, RefusesHardlinkThroughSymlinkToOutside) {
    expect_refused({symlink("evil", parent_.string()), hardlink("hl", "evil/secret")}, "hl");
}

TEST_F(LayerUnpack, RefusesWhiteoutThroughSymlink) {
    expect_refused({symlink("evil", ".."), file("evil/.wh.secret", "")}, "evil/.wh.secret");
}

TEST_F(LayerUnpack, AllowsSymlinksThatStayInside) {
    auto r = unpack(make_tar({dir("real"), symlink("link", "real"), file("link/file", "ok"),
                              symlink("real/up", "../real"), file("real/up/second", "ok")}));
    ASSERT_TRUE(r.ok()) << r.error().message();
    EXPECT_EQ(read_all(dest_ / "real/file"), "ok");
    EXPECT_EQ(read_all(dest_ / "real/second"), "ok");
}

TEST_F(LayerUnpack, StopsWhenCancelled) {
    fs::path p = archives_ / "layer";
    std::ofstream(p, std::ios::binary) << make_tar({file("a", "x")});
    std::atomic<bool> cancel{true};
    UnpackOptions opts;
    opts.cancel = &cancel;
    auto r = unpack_layer(p, dest_, opts);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, berth::ErrorKind::Cancelled);
}

}  // namespace
