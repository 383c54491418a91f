// docker cp and export as berthd does them, through the real berth-worker on a plain
// directory standing in for a container root: the four jobs round-trip, errors keep their
// kind and errno across the pipe, and a worker that dies or is abandoned mid-job gives a
// clear error and leaves no process behind.
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "archive_test_support.h"
#include "containers/worker_archive.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::containers;
using namespace berth::test_support;

namespace {

void kill_children() {
    for (pid_t pid : children()) ::kill(pid, SIGKILL);
}

std::string tar_of(const ArchiveWorker &worker, int root, const std::string &path) {
    auto stream = worker.get(root, path);
    EXPECT_TRUE(stream) << stream.error().message();
    if (!stream) return {};
    std::string tar;
    auto r = stream->copy_to([&](std::string_view b) {
        tar.append(b);
        return true;
    });
    EXPECT_TRUE(r) << r.error().message();
    return tar;
}

// A source that hands `tar` over in pieces of `piece` bytes, as a socket does.
TarSource pieces(const std::string &tar, std::size_t piece) {
    return [tar, piece, at = std::size_t{0}](char *buf, std::size_t size) mutable -> Result<std::size_t> {
        const std::size_t n = std::min({size, piece, tar.size() - at});
        std::memcpy(buf, tar.data() + at, n);
        at += n;
        return n;
    };
}

class WorkerArchiveTest : public ::testing::Test {
protected:
    TempDir tmp;
    fs::path root_dir = tmp.path / "root";
    int root = -1;
    ArchiveWorker worker{BERTH_WORKER_EXE, "test-box"};

    void SetUp() override {
        // berthd ignores SIGPIPE (daemon_main.cpp); writing to a worker that died needs it.
        ::signal(SIGPIPE, SIG_IGN);
        write(root_dir / "etc/hostname", "box\n");
        write(root_dir / "data/sub/f", "file\n");
        fs::create_directories(root_dir / "copy");
        fs::create_symlink("/", root_dir / "escape");
        write(tmp.path / "outside.txt", "host\n");
        // What a RootfsView holds.
        root = ::open(root_dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        ASSERT_GE(root, 0);
    }
    void TearDown() override {
        ::close(root);
        EXPECT_TRUE(children().empty()) << "a worker outlived the test";
        kill_children();
    }
};

}  // namespace

TEST_F(WorkerArchiveTest, StatGetPutAndExportRoundTrip) {
    auto st = worker.stat(root, "/data/sub/f");
    ASSERT_TRUE(st) << st.error().message();
    EXPECT_EQ(st->name, "f");
    EXPECT_EQ(st->size, 5);

    auto get = worker.get(root, "/data");
    ASSERT_TRUE(get) << get.error().message();
    EXPECT_EQ(get->stat().name, "data");
    EXPECT_NE(get->stat().mode & kGoModeDir, 0u);
    std::string tar;
    ASSERT_TRUE(get->copy_to([&](std::string_view b) {
        tar.append(b);
        return true;
    }));
    EXPECT_EQ(names_in(tar), (std::set<std::string>{"data/", "data/sub/", "data/sub/f"}));

    auto put = worker.put(root, "/copy", pieces(tar, 1000), {});
    ASSERT_TRUE(put) << put.error().message();
    EXPECT_EQ(slurp(root_dir / "copy/data/sub/f"), "file\n");

    auto exported = worker.export_root(root);
    ASSERT_TRUE(exported) << exported.error().message();
    std::string all;
    ASSERT_TRUE(exported->copy_to([&](std::string_view b) {
        all.append(b);
        return true;
    }));
    const auto names = names_in(all);
    EXPECT_TRUE(names.count("etc/hostname"));
    EXPECT_TRUE(names.count("copy/data/sub/f"));
}

TEST_F(WorkerArchiveTest, PutOptionsReachTheWorker) {
    // noOverwriteDirNonDir: a file may not replace the directory /data/sub.
    const std::string file_named_sub = [&] {
        write(tmp.path / "src/sub", "not a dir");
        const int src = ::open((tmp.path / "src").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        const std::string t = tar_of(worker, src, "/sub");
        ::close(src);
        return t;
    }();
    ExtractIntoOptions o;
    o.no_overwrite_dir_non_dir = true;
    EXPECT_FALSE(worker.put(root, "/data", pieces(file_named_sub, 4096), o));
    EXPECT_TRUE(fs::is_directory(root_dir / "data/sub"));

    // copyUIDGID with a user the container does not know is refused, not ignored.
    ExtractIntoOptions owner;
    owner.owner_user = "nobody-here";
    auto r = worker.put(root, "/copy", pieces(tar_of(worker, root, "/etc/hostname"), 4096), owner);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_NE(r.error().message().find("unable to find user nobody-here"), std::string::npos) << r.error().message();
}

TEST_F(WorkerArchiveTest, PathsNeverLeaveTheRoot) {
    // "/escape" is "/" inside the root; the host's file is not reachable by any path.
    auto via_link = worker.stat(root, "/escape/etc/hostname");
    ASSERT_TRUE(via_link) << via_link.error().message();
    EXPECT_EQ(via_link->size, 4);
    for (const std::string &p : {"/escape" + tmp.path.string() + "/outside.txt", "/../../.." + tmp.path.string() + "/outside.txt"}) {
        auto st = worker.stat(root, p);
        ASSERT_FALSE(st) << p;
        EXPECT_EQ(st.error().kind, ErrorKind::NotFound) << p;
    }
    // A tar entry climbing out is refused and writes nothing outside.
    std::string up;
    {
        archive *a = archive_write_new();
        archive_write_set_format_pax_restricted(a);
        archive_write_open(a, &up, nullptr, [](archive *, void *ctx, const void *buf, size_t n) -> la_ssize_t {
            static_cast<std::string *>(ctx)->append(static_cast<const char *>(buf), n);
            return static_cast<la_ssize_t>(n);
        }, nullptr);
        archive_entry *e = archive_entry_new();
        archive_entry_set_pathname(e, "../../pwned");
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, 0644);
        archive_entry_set_size(e, 1);
        archive_write_header(a, e);
        archive_write_data(a, "x", 1);
        archive_entry_free(e);
        archive_write_close(a);
        archive_write_free(a);
    }
    auto r = worker.put(root, "/data", pieces(up, 4096), {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_FALSE(fs::exists(tmp.path / "pwned"));
}

TEST_F(WorkerArchiveTest, MissingPathIsNotFoundWithEnoent) {
    auto st = worker.stat(root, "/nope/x");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(st.error().err, ENOENT);
    auto get = worker.get(root, "/nope");
    ASSERT_FALSE(get);
    EXPECT_EQ(get.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(get.error().err, ENOENT);
    auto put = worker.put(root, "/missing", pieces(std::string(1024, '\0'), 512), {});
    ASSERT_FALSE(put);
    EXPECT_EQ(put.error().kind, ErrorKind::NotFound);
    EXPECT_EQ(put.error().err, ENOENT);
}

TEST_F(WorkerArchiveTest, PutIntoAFileIsBadRequest) {
    auto r = worker.put(root, "/etc/hostname", pieces(tar_of(worker, root, "/data"), 4096), {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_EQ(r.error().message(), "extraction point is not a directory");
}

TEST_F(WorkerArchiveTest, MalformedTarIsBadRequest) {
    std::string garbage(20000, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>(i * 131 + 7);
    auto r = worker.put(root, "/data", pieces(garbage, 1000), {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::InvalidArgument);
    EXPECT_NE(r.error().message().find("not a valid tar archive"), std::string::npos) << r.error().message();
}

TEST_F(WorkerArchiveTest, WorkerKilledMidPutIsAClearError) {
    write(tmp.path / "src/big", std::string(8 << 20, 'b'));
    const int src = ::open((tmp.path / "src").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    const std::string tar = tar_of(worker, src, "/big");
    ::close(src);
    ASSERT_GT(tar.size(), 8u << 20);

    std::size_t at = 0, calls = 0;
    TarSource killing = [&](char *buf, std::size_t size) -> Result<std::size_t> {
        if (++calls == 3) kill_children();  // the worker is mid-extraction now
        const std::size_t n = std::min({size, std::size_t{65536}, tar.size() - at});
        std::memcpy(buf, tar.data() + at, n);
        at += n;
        return n;
    };
    auto r = worker.put(root, "/data", killing, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Internal);
    const std::string msg = r.error().message();
    EXPECT_NE(msg.find("archive-put of /data in container test-box"), std::string::npos) << msg;
    EXPECT_NE(msg.find("killed by signal 9"), std::string::npos) << msg;
    EXPECT_TRUE(children().empty());
}

TEST_F(WorkerArchiveTest, WorkerKilledMidGetIsAClearError) {
    write(root_dir / "big", std::string(16 << 20, 'g'));
    auto get = worker.get(root, "/big");
    ASSERT_TRUE(get) << get.error().message();
    std::size_t chunks = 0;
    auto r = get->copy_to([&](std::string_view) {
        if (++chunks == 1) kill_children();
        return true;
    });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Internal);
    const std::string msg = r.error().message();
    EXPECT_NE(msg.find("archive-get of /big in container test-box"), std::string::npos) << msg;
    EXPECT_NE(msg.find("killed by signal 9"), std::string::npos) << msg;
    EXPECT_TRUE(children().empty());
}

TEST_F(WorkerArchiveTest, AClientThatGoesAwayEndsTheWorker) {
    write(root_dir / "big", std::string(16 << 20, 'g'));
    auto exported = worker.export_root(root);
    ASSERT_TRUE(exported) << exported.error().message();
    auto r = exported->copy_to([](std::string_view) { return false; });
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    EXPECT_TRUE(children().empty());
}

TEST_F(WorkerArchiveTest, AStreamNeverCopiedEndsItsWorker) {
    write(root_dir / "big", std::string(16 << 20, 'g'));
    {
        auto get = worker.get(root, "/big");
        ASSERT_TRUE(get) << get.error().message();
        EXPECT_EQ(children().size(), 1u);
    }
    EXPECT_TRUE(children().empty());
}

TEST_F(WorkerArchiveTest, ASourceErrorMidPutEndsTheJobWithThatError) {
    write(tmp.path / "src/g/file", std::string(1 << 20, 'g'));
    const int src = ::open((tmp.path / "src").c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    const std::string tar = tar_of(worker, src, "/g");
    ::close(src);
    std::size_t calls = 0;
    TarSource gone = [&](char *buf, std::size_t size) -> Result<std::size_t> {
        if (++calls > 2) return Error::of(ErrorKind::Cancelled, "the client went away");
        const std::size_t n = std::min<std::size_t>(size, 10000);
        std::memcpy(buf, tar.data() + (calls - 1) * 10000, n);
        return n;
    };
    auto r = worker.put(root, "/data", gone, {});
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind, ErrorKind::Cancelled);
    // The worker saw the tar end early and removed the file it had begun.
    EXPECT_FALSE(fs::exists(root_dir / "data/g/file"));
}

TEST(WorkerArchiveMissing, NoWorkerBesideTheDaemonSaysSo) {
    // This test program has no berth-worker beside it, as a berthd installed without one.
    auto w = ArchiveWorker::beside_daemon("test-box");
    ASSERT_FALSE(w);
    EXPECT_NE(w.error().message().find("berth-worker not found beside berthd"), std::string::npos)
        << w.error().message();
    ArchiveWorker gone("/nonexistent/berth-worker", "test-box");
    const int tmp_root = ::open("/tmp", O_PATH | O_DIRECTORY | O_CLOEXEC);
    auto st = gone.stat(tmp_root, "/");
    ::close(tmp_root);
    ASSERT_FALSE(st);
    EXPECT_NE(st.error().message().find("start berth-worker for archive-stat of / in container test-box"),
              std::string::npos)
        << st.error().message();
}
