// Command-line options: raw values from CLI11, validated into Options, the
// only thing the rest of main() sees.
#ifndef NEWSGRAPH_SRC_CLI_OPTIONS_H_
#define NEWSGRAPH_SRC_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include "newsgraph/batch.h"

namespace newsgraph {

// Exit codes, documented in --help and README.md.
enum ExitCode : int {
  kExitOk = 0,           // every input was processed
  kExitInputFailed = 1,  // at least one input could not be processed
  kExitUsage = 2,        // bad command line
  kExitRules = 3,        // the rules do not load (or rules check/test failed)
  kExitPush = 4,         // at least one document could not be pushed
};

enum class Command { kExtract, kRulesCheck, kRulesTest, kEval };

struct Options {
  Command command = Command::kExtract;
  std::string rules_dir;  // empty = built-in rules
  std::string base = "https://w3id.org/newsgraph/id/";
  bool pretty = false;
  bool explain = false;
  std::string format = "jsonld";  // jsonld, nquads, ntriples
  bool quiet = false;
  BatchOptions batch;  // inputs, formats, jobs, output, errors
  std::string gold;    // eval: the gold file
  bool json = false;   // eval: the report as JSON
  bool details = false;  // eval: every miss and false positive
};

// Parses argv. On --help/--version prints to stdout and returns an exit code;
// on misuse prints a one-line hint to stderr and returns kExitUsage. Returns
// nothing when the program should go on with `*out`.
std::optional<int> ParseOptions(int argc, char** argv, Options* out);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_CLI_OPTIONS_H_
