// Detach keys: Docker's key-sequence syntax and the stream scan both ends use.
#include <gtest/gtest.h>

#include "common/detach_keys.h"

using berth::DetachKeyMatcher;
using berth::parse_detach_keys;

TEST(DetachKeys, ParsesDockerSyntax) {
    EXPECT_EQ(*parse_detach_keys(""), std::string("\x10\x11"));
    EXPECT_EQ(*parse_detach_keys("ctrl-p,ctrl-q"), std::string("\x10\x11"));
    EXPECT_EQ(*parse_detach_keys("ctrl-a,d"), std::string("\x01" "d"));
    EXPECT_EQ(*parse_detach_keys("ctrl-@"), std::string(1, '\0'));
    EXPECT_EQ(*parse_detach_keys("ctrl-["), std::string("\x1b"));
    EXPECT_FALSE(parse_detach_keys("ctrl-bogus"));
    EXPECT_FALSE(parse_detach_keys("ctrl-P"));
    EXPECT_FALSE(parse_detach_keys("ab"));
    EXPECT_FALSE(parse_detach_keys("ctrl-p,"));
    EXPECT_NE(parse_detach_keys("xy,y").error().message().find("Invalid detach keys (xy,y)"), std::string::npos);
}

TEST(DetachKeys, DetectsTheSequenceAcrossReads) {
    DetachKeyMatcher m("\x10\x11");
    bool detached = false;
    EXPECT_EQ(m.feed("ls\r\x10", detached), "ls\r");
    EXPECT_FALSE(detached);
    EXPECT_EQ(m.feed("\x11" "after", detached), "");
    EXPECT_TRUE(detached);
}

TEST(DetachKeys, PassesHeldBytesOnWhenTheSequenceBreaks) {
    DetachKeyMatcher m("\x10\x11");
    bool detached = false;
    EXPECT_EQ(m.feed("\x10", detached), "");
    EXPECT_EQ(m.feed("x", detached), "\x10x");
    EXPECT_FALSE(detached);
    // A repeated first key: the first passes, the second may still start the sequence.
    EXPECT_EQ(m.feed("\x10\x10\x11", detached), "\x10");
    EXPECT_TRUE(detached);
}

TEST(DetachKeys, EmptySequenceNeverDetaches) {
    DetachKeyMatcher m("");
    bool detached = true;
    EXPECT_EQ(m.feed("\x10\x11", detached), "\x10\x11");
    EXPECT_FALSE(detached);
}
