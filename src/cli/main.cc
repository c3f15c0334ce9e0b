// newsgraph: parse flags, build the pipeline, run it, map the outcome to an
// exit code. All the work is in the library.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/options.h"
#include "newsgraph/batch.h"
#include "newsgraph/eval.h"
#include "newsgraph/input.h"
#include "newsgraph/pipeline.h"

using namespace newsgraph;

namespace {

std::shared_ptr<const RuleSet> LoadRules(const Options& o) {
  Diagnostics diags;
  auto rules = o.rules_dir.empty() ? RuleSet::LoadBuiltin(&diags)
                                   : RuleSet::LoadDirectory(o.rules_dir, &diags);
  std::cerr << diags.ToString();
  return rules;
}

int Extract(const Options& o, std::shared_ptr<const RuleSet> rules) {
  PipelineOptions po;
  po.graph.base = o.base;
  po.writer.pretty = o.pretty;
  po.explain = o.explain;
  po.format = o.format == "nquads"     ? OutputFormat::kNQuads
              : o.format == "ntriples" ? OutputFormat::kNTriples
              : o.format == "html"     ? OutputFormat::kHtml
              : o.format == "dot"      ? OutputFormat::kDot
                                       : OutputFormat::kJsonLd;
  po.ntriples_too = !o.batch.push.url.empty();
  Pipeline pipeline(std::move(rules), po);
  BatchStats s = RunBatch(pipeline, o.batch);
  if (o.batch.summary && !s.stdout_closed)
    std::cerr << FormatSummary(s, !o.batch.push.url.empty()) << '\n';
  if (s.setup_failed) return kExitUsage;
  if (std::fflush(stdout) != 0 && !s.stdout_closed && errno != EPIPE) {
    std::cerr << "newsgraph: error: cannot write to stdout\n";
    return kExitInputFailed;
  }
  if (s.failed) return kExitInputFailed;
  return s.push_failed ? kExitPush : kExitOk;
}

int Evaluate(const Options& o, std::shared_ptr<const RuleSet> rules) {
  Gold gold;
  std::string error;
  if (!LoadGold(o.gold, &gold, &error)) {
    std::cerr << error << "\n";
    return kExitUsage;
  }
  Pipeline pipeline(rules, {});
  Scorer scorer(rules);
  int failed = 0;
  ForEachInput(o.batch, [&](InputDocument& d) {
    if (!gold.docs.count(d.key)) return true;  // only gold documents are scored
    if (!d.error.empty()) {
      std::cerr << d.source << ": error: " << d.error << "\n";
      ++failed;
      return true;
    }
    InputResult in = DecodeDocument(std::move(d.bytes), d.meta);
    if (!in.ok()) {
      std::cerr << in.error->ToString() << "\n";
      ++failed;
      return true;
    }
    scorer.Add(d.key, pipeline.Extract(*in.document).facts);
    return true;
  });
  EvalReport r = scorer.Report(gold);
  std::cout << (o.json ? ReportJson(r) + "\n" : FormatReport(r, o.details));
  for (const auto& m : r.missing)
    std::cerr << "newsgraph: warning: gold document '" << m << "' was not among the inputs\n";
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout ends the run quietly
  Options o;
  if (auto code = ParseOptions(argc, argv, &o)) return *code;
  auto rules = LoadRules(o);
  if (!rules) return kExitRules;
  if (o.command == Command::kRulesCheck || o.command == Command::kRulesTest) {
    Diagnostics diags;
    if (!rules->Verify(&diags)) {
      std::cerr << diags.ToString();
      return kExitRules;
    }
  }
  switch (o.command) {
    case Command::kRulesCheck:
      std::cerr << rules->lexicons().size() << " lexicons, "
                << rules->rules().size() << " rules: OK\n";
      return kExitOk;
    case Command::kRulesTest: {
      Pipeline pipeline(rules, {});
      Diagnostics failures;
      size_t run = pipeline.TestRuleExamples(&failures);
      std::cerr << failures.ToString();
      size_t failed = failures.items().size();
      std::cerr << run - failed << " passed, " << failed << " failed\n";
      return failed ? kExitRules : kExitOk;
    }
    case Command::kExtract:
      return Extract(o, std::move(rules));
    case Command::kEval:
      return Evaluate(o, std::move(rules));
  }
  return kExitOk;
}
