#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/serialize.h"

namespace newsgraph {
namespace {

constexpr char kDoc[] = "<https://example.com/d>";
constexpr char kType[] = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
constexpr char kInteger[] = "^^<http://www.w3.org/2001/XMLSchema#integer>";
constexpr char kDouble[] = "^^<http://www.w3.org/2001/XMLSchema#double>";

Graph Sample() {
  Graph g;
  g.doc_iri = "https://example.com/d";
  g.doc_properties.emplace_back("datePublished", Value::String("2025-03-03"));
  g.doc_properties.emplace_back("url", Value::Iri("https://example.com/a"));
  g.mentions = {"https://example.com/p", "https://example.com/o"};
  Node p{"https://example.com/p", "Person", {}, {}};
  p.properties.emplace_back("name", Value::String("Zoë \"Q\"\tA\\B\nC"));
  p.properties.emplace_back("alternateName", Value::StringList({"Q", "Z"}));
  Node m{"https://example.com/m", "Membership", {}, {}};
  m.properties.emplace_back("member", Value::Iri("https://example.com/p"));
  m.properties.emplace_back("confidence", Value::Number(0.95));
  m.properties.emplace_back("startDate", Value::String("2025"));
  m.evidence.push_back({"https://example.com/m#evidence-1", "joined", 3, 9});
  g.nodes = {p, m};
  return g;
}

std::vector<std::string> Lines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Whether `out` holds the statement, in the document's graph for N-Quads.
bool Has(const std::string& out, const std::string& triple, bool named) {
  std::string graph = named ? std::string(" ") + kDoc : "";
  return out.find(triple + graph + " .\n") != std::string::npos;
}

std::string NQuads(const Graph& g) {
  return RdfWriter(RdfSyntax::kNQuads).Write(g);
}

// The object of the one statement of a node's property "value".
std::string ValueLiteral(double d) {
  Graph g;
  g.doc_iri = "https://example.com/d";
  Node o{"https://example.com/o", "Observation", {}, {}};
  o.properties.emplace_back("value", Value::Number(d));
  g.nodes = {o};
  const std::string prefix =
      "<https://example.com/o> <https://schema.org/value> ";
  const std::string suffix = std::string(" ") + kDoc + " .";
  for (const std::string& line : Lines(NQuads(g)))
    if (line.starts_with(prefix))
      return line.substr(prefix.size(),
                         line.size() - prefix.size() - suffix.size());
  return "";
}

TEST(RdfWriterTest, TypesFromTheContract) {
  std::string out = NQuads(Sample());
  EXPECT_TRUE(
      Has(out,
          std::string(kDoc) + " " + kType + " <https://schema.org/NewsArticle>",
          false))
      << out;
  EXPECT_TRUE(Has(out,
                  std::string("<https://example.com/p> ") + kType +
                      " <https://schema.org/Person>",
                  true));
  EXPECT_TRUE(Has(out,
                  std::string("<https://example.com/m> ") + kType +
                      " <http://www.w3.org/ns/org#Membership>",
                  true));
}

TEST(RdfWriterTest, IriValuedTermsGiveIrisAndOthersPlainLiterals) {
  std::string out = NQuads(Sample());
  EXPECT_TRUE(Has(out,
                  "<https://example.com/m> <http://www.w3.org/ns/org#member> "
                  "<https://example.com/p>",
                  true))
      << out;
  EXPECT_TRUE(Has(
      out,
      std::string(kDoc) + " <https://schema.org/url> <https://example.com/a>",
      false));
  EXPECT_TRUE(Has(
      out,
      std::string(kDoc) + " <https://schema.org/datePublished> \"2025-03-03\"",
      false));
  EXPECT_TRUE(Has(
      out, "<https://example.com/m> <https://schema.org/startDate> \"2025\"",
      true));
}

TEST(RdfWriterTest, LiteralsAreEscapedAndNonAsciiStaysUtf8) {
  std::string out = NQuads(Sample());
  EXPECT_TRUE(Has(out,
                  "<https://example.com/p> <https://schema.org/name> \"Zoë "
                  "\\\"Q\\\"\\tA\\\\B\\nC\"",
                  true))
      << out;
  Graph g = Sample();
  g.nodes[0].properties[0].second = Value::String("a\rb\x01\x7F");
  EXPECT_TRUE(Has(NQuads(g),
                  "<https://example.com/p> <https://schema.org/name> "
                  "\"a\\rb\\u0001\\u007F\"",
                  true));
}

TEST(RdfWriterTest, IntegersAndDoublesAsJsonLdJsWritesThem) {
  EXPECT_EQ(ValueLiteral(42), std::string("\"42\"") + kInteger);
  EXPECT_EQ(ValueLiteral(-0.0), std::string("\"0\"") + kInteger);
  EXPECT_EQ(ValueLiteral(4.2e16),
            std::string("\"42000000000000000\"") + kInteger);
  EXPECT_EQ(ValueLiteral(0.95), std::string("\"9.5E-1\"") + kDouble);
  EXPECT_EQ(ValueLiteral(0.9), std::string("\"9.0E-1\"") + kDouble);
  EXPECT_EQ(ValueLiteral(1.22), std::string("\"1.22E0\"") + kDouble);
  EXPECT_EQ(ValueLiteral(0.125), std::string("\"1.25E-1\"") + kDouble);
  EXPECT_EQ(ValueLiteral(-3.75), std::string("\"-3.75E0\"") + kDouble);
  EXPECT_EQ(ValueLiteral(1e21), std::string("\"1.0E21\"") + kDouble);
  EXPECT_EQ(ValueLiteral(0.1 + 0.2), std::string("\"3.0E-1\"") + kDouble);
  EXPECT_TRUE(ValueLiteral(std::nan("")).empty());  // JSON null: no value
}

// JavaScript prints 1e-7 without a '.', so jsonld.js takes it for an
// integer; and toExponential rounds a tie away from zero, printf to even.
TEST(RdfWriterTest, NumbersAtTheEdgesOfJsonLdJsRules) {
  EXPECT_EQ(ValueLiteral(1e-7), std::string("\"0\"") + kInteger);
  EXPECT_EQ(ValueLiteral(-1e-7), std::string("\"-0\"") + kInteger);
  EXPECT_EQ(ValueLiteral(1.5e-7), std::string("\"1.5E-7\"") + kDouble);
  EXPECT_EQ(ValueLiteral(8.0000152587890625),
            std::string("\"8.000015258789063E0\"") + kDouble);
  EXPECT_EQ(ValueLiteral(-1234567890123456.5),
            std::string("\"-1.234567890123457E15\"") + kDouble);
}

TEST(RdfWriterTest, ListsGiveOneStatementPerElement) {
  std::string out = NQuads(Sample());
  EXPECT_TRUE(Has(
      out, "<https://example.com/p> <https://schema.org/alternateName> \"Q\"",
      true));
  EXPECT_TRUE(Has(
      out, "<https://example.com/p> <https://schema.org/alternateName> \"Z\"",
      true));
  EXPECT_TRUE(Has(out,
                  std::string(kDoc) +
                      " <https://schema.org/mentions> <https://example.com/p>",
                  false));
  EXPECT_TRUE(Has(out,
                  std::string(kDoc) +
                      " <https://schema.org/mentions> <https://example.com/o>",
                  false));
}

TEST(RdfWriterTest, EvidenceNodesAreSelectors) {
  std::string out = NQuads(Sample());
  const std::string ev = "<https://example.com/m#evidence-1>";
  EXPECT_TRUE(Has(
      out,
      "<https://example.com/m> <https://w3id.org/newsgraph/ns#evidence> " + ev,
      true))
      << out;
  EXPECT_TRUE(Has(
      out, ev + " " + kType + " <http://www.w3.org/ns/oa#TextPositionSelector>",
      true));
  EXPECT_TRUE(
      Has(out, ev + " <http://www.w3.org/ns/oa#exact> \"joined\"", true));
  EXPECT_TRUE(
      Has(out, ev + " <http://www.w3.org/ns/oa#start> \"3\"" + kInteger, true));
  EXPECT_TRUE(
      Has(out, ev + " <http://www.w3.org/ns/oa#end> \"9\"" + kInteger, true));
}

TEST(RdfWriterTest, NQuadsNameTheDocumentGraphAndNTriplesDoNot) {
  std::string quads = NQuads(Sample());
  std::string triples = RdfWriter(RdfSyntax::kNTriples).Write(Sample());
  EXPECT_EQ(Lines(quads).size(), Lines(triples).size());
  std::string stripped;
  for (std::string line : Lines(quads)) {
    size_t graph = line.find(std::string(" ") + kDoc + " .");
    if (graph != std::string::npos)
      line.erase(graph, std::string(kDoc).size() + 1);
    stripped += line + "\n";
  }
  std::vector<std::string> a = Lines(stripped);
  std::sort(a.begin(), a.end());
  EXPECT_EQ(a, Lines(triples));
  EXPECT_EQ(triples.find(std::string(kDoc) + " ."), std::string::npos);
}

TEST(RdfWriterTest, LinesAreSortedUniqueAndTerminated) {
  Graph g = Sample();
  g.nodes.push_back(g.nodes[0]);  // the same statements twice
  std::string out = NQuads(g);
  std::vector<std::string> lines = Lines(out);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  EXPECT_EQ(std::adjacent_find(lines.begin(), lines.end()), lines.end());
  for (const std::string& line : lines)
    EXPECT_TRUE(line.ends_with(" .")) << line;
  EXPECT_TRUE(out.ends_with(" .\n"));
  EXPECT_EQ(out, NQuads(Sample()));
}

TEST(RdfWriterTest, IriCharactersOutsideIrirefAreEscaped) {
  Graph g = Sample();
  g.nodes[1].properties[0].second = Value::Iri("https://example.com/a b>c\\");
  EXPECT_TRUE(Has(NQuads(g),
                  "<https://example.com/m> <http://www.w3.org/ns/org#member> "
                  "<https://example.com/a\\u0020b\\u003Ec\\u005C>",
                  true));
}

// JSON-LD expands a compact IRI whose prefix the context defines.
TEST(RdfWriterTest, CompactIrisExpandThroughTheContext) {
  Graph g = Sample();
  g.mentions = {"schema:Thing", "urn:isbn:1"};
  std::string out = NQuads(g);
  EXPECT_TRUE(
      Has(out,
          std::string(kDoc) +
              " <https://schema.org/mentions> <https://schema.org/Thing>",
          false))
      << out;
  EXPECT_TRUE(Has(
      out, std::string(kDoc) + " <https://schema.org/mentions> <urn:isbn:1>",
      false));
}

TEST(RdfWriterTest, TermsOutsideTheContextAreDropped) {
  Graph g = Sample();
  g.nodes[0].properties.emplace_back("nickname", Value::String("Zo"));
  EXPECT_EQ(NQuads(g), NQuads(Sample()));
}

}  // namespace
}  // namespace newsgraph
