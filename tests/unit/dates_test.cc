#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/resolve.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> DateRules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    Diagnostics d;
    auto r = RuleSet::Compile(
        {
            {"t/months.lex",
             "September | month=9\nJuly | month=7\nMarch | month=3\n"
             "November | month=11\n"},
            {"t/weekdays.lex", "Monday | weekday=1\n"},
            {"t/date_relatives.lex",
             "last year | relative=-1 unit=year\n"
             "this year | relative=0 unit=year\n"
             "yesterday | relative=-1 unit=day\n"},
        },
        &d);
    EXPECT_TRUE(r) << d.ToString();
    return r;
  }();
  return rules;
}

// The ISO date all of `text` expresses, against publication date `anchor`.
std::string Parse(const std::string& text, const std::string& anchor) {
  auto rules = DateRules();
  if (!rules) {
    ADD_FAILURE() << "rules did not compile";
    return "<no rules>";
  }
  Segmentation seg = rules->segmenter().Segment(text);
  std::vector<LexiconHit> hits;
  rules->FindLexiconHits(seg, text, &hits);
  Normalizer normalizer(*rules);
  return normalizer.ParseDate(
      text, seg, hits, {0, static_cast<uint32_t>(seg.tokens.size())}, anchor);
}

TEST(ParseDateTest, FullDateNeedsNoAnchor) {
  EXPECT_EQ(Parse("March 3, 2025", "2025-03-03"), "2025-03-03");
  EXPECT_EQ(Parse("March 3, 2025", ""), "2025-03-03");
}

TEST(ParseDateTest, WeekdayOnTheAnchorIsTheAnchor) {
  EXPECT_EQ(Parse("Monday", "2025-03-03"), "2025-03-03");  // a Monday
}

TEST(ParseDateTest, WeekdayIsTheLatestSuchDayBeforeTheAnchor) {
  EXPECT_EQ(Parse("Monday", "2025-03-05"), "2025-03-03");  // a Wednesday
}

TEST(ParseDateTest, WeekdayAcrossAMonthBoundary) {
  EXPECT_EQ(Parse("Monday", "2025-03-01"), "2025-02-24");  // a Saturday
}

TEST(ParseDateTest, MonthLastYear) {
  EXPECT_EQ(Parse("September last year", "2024-11-22"), "2023-09");
}

TEST(ParseDateTest, MonthThisYear) {
  EXPECT_EQ(Parse("July this year", "2024-11-22"), "2024-07");
}

TEST(ParseDateTest, MonthAndDayNotAfterTheAnchorIsThisYear) {
  EXPECT_EQ(Parse("November 21", "2024-11-22"), "2024-11-21");
}

TEST(ParseDateTest, MonthAndDayAfterTheAnchorIsLastYear) {
  EXPECT_EQ(Parse("November 21", "2024-11-20"), "2023-11-21");
}

TEST(ParseDateTest, LastYearIsAYear) {
  EXPECT_EQ(Parse("last year", "2024-11-22"), "2023");
}

TEST(ParseDateTest, YesterdayIsTheDayBeforeTheAnchor) {
  EXPECT_EQ(Parse("yesterday", "2024-11-22"), "2024-11-21");
  EXPECT_EQ(Parse("yesterday", "2025-01-01"), "2024-12-31");
}

TEST(ParseDateTest, BareYear) {
  EXPECT_EQ(Parse("1986", "2024-11-22"), "1986");
  EXPECT_EQ(Parse("1986", ""), "1986");
}

TEST(ParseDateTest, MonthAndYear) {
  EXPECT_EQ(Parse("September 2023", ""), "2023-09");
}

TEST(ParseDateTest, RelativeDatesWithoutAnchorAreNeverGuessed) {
  EXPECT_EQ(Parse("Monday", ""), "");
  EXPECT_EQ(Parse("September last year", ""), "");
  EXPECT_EQ(Parse("November 21", ""), "");
  EXPECT_EQ(Parse("last year", ""), "");
  EXPECT_EQ(Parse("yesterday", ""), "");
}

TEST(ParseDateTest, TextWithoutADateIsEmpty) {
  EXPECT_EQ(Parse("the company said", "2024-11-22"), "");
}

}  // namespace
}  // namespace newsgraph
