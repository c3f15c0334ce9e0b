#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "newsgraph/input.h"
#include "newsgraph/resolve.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

bool StartsUpperOrDigit(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  char32_t c = DecodeUtf8(s, &i);
  return IsUpper(c) || IsDigit(c);
}

std::string Lower(std::string_view s) { return ToLowerUtf8(s); }

bool IsAllCapitals(std::string_view s) {
  size_t i = 0;
  bool any = false;
  while (i < s.size()) {
    char32_t c = DecodeUtf8(s, &i);
    if (!IsUpper(c)) return false;
    any = true;
  }
  return any;
}


// The state of one Resolve() call.
class DocumentResolver {
 public:
  DocumentResolver(const NameForms& names, const Normalizer& normalizer,
                   const Document& doc, const Segmentation& seg,
                   const Annotation& ann)
      : names_(names), normalizer_(normalizer), doc_(doc),
        seg_(seg), ann_(ann), mention_entity_(ann.mentions.size(), -1),
        antecedent_done_(ann.mentions.size(), 0) {
    // Most entities are named by a mention: room for them up front.
    facts_.entities.reserve(ann.mentions.size());
    entity_mentions_.reserve(ann.mentions.size());
    extra_names_.reserve(ann.mentions.size());
  }

  Facts Run(const std::vector<Relation>& relations) {
    facts_.date_published = PublicationDate(relations);
    dateline_places_ = DatelinePlaces(relations);
    // Typed mentions first, then short forms.
    for (size_t i = 0; i < ann_.mentions.size(); ++i) {
      const Mention& m = ann_.mentions[i];
      if (m.pronoun || m.alias_of >= 0) continue;
      if (m.type == entity_type::kPerson || m.type == entity_type::kOrganization ||
          m.type == entity_type::kPlace)
        Assign(static_cast<int>(i), m.type);
    }
    for (size_t i = 0; i < ann_.mentions.size(); ++i) {
      const Mention& m = ann_.mentions[i];
      if (m.alias_of < 0 || m.pronoun) continue;
      int target = m.alias_of;
      if (mention_entity_[target] < 0) Assign(target, ann_.mentions[target].type);
      mention_entity_[i] = mention_entity_[target];
      if (mention_entity_[i] >= 0) entity_mentions_[mention_entity_[i]].push_back(static_cast<int>(i));
    }
    // "MidCon Corp, a subsidiary of Occidental Petroleum Corp, said ...":
    // the parent in such an appositive is not what the sentence is about.
    for (const Relation& r : relations) {
      if (r.family != Family::kSubOrganization) continue;
      const RelationArg* child = r.Find("child");
      const RelationArg* parent = r.Find("parent");
      if (child && parent && child->captured && parent->captured &&
          parent->range.begin > child->range.begin)
        for (uint32_t t = parent->range.begin; t < parent->range.end; ++t)
          appositive_parents_.insert(t);
    }
    for (const Relation& r : relations) {
      switch (r.family) {
        case Family::kMembership: AddMemberships(r); break;
        case Family::kChange: AddChange(r); break;
        case Family::kObservation: AddObservation(r); break;
        case Family::kSubOrganization: AddSubOrganization(r); break;
        default: break;
      }
    }
    // Successions read the memberships found anywhere in the document.
    for (const Relation& r : relations)
      if (r.family == Family::kSuccession) AddSuccession(r);
    MergeShortForms();
    membership_index_.clear();
    for (size_t i = 0; i < facts_.memberships.size(); ++i)
      memberships_of_[facts_.memberships[i].member].push_back(i);
    for (const Relation& r : relations)
      if (r.family == Family::kReports) AddReports(r);
    NameEntities();
    return std::move(facts_);
  }

 private:
  std::string_view MentionView(int i) const {
    const Mention& m = ann_.mentions[i];
    return std::string_view(doc_.text).substr(m.span.begin, m.span.size());
  }
  std::string MentionText(int i) const { return std::string(MentionView(i)); }
  // The key of the entity of `type` a name stands for ("1:northwind"): a
  // view of a buffer that the next call reuses.
  std::string_view EntityKey(EntityType type, std::string_view name) {
    key_.clear();
    char digits[8];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, type);
    key_.append(digits, end);
    key_ += ':';
    names_.AppendKey(name, type == entity_type::kOrganization, &key_);
    return key_;
  }
  std::string_view RangeView(TokenRange r) const {
    uint32_t b = seg_.tokens[r.begin].span.begin, e = seg_.tokens[r.end - 1].span.end;
    return std::string_view(doc_.text).substr(b, e - b);
  }
  std::string RangeText(TokenRange r) const { return std::string(RangeView(r)); }

  std::string PublicationDate(const std::vector<Relation>& relations) {
    if (IsIsoDate(doc_.meta.date)) return doc_.meta.date;
    for (const Relation& r : relations) {
      if (r.family != Family::kDateline || r.sentence != 0) continue;
      const RelationArg* d = r.Find("date");
      if (!d || !d->captured) continue;
      std::string iso = normalizer_.ParseDate(doc_.text, seg_, ann_.hits, d->range, "");
      if (iso.size() == 10) return iso;
    }
    return "";
  }

  // The parts of the input's dateline, or the text's, that may name a place
  // ("MONTREAL, March 3", "ST. JOHN'S, Newfoundland, May 2": each part).
  std::vector<std::string> DatelinePlaces(const std::vector<Relation>& relations) {
    std::string dateline = doc_.meta.dateline;
    if (dateline.empty()) {
      for (const Relation& r : relations) {
        if (r.family != Family::kDateline || r.sentence != 0) continue;
        if (const RelationArg* p = r.Find("place"); p && p->captured) dateline = RangeText(p->range);
        break;
      }
    }
    std::vector<std::string> parts;
    for (size_t start = 0; start < dateline.size();) {
      size_t comma = std::min(dateline.find(',', start), dateline.size());
      std::string part = dateline.substr(start, comma - start);
      while (!part.empty() && part.front() == ' ') part.erase(part.begin());
      while (!part.empty() && part.back() == ' ') part.pop_back();
      if (!part.empty()) parts.push_back(std::move(part));
      start = comma + 1;
    }
    return parts;
  }

  // What a local currency word ("dlrs": local=dollar) means here: the code
  // the dateline's place gives that kind (Toronto: CAD), else nothing.
  std::string LocalCurrency(const std::string& kind) const {
    for (const auto& place : dateline_places_)
      if (auto code = normalizer_.LocalCurrency(place, kind); !code.empty()) return code;
    return "";
  }

  // The currency of the nearest amount in sentence `sent`, searching
  // backwards from mention index `from` (step -1) or forwards (step +1);
  // false when the nearest amount has none.
  bool NearestCurrency(int from, int step, const Sentence& sent, Quantity* q) const {
    for (int i = from; i >= 0 && i < static_cast<int>(ann_.mentions.size()); i += step) {
      const Mention& m = ann_.mentions[i];
      if (m.tokens.begin < sent.tokens.begin || m.tokens.begin >= sent.tokens.end) return false;
      if (m.type != entity_type::kMoney) continue;
      Quantity near = normalizer_.ParseQuantity(doc_.text, seg_, ann_.hits, m.tokens);
      if (near.unit_code.empty() || near.unit_code == "P1") return false;
      q->unit_code = near.unit_code;
      q->unit_text = near.unit_text;
      q->local = near.local;
      return true;
    }
    return false;
  }

  // The organization of the latest sentence before mention `p` whose first
  // organization mention stands at its start (within its first three
  // tokens), skipping pronouns that do not resolve.
  int SubjectBefore(int p) { return SubjectBefore(ann_.mentions[p].tokens.begin, p); }
  // The same before token `tok` (mention `p` starts there, or -1).
  // Looks back over at most kSubjectLookback sentences, so that a long
  // document without such a sentence costs linear time, not quadratic.
  static constexpr int kSubjectLookback = 50;
  int SubjectBefore(uint32_t tok, int p) {
    const int here = SentenceAt(tok);
    for (int s = here; s >= 0 && s > here - kSubjectLookback; --s) {
      const Sentence& sent = seg_.sentences[s];
      auto [first, last] = ann_.MentionsStartingIn(
          {sent.tokens.begin, std::min(sent.tokens.begin + 3, tok)});
      for (size_t i = first; i < last; ++i) {
        const Mention& m = ann_.mentions[i];
        if (static_cast<int>(i) == p) break;
        int e = -1;
        if (m.type == entity_type::kOrganization && !m.pronoun) {
          e = Assign(static_cast<int>(i), m.type);
        } else if (m.type == entity_type::kOrganization) {
          e = GuardedAntecedent(static_cast<int>(i));
        } else if (m.type == entity_type::kName) {
          e = KnownEntity(static_cast<int>(i), entity_type::kOrganization);
        }
        if (e >= 0) return e;
      }
    }
    return -1;
  }

  // The last sentence that starts at or before token `tok`, or -1 (a
  // binary search: documents may have many sentences).
  int SentenceAt(uint32_t tok) const {
    auto after = std::upper_bound(seg_.sentences.begin(), seg_.sentences.end(), tok,
                                  [](uint32_t t, const Sentence& s) { return t < s.tokens.begin; });
    return static_cast<int>(after - seg_.sentences.begin()) - 1;
  }

  // The entity of type `type` that NAME mention `i` already stands for, or
  // -1 when none is known.
  int KnownEntity(int i, EntityType type) {
    if (mention_entity_[i] >= 0)
      return facts_.entities[mention_entity_[i]].type == type ? mention_entity_[i] : -1;
    auto it = by_key_.find(EntityKey(type, MentionView(i)));
    return it == by_key_.end() ? -1 : it->second;
  }

  // The entity for mention `i` as type `type`, creating it when new.
  int Assign(int i, EntityType type) {
    if (mention_entity_[i] >= 0) return mention_entity_[i];
    const Mention& m = ann_.mentions[i];
    int e = EntityByKey(EntityKey(type, MentionView(i)), type, m.tokens.begin);
    mention_entity_[i] = e;
    entity_mentions_[e].push_back(i);
    if (m.lexicon >= 0 && !m.canonical.empty())
      extra_names_[e].push_back(m.canonical);
    return e;
  }

  int EntityByKey(std::string_view key, EntityType type, uint32_t first) {
    auto it = by_key_.find(key);
    if (it != by_key_.end()) return it->second;
    int e = static_cast<int>(facts_.entities.size());
    Entity& ent = facts_.entities.emplace_back();
    ent.type = type;
    ent.first_token = first;
    entity_mentions_.emplace_back();
    extra_names_.emplace_back();
    by_key_.emplace(key, e);
    return e;
  }

  // An entity named by a run of tokens that is no mention ("1688").
  int EntityForRun(TokenRange r, EntityType type) {
    const std::string_view text = RangeView(r);
    if (!StartsUpperOrDigit(text)) return -1;
    int e = EntityByKey(EntityKey(type, text), type, r.begin);
    extra_names_[e].push_back(text);
    return e;
  }

  // Whether an organization (or a name known as one) is mentioned before
  // mention `p` in its sentence.
  bool OrganizationBeforeInSentence(int p) {
    const int sentence = SentenceAt(ann_.mentions[p].tokens.begin);
    const uint32_t begin = sentence < 0 ? 0 : seg_.sentences[sentence].tokens.begin;
    for (int i = p - 1; i >= 0 && ann_.mentions[i].tokens.begin >= begin; --i) {
      const Mention& m = ann_.mentions[i];
      if (m.type == entity_type::kOrganization) return true;
      if (m.type == entity_type::kName && KnownEntity(i, entity_type::kOrganization) >= 0) return true;
    }
    return false;
  }

  // The entity pronoun mention `p` refers to: with refers=subject, or for
  // an organization's pronoun with none named before it in its sentence
  // ("The maker said it acquired ..."), the latest organization that opened
  // a sentence, when there is one; else the latest mention of its type
  // before it, through pronouns.
  int Antecedent(int p) {
    if (antecedent_done_[p]) return mention_entity_[p];
    antecedent_done_[p] = 1;
    const EntityType want = ann_.mentions[p].type;
    if (FindAttribute(ann_.mentions[p].attributes, "refers") == "subject" ||
        (want == entity_type::kOrganization && !OrganizationBeforeInSentence(p))) {
      int e = SubjectBefore(p);
      if (e >= 0) {
        mention_entity_[p] = e;
        return e;
      }
    }
    const uint32_t floor = LookbackFloor(ann_.mentions[p].tokens.begin);
    for (int i = p - 1; i >= 0 && ann_.mentions[i].tokens.begin >= floor; --i) {
      const Mention& m = ann_.mentions[i];
      if (m.type == entity_type::kName) {
        // A name that an earlier relation or another mention typed.
        int e = KnownEntity(i, want);
        if (e >= 0) {
          mention_entity_[p] = e;
          return e;
        }
        continue;
      }
      if (m.type != want) continue;
      int e;
      if (!m.pronoun) {
        e = Assign(i, want);
      } else if (antecedent_done_[i] || antecedent_depth_ < kAntecedentDepth) {
        e = GuardedAntecedent(i);
        if (e < 0) break;  // it found nothing before it: nor will this
      } else {
        continue;  // resolved later, in its turn; past it the search goes on
      }
      if (e >= 0) {
        mention_entity_[p] = e;
        return e;
      }
    }
    return -1;
  }

  // The first token of the sentence kSubjectLookback - 1 before the one of
  // token `tok`: how far back an antecedent or a context organization is
  // looked for, so that a long document costs linear time.
  uint32_t LookbackFloor(uint32_t tok) const {
    const int s = SentenceAt(tok) - (kSubjectLookback - 1);
    return s <= 0 ? 0 : seg_.sentences[s].tokens.begin;
  }
  // Pronouns resolve earlier pronouns first, at most this deep (a long
  // document's chain of "it"s must not exhaust the stack): deeper, an
  // unresolved pronoun counts as resolving to nothing.
  static constexpr int kAntecedentDepth = 64;
  int antecedent_depth_ = 0;
  int GuardedAntecedent(int i) {
    if (antecedent_done_[i]) return mention_entity_[i];
    if (antecedent_depth_ >= kAntecedentDepth) return -1;
    ++antecedent_depth_;
    const int e = Antecedent(i);
    --antecedent_depth_;
    return e;
  }

  // The entity a mention stands for, in a slot that wants `type`.
  int EntityFor(int i, EntityType type) {
    const Mention& m = ann_.mentions[i];
    if (m.pronoun) return m.type == type ? Antecedent(i) : -1;
    if (m.type == type) return Assign(i, type);
    if (m.type == entity_type::kName) return Assign(i, type);
    return -1;
  }

  std::vector<int> ArgEntities(const RelationArg* a, EntityType type,
                               bool runs) {
    std::vector<int> out;
    if (!a || !a->captured) return out;
    for (const auto& item : a->items) {
      int e = item.mention >= 0 ? EntityFor(item.mention, type)
              : runs            ? EntityForRun(item.tokens, type)
                                : -1;
      if (e >= 0 && std::find(out.begin(), out.end(), e) == out.end())
        out.push_back(e);
    }
    return out;
  }

  // The organization a sentence is about, before token `t`: the nearest one
  // in the sentence, else the latest one in the document.
  // With `sentence`, only that sentence is searched.
  int ContextOrganization(uint32_t t, std::optional<uint32_t> sentence = {}) {
    uint32_t floor = sentence ? seg_.sentences[*sentence].tokens.begin : LookbackFloor(t);
    // From the last mention that starts before `t`, backwards.
    for (int i = static_cast<int>(ann_.FirstFrom(t)) - 1; i >= 0; --i) {
      const Mention& m = ann_.mentions[i];
      if (m.tokens.begin < floor) break;
      if (appositive_parents_.count(m.tokens.begin)) continue;
      if (m.type == entity_type::kName) {
        int e = KnownEntity(i, entity_type::kOrganization);
        if (e >= 0) return e;
        continue;
      }
      if (m.type != entity_type::kOrganization) continue;
      int e = m.pronoun ? GuardedAntecedent(i) : Assign(i, m.type);
      if (e >= 0) return e;
      if (m.pronoun) break;  // it found none before it: nor will this
    }
    return -1;
  }

  // The organizations argument `name` names; for the value "context", the
  // organization the sentence is about, else the one before it.
  std::vector<int> OrganizationsOf(const Relation& r, std::string_view name) {
    const RelationArg* a = r.Find(name);
    auto orgs = ArgEntities(a, entity_type::kOrganization, true);
    if (orgs.empty() && a && !a->captured && a->value == "context") {
      int e = ContextOrganization(r.tokens.begin, r.sentence);
      if (e < 0) e = SubjectBefore(r.tokens.begin, -1);
      if (e < 0) e = ContextOrganization(r.tokens.begin);
      if (e >= 0) orgs.push_back(e);
    }
    return orgs;
  }

  int RoleEntity(std::string_view canonical) {
    key_ = "role:";
    key_ += Lower(canonical);
    const std::string_view key = key_;
    auto it = by_key_.find(key);
    if (it != by_key_.end()) return it->second;
    int e = static_cast<int>(facts_.entities.size());
    Entity& ent = facts_.entities.emplace_back();
    ent.type = entity_type::kRole;
    ent.name = canonical;
    entity_mentions_.emplace_back();
    extra_names_.emplace_back();
    by_key_.emplace(key, e);
    return e;
  }

  std::string Date(const RelationArg* a) {
    if (!a || !a->captured) return "";
    return normalizer_.ParseDate(doc_.text, seg_, ann_.hits, a->range,
                                 facts_.date_published);
  }

  static std::string_view Value(const Relation& r, std::string_view name) {
    const RelationArg* a = r.Find(name);
    return a ? std::string_view(a->value) : std::string_view();
  }

  Provenance Prov(const Relation& r) {
    return {r.rule, r.confidence, {r.evidence}};
  }

  static void MergeProvenance(Provenance* into, const Provenance& from) {
    // Evidence stays sorted by position, so a fact stated thousands of times
    // merges in linear time (relations arrive in document order).
    auto before = [](const Span& a, const Span& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    };
    for (const Span& s : from.evidence) {
      auto& ev = into->evidence;
      if (ev.empty() || before(ev.back(), s)) {
        ev.push_back(s);
        continue;
      }
      auto at = std::lower_bound(ev.begin(), ev.end(), s, before);
      if (at == ev.end() || !(*at == s)) ev.insert(at, s);
    }
    into->confidence = std::max(into->confidence, from.confidence);
  }

  void AddMemberships(const Relation& r) {
    auto members = ArgEntities(r.Find("member"), entity_type::kPerson, false);
    if (members.empty()) return;
    struct RoleChoice {
      int entity;
      std::string_view name, status;  // of the document, annotation or relation
    };
    std::vector<RoleChoice> roles;
    if (const RelationArg* a = r.Find("role")) {
      if (a->captured) {
        for (const auto& item : a->items) {
          if (item.mention < 0) continue;
          const Mention& m = ann_.mentions[item.mention];
          if (m.type != entity_type::kRole) continue;
          const std::string_view text = MentionView(item.mention);
          roles.push_back({RoleEntity(m.canonical.empty() ? text : std::string_view(m.canonical)),
                           text, FindAttribute(m.attributes, "status")});
        }
      }
      if (roles.empty() && !a->value.empty()) {
        roles.push_back({RoleEntity(a->value), a->captured ? a->text : a->value, ""});
      }
    }
    if (roles.empty()) return;
    auto orgs = OrganizationsOf(r, "organization");
    if (orgs.empty()) orgs.push_back(-1);
    std::string status(Value(r, "status"));
    if (status.empty()) status = "current";
    if (const RelationArg* rn = r.Find("roleName"); rn && roles.size() == 1)
      roles[0].name = rn->captured ? rn->text : rn->value;
    std::string start = Date(r.Find("start")), end = Date(r.Find("end"));
    int boss = -1;
    if (auto b = ArgEntities(r.Find("reportsTo"), entity_type::kPerson, false); !b.empty())
      boss = b[0];
    for (int member : members) {
      for (const auto& role : roles) {
        for (int org : orgs) {
          Membership ms;
          ms.member = member;
          ms.role = role.entity;
          ms.organization = org;
          ms.role_name = role.name;
          // The title's own word ("former president", "acting chairman")
          // says the status, except of one who no longer holds it: the
          // predecessor of a "new general manager" is a former one.
          if (role.status.empty() || status == "former") ms.status = status;
          else ms.status = role.status;
          ms.start_date = start;
          ms.end_date = end;
          ms.reports_to = boss;
          ms.prov = Prov(r);
          AddMembership(std::move(ms));
        }
      }
    }
  }

  // A new membership, or more evidence and details for the same one
  // (member, role, organization and status).
  void AddMembership(Membership ms) {
    auto [it, fresh] = membership_index_.try_emplace(
        {ms.member, ms.role, ms.organization, ms.status}, facts_.memberships.size());
    if (fresh) {
      facts_.memberships.push_back(std::move(ms));
      return;
    }
    Membership& x = facts_.memberships[it->second];
    MergeProvenance(&x.prov, ms.prov);
    if (x.start_date.empty()) x.start_date = ms.start_date;
    if (x.end_date.empty()) x.end_date = ms.end_date;
    if (x.reports_to < 0) x.reports_to = ms.reports_to;
  }

  // "He replaces James Skinner": the predecessor held what the successor is
  // given (the roles the successor was appointed to, else those the
  // successor holds), and no longer.
  // ("will succeed Ann Roe as treasurer" names the role: a membership rule.)
  void AddSuccession(const Relation& r) {
    auto successors = ArgEntities(r.Find("successor"), entity_type::kPerson, false);
    auto predecessors = ArgEntities(r.Find("predecessor"), entity_type::kPerson, false);
    if (successors.empty() || predecessors.empty() || successors[0] == predecessors[0]) return;
    // What the successor was appointed to, else what the successor holds.
    bool appointed = false;
    for (const Membership& ms : facts_.memberships)
      appointed = appointed || (ms.member == successors[0] && ms.status == "appointed");
    std::vector<Membership> held;
    for (const Membership& ms : facts_.memberships) {
      if (ms.member != successors[0] || ms.status == "former" || ms.status == "departing") continue;
      if (appointed && ms.status != "appointed") continue;
      Membership p;
      p.member = predecessors[0];
      p.role = ms.role;
      p.organization = ms.organization;
      p.role_name = ms.role_name;
      p.status = "former";
      p.prov = Prov(r);
      held.push_back(std::move(p));
    }
    for (Membership& p : held) AddMembership(std::move(p));
  }

  void AddReports(const Relation& r) {
    auto members = ArgEntities(r.Find("member"), entity_type::kPerson, false);
    auto bosses = ArgEntities(r.Find("boss"), entity_type::kPerson, false);
    if (members.empty() || bosses.empty()) return;
    auto of = memberships_of_.find(members[0]);
    if (of == memberships_of_.end()) return;
    for (size_t i : of->second) {
      Membership& ms = facts_.memberships[i];
      if (ms.reports_to >= 0) continue;
      if (ms.status == "former" || ms.status == "departing") continue;
      if (bosses[0] != ms.member) ms.reports_to = bosses[0];
    }
  }

  void AddSubOrganization(const Relation& r) {
    auto child = ArgEntities(r.Find("child"), entity_type::kOrganization, true);
    auto parent = ArgEntities(r.Find("parent"), entity_type::kOrganization, false);
    if (child.empty() || parent.empty() || child[0] == parent[0]) return;
    if (facts_.entities[child[0]].parent < 0) facts_.entities[child[0]].parent = parent[0];
  }

  void AddChange(const Relation& r) {
    auto originals = ArgEntities(r.Find("original"), entity_type::kOrganization, true);
    auto resulting = OrganizationsOf(r, "resulting");
    if (resulting.empty()) return;
    originals.erase(std::remove(originals.begin(), originals.end(), resulting[0]),
                    originals.end());
    if (originals.empty()) return;
    ChangeEvent c;
    c.originals = originals;
    c.resulting = resulting[0];
    c.change_type = Value(r, "type");
    c.status = Value(r, "status");
    c.start_date = Date(r.Find("date"));
    c.prov = Prov(r);
    for (auto& x : facts_.changes) {
      if (x.resulting == c.resulting && x.originals == c.originals &&
          x.change_type == c.change_type) {
        MergeProvenance(&x.prov, c.prov);
        return;
      }
    }
    facts_.changes.push_back(std::move(c));
  }

  void AddObservation(const Relation& r) {
    const RelationArg* value = r.Find("value");
    if (!value || !value->captured) return;
    // Prefer the amount mention inside the captured value.
    TokenRange range = value->range;
    bool amount = false;  // an amount mention, not a bare number
    for (const auto& item : value->items) {
      if (item.mention < 0) continue;
      EntityType t = ann_.mentions[item.mention].type;
      if (t == entity_type::kMoney || t == entity_type::kPercent ||
          t == entity_type::kQuantity) {
        range = item.tokens;
        amount = true;
        break;
      }
    }
    Observation o;
    o.quantity = normalizer_.ParseQuantity(doc_.text, seg_, ann_.hits, range);
    if (!o.quantity.value && !o.quantity.min && !o.quantity.max) return;
    o.metric = Lower(Value(r, "metric"));
    if (o.metric.empty()) return;
    o.kind = Value(r, "kind");
    if (Value(r, "sign") == "-" && o.kind != "level") {
      if (o.quantity.value) o.quantity.value = -*o.quantity.value;
      if (o.quantity.min) o.quantity.min = -*o.quantity.min;
      if (o.quantity.max) o.quantity.max = -*o.quantity.max;
      if (o.quantity.min && o.quantity.max) std::swap(o.quantity.min, o.quantity.max);
    }
    // Newswire drops the currency of one figure of two: take it from the
    // last amount before it in the sentence ("rose to 1.5 billion dlrs from
    // 1.34 billion"), else the first after it ("rose to 2.02 billion from
    // 1.85 billion dlrs"). Counts (a metric with a unit of its own, such as
    // customers) keep none, nor does a bare number ("losses totaled 22",
    // of banks, in a sentence about billions of dollars).
    if (o.quantity.unit_code.empty() && o.kind != "relative-change" &&
        Value(r, "unit").empty() && amount) {
      const Sentence& sent = seg_.sentences[r.sentence];
      if (!NearestCurrency(static_cast<int>(ann_.FirstFrom(range.begin)) - 1, -1, sent, &o.quantity))
        NearestCurrency(static_cast<int>(ann_.FirstFrom(range.end)), +1, sent, &o.quantity);
    }
    if (!o.quantity.local.empty())
      if (auto code = LocalCurrency(o.quantity.local); !code.empty()) o.quantity.unit_code = code;
    if (o.quantity.unit_text.empty()) o.quantity.unit_text = Value(r, "unit");
    if (const RelationArg* about = r.Find("about")) {
      if (about->captured) {
        for (EntityType t : {entity_type::kOrganization, entity_type::kPerson}) {
          auto es = ArgEntities(about, t, true);
          if (!es.empty()) {
            o.about = es[0];
            break;
          }
        }
      } else if (about->value == "context") {
        o.about = ContextOrganization(r.tokens.begin);
      }
    }
    if (const RelationArg* p = r.Find("period"); p && p->captured)
      o.period = names_.StripDeterminer(p->text);
    o.date = Date(r.Find("date"));
    o.prov = Prov(r);
    for (auto& x : facts_.observations) {
      if (x.about == o.about && x.metric == o.metric && x.kind == o.kind &&
          x.quantity.value == o.quantity.value && x.quantity.min == o.quantity.min &&
          x.quantity.max == o.quantity.max &&
          x.quantity.unit_code == o.quantity.unit_code && x.period == o.period &&
          x.date == o.date) {
        MergeProvenance(&x.prov, o.prov);
        return;
      }
    }
    facts_.observations.push_back(std::move(o));
  }

  // A person named by one word only ("Meier") that is the last word of
  // exactly one other person's name ("Lukas Meier") is that person; an
  // organization whose name is another's core ("Northwind") likewise. Names
  // typed late (NAME mentions a relation typed) are joined here.
  void MergeShortForms() {
    const size_t n = facts_.entities.size();
    // What the comparisons read of each person's or organization's first
    // name, worked out once for each.
    struct Name {
      std::string_view text;
      size_t words = 0;       // Words(text).size()
      std::string last;       // Words(text).back()
      size_t core_words = 0;  // Words(Core(text)).size()
      std::string core;       // Words(Core(text))[0]
      std::string initials, suffixed_initials;  // Initials(text), SuffixedInitials(text), once indexed
      std::vector<std::string> stripped;  // an organization's Words(StripLegalSuffix(text))
    };
    std::vector<Name> names(n);
    for (size_t e = 0; e < n; ++e) {
      const EntityType type = facts_.entities[e].type;
      if (type != entity_type::kPerson && type != entity_type::kOrganization) continue;
      Name& name = names[e];
      if (!entity_mentions_[e].empty()) name.text = MentionView(entity_mentions_[e][0]);
      else if (!extra_names_[e].empty()) name.text = extra_names_[e][0];
      const NameForms::Parts parts = names_.Split(name.text, type == entity_type::kOrganization);
      name.words = parts.words.size();
      if (!parts.words.empty()) name.last = parts.words.back();
      name.core_words = parts.core.size();
      if (!parts.core.empty()) name.core = parts.core[0];
      if (type == entity_type::kOrganization)
        name.stripped.assign(parts.stripped.begin(), parts.stripped.end());
    }
    // "Royal Bank" for the Royal Bank of Canada named before it: the one
    // organization whose name is this one's words, then "of" and more; -1
    // when none is or two are. ("Lloyds Bank" is not Lloyds Bank Canada,
    // its unit.) So is "Commerce Bank" for the Canadian Imperial Bank of
    // Commerce: a name that ends on "<head> of" the words before its head
    // (an inverted_heads word).
    auto with_of = [&](const std::vector<std::string>& mine,
                       const std::vector<std::string>& theirs) {
      if (mine.size() < 2) return false;
      if (theirs.size() >= mine.size() + 2 && theirs[mine.size()] == "of" &&
          std::equal(mine.begin(), mine.end(), theirs.begin()))
        return true;
      const size_t k = mine.size() - 1;  // "commerce bank": k words before the head
      if (!names_.IsInvertedHead(mine.back()) || theirs.size() < k + 2) return false;
      const size_t at = theirs.size() - k - 2;  // where "<head> of" stands
      return theirs[at] == mine.back() && theirs[at + 1] == "of" &&
             std::equal(mine.begin(), mine.begin() + k, theirs.begin() + at + 2);
    };
    // The entities each comparison can match, by the word it compares, so
    // that a document with thousands of names is not compared pairwise.
    using Index = std::unordered_map<std::string, std::vector<int>>;
    Index by_last, by_core, by_first, by_head_tail, by_initials;
    bool initials_indexed = false;
    auto join = [](auto begin, auto end) {
      std::string key;
      for (auto it = begin; it != end; ++it) key.append(*it).push_back(' ');
      return key;
    };
    for (size_t o = 0; o < n; ++o) {
      const EntityType type = facts_.entities[o].type;
      const Name& name = names[o];
      const int id = static_cast<int>(o);
      if (type == entity_type::kPerson && name.words >= 2) by_last[name.last].push_back(id);
      if (type != entity_type::kOrganization) continue;
      if (name.words >= 2 && !name.core.empty()) by_core[name.core].push_back(id);
      const std::vector<std::string>& w = name.stripped;
      if (w.size() >= 3) by_first[w[0]].push_back(id);
      for (size_t at = 0; at + 2 < w.size(); ++at)  // "... bank of commerce"
        if (w[at + 1] == "of" && names_.IsInvertedHead(w[at]))
          by_head_tail[join(w.begin() + at + 2, w.end()) + w[at]].push_back(id);
    }
    auto index_initials = [&] {
      if (initials_indexed) return;
      initials_indexed = true;
      for (size_t o = 0; o < n; ++o) {
        if (facts_.entities[o].type != entity_type::kOrganization) continue;
        Name& other = names[o];
        other.initials = names_.Initials(other.text);
        other.suffixed_initials = names_.SuffixedInitials(other.text);
        if (!other.initials.empty()) by_initials[other.initials].push_back(static_cast<int>(o));
        if (!other.suffixed_initials.empty() && other.suffixed_initials != other.initials)
          by_initials[other.suffixed_initials].push_back(static_cast<int>(o));
      }
    };
    std::vector<int> candidates;
    auto gather = [&](const Index& index, const std::string& key) {
      if (auto it = index.find(key); it != index.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    };
    auto distinct = [&] {
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    };
    auto named_before_with_of = [&](size_t e) {
      const std::vector<std::string>& mine = names[e].stripped;
      if (mine.size() < 2) return -1;
      candidates.clear();
      gather(by_first, mine[0]);
      if (names_.IsInvertedHead(mine.back()))  // "commerce bank"
        gather(by_head_tail, join(mine.begin(), mine.end() - 1) + mine.back());
      distinct();
      int found = -1;
      for (int o : candidates) {
        if (static_cast<size_t>(o) == e ||
            facts_.entities[o].first_token >= facts_.entities[e].first_token ||
            !with_of(mine, names[o].stripped))
          continue;
        if (found >= 0) return -1;
        found = o;
      }
      return found;
    };
    std::vector<int> into(n, -1);
    for (size_t e = 0; e < n; ++e) {
      const Entity& ent = facts_.entities[e];
      if (ent.type != entity_type::kPerson && ent.type != entity_type::kOrganization) continue;
      if (names[e].words != 1) {
        if (ent.type == entity_type::kOrganization) into[e] = named_before_with_of(e);
        continue;
      }
      const std::string& word = names[e].last;
      // "ICI" for Imperial Chemical Industries PLC: written in capitals,
      // two letters or more, the initials of the longer name, with or
      // without its legal suffix ("FDIC": Federal Deposit Insurance Corp).
      const bool acronym = ent.type == entity_type::kOrganization && word.size() >= 2 &&
                           IsAllCapitals(names[e].text);
      candidates.clear();
      if (ent.type == entity_type::kPerson) {
        gather(by_last, word);
      } else {
        gather(by_core, word);
        if (acronym) {
          index_initials();
          gather(by_initials, word);
        }
      }
      distinct();
      // The one name that matches, or failing that the one that matches
      // weakly (the first word of a longer core, named before).
      int found = -1, found_weak = -1;
      bool ambiguous = false, ambiguous_weak = false;
      for (int o : candidates) {
        if (static_cast<size_t>(o) == e || facts_.entities[o].type != ent.type) continue;
        const Name& other = names[o];
        bool match, weak = false;
        if (ent.type == entity_type::kPerson) {
          match = other.words >= 2 && other.last == word;
        } else {
          // "Northwind" for Northwind Ltd.
          match = other.core_words == 1 && other.words >= 2 && other.core == word;
          if (!match && acronym)
            match = other.initials == word || other.suffixed_initials == word;
          // "Harris" for Harris Graphics, named before it.
          weak = !match && other.core_words >= 2 && other.core == word &&
                 facts_.entities[o].first_token < ent.first_token;
        }
        if (weak) {
          if (found_weak >= 0) ambiguous_weak = true;
          found_weak = o;
        }
        if (!match) continue;
        if (found >= 0) ambiguous = true;
        found = o;
      }
      if (found >= 0 && !ambiguous) into[e] = found;
      else if (found < 0 && found_weak >= 0 && !ambiguous_weak) into[e] = found_weak;
    }
    auto map = [&](int& x) {
      if (x >= 0 && into[x] >= 0) x = into[x];
    };
    for (size_t e = 0; e < n; ++e) {
      if (into[e] < 0) continue;
      for (int m : entity_mentions_[e]) entity_mentions_[into[e]].push_back(m), mention_entity_[m] = into[e];
      entity_mentions_[e].clear();
      for (auto& x : extra_names_[e]) extra_names_[into[e]].push_back(x);
      extra_names_[e].clear();
      facts_.entities[into[e]].first_token =
          std::min(facts_.entities[into[e]].first_token, facts_.entities[e].first_token);
      if (facts_.entities[into[e]].parent < 0) facts_.entities[into[e]].parent = facts_.entities[e].parent;
    }
    for (auto& ent : facts_.entities) map(ent.parent);
    for (auto& m : facts_.memberships) {
      map(m.member);
      map(m.organization);
      map(m.reports_to);
    }
    for (auto& c : facts_.changes) {
      map(c.resulting);
      for (int& o : c.originals) map(o);
    }
    for (auto& o : facts_.observations) map(o.about);
  }

  // Each entity's name is its fullest form; the other forms are alternates.
  void NameEntities() {
    std::vector<std::string_view> forms;
    for (size_t e = 0; e < facts_.entities.size(); ++e) {
      Entity& ent = facts_.entities[e];
      if (ent.type == entity_type::kRole) continue;
      forms.clear();
      auto add = [&](std::string_view s) {
        if (!s.empty() && std::find(forms.begin(), forms.end(), s) == forms.end())
          forms.push_back(s);
      };
      // The last use of the entity's mentions: sorted in place.
      std::vector<int>& ms = entity_mentions_[e];
      std::sort(ms.begin(), ms.end());
      for (int m : ms) add(MentionView(m));
      for (std::string_view s : extra_names_[e]) add(s);
      if (forms.empty()) continue;
      size_t best = 0, best_length = CountCodePoints(forms[0]);
      for (size_t i = 1; i < forms.size(); ++i) {
        const size_t length = CountCodePoints(forms[i]);
        if (length > best_length) best = i, best_length = length;
      }
      // One name for the entity in every article: a known name wins, and
      // an organization's legal suffix is spelled one way.
      const bool org = ent.type == entity_type::kOrganization;
      std::string name;
      if (org || ent.type == entity_type::kPerson)
        for (size_t i = 0; i < forms.size() && name.empty(); ++i)
          name = names_.KnownName(forms[i], org);
      const bool known = !name.empty();
      if (!known) name = org ? names_.SpellLegalSuffix(forms[best]) : std::string(forms[best]);
      for (size_t i = 0; i < forms.size(); ++i)
        if ((known || i != best) && forms[i] != name) ent.alternate_names.emplace_back(forms[i]);
      ent.name = std::move(name);
      if (!ms.empty()) ent.first_token = ann_.mentions[ms.front()].tokens.begin;
    }
  }

  const NameForms& names_;
  const Normalizer& normalizer_;
  const Document& doc_;
  const Segmentation& seg_;
  const Annotation& ann_;
  Facts facts_;
  std::vector<std::string> dateline_places_;  // see DatelinePlaces()
  std::set<uint32_t> appositive_parents_;  // their tokens, see Run()
  std::vector<int> mention_entity_;
  std::vector<char> antecedent_done_;
  std::vector<std::vector<int>> entity_mentions_;
  // Names of entities that are no mention's text: views of the document
  // text or of the annotation's canonical forms.
  std::vector<std::vector<std::string_view>> extra_names_;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> by_key_;  // looked up, never walked
  std::string key_;  // see EntityKey()
  // Memberships by (member, role, organization, status), while relations
  // are added; then by member, for reporting lines.
  std::map<std::tuple<int, int, int, std::string>, size_t> membership_index_;
  std::unordered_map<int, std::vector<size_t>> memberships_of_;
};

}  // namespace

Resolver::Resolver(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)), names_(*rules_), normalizer_(*rules_) {}

Facts Resolver::Resolve(const Document& doc, const Segmentation& seg,
                        const Annotation& ann,
                        const std::vector<Relation>& relations) const {
  DocumentResolver r(names_, normalizer_, doc, seg, ann);
  return r.Run(relations);
}

}  // namespace newsgraph
