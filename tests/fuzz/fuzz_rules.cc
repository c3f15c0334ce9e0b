// Fuzz target: the rule-file parser and compiler. The first byte chooses a
// lexicon (.lex) or a rules file (.rules); the rest is the file. Any input
// must give either a rule set or diagnostics naming the file, never a crash;
// a rule set that compiles must also verify (every RE2 program builds) or
// report why.

#include <cstdint>
#include <cstdlib>
#include <string>

#include "newsgraph/diagnostics.h"
#include "newsgraph/rules.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string content(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string path = (data[0] & 1) ? "fuzz.lex" : "fuzz.rules";
  newsgraph::Diagnostics diags;
  auto rules = newsgraph::RuleSet::Compile({{path, content}}, &diags);
  if (!rules) {
    if (!diags.has_errors()) std::abort();  // a failure must say why
    return 0;
  }
  rules->Verify(&diags);
  return 0;
}
