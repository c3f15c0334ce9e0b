#include "newsgraph/serialize.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

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

}  // namespace
}  // namespace newsgraph
