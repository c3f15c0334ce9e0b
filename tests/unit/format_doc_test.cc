// Every ```lex and ```rules block of rules/FORMAT.md runs: the lexicon blocks
// load (under the file name their first line gives), and each rules block,
// compiled on top of the default rules and those lexicons, passes its own
// examples and counter-examples.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "newsgraph/pipeline.h"

namespace newsgraph {
namespace {

struct Block {
  std::string kind;  // "lex" or "rules"
  std::string text;
  int line;  // line of the opening fence
};

std::vector<Block> Blocks() {
  std::ifstream in(std::string(NEWSGRAPH_SOURCE_DIR) + "/rules/FORMAT.md");
  std::vector<Block> blocks;
  std::string line;
  int n = 0;
  Block* open = nullptr;
  while (std::getline(in, line)) {
    ++n;
    if (!open && (line == "```lex" || line == "```rules")) {
      blocks.push_back({line.substr(3), "", n});
      open = &blocks.back();
    } else if (open && line == "```") {
      open = nullptr;
    } else if (open) {
      open->text += line + "\n";
    }
  }
  return blocks;
}

std::vector<RuleSet::SourceFile> LexFiles(const std::vector<Block>& blocks) {
  std::vector<RuleSet::SourceFile> files;
  for (const auto& b : blocks) {
    if (b.kind != "lex") continue;
    std::string first = b.text.substr(0, b.text.find('\n'));
    EXPECT_EQ(first.rfind("# file: ", 0), 0u)
        << "FORMAT.md:" << b.line << ": a lex block starts with '# file: NAME.lex'";
    files.push_back({"FORMAT.md/" + first.substr(8), b.text});
  }
  return files;
}

TEST(FormatDocTest, HasBlocksForEveryConstruct) {
  auto blocks = Blocks();
  int lex = 0, rules = 0;
  for (const auto& b : blocks) (b.kind == "lex" ? lex : rules)++;
  EXPECT_GE(lex, 2);
  EXPECT_GE(rules, 10);
}

TEST(FormatDocTest, EveryRulesBlockPassesItsExamples) {
  auto blocks = Blocks();
  auto lex = LexFiles(blocks);
  for (const auto& b : blocks) {
    if (b.kind != "rules") continue;
    std::string path = "FORMAT.md:" + std::to_string(b.line);
    auto files = RuleSet::BuiltinFiles();
    files.insert(files.end(), lex.begin(), lex.end());
    files.push_back({path + ".rules", b.text});
    Diagnostics diags;
    auto rules = RuleSet::Compile(files, &diags);
    ASSERT_TRUE(rules) << path << ":\n" << diags.ToString();
    Diagnostics failures;
    size_t run = Pipeline(rules, {}).TestRuleExamples(&failures, path + ".rules");
    EXPECT_GT(run, 0u) << path << ": a rules block without examples";
    EXPECT_FALSE(failures.has_errors()) << path << ":\n" << failures.ToString();
  }
}

}  // namespace
}  // namespace newsgraph
