// newsgraph: parse flags, build the pipeline, run it, map the outcome to an
// exit code. All the work is in the library.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "cli/options.h"
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

// Writes all of `s` to stdout; false when stdout is gone (closed pipe).
bool WriteOut(const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), stdout) == s.size() &&
         std::fputc('\n', stdout) != EOF;
}

int Extract(const Options& o, std::shared_ptr<const RuleSet> rules) {
  PipelineOptions po;
  po.graph.base = o.base;
  po.writer.pretty = o.pretty;
  po.explain = o.explain;
  Pipeline pipeline(std::move(rules), po);
  int failed = 0;
  for (const std::string& path : o.inputs) {
    DocumentMeta meta{o.id, o.url, o.date, o.headline, path};
    std::string bytes, err;
    if (path == "-") {
      bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
      if (std::cin.bad()) err = "cannot read stdin";
    } else if (!ReadFileBytes(path, &bytes, &err)) {
      err = "cannot read: " + err;
    }
    if (!err.empty()) {
      std::cerr << path << ": error: " << err << "\n";
      ++failed;
      continue;
    }
    InputResult in = DecodeDocument(std::move(bytes), std::move(meta));
    if (!in.ok()) {
      std::cerr << in.error->ToString() << "\n";
      ++failed;
      continue;
    }
    PipelineResult r = pipeline.Process(*in.document);
    for (const auto& e : r.explain) std::cerr << e;
    if (!WriteOut(r.output)) return failed ? kExitInputFailed : kExitOk;
  }
  if (std::fflush(stdout) != 0 && errno != EPIPE) {
    std::cerr << "newsgraph: error: cannot write to stdout\n";
    return kExitInputFailed;
  }
  return failed ? kExitInputFailed : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout ends the run quietly
  Options o;
  if (auto code = ParseOptions(argc, argv, &o)) return *code;
  auto rules = LoadRules(o);
  if (!rules) return kExitRules;
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
  }
  return kExitOk;
}
