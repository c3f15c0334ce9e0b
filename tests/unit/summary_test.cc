// The closing line of a run, which people read and scripts grep.
#include <gtest/gtest.h>

#include "newsgraph/batch.h"
#include "newsgraph/text.h"

namespace newsgraph {
namespace {

TEST(Counted, OneIsSingularEveryOtherCountPlural) {
  EXPECT_EQ(Counted(0, "change"), "0 changes");
  EXPECT_EQ(Counted(1, "change"), "1 change");
  EXPECT_EQ(Counted(2, "change"), "2 changes");
  EXPECT_EQ(Counted(11, "observation"), "11 observations");
}

TEST(FormatSummary, CountsEachFamilyWithItsOwnNumber) {
  BatchStats s;
  s.read = 3;
  s.succeeded = 2;
  s.failed = 1;
  s.memberships = 1;
  s.changes = 1;
  s.observations = 4;
  s.bytes = 2'500'000;
  s.seconds = 1.25;
  EXPECT_EQ(FormatSummary(s, false),
            "newsgraph: 3 read, 2 succeeded, 1 failed, 0 skipped; 1 membership, 1 change, "
            "4 observations; 2.50 MB in 1.25 s (2.00 MB/s, 2 documents/s)");
}

TEST(FormatSummary, SmallRunsInKilobytesAndMilliseconds) {
  BatchStats s;
  s.read = s.succeeded = 1;
  s.bytes = 4'210;
  s.seconds = 0.0021;
  EXPECT_EQ(FormatSummary(s, false),
            "newsgraph: 1 read, 1 succeeded, 0 failed, 0 skipped; 0 memberships, 0 changes, "
            "0 observations; 4.2 kB in 2.1 ms (2.00 MB/s, 476 documents/s)");
}

TEST(FormatSummary, NoRateForARunThatTookNoMeasurableTime) {
  BatchStats s;
  EXPECT_EQ(FormatSummary(s, false),
            "newsgraph: 0 read, 0 succeeded, 0 failed, 0 skipped; 0 memberships, 0 changes, "
            "0 observations; 0.0 kB in 0.0 ms (0.00 MB/s, 0 documents/s)");
}

TEST(FormatSummary, PushesOnlyWhenPushing) {
  BatchStats s;
  s.pushed = 2;
  s.push_failed = 1;
  EXPECT_EQ(FormatSummary(s, false).find("pushed"), std::string::npos);
  std::string line = FormatSummary(s, true);
  EXPECT_NE(line.find("; 2 pushed, 1 push failure"), std::string::npos) << line;
  EXPECT_EQ(line.back(), 'e') << line;
}

}  // namespace
}  // namespace newsgraph
