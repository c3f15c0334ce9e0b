#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/resolve.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> ValueRules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    Diagnostics d;
    auto r = RuleSet::Compile(
        {
            {"t/scales.lex",
             "million | scale=1000000\nbillion | scale=1000000000\n"
             "mln | scale=1000000\ntrillion | scale=1000000000000\n"},
            {"t/currencies.lex",
             "yuan | currency=CNY\ndlrs => dollars | currency=USD\n"
             "$ => dollars | currency=USD\n"
             "cts => cents | currency=USD factor=0.01\n"},
            {"t/percent_signs.lex",
             "% => percent | percent=yes\npct => percent | percent=yes\n"},
            {"t/number_words.lex",
             "one | value=1\ntriple-digit | min=100 max=999 percent=yes\n"},
            {"t/bounds.lex",
             "more than | bound=min\nabout | bound=approx\nup to | bound=max\n"},
        },
        &d);
    EXPECT_TRUE(r) << d.ToString();
    return r;
  }();
  return rules;
}

// The quantity all of `text` expresses.
Quantity Parse(const std::string& text) {
  auto rules = ValueRules();
  if (!rules) {
    ADD_FAILURE() << "rules did not compile";
    return {};
  }
  Segmentation seg = rules->segmenter().Segment(text);
  std::vector<LexiconHit> hits;
  rules->FindLexiconHits(seg, text, &hits);
  Normalizer normalizer(*rules);
  return normalizer.ParseQuantity(
      text, seg, hits, {0, static_cast<uint32_t>(seg.tokens.size())});
}

TEST(ParseQuantityTest, ScaleWordMultipliesTheNumber) {
  Quantity q = Parse("46 million");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 46000000.0);
  EXPECT_EQ(q.unit_code, "");
  EXPECT_FALSE(q.min.has_value());
  EXPECT_FALSE(q.max.has_value());
  EXPECT_FALSE(q.approximate);
}

TEST(ParseQuantityTest, NumberWordScaleAndCurrency) {
  Quantity q = Parse("one billion yuan");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 1000000000.0);
  EXPECT_EQ(q.unit_code, "CNY");
  EXPECT_EQ(q.unit_text, "yuan");
}

TEST(ParseQuantityTest, PercentSignIsP1) {
  Quantity q = Parse("29%");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 29.0);
  EXPECT_EQ(q.unit_code, "P1");
  EXPECT_EQ(q.unit_text, "percent");
}

TEST(ParseQuantityTest, PctIsP1) {
  Quantity q = Parse("29 pct");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 29.0);
  EXPECT_EQ(q.unit_code, "P1");
  EXPECT_EQ(q.unit_text, "percent");
}

TEST(ParseQuantityTest, AbbreviatedScaleAndCurrencyUseCanonicalUnitText) {
  Quantity q = Parse("1.5 mln dlrs");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 1500000.0);
  EXPECT_EQ(q.unit_code, "USD");
  EXPECT_EQ(q.unit_text, "dollars");
}

TEST(ParseQuantityTest, DollarSignBeforeTheNumber) {
  Quantity q = Parse("$5.2 billion");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 5200000000.0);
  EXPECT_EQ(q.unit_code, "USD");
  EXPECT_EQ(q.unit_text, "dollars");
}

TEST(ParseQuantityTest, CentsAreHundredthsOfADollar) {
  Quantity q = Parse("98 cts");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 0.98);
  EXPECT_EQ(q.unit_code, "USD");
}

TEST(ParseQuantityTest, DecimalTimesScaleHasNoBinaryNoise) {
  Quantity q = Parse("4.2 billion yuan");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 4200000000.0);  // exactly, not 4200000000.000001
  EXPECT_EQ(q.unit_code, "CNY");
  // Every figure with two decimals, in millions, billions and trillions,
  // is the number it says (8.54 billion is not 8539999999.999999).
  for (int cents = 1; cents < 10000; ++cents) {
    const std::string figure = std::to_string(cents / 100) + "." +
                               std::to_string(cents % 100 / 10) + std::to_string(cents % 10);
    for (auto [scale, zeros] : {std::pair{"mln", 4}, {"billion", 7}, {"trillion", 10}}) {
      const Quantity v = Parse(figure + " " + scale + " dlrs");
      ASSERT_TRUE(v.value.has_value()) << figure;
      const std::string want = std::to_string(cents) + std::string(zeros, '0');
      EXPECT_EQ(*v.value, std::stod(want)) << figure << " " << scale;
    }
  }
}

TEST(ParseQuantityTest, MoreThanIsALowerBound) {
  Quantity q = Parse("more than 46 million");
  EXPECT_FALSE(q.value.has_value());
  ASSERT_TRUE(q.min.has_value());
  EXPECT_EQ(*q.min, 46000000.0);
  EXPECT_FALSE(q.max.has_value());
}

TEST(ParseQuantityTest, UpToIsAnUpperBound) {
  Quantity q = Parse("up to 5%");
  EXPECT_FALSE(q.value.has_value());
  EXPECT_FALSE(q.min.has_value());
  ASSERT_TRUE(q.max.has_value());
  EXPECT_EQ(*q.max, 5.0);
  EXPECT_EQ(q.unit_code, "P1");
}

TEST(ParseQuantityTest, AboutIsApproximate) {
  Quantity q = Parse("about 230 mln dlrs");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 230000000.0);
  EXPECT_TRUE(q.approximate);
  EXPECT_EQ(q.unit_code, "USD");
}

TEST(ParseQuantityTest, TripleDigitIsARangeOfPercent) {
  Quantity q = Parse("triple-digit");
  EXPECT_FALSE(q.value.has_value());
  ASSERT_TRUE(q.min.has_value());
  ASSERT_TRUE(q.max.has_value());
  EXPECT_EQ(*q.min, 100.0);
  EXPECT_EQ(*q.max, 999.0);
  EXPECT_EQ(q.unit_code, "P1");
}

TEST(ParseQuantityTest, HyphenatedRangeIsScaledAtBothEnds) {
  Quantity q = Parse("45-50 mln dlrs");
  EXPECT_FALSE(q.value.has_value());
  ASSERT_TRUE(q.min.has_value());
  ASSERT_TRUE(q.max.has_value());
  EXPECT_EQ(*q.min, 45000000.0);
  EXPECT_EQ(*q.max, 50000000.0);
  EXPECT_EQ(q.unit_code, "USD");
}

TEST(ParseQuantityTest, TextWithoutANumberHasNoAmount) {
  Quantity q = Parse("the company said profits fell");
  EXPECT_FALSE(q.value.has_value());
  EXPECT_FALSE(q.min.has_value());
  EXPECT_FALSE(q.max.has_value());
}

// A longer lexicon hit that says nothing of an amount does not hide a
// shorter one at the same token that does.
TEST(ParseQuantityTest, HitsWithoutAmountAttributesAreSkipped) {
  Diagnostics d;
  auto rules = RuleSet::Compile({{"t/scales.lex", "million | scale=1000000\n"},
                                 {"t/phrases.lex", "million dollars | topic=money\n"}},
                                &d);
  ASSERT_TRUE(rules) << d.ToString();
  const std::string text = "5 million dollars";
  Segmentation seg = rules->segmenter().Segment(text);
  std::vector<LexiconHit> hits;
  rules->FindLexiconHits(seg, text, &hits);
  ASSERT_EQ(hits.size(), 2u);
  Normalizer normalizer(*rules);
  Quantity q = normalizer.ParseQuantity(text, seg, hits, {0, 3});
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 5000000.0);
}

TEST(ParseQuantityTest, NumbersLongerThanAnyAmountStillParse) {
  std::string digits = "1";
  for (int i = 0; i < 23; ++i) digits += ",000";  // 93 characters, 1e69
  Quantity q = Parse(digits);
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, std::round(1e69 * 1e6) / 1e6);
}

TEST(ParseQuantityTest, ThousandsSeparatorsAreIgnored) {
  Quantity q = Parse("1,300,000 yuan");
  ASSERT_TRUE(q.value.has_value());
  EXPECT_EQ(*q.value, 1300000.0);
  EXPECT_EQ(q.unit_code, "CNY");
}

}  // namespace
}  // namespace newsgraph
