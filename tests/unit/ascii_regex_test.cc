#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace newsgraph
