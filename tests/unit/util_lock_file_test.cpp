#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include <gtest/gtest.h>

#include "util/lock_file.h"

using namespace berth;

namespace {

std::filesystem::path temp_dir() {
    char tmpl[] = "/tmp/berth-lock-test.XXXXXX";
    return ::mkdtemp(tmpl);
}

}  // namespace

TEST(LockFile, SecondHolderIsRefusedUntilTheFirstGoesAway) {
    const auto dir = temp_dir();
    const auto path = dir / "berthd.lock";
    {
        auto first = util::LockFile::acquire(path);
        ASSERT_TRUE(first) << first.error().message();
        // flock locks belong to the open file description: a second open in this
        // process conflicts just like another process would.
        auto second = util::LockFile::acquire(path);
        ASSERT_FALSE(second);
        EXPECT_EQ(second.error().kind, ErrorKind::Conflict);
        EXPECT_NE(second.error().message().find("another berthd"), std::string::npos);
        EXPECT_NE(second.error().message().find(std::to_string(::getpid())), std::string::npos);
    }
    auto again = util::LockFile::acquire(path);
    EXPECT_TRUE(again);
    std::filesystem::remove_all(dir);
}

TEST(LockFile, IsReleasedWhenTheHolderDies) {
    const auto dir = temp_dir();
    const auto path = dir / "berthd.lock";
    int ready[2];
    ASSERT_EQ(::pipe2(ready, O_CLOEXEC), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        auto held = util::LockFile::acquire(path);
        char c = held ? 'y' : 'n';
        if (::write(ready[1], &c, 1) != 1) _exit(2);
        ::pause();
        _exit(0);
    }
    ::close(ready[1]);
    char c = 0;
    ASSERT_EQ(::read(ready[0], &c, 1), 1);
    ::close(ready[0]);
    ASSERT_EQ(c, 'y');
    EXPECT_FALSE(util::LockFile::acquire(path));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    EXPECT_TRUE(util::LockFile::acquire(path));
    std::filesystem::remove_all(dir);
}

TEST(LockFile, MissingDirectoryIsAnError) {
    auto r = util::LockFile::acquire("/nonexistent-berth-dir/berthd.lock");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().err, ENOENT);
}
