// berth cp's host side: a tree becomes a tar piece by piece (never whole in memory), in
// depth-first name order, with contents and links intact.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "cli/commands/cp_host_tar.h"

namespace fs = std::filesystem;
using namespace berth;
using namespace berth::cli::commands;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/berth-cp-tar-XXXXXX";
        path = ::mkdtemp(tmpl);
    }
    ~TempDir() { fs::remove_all(path); }
};

void write(const fs::path &p, const std::string &text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
}

struct Entry {
    std::string name;
    std::string content;
    std::string link;
};

std::vector<Entry> entries_of(const std::string &tar) {
    std::vector<Entry> out;
    archive *a = archive_read_new();
    archive_read_support_format_tar(a);
    EXPECT_EQ(archive_read_open_memory(a, tar.data(), tar.size()), ARCHIVE_OK);
    archive_entry *e = nullptr;
    int r;
    while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        Entry x{archive_entry_pathname(e), {}, archive_entry_symlink(e) ? archive_entry_symlink(e) : ""};
        char buf[65536];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0) x.content.append(buf, static_cast<std::size_t>(n));
        out.push_back(std::move(x));
    }
    EXPECT_EQ(r, ARCHIVE_EOF) << archive_error_string(a);
    archive_read_free(a);
    return out;
}

}  // namespace

TEST(HostTarReader, TreeInSmallPiecesIsAWholeTarInNameOrder) {
    TempDir tmp;
    const fs::path src = tmp.path / "tree";
    std::string big(300000, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 31);
    write(src / "b/big", big);
    write(src / "a", "a\n");
    write(src / "b/c/deep", "deep\n");
    write(src / "z", "");
    fs::create_symlink("a", src / "link");

    HostTarReader reader(src, "top", false);
    std::string tar;
    char piece[777];
    std::size_t reads = 0;
    for (;;) {
        auto n = reader.read(piece, sizeof piece);
        ASSERT_TRUE(n) << n.error().message();
        if (*n == 0) break;
        ASSERT_LE(*n, sizeof piece);
        tar.append(piece, *n);
        ++reads;
    }
    EXPECT_GT(reads, 300u);
    EXPECT_EQ(tar.size() % 512, 0u);

    const auto entries = entries_of(tar);
    std::vector<std::string> names;
    std::map<std::string, Entry> by_name;
    for (const auto &e : entries) {
        names.push_back(e.name);
        by_name[e.name] = e;
    }
    EXPECT_EQ(names, (std::vector<std::string>{"top/", "top/a", "top/b/", "top/b/big", "top/b/c/", "top/b/c/deep",
                                               "top/link", "top/z"}));
    EXPECT_EQ(by_name["top/b/big"].content, big);
    EXPECT_EQ(by_name["top/b/c/deep"].content, "deep\n");
    EXPECT_EQ(by_name["top/link"].link, "a");
    EXPECT_EQ(tar_host_path(src, "top", false).value(), tar);
}

TEST(HostTarReader, AFileThatCannotBeReadIsAnError) {
    TempDir tmp;
    HostTarReader reader(tmp.path / "missing", "x", false);
    char buf[512];
    auto n = reader.read(buf, sizeof buf);
    ASSERT_FALSE(n);
    EXPECT_NE(n.error().message().find("missing"), std::string::npos);
    EXPECT_FALSE(reader.read(buf, sizeof buf)) << "the error sticks";
}
