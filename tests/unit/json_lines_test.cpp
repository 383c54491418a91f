// The JSON-lines pipe between berthd and berth-worker: lines whole or refused, and Errors
// that keep their kind, errno and text across it.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>

#include "util/json_lines.h"

using namespace berth;
using util::JsonLineReader;

namespace {

struct Pipe {
    int r = -1, w = -1;
    Pipe() {
        int p[2];
        EXPECT_EQ(::pipe(p), 0);
        r = p[0];
        w = p[1];
    }
    ~Pipe() {
        ::close(r);
        if (w >= 0) ::close(w);
    }
    void write_raw(const std::string &s) { ASSERT_EQ(::write(w, s.data(), s.size()), static_cast<ssize_t>(s.size())); }
    void close_write() {
        ::close(w);
        w = -1;
    }
};

}  // namespace

TEST(JsonLines, ObjectsComeBackInOrderThenTheEnd) {
    Pipe p;
    ASSERT_TRUE(util::write_json_line(p.w, {{"a", 1}}, "test").ok());
    ASSERT_TRUE(util::write_json_line(p.w, {{"b", "two\nlines"}}, "test").ok());
    p.close_write();
    JsonLineReader in(p.r, "test pipe");
    auto first = in.next();
    ASSERT_TRUE(first.ok() && *first);
    EXPECT_EQ((**first)["a"], 1);
    auto second = in.next();
    ASSERT_TRUE(second.ok() && *second);
    EXPECT_EQ((**second)["b"], "two\nlines");
    auto end = in.next();
    ASSERT_TRUE(end.ok());
    EXPECT_FALSE(*end);
}

TEST(JsonLines, GarbageAHalfLineAndAnOverlongLineAreErrors) {
    {
        Pipe p;
        p.write_raw("not json\n");
        JsonLineReader in(p.r, "worker");
        auto r = in.next();
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message().find("not a JSON object: \"not json\""), std::string::npos) << r.error().message();
    }
    {
        Pipe p;
        p.write_raw("{\"a\":");
        p.close_write();
        JsonLineReader in(p.r, "worker");
        auto r = in.next();
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message().find("middle of a line"), std::string::npos);
    }
    {
        Pipe p;
        p.write_raw(std::string(300, 'x'));
        p.close_write();
        JsonLineReader in(p.r, "worker", 100);
        auto r = in.next();
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.error().message().find("longer than 100 bytes"), std::string::npos) << r.error().message();
    }
}

TEST(JsonLines, ErrorsKeepKindErrnoAndText) {
    const Error cases[] = {
        Error::sys("open", "/x/y", ENOENT),
        Error{{}, "/missing", ENOENT, {}, ErrorKind::NotFound},
        Error::invalid("bad tar entry \"../x\""),
        Error::of(ErrorKind::Unauthorized, "authentication required"),
        Error::of(ErrorKind::Cancelled, "pull cancelled"),
    };
    for (const auto &e : cases) {
        const Error back = util::error_from_json(util::error_to_json(e));
        EXPECT_EQ(back.kind, e.kind) << e.message();
        EXPECT_EQ(back.err, e.err) << e.message();
        EXPECT_EQ(back.message(), e.message());
    }
    const Error malformed = util::error_from_json(nlohmann::json{{"kind", "not_found"}});
    EXPECT_EQ(malformed.kind, ErrorKind::Internal);
    EXPECT_NE(malformed.message().find("malformed"), std::string::npos);
}
