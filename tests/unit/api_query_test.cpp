#include <gtest/gtest.h>

#include "api/query.h"

using namespace berth;
using namespace berth::api;

TEST(Query, DecodesPercentAndPlus) {
    auto q = Query::parse("fromImage=127.0.0.1%3A5000%2Fbusybox&tag=latest&x=a+b&empty=&flag");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->get("fromImage"), "127.0.0.1:5000/busybox");
    EXPECT_EQ(q->get("tag"), "latest");
    EXPECT_EQ(q->get("x"), "a b");
    EXPECT_EQ(q->get("empty"), "");
    EXPECT_TRUE(q->has("flag"));
    EXPECT_FALSE(q->get("missing"));
}

TEST(Query, FirstValueWinsAndAllKeepsEvery) {
    auto q = Query::parse("a=1&a=2");
    ASSERT_TRUE(q);
    EXPECT_EQ(q->get("a"), "1");
    EXPECT_EQ(q->all("a").size(), 2u);
}

TEST(Query, BoolValueFollowsDocker) {
    auto q = Query::parse("t1=1&t2=true&t3=yes&f1=0&f2=false&f3=no&f4=none&f5=");
    ASSERT_TRUE(q);
    for (auto k : {"t1", "t2", "t3"}) EXPECT_TRUE(q->get_bool(k)) << k;
    for (auto k : {"f1", "f2", "f3", "f4", "f5", "absent"}) EXPECT_FALSE(q->get_bool(k)) << k;
}

TEST(Query, IntegerParameters) {
    auto q = Query::parse("n=42&bad=4x");
    ASSERT_TRUE(q);
    EXPECT_EQ(*q->get_int("n", 0), 42);
    EXPECT_EQ(*q->get_int("absent", 7), 7);
    auto bad = q->get_int("bad", 0);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().kind, ErrorKind::InvalidArgument);
}

TEST(Query, RejectsBrokenEscapes) {
    EXPECT_FALSE(Query::parse("a=%zz"));
    EXPECT_FALSE(Query::parse("a=%4"));
}

TEST(Filters, ParsesCurrentForm) {
    auto f = Filters::parse(R"({"dangling":["true"],"label":["a=b","c"]})");
    ASSERT_TRUE(f);
    EXPECT_EQ(*f->get_bool("dangling"), std::optional<bool>(true));
    EXPECT_EQ(f->values("label").size(), 2u);
}

TEST(Filters, ParsesLegacyMapForm) {
    auto f = Filters::parse(R"({"dangling":{"true":true},"reference":{"busybox*":true,"off":false}})");
    ASSERT_TRUE(f);
    EXPECT_EQ(*f->get_bool("dangling"), std::optional<bool>(true));
    EXPECT_EQ(f->values("reference"), (std::set<std::string>{"busybox*"}));
}

TEST(Filters, EmptyTextIsNoFilters) {
    auto f = Filters::parse("");
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->empty());
    EXPECT_EQ(*f->get_bool("dangling"), std::optional<bool>());
}

TEST(Filters, TruncatedOrWrongJsonIsInvalidArgument) {
    for (auto text : {R"({"dangling":[)", "[1,2]", R"({"a":1})", R"({"a":[1]})"}) {
        auto f = Filters::parse(text);
        ASSERT_FALSE(f) << text;
        EXPECT_EQ(f.error().kind, ErrorKind::InvalidArgument) << text;
    }
}

TEST(Filters, UnknownKeysAreRefusedWithDockersWording) {
    auto f = Filters::parse(R"({"bogus":["x"]})");
    ASSERT_TRUE(f);
    auto v = f->validate({"dangling"});
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().message(), "invalid filter 'bogus'");
}

TEST(Filters, BoolFilterRejectsOtherValues) {
    auto f = Filters::parse(R"({"dangling":["maybe"]})");
    ASSERT_TRUE(f);
    EXPECT_FALSE(f->get_bool("dangling"));
}

TEST(Filters, LabelsMatchKeyOrKeyValue) {
    auto f = Filters::parse(R"({"label":["a","b=2"]})");
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->match_labels("label", {{"a", "x"}, {"b", "2"}}));
    EXPECT_FALSE(f->match_labels("label", {{"a", "x"}, {"b", "3"}}));
    EXPECT_FALSE(f->match_labels("label", {{"b", "2"}}));
}
