#include <gtest/gtest.h>

#include "api/time_format.h"

using namespace berth::api;

TEST(TimeFormat, Rfc3339NanoDropsTrailingZeros) {
    EXPECT_EQ(format_rfc3339_nano(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(format_rfc3339_nano(1700000000LL * 1000000000 + 500000000), "2023-11-14T22:13:20.5Z");
    EXPECT_EQ(format_rfc3339_nano(1700000000LL * 1000000000 + 123456789), "2023-11-14T22:13:20.123456789Z");
}

TEST(TimeFormat, ParsesRfc3339WithZoneAndFraction) {
    EXPECT_EQ(*parse_rfc3339("2023-11-14T22:13:20Z"), 1700000000LL * 1000000000);
    EXPECT_EQ(*parse_rfc3339("2023-11-14T23:13:20.25+01:00"), 1700000000LL * 1000000000 + 250000000);
    EXPECT_FALSE(parse_rfc3339("2023-11-14 22:13:20"));
    EXPECT_FALSE(parse_rfc3339("yesterday"));
}

TEST(TimeFormat, TimestampsAreUnixSecondsWithFractionOrRfc3339) {
    EXPECT_EQ(*parse_timestamp("1700000000"), 1700000000LL * 1000000000);
    EXPECT_EQ(*parse_timestamp("1700000000.000000001"), 1700000000LL * 1000000000 + 1);
    EXPECT_EQ(*parse_timestamp("1700000000.5"), 1700000000LL * 1000000000 + 500000000);
    EXPECT_EQ(*parse_timestamp("2023-11-14T22:13:20Z"), 1700000000LL * 1000000000);
    auto bad = parse_timestamp("10 minutes ago");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, berth::ErrorKind::InvalidArgument);
}
