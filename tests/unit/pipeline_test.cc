#include "newsgraph/pipeline.h"

#include <gtest/gtest.h>

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Compile(std::vector<RuleSet::SourceFile> files) {
  Diagnostics d;
  auto r = RuleSet::Compile(files, &d);
  EXPECT_TRUE(r) << d.ToString();
  return r;
}

TEST(PipelineTest, SameInputSameBytes) {
  Diagnostics d;
  Pipeline p(RuleSet::LoadBuiltin(&d), {});
  Document doc{"Quartz Ltd. named Laura Stein president. Its revenue rose 5%.", {}};
  PipelineResult a = p.Process(doc), b = p.Process(doc);
  EXPECT_EQ(a.output, b.output);
  EXPECT_EQ(a.memberships, 1u);
  EXPECT_EQ(a.observations, 1u);
}

TEST(PipelineTest, ExplainNamesTheRuleAndWhatEachPartMatched) {
  Diagnostics d;
  PipelineOptions options;
  options.explain = true;
  Pipeline p(RuleSet::LoadBuiltin(&d), options);
  PipelineResult r = p.Process({"Quartz Ltd. named Laura Stein president.", {}});
  std::string all;
  for (const auto& e : r.explain) all += e;
  EXPECT_NE(all.find("role.appointment.named"), std::string::npos) << all;
  EXPECT_NE(all.find("    @appoint_verbs  =>  \"named\"\n"), std::string::npos) << all;
  EXPECT_NE(all.find("    member:$person  =>  \"Laura Stein\"\n"), std::string::npos) << all;
  EXPECT_NE(all.find("    (\"on\" date:DATE)?  =>  (empty)\n"), std::string::npos) << all;
}

TEST(RuleExamplesTest, PassingExamplesAndCounterExamples) {
  auto rules = Compile({{"t/r.rules",
                         "rule a\n  family: entity\n  pattern: x:\"acme\"\n"
                         "  emit: ORG(span=x)\n"
                         "  example: We like Acme.\n  expect: x=\"Acme\"\n"
                         "  counter: We like Beta.\n"}});
  Diagnostics failures;
  EXPECT_EQ(Pipeline(rules, {}).TestRuleExamples(&failures), 2u);
  EXPECT_FALSE(failures.has_errors()) << failures.ToString();
}

TEST(RuleExamplesTest, FailuresNameTheFileLineAndWhatWentWrong) {
  auto rules = Compile({{"t/r.rules",
                         "rule a\n  family: entity\n  pattern: x:\"acme\"\n"
                         "  emit: ORG(span=x)\n"
                         "  example: We like Beta.\n"
                         "  example: We like Acme.\n  expect: x=\"Beta\"\n"
                         "  counter: Acme again.\n"}});
  Diagnostics failures;
  EXPECT_EQ(Pipeline(rules, {}).TestRuleExamples(&failures), 3u);
  std::string s = failures.ToString();
  EXPECT_NE(s.find("t/r.rules:5:12: error: example of rule a did not match"), std::string::npos) << s;
  EXPECT_NE(s.find("t/r.rules:6:12: error: example of rule a matched, but x=\"Acme\" (expected \"Beta\")"),
            std::string::npos) << s;
  EXPECT_NE(s.find("t/r.rules:8:12: error: counter-example of rule a matched \"Acme\""),
            std::string::npos) << s;
}

}  // namespace
}  // namespace newsgraph
