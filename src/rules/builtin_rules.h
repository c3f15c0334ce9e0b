// The default rules, embedded at build time by cmake/EmbedRules.cmake.
#ifndef NEWSGRAPH_SRC_RULES_BUILTIN_RULES_H_
#define NEWSGRAPH_SRC_RULES_BUILTIN_RULES_H_

#include <string_view>
#include <vector>

namespace newsgraph {

struct EmbeddedFile {
  std::string_view path;  // relative to rules/
  std::string_view content;
};

const std::vector<EmbeddedFile>& BuiltinRuleFiles();

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_RULES_BUILTIN_RULES_H_
