#include "cli/options.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "newsgraph/input.h"

namespace newsgraph {
namespace {

constexpr const char* kFooter = R"(Examples:
  newsgraph < article.txt                      one article from stdin
  newsgraph --date 2025-03-03 article.txt      resolve "on Monday" against a date
  newsgraph a.txt b.txt > out.jsonl            several files: one JSON-LD per line
  newsgraph --rules my-rules/ article.txt      use your own rules
  newsgraph --explain article.txt 2>why.txt    which rule matched what
  newsgraph rules check my-rules/              report every error in rule files
  newsgraph rules test my-rules/               run the examples in rule files

Exit status:
  0  every input was processed
  1  at least one input failed (each is reported on stderr; the rest ran)
  2  usage error
  3  the rules have errors (rules check / rules test failed)
)";

}  // namespace

std::optional<int> ParseOptions(int argc, char** argv, Options* out) {
  Options o;
  CLI::App app{
      "newsgraph: turns news articles into a knowledge graph (JSON-LD).\n"
      "Reads each PATH (or stdin when there is none, or for '-') and writes one\n"
      "JSON-LD document per article to stdout: people and their roles in\n"
      "organizations, mergers and acquisitions, and figures (metric-value).",
      "newsgraph"};
  app.footer(kFooter);
  app.set_version_flag("--version", "newsgraph 0.1.0");
  app.add_option("paths", o.inputs, "Article files ('-' for stdin)");
  app.add_option("--rules", o.rules_dir,
                 "Rule folder to use instead of the built-in rules");
  app.add_option("--date", o.date,
                 "Publication date (YYYY-MM-DD): anchors relative dates");
  app.add_option("--id", o.id, "Document id (one input only)");
  app.add_option("--url", o.url, "Document URL (one input only)");
  app.add_option("--headline", o.headline, "Headline (one input only)");
  app.add_option("--base", o.base, "Base of minted IRIs")
      ->capture_default_str();
  app.add_flag("--pretty", o.pretty, "Indent the JSON (one input only)");
  app.add_flag("--explain", o.explain,
               "Print on stderr which rule matched which tokens");
  app.add_flag("-q,--quiet", o.quiet, "Print no summary or warnings");

  CLI::App* rules = app.add_subcommand("rules", "Check or test rule files");
  rules->require_subcommand(1);
  std::string check_dir, test_dir;
  CLI::App* check = rules->add_subcommand(
      "check", "Load rule files and report every error as file:line:col");
  check->add_option("dir", check_dir, "Rule folder (default: built-in rules)");
  CLI::App* test = rules->add_subcommand(
      "test", "Run every example and counter-example in the rule files");
  test->add_option("dir", test_dir, "Rule folder (default: built-in rules)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    if (code == 0) return kExitOk;
    std::cerr << "Run 'newsgraph --help' for usage.\n";
    return kExitUsage;
  }
  auto usage = [](const std::string& msg) {
    std::cerr << "newsgraph: " << msg << "\nRun 'newsgraph --help' for usage.\n";
    return kExitUsage;
  };
  if (check->parsed()) {
    o.command = Command::kRulesCheck;
    o.rules_dir = check_dir;
  } else if (test->parsed()) {
    o.command = Command::kRulesTest;
    o.rules_dir = test_dir;
  }
  if (!o.date.empty() && !IsIsoDate(o.date))
    return usage("--date must be a calendar date written YYYY-MM-DD, not '" +
                 o.date + "'");
  bool many = o.inputs.size() > 1;
  if (many && (!o.id.empty() || !o.url.empty() || !o.headline.empty()))
    return usage("--id, --url and --headline describe one document; give one input");
  if (many && o.pretty) return usage("--pretty needs a single input");
  if (o.base.empty()) return usage("--base must not be empty");
  if (o.inputs.empty()) o.inputs.push_back("-");
  *out = std::move(o);
  return std::nullopt;
}

}  // namespace newsgraph
