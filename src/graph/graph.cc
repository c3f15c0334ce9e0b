#include "newsgraph/graph.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <iterator>
#include <numeric>
#include <tuple>
#include <utility>

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

// std::isalnum in the "C" locale (the program never sets another), inline.
bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool IsAbsoluteIri(std::string_view s) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!(IsAsciiAlnum(c) || c == '+' || c == '-' || c == '.'))
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
void AppendEscapedSegment(std::string* out, std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : s) {
    if (IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      *out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      *out += '%';
      *out += kHex[byte >> 4];
      *out += kHex[byte & 0xf];
    }
  }
}

// Code-point offsets from byte offsets, with checkpoints every 64 bytes,
// laid only as far into the text as the offsets asked for (the evidence of
// a story is often in its first paragraphs).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {}
  size_t At(size_t byte) {
    byte = std::min(byte, text_.size());
    const size_t block = byte / kStep;
    // checkpoints_[k]: the code points in the first k blocks.
    if (checkpoints_.empty()) checkpoints_.push_back(0);
    while (checkpoints_.size() <= block) {
      const size_t k = checkpoints_.size();
      checkpoints_.push_back(checkpoints_.back() + Count((k - 1) * kStep, k * kStep));
    }
    return checkpoints_[block] + Count(block * kStep, byte);
  }

 private:
  static constexpr size_t kStep = 64;
  // The code points that start in bytes [from, to).
  size_t Count(size_t from, size_t to) const {
    return CountCodePoints(text_.substr(from, to - from));
  }
  std::string_view text_;
  std::vector<size_t> checkpoints_;
};

using Properties = std::vector<std::pair<std::string, Value>>;

// Adds the property `key` with a value of `kind`, to fill in (built in
// place: a Value made first would be moved in and destroyed besides).
Value& AddValue(Properties* properties, std::string_view key, Value::Kind kind) {
  Value& v = properties
                 ->emplace_back(std::piecewise_construct, std::forward_as_tuple(key),
                                std::forward_as_tuple())
                 .second;
  v.kind = kind;
  return v;
}
// Text is copied straight into a new string: assigning it to an empty one
// would take the longer path of a replace.
void AddText(Properties* properties, std::string_view key, Value::Kind kind,
             std::string_view text) {
  properties->emplace_back(key, Value{kind, std::string(text), 0, {}});
}
void AddIri(Properties* properties, std::string_view key, std::string_view iri) {
  AddText(properties, key, Value::Kind::kIri, iri);
}
void AddString(Properties* properties, std::string_view key, std::string_view text) {
  AddText(properties, key, Value::Kind::kString, text);
}
void AddNumber(Properties* properties, std::string_view key, double number) {
  AddValue(properties, key, Value::Kind::kNumber).number = number;
}

// The pieces joined, in one allocation.
std::string Concat(std::initializer_list<std::string_view> pieces) {
  size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : pieces) out.append(p);
  return out;
}

void AppendDecimal(std::string* out, uint64_t v) {
  char digits[20];
  const char* end = std::to_chars(digits, std::end(digits), v).ptr;
  out->append(digits, static_cast<size_t>(end - digits));
}

// The text std::to_string(double) gives, printf's "%f" (fixed, six
// decimals): observation IRIs hash it, so it may never change. to_chars
// gives the same digits, correctly rounded, without a printf call.
void AppendFixed6(std::string* out, double v) {
  char text[320];  // -DBL_MAX takes 317
  const char* end = std::to_chars(text, std::end(text), v, std::chars_format::fixed, 6).ptr;
  out->append(text, static_cast<size_t>(end - text));
}

// For each entity, the first entity with the same IRI (itself when none
// comes before it): entities that slug alike share one node.
std::vector<int> FirstWithSameIri(const std::vector<std::string>& iri) {
  std::vector<int> order(iri.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    const int c = iri[a].compare(iri[b]);
    return c < 0 || (c == 0 && a < b);
  });
  std::vector<int> first(iri.size());
  for (size_t i = 0; i < order.size(); ++i) {
    const bool same_as_previous = i > 0 && iri[order[i]] == iri[order[i - 1]];
    first[order[i]] = same_as_previous ? first[order[i - 1]] : order[i];
  }
  return first;
}

}  // namespace

GraphBuilder::GraphBuilder(GraphOptions options,
                           std::shared_ptr<const RuleSet> rules)
    : options_(std::move(options)), rules_(std::move(rules)), names_(*rules_) {}

std::string GraphBuilder::DocumentIri(const Document& doc) const {
  if (!doc.meta.id.empty()) {
    if (IsAbsoluteIri(doc.meta.id)) return doc.meta.id;
    std::string iri = Concat({options_.base, "doc/"});
    AppendEscapedSegment(&iri, doc.meta.id);
    return iri;
  }
  if (!doc.meta.url.empty() && IsAbsoluteIri(doc.meta.url)) return doc.meta.url;
  return Concat({options_.base, "doc/", std::string_view(Sha256Hex(doc.text)).substr(0, 16)});
}

Graph GraphBuilder::Build(const Document& doc, const Facts& facts) const {
  Graph g;
  g.doc_iri = DocumentIri(doc);
  if (!facts.date_published.empty())
    AddString(&g.doc_properties, "datePublished", facts.date_published);
  if (!doc.meta.url.empty() && IsAbsoluteIri(doc.meta.url))
    AddIri(&g.doc_properties, "url", doc.meta.url);
  if (!doc.meta.headline.empty())
    AddString(&g.doc_properties, "headline", doc.meta.headline);

  // Entity IRIs.
  const size_t entities = facts.entities.size();
  std::vector<std::string> iri(entities);
  for (size_t e = 0; e < entities; ++e) {
    const Entity& ent = facts.entities[e];
    std::string_view kind, name = ent.name;
    std::string stripped;
    switch (ent.type) {
      case entity_type::kPerson: kind = "person"; break;
      case entity_type::kOrganization:
        kind = "org";
        stripped = names_.StripLegalSuffix(ent.name);
        name = stripped;
        break;
      case entity_type::kPlace: kind = "place"; break;
      case entity_type::kRole: kind = "role"; break;
      default: continue;
    }
    std::string slug = Slug(name);
    if (slug.empty()) slug = Sha256Hex(ent.name).substr(0, 16);
    iri[e] = Concat({options_.base, kind, "/", slug});
  }
  auto used = [&](int e) { return e >= 0 && !iri[e].empty() && !facts.entities[e].name.empty(); };

  // Entities that relations use, or that the text names (persons, orgs, places).
  std::vector<char> keep(entities, 0);
  for (size_t e = 0; e < entities; ++e)
    keep[e] = facts.entities[e].type != entity_type::kRole && used(static_cast<int>(e));
  std::vector<int> role_order;
  auto use_role = [&](int r) {
    if (!used(r)) return;
    if (!keep[r]) role_order.push_back(r);
    keep[r] = 1;
  };
  for (const auto& m : facts.memberships) use_role(m.role);

  // Parents must exist as nodes too.
  for (size_t e = 0; e < entities; ++e)
    if (keep[e] && facts.entities[e].parent >= 0 && used(facts.entities[e].parent))
      keep[facts.entities[e].parent] = 1;

  // At most one node per entity and one per relation: no node moves.
  g.nodes.reserve(entities + facts.memberships.size() + facts.changes.size() +
                  facts.observations.size());
  const std::vector<int> first_with_iri = FirstWithSameIri(iri);
  std::vector<int> node_of(entities, -1);  // by first_with_iri
  auto add_entity = [&](int e) {
    const Entity& ent = facts.entities[e];
    int& node = node_of[first_with_iri[e]];
    if (node >= 0) {
      // Same IRI: fold the names into the existing node.
      for (auto& [k, v] : g.nodes[node].properties) {
        if (k != "alternateName") continue;
        for (const auto& a : ent.alternate_names) v.list.push_back(a);
      }
      return;
    }
    node = static_cast<int>(g.nodes.size());
    Node& n = g.nodes.emplace_back();
    n.iri = iri[e];
    static const char* kTypes[] = {"Person", "Organization", "Role", "Place"};
    n.type = kTypes[ent.type];
    n.properties.reserve(3);
    AddString(&n.properties, "name", ent.name);
    if (!ent.alternate_names.empty()) {
      AddValue(&n.properties, "alternateName", Value::Kind::kStringList).list =
          ent.alternate_names;
    }
    if (ent.parent >= 0 && used(ent.parent) && iri[ent.parent] != iri[e])
      AddIri(&n.properties, "subOrganizationOf", iri[ent.parent]);
    if (ent.type != entity_type::kRole) g.mentions.push_back(iri[e]);
  };
  std::vector<int> order;
  for (EntityType t : {entity_type::kPerson, entity_type::kOrganization, entity_type::kPlace}) {
    order.clear();
    for (size_t e = 0; e < entities; ++e)
      if (keep[e] && facts.entities[e].type == t) order.push_back(static_cast<int>(e));
    // In text order; entities that start at one token in entity order.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
      const uint32_t ta = facts.entities[a].first_token, tb = facts.entities[b].first_token;
      return ta < tb || (ta == tb && a < b);
    });
    for (int e : order) add_entity(e);
  }
  for (int r : role_order) add_entity(r);

  // Relations. A relation's IRI hashes its seed: the document IRI, the
  // relation's kind and key (fields joined by '|'), then its evidence
  // offsets, one per line.
  CodePointIndex cps(doc.text);
  std::string seed;
  auto start_relation = [&](const char* type, std::string_view kind,
                            size_t max_properties) -> Node& {
    seed.assign(g.doc_iri);
    seed += '\n';
    seed.append(kind);
    seed += '\n';
    Node& n = g.nodes.emplace_back();
    n.type = type;
    n.properties.reserve(max_properties + 3);
    return n;
  };
  auto finish_relation = [&](Node& n, std::string_view kind, const Provenance& prov) {
    for (const Span& s : prov.evidence) {
      seed += '\n';
      AppendDecimal(&seed, s.begin);
      seed += '-';
      AppendDecimal(&seed, s.end);
    }
    const std::string hash = Sha256Hex(seed);
    n.iri = Concat({options_.base, kind, "/", std::string_view(hash).substr(0, 16)});
    AddIri(&n.properties, "derivedFrom", g.doc_iri);
    AddString(&n.properties, "rule", rules_->rules()[prov.rule].id);
    AddNumber(&n.properties, "confidence", prov.confidence);
    n.evidence.reserve(prov.evidence.size());
    for (const Span& s : prov.evidence) {
      std::string evidence_iri;
      evidence_iri.reserve(n.iri.size() + 20);
      evidence_iri.append(n.iri).append("#evidence-");
      AppendDecimal(&evidence_iri, n.evidence.size() + 1);
      n.evidence.push_back({std::move(evidence_iri),
                            std::string(doc.text.substr(s.begin, s.size())),
                            cps.At(s.begin), cps.At(s.end)});
    }
  };
  for (const auto& m : facts.memberships) {
    if (!used(m.member) || !used(m.role)) continue;
    Node& n = start_relation("Membership", "membership", 8);
    auto& p = n.properties;
    AddIri(&p, "member", iri[m.member]);
    if (used(m.organization)) AddIri(&p, "organization", iri[m.organization]);
    AddIri(&p, "role", iri[m.role]);
    AddString(&p, "roleName", m.role_name);
    AddString(&p, "status", m.status);
    if (!m.start_date.empty()) AddString(&p, "startDate", m.start_date);
    if (!m.end_date.empty()) AddString(&p, "endDate", m.end_date);
    if (used(m.reports_to)) AddIri(&p, "reportsTo", iri[m.reports_to]);
    seed.append(iri[m.member]).append(1, '|').append(iri[m.role]).append(1, '|');
    if (used(m.organization)) seed.append(iri[m.organization]);
    seed.append(1, '|').append(m.status);
    finish_relation(n, "membership", m.prov);
  }
  for (const auto& c : facts.changes) {
    if (!used(c.resulting)) continue;
    std::vector<std::string> originals;
    for (int o : c.originals)
      if (used(o)) originals.push_back(iri[o]);
    if (originals.empty()) continue;
    Node& n = start_relation("ChangeEvent", "change", 5);
    seed.append(c.change_type).append(1, '|').append(iri[c.resulting]);
    for (const auto& o : originals) seed.append(1, '|').append(o);
    auto& p = n.properties;
    AddString(&p, "changeType", c.change_type);
    AddValue(&p, "originalOrganization", Value::Kind::kIriList).list = std::move(originals);
    AddIri(&p, "resultingOrganization", iri[c.resulting]);
    if (!c.status.empty()) AddString(&p, "status", c.status);
    if (!c.start_date.empty()) AddString(&p, "startDate", c.start_date);
    finish_relation(n, "change", c.prov);
  }
  for (const auto& o : facts.observations) {
    Node& n = start_relation("Observation", "observation", 12);
    auto& p = n.properties;
    if (used(o.about)) AddIri(&p, "observationAbout", iri[o.about]);
    AddString(&p, "variableMeasured", o.metric);
    AddString(&p, "valueKind", o.kind);
    const Quantity& q = o.quantity;
    if (q.value) AddNumber(&p, "value", *q.value);
    if (q.min) AddNumber(&p, "minValue", *q.min);
    if (q.max) AddNumber(&p, "maxValue", *q.max);
    if (!q.unit_code.empty()) AddString(&p, "unitCode", q.unit_code);
    if (!q.unit_text.empty()) AddString(&p, "unitText", q.unit_text);
    if (!o.date.empty()) AddString(&p, "observationDate", o.date);
    if (!o.period.empty()) AddString(&p, "observationPeriod", o.period);
    // Values are part of the key: one match may report several figures.
    auto add_number = [&](const std::optional<double>& v) {
      seed += '|';
      if (v) AppendFixed6(&seed, *v);
      else seed += '-';
    };
    if (used(o.about)) seed.append(iri[o.about]);
    seed.append(1, '|').append(o.metric).append(1, '|').append(o.kind);
    add_number(q.value);
    add_number(q.min);
    add_number(q.max);
    seed.append(1, '|').append(q.unit_code).append(1, '|').append(o.period);
    seed.append(1, '|').append(o.date);
    finish_relation(n, "observation", o.prov);
  }
  return g;
}

}  // namespace newsgraph
