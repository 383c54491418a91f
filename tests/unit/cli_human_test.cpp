#include <gtest/gtest.h>

#include "cli/format/human.h"
#include "cli/format/table.h"

using namespace berth::cli::format;

TEST(HumanSize, MatchesGoUnits) {
    EXPECT_EQ(human_size(0), "0B");
    EXPECT_EQ(human_size(999), "999B");
    EXPECT_EQ(human_size(1000), "1kB");
    EXPECT_EQ(human_size(4261234, 3), "4.26MB");
    EXPECT_EQ(human_size(4261234), "4.261MB");
    EXPECT_EQ(human_size(1234567890, 3), "1.23GB");
    EXPECT_EQ(human_size(3400000), "3.4MB");
    EXPECT_EQ(human_size(999999, 3), "1e+03kB");  // what go-units prints too
}

TEST(BinarySize, MatchesGoUnits) {
    EXPECT_EQ(binary_size(1024), "1KiB");
    EXPECT_EQ(binary_size(8346030080.0), "7.773GiB");
}

TEST(HumanDuration, MatchesDockersWording) {
    EXPECT_EQ(human_duration(0.5), "Less than a second");
    EXPECT_EQ(human_duration(1), "1 second");
    EXPECT_EQ(human_duration(59), "59 seconds");
    EXPECT_EQ(human_duration(60), "About a minute");
    EXPECT_EQ(human_duration(119), "About a minute");
    EXPECT_EQ(human_duration(120), "2 minutes");
    EXPECT_EQ(human_duration(3599), "59 minutes");
    EXPECT_EQ(human_duration(3600), "About an hour");
    EXPECT_EQ(human_duration(2 * 3600), "2 hours");
    EXPECT_EQ(human_duration(47 * 3600), "47 hours");
    EXPECT_EQ(human_duration(48 * 3600), "2 days");
    EXPECT_EQ(human_duration(14 * 86400), "2 weeks");
    EXPECT_EQ(human_duration(60 * 86400), "2 months");
    EXPECT_EQ(human_duration(800 * 86400.0), "2 years");
    EXPECT_EQ(time_ago(1000, 1000 + 7200), "2 hours ago");
}

TEST(ShortIdAndEllipsis, CutLikeDocker) {
    EXPECT_EQ(short_id("sha256:0123456789abcdef0123"), "0123456789ab");
    EXPECT_EQ(short_id("0123456789abcdef"), "0123456789ab");
    EXPECT_EQ(ellipsis("/bin/sh -c #(nop) CMD [\"sh\"]", 10), "/bin/sh -\xE2\x80\xA6");
    EXPECT_EQ(ellipsis("short", 10), "short");
    EXPECT_EQ(display_width("\xED\x95\x9C\xEA\xB8\x80"), 2u);
    EXPECT_EQ(rfc3339(0), "1970-01-01T00:00:00Z");
}

TEST(Table, PadsColumnsLikeDockersTabwriter) {
    Table t({"REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"});
    t.add_row({"busybox", "latest", "0123456789ab", "2 hours ago", "4.26MB"});
    t.add_row({"127.0.0.1:5000/layered", "v1", "ba9876543210", "About a minute ago", "1.2kB"});
    EXPECT_EQ(t.str(),
              "REPOSITORY               TAG       IMAGE ID       CREATED              SIZE\n"
              "busybox                  latest    0123456789ab   2 hours ago          4.26MB\n"
              "127.0.0.1:5000/layered   v1        ba9876543210   About a minute ago   1.2kB\n");
}
