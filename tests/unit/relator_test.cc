#include "newsgraph/relate.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Rules() {
  Diagnostics d;
  auto r = RuleSet::Compile(
      {{"t/list_separators.lex", ",\nand\nas well as\n"},
       {"t/orgs.lex", "@entity ORGANIZATION\nAcme\nBeta Corp\n"},
       {"t/verbs.lex", "integrate | change=integration\n"},
       {"t/r.rules",
        "rule merge\n  family: change\n  confidence: 0.7\n"
        "  pattern: res:ORG @verbs orig:(_+)\n"
        "  emit: change(original=orig, resulting=res, type=verbs_type)\n"
        "  emit: change(original=orig, resulting=res, type=\"merger\")\n"}},
      &d);
  EXPECT_FALSE(r) << "verbs_type is no capture: expected an error";
  r = RuleSet::Compile(
      {{"t/list_separators.lex", ",\nand\nas well as\n"},
       {"t/orgs.lex", "@entity ORGANIZATION\nAcme\nBeta Corp\n"},
       {"t/verbs.lex", "integrate | change=integration\n"},
       {"t/r.rules",
        "rule merge\n  family: change\n  confidence: 0.7\n"
        "  pattern: res:ORG \"will\"? v:@verbs orig:(_+)\n"
        "  emit: change(original=orig, resulting=res, type=v.change)\n"}},
      &d);
  EXPECT_TRUE(r) << d.ToString();
  return r;
}

TEST(RelatorTest, ListArgumentSplitsIntoMentionsAndRuns) {
  auto rules = Rules();
  std::string text = "Acme will integrate Beta Corp, 1688 as well as Xianyu Games";
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = Annotator(rules).Annotate(doc, seg);
  auto rels = Relator(rules).Relate(doc, seg, ann);
  ASSERT_EQ(rels.size(), 1u);
  const Relation& r = rels[0];
  EXPECT_EQ(r.family, Family::kChange);
  EXPECT_DOUBLE_EQ(r.confidence, 0.7);
  EXPECT_EQ(r.Find("type")->value, "integration");
  const RelationArg* orig = r.Find("original");
  ASSERT_TRUE(orig && orig->captured);
  std::vector<std::string> items;
  for (const auto& item : orig->items) {
    uint32_t b = seg.tokens[item.tokens.begin].span.begin;
    uint32_t e = seg.tokens[item.tokens.end - 1].span.end;
    items.push_back(text.substr(b, e - b) + (item.mention >= 0 ? "*" : ""));
  }
  EXPECT_EQ(items, (std::vector<std::string>{"Beta Corp*", "1688", "Xianyu Games"}));
  EXPECT_EQ(text.substr(r.evidence.begin, r.evidence.size()), text);
}

}  // namespace
}  // namespace newsgraph
