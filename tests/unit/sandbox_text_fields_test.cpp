// The stream-free splitting the monitor uses to read /proc and cgroup files.
#include <gtest/gtest.h>

#include "sandbox/cgroups_backend.h"
#include "sandbox/text_fields.h"

namespace text = berth::sandbox::text;
using Views = std::vector<std::string_view>;

TEST(TextFields, SplitSkipsEmptyPieces) {
    EXPECT_EQ(text::split("berth/abc", '/'), (Views{"berth", "abc"}));
    EXPECT_EQ(text::split("/berth//abc/", '/'), (Views{"berth", "abc"}));
    EXPECT_EQ(text::split("", '/'), Views{});
    EXPECT_EQ(text::split("rw,memory", ','), (Views{"rw", "memory"}));
}

TEST(TextFields, WordsSplitOnAnyWhitespaceRun) {
    EXPECT_EQ(text::words("cpu  1 2\t3\n"), (Views{"cpu", "1", "2", "3"}));
    EXPECT_EQ(text::words("  \n "), Views{});
    EXPECT_EQ(text::words("nr_periods 5\nnr_throttled 2"), (Views{"nr_periods", "5", "nr_throttled", "2"}));
}

TEST(TextFields, NumbersMustBeWhole) {
    EXPECT_EQ(text::to_u64("18446744073709551615"), UINT64_MAX);
    EXPECT_EQ(text::to_u64("0"), 0u);
    EXPECT_FALSE(text::to_u64(""));
    EXPECT_FALSE(text::to_u64("12k"));
    EXPECT_FALSE(text::to_u64("-1"));
    EXPECT_FALSE(text::to_u64("max"));
    EXPECT_FALSE(text::to_u64("18446744073709551616"));
}

// This host's cgroups are found through the same parser (v1 controllers or a usable v2).
TEST(TextFields, CgroupLayoutOfThisHost) {
    const auto &layout = berth::sandbox::cgroups::layout();
    EXPECT_TRUE(layout.v2_usable || layout.v1.count("memory") == 1);
    for (const auto &[controller, mount] : layout.v1) EXPECT_EQ(mount.rfind("/", 0), 0u) << controller;
}
