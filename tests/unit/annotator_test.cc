#include "newsgraph/annotate.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Rules(std::vector<RuleSet::SourceFile> files) {
  Diagnostics d;
  auto r = RuleSet::Compile(files, &d);
  EXPECT_TRUE(r) << d.ToString();
  return r;
}

// "TYPE:text" for every mention.
std::vector<std::string> Mentions(const std::shared_ptr<const RuleSet>& rules,
                                  const std::string& text) {
  Annotator a(rules);
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = a.Annotate(doc, seg);
  std::vector<std::string> out;
  for (const auto& m : ann.mentions) {
    out.push_back(rules->entity_type_names()[m.type] + ":" +
                  text.substr(m.span.begin, m.span.size()) +
                  (m.alias_of >= 0 ? "->" + std::to_string(m.alias_of) : ""));
  }
  return out;
}

using Strings = std::vector<std::string>;

const RuleSet::SourceFile kPersonRule = {
    "t/p.rules",
    "rule p\n  family: entity\n  pattern: x:(@given [/\\p{Lu}\\p{Ll}+/ !ENTITY])\n"
    "  emit: PERSON(span=x)\n"
    "rule o\n  family: entity\n  pattern: x:([/\\p{Lu}\\p{Ll}+/ !ENTITY]+ @suffix)\n"
    "  emit: ORGANIZATION(span=x)\n"};

TEST(AnnotatorTest, EntityLexiconHitsBecomeMentionsWithCanonicalForms) {
  auto rules = Rules({{"t/titles.lex", "@entity ROLE\nCEO => Chief Executive Officer\n"}});
  Annotator a(rules);
  std::string text = "The CEO spoke.";
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = a.Annotate(doc, seg);
  ASSERT_EQ(ann.mentions.size(), 1u);
  EXPECT_EQ(ann.mentions[0].canonical, "Chief Executive Officer");
  EXPECT_EQ(ann.mentions[0].type, entity_type::kRole);
}

TEST(AnnotatorTest, AnEntrysTypeOverridesItsLexicons) {
  auto rules = Rules({{"t/names.lex", "@entity ORGANIZATION\nBill Gates | type=PERSON\nAcme\n"},
                      {"t/words.lex", "Redmond | type=PLACE\nsaid\n"}});
  EXPECT_EQ(Mentions(rules, "Bill Gates said Acme moved to Redmond."),
            (Strings{"PERSON:Bill Gates", "ORGANIZATION:Acme", "PLACE:Redmond"}));
}

TEST(AnnotatorTest, LongerLexiconEntityWinsOverShorter) {
  auto rules = Rules({{"t/a.lex", "@entity ROLE\nchief executive\n"},
                      {"t/b.lex", "@entity ROLE\nchief executive officer\n"}});
  EXPECT_EQ(Mentions(rules, "Our chief executive officer left."),
            (Strings{"ROLE:chief executive officer"}));
}

TEST(AnnotatorTest, SurnameAndShortCompanyNameBecomeAliases) {
  auto rules = Rules({{"t/given.lex", "Maria\n"},
                      {"t/suffix.lex", "Ltd.\nHoldings\n"},
                      {"t/legal_suffixes.lex", "Ltd.\n"},
                      {"t/org_designators.lex", "Holdings\n"},
                      {"t/abbreviations.lex", "Ltd. | final=yes\n"},
                      kPersonRule});
  EXPECT_EQ(Mentions(rules,
                     "Maria Chen joined Northwind Holdings Ltd. in May. Chen "
                     "said Northwind grew."),
            (Strings{"PERSON:Maria Chen", "ORGANIZATION:Northwind Holdings Ltd.",
                     "PERSON:Chen->0", "ORGANIZATION:Northwind->1"}));
}

TEST(AnnotatorTest, AmbiguousShortFormsAreLeftAlone) {
  auto rules = Rules({{"t/given.lex", "Maria\nJohn\n"}, kPersonRule,
                      {"t/suffix.lex", "Ltd.\n"}});
  // Two people named Chen: "Chen" alone names neither.
  EXPECT_EQ(Mentions(rules, "Maria Chen and John Chen met. Chen left."),
            (Strings{"PERSON:Maria Chen", "PERSON:John Chen"}));
}

TEST(AnnotatorTest, TheLongestShortFormWins) {
  auto rules = Rules({{"t/given.lex", "Maria\n"},
                      {"t/suffix.lex", "Ltd.\n"},
                      {"t/legal_suffixes.lex", "Ltd.\n"},
                      {"t/org_designators.lex", "Holdings\n"},
                      {"t/abbreviations.lex", "Ltd. | final=yes\n"},
                      kPersonRule});
  EXPECT_EQ(Mentions(rules, "Northwind Holdings Ltd. rose. Northwind Holdings and Northwind fell."),
            (Strings{"ORGANIZATION:Northwind Holdings Ltd.", "ORGANIZATION:Northwind Holdings->0",
                     "ORGANIZATION:Northwind->0"}));
}

TEST(AnnotatorTest, ShortFormsOfOneDocumentDoNotCarryOverToTheNext) {
  auto rules = Rules({{"t/given.lex", "Maria\n"}, kPersonRule, {"t/suffix.lex", "Ltd.\n"}});
  EXPECT_EQ(Mentions(rules, "Maria Chen spoke. Chen left."),
            (Strings{"PERSON:Maria Chen", "PERSON:Chen->0"}));
  EXPECT_EQ(Mentions(rules, "Chen left."), Strings{});
}

TEST(AnnotatorTest, LaterStageMentionReplacesTheOnesItContains) {
  auto rules = Rules(
      {{"t/titles.lex", "@entity ROLE\nchief\n"},
       {"t/r.rules",
        "rule big\n  family: entity\n  stage: 2\n  pattern: x:(\"acting\" ROLE)\n"
        "  emit: ROLE(span=x)\n"}});
  EXPECT_EQ(Mentions(rules, "the acting chief"), (Strings{"ROLE:acting chief"}));
}

TEST(AnnotatorTest, MentionCrossingAnEarlierOneIsDropped) {
  auto rules = Rules(
      {{"t/titles.lex", "@entity ROLE\nchief executive\n"},
       {"t/r.rules",
        "rule cross\n  family: entity\n  stage: 2\n  pattern: x:(\"executive\" \"board\")\n"
        "  emit: THING(span=x)\n"}});
  EXPECT_EQ(Mentions(rules, "the chief executive board"),
            (Strings{"ROLE:chief executive"}));
}

TEST(AnnotatorTest, PronounEntriesAreFlagged) {
  auto rules = Rules({{"t/pronouns.lex", "he | type=PERSON pronoun=yes\n"}});
  Annotator a(rules);
  std::string text = "He left.";
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = a.Annotate(doc, seg);
  ASSERT_EQ(ann.mentions.size(), 1u);
  EXPECT_TRUE(ann.mentions[0].pronoun);
  EXPECT_EQ(ann.mentions[0].type, entity_type::kPerson);
}

TEST(CaptureReaderTest, CanonicalAttributeAndText) {
  auto rules = Rules({{"t/verbs.lex", "acquired => acquire | change=acquisition\n"}});
  Annotator a(rules);
  std::string text = "Acme acquired Beta.";
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = a.Annotate(doc, seg);
  CaptureReader reader(*rules, text, seg, ann);
  EXPECT_EQ(reader.Text({1, 2}), "acquired");
  EXPECT_EQ(reader.Canonical({1, 2}), "acquire");
  EXPECT_EQ(reader.Attribute({0, 3}, "change"), "acquisition");
  EXPECT_EQ(reader.Canonical({0, 1}), "Acme");
}

}  // namespace
}  // namespace newsgraph
