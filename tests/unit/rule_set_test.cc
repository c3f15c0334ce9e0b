#include "newsgraph/rules.h"

#include <gtest/gtest.h>

#include <set>

#include "newsgraph/annotate.h"

namespace newsgraph {
namespace {

using Files = std::vector<RuleSet::SourceFile>;

std::shared_ptr<const RuleSet> CompileOrDie(const Files& files) {
  Diagnostics d;
  auto rules = RuleSet::Compile(files, &d);
  EXPECT_TRUE(rules) << d.ToString();
  return rules;
}

std::string Errors(const Files& files) {
  Diagnostics d;
  auto rules = RuleSet::Compile(files, &d);
  EXPECT_FALSE(rules) << "expected errors";
  return d.ToString();
}

// A rule file with one entity rule that emits HIT for the capture `x`.
Files OneRule(const std::string& pattern, Files extra = {}) {
  extra.push_back({"t/test.rules", "rule t.hit\n  family: entity\n  pattern: " +
                                       pattern + "\n  emit: HIT(span=x)\n"});
  return extra;
}

// The texts of the HIT mentions found in `text`.
std::vector<std::string> Hits(const std::shared_ptr<const RuleSet>& rules,
                              const std::string& text) {
  Annotator annotator(rules);
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = annotator.Annotate(doc, seg);
  std::vector<std::string> out;
  int hit = rules->FindEntityType("HIT");
  for (const auto& m : ann.mentions)
    if (m.type == hit) out.push_back(text.substr(m.span.begin, m.span.size()));
  return out;
}

using Strings = std::vector<std::string>;

TEST(RuleSetTest, LiteralInDoubleQuotesIgnoresCase) {
  auto rules = CompileOrDie(OneRule("x:\"said\""));
  EXPECT_EQ(Hits(rules, "He said, SAID and Said."), (Strings{"said", "SAID", "Said"}));
}

TEST(RuleSetTest, LiteralInSingleQuotesKeepsCase) {
  auto rules = CompileOrDie(OneRule("x:'Said'"));
  EXPECT_EQ(Hits(rules, "He said, SAID and Said."), (Strings{"Said"}));
}

TEST(RuleSetTest, MultiWordLiteralIsASequence) {
  auto rules = CompileOrDie(OneRule("x:\"take over\""));
  EXPECT_EQ(Hits(rules, "It will take over Acme, not take it over."),
            (Strings{"take over"}));
}

TEST(RuleSetTest, RegexMustMatchTheWholeToken) {
  auto rules = CompileOrDie(OneRule("x:/\\d+/"));
  EXPECT_EQ(Hits(rules, "1688 and 88VIP and 42"), (Strings{"1688", "42"}));
}

TEST(RuleSetTest, RegexWithIFlagIgnoresCase) {
  auto rules = CompileOrDie(OneRule("x:/acme/i"));
  EXPECT_EQ(Hits(rules, "ACME and Acme and acmes"), (Strings{"ACME", "Acme"}));
}

TEST(RuleSetTest, UnicodeClassesWorkForAsciiAndNonAsciiTokens) {
  // ASCII tokens and the others go through different regex sets.
  auto rules = CompileOrDie(OneRule("x:/\\p{Lu}\\p{L}+/"));
  EXPECT_EQ(Hits(rules, "Émile met acme, émile and Acme in Zürich."),
            (Strings{"Émile", "Acme", "Zürich"}));
}

TEST(RuleSetTest, ShapeCutsRunsAtFour) {
  auto rules = CompileOrDie(OneRule("x:shape:Xxxxx"));
  // Okafor is Xxxxx; Okonkwo, Xxxxxxx, is cut to Xxxxx; Chen is Xxxx.
  EXPECT_EQ(Hits(rules, "Chen met Okafor and Okonkwo"),
            (Strings{"Okafor", "Okonkwo"}));
}

TEST(RuleSetTest, TokensSeenBeforeManyOthersMatchAsTheFirstTime) {
  // What a token's text gives is cached per thread; thousands of distinct
  // tokens make the cache grow and move its entries. A token met before that
  // and after it must match the same, and one never met must not.
  auto rules = CompileOrDie(OneRule("x:/Zq\\d+/"));
  std::string text = "Zq7 opens.";
  for (int i = 0; i < 20000; ++i) text += " w" + std::to_string(i);
  text += ". Zq7 closes, Zq8 too, zq9 not.";
  EXPECT_EQ(Hits(rules, text), (Strings{"Zq7", "Zq7", "Zq8"}));
  EXPECT_EQ(Hits(rules, "Zq7 and w19999 again."), (Strings{"Zq7"}));
}

TEST(RuleSetTest, LexiconMatchesWholeEntriesCaseInsensitively) {
  Files lex = {{"t/titles.lex", "chief executive officer\nchief executive\n"}};
  auto rules = CompileOrDie(OneRule("x:@titles", lex));
  EXPECT_EQ(Hits(rules, "The Chief Executive Officer and the chief executive."),
            (Strings{"Chief Executive Officer", "chief executive"}));
}

TEST(RuleSetTest, LexiconElementNeverMatchesPartOfAnEntry) {
  Files lex = {{"t/titles.lex", "chief executive officer\n"}};
  auto rules = CompileOrDie(OneRule("x:(@titles \"officer\")", lex));
  EXPECT_TRUE(Hits(rules, "the chief executive officer officer").size() == 1);
  EXPECT_TRUE(Hits(rules, "the chief executive officer").empty());
}

// The names of the lexicons of the hits in `text`, one per hit.
std::multiset<std::string> HitLexicons(const std::shared_ptr<const RuleSet>& rules,
                                       const std::string& text) {
  Segmentation seg = rules->segmenter().Segment(text);
  std::vector<LexiconHit> hits;
  rules->FindLexiconHits(seg, text, &hits);
  std::multiset<std::string> names;
  for (const auto& h : hits) names.insert(rules->lexicons()[h.lexicon].name);
  return names;
}

TEST(RuleSetTest, OnlyLexiconsWhoseHitsSomethingReadsGiveHits) {
  Files files = OneRule("x:@named", {{"t/plain.lex", "acme\n"},
                                     {"t/named.lex", "acme corp\nacme\n"},
                                     {"t/attr.lex", "acme | size=1\n"},
                                     {"t/canon.lex", "acme => Acme Corp\n"},
                                     {"t/typed.lex", "@entity THING\nacme\n"},
                                     {"t/list_separators.lex", "and\n"}});
  auto rules = CompileOrDie(files);
  EXPECT_EQ(HitLexicons(rules, "acme corp and acme"),
            (std::multiset<std::string>{"attr", "attr", "canon", "canon", "list_separators",
                                        "named", "named", "typed", "typed"}));
  // The plain word list is still there for the stages that read its entries.
  EXPECT_GE(rules->FindLexicon("plain"), 0);
}

TEST(RuleSetTest, OneWordLexiconsMatchWithoutHits) {
  // Lexicons that only patterns read, of one-token entries, match by the
  // token's text (ignoring case unless @case-sensitive) and give no hits.
  Files files = OneRule("x:(@words [@upper] !@words)",
                        {{"t/words.lex", "acme\nglobex\n"},
                         {"t/upper.lex", "@case-sensitive\nNorth\n"}});
  auto rules = CompileOrDie(files);
  EXPECT_EQ(Hits(rules, "ACME North ships, Globex North sells, acme north waits."),
            (Strings{"ACME North ships", "Globex North sells"}));
  EXPECT_TRUE(HitLexicons(rules, "acme North globex").empty());
}

// A sentence's tokens are kept as bit sets of 64 per word: a long sentence
// (up to the segmenter's 200 tokens) takes several words, and what a rule
// sees there must be what it sees in a short one, on either side of each
// word's edge.
TEST(RuleSetTest, SentencesOfMoreThan64TokensMatchAsShortOnes) {
  Files files = OneRule("x:(@titles [/\\p{Lu}.*/ !@titles]) \"said\"",
                        {{"t/titles.lex", "chief executive\n"}});
  auto rules = CompileOrDie(files);
  EXPECT_EQ(Hits(rules, "Chief executive Okafor said so."), (Strings{"Chief executive Okafor"}));
  const std::string phrase = "chief executive Okafor said";
  for (int length : {63, 190})
    for (int before : {0, 58, 59, 61, 62, 63, 64, 125, 126, 127, 150}) {
      if (before + 4 >= length) continue;
      std::string text;
      for (int i = 0; i < before; ++i) text += "w ";
      text += phrase;
      for (int i = before + 4; i < length; ++i) text += " w";
      text += ".";
      EXPECT_EQ(Hits(rules, text), (Strings{"chief executive Okafor"}))
          << before << " tokens before, " << length << " in all";
    }
}

TEST(RuleSetTest, EntityTypeMatchesAWholeMention) {
  Files lex = {{"t/people.lex", "@entity PERSON\nMaria Chen\n"}};
  auto rules = CompileOrDie(OneRule("x:(PERSON \"said\")", lex));
  EXPECT_EQ(Hits(rules, "Maria Chen said so."), (Strings{"Maria Chen said"}));
}

TEST(RuleSetTest, NegatedTestsAndConjunctionApplyToOneToken) {
  auto rules = CompileOrDie(OneRule("x:[/\\p{Lu}.*/ !\"The\"]+"));
  EXPECT_EQ(Hits(rules, "The Acme Cloud unit"), (Strings{"Acme Cloud"}));
}

TEST(RuleSetTest, AlternationOptionalAndBoundedRepetition) {
  auto rules = CompileOrDie(OneRule("x:((\"a\" | \"b\") \"c\"? \"d\"{1,2})"));
  EXPECT_EQ(Hits(rules, "a d . b c d d . a d d d"),
            (Strings{"a d", "b c d d", "a d d"}));
}

TEST(RuleSetTest, AnyTokenAndPlus) {
  auto rules = CompileOrDie(OneRule("x:(\"from\" _+ \"to\")"));
  EXPECT_EQ(Hits(rules, "from here to there"), (Strings{"from here to"}));
}

TEST(RuleSetTest, StartAnchorMatchesOnlyAtSentenceStart) {
  auto rules = CompileOrDie(OneRule("^ x:/\\p{Lu}.*/"));
  EXPECT_EQ(Hits(rules, "Acme rose. Then Beta fell."), (Strings{"Acme", "Then"}));
}

TEST(RuleSetTest, CaptureNameMayRecurInAlternatives) {
  auto rules = CompileOrDie(OneRule("(\"a\" x:\"b\" | x:\"c\" \"d\")"));
  EXPECT_EQ(Hits(rules, "a b and c d"), (Strings{"b", "c"}));
}

// The matcher skips a rule when the sentence lacks, in order, what every
// match must hold (its chain): these cases must still match, and order
// must still count.
TEST(RuleSetTest, ChainOfRequiredTokensKeepsEveryRealMatch) {
  // Branches of different lengths and kinds: one of their first tokens.
  auto alt = CompileOrDie(OneRule("x:((\"b\" \"c\" | PERSON | @colors) \"d\")",
                                  {{"t/people.lex", "@entity PERSON\nMaria Chen\n"},
                                   {"t/colors.lex", "dark red\n"}}));
  EXPECT_EQ(Hits(alt, "b c d"), (Strings{"b c d"}));
  EXPECT_EQ(Hits(alt, "Maria Chen d"), (Strings{"Maria Chen d"}));
  EXPECT_EQ(Hits(alt, "dark red d"), (Strings{"dark red d"}));
  EXPECT_TRUE(Hits(alt, "d b c").empty());
  // A branch that may match nothing makes the whole alternation optional.
  auto empty = CompileOrDie(OneRule("x:((\"q\"? | \"b\") \"d\")"));
  EXPECT_EQ(Hits(empty, "then d"), (Strings{"d"}));
  // Optional and starred parts require nothing; a repeated part once.
  auto opt = CompileOrDie(OneRule("x:(\"a\"? \"b\"* \"c\"{2,3} _ \"e\")"));
  EXPECT_EQ(Hits(opt, "c c x e"), (Strings{"c c x e"}));
  EXPECT_EQ(Hits(opt, "a b c c c z e"), (Strings{"a b c c c z e"}));
  // The same token may serve where tests overlap, but order counts: "d"
  // before "a" is no match of "a" ... "d".
  auto order = CompileOrDie(OneRule("x:(\"a\" _* \"d\")"));
  EXPECT_TRUE(Hits(order, "d then a").empty());
  EXPECT_EQ(Hits(order, "a then d"), (Strings{"a then d"}));
  auto whole = CompileOrDie(OneRule("x:(PERSON \"said\" PERSON)",
                                    {{"t/people.lex", "@entity PERSON\nAl\nBo\n"}}));
  EXPECT_EQ(Hits(whole, "said Al Bo . Al said . Al said Bo"), (Strings{"Al said Bo"}));
}

// A rule is looked up by what every match needs: here, one of three words
// rarer than "the". Each of them must bring the rule to the sentence, and an
// alternative that needs no particular word ([!"foo"]) any sentence.
TEST(RuleSetTest, RulesRunWhicheverAlternativeTheSentenceHolds) {
  auto words = CompileOrDie(OneRule("x:(\"the\" (\"unit\" | \"subsidiary\" | \"division\") \"of\")"));
  EXPECT_EQ(Hits(words, "the unit of"), (Strings{"the unit of"}));
  EXPECT_EQ(Hits(words, "the subsidiary of"), (Strings{"the subsidiary of"}));
  EXPECT_EQ(Hits(words, "the division of"), (Strings{"the division of"}));
  EXPECT_TRUE(Hits(words, "the arm of").empty());
  auto open = CompileOrDie(OneRule("x:(\"the\" (\"subsidiary\" | [!\"foo\"]) \"of\")"));
  EXPECT_EQ(Hits(open, "the arm of"), (Strings{"the arm of"}));
  EXPECT_TRUE(Hits(open, "the foo of").empty());
}

// Which match, and which tokens a capture gets, when a pattern could match
// in more than one way: the longest match from a start; then, for the
// captures, greedy repetitions and earlier alternatives first; a capture
// in a repetition keeps its last round.
TEST(RuleSetTest, LongestMatchThenGreedyAndEarlierFirstForCaptures) {
  // The first alternative is shorter, but the longest match wins.
  auto alt = CompileOrDie(OneRule("x:(\"a\" | \"a\" \"b\")"));
  EXPECT_EQ(Hits(alt, "a b"), (Strings{"a b"}));
  // Greedy: x takes all it can and leaves the rest what it must.
  auto greedy = CompileOrDie(OneRule("x:_* \"b\" _*"));
  EXPECT_EQ(Hits(greedy, "p b q b r"), (Strings{"p b q"}));
  // Two optional tokens, one "a": the first takes it.
  auto first = CompileOrDie(OneRule("x:\"a\"? \"a\"? \"c\""));
  EXPECT_EQ(Hits(first, "a c"), (Strings{"a"}));
  // Repetitions, counted or not: the last round.
  auto last = CompileOrDie(OneRule("(x:_ \"/\")+ \"end\""));
  EXPECT_EQ(Hits(last, "p / q / end"), (Strings{"q"}));
  auto counted = CompileOrDie(OneRule("(x:_ \"/\"){1,3} \"end\""));
  EXPECT_EQ(Hits(counted, "p / q / r / end"), (Strings{"r"}));
  // A repeated part that may match nothing still ends.
  auto nullable = CompileOrDie(OneRule("(x:/[a-z]/?)* \"end\""));
  EXPECT_EQ(Hits(nullable, "p q end"), (Strings{"q"}));
}

TEST(RuleSetTest, EndAnchorMatchesOnlyAtSentenceEnd) {
  auto rules = CompileOrDie(OneRule("x:/\\p{Lu}.*/ $"));
  EXPECT_EQ(Hits(rules, "Acme rose Beta. Then Gamma"), (Strings{"Gamma"}));
}

TEST(RuleSetTest, MacrosExpandWithinTheirFile) {
  Files files = {{"t/m.rules",
                  "define $ab = (\"a\" \"b\")\n"
                  "rule t.hit\n  family: entity\n  pattern: x:($ab \"c\")\n"
                  "  emit: HIT(span=x)\n"}};
  auto rules = CompileOrDie(files);
  EXPECT_EQ(Hits(rules, "a b c"), (Strings{"a b c"}));
}

// --- conflict policy ---------------------------------------------------

Files TwoRules(const std::string& a, int pa, const std::string& b, int pb) {
  return {{"t/two.rules",
           "rule t.a\n  family: entity\n  priority: " + std::to_string(pa) +
               "\n  pattern: x:(" + a + ")\n  emit: AAA(span=x)\n"
               "rule t.b\n  family: entity\n  priority: " +
               std::to_string(pb) + "\n  pattern: x:(" + b +
               ")\n  emit: BBB(span=x)\n"}};
}

std::vector<std::string> Typed(const std::shared_ptr<const RuleSet>& rules,
                               const std::string& text) {
  Annotator annotator(rules);
  Document doc{text, {}};
  Segmentation seg = rules->segmenter().Segment(text);
  Annotation ann = annotator.Annotate(doc, seg);
  std::vector<std::string> out;
  for (const auto& m : ann.mentions)
    out.push_back(rules->entity_type_names()[m.type] + ":" +
                  text.substr(m.span.begin, m.span.size()));
  return out;
}

TEST(ConflictPolicyTest, LongestMatchWinsOverPriority) {
  auto rules = CompileOrDie(TwoRules("\"a\" \"b\"", 0, "\"a\"", 100));
  EXPECT_EQ(Typed(rules, "a b"), (Strings{"AAA:a b"}));
}

TEST(ConflictPolicyTest, PriorityBreaksTiesInLength) {
  auto rules = CompileOrDie(TwoRules("\"a\" \"b\"", 1, "\"a\" \"b\"", 2));
  EXPECT_EQ(Typed(rules, "a b"), (Strings{"BBB:a b"}));
}

TEST(ConflictPolicyTest, EarlierStartBreaksTiesInLengthAndPriority) {
  auto rules = CompileOrDie(TwoRules("\"a\" \"b\"", 0, "\"b\" \"c\"", 0));
  EXPECT_EQ(Typed(rules, "a b c"), (Strings{"AAA:a b"}));
}

TEST(ConflictPolicyTest, EarlierRuleBreaksFullTies) {
  auto rules = CompileOrDie(TwoRules("\"a\"", 0, "\"a\"", 0));
  EXPECT_EQ(Typed(rules, "a"), (Strings{"AAA:a"}));
}

// --- diagnostics -------------------------------------------------------

TEST(RuleDiagnosticsTest, UnknownLexiconNamesFileLineAndColumn) {
  std::string e = Errors({{"r/x.rules",
                           "rule t.x\n  family: entity\n  pattern: x:@nosuch\n"
                           "  emit: HIT(span=x)\n"}});
  EXPECT_NE(e.find("r/x.rules:3:14: error: unknown lexicon '@nosuch'"),
            std::string::npos)
      << e;
}

TEST(RuleDiagnosticsTest, BadRegexIsReported) {
  std::string e = Errors(OneRule("x:/a(b/"));
  EXPECT_NE(e.find("bad regex /a(b/"), std::string::npos) << e;
}

// ASCII tokens are matched by a rewrite of each regex without Unicode
// properties; an error is still told of the regex as written.
TEST(RuleDiagnosticsTest, BadRegexWithAPropertyIsReportedAsWritten) {
  std::string e = Errors(OneRule("x:/\\p{Lu}(/"));
  EXPECT_NE(e.find("bad regex /\\p{Lu}(/: missing ): \\p{Lu}("), std::string::npos) << e;
  e = Errors(OneRule("x:/\\p{NoSuchThing}/"));
  EXPECT_NE(e.find("invalid character class range: \\p{NoSuchThing}"), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, UnusedAndUnknownCapturesAreReported) {
  std::string e = Errors({{"r/x.rules",
                           "rule t.x\n  family: entity\n  pattern: y:\"a\"\n"
                           "  emit: HIT(span=x)\n"}});
  EXPECT_NE(e.find("unknown capture 'x'"), std::string::npos) << e;
  EXPECT_NE(e.find("capture 'y' is never used"), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, OverlapIsYesOrNoAndForRelationRulesOnly) {
  std::string e = Errors({{"r/x.rules",
                           "rule t.x\n  family: entity\n  overlap: yes\n  pattern: x:\"a\"\n"
                           "  emit: HIT(span=x)\n"
                           "rule t.y\n  family: membership\n  overlap: maybe\n  pattern: x:\"a\"\n"
                           "  emit: membership(member=x)\n"}});
  EXPECT_NE(e.find("r/x.rules:1:1: error: rule 't.x': overlap: is for relation rules"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("r/x.rules:8:12: error: overlap must be yes or no, not 'maybe'"),
            std::string::npos)
      << e;
}

TEST(RuleDiagnosticsTest, DuplicateIdPointsAtTheFirst) {
  std::string rule =
      "rule t.x\n  family: entity\n  pattern: x:\"a\"\n  emit: HIT(span=x)\n";
  std::string e = Errors({{"r/x.rules", rule + rule}});
  EXPECT_NE(e.find("r/x.rules:5:6: error: duplicate rule id 't.x' (first defined at r/x.rules:1)"),
            std::string::npos)
      << e;
}

TEST(RuleDiagnosticsTest, MacroCycleIsReported) {
  std::string e = Errors({{"r/x.rules",
                           "define $a = $b\ndefine $b = $a\n"
                           "rule t.x\n  family: entity\n  pattern: x:$a\n"
                           "  emit: HIT(span=x)\n"}});
  EXPECT_NE(e.find("macro cycle"), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, EveryErrorIsReportedNotJustTheFirst) {
  std::string e = Errors({{"r/x.rules",
                           "rule t.x\n  family: nonsense\n  pattern: x:\"a\"\n"
                           "  emit: HIT(span=x)\n"
                           "rule t.y\n  family: entity\n  pattern: (\"a\"\n"
                           "  emit: HIT\n"
                           "rule t.z\n  family: membership\n  pattern: p:PERSON\n"
                           "  emit: membership(member=p, status=\"sleeping\")\n"}});
  EXPECT_NE(e.find("r/x.rules:2:11: error: unknown family 'nonsense'"), std::string::npos) << e;
  EXPECT_NE(e.find("r/x.rules:7:12: error: unclosed '('"), std::string::npos) << e;
  EXPECT_NE(e.find("'sleeping' is not a valid status"), std::string::npos) << e;
  EXPECT_NE(e.find("membership needs role="), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, BrokenMacroIsReportedOnceNotAtEveryUse) {
  std::string e = Errors({{"r/x.rules",
                           "define $m = (\"a\" # no comments here\n"
                           "rule t.x\n  family: entity\n  pattern: x:$m\n"
                           "  emit: HIT(span=x)\n"}});
  EXPECT_NE(e.find("r/x.rules:1:18: error: unexpected '#'"), std::string::npos) << e;
  EXPECT_EQ(e.find("unknown capture"), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, PatternThatMatchesNothingIsAnError) {
  std::string e = Errors(OneRule("x:\"a\"?"));
  EXPECT_NE(e.find("pattern can match no token"), std::string::npos) << e;
}

TEST(RuleDiagnosticsTest, PatternTooLargeOnceExpandedIsAnError) {
  EXPECT_NE(Errors(OneRule("x:(_{1000}){1000}")).find("pattern is too large"),
            std::string::npos);
}

TEST(RuleDiagnosticsTest, MalformedLexiconLinesAreReported) {
  std::string e = Errors({{"r/l.lex", "@entity\nfoo => \nbar | k\n@frobnicate\n"}});
  EXPECT_NE(e.find("r/l.lex:1:1: error: @entity needs a type"), std::string::npos) << e;
  EXPECT_NE(e.find("r/l.lex:2:5: error: '=>' must be followed by a canonical form"),
            std::string::npos)
      << e;
  EXPECT_NE(e.find("r/l.lex:3:7: error: expected key=value"), std::string::npos) << e;
  EXPECT_NE(e.find("r/l.lex:4:1: error: unknown directive '@frobnicate'"),
            std::string::npos)
      << e;
}

TEST(RuleDiagnosticsTest, MissingDirectoryIsAnError) {
  Diagnostics d;
  EXPECT_FALSE(RuleSet::LoadDirectory("/nonexistent/rules", &d));
  EXPECT_NE(d.ToString().find("/nonexistent/rules: error: not a rules directory"),
            std::string::npos)
      << d.ToString();
}

TEST(BuiltinRulesTest, LoadWithoutErrors) {
  Diagnostics d;
  auto rules = RuleSet::LoadBuiltin(&d);
  ASSERT_TRUE(rules) << d.ToString();
  EXPECT_GT(rules->rules().size(), 10u);
  EXPECT_GE(rules->FindLexicon("titles"), 0);
}

}  // namespace
}  // namespace newsgraph

namespace newsgraph {
namespace {

// Each kind of malformed rule file gives one precise diagnostic.
struct BadCase {
  const char* name;
  const char* file;
  const char* content;
  const char* diagnostic;
};

class MalformedRuleFileTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(MalformedRuleFileTest, GivesAPreciseDiagnostic) {
  const BadCase& c = GetParam();
  Diagnostics d;
  EXPECT_FALSE(RuleSet::Compile({{c.file, c.content}}, &d));
  EXPECT_NE(d.ToString().find(c.diagnostic), std::string::npos)
      << "got:\n" << d.ToString();
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, MalformedRuleFileTest,
    ::testing::Values(
        BadCase{"UnknownProperty", "r/a.rules",
                "rule t.x\n  family: entity\n  patern: x:\"a\"\n",
                "r/a.rules:3:3: error: unknown rule property 'patern'"},
        BadCase{"TextOutsideARule", "r/a.rules", "pattern: \"a\"\n",
                "r/a.rules:1:1: error: expected 'rule ID' or 'define $name = ...'"},
        BadCase{"BadRuleId", "r/a.rules", "rule bad id!\n",
                "r/a.rules:1:6: error: a rule needs an id"},
        BadCase{"UnterminatedString", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:\"abc\n  emit: A(span=x)\n",
                "r/a.rules:3:14: error: unterminated string"},
        BadCase{"UnterminatedRegex", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:/abc\n  emit: A(span=x)\n",
                "r/a.rules:3:14: error: unterminated regex"},
        BadCase{"BadRepetition", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:\"a\"{3,1}\n  emit: A(span=x)\n",
                "r/a.rules:3:17: error: bad repetition '{3,1}'"},
        BadCase{"TwoQuantifiers", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:\"a\"+?\n  emit: A(span=x)\n",
                "r/a.rules:3:18: error: two quantifiers in a row"},
        BadCase{"BareWord", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:said\n  emit: A(span=x)\n",
                "r/a.rules:3:14: error: unknown token test 'said' (words are written in quotes"},
        BadCase{"UnknownEntityType", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:GIZMO\n  emit: A(span=x)\n",
                "r/a.rules:3:14: error: unknown entity type 'GIZMO'"},
        BadCase{"UnknownEmitKind", "r/a.rules",
                "rule t.x\n  family: membership\n  pattern: x:PERSON\n  emit: friendship(a=x)\n",
                "r/a.rules:4:9: error: unknown emit kind 'friendship'"},
        BadCase{"UnknownEmitArgument", "r/a.rules",
                "rule t.x\n  family: reports\n  pattern: a:PERSON b:PERSON\n"
                "  emit: reports(member=a, boss=b, salary=a)\n",
                "r/a.rules:4:35: error: unknown argument 'salary' for reports"},
        BadCase{"EmitSyntax", "r/a.rules",
                "rule t.x\n  family: reports\n  pattern: a:PERSON b:PERSON\n"
                "  emit: reports(member=a boss=b)\n",
                "r/a.rules:4:26: error: expected ',' or ')'"},
        BadCase{"EntityEmitInRelationRule", "r/a.rules",
                "rule t.x\n  family: reports\n  pattern: a:PERSON b:PERSON\n"
                "  emit: reports(member=a, boss=b)\n  emit: PERSON(span=a)\n",
                "r/a.rules:5:9: error: a reports rule cannot emit an entity"},
        BadCase{"ExpectWithoutExample", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:\"a\"\n  emit: A(span=x)\n"
                "  expect: x=\"a\"\n",
                "r/a.rules:5:11: error: expect: must follow an example:"},
        BadCase{"ConfidenceOutOfRange", "r/a.rules",
                "rule t.x\n  family: entity\n  confidence: 1.5\n  pattern: x:\"a\"\n"
                "  emit: A(span=x)\n",
                "r/a.rules:3:15: error: confidence must be within [0, 1]"},
        BadCase{"UnknownMacro", "r/a.rules",
                "rule t.x\n  family: entity\n  pattern: x:$nope\n  emit: A(span=x)\n",
                "r/a.rules:3:14: error: unknown macro '$nope'"},
        BadCase{"LexiconDuplicateAcrossFolders", "r/lexicons/a.lex", "x\n@priority high\n",
                "r/lexicons/a.lex:2:11: error: @priority needs an integer"},
        BadCase{"LexiconBadEntityType", "r/lexicons/a.lex", "@entity lower\nx\n",
                "r/lexicons/a.lex:1:1: error: entity types are written in capitals"},
        BadCase{"LexiconUnterminatedAttribute", "r/lexicons/a.lex", "x | k=\"open\n",
                "r/lexicons/a.lex:1:7: error: unterminated quoted value"}),
    [](const ::testing::TestParamInfo<BadCase>& p) { return p.param.name; });

// Every entry of the default lexicons is read into the same words whether
// or not PhraseWords takes its shortcut for a word of ASCII letters.
TEST(RuleSetTest, DefaultLexiconEntriesAreSegmentedAsTheSegmenterWould) {
  Diagnostics d;
  auto rules = RuleSet::LoadBuiltin(&d);
  ASSERT_TRUE(rules) << d.ToString();
  size_t entries = 0;
  for (const Lexicon& lex : rules->lexicons()) {
    for (const auto& e : lex.entries) {
      Segmentation seg = rules->segmenter().Segment(e.surface);
      std::vector<std::string> norms, texts;
      for (const Token& t : seg.tokens) {
        norms.emplace_back(seg.norm(t));
        texts.emplace_back(TokenText(e.surface, t));
      }
      EXPECT_EQ(rules->segmenter().PhraseWords(e.surface, false), norms) << lex.file << ": " << e.surface;
      EXPECT_EQ(rules->segmenter().PhraseWords(e.surface, true), texts) << lex.file << ": " << e.surface;
      ++entries;
    }
  }
  EXPECT_GT(entries, 1000u);
}

}  // namespace
}  // namespace newsgraph
