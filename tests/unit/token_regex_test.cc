#include <gtest/gtest.h>
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "newsgraph/unicode.h"
#include "rules/internal.h"

namespace newsgraph {
namespace {

std::unique_ptr<RE2> Latin1(const std::string& regex) {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(regex, o);
  EXPECT_TRUE(re->ok()) << regex << ": " << re->error();
  return re;
}

// ASCII texts: every character alone and after a capital, and the kinds of
// token the rules read.
std::vector<std::string> AsciiTexts() {
  std::vector<std::string> texts;
  for (int c = 0; c < 128; ++c) {
    texts.push_back(std::string(1, static_cast<char>(c)));
    texts.push_back("A" + std::string(1, static_cast<char>(c)));
    texts.push_back(std::string(1, static_cast<char>(c)) + "b");
  }
  for (const char* t : {"Okafor", "okafor", "OKAFOR", "U.S.", "3M", "88VIP", "e-commerce",
                        "O'Brien", "HK$", "Texas-based", "1,300", "4.2", "Q3", "Inc.",
                        "AT&T", "x", "", "Chief", "MacDonald", "de", "1688", "2024"})
    texts.push_back(t);
  return texts;
}

// What the Latin-1 token-regex set is given for ASCII tokens must match
// exactly what the regex as written matches, for every form of property
// the rule language allows (and the rules' own regexes).
TEST(AsciiOnlyRegexTest, MatchesWhatTheRegexMatchesOnAsciiText) {
  const std::vector<std::string> regexes = {
      "\\p{Lu}", "\\p{Ll}", "\\p{L}", "\\p{N}", "\\pL+", "\\PL+", "\\P{Lu}", "\\p{^L}",
      "(?i)\\p{Lu}+", "[\\p{L}\\p{N}]+", "[^\\p{L}]", "[\\P{L}x]", "[\\p{L}-]+", "[-\\p{N}]+",
      "\\p{Greek}*", "\\p{Latin}+", "[[:alpha:]\\p{N}]+", "\\d+\\p{Lu}", "\\p{Zs}",
      "\\p{P}+", "\\p{S}", "\\p{Cc}",
      // From rules/patterns.
      "\\p{Lu}[\\p{L}\\p{N}&'\u2019.\\-]*",
      "\\p{Lu}[\\p{Ll}\\p{Lu}'\u2019\\-]*\\p{Ll}[\\p{L}'\u2019\\-]*",
      "\\p{Lu}[\\p{L}\\p{N}&'\u2019.\\-]*|\\d+\\p{Lu}[\\p{L}\\p{N}]*", "(\\p{Lu}\\.){1,3}",
      "\\p{Lu}\\p{Ll}{1,6}", "\\p{Lu}+", "\\p{Lu}\\."};
  for (const std::string& regex : regexes) {
    const std::string ascii = AsciiOnlyRegex(regex);
    EXPECT_EQ(ascii.find("\\p"), std::string::npos) << regex << " -> " << ascii;
    const auto as_written = Latin1(regex), rewritten = Latin1(ascii);
    for (const std::string& text : AsciiTexts())
      EXPECT_EQ(RE2::FullMatch(text, *rewritten), RE2::FullMatch(text, *as_written))
          << "/" << regex << "/ as /" << ascii << "/ on \"" << text << "\"";
  }
}

TEST(AsciiOnlyRegexTest, RegexesWithoutPropertiesAreLeftAsTheyAre) {
  for (const char* regex : {"[A-Z]{2,5}", "\\d[\\d,]*(\\.\\d+)?", ".*-based", "\\\\p", "[\\]p]"})
    EXPECT_EQ(AsciiOnlyRegex(regex), regex);
}

// Where a rewrite could change what RE2 says of the regex, or whether it
// is one, the regex is kept, so that the error a user sees is RE2's own.
TEST(AsciiOnlyRegexTest, WhatItCannotRewriteFaithfullyIsKept) {
  for (const char* regex : {"\\p{NoSuchProperty}", "[a-\\p{L}]", "[a-b-\\p{L}]",
                            "\\Q\\p{L}\\E", "\\p{L",
                            "[\\p{Greek}]", "x\\"})
    EXPECT_EQ(AsciiOnlyRegex(regex), regex);
}

std::unique_ptr<RE2> Utf8(const std::string& regex) {
  RE2::Options o;
  o.set_log_errors(false);
  auto re = std::make_unique<RE2>(regex, o);
  EXPECT_TRUE(re->ok()) << regex << ": " << re->error();
  return re;
}

std::string Utf8Of(char32_t c) {
  std::string s;
  AppendUtf8(c, &s);
  return s;
}

// Tokens with non-ASCII characters: every character of Latin-1, the Latin
// and Greek blocks and the punctuation news text has, samples of the rest up
// to the CJK block, and characters where the Unicode properties are less
// plain (letters beyond U+FFFF, titlecase, numbers that are not digits,
// combining marks); alone, after a capital, before a small letter, and in
// the kinds of token the rules read.
std::vector<std::string> NonAsciiTexts() {
  std::vector<char32_t> chars;
  for (char32_t c = 0x80; c < 0x600; ++c) chars.push_back(c);
  for (char32_t c = 0x2000; c < 0x2070; ++c) chars.push_back(c);
  for (char32_t c = 0x600; c < 0x3100; c += 13) chars.push_back(c);
  for (char32_t c : {0x01C5, 0x2160, 0x00B2, 0x0301, 0x212A, 0x017F, 0x4E00, 0xFF21, 0xFF41,
                     0xFF10, 0x10400, 0x10428, 0x1D400, 0x1D41A, 0x1F600, 0x1F1FA, 0x20AC, 0x10FFFD})
    chars.push_back(c);
  std::vector<std::string> texts;
  for (char32_t c : chars) {
    const std::string ch = Utf8Of(c);
    for (const std::string& t : {ch, "A" + ch, ch + "b", ch + ch, "Ab" + ch + "c", "1" + ch})
      texts.push_back(t);
  }
  for (const char* t : {"Müller", "ÉCOLE", "São", "O’Brien", "“Okafor", "’s", "Zürich-based",
                        "Ελλάδα", "МОСКВА", "€", "—", "1½", "Ⅻ", "Łódź", "ǅemal", "北京"})
    texts.push_back(t);
  return texts;
}

// The regexes of the rule language's forms and of rules/patterns that
// fold, each with the others' pieces, as they are in one rule set.
const std::vector<std::string>& FoldingRegexes() {
  static const std::vector<std::string> regexes = {
      "\\p{Lu}[\\p{L}\\p{N}&'\u2019.\\-]*",
      "\\p{Lu}[\\p{Ll}\\p{Lu}'\u2019\\-]*\\p{Ll}[\\p{L}'\u2019\\-]*",
      "\\p{Lu}[\\p{L}\\p{N}&'\u2019.\\-]*|\\d+\\p{Lu}[\\p{L}\\p{N}]*", "(\\p{Lu}\\.){1,3}",
      "\\p{Lu}\\p{Ll}{1,6}", "\\p{Lu}.*", "\\d*\\p{Lu}[\\p{Lu}\\d]+", "\\p{Ll}[\\p{Ll}\\-]*",
      ".*-based", "[^\\p{L}]+", "[^\u2019]*", "\\PL+", "[\\-\\p{L}]+", "[-\\p{N}]+",
      "\\p{L}{2}", ".", "..", "\\W+", "[[:^alpha:]]+", "[A-Z][a-z]*"};
  return regexes;
}

// A folded token matches a folded regex exactly when the token matches the
// regex as written, read as UTF-8: the regex sees each non-ASCII character
// as one byte that says which of the set's pieces hold it.
TEST(FoldedRegexTest, AFoldedTokenMatchesWhatTheTokenMatches) {
  std::vector<std::string> pieces;
  std::vector<std::string> folded;
  for (const std::string& regex : FoldingRegexes()) {
    const std::optional<std::string> f = FoldedRegex(regex, &pieces);
    ASSERT_TRUE(f) << regex;
    folded.push_back(*f);
  }
  ASSERT_LE(pieces.size(), 7u);
  RE2::Options o;
  o.set_log_errors(false);
  RE2::Set piece_set(o, RE2::ANCHOR_BOTH);
  for (const std::string& p : pieces) ASSERT_GE(piece_set.Add(p, nullptr), 0) << p;
  ASSERT_TRUE(piece_set.Compile());

  std::vector<std::string> texts = NonAsciiTexts();
  for (const std::string& t : AsciiTexts()) texts.push_back(t);
  for (size_t r = 0; r < folded.size(); ++r) {
    const auto as_written = Utf8(FoldingRegexes()[r]), rewritten = Latin1(folded[r]);
    for (const std::string& text : texts) {
      std::string f;
      ASSERT_TRUE(FoldToken(text, &piece_set, &f)) << text;
      ASSERT_EQ(f.size(), CountCodePoints(text)) << text;
      EXPECT_EQ(RE2::FullMatch(f, *rewritten), RE2::FullMatch(text, *as_written))
          << "/" << FoldingRegexes()[r] << "/ as /" << folded[r] << "/ on \"" << text << "\"";
    }
  }
}

// What folding cannot keep exact is left to the UTF-8 set: case-insensitive
// regexes ("(?i)k" matches U+212A, the Kelvin sign), escapes of non-ASCII
// characters, non-ASCII range ends, an eighth piece.
TEST(FoldedRegexTest, WhatWouldNotFoldExactlyIsRefused) {
  for (const char* regex : {"(?i)k", "(?i:\\p{Lu})", "a(?i)b", "\\351", "[\\x{e0}-\\x{ff}]",
                            "[\u00e0-\u00ff]+", "[a-\u00e9]", "\\C", "\\Q\u2019\\E",
                            "\\p{NoSuchProperty}", "[a-\\p{L}]", "\\p{L"}) {
    std::vector<std::string> pieces;
    EXPECT_FALSE(FoldedRegex(regex, &pieces)) << regex;
    EXPECT_TRUE(pieces.empty()) << regex;
  }
  std::vector<std::string> pieces;
  for (const char* regex : {"\\p{Lu}", "\\p{Ll}", "\\p{L}", "\\p{N}", "\u2019", "\u00e9", "\\p{P}"})
    ASSERT_TRUE(FoldedRegex(regex, &pieces)) << regex;
  EXPECT_EQ(pieces.size(), 7u);
  EXPECT_TRUE(FoldedRegex("\\p{Lu}+\u2019", &pieces));  // known pieces
  EXPECT_FALSE(FoldedRegex("\\p{S}", &pieces));        // an eighth
  EXPECT_EQ(pieces.size(), 7u);
  // ASCII escapes and flags other than i fold.
  for (const char* regex : {"\\x41\\x{42}\\d\\w\\s\\.", "(?s).*", "(?U)a+", "[\\x{2019}\\xe9]"})
    EXPECT_TRUE(FoldedRegex(regex, &pieces)) << regex;
}

// The set a rule set matches tokens with: folded regexes and ones that do
// not fold, on ASCII and non-ASCII tokens alike, give what each regex as
// written, read as UTF-8, gives.
TEST(TokenRegexesTest, MatchesWhatEachRegexMatches) {
  std::vector<std::string> regexes = FoldingRegexes();
  for (const char* r : {"(?i)k+", "(?i)\\p{Lu}\\p{Ll}", "[\u00e0-\u00ff]+", "\\x{212a}", "\\p{Greek}+"})
    regexes.push_back(r);
  TokenRegexes set;
  for (size_t i = 0; i < regexes.size(); ++i) {
    std::string error;
    ASSERT_EQ(set.Add(regexes[i], &error), static_cast<int>(i)) << regexes[i] << ": " << error;
  }
  ASSERT_TRUE(set.Compile());
  EXPECT_TRUE(set.folds(0));
  EXPECT_FALSE(set.folds(static_cast<int>(FoldingRegexes().size())));  // (?i)k+
  ASSERT_TRUE(set.Verify());
  std::vector<std::unique_ptr<RE2>> each;
  for (const std::string& r : regexes) each.push_back(Utf8(r));
  std::vector<std::string> texts = NonAsciiTexts();
  for (const std::string& t : AsciiTexts()) texts.push_back(t);
  for (const std::string& text : texts) {
    std::vector<int> got, want;
    set.Match(text, &got);
    std::sort(got.begin(), got.end());
    for (size_t i = 0; i < each.size(); ++i)
      if (RE2::FullMatch(text, *each[i])) want.push_back(static_cast<int>(i));
    EXPECT_EQ(got, want) << "\"" << text << "\"";
  }
}

// A regex RE2 refuses is reported with RE2's reason, and takes no index.
TEST(TokenRegexesTest, ABadRegexIsRefusedWithRe2sReason) {
  TokenRegexes set;
  std::string error;
  EXPECT_EQ(set.Add("\\p{Lu}(", &error), -1);
  EXPECT_NE(error.find("missing )"), std::string::npos) << error;
  EXPECT_EQ(set.Add("\\p{NoSuchProperty}", &error), -1);
  EXPECT_NE(error.find("invalid character class range"), std::string::npos) << error;
  EXPECT_EQ(set.Add("\\p{Lu}", &error), 0);
  EXPECT_EQ(set.size(), 1u);
}

}  // namespace
}  // namespace newsgraph
