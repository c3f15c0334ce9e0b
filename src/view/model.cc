#include "model.h"

#include "newsgraph/view.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace newsgraph::view {
namespace {

const Value* Find(const Node& n, std::string_view key) {
  for (const auto& [k, v] : n.properties)
    if (k == key) return &v;
  return nullptr;
}

std::string Text(const Node& n, std::string_view key) {
  const Value* v = Find(n, key);
  if (!v) return "";
  if (v->kind == Value::Kind::kNumber) return FormatNumber(v->number);
  return v->text;
}

const double* Number(const Node& n, std::string_view key) {
  const Value* v = Find(n, key);
  return v && v->kind == Value::Kind::kNumber ? &v->number : nullptr;
}

std::vector<std::string> List(const Node& n, std::string_view key) {
  const Value* v = Find(n, key);
  if (!v) return {};
  if (v->kind == Value::Kind::kIriList || v->kind == Value::Kind::kStringList) return v->list;
  return {v->text};
}

// "A", "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

// " (current, from 2023-09)": what qualifies a relation, in brackets.
std::string Qualifiers(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    out += out.empty() ? " (" : ", ";
    out += p;
  }
  return out.empty() ? out : out + ")";
}

// "+29%", "46,000,000 members", "1,000,000,000 CNY", "100 to 999%".
std::string Amount(const Node& n) {
  std::string unit_code = Text(n, "unitCode"), unit_text = Text(n, "unitText");
  bool percent = unit_code == "P1";
  std::string kind = Text(n, "valueKind");
  bool change = kind == "change" || kind == "relative-change";
  auto one = [&](double v) {
    std::string s = FormatNumber(v);
    if (change && v > 0) s = "+" + s;
    return s;
  };
  std::string unit = percent ? "%" : !unit_code.empty() ? " " + unit_code
                               : !unit_text.empty()     ? " " + unit_text
                                                        : "";
  const double* value = Number(n, "value");
  const double* min = Number(n, "minValue");
  const double* max = Number(n, "maxValue");
  if (value) return one(*value) + unit;
  if (min && max) return one(*min) + " to " + one(*max) + unit;
  if (min) return "at least " + one(*min) + unit;
  if (max) return "at most " + one(*max) + unit;
  return "";
}

}  // namespace

std::string FormatNumber(double v) {
  if (std::isfinite(v) && std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::string digits = std::to_string(static_cast<long long>(std::fabs(v)));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return v < 0 ? "-" + out : out;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

Model BuildModel(const Graph& g) {
  Model m;
  std::map<std::string, std::string> names;  // IRI -> name
  for (const Node& n : g.nodes) {
    std::string name = Text(n, "name");
    if (!name.empty()) names[n.iri] = name;
    if (n.type == "Person" || n.type == "Organization")
      m.entities.push_back({n.iri, name.empty() ? n.iri : name, n.type == "Person"});
  }
  auto name_of = [&](const std::string& iri) {
    auto it = names.find(iri);
    return it != names.end() ? it->second : iri.empty() ? "?" : iri;
  };
  for (const Node& n : g.nodes) {
    if (n.type == "Organization") {
      if (auto parent = Text(n, "subOrganizationOf"); !parent.empty())
        m.edges.push_back({n.iri, parent, "unit of", EdgeKind::kSubOrganization, ""});
      continue;
    }
    if (n.type != "Membership" && n.type != "ChangeEvent" && n.type != "Observation") continue;
    Relation r;
    r.iri = n.iri;
    r.rule = Text(n, "rule");
    if (const double* c = Number(n, "confidence")) r.confidence = *c;
    r.evidence = n.evidence;
    if (n.type == "Membership") {
      r.family = Family::kMembership;
      std::string member = Text(n, "member"), org = Text(n, "organization");
      std::string role = Text(n, "role");
      std::string role_name = names.count(role) ? names[role] : Text(n, "roleName");
      std::string start = Text(n, "startDate"), end = Text(n, "endDate");
      std::string boss = Text(n, "reportsTo");
      std::string status = Text(n, "status");
      r.sentence = name_of(member) + " \u2014 " + role_name + " \u2014 " +
                   (org.empty() ? "(organization unknown)" : name_of(org)) +
                   Qualifiers({status, start.empty() ? "" : "from " + start,
                               end.empty() ? "" : "until " + end,
                               boss.empty() ? "" : "reports to " + name_of(boss)});
      std::string label = status.empty() ? role_name : role_name + " (" + status + ")";
      if (!org.empty()) m.edges.push_back({member, org, label, EdgeKind::kRole, n.iri});
      if (!boss.empty()) m.edges.push_back({member, boss, "reports to", EdgeKind::kReports, n.iri});
    } else if (n.type == "ChangeEvent") {
      r.family = Family::kChange;
      std::vector<std::string> originals;
      std::string result = Text(n, "resultingOrganization");
      std::string type = Text(n, "changeType");
      for (const auto& o : List(n, "originalOrganization")) {
        originals.push_back(name_of(o));
        if (!result.empty())
          m.edges.push_back({o, result, type.empty() ? "merges into" : "merges into (" + type + ")",
                             EdgeKind::kMerge, n.iri});
      }
      std::string start = Text(n, "startDate");
      r.sentence = JoinNames(originals) + " \u2192 " + name_of(result) +
                   Qualifiers({type, Text(n, "status"), start.empty() ? "" : "from " + start});
    } else {
      r.family = Family::kObservation;
      r.about = Text(n, "observationAbout");
      std::string metric = Text(n, "variableMeasured");
      std::string kind = Text(n, "valueKind");
      std::string when = Text(n, "observationDate");
      std::string period = Text(n, "observationPeriod");
      std::string amount = Amount(n);
      std::string about = r.about.empty() ? "" : names.count(r.about) ? names[r.about] : "the deal";
      r.sentence = (about.empty() ? "" : about + " \u2014 ") + metric + " \u2014 " + amount +
                   Qualifiers({kind == "level" ? "" : kind, when, period});
      r.fields = {metric, amount};
      if (!kind.empty() && kind != "level") r.fields.push_back(kind);
      if (!when.empty()) r.fields.push_back(when);
      if (!period.empty()) r.fields.push_back(period);
    }
    m.relations.push_back(std::move(r));
  }
  return m;
}

}  // namespace newsgraph::view

namespace newsgraph {

std::string ViewAnchor(const Graph& g) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "doc-%016llx",
                static_cast<unsigned long long>(StableHash(g.doc_iri)));
  return buf;
}

std::string ViewTitle(const Document& doc, const Graph& g) {
  if (!doc.meta.headline.empty()) return doc.meta.headline;
  if (!doc.meta.source.empty() && doc.meta.source != "-") return doc.meta.source;
  return g.doc_iri;
}

}  // namespace newsgraph
