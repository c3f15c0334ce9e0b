#include "newsgraph/names.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace newsgraph {
namespace {

using Strings = std::vector<std::string>;

std::shared_ptr<const RuleSet> NameRules() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    Diagnostics d;
    auto r = RuleSet::Compile(
        {
            {"t/abbreviations.lex", "Ltd. | final=yes\nInc. | final=yes\n"},
            {"t/legal_suffixes.lex",
             "Ltd. => Ltd.\nLtd => Ltd.\nLimited\nHolding Limited\nInc => Inc.\n"
             "Inc. => Inc.\nCo Ltd => Co., Ltd.\nCorp.\nL.P.\n"},
            {"t/known_names.lex",
             "@entity ORGANIZATION\nFreeport-McMoRan Resource Partners L.P.\n"
             "Big Blue => International Business Machines Corp. | type=ORGANIZATION\n"
             "Bill Gates | type=PERSON\n"},
            {"t/org_designators.lex", "Group\nHoldings\n"},
            {"t/alias_stopwords.lex", "General\n"},
            {"t/determiners.lex", "the\n"},
            {"t/acronym_skip.lex", "of\nand\n"},
        },
        &d);
    EXPECT_TRUE(r) << d.ToString();
    return r;
  }();
  return rules;
}

class NameFormsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(NameRules()); }
  NameForms forms_{*NameRules()};
};

TEST_F(NameFormsTest, LegalSuffixIsSpelledTheLexiconsWay) {
  EXPECT_EQ(forms_.SpellLegalSuffix("Acme Inc"), "Acme Inc.");
  EXPECT_EQ(forms_.SpellLegalSuffix("ACME INC."), "ACME Inc.");
  EXPECT_EQ(forms_.SpellLegalSuffix("Acme Ltd"), "Acme Ltd.");
  EXPECT_EQ(forms_.SpellLegalSuffix("Lotus Co Ltd"), "Lotus Co., Ltd.");
  // Without "=>" the article's spelling stays, and so does a name that is
  // only a suffix or has none.
  EXPECT_EQ(forms_.SpellLegalSuffix("Acme Limited"), "Acme Limited");
  EXPECT_EQ(forms_.SpellLegalSuffix("Acme Group"), "Acme Group");
  EXPECT_EQ(forms_.SpellLegalSuffix("Inc"), "Inc");
}

TEST_F(NameFormsTest, KnownNamesGiveOneNameWhateverTheSpelling) {
  const std::string frp = "Freeport-McMoRan Resource Partners L.P.";
  EXPECT_EQ(forms_.KnownName("Freeport-Mcmoran Resource Partners Ltd", true), frp);
  EXPECT_EQ(forms_.KnownName("Freeport-McMoRan Resource Partners", true), frp);
  EXPECT_EQ(forms_.KnownName("Big Blue", true), "International Business Machines Corp.");
  EXPECT_EQ(forms_.KnownName("International Business Machines", true),
            "International Business Machines Corp.");
  EXPECT_EQ(forms_.KnownName("bill gates", false), "Bill Gates");
  // The type must agree, and other names are unknown.
  EXPECT_EQ(forms_.KnownName("Bill Gates", true), "");
  EXPECT_EQ(forms_.KnownName("Freeport Partners", true), "");
}

TEST_F(NameFormsTest, InitialsSkipLegalSuffixAndConnectors) {
  EXPECT_EQ(forms_.Initials("Imperial Chemical Industries Ltd."), "ici");
  EXPECT_EQ(forms_.Initials("Bank of Boston Inc"), "bb");
  EXPECT_EQ(forms_.Initials("Acme Inc"), "");  // one word left: no acronym
  EXPECT_EQ(forms_.Initials("3 Rivers Ltd."), "");
  // With the suffix's initial: only for a name that has a legal suffix.
  EXPECT_EQ(forms_.SuffixedInitials("Federal Deposit Insurance Ltd."), "fdil");
  EXPECT_EQ(forms_.SuffixedInitials("Bank of Boston Inc"), "bbi");
  EXPECT_EQ(forms_.SuffixedInitials("Federal Deposit Insurance"), "");
}

// ---- Slug ---------------------------------------------------------------

TEST(SlugTest, LowerCasesAndJoinsWordsWithHyphens) {
  EXPECT_EQ(Slug("Chief Executive Officer"), "chief-executive-officer");
}

TEST(SlugTest, CollapsesRunsOfSpaceAndTrimsEnds) {
  EXPECT_EQ(Slug("  Northwind  Holdings "), "northwind-holdings");
}

TEST(SlugTest, KeepsNonAsciiLettersLowerCased) {
  EXPECT_EQ(Slug("Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale"),
            "soci\xC3\xA9t\xC3\xA9-g\xC3\xA9n\xC3\xA9rale");
}

TEST(SlugTest, PunctuationRunsBecomeOneHyphen) {
  EXPECT_EQ(Slug("A.B.C. & D"), "a-b-c-d");
}

TEST(SlugTest, DigitsAreKept) { EXPECT_EQ(Slug("1688"), "1688"); }

TEST(SlugTest, NothingButPunctuationGivesEmptySlug) {
  EXPECT_EQ(Slug(" - & . "), "");
}

// ---- NameForms ----------------------------------------------------------

TEST_F(NameFormsTest, WordsAreLowerCaseNormalForms) {
  EXPECT_EQ(forms_.Words("Northwind Holdings Ltd."),
            (Strings{"northwind", "holdings", "ltd."}));
}

TEST_F(NameFormsTest, LastWordIsAsWrittenAndPointsIntoTheName) {
  const std::string name = "Jiang \u201cFan\u201d";  // curly quotes stay as written
  std::string_view last = forms_.LastWord(name);
  EXPECT_EQ(last, "\u201d");
  const std::string plain = "Mary-Ann O\u2019Neill";
  last = forms_.LastWord(plain);
  EXPECT_EQ(last, "O\u2019Neill");  // not its normal form, o'neill
  EXPECT_EQ(last.data(), plain.data() + plain.size() - last.size());
  EXPECT_EQ(forms_.LastWord(""), "");
}

TEST_F(NameFormsTest, StripLegalSuffixDropsAbbreviatedSuffix) {
  EXPECT_EQ(forms_.StripLegalSuffix("Northwind Holdings Ltd."),
            "Northwind Holdings");
}

TEST_F(NameFormsTest, StripLegalSuffixPrefersTheLongestSuffix) {
  EXPECT_EQ(forms_.StripLegalSuffix("Alibaba Group Holding Limited"),
            "Alibaba Group");
}

TEST_F(NameFormsTest, StripLegalSuffixLeavesNameWithoutSuffixAlone) {
  EXPECT_EQ(forms_.StripLegalSuffix("Northwind Holdings"),
            "Northwind Holdings");
}

TEST_F(NameFormsTest, StripLegalSuffixDropsCommaBeforeSuffix) {
  EXPECT_EQ(forms_.StripLegalSuffix("Acme, Inc."), "Acme");
}

TEST_F(NameFormsTest, CoreDropsSuffixAndDesignators) {
  EXPECT_EQ(forms_.Core("Alibaba Group Holding Limited"), "Alibaba");
  EXPECT_EQ(forms_.Core("Northwind Holdings Ltd."), "Northwind");
}

TEST_F(NameFormsTest, CoreIsNeverEmpty) {
  EXPECT_EQ(forms_.Core("Group"), "Group");
  EXPECT_EQ(forms_.Core("Group Holdings"), "Group");
}

TEST_F(NameFormsTest, KeyIgnoresLegalSuffixAndCaseForOrganizations) {
  EXPECT_EQ(forms_.Key("Northwind Holdings Ltd.", true),
            forms_.Key("northwind holdings", true));
}

TEST_F(NameFormsTest, KeyIgnoresLeadingThe) {
  EXPECT_EQ(forms_.Key("The Acme", false), forms_.Key("Acme", false));
}

TEST_F(NameFormsTest, KeyKeepsDistinctNamesApart) {
  EXPECT_NE(forms_.Key("Northwind Holdings", true),
            forms_.Key("Northwind Group", true));
  EXPECT_NE(forms_.Key("Wu Wei", false), forms_.Key("Li Wei", false));
}

TEST_F(NameFormsTest, SplitGivesTheWordsOfEachFormAndTheKey) {
  for (const std::string name : {"Alibaba Group Holding Limited", "Northwind Holdings Ltd.",
                                 "Acme, Inc.", "Group Holdings", "The Acme", ""}) {
    SCOPED_TRACE(name);
    for (bool org : {false, true}) {
      const NameForms::Parts parts = forms_.Split(name, org);
      // Copies first: the views last until the next call.
      const Strings words(parts.words.begin(), parts.words.end());
      const Strings stripped(parts.stripped.begin(), parts.stripped.end());
      const Strings core(parts.core.begin(), parts.core.end());
      const std::string key(parts.key);
      EXPECT_EQ(words, forms_.Words(name));
      EXPECT_EQ(stripped, forms_.Words(forms_.StripLegalSuffix(name)));
      EXPECT_EQ(core, forms_.Words(forms_.Core(name)));
      EXPECT_EQ(key, forms_.Key(name, org));
    }
  }
  const NameForms::Parts parts = forms_.Split("Alibaba Group Holding Limited", true);
  EXPECT_EQ(std::vector<std::string>(parts.core.begin(), parts.core.end()), Strings{"alibaba"});
}

TEST_F(NameFormsTest, AppendKeyAddsToWhatIsThere) {
  std::string out = "1:";
  forms_.AppendKey("Northwind Holdings Ltd.", true, &out);
  EXPECT_EQ(out, "1:" + forms_.Key("Northwind Holdings Ltd.", true));
}

TEST_F(NameFormsTest, AliasStopwordsComeFromTheLexicon) {
  EXPECT_TRUE(forms_.IsAliasStopword("general"));
  EXPECT_FALSE(forms_.IsAliasStopword("northwind"));
}

// Analyses are cached per instance (a few per thread). Instances built from
// different rules, used in turn, more of them than a thread keeps caches
// for, each still answer by their own rules.
TEST(NameFormsCacheTest, InterleavedInstancesAnswerByTheirOwnRules) {
  auto compile = [](const std::string& suffixes) {
    Diagnostics d;
    auto r = RuleSet::Compile({{"t/legal_suffixes.lex", suffixes}}, &d);
    EXPECT_TRUE(r) << d.ToString();
    return r;
  };
  auto ltd = compile("Ltd.\n");
  auto holdings = compile("Holdings\n");
  ASSERT_TRUE(ltd && holdings);
  std::vector<std::unique_ptr<NameForms>> forms;
  for (int i = 0; i < 6; ++i) forms.push_back(std::make_unique<NameForms>(i % 2 ? *holdings : *ltd));
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 6; ++i) {
      SCOPED_TRACE("instance " + std::to_string(i) + ", round " + std::to_string(round));
      const bool strips = i % 2 == 1;
      EXPECT_EQ(forms[i]->StripLegalSuffix("Northwind Holdings"),
                strips ? "Northwind" : "Northwind Holdings");
      EXPECT_EQ(forms[i]->Key("Northwind Holdings", true),
                strips ? "northwind" : "northwind holdings");
    }
  }
}

}  // namespace
}  // namespace newsgraph
