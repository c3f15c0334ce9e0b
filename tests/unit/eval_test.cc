#include "newsgraph/eval.h"

#include <gtest/gtest.h>

#include <fstream>

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Builtin() {
  static auto r = [] {
    Diagnostics d;
    return RuleSet::LoadBuiltin(&d);
  }();
  return r;
}

EvalFact M(std::string person, std::string role, std::string org, std::string rule = "") {
  return {"memberships", person, role, org, {}, {}, {}, "", rule};
}
EvalFact O(std::string subject, std::string metric, double v, std::string unit, std::string rule = "") {
  return {"observations", subject, metric, "", v, {}, {}, unit, rule};
}

TEST(ScorerTest, NamesMatchAcrossLegalSuffixesCaseAndShortForms) {
  Scorer s(Builtin());
  EXPECT_TRUE(s.NamesMatch("Lacana Mining Corp", "LACANA MINING CORP."));
  EXPECT_TRUE(s.NamesMatch("Northwind Holdings Ltd.", "Northwind Holdings"));
  EXPECT_TRUE(s.NamesMatch("Maria Chen", "Chen"));
  EXPECT_FALSE(s.NamesMatch("Maria Chen", "David Okafor"));
  EXPECT_FALSE(s.NamesMatch("Acme", ""));
}

TEST(ScorerTest, RolesMatchByCanonicalTitle) {
  Scorer s(Builtin());
  EXPECT_EQ(s.RoleKey("CEO"), s.RoleKey("Chief Executive Officer"));
  EXPECT_EQ(s.RoleKey("chief executive"), s.RoleKey("chief executive officer"));
  EXPECT_NE(s.RoleKey("President"), s.RoleKey("Vice President"));
}

TEST(ScorerTest, CountsTruePositivesFalsePositivesAndMisses) {
  Gold gold;
  gold.docs["d"] = {M("Maria Chen", "CEO", "Acme Inc"), M("Tom Roe", "Chairman", "Acme Inc"),
                    O("Acme Inc", "net income", 12500000, "USD")};
  Scorer s(Builtin());
  s.AddFacts("d", {M("Maria Chen", "Chief Executive Officer", "Acme", "r1"),
                   M("Maria Chen", "Chief Executive Officer", "Acme", "r1"),  // repeated: once
                   M("Tom Roe", "President", "Acme", "r2"),
                   O("Acme", "net income", 12510000, "USD", "r3")});  // within 0.5%
  EvalReport r = s.Report(gold);
  EXPECT_EQ(r.families["memberships"].tp, 1u);
  EXPECT_EQ(r.families["memberships"].fp, 1u);
  EXPECT_EQ(r.families["memberships"].fn, 1u);
  EXPECT_EQ(r.families["observations"].tp, 1u);
  EXPECT_EQ(r.micro.tp, 2u);
  EXPECT_EQ(r.rules["r2"].fp, 1u);
  EXPECT_EQ(r.rules["r1"].tp, 1u);
  EXPECT_NEAR(r.micro.precision(), 2.0 / 3.0, 1e-9);
}

TEST(ScorerTest, WrongValueOrUnitIsNoMatch) {
  Gold gold;
  gold.docs["d"] = {O("Acme", "revenue", 100, "USD")};
  Scorer s(Builtin());
  s.AddFacts("d", {O("Acme", "revenue", 110, "USD"), O("Acme", "revenue", 100, "CAD")});
  EvalReport r = s.Report(gold);
  EXPECT_EQ(r.families["observations"].tp, 0u);
  EXPECT_EQ(r.families["observations"].fp, 2u);
  EXPECT_EQ(r.families["observations"].fn, 1u);
}

TEST(GoldTest, LoadsTheFormatAndRejectsOthers) {
  std::string path = ::testing::TempDir() + "/gold.json";
  std::ofstream(path) << R"({"docs": {"a": {"memberships": [{"person": "P", "role": "CEO", "org": "O", "status": "current"}],
                        "changes": [{"from": "B", "into": "A", "changeType": "acquisition"}],
                        "observations": [{"subject": "A", "metric": "stake", "kind": "level", "min": 5, "unitCode": "P1"}]}}})";
  Gold g;
  std::string error;
  ASSERT_TRUE(LoadGold(path, &g, &error)) << error;
  ASSERT_EQ(g.docs["a"].size(), 3u);
  EXPECT_EQ(g.docs["a"][2].min, 5);
  std::ofstream(path) << "[1, 2]";
  EXPECT_FALSE(LoadGold(path, &g, &error));
  EXPECT_NE(error.find("not a gold file"), std::string::npos);
}

}  // namespace
}  // namespace newsgraph
