#include "newsgraph/input.h"

#include <gtest/gtest.h>

#include <string>

namespace newsgraph {
namespace {

InputResult Decode(std::string bytes, std::string source = "a.txt") {
  DocumentMeta meta;
  meta.source = std::move(source);
  return DecodeDocument(std::move(bytes), std::move(meta));
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(DecodeDocumentTest, AcceptsPlainText) {
  InputResult r = Decode("Acme Inc. said revenue rose.");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.error.has_value());
  EXPECT_EQ(r.document->text, "Acme Inc. said revenue rose.");
  EXPECT_EQ(r.document->meta.source, "a.txt");
}

TEST(DecodeDocumentTest, StripsLeadingByteOrderMark) {
  InputResult r = Decode("\xEF\xBB\xBFHello world.");
  ASSERT_TRUE(r.ok()) << r.error->ToString();
  EXPECT_EQ(r.document->text, "Hello world.");
  EXPECT_NE(r.document->text.rfind("\xEF\xBB\xBF", 0), 0u);
}

TEST(DecodeDocumentTest, KeepsCrlfLineEnds) {
  InputResult r = Decode("One.\r\nTwo.\r\n");
  ASSERT_TRUE(r.ok()) << r.error->ToString();
  EXPECT_EQ(r.document->text, "One.\r\nTwo.\r\n");
}

TEST(DecodeDocumentTest, InvalidUtf8NamesSourceLineAndColumn) {
  InputResult r = Decode("ab\ncd\xFFx", "news/a.txt");
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->source, "news/a.txt");
  EXPECT_EQ(r.error->line, 2);
  EXPECT_EQ(r.error->column, 3);
  EXPECT_TRUE(Contains(r.error->reason, "invalid UTF-8")) << r.error->reason;
}

TEST(DecodeDocumentTest, InvalidUtf8ErrorPrintsLikeACompiler) {
  InputResult r = Decode("ab\ncd\xFFx", "name");
  ASSERT_TRUE(r.error.has_value());
  std::string s = r.error->ToString();
  EXPECT_EQ(s.rfind("name:2:3: error: invalid UTF-8 (", 0), 0u) << s;
  EXPECT_EQ(s.back(), ')') << s;
}

TEST(DecodeDocumentTest, InvalidUtf8ReasonSaysWhatIsWrong) {
  InputResult r = Decode("x\xED\xA0\x80");
  ASSERT_TRUE(r.error.has_value());
  EXPECT_TRUE(Contains(r.error->reason, "surrogate")) << r.error->reason;
  EXPECT_EQ(r.error->line, 1);
  EXPECT_EQ(r.error->column, 2);
}

TEST(DecodeDocumentTest, NulByteIsABinaryFile) {
  InputResult r = Decode(std::string("text\0more", 9));
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_TRUE(Contains(r.error->reason, "binary")) << r.error->reason;
  EXPECT_EQ(r.error->source, "a.txt");
}

TEST(DecodeDocumentTest, EmptyInputIsAnEmptyDocument) {
  InputResult r = Decode("");
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_TRUE(Contains(r.error->reason, "empty document")) << r.error->reason;
}

TEST(DecodeDocumentTest, WhitespaceOnlyInputIsAnEmptyDocument) {
  InputResult r = Decode(" \t\r\n\n  \xC2\xA0\n");
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_TRUE(Contains(r.error->reason, "empty document")) << r.error->reason;
}

TEST(DecodeDocumentTest, ByteOrderMarkOnlyInputIsAnEmptyDocument) {
  InputResult r = Decode("\xEF\xBB\xBF");
  ASSERT_FALSE(r.ok());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_TRUE(Contains(r.error->reason, "empty document")) << r.error->reason;
}

TEST(ReadFileBytesTest, MissingFileFailsWithAReason) {
  std::string out = "untouched", error;
  EXPECT_FALSE(ReadFileBytes("/nonexistent/newsgraph/no-such-file.txt", &out,
                             &error));
  EXPECT_FALSE(error.empty());
}

TEST(ReadFileBytesTest, ReadsAFileFromTheRepository) {
  std::string out, error;
  ASSERT_TRUE(ReadFileBytes(std::string(NEWSGRAPH_SOURCE_DIR) + "/CMakeLists.txt",
                            &out, &error))
      << error;
  EXPECT_FALSE(out.empty());
}

TEST(IsIsoDateTest, AcceptsLeapDay) { EXPECT_TRUE(IsIsoDate("2024-02-29")); }

TEST(IsIsoDateTest, AcceptsOrdinaryDates) {
  EXPECT_TRUE(IsIsoDate("2025-03-03"));
  EXPECT_TRUE(IsIsoDate("2000-02-29"));  // divisible by 400
  EXPECT_TRUE(IsIsoDate("1999-12-31"));
}

TEST(IsIsoDateTest, RejectsLeapDayOfCommonYear) {
  EXPECT_FALSE(IsIsoDate("2023-02-29"));
  EXPECT_FALSE(IsIsoDate("1900-02-29"));  // divisible by 100, not 400
}

TEST(IsIsoDateTest, RejectsMonthThirteen) {
  EXPECT_FALSE(IsIsoDate("2024-13-01"));
  EXPECT_FALSE(IsIsoDate("2024-00-10"));
}

TEST(IsIsoDateTest, RejectsDayOutOfRange) {
  EXPECT_FALSE(IsIsoDate("2024-04-31"));
  EXPECT_FALSE(IsIsoDate("2024-04-00"));
}

TEST(IsIsoDateTest, RejectsUnpaddedFields) {
  EXPECT_FALSE(IsIsoDate("2024-1-01"));
  EXPECT_FALSE(IsIsoDate("2024-01-1"));
}

TEST(IsIsoDateTest, RejectsEmptyAndOtherShapes) {
  EXPECT_FALSE(IsIsoDate(""));
  EXPECT_FALSE(IsIsoDate("2024/01/01"));
  EXPECT_FALSE(IsIsoDate("2024-01-01T00"));
  EXPECT_FALSE(IsIsoDate("20240101"));
  EXPECT_FALSE(IsIsoDate("abcd-ef-gh"));
}

}  // namespace
}  // namespace newsgraph
