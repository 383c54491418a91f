#include <sys/stat.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "util/atomic_file.h"

using namespace berth;

namespace {

struct TempDir {
    TempDir() {
        char tmpl[] = "/tmp/berth-atomic-test.XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

}  // namespace

TEST(AtomicFile, WritesAndReplacesContent) {
    TempDir dir;
    const auto file = dir.path / "state.json";
    ASSERT_TRUE(util::write_file_atomic(file, "first"));
    EXPECT_EQ(*util::read_file(file), "first");
    ASSERT_TRUE(util::write_file_atomic(file, "second, longer"));
    EXPECT_EQ(*util::read_file(file), "second, longer");
}

TEST(AtomicFile, LeavesNoTempFilesBehind) {
    TempDir dir;
    ASSERT_TRUE(util::write_file_atomic(dir.path / "a", "x"));
    ASSERT_TRUE(util::write_file_atomic(dir.path / "a", "y"));
    int entries = 0;
    for (const auto &e : std::filesystem::directory_iterator(dir.path)) {
        (void)e;
        ++entries;
    }
    EXPECT_EQ(entries, 1);
}

TEST(AtomicFile, AppliesTheMode) {
    TempDir dir;
    const auto file = dir.path / "secret";
    ASSERT_TRUE(util::write_file_atomic(file, "x", 0600));
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(AtomicFile, FailureKeepsTheOldContent) {
    TempDir dir;
    const auto file = dir.path / "f";
    ASSERT_TRUE(util::write_file_atomic(file, "old"));
    // The target is a directory now: the rename fails and nothing else changes.
    auto r = util::write_file_atomic(dir.path, "new");
    EXPECT_FALSE(r);
    EXPECT_EQ(*util::read_file(file), "old");
}

TEST(AtomicFile, ReadOfMissingFileIsNotFound) {
    auto r = util::read_file("/nonexistent-berth-file");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::NotFound);
}
