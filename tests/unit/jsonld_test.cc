#include "newsgraph/serialize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace newsgraph {
namespace {

Graph Sample() {
  Graph g;
  g.doc_iri = "https://example.com/d";
  g.doc_properties.emplace_back("datePublished", Value::String("2025-03-03"));
  g.mentions = {"https://example.com/p"};
  Node p{"https://example.com/p", "Person", {}, {}};
  p.properties.emplace_back("name", Value::String("Zoë \"Q\" <b>"));
  p.properties.emplace_back("alternateName", Value::StringList({"Q"}));
  Node o{"https://example.com/o", "Observation", {}, {}};
  o.properties.emplace_back("value", Value::Number(4200000000.0));
  o.properties.emplace_back("minValue", Value::Number(0.98));
  o.properties.emplace_back("originalOrganization", Value::IriList({"https://example.com/x"}));
  o.evidence.push_back({"https://example.com/o#evidence-1", "4.2 billion", 3, 14});
  g.nodes = {p, o};
  return g;
}

TEST(JsonLdWriterTest, OneLineWithTheContextInline) {
  std::string out = JsonLdWriter({}).Write(Sample());
  EXPECT_EQ(out.find('\n'), std::string::npos);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["@context"]["@version"], 1.1);
  EXPECT_EQ(j["@context"]["Membership"], "org:Membership");
  EXPECT_EQ(j["id"], "https://example.com/d");
  EXPECT_EQ(j["type"], "Article");
  EXPECT_EQ(j["datePublished"], "2025-03-03");
}

TEST(JsonLdWriterTest, StringsAreEscapedAndNumbersAreIntegersWhenWhole) {
  std::string out = JsonLdWriter({}).Write(Sample());
  EXPECT_NE(out.find("\"value\":4200000000,"), std::string::npos) << out;
  EXPECT_NE(out.find("\"minValue\":0.98"), std::string::npos);
  auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["graph"][0]["name"], "Zoë \"Q\" <b>");
  EXPECT_EQ(j["graph"][1]["evidence"][0]["start"], 3);
  EXPECT_EQ(j["graph"][1]["evidence"][0]["type"], "Evidence");
}

// Plain runs are skipped eight bytes at a time: a character that needs an
// escape is found at every offset of a run, and bytes at 0x7f and above
// stay as they are.
TEST(JsonLdWriterTest, EscapesAreFoundAtEveryOffsetOfALongRun) {
  for (char special : {'"', '\\', '\x01', '\x1f', '\n'}) {
    for (size_t at = 0; at < 24; ++at) {
      std::string text = "Plain text around it, long enough: \x7f \xc3\xa9.";
      text.insert(at, 1, special);
      Graph g;
      g.doc_iri = "https://example.com/d";
      g.doc_properties.emplace_back("headline", Value::String(text));
      std::string out = JsonLdWriter({}).Write(g);
      auto j = nlohmann::ordered_json::parse(out);
      EXPECT_EQ(out, j.dump()) << "byte " << int(special) << " at " << at;
      EXPECT_EQ(j["headline"], text) << "byte " << int(special) << " at " << at;
    }
  }
}

TEST(JsonLdWriterTest, SameGraphSameBytesAndPrettyParsesTheSame) {
  Graph g = Sample();
  EXPECT_EQ(JsonLdWriter({}).Write(g), JsonLdWriter({}).Write(g));
  EXPECT_EQ(nlohmann::json::parse(JsonLdWriter({.pretty = true}).Write(g)),
            nlohmann::json::parse(JsonLdWriter({}).Write(g)));
}

// The writer formats text itself: byte for byte as the JSON library
// formats the same document, compact and indented, for every character
// class (quotes, backslashes, control characters, non-ASCII) and for empty
// lists.
TEST(JsonLdWriterTest, FormatsExactlyAsTheJsonLibrary) {
  Graph g = Sample();
  std::string tricky = "a\"b\\c\x01d\te\nf\rg\bh\fi\x1f\x7fj é 😀 </script>";
  g.doc_properties.emplace_back("headline", Value::String(tricky));
  Node empty{"https://example.com/e", "Organization", {}, {}};
  empty.properties.emplace_back("alternateName", Value::StringList({}));
  g.nodes.push_back(empty);
  g.nodes[1].evidence.push_back({"https://example.com/o#evidence-2", tricky, 0, 5});
  for (bool pretty : {false, true}) {
    std::string out = JsonLdWriter({.pretty = pretty}).Write(g);
    auto j = nlohmann::ordered_json::parse(out);
    EXPECT_EQ(out, j.dump(pretty ? 2 : -1)) << (pretty ? "pretty" : "compact");
    EXPECT_EQ(j["headline"], tricky);
  }
  Graph bare;
  bare.doc_iri = "https://example.com/bare";
  std::string out = JsonLdWriter({.pretty = true}).Write(bare);
  EXPECT_EQ(out, nlohmann::ordered_json::parse(out).dump(2));
}

// Numbers are written as the JSON library writes them: a whole number that
// a double holds exactly as an integer, any other as the library's double
// (shortest round trip, "1e-07", "1e+21", "0.8"), NaN and infinity as null.
TEST(JsonLdWriterTest, NumbersAreWrittenAsTheJsonLibraryWritesThem) {
  std::vector<double> values = {0.0, -0.0, 0.8, -0.8, 0.98, 1e-7, -1e-7, 1e-5, 1e-4, 0.001,
                                1e21, 1e22, -1e21, 123456789.5, -123456789.5, 4.2e9, 5.4,
                                0.1 + 0.2, 1.0 / 3, 1e15, 1e16, 1e17, 123456789012345678.0,
                                9007199254740991.0, 9007199254740992.0, -9007199254740991.0,
                                -9007199254740992.0, 5e-324, 2.2250738585072014e-308,
                                1.7976931348623157e308, -1.7976931348623157e308,
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(11);
  for (int i = 0; i < 3000; ++i) {
    // Figures as articles give them, whole numbers, and any bit pattern.
    const auto cents = static_cast<int64_t>(random() % 2000000000) - 1000000000;
    values.push_back(static_cast<double>(cents) / 100);
    values.push_back(static_cast<double>(static_cast<int64_t>(random() >> 8)) * (i % 2 ? 1 : -1));
    uint64_t bits = random();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    values.push_back(any);
  }
  for (double v : values) {
    const bool whole = std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9007199254740992.0;
    const nlohmann::ordered_json library = whole ? nlohmann::ordered_json(static_cast<int64_t>(v))
                                                 : nlohmann::ordered_json(v);
    Graph g;
    g.doc_iri = "https://example.com/d";
    Node o{"https://example.com/o", "Observation", {}, {}};
    o.properties.emplace_back("value", Value::Number(v));
    g.nodes.push_back(o);
    for (bool pretty : {false, true}) {
      const std::string out = JsonLdWriter({.pretty = pretty}).Write(g);
      const std::string expected = (pretty ? "\"value\": " : "\"value\":") + library.dump();
      const size_t at = out.find(expected);
      ASSERT_NE(at, std::string::npos) << v << " gives " << out.substr(out.rfind("\"value\""));
      EXPECT_TRUE(out[at + expected.size()] == '}' || out[at + expected.size()] == '\n') << v;
    }
  }
}

// The output grows a kilobyte at a time: texts longer than that, plain or
// with escapes, and many nodes come out whole and as the library writes
// them.
TEST(JsonLdWriterTest, LongTextsAndManyNodesComeOutWhole) {
  Graph g = Sample();
  std::string plain, escaped;
  for (int i = 0; i < 700; ++i) plain += "word" + std::to_string(i) + " ";
  for (int i = 0; i < 300; ++i) escaped += "\"q" + std::to_string(i) + "\"\n\\ \t";
  g.doc_properties.emplace_back("headline", Value::String(plain));
  for (int i = 0; i < 200; ++i) {
    Node n{"https://example.com/n" + std::to_string(i), "Organization", {}, {}};
    const std::string name = i % 50 == 0 ? escaped : "Org " + std::to_string(i);
    n.properties.emplace_back("name", Value::String(name));
    g.nodes.push_back(n);
  }
  for (bool pretty : {false, true}) {
    std::string out = JsonLdWriter({.pretty = pretty}).Write(g);
    auto j = nlohmann::ordered_json::parse(out);
    EXPECT_EQ(out, j.dump(pretty ? 2 : -1)) << (pretty ? "pretty" : "compact");
    EXPECT_EQ(j["headline"], plain);
    EXPECT_EQ(j["graph"][2]["name"], escaped);
    EXPECT_EQ(j["graph"].size(), 202u);
  }
}

// Short strings and keys are tested for escapes in whole words, some of
// them overlapping: a character that needs one is found at every offset of
// every length, in values and in keys, compact and indented.
TEST(JsonLdWriterTest, EscapesAreFoundAtEveryOffsetOfShortStringsAndKeys) {
  for (char special : {'"', '\\', '\x01', '\x1f', '\n'}) {
    for (size_t size = 1; size <= 20; ++size) {
      for (size_t at = 0; at < size; ++at) {
        std::string text = std::string("abc\x7f" "efghijklmnopqrstu").substr(0, size);
        text[at] = special;
        Graph g;
        g.doc_iri = "https://example.com/d";
        g.doc_properties.emplace_back("headline", Value::String(text));
        g.doc_properties.emplace_back(text, Value::String("key"));
        for (bool pretty : {false, true}) {
          std::string out = JsonLdWriter({.pretty = pretty}).Write(g);
          auto j = nlohmann::ordered_json::parse(out);
          EXPECT_EQ(out, j.dump(pretty ? 2 : -1))
              << "byte " << int(special) << " at " << at << " of " << size;
          EXPECT_EQ(j["headline"], text);
          EXPECT_EQ(j[text], "key");
        }
      }
    }
  }
}

}  // namespace
}  // namespace newsgraph
