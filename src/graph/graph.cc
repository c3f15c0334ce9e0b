#include "newsgraph/graph.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "graph/sha256.h"
#include "newsgraph/unicode.h"

namespace newsgraph {

uint64_t StableHash(std::string_view text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

namespace {

bool IsAbsoluteIri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return false;
  }
  for (char c : s)
    if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' ||
        c == '|' || c == '\\' || c == '^' || c == '`' ||
        static_cast<unsigned char>(c) < 0x20)
      return false;
  return true;
}

// Percent-encodes all but RFC 3986 unreserved characters.
std::string EscapeSegment(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

// Code-point offsets from byte offsets, with checkpoints every 256 bytes.
// Code points are counted as the bytes that do not continue one (10xxxxxx),
// eight bytes at a time.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    checkpoints_.reserve(text.size() / kStep + 1);
    size_t count = 0;
    for (size_t at = 0; at < text.size(); at += kStep) {
      checkpoints_.push_back(count);
      count += Count(at, std::min(at + kStep, text.size()));
    }
  }
  size_t At(size_t byte) const {
    if (byte == 0 || checkpoints_.empty()) return 0;
    byte = std::min(byte, text_.size());
    const size_t block = std::min(byte / kStep, checkpoints_.size() - 1);
    return checkpoints_[block] + Count(block * kStep, byte);
  }

 private:
  static constexpr size_t kStep = 256;
  // The code points that start in bytes [from, to).
  size_t Count(size_t from, size_t to) const {
    size_t count = 0;
    for (; from + 8 <= to; from += 8) {
      uint64_t w;
      std::memcpy(&w, text_.data() + from, 8);
      // A continuation byte has its top bit set and the next one clear;
      // the flags, one per byte, are summed by a multiply (a popcount would
      // be a library call without -mpopcnt).
      const uint64_t continuation = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
      count += 8 - static_cast<size_t>((continuation * 0x0101010101010101ull) >> 56);
    }
    for (; from < to; ++from)
      if ((static_cast<unsigned char>(text_[from]) & 0xC0) != 0x80) ++count;
    return count;
  }
  std::string_view text_;
  std::vector<size_t> checkpoints_;
};

}  // namespace

GraphBuilder::GraphBuilder(GraphOptions options,
                           std::shared_ptr<const RuleSet> rules)
    : options_(std::move(options)), rules_(std::move(rules)), names_(*rules_) {}

std::string GraphBuilder::DocumentIri(const Document& doc) const {
  if (!doc.meta.id.empty()) {
    if (IsAbsoluteIri(doc.meta.id)) return doc.meta.id;
    return options_.base + "doc/" + EscapeSegment(doc.meta.id);
  }
  if (!doc.meta.url.empty() && IsAbsoluteIri(doc.meta.url)) return doc.meta.url;
  return options_.base + "doc/" + Sha256Hex(doc.text).substr(0, 16);
}

Graph GraphBuilder::Build(const Document& doc, const Facts& facts) const {
  Graph g;
  g.doc_iri = DocumentIri(doc);
  if (!facts.date_published.empty())
    g.doc_properties.emplace_back("datePublished", Value::String(facts.date_published));
  if (!doc.meta.url.empty() && IsAbsoluteIri(doc.meta.url))
    g.doc_properties.emplace_back("url", Value::Iri(doc.meta.url));
  if (!doc.meta.headline.empty())
    g.doc_properties.emplace_back("headline", Value::String(doc.meta.headline));

  // Entity IRIs. Two entities that slug alike share one node.
  std::vector<std::string> iri(facts.entities.size());
  for (size_t e = 0; e < facts.entities.size(); ++e) {
    const Entity& ent = facts.entities[e];
    std::string kind, name = ent.name;
    switch (ent.type) {
      case entity_type::kPerson: kind = "person"; break;
      case entity_type::kOrganization:
        kind = "org";
        name = names_.StripLegalSuffix(ent.name);
        break;
      case entity_type::kPlace: kind = "place"; break;
      case entity_type::kRole: kind = "role"; break;
      default: continue;
    }
    std::string slug = Slug(name);
    if (slug.empty()) slug = Sha256Hex(ent.name).substr(0, 16);
    iri[e] = options_.base + kind + "/" + slug;
  }
  auto used = [&](int e) { return e >= 0 && !iri[e].empty() && !facts.entities[e].name.empty(); };

  // Entities that relations use, or that the text names (persons, orgs, places).
  std::vector<char> keep(facts.entities.size(), 0);
  for (size_t e = 0; e < facts.entities.size(); ++e)
    keep[e] = facts.entities[e].type != entity_type::kRole && used(static_cast<int>(e));
  std::vector<int> role_order;
  auto use_role = [&](int r) {
    if (!used(r)) return;
    if (!keep[r]) role_order.push_back(r);
    keep[r] = 1;
  };
  for (const auto& m : facts.memberships) use_role(m.role);

  std::unordered_map<std::string, size_t> emitted;  // IRI -> node index; never walked
  auto add_entity = [&](int e) {
    const Entity& ent = facts.entities[e];
    auto it = emitted.find(iri[e]);
    if (it != emitted.end()) {
      // Same IRI: fold the names into the existing node.
      Node& n = g.nodes[it->second];
      for (auto& [k, v] : n.properties) {
        if (k != "alternateName") continue;
        for (const auto& a : ent.alternate_names) v.list.push_back(a);
      }
      return;
    }
    Node n;
    n.iri = iri[e];
    static const char* kTypes[] = {"Person", "Organization", "Role", "Place"};
    n.type = kTypes[ent.type];
    n.properties.emplace_back("name", Value::String(ent.name));
    if (!ent.alternate_names.empty()) {
      n.properties.emplace_back("alternateName",
                                Value::StringList(ent.alternate_names));
    }
    if (ent.parent >= 0 && used(ent.parent) && iri[ent.parent] != iri[e])
      n.properties.emplace_back("subOrganizationOf", Value::Iri(iri[ent.parent]));
    emitted[iri[e]] = g.nodes.size();
    g.nodes.push_back(std::move(n));
    if (ent.type != entity_type::kRole) g.mentions.push_back(iri[e]);
  };
  // Parents must exist as nodes too.
  for (size_t e = 0; e < facts.entities.size(); ++e)
    if (keep[e] && facts.entities[e].parent >= 0 && used(facts.entities[e].parent))
      keep[facts.entities[e].parent] = 1;
  for (EntityType t : {entity_type::kPerson, entity_type::kOrganization, entity_type::kPlace}) {
    std::vector<int> order;
    for (size_t e = 0; e < facts.entities.size(); ++e)
      if (keep[e] && facts.entities[e].type == t) order.push_back(static_cast<int>(e));
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return facts.entities[a].first_token < facts.entities[b].first_token;
    });
    for (int e : order) add_entity(e);
  }
  for (int r : role_order) add_entity(r);

  // Relations.
  CodePointIndex cps(doc.text);
  auto relation = [&](const std::string& kind, const std::string& type,
                      const Provenance& prov, const std::string& key,
                      std::vector<std::pair<std::string, Value>> props) {
    Node n;
    n.type = type;
    std::string seed = g.doc_iri + "\n" + kind + "\n" + key;
    for (const Span& s : prov.evidence)
      seed += "\n" + std::to_string(s.begin) + "-" + std::to_string(s.end);
    n.iri = options_.base + kind + "/" + Sha256Hex(seed).substr(0, 16);
    n.properties = std::move(props);
    n.properties.emplace_back("derivedFrom", Value::Iri(g.doc_iri));
    n.properties.emplace_back("rule", Value::String(rules_->rules()[prov.rule].id));
    n.properties.emplace_back("confidence", Value::Number(prov.confidence));
    for (const Span& s : prov.evidence) {
      n.evidence.push_back({n.iri + "#evidence-" + std::to_string(n.evidence.size() + 1),
                            std::string(doc.text.substr(s.begin, s.size())),
                            cps.At(s.begin), cps.At(s.end)});
    }
    g.nodes.push_back(std::move(n));
  };
  for (const auto& m : facts.memberships) {
    if (!used(m.member) || !used(m.role)) continue;
    std::vector<std::pair<std::string, Value>> p;
    p.emplace_back("member", Value::Iri(iri[m.member]));
    if (used(m.organization)) p.emplace_back("organization", Value::Iri(iri[m.organization]));
    p.emplace_back("role", Value::Iri(iri[m.role]));
    p.emplace_back("roleName", Value::String(m.role_name));
    p.emplace_back("status", Value::String(m.status));
    if (!m.start_date.empty()) p.emplace_back("startDate", Value::String(m.start_date));
    if (!m.end_date.empty()) p.emplace_back("endDate", Value::String(m.end_date));
    if (used(m.reports_to)) p.emplace_back("reportsTo", Value::Iri(iri[m.reports_to]));
    std::string key = iri[m.member] + "|" + iri[m.role] + "|" +
                      (used(m.organization) ? iri[m.organization] : "") + "|" + m.status;
    relation("membership", "Membership", m.prov, key, std::move(p));
  }
  for (const auto& c : facts.changes) {
    if (!used(c.resulting)) continue;
    std::vector<std::string> originals;
    for (int o : c.originals)
      if (used(o)) originals.push_back(iri[o]);
    if (originals.empty()) continue;
    std::vector<std::pair<std::string, Value>> p;
    p.emplace_back("changeType", Value::String(c.change_type));
    p.emplace_back("originalOrganization", Value::IriList(originals));
    p.emplace_back("resultingOrganization", Value::Iri(iri[c.resulting]));
    if (!c.status.empty()) p.emplace_back("status", Value::String(c.status));
    if (!c.start_date.empty()) p.emplace_back("startDate", Value::String(c.start_date));
    std::string key = c.change_type + "|" + iri[c.resulting];
    for (const auto& o : originals) key += "|" + o;
    relation("change", "ChangeEvent", c.prov, key, std::move(p));
  }
  for (const auto& o : facts.observations) {
    std::vector<std::pair<std::string, Value>> p;
    if (used(o.about)) p.emplace_back("observationAbout", Value::Iri(iri[o.about]));
    p.emplace_back("variableMeasured", Value::String(o.metric));
    p.emplace_back("valueKind", Value::String(o.kind));
    const Quantity& q = o.quantity;
    if (q.value) p.emplace_back("value", Value::Number(*q.value));
    if (q.min) p.emplace_back("minValue", Value::Number(*q.min));
    if (q.max) p.emplace_back("maxValue", Value::Number(*q.max));
    if (!q.unit_code.empty()) p.emplace_back("unitCode", Value::String(q.unit_code));
    if (!q.unit_text.empty()) p.emplace_back("unitText", Value::String(q.unit_text));
    if (!o.date.empty()) p.emplace_back("observationDate", Value::String(o.date));
    if (!o.period.empty()) p.emplace_back("observationPeriod", Value::String(o.period));
    // Values are part of the key: one match may report several figures.
    auto num = [](const std::optional<double>& v) {
      return v ? std::to_string(*v) : std::string("-");
    };
    std::string key = (used(o.about) ? iri[o.about] : "") + "|" + o.metric + "|" + o.kind +
                      "|" + num(q.value) + "|" + num(q.min) + "|" + num(q.max) + "|" +
                      q.unit_code + "|" + o.period + "|" + o.date;
    relation("observation", "Observation", o.prov, key, std::move(p));
  }
  return g;
}

}  // namespace newsgraph
