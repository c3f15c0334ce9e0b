#include "newsgraph/graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>

#include "graph/sha256.h"
#include "newsgraph/pipeline.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Builtin() {
  static auto rules = [] {
    Diagnostics d;
    auto r = RuleSet::LoadBuiltin(&d);
    EXPECT_TRUE(r) << d.ToString();
    return r;
  }();
  return rules;
}

Graph Build(const std::string& text, DocumentMeta meta = {}) {
  Pipeline p(Builtin(), {});
  Document doc{text, meta};
  return p.BuildGraph(doc, p.Extract(doc).facts);
}

const Node* Find(const Graph& g, const std::string& iri) {
  for (const auto& n : g.nodes)
    if (n.iri == iri) return &n;
  return nullptr;
}

const std::string kBase = "https://w3id.org/newsgraph/id/";

TEST(GraphTest, DocumentIriFromTextHashIdOrUrl) {
  GraphBuilder b({}, Builtin());
  Document doc{"abc", {}};
  // The first 16 hex digits of SHA-256("abc").
  EXPECT_EQ(b.DocumentIri(doc), kBase + "doc/ba7816bf8f01cfea");
  doc.meta.url = "https://example.com/a";
  EXPECT_EQ(b.DocumentIri(doc), "https://example.com/a");
  doc.meta.id = "reuters 00010/x";
  EXPECT_EQ(b.DocumentIri(doc), kBase + "doc/reuters%2000010%2Fx");
  doc.meta.id = "urn:example:7";
  EXPECT_EQ(b.DocumentIri(doc), "urn:example:7");
}

TEST(GraphTest, EntityIrisDependOnTheNameOnly) {
  Graph g = Build("Quartz Holdings Ltd. named Laura Stein chief executive officer.");
  const Node* org = Find(g, kBase + "org/quartz-holdings");
  ASSERT_TRUE(org) << "legal suffix dropped from the slug";
  EXPECT_EQ(org->type, "Organization");
  ASSERT_TRUE(Find(g, kBase + "person/laura-stein"));
  ASSERT_TRUE(Find(g, kBase + "role/chief-executive-officer"));
  Graph other = Build("Quartz Holdings said Laura Stein, chief executive officer of Quartz Holdings, left.");
  EXPECT_TRUE(Find(other, kBase + "org/quartz-holdings"));
  EXPECT_TRUE(Find(other, kBase + "person/laura-stein"));
}

TEST(GraphTest, RelationIrisAreDeterministicAndEvidenceCountsCodePoints) {
  std::string text = "Ünïcödé Ltd. named Laura Stein president.";
  Graph a = Build(text), b = Build(text);
  const Node* m = nullptr;
  for (const auto& n : a.nodes)
    if (n.type == "Membership") m = &n;
  ASSERT_TRUE(m);
  EXPECT_EQ(m->iri.rfind(kBase + "membership/", 0), 0u);
  EXPECT_EQ(m->iri.size(), (kBase + "membership/").size() + 16);
  bool same = false;
  for (const auto& n : b.nodes) same = same || n.iri == m->iri;
  EXPECT_TRUE(same);
  ASSERT_EQ(m->evidence.size(), 1u);
  EXPECT_EQ(m->evidence[0].exact, "named Laura Stein president");
  EXPECT_EQ(m->evidence[0].start, 13u);  // "Ünïcödé Ltd. " is 13 code points
  EXPECT_EQ(m->evidence[0].end, 13u + 27u);
  EXPECT_EQ(m->evidence[0].iri, m->iri + "#evidence-1");
}

TEST(GraphTest, EvidenceOffsetsCountCodePointsFarIntoALongText) {
  // Offsets far into a text of one-, two-, three- and four-byte characters,
  // past many of the index's checkpoints, land on the evidence's code points.
  std::string lead;
  size_t code_points = 0;
  for (int i = 0; i < 300; ++i) {
    lead += i % 4 == 0 ? "a" : i % 4 == 1 ? "\u00e9" : i % 4 == 2 ? "\u20ac" : "\U0001F600";
    lead += " ";
    code_points += 2;
  }
  lead += "\n\n";
  code_points += 2;
  Graph g = Build(lead + "Ünïcödé Ltd. named Laura Stein president.");
  const Node* m = nullptr;
  for (const auto& n : g.nodes)
    if (n.type == "Membership") m = &n;
  ASSERT_TRUE(m);
  ASSERT_EQ(m->evidence.size(), 1u);
  EXPECT_EQ(m->evidence[0].exact, "named Laura Stein president");
  EXPECT_EQ(m->evidence[0].start, code_points + 13u);
  EXPECT_EQ(m->evidence[0].end, code_points + 13u + 27u);
}

TEST(GraphTest, FiguresFromOneMatchGetTheirOwnIris) {
  // One match reports the new and the prior figure: two nodes, not one node
  // with two values.
  Graph g = Build("Quartz Ltd. said net income rose to 5.4 mln dlrs from 3.9 mln dlrs.");
  std::vector<std::string> iris;
  for (const auto& n : g.nodes)
    if (n.type == "Observation") iris.push_back(n.iri);
  ASSERT_EQ(iris.size(), 2u);
  EXPECT_NE(iris[0], iris[1]);
}

TEST(GraphTest, RolesOnlyWhenUsedAndMentionsListPeopleAndOrganizations) {
  Graph g = Build("Quartz Ltd. named Laura Stein president. The chairman was absent.");
  EXPECT_TRUE(Find(g, kBase + "role/president"));
  EXPECT_FALSE(Find(g, kBase + "role/chairman"));
  EXPECT_EQ(g.mentions, (std::vector<std::string>{kBase + "person/laura-stein",
                                                  kBase + "org/quartz"}));
}

// Observation IRIs hash the figures as std::to_string writes them ("%f"):
// for every kind of double (ties at the sixth decimal, tiny, huge, negative,
// not finite) the IRI is the one that text gives, so IRIs never change.
TEST(GraphTest, ObservationIrisHashTheFiguresAsToStringWritesThem) {
  GraphBuilder b({}, Builtin());
  Document doc{"Quartz said net income rose.", {}};
  doc.meta.id = "urn:example:figures";
  std::vector<double> values = {0.0, -0.0, 0.8, -0.8, 1e-7, 5e-7, 1.5e-6, 2.5e-6, 1.0000005,
                                0.0078125, 0.0234375, 123456789.5, -123456789.5, 1e21, 1e300,
                                5e-324, 1.7976931348623157e308, -1.7976931348623157e308,
                                1.0 / 3, 4.2e9,
                                std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity(),
                                std::numeric_limits<double>::quiet_NaN(),
                                -std::numeric_limits<double>::quiet_NaN()};
  std::mt19937_64 random(7);
  for (int i = 0; i < 2000; ++i) {
    // Exact binary fractions (many end in a tie at the sixth decimal),
    // decimals as prices are written, and any bit pattern at all.
    const auto fraction_bits = static_cast<int>(random() % 24);
    values.push_back(std::ldexp(static_cast<double>(random() % 100000), -fraction_bits));
    const auto thousandths = static_cast<int64_t>(random() % 2000000000) - 1000000000;
    values.push_back(static_cast<double>(thousandths) / 1000);
    uint64_t bits = random();
    double any;
    std::memcpy(&any, &bits, sizeof any);
    values.push_back(any);
  }
  for (double v : values) {
    Facts facts;
    Observation o;
    o.metric = "netIncome";
    o.kind = "value";
    o.quantity.value = v;
    o.quantity.max = -v / 3;
    o.quantity.unit_code = "USD";
    facts.observations.push_back(o);
    Graph g = b.Build(doc, facts);
    ASSERT_EQ(g.nodes.size(), 1u);
    const std::string seed = "urn:example:figures\nobservation\n|netIncome|value|" +
                             std::to_string(v) + "|-|" + std::to_string(-v / 3) + "|USD||";
    EXPECT_EQ(g.nodes[0].iri, kBase + "observation/" + Sha256Hex(seed).substr(0, 16)) << v;
  }
}

// Two entities whose names slug alike are one node: the first one's, with
// the other's alternate names added, listed once among the mentions.
TEST(GraphTest, EntitiesThatSlugAlikeShareOneNode) {
  GraphBuilder b({}, Builtin());
  Document doc{"Quartz Holdings Ltd. hired Laura Stein. Quartz Holdings grew.", {}};
  Facts facts;
  facts.entities.push_back({entity_type::kOrganization, "Quartz Holdings Ltd.", {"Quartz"}, -1, 0});
  facts.entities.push_back({entity_type::kPerson, "Laura Stein", {}, -1, 4});
  facts.entities.push_back({entity_type::kOrganization, "Quartz Holdings", {"QH"}, -1, 7});
  Graph g = b.Build(doc, facts);
  EXPECT_EQ(g.mentions, (std::vector<std::string>{kBase + "person/laura-stein",
                                                  kBase + "org/quartz-holdings"}));
  ASSERT_EQ(g.nodes.size(), 2u);
  const Node* org = Find(g, kBase + "org/quartz-holdings");
  ASSERT_TRUE(org);
  ASSERT_EQ(org->properties.size(), 2u);
  EXPECT_EQ(org->properties[0].second.text, "Quartz Holdings Ltd.");
  EXPECT_EQ(org->properties[1].first, "alternateName");
  EXPECT_EQ(org->properties[1].second.list, (std::vector<std::string>{"Quartz", "QH"}));
}

}  // namespace
}  // namespace newsgraph
