// docker cp's pieces on a plain directory standing in for a container root: the stat
// header (Go file modes, base64 JSON), path resolution inside the root, tars written
// and read back, and extraction refusing to escape.
#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include "archive_test_support.h"
#include "client/container_files.h"
#include "container_tar/container_archive.h"
#include "containers/path_stat.h"
#include "containers/volume_copy_up.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::containers;
using namespace berth::test_support;

namespace {

struct TarBuilder {
    std::string bytes;
    archive *a = archive_write_new();
    TarBuilder() {
        archive_write_set_format_pax_restricted(a);
        archive_write_open(a, &bytes, nullptr, [](archive *, void *ctx, const void *buf, size_t n) -> la_ssize_t {
            static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), n);
            return static_cast<la_ssize_t>(n);
        }, nullptr);
    }
    TarBuilder &file(const std::string &name, const std::string &content) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
        archive_write_header(a, e);
        archive_write_data(a, content.data(), content.size());
        archive_entry_free(e);
        return *this;
    }
    TarBuilder &symlink(const std::string &name, const std::string &target) {
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_filetype(e, AE_IFLNK);
        archive_entry_set_perm(e, 0777);
        archive_entry_set_symlink(e, target.c_str());
        archive_write_header(a, e);
        archive_entry_free(e);
        return *this;
    }
    std::string done() {
        archive_write_close(a);
        archive_write_free(a);
        return bytes;
    }
};

class ContainerRootTest : public ::testing::Test {
protected:
    TempDir tmp;
    fs::path root_dir = tmp.path / "root";
    int root = -1;
    void SetUp() override {
        write(root_dir / "etc/hostname", "box\n");
        write(root_dir / "data/sub/f", "file\n");
        fs::create_symlink("/etc", root_dir / "etc-link");
        fs::create_symlink("/", root_dir / "escape");
        root = ::open(root_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        ASSERT_GE(root, 0);
    }
    void TearDown() override { ::close(root); }
};

}  // namespace

TEST(PathStatHeader, GoFileModeBitsForEachType) {
    EXPECT_EQ(go_file_mode(S_IFDIR | 0755), (1u << 31) | 0755);
    EXPECT_EQ(go_file_mode(S_IFREG | 0644), 0644u);
    EXPECT_EQ(go_file_mode(S_IFLNK | 0777), (1u << 27) | 0777);
    EXPECT_EQ(go_file_mode(S_IFCHR | 0666), (1u << 26) | (1u << 21) | 0666);
    EXPECT_EQ(go_file_mode(S_IFBLK | 0660), (1u << 26) | 0660);
    EXPECT_EQ(go_file_mode(S_IFIFO | 0600), (1u << 25) | 0600);
    EXPECT_EQ(go_file_mode(S_IFSOCK | 0755), (1u << 24) | 0755);
    EXPECT_EQ(go_file_mode(S_IFREG | S_ISUID | 0755), (1u << 23) | 0755);
    EXPECT_EQ(go_file_mode(S_IFDIR | S_ISGID | 0755), (1u << 31) | (1u << 22) | 0755);
    EXPECT_EQ(go_file_mode(S_IFDIR | S_ISVTX | 0777), (1u << 31) | (1u << 20) | 0777);
}

TEST(PathStatHeader, IsBase64JsonTheClientDecodes) {
    PathStat s;
    s.name = "hostname";
    s.size = 4;
    s.mode = 0644;
    s.mtime = "2026-11-25T14:00:00.5Z";
    s.link_target = "";
    const std::string header = encode_path_stat_header(s);
    EXPECT_EQ(header.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="),
              std::string::npos);
    auto back = client::decode_path_stat_header(header);
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(back->name, "hostname");
    EXPECT_EQ(back->size, 4);
    EXPECT_EQ(back->mode, 0644u);
    EXPECT_EQ(back->mtime, "2026-11-25T14:00:00.5Z");
    EXPECT_FALSE(back->is_dir());
    // The JSON keys are docker's (types.ContainerPathStat).
    auto j = to_json(s);
    for (const char *k : {"name", "size", "mode", "mtime", "linkTarget"}) EXPECT_TRUE(j.contains(k)) << k;
}

TEST(PathStatHeader, EveryPaddingLengthDecodes) {
    for (const std::string name : {"a", "ab", "abc", "abcd"}) {
        PathStat s;
        s.name = name;
        auto back = client::decode_path_stat_header(encode_path_stat_header(s));
        ASSERT_TRUE(back) << name;
        EXPECT_EQ(back->name, name);
    }
}

TEST_F(ContainerRootTest, StatOfASymlinkGivesItsTargetInsideTheContainer) {
    auto st = stat_container_path(root, "/etc-link");
    ASSERT_TRUE(st) << st.error().message();
    EXPECT_EQ(st->name, "etc-link");
    EXPECT_NE(st->mode & kGoModeSymlink, 0u);
    EXPECT_EQ(st->link_target, "/etc");
    // With a trailing slash the link is followed.
    auto dir = stat_container_path(root, "/etc-link/");
    ASSERT_TRUE(dir);
    EXPECT_NE(dir->mode & kGoModeDir, 0u);
}

TEST_F(ContainerRootTest, MissingPathIsNotFound) {
    auto st = stat_container_path(root, "/nope/x");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().kind, ErrorKind::NotFound);
}

TEST_F(ContainerRootTest, SymlinksResolveInsideTheRoot) {
    // "/escape" points at "/": inside the root that is the root itself, never the host's.
    auto st = stat_container_path(root, "/escape/etc/hostname");
    ASSERT_TRUE(st) << st.error().message();
    EXPECT_EQ(st->size, 4);
    EXPECT_FALSE(stat_container_path(root, "/escape/" + root_dir.string()));
}

TEST_F(ContainerRootTest, DirectoryTarIsNamedAfterItsBase) {
    std::string tar;
    auto r = archive_container_path(root, "/data", [&](std::string_view b) {
        tar.append(b);
        return true;
    });
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(names_in(tar), (std::set<std::string>{"data/", "data/sub/", "data/sub/f"}));
    std::string contents;
    ASSERT_TRUE(archive_container_path(root, "/data/.", [&](std::string_view b) {
        contents.append(b);
        return true;
    }));
    EXPECT_EQ(names_in(contents), (std::set<std::string>{"./", "./sub/", "./sub/f"}));
}

TEST_F(ContainerRootTest, ExportNamesEntriesWithoutLeadingSlash) {
    std::string tar;
    ASSERT_TRUE(export_root(root, [&](std::string_view b) {
        tar.append(b);
        return true;
    }));
    auto names = names_in(tar);
    EXPECT_TRUE(names.count("etc/hostname"));
    EXPECT_TRUE(names.count("escape"));
}

TEST_F(ContainerRootTest, ExtractWritesIntoTheDirectory) {
    const std::string tar = TarBuilder().file("new.txt", "hi\n").file("d/e.txt", "e\n").done();
    auto r = extract_into_container(root, "/data", tar, {});
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(slurp(root_dir / "data/new.txt"), "hi\n");
    EXPECT_EQ(slurp(root_dir / "data/d/e.txt"), "e\n");
    // The destination is resolved in the root too: /escape/data is /data.
    ASSERT_TRUE(extract_into_container(root, "/escape/data", TarBuilder().file("via.txt", "v").done(), {}));
    EXPECT_EQ(slurp(root_dir / "data/via.txt"), "v");
}

TEST_F(ContainerRootTest, ExtractRefusesDotDotAndSymlinkEscapes) {
    auto dotdot = extract_into_container(root, "/data", TarBuilder().file("../../outside", "x").done(), {});
    ASSERT_FALSE(dotdot);
    EXPECT_EQ(dotdot.error().kind, ErrorKind::InvalidArgument);
    EXPECT_FALSE(fs::exists(tmp.path / "outside"));

    const std::string out = tmp.path.string();
    auto through_link =
        extract_into_container(root, "/data", TarBuilder().symlink("l", out).file("l/pwned", "x").done(), {});
    ASSERT_FALSE(through_link);
    EXPECT_EQ(through_link.error().kind, ErrorKind::InvalidArgument);
    EXPECT_FALSE(fs::exists(tmp.path / "pwned"));
}

TEST_F(ContainerRootTest, ExtractIntoAFileOrNowhereFails) {
    auto not_dir = extract_into_container(root, "/etc/hostname", TarBuilder().file("x", "x").done(), {});
    ASSERT_FALSE(not_dir);
    EXPECT_EQ(not_dir.error().kind, ErrorKind::InvalidArgument);
    auto missing = extract_into_container(root, "/missing", TarBuilder().file("x", "x").done(), {});
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::NotFound);
}

TEST_F(ContainerRootTest, NoOverwriteDirNonDirRefusesReplacingADirectory) {
    ExtractIntoOptions o;
    o.no_overwrite_dir_non_dir = true;
    auto r = extract_into_container(root, "/data", TarBuilder().file("sub", "not a dir").done(), o);
    ASSERT_FALSE(r);
    EXPECT_TRUE(fs::is_directory(root_dir / "data/sub"));
}

// A source that hands the tar over in small pieces, as a socket does.
TarSource pieces(const std::string &tar, std::size_t piece) {
    return [tar, piece, at = std::size_t{0}](char *buf, std::size_t size) mutable -> Result<std::size_t> {
        const std::size_t n = std::min({size, piece, tar.size() - at});
        std::memcpy(buf, tar.data() + at, n);
        at += n;
        return n;
    };
}

TEST_F(ContainerRootTest, ExtractReadsAStreamInPieces) {
    const std::string big(300000, 'b');
    const std::string tar = TarBuilder().file("s/big", big).file("s/small", "s\n").done();
    auto r = extract_into_container(root, "/data", pieces(tar, 777), {});
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(slurp(root_dir / "data/s/big"), big);
    EXPECT_EQ(slurp(root_dir / "data/s/small"), "s\n");
}

TEST_F(ContainerRootTest, ExtractOfATruncatedStreamKeepsNoFileCutShort) {
    const std::string tar = TarBuilder().file("t/whole", "w").file("t/cut", std::string(100000, 'c')).done();
    auto r = extract_into_container(root, "/data", pieces(tar.substr(0, 50000), 4096), {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_NE(r.error().message().find("not a valid tar archive"), std::string::npos) << r.error().message();
    EXPECT_EQ(slurp(root_dir / "data/t/whole"), "w");
    EXPECT_FALSE(fs::exists(root_dir / "data/t/cut"));
}

TEST_F(ContainerRootTest, ExtractOfGarbageSaysItIsNotATar) {
    std::string garbage(20000, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 131 + 7);
    auto r = extract_into_container(root, "/data", pieces(garbage, 1000), {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_NE(r.error().message().find("not a valid tar archive"), std::string::npos) << r.error().message();
}

TEST_F(ContainerRootTest, ExtractStopsWithTheSourcesError) {
    const std::string tar = TarBuilder().file("g/file", std::string(100000, 'g')).done();
    std::size_t calls = 0;
    TarSource gone = [&](char *buf, std::size_t size) -> Result<std::size_t> {
        if (++calls > 2) return Error::of(ErrorKind::Cancelled, "the client went away");
        const std::size_t n = std::min<std::size_t>(size, 10000);
        std::memcpy(buf, tar.data() + (calls - 1) * 10000, n);
        return n;
    };
    auto r = extract_into_container(root, "/data", gone, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_FALSE(fs::exists(root_dir / "data/g/file"));
}

TEST_F(ContainerRootTest, CopyTreeKeepsFilesLinksAndModes) {
    fs::create_directories(tmp.path / "vol");
    fs::create_symlink("f", root_dir / "data/sub/link");
    fs::permissions(root_dir / "data/sub/f", fs::perms(0600));
    const int from = ::open((root_dir / "data").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const int to = ::open((tmp.path / "vol").c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    auto r = copy_tree(from, to);
    ::close(from);
    ::close(to);
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_EQ(slurp(tmp.path / "vol/sub/f"), "file\n");
    EXPECT_EQ(fs::read_symlink(tmp.path / "vol/sub/link"), "f");
    EXPECT_EQ(fs::status(tmp.path / "vol/sub/f").permissions(), fs::perms(0600));
}
