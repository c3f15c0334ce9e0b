// Evaluation: extraction scored against a gold set.
//
//   Gold gold;
//   std::string error;
//   if (!LoadGold("tests/eval/samples.gold.json", &gold, &error)) ...
//   Scorer scorer(rules);
//   scorer.Add("appointment", facts);        // once per document
//   EvalReport r = scorer.Report(gold);
//   std::cout << FormatReport(r);
//
// The gold format and the annotation guidelines are in
// tests/eval/GUIDELINES.md. A predicted fact matches a gold fact when:
//  - membership: same person and role, and the same organization when the
//    gold names one;
//  - change: the same original and resulting organizations;
//  - observation: the same subject (when the gold names one), a metric that
//    contains the gold metric's last word, the same value (within 0.5%) or
//    bound, and the same unit code when the gold gives one.
// Names match when they are equal after lower-casing and dropping
// punctuation, a leading "the" and legal suffixes ("Acme Inc" = "ACME"), or
// when the words of one are all words of the other ("Maria Chen" = "Chen");
// roles match by canonical title ("CEO" = "Chief Executive Officer").
// Each gold fact takes at most one prediction; predictions repeated in a
// document (the same fact twice) count once.
#ifndef NEWSGRAPH_EVAL_H_
#define NEWSGRAPH_EVAL_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/names.h"
#include "newsgraph/resolve.h"

namespace newsgraph {

// One fact in comparable form (gold or predicted).
struct EvalFact {
  std::string family;  // "memberships", "changes", "observations"
  // memberships: person, role, org; changes: from, into;
  // observations: subject, metric
  std::string a, b, c;
  std::optional<double> value, min, max;
  std::string unit_code;
  std::string rule;  // predicted facts: the rule that produced it
};

struct Gold {
  std::map<std::string, std::vector<EvalFact>> docs;  // by document key
};

// Reads a gold file; false with `error` ("file: reason") on failure.
bool LoadGold(const std::string& path, Gold* gold, std::string* error);

struct Score {
  size_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp ? double(tp) / double(tp + fp) : 0; }
  double recall() const { return tp + fn ? double(tp) / double(tp + fn) : 0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct EvalReport {
  std::map<std::string, Score> families;  // memberships, changes, observations
  Score micro;
  std::map<std::string, Score> rules;  // per rule id: tp and fp
  size_t documents = 0;                // gold documents scored
  std::vector<std::string> missing;    // gold documents with no prediction
  // Every miss and every false positive, one line each ("doc: miss ...").
  std::vector<std::string> details;
};

class Scorer {
 public:
  explicit Scorer(std::shared_ptr<const RuleSet> rules);
  // Records the predictions for the document `key`.
  void Add(const std::string& key, const Facts& facts);
  void AddFacts(const std::string& key, std::vector<EvalFact> facts);
  EvalReport Report(const Gold& gold) const;

  bool NamesMatch(const std::string& gold, const std::string& predicted) const;
  std::string RoleKey(const std::string& role) const;

 private:
  bool Matches(const EvalFact& g, const EvalFact& p) const;
  std::shared_ptr<const RuleSet> rules_;
  NameForms names_;
  std::map<std::string, std::string> role_canonical_;  // lower-case -> canonical
  std::map<std::string, std::vector<EvalFact>> predicted_;
};

// The report as a table (families, micro, rules by false positives); with
// `details`, every miss and false positive too.
std::string FormatReport(const EvalReport& r, bool details = false);
// The report as JSON.
std::string ReportJson(const EvalReport& r);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EVAL_H_
