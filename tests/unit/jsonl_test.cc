#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "newsgraph/batch.h"

namespace newsgraph {
namespace {

void ExpectSame(const std::string& line) {
  JsonlFields fields;
  DocumentMeta defaults;
  defaults.date = "2026-01-02";
  const JsonLine fast = ParseJsonLine(line, fields, defaults);
  const JsonLine lib = ParseJsonLineWithLibrary(line, fields, defaults);
  EXPECT_EQ(fast.error, lib.error) << line;
  EXPECT_EQ(fast.text, lib.text) << line;
  EXPECT_EQ(fast.meta.id, lib.meta.id) << line;
  EXPECT_EQ(fast.meta.url, lib.meta.url) << line;
  EXPECT_EQ(fast.meta.date, lib.meta.date) << line;
  EXPECT_EQ(fast.meta.headline, lib.meta.headline) << line;
  EXPECT_EQ(fast.meta.dateline, lib.meta.dateline) << line;
}

// Lines a crawler writes, and lines it should not: the direct reader of flat
// objects must read each exactly as the JSON library does, errors included.
TEST(JsonLineTest, ReadsEveryLineAsTheJsonLibraryDoes) {
  const std::vector<std::string> lines = {
      R"({"id": "a1", "text": "Acme rose."})",
      R"(  {"text":"x","id":"b","url":"https://e.com/a","date":"2024-11-22T08:00:00Z","headline":"H"}  )",
      R"({"text": "tab\there, quote \" slash \/ back \\ nl \n cr \r ff \f bs \b"})",
      R"({"text": "\u00e9cole \u4e2d\u6587 \ud83d\ude00 and nul \u0000 end"})",
      R"({"text": "lone high \ud83d then text"})",
      R"({"text": "lone low \ude00"})",
      R"({"text": "bad escape \x41"})",
      R"({"text": "short \u12"})",
      R"({"id": "dup", "id": "second", "text": "t"})",
      R"({"id": null, "url": null, "text": "nulls"})",
      R"({"text": null})",
      R"({"id": 42, "text": "number id"})",
      R"({"id": 4.20e1, "text": "float id"})",
      R"({"text": "nested", "meta": {"a": [1, 2]}})",
      R"({"text": true})",
      R"({"headline": "no text"})",
      R"({})",
      R"([])",
      R"("just a string")",
      R"({"text": "unterminated)",
      R"({"text": "x",})",
      R"({"text": "x"} trailing)",
      R"({"text": "x"}{"text": "y"})",
      "{\"text\": \"raw control \x01 byte\"}",
      "{\"text\": \"raw newline \n inside\"}",
      "{\"text\": \"caf\xc3\xa9 ok\"}",
      "{\"text\": \"bad \xc3\x28 utf8\"}",
      "{\"text\": \"overlong \xc0\xaf\"}",
      "{\"text\": \"surrogate \xed\xa0\x80\"}",
      "\xef\xbb\xbf{\"text\": \"after a BOM\"}",
      "{\"text\": \"x\"\r",
      "",
      "   ",
      "nul\0l",
  };
  for (const auto& line : lines) ExpectSame(line);
}

// Random edits of good lines: whatever the bytes, the two readers agree.
TEST(JsonLineTest, AgreesWithTheJsonLibraryOnMangledLines) {
  const std::string base =
      R"({"id": "r-1", "date": "2025-03-04", "headline": "Acme \u00e9", "text": "He said \"yes\".\nAcme Corp rose 5%."})";
  const std::string alphabet = "{}[]\",:\\u0aZ \t\xc3\xa9\xed\x01nul";
  std::mt19937 rng(7);
  for (int i = 0; i < 3000; ++i) {
    std::string line = base;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) {
      const size_t at = rng() % (line.size() + 1);
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: line.insert(line.begin() + static_cast<long>(at), c); break;
        case 1: if (at < line.size()) line.erase(at, 1); break;
        default: if (at < line.size()) line[at] = c; break;
      }
    }
    ExpectSame(line);
  }
}

}  // namespace
}  // namespace newsgraph
