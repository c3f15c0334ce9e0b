#include "newsgraph/unicode.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph {
namespace {

// Decodes the one code point at the start of `s` and reports how many bytes
// it took.
char32_t DecodeFirst(std::string_view s, size_t* consumed) {
  size_t pos = 0;
  char32_t c = DecodeUtf8(s, &pos);
  *consumed = pos;
  return c;
}

TEST(DecodeUtf8Test, AsciiIsOneByte) {
  size_t n = 0;
  EXPECT_EQ(DecodeFirst("A", &n), U'A');
  EXPECT_EQ(n, 1u);
}

TEST(DecodeUtf8Test, TwoByteSequence) {
  size_t n = 0;
  EXPECT_EQ(DecodeFirst("\xC3\xA9", &n), U'\u00E9');  // é
  EXPECT_EQ(n, 2u);
}

TEST(DecodeUtf8Test, ThreeByteSequence) {
  size_t n = 0;
  EXPECT_EQ(DecodeFirst("\xE2\x82\xAC", &n), U'\u20AC');  // €
  EXPECT_EQ(n, 3u);
}

TEST(DecodeUtf8Test, FourByteSequence) {
  size_t n = 0;
  EXPECT_EQ(DecodeFirst("\xF0\x9F\x98\x80", &n), U'\U0001F600');  // 😀
  EXPECT_EQ(n, 4u);
}

TEST(DecodeUtf8Test, AdvancesThroughMixedText) {
  std::string_view s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u00E9');
  EXPECT_EQ(pos, 3u);
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u20AC');
  EXPECT_EQ(pos, 6u);
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\U0001F600');
  EXPECT_EQ(pos, 10u);
  EXPECT_EQ(DecodeUtf8(s, &pos), U'z');
  EXPECT_EQ(pos, s.size());
}

TEST(DecodeUtf8Test, MalformedByteGivesReplacementAndAdvancesOne) {
  size_t n = 0;
  EXPECT_EQ(DecodeFirst("\xFFx", &n), kReplacementChar);
  EXPECT_EQ(n, 1u);
}

// C0, C1 and F5..FF never occur in UTF-8: each is a malformed byte on its
// own, whatever follows, so it must not swallow the bytes after it.
TEST(DecodeUtf8Test, ByteThatNeverOccursInUtf8GivesReplacementAndAdvancesOne) {
  for (std::string_view s : {std::string_view("\xC0\xAF"),
                             std::string_view("\xF8\x88\x80\x80"),
                             std::string_view("\xFF\xBF\xBF\xBF")}) {
    size_t n = 0;
    EXPECT_EQ(DecodeFirst(s, &n), kReplacementChar)
        << "lead byte 0x" << std::hex << (static_cast<unsigned>(s[0]) & 0xFF);
    EXPECT_EQ(n, 1u) << "lead byte 0x" << std::hex
                     << (static_cast<unsigned>(s[0]) & 0xFF);
  }
}

// EncodeUtf8 fills a caller's buffer with what AppendUtf8 appends.
TEST(EncodeUtf8Test, WritesTheBytesAppendUtf8AppendsAndReturnsTheirCount) {
  for (char32_t c : {U'A', U'\u00E9', U'\u07FF', U'\u0800', U'\u20AC',
                     U'\uFFFD', U'\U00010000', U'\U0001F600', U'\U0010FFFF'}) {
    std::string appended;
    AppendUtf8(c, &appended);
    char buf[4] = {};
    size_t n = EncodeUtf8(c, buf);
    EXPECT_EQ(std::string(buf, n), appended)
        << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  char buf[4];
  EXPECT_EQ(EncodeUtf8(U'\u20AC', buf), 3u);
  EXPECT_EQ(std::string(buf, 3), "\xE2\x82\xAC");
}

TEST(FindInvalidUtf8Test, ValidTextHasNoError) {
  EXPECT_EQ(FindInvalidUtf8(""), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("caf\xC3\xA9 \xE2\x82\xAC 5 \xF0\x9F\x98\x80 "
                            "\xE9\x98\xBF\xE9\x87\x8C"),
            std::nullopt);
  // The largest code point, U+10FFFF, is valid.
  EXPECT_EQ(FindInvalidUtf8("\xF4\x8F\xBF\xBF"), std::nullopt);
}

TEST(FindInvalidUtf8Test, RejectsTwoByteOverlong) {
  auto e = FindInvalidUtf8("ok\xC0\xAF");  // '/' written in two bytes
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 2u);
  EXPECT_NE(e->reason.find("overlong"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, RejectsThreeByteOverlong) {
  auto e = FindInvalidUtf8("abc\xE0\x80\xAF");  // '/' written in three bytes
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 3u);
  EXPECT_NE(e->reason.find("overlong"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, RejectsSurrogate) {
  auto e = FindInvalidUtf8("x\xED\xA0\x80");  // U+D800
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 1u);
  EXPECT_NE(e->reason.find("surrogate"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, RejectsCodePointAboveMax) {
  auto e = FindInvalidUtf8("xy\xF4\x90\x80\x80");  // U+110000
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 2u);
  EXPECT_NE(e->reason.find("10FFFF"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, RejectsSequenceTruncatedAtEnd) {
  auto e = FindInvalidUtf8("price \xE2\x82");  // € missing its last byte
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 6u);
  EXPECT_NE(e->reason.find("truncated"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, RejectsStrayContinuationByte) {
  auto e = FindInvalidUtf8("ab\x80" "cd");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 2u);
  EXPECT_NE(e->reason.find("continuation"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, ReportsTheFirstErrorAfterValidMultibyteText) {
  // "é" (2 bytes) then a stray continuation byte, then a surrogate.
  auto e = FindInvalidUtf8("\xC3\xA9\xBF\xED\xA0\x80");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->offset, 2u);
  EXPECT_NE(e->reason.find("continuation"), std::string::npos) << e->reason;
}

TEST(FindInvalidUtf8Test, FindsTheBadByteWhereverItFallsInALongAsciiRun) {
  // ASCII is skipped eight bytes at a time: a bad byte at any offset, before,
  // across or after such a run, and valid characters between runs.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(48, 'a');
    text[at] = '\xFF';
    auto e = FindInvalidUtf8(text);
    ASSERT_TRUE(e.has_value()) << at;
    EXPECT_EQ(e->offset, at);
    std::string mixed = std::string(at, 'b') + "\xC3\xA9" + std::string(17, 'c') + "\x80";
    e = FindInvalidUtf8(mixed);
    ASSERT_TRUE(e.has_value()) << at;
    EXPECT_EQ(e->offset, at + 2 + 17);
    EXPECT_EQ(FindInvalidUtf8(std::string(at, 'd') + "\xE2\x82\xAC" + std::string(at, 'e')),
              std::nullopt);
  }
}

TEST(CountCodePointsTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("caf\xC3\xA9"), 4u);             // café
  EXPECT_EQ(CountCodePoints("\xE2\x82\xAC" "5"), 2u);        // €5
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80!"), 2u);       // 😀!
  EXPECT_EQ(CountCodePoints("\xE9\x98\xBF\xE9\x87\x8C"), 2u);  // 阿里
}

TEST(CountCodePointsTest, CountsLongTextAtAnyOffset) {
  // Long enough for several runs of words, in scripts of one to four bytes
  // a character, counted from every start so that words fall anywhere.
  std::string text;
  size_t expected = 0;
  for (int i = 0; i < 200; ++i) {
    text += "Wu \xE9\x98\xBF\xE9\x87\x8C caf\xC3\xA9 \xF0\x9F\x98\x80.";
    expected += 13;
  }
  EXPECT_EQ(CountCodePoints(text), expected);
  size_t cut = 0;  // code points that start before byte `from`
  for (size_t from = 0; from < 64; ++from) {
    if (from > 0 && (static_cast<unsigned char>(text[from - 1]) & 0xC0) != 0x80) ++cut;
    EXPECT_EQ(CountCodePoints(std::string_view(text).substr(from)), expected - cut) << from;
  }
}

TEST(ToLowerUtf8Test, LowerCasesAscii) {
  EXPECT_EQ(ToLowerUtf8("Acme HOLDINGS Ltd. 42"), "acme holdings ltd. 42");
}

TEST(ToLowerUtf8Test, LowerCasesNonAscii) {
  EXPECT_EQ(ToLowerUtf8("\xC3\x89" "COLE"), "\xC3\xA9" "cole");  // ÉCOLE
  EXPECT_EQ(ToLowerUtf8("SOCI\xC3\x89T\xC3\x89"), "soci\xC3\xA9t\xC3\xA9");
}

TEST(ToLowerUtf8Test, DottedCapitalIDoesNotCrashAndGivesValidUtf8) {
  std::string low = ToLowerUtf8("\xC4\xB0stanbul");  // İstanbul
  EXPECT_FALSE(low.empty());
  EXPECT_EQ(FindInvalidUtf8(low), std::nullopt);
  EXPECT_EQ(low.substr(low.size() - 7), "stanbul");
}

TEST(IsSpaceTest, NoBreakSpaceIsSpace) { EXPECT_TRUE(IsSpace(U'\u00A0')); }

TEST(IsSpaceTest, CarriageReturnIsSpace) { EXPECT_TRUE(IsSpace(U'\r')); }

TEST(IsSpaceTest, LettersAndPunctuationAreNotSpace) {
  EXPECT_FALSE(IsSpace(U'a'));
  EXPECT_FALSE(IsSpace(U'.'));
  EXPECT_FALSE(IsSpace(U'\u00E9'));
}

}  // namespace
}  // namespace newsgraph
