#include "newsgraph/eval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

const char* kFamilies[] = {"memberships", "changes", "observations"};

std::optional<double> Number(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

std::string Describe(const EvalFact& f) {
  auto num = [](std::optional<double> v) {
    if (!v) return std::string();
    char b[32];
    std::snprintf(b, sizeof b, "%.10g", *v);
    return std::string(b);
  };
  std::string s = f.family.substr(0, f.family.size() - 1) + " " + f.a + " | " + f.b;
  if (!f.c.empty()) s += " | " + f.c;
  if (f.value) s += " = " + num(f.value);
  if (f.min) s += " >= " + num(f.min);
  if (f.max) s += " <= " + num(f.max);
  if (!f.unit_code.empty()) s += " " + f.unit_code;
  return s;
}

bool Near(std::optional<double> gold, std::optional<double> pred) {
  if (!gold || !pred) return false;
  return std::fabs(*gold - *pred) <= std::max(1e-9, 0.005 * std::fabs(*gold));
}

}  // namespace

bool LoadGold(const std::string& path, Gold* gold, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = path + ": cannot read";
    return false;
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("docs") || !j["docs"].is_object()) {
    *error = path + ": not a gold file (expected {\"docs\": {...}})";
    return false;
  }
  for (const auto& [key, doc] : j["docs"].items()) {
    auto& facts = gold->docs[key];
    for (const char* fam : kFamilies) {
      if (!doc.contains(fam)) continue;
      for (const auto& x : doc[fam]) {
        EvalFact f;
        f.family = fam;
        if (std::string(fam) == "memberships") {
          f.a = Str(x, "person"), f.b = Str(x, "role"), f.c = Str(x, "org");
        } else if (std::string(fam) == "changes") {
          f.a = Str(x, "from"), f.b = Str(x, "into");
        } else {
          f.a = Str(x, "subject"), f.b = Str(x, "metric");
          f.value = Number(x, "value");
          f.min = Number(x, "min");
          f.max = Number(x, "max");
          f.unit_code = Str(x, "unitCode");
        }
        facts.push_back(std::move(f));
      }
    }
  }
  return true;
}

Scorer::Scorer(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)), names_(*rules_) {
  // Role synonyms: every entry of an @entity ROLE lexicon maps to its
  // canonical form.
  for (const auto& lex : rules_->lexicons()) {
    if (lex.entity_type != entity_type::kRole) continue;
    for (const auto& e : lex.entries) {
      std::string canonical = e.canonical.empty() ? e.surface : e.canonical;
      role_canonical_[ToLowerUtf8(e.surface)] = ToLowerUtf8(canonical);
      role_canonical_[ToLowerUtf8(canonical)] = ToLowerUtf8(canonical);
    }
  }
}

std::string Scorer::RoleKey(const std::string& role) const {
  std::string low = ToLowerUtf8(role);
  auto it = role_canonical_.find(low);
  return it == role_canonical_.end() ? low : it->second;
}

bool Scorer::NamesMatch(const std::string& gold, const std::string& pred) const {
  std::string x = names_.Key(gold, true), y = names_.Key(pred, true);
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  auto words = [](const std::string& s) {
    std::set<std::string> w;
    std::istringstream in(s);
    for (std::string t; in >> t;) w.insert(t);
    return w;
  };
  auto wx = words(x), wy = words(y);
  auto subset = [](const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
  };
  return subset(wx, wy) || subset(wy, wx);
}

bool Scorer::Matches(const EvalFact& g, const EvalFact& p) const {
  if (g.family != p.family) return false;
  if (g.family == "memberships") {
    return NamesMatch(g.a, p.a) && RoleKey(g.b) == RoleKey(p.b) &&
           (g.c.empty() || NamesMatch(g.c, p.c));
  }
  if (g.family == "changes") return NamesMatch(g.a, p.a) && NamesMatch(g.b, p.b);
  if (!g.a.empty() && !NamesMatch(g.a, p.a)) return false;
  std::string gm = ToLowerUtf8(g.b);
  std::string last = gm.substr(gm.find_last_of(' ') == std::string::npos ? 0 : gm.find_last_of(' ') + 1);
  if (ToLowerUtf8(p.b).find(last) == std::string::npos) return false;
  if (g.value) {
    if (!Near(g.value, p.value)) return false;
  } else if (g.min) {
    if (!Near(g.min, p.min)) return false;
  } else if (g.max) {
    if (!Near(g.max, p.max)) return false;
  }
  return g.unit_code.empty() || g.unit_code == p.unit_code;
}

void Scorer::Add(const std::string& key, const Facts& f) {
  std::vector<EvalFact> out;
  auto name = [&](int e) { return e >= 0 ? f.entities[e].name : std::string(); };
  auto rule = [&](const Provenance& p) { return rules_->rules()[p.rule].id; };
  for (const auto& m : f.memberships) {
    EvalFact x;
    x.family = "memberships";
    x.a = name(m.member), x.b = name(m.role), x.c = name(m.organization);
    x.rule = rule(m.prov);
    out.push_back(std::move(x));
  }
  for (const auto& c : f.changes) {
    if (c.status == "terminated") continue;
    for (int o : c.originals) {
      EvalFact x;
      x.family = "changes";
      x.a = name(o), x.b = name(c.resulting);
      x.rule = rule(c.prov);
      out.push_back(std::move(x));
    }
  }
  for (const auto& o : f.observations) {
    EvalFact x;
    x.family = "observations";
    x.a = name(o.about), x.b = o.metric;
    x.value = o.quantity.value, x.min = o.quantity.min, x.max = o.quantity.max;
    x.unit_code = o.quantity.unit_code;
    x.rule = rule(o.prov);
    out.push_back(std::move(x));
  }
  AddFacts(key, std::move(out));
}

void Scorer::AddFacts(const std::string& key, std::vector<EvalFact> facts) {
  auto& v = predicted_[key];
  for (auto& f : facts) v.push_back(std::move(f));
}

EvalReport Scorer::Report(const Gold& gold) const {
  EvalReport r;
  for (const char* fam : kFamilies) r.families[fam];
  for (const auto& [key, gfacts] : gold.docs) {
    ++r.documents;
    auto it = predicted_.find(key);
    if (it == predicted_.end()) r.missing.push_back(key);
    std::vector<EvalFact> preds = it == predicted_.end() ? std::vector<EvalFact>{} : it->second;
    // The same fact predicted twice counts once.
    std::vector<EvalFact> unique;
    for (auto& p : preds) {
      bool dup = false;
      for (const auto& u : unique) {
        dup = dup || (u.family == p.family && u.a == p.a && u.b == p.b && u.c == p.c &&
                      u.value == p.value && u.min == p.min && u.max == p.max &&
                      u.unit_code == p.unit_code);
      }
      if (!dup) unique.push_back(p);
    }
    std::vector<char> used(unique.size(), 0);
    for (const auto& g : gfacts) {
      Score& s = r.families[g.family];
      bool found = false;
      for (size_t i = 0; i < unique.size() && !found; ++i) {
        if (used[i] || !Matches(g, unique[i])) continue;
        used[i] = 1;
        found = true;
        ++s.tp;
        ++r.rules[unique[i].rule].tp;
      }
      if (!found) {
        ++s.fn;
        r.details.push_back(key + ": miss " + Describe(g));
      }
    }
    for (size_t i = 0; i < unique.size(); ++i) {
      if (used[i]) continue;
      ++r.families[unique[i].family].fp;
      ++r.rules[unique[i].rule].fp;
      r.details.push_back(key + ": false " + Describe(unique[i]) + " [" + unique[i].rule + "]");
    }
  }
  for (const auto& [fam, s] : r.families) {
    r.micro.tp += s.tp;
    r.micro.fp += s.fp;
    r.micro.fn += s.fn;
  }
  return r;
}

std::string FormatReport(const EvalReport& r, bool details) {
  std::string out;
  char line[200];
  std::snprintf(line, sizeof line, "%-14s %6s %6s %6s %9s %7s %6s\n", "family", "tp",
                "fp", "fn", "precision", "recall", "F1");
  out += line;
  auto row = [&](const std::string& name, const Score& s) {
    std::snprintf(line, sizeof line, "%-14s %6zu %6zu %6zu %9.3f %7.3f %6.3f\n",
                  name.c_str(), s.tp, s.fp, s.fn, s.precision(), s.recall(), s.f1());
    out += line;
  };
  for (const char* fam : kFamilies) row(fam, r.families.at(fam));
  row("micro", r.micro);
  std::vector<std::pair<std::string, Score>> rules(r.rules.begin(), r.rules.end());
  std::sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
    if (a.second.fp != b.second.fp) return a.second.fp > b.second.fp;
    return a.first < b.first;
  });
  out += "\nrules (by false positives)\n";
  std::snprintf(line, sizeof line, "%-40s %6s %6s\n", "rule", "tp", "fp");
  out += line;
  for (const auto& [id, s] : rules) {
    std::snprintf(line, sizeof line, "%-40s %6zu %6zu\n", id.c_str(), s.tp, s.fp);
    out += line;
  }
  if (details) {
    out += "\ndetails\n";
    for (const auto& d : r.details) out += d + "\n";
  }
  std::snprintf(line, sizeof line, "\n%zu gold documents", r.documents);
  out += line;
  if (!r.missing.empty()) out += ", " + std::to_string(r.missing.size()) + " with no output";
  out += "\n";
  return out;
}

std::string ReportJson(const EvalReport& r) {
  nlohmann::ordered_json j;
  auto score = [](const Score& s) {
    nlohmann::ordered_json x;
    x["tp"] = s.tp, x["fp"] = s.fp, x["fn"] = s.fn;
    x["precision"] = s.precision(), x["recall"] = s.recall(), x["f1"] = s.f1();
    return x;
  };
  for (const char* fam : kFamilies) j["families"][fam] = score(r.families.at(fam));
  j["micro"] = score(r.micro);
  for (const auto& [id, s] : r.rules) j["rules"][id] = {{"tp", s.tp}, {"fp", s.fp}};
  j["documents"] = r.documents;
  j["missing"] = r.missing;
  return j.dump(1);
}

}  // namespace newsgraph
