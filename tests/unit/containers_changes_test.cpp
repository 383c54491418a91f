// docker diff's classification on a synthetic overlay: lower layers and an upper dir.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "containers/changes.h"

namespace fs = std::filesystem;
using namespace berth::containers;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/berth-changes-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path &p, const std::string &text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

// Gives `to` the mode and times of `from`, as a copy-up that changed nothing of its own.
void same_metadata(const fs::path &from, const fs::path &to) {
    struct stat st {};
    ASSERT_EQ(::stat(from.c_str(), &st), 0);
    ASSERT_EQ(::chmod(to.c_str(), st.st_mode & 07777), 0);
    const timespec times[2] = {st.st_atim, st.st_mtim};
    ASSERT_EQ(::utimensat(AT_FDCWD, to.c_str(), times, 0), 0);
}

std::string render(const std::vector<Change> &changes) {
    std::string out;
    for (const auto &c : changes)
        out += std::string(1, "CAD"[static_cast<int>(c.kind)]) + " " + c.path + "\n";
    return out;
}

class ChangesTest : public ::testing::Test {
protected:
    TempDir tmp;
    fs::path base = tmp.path / "layer0", top = tmp.path / "layer1", upper = tmp.path / "upper";
    void SetUp() override {
        write(base / "etc/motd", "hello\n");
        write(base / "bin/app", "app\n");
        write(base / "srv/data/a", "a\n");
        write(top / "etc/extra", "extra\n");
        fs::create_directories(upper);
    }
};

}  // namespace

TEST_F(ChangesTest, NothingChangedIsEmpty) {
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r) << r.error().message();
    EXPECT_TRUE(r->empty());
    EXPECT_TRUE(to_api_json(*r).is_null());
}

TEST_F(ChangesTest, NeverStartedContainerHasNoChanges) {
    auto r = upper_dir_changes(tmp.path / "missing", {base});
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->empty());
}

TEST_F(ChangesTest, AddedFileAtTheRootHasNoParentLine) {
    write(upper / "new", "x");
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    EXPECT_EQ(render(*r), "A /new\n");
}

TEST_F(ChangesTest, FileOfAnyLowerLayerIsModifiedAndItsDirectoryToo) {
    write(upper / "etc/motd", "changed\n");
    write(upper / "etc/extra", "changed\n");
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    // /etc in the upper dir got a fresh mtime: a change of its own, as in Docker.
    EXPECT_EQ(render(*r), "C /etc\nC /etc/extra\nC /etc/motd\n");
}

TEST_F(ChangesTest, CopiedUpDirectoryWithTheSameMetadataIsNotListed) {
    write(upper / "srv/data/a", "changed\n");
    same_metadata(base / "srv/data", upper / "srv/data");
    same_metadata(base / "srv", upper / "srv");
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    EXPECT_EQ(render(*r), "C /srv/data/a\n");
}

TEST_F(ChangesTest, ParentOfAnAddedFileIsListedEvenWithTheSameMetadata) {
    write(upper / "srv/data/b", "new\n");
    same_metadata(base / "srv/data", upper / "srv/data");
    same_metadata(base / "srv", upper / "srv");
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    EXPECT_EQ(render(*r), "C /srv/data\nA /srv/data/b\n");
}

TEST_F(ChangesTest, WhiteoutIsADeletionAndOpaqueDirectoryToo) {
    if (::geteuid() != 0) GTEST_SKIP() << "whiteouts (mknod 0/0) and trusted.* xattrs need root";
    fs::create_directories(upper / "bin");
    same_metadata(base / "bin", upper / "bin");
    ASSERT_EQ(::mknod((upper / "bin/app").c_str(), S_IFCHR | 0600, makedev(0, 0)), 0);
    fs::create_directories(upper / "srv/data");
    same_metadata(base / "srv", upper / "srv");
    ASSERT_EQ(::setxattr((upper / "srv/data").c_str(), "trusted.overlay.opaque", "y", 1, 0), 0);
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    EXPECT_EQ(render(*r), "C /bin\nD /bin/app\nC /srv\nD /srv/data\n");
    auto j = to_api_json(*r);
    ASSERT_TRUE(j.is_array());
    EXPECT_EQ(j[1], (nlohmann::json{{"Path", "/bin/app"}, {"Kind", 2}}));
}

TEST_F(ChangesTest, FileHiddenByAWhiteoutInALowerLayerIsAddedAgain) {
    if (::geteuid() != 0) GTEST_SKIP() << "whiteouts need root";
    ASSERT_EQ(::mknod((top / "bin").c_str(), S_IFCHR | 0600, makedev(0, 0)), 0);
    write(upper / "bin/app", "again\n");
    auto r = upper_dir_changes(upper, {base, top});
    ASSERT_TRUE(r);
    EXPECT_EQ(render(*r), "A /bin\nA /bin/app\n");
}
