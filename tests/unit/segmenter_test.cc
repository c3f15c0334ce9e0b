#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "newsgraph/text.h"

namespace newsgraph {
namespace {

using Strings = std::vector<std::string>;

Segmenter::Options NewsOptions() {
  Segmenter::Options o;
  // Dotted forms such as U.S. and N.V. need no entry.
  o.abbreviations = {"mr.", "dr.", "jan."};
  o.sentence_final_abbreviations = {"inc.", "ltd.", "co.", "corp."};
  return o;
}

const Segmenter& News() {
  static const Segmenter seg(NewsOptions());
  return seg;
}

Strings Texts(std::string_view text) {
  Segmentation s = News().Segment(text);
  Strings out;
  for (const Token& t : s.tokens) out.emplace_back(TokenText(text, t));
  return out;
}

Strings Norms(std::string_view text) {
  Segmentation s = News().Segment(text);
  Strings out;
  for (const Token& t : s.tokens) out.emplace_back(s.norm(t));
  return out;
}

// The text of each sentence.
Strings Sentences(const Segmenter& seg, std::string_view text) {
  Segmentation s = seg.Segment(text);
  Strings out;
  for (const Sentence& sent : s.sentences)
    out.emplace_back(text.substr(sent.span.begin, sent.span.size()));
  return out;
}
Strings Sentences(std::string_view text) { return Sentences(News(), text); }

// ---- Tokens -------------------------------------------------------------

TEST(SegmenterTest, SentenceFinalAbbreviationKeepsItsPeriod) {
  EXPECT_EQ(Texts("Acme Inc. said"), (Strings{"Acme", "Inc.", "said"}));
  EXPECT_EQ(Norms("Acme Inc. said"), (Strings{"acme", "inc.", "said"}));
}

TEST(SegmenterTest, DottedAbbreviationsAreOneTokenWithoutALexicon) {
  EXPECT_EQ(Texts("U.S. and N.V. shares"),
            (Strings{"U.S.", "and", "N.V.", "shares"}));
  EXPECT_EQ(Norms("U.S. and N.V. shares"),
            (Strings{"u.s.", "and", "n.v.", "shares"}));
}

TEST(SegmenterTest, KnownAbbreviationsKeepPeriodButSentenceEndDoesNot) {
  EXPECT_EQ(Texts("Mr. Wu met Dr. Li on Jan. 5."),
            (Strings{"Mr.", "Wu", "met", "Dr.", "Li", "on", "Jan.", "5", "."}));
}

TEST(SegmenterTest, UnknownWordDoesNotKeepItsPeriod) {
  EXPECT_EQ(Texts("Revenue rose."), (Strings{"Revenue", "rose", "."}));
}

TEST(SegmenterTest, DecimalsThousandsAndLeadingPointAreOneNumberEach) {
  std::string_view text = "4.2 and 1,300,000 and .125";
  EXPECT_EQ(Texts(text), (Strings{"4.2", "and", "1,300,000", "and", ".125"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 5u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[4].kind, TokenKind::kNumber);
}

TEST(SegmenterTest, PercentSignIsItsOwnSymbolToken) {
  EXPECT_EQ(Texts("rose 29%"), (Strings{"rose", "29", "%"}));
  Segmentation s = News().Segment("rose 29%");
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[2].kind, TokenKind::kSymbol);
}

TEST(SegmenterTest, CurrencySignsAndPrefixesAreSymbolTokens) {
  std::string_view text =
      "$5 and HK$3 and \xC2\xA5" "100 and \xE2\x82\xAC" "4 and \xC2\xA3" "2";
  EXPECT_EQ(Texts(text),
            (Strings{"$", "5", "and", "HK$", "3", "and", "\xC2\xA5", "100",
                     "and", "\xE2\x82\xAC", "4", "and", "\xC2\xA3", "2"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 14u);
  for (size_t i : {0u, 3u, 6u, 9u, 12u})
    EXPECT_EQ(s.tokens[i].kind, TokenKind::kSymbol)
        << "token " << i << ": " << TokenText(text, s.tokens[i]);
  for (size_t i : {1u, 4u, 7u, 10u, 13u})
    EXPECT_EQ(s.tokens[i].kind, TokenKind::kNumber)
        << "token " << i << ": " << TokenText(text, s.tokens[i]);
}

TEST(SegmenterTest, CurrencyCodesAreWordTokens) {
  std::string_view text = "RMB 5 and USD 3";
  EXPECT_EQ(Texts(text), (Strings{"RMB", "5", "and", "USD", "3"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 5u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(s.tokens[3].kind, TokenKind::kWord);
}

TEST(SegmenterTest, CurlyQuotesAreSeparateTokensWithStraightNorms) {
  std::string_view text = "\xE2\x80\x9CHi\xE2\x80\x9D and \xE2\x80\x98x\xE2\x80\x99";
  EXPECT_EQ(Texts(text), (Strings{"\xE2\x80\x9C", "Hi", "\xE2\x80\x9D", "and",
                                  "\xE2\x80\x98", "x", "\xE2\x80\x99"}));
  EXPECT_EQ(Norms(text), (Strings{"\"", "hi", "\"", "and", "'", "x", "'"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 7u);
  for (size_t i : {0u, 2u, 4u, 6u})
    EXPECT_EQ(s.tokens[i].kind, TokenKind::kQuote) << "token " << i;
}

TEST(SegmenterTest, PossessiveIsItsOwnTokenWithStraightNorm) {
  std::string_view text = "Alibaba\xE2\x80\x99s and Acme's";
  EXPECT_EQ(Texts(text),
            (Strings{"Alibaba", "\xE2\x80\x99s", "and", "Acme", "'s"}));
  EXPECT_EQ(Norms(text), (Strings{"alibaba", "'s", "and", "acme", "'s"}));
}

TEST(SegmenterTest, HyphenatedWordsAreOneToken) {
  EXPECT_EQ(Texts("e-commerce and AI-related"),
            (Strings{"e-commerce", "and", "AI-related"}));
}

TEST(SegmenterTest, DashesAreDashTokensNormalizedToDoubleHyphen) {
  std::string_view text = "2025 -- and \xE2\x80\x93 and \xE2\x80\x94 end";
  EXPECT_EQ(Texts(text), (Strings{"2025", "--", "and", "\xE2\x80\x93", "and",
                                  "\xE2\x80\x94", "end"}));
  EXPECT_EQ(Norms(text),
            (Strings{"2025", "--", "and", "--", "and", "--", "end"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 7u);
  for (size_t i : {1u, 3u, 5u})
    EXPECT_EQ(s.tokens[i].kind, TokenKind::kDash) << "token " << i;
}

TEST(SegmenterTest, DigitNamesAreOneToken) {
  std::string_view text = "1688 and 88VIP";
  EXPECT_EQ(Texts(text), (Strings{"1688", "and", "88VIP"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 3u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kNumber);
}

TEST(SegmenterTest, NumberGluedToScaleWordIsSplit) {
  std::string_view text = "2.7million";
  EXPECT_EQ(Texts(text), (Strings{"2.7", "million"}));
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 2u);
  EXPECT_EQ(s.tokens[0].kind, TokenKind::kNumber);
  EXPECT_EQ(s.tokens[1].kind, TokenKind::kWord);
}

TEST(SegmenterTest, WordsMixingAsciiAndOtherLettersAreOneToken) {
  // ASCII letters take a quicker path than the others; a word must not
  // break where one kind meets the other, nor at a combining accent.
  EXPECT_EQ(Texts("Zürich, Société Générale and Cafe\u0301 Ωmega 3Ü."),
            (Strings{"Zürich", ",", "Société", "Générale", "and", "Cafe\u0301", "Ωmega",
                     "3Ü", "."}));
  EXPECT_EQ(Norms("Zürich ÅBO"), (Strings{"zürich", "åbo"}));
}

TEST(SegmenterTest, InternalApostropheStaysInTheName) {
  EXPECT_EQ(Texts("O'Brien said"), (Strings{"O'Brien", "said"}));
}

TEST(SegmenterTest, SpansAreByteOffsetsIntoTheOriginalText) {
  std::string_view text =
      "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale\xE2\x80\x99s "
      "\xE2\x80\x9C\xE9\x98\xBF\xE9\x87\x8C\xE2\x80\x9D rose \xE2\x82\xAC" "4.2 "
      "\xE2\x80\x94 \xF0\x9F\x98\x80 caf\xC3\xA9.";
  Segmentation s = News().Segment(text);
  Strings expected = {"Soci\xC3\xA9t\xC3\xA9", "G\xC3\xA9n\xC3\xA9rale",
                      "\xE2\x80\x99s", "\xE2\x80\x9C", "\xE9\x98\xBF\xE9\x87\x8C",
                      "\xE2\x80\x9D", "rose", "\xE2\x82\xAC", "4.2",
                      "\xE2\x80\x94", "\xF0\x9F\x98\x80", "caf\xC3\xA9", "."};
  Strings got;
  uint32_t last_end = 0;
  for (const Token& t : s.tokens) {
    ASSERT_LE(t.span.begin, t.span.end);
    ASSERT_LE(t.span.end, text.size());
    EXPECT_GE(t.span.begin, last_end);
    last_end = t.span.end;
    got.emplace_back(text.substr(t.span.begin, t.span.size()));
  }
  EXPECT_EQ(got, expected);
}

TEST(SegmenterTest, NormalFormsLongerThanTheTextAreWhole) {
  // Ⱥ (2 bytes) lower-cases to ⱥ (3 bytes) and a malformed byte becomes
  // U+FFFD (3 bytes): the normal forms outgrow the text they come from.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "\xC8\xBA\xC8\xBA \xFF ";
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.tokens.size(), 80u);
  for (size_t i = 0; i < s.tokens.size(); i += 2) {
    EXPECT_EQ(s.norm(i), "\xE2\xB1\xA5\xE2\xB1\xA5") << "token " << i;
    EXPECT_EQ(s.norm(i + 1), "\xEF\xBF\xBD") << "token " << i + 1;
  }
}

TEST(SegmenterTest, LongAndShortWordsLowerCaseWhereverTheyFall) {
  // Words longer than eight bytes, and words among the last eight bytes
  // of the text.
  std::string_view text =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZ, Hello-World QUICK Brown fOX";
  EXPECT_EQ(Norms(text), (Strings{"abcdefghijklmnopqrstuvwxyz", ",",
                                  "hello-world", "quick", "brown", "fox"}));
  EXPECT_EQ(Norms("A"), (Strings{"a"}));
  EXPECT_EQ(Norms("Z9"), (Strings{"z9"}));
}

TEST(SegmenterTest, AbbreviationsBeyondAsciiOrLongKeepTheirPeriod) {
  Segmenter::Options o;
  o.abbreviations = {"n\xC3\xA4h.", "abcdefghijklmnopqrstuvwxyzabcdefgh."};
  Segmenter seg(o);
  std::string_view text =
      "N\xC3\x84H. and Abcdefghijklmnopqrstuvwxyzabcdefgh. and nah.";
  Segmentation s = seg.Segment(text);
  Strings got;
  for (const Token& t : s.tokens) got.emplace_back(TokenText(text, t));
  EXPECT_EQ(
      got, (Strings{"N\xC3\x84H.", "and", "Abcdefghijklmnopqrstuvwxyzabcdefgh.",
                    "and", "nah", "."}));
}

TEST(SegmenterTest, AbbreviationsOfEveryLengthKeepTheirPeriod) {
  Segmenter::Options o;
  std::string text;
  Strings expected;
  for (int size = 1; size <= 10; ++size) {
    std::string word = std::string(size, 'x');
    word[0] = static_cast<char>('a' + size);
    o.abbreviations.push_back(word + ".");
    // The same word in capitals keeps its period; one letter more does not.
    std::string upper = word;
    for (char& ch : upper) ch = static_cast<char>(ch - 'a' + 'A');
    text += upper + ". " + word + "x. ";
    expected.insert(expected.end(), {upper + ".", word + "x", "."});
  }
  Segmenter seg(o);
  Segmentation s = seg.Segment(text);
  Strings got;
  for (const Token& t : s.tokens) got.emplace_back(TokenText(text, t));
  EXPECT_EQ(got, expected);
}

// ---- Sentences ----------------------------------------------------------

TEST(SegmenterTest, PeriodThenCapitalEndsASentence) {
  EXPECT_EQ(Sentences("Revenue rose. Profit fell."),
            (Strings{"Revenue rose.", "Profit fell."}));
}

TEST(SegmenterTest, AbbreviationBeforeLowerCaseDoesNotEndASentence) {
  EXPECT_EQ(Sentences("Acme Inc. said it grew."),
            (Strings{"Acme Inc. said it grew."}));
}

TEST(SegmenterTest, FinalAbbreviationBeforeANewSentenceEndsIt) {
  EXPECT_EQ(Sentences("He bought Acme Inc. The company said no."),
            (Strings{"He bought Acme Inc.", "The company said no."}));
}

// "Co. Ltd." is one legal suffix (rules/lexicons/legal_suffixes.lex): the
// "Ltd." after "Co." does not start a new sentence.
TEST(SegmenterTest, CoLtdInsideACompanyNameDoesNotEndASentence) {
  EXPECT_EQ(Sentences("Huawei Technologies Co. Ltd. said it grew."),
            (Strings{"Huawei Technologies Co. Ltd. said it grew."}));
}

TEST(SegmenterTest, TitleAbbreviationBeforeANameDoesNotEndASentence) {
  EXPECT_EQ(Sentences("Mr. Wu met Dr. Li on Jan. 5."),
            (Strings{"Mr. Wu met Dr. Li on Jan. 5."}));
}

TEST(SegmenterTest, LineBreakBeforeCapitalEndsASentence) {
  EXPECT_EQ(Sentences("line one\nLine two"),
            (Strings{"line one", "Line two"}));
}

TEST(SegmenterTest, LineBreakBeforeLowerCaseContinuesTheSentence) {
  EXPECT_EQ(Sentences("the company\nsaid"), (Strings{"the company\nsaid"}));
}

TEST(SegmenterTest, ClosingQuoteBelongsToTheSentenceItEnds) {
  EXPECT_EQ(Sentences("He said \"yes.\" Then left."),
            (Strings{"He said \"yes.\"", "Then left."}));
}

TEST(SegmenterTest, LongTextWithoutPunctuationIsCutAtMaxSentenceTokens) {
  Segmenter::Options o = NewsOptions();
  o.max_sentence_tokens = 50;
  Segmenter seg(o);
  std::string text;
  for (int i = 0; i < 1000; ++i) text += i ? " word" : "word";
  Segmentation s = seg.Segment(text);
  ASSERT_EQ(s.tokens.size(), 1000u);
  ASSERT_FALSE(s.sentences.empty());
  uint32_t next = 0;
  for (const Sentence& sent : s.sentences) {
    EXPECT_LE(sent.tokens.size(), 50u);
    EXPECT_FALSE(sent.tokens.empty());
    EXPECT_EQ(sent.tokens.begin, next);  // sentences cover every token
    next = sent.tokens.end;
  }
  EXPECT_EQ(next, 1000u);
}

TEST(SegmenterTest, CrlfSeparatesSentencesAndCarriageReturnIsNoToken) {
  std::string_view text = "One.\r\nTwo.";
  EXPECT_EQ(Sentences(text), (Strings{"One.", "Two."}));
  EXPECT_EQ(Texts(text), (Strings{"One", ".", "Two", "."}));
  Segmentation s = News().Segment(text);
  for (const Token& t : s.tokens)
    EXPECT_EQ(TokenText(text, t).find('\r'), std::string_view::npos);
}

TEST(SegmenterTest, SentenceSpansCoverTheirTokens) {
  std::string_view text = "Revenue rose. Profit fell.";
  Segmentation s = News().Segment(text);
  ASSERT_EQ(s.sentences.size(), 2u);
  for (const Sentence& sent : s.sentences) {
    EXPECT_EQ(sent.span.begin, s.tokens[sent.tokens.begin].span.begin);
    EXPECT_EQ(sent.span.end, s.tokens[sent.tokens.end - 1].span.end);
  }
}

// ---- Phrases ------------------------------------------------------------
// PhraseWords gives what Segment gives, with or without its shortcut for
// one ASCII word.
TEST(SegmenterTest, PhraseWordsAreTheSegmentersTokens) {
  for (std::string_view phrase :
       {"Aaron", "aaron", "CEO", "A", "vice president", "Inc.", "U.S.", "AT&T", "O'Brien",
        "O\u2019Brien", "Zo\u00eb", "GmbH", "Mr.", "88VIP", "co-founder", "3M", "", " ", "\u00c9lys\u00e9e",
        "ALL CAPS WORDS", "Smith,", "e-commerce"}) {
    EXPECT_EQ(News().PhraseWords(phrase, false), Norms(phrase)) << phrase;
    EXPECT_EQ(News().PhraseWords(phrase, true), Texts(phrase)) << phrase;
  }
}

TEST(SegmenterTest, PhraseWordOfLettersIsLowerCasedOnlyForItsNormalForm) {
  EXPECT_EQ(News().PhraseWords("McKinsey", false), Strings{"mckinsey"});
  EXPECT_EQ(News().PhraseWords("McKinsey", true), Strings{"McKinsey"});
}

}  // namespace
}  // namespace newsgraph
