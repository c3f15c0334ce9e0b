#include <algorithm>
#include <span>
#include <unordered_map>

#include "newsgraph/annotate.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

// Adds `m` unless it crosses a mention or lies inside a bigger one; the
// mentions it contains (or equals) are replaced.
// Merges a stage's new mentions (disjoint among themselves) into the
// existing ones, in one sweep: a new mention replaces the mentions it
// contains and is dropped when it crosses one or lies inside a bigger one.
void MergeMentions(std::vector<Mention>* mentions, std::vector<Mention> added) {
  if (added.empty()) return;
  std::sort(added.begin(), added.end(), [](const Mention& a, const Mention& b) {
    return a.tokens.begin < b.tokens.begin;
  });
  std::vector<Mention> out;
  out.reserve(mentions->size() + added.size());
  std::vector<Mention>& old = *mentions;
  size_t i = 0;
  for (auto& m : added) {
    // Keep the old mentions that end before m starts.
    while (i < old.size() && old[i].tokens.end <= m.tokens.begin) out.push_back(std::move(old[i++]));
    size_t j = i;
    bool ok = true;
    while (j < old.size() && old[j].tokens.begin < m.tokens.end) {
      if (!m.tokens.Contains(old[j].tokens)) ok = false;
      ++j;
    }
    if (ok) {
      i = j;  // the contained ones are replaced
      out.push_back(std::move(m));
    }
  }
  while (i < old.size()) out.push_back(std::move(old[i++]));
  *mentions = std::move(out);
}

void SortMentions(std::vector<Mention>* mentions) {
  std::sort(mentions->begin(), mentions->end(),
            [](const Mention& a, const Mention& b) {
              return a.tokens.begin < b.tokens.begin;
            });
}

bool StartsUpperOrDigit(std::string_view text) {
  size_t i = 0;
  if (text.empty()) return false;
  char32_t c = DecodeUtf8(text, &i);
  return IsUpper(c) || IsDigit(c);
}

}  // namespace

std::vector<EntitySpan> Annotation::Spans() const {
  std::vector<EntitySpan> out;
  out.reserve(mentions.size());
  for (const auto& m : mentions) out.push_back({m.type, m.tokens});
  return out;
}

namespace {
template <typename T>
std::pair<size_t, size_t> StartingIn(const std::vector<T>& v, TokenRange r) {
  auto lo = std::lower_bound(v.begin(), v.end(), r.begin,
                             [](const T& x, uint32_t b) { return x.tokens.begin < b; });
  auto hi = std::lower_bound(lo, v.end(), r.end,
                             [](const T& x, uint32_t e) { return x.tokens.begin < e; });
  return {static_cast<size_t>(lo - v.begin()), static_cast<size_t>(hi - v.begin())};
}
}  // namespace

std::pair<size_t, size_t> Annotation::MentionsStartingIn(TokenRange r) const {
  return StartingIn(mentions, r);
}
std::pair<size_t, size_t> Annotation::HitsStartingIn(TokenRange r) const {
  return StartingIn(hits, r);
}

size_t Annotation::FirstFrom(uint32_t t) const {
  auto it = std::lower_bound(
      mentions.begin(), mentions.end(), t,
      [](const Mention& m, uint32_t tok) { return m.tokens.begin < tok; });
  return static_cast<size_t>(it - mentions.begin());
}

int Annotation::MentionAt(uint32_t t) const {
  auto it = std::upper_bound(
      mentions.begin(), mentions.end(), t,
      [](uint32_t tok, const Mention& m) { return tok < m.tokens.begin; });
  if (it == mentions.begin()) return -1;
  --it;
  return t < it->tokens.end ? static_cast<int>(it - mentions.begin()) : -1;
}

// ---------------------------------------------------------- CaptureReader
Span CaptureReader::Bytes(TokenRange r) const {
  if (r.empty()) return {};
  return {seg_.tokens[r.begin].span.begin, seg_.tokens[r.end - 1].span.end};
}

std::string CaptureReader::Text(TokenRange r) const {
  Span s = Bytes(r);
  return std::string(text_.substr(s.begin, s.size()));
}

std::string CaptureReader::Canonical(TokenRange r) const {
  auto [mb, me] = ann_.MentionsStartingIn(r);
  for (size_t i = mb; i < me; ++i) {
    const Mention& m = ann_.mentions[i];
    if (m.tokens == r && !m.canonical.empty()) return m.canonical;
  }
  auto [hb, he] = ann_.HitsStartingIn(r);
  for (size_t i = hb; i < he; ++i) {
    const LexiconHit& h = ann_.hits[i];
    if (h.tokens == r) {
      const auto& e = rules_.lexicons()[h.lexicon].entries[h.entry];
      if (!e.canonical.empty()) return e.canonical;
    }
  }
  return Text(r);
}

std::string CaptureReader::Attribute(TokenRange r, std::string_view name) const {
  auto [mb, me] = ann_.MentionsStartingIn(r);
  for (size_t i = mb; i < me; ++i) {
    const Mention& m = ann_.mentions[i];
    if (r.Contains(m.tokens)) {
      auto v = FindAttribute(m.attributes, name);
      if (!v.empty()) return std::string(v);
    }
  }
  auto [hb, he] = ann_.HitsStartingIn(r);
  for (size_t i = hb; i < he; ++i) {
    const LexiconHit& h = ann_.hits[i];
    if (r.Contains(h.tokens)) {
      auto v = FindAttribute(
          rules_.lexicons()[h.lexicon].entries[h.entry].attributes, name);
      if (!v.empty()) return std::string(v);
    }
  }
  return "";
}

std::vector<int> CaptureReader::MentionsIn(TokenRange r) const {
  std::vector<int> out;
  auto [b, e] = ann_.MentionsStartingIn(r);
  for (size_t i = b; i < e; ++i)
    if (r.Contains(ann_.mentions[i].tokens)) out.push_back(static_cast<int>(i));
  return out;
}

std::string ResolveChoice(const EmitArg& arg, const RuleMatch& m,
                          const CaptureReader& reader) {
  for (const auto& c : arg.choices) {
    std::string v;
    switch (c.kind) {
      case ValueRef::Kind::kLiteral:
        v = c.text;
        break;
      case ValueRef::Kind::kCapture:
        if (c.capture >= 0 && m.has(c.capture)) v = reader.Canonical(m.captures[c.capture]);
        break;
      case ValueRef::Kind::kAttribute:
        if (c.capture >= 0 && m.has(c.capture))
          v = reader.Attribute(m.captures[c.capture], c.text);
        break;
    }
    if (!v.empty()) return v;
  }
  return "";
}

// --------------------------------------------------------------- Annotator
Annotator::Annotator(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)), names_(*rules_) {}

Annotation Annotator::Annotate(const Document& doc,
                               const Segmentation& seg) const {
  return Annotate(doc, seg, nullptr);
}

Annotation Annotator::Annotate(const Document& doc, const Segmentation& seg,
                               std::vector<std::string>* explain,
                               std::vector<RuleMatch>* matches_out) const {
  const RuleSet& rules = *rules_;
  Annotation ann;
  rules.TokenAtomsOf(seg, doc.text, &ann.token_atoms);
  rules.FindLexiconHits(seg, doc.text, &ann.hits, &ann.token_atoms);
  rules.SentenceAtomsOf(seg, doc.text, ann.hits, &ann.token_atoms);

  // 0. Entity lexicons: the hits that name an entity, longest first, then
  // by lexicon priority, then earliest; one is kept when none of its tokens
  // is taken. Mentions are built only for those kept.
  struct Candidate {
    uint32_t hit;
    int type;
    int priority;
  };
  std::vector<Candidate> cands;
  for (uint32_t i = 0; i < ann.hits.size(); ++i) {
    const LexiconHit& h = ann.hits[i];
    const Lexicon& lex = rules.lexicons()[h.lexicon];
    int type = lex.entity_type;
    if (auto t = FindAttribute(lex.entries[h.entry].attributes, "type"); !t.empty())
      type = rules.FindEntityType(t);
    if (type >= 0) cands.push_back({i, type, lex.priority});
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [&](const Candidate& a, const Candidate& b) {
                     const TokenRange ta = ann.hits[a.hit].tokens, tb = ann.hits[b.hit].tokens;
                     if (ta.size() != tb.size()) return ta.size() > tb.size();
                     if (a.priority != b.priority) return a.priority > b.priority;
                     return ta.begin < tb.begin;
                   });
  std::vector<bool> taken(seg.tokens.size(), false);
  for (const Candidate& c : cands) {
    const LexiconHit& h = ann.hits[c.hit];
    bool clash = false;
    for (uint32_t t = h.tokens.begin; t < h.tokens.end && !clash; ++t) clash = taken[t];
    if (clash) continue;
    for (uint32_t t = h.tokens.begin; t < h.tokens.end; ++t) taken[t] = true;
    const Lexicon& lex = rules.lexicons()[h.lexicon];
    const LexiconEntry& e = lex.entries[h.entry];
    Mention& m = ann.mentions.emplace_back();
    m.type = static_cast<EntityType>(c.type);
    m.tokens = h.tokens;
    m.span = {seg.tokens[h.tokens.begin].span.begin, seg.tokens[h.tokens.end - 1].span.end};
    m.canonical = e.canonical.empty() ? e.surface : e.canonical;
    m.attributes = e.attributes;
    m.source = lex.name;
    m.lexicon = static_cast<int>(h.lexicon);
    m.pronoun = FindAttribute(e.attributes, "pronoun") == "yes";
  }
  SortMentions(&ann.mentions);

  // 1. Entity rules, stage by stage.
  for (int stage : rules.entity_stages()) {
    std::vector<EntitySpan> spans = ann.Spans();
    std::vector<Mention> added;
    for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
      SentenceView view{&seg, doc.text, s, &ann.hits, &spans, &ann.token_atoms};
      auto matches = rules.Match({true, stage}, view);
      CaptureReader reader(rules, doc.text, seg, ann);
      for (const auto& m : matches) {
        const Rule& rule = rules.rules()[m.rule];
        if (explain) explain->push_back(rules.Explain(m, seg, doc.text));
        if (matches_out) matches_out->push_back(m);
        for (const Emit& e : rule.emits) {
          if (e.entity_type < 0) continue;
          Mention mention;
          mention.type = static_cast<EntityType>(e.entity_type);
          mention.tokens = m.tokens;
          mention.source = rule.id;
          for (const auto& a : e.args) {
            if (a.name == "span") {
              int c = a.choices[0].capture;
              if (c < 0 || !m.has(c)) {
                mention.tokens = {};
                break;
              }
              mention.tokens = m.captures[c];
            } else if (a.name == "canonical") {
              mention.canonical = ResolveChoice(a, m, reader);
            } else {
              std::string v = ResolveChoice(a, m, reader);
              if (!v.empty()) mention.attributes.emplace_back(a.name, v);
            }
          }
          if (mention.tokens.empty()) continue;
          mention.span = reader.Bytes(mention.tokens);
          mention.pronoun = FindAttribute(mention.attributes, "pronoun") == "yes";
          added.push_back(std::move(mention));
        }
      }
    }
    MergeMentions(&ann.mentions, std::move(added));
  }

  // 2. Short forms of names.
  AddAliases(doc, seg, &ann);
  return ann;
}

void Annotator::AddAliases(const Document& doc, const Segmentation& seg,
                           Annotation* ann) const {
  struct Key {
    std::vector<std::string> words;
    int strength;
    uint32_t target;  // token begin of the mention it names
    EntityType type;
    std::string entity;  // the entity's key: differing ones are ambiguous
    bool ambiguous = false;
  };
  // Joined words -> key. The order of keys does not matter: two keys with
  // the same first word and length cannot both match at one token.
  std::unordered_map<std::string, Key, StringHash, std::equal_to<>> keys;
  std::string joined;
  auto add = [&](std::span<const std::string> words, int strength,
                 const Mention& m, const std::string& entity) {
    if (words.empty()) return;
    joined.clear();
    for (const auto& w : words) {
      joined += w;
      joined += ' ';
    }
    auto [it, inserted] = keys.try_emplace(joined);
    Key& k = it->second;
    if (inserted || (k.entity != entity && strength > k.strength)) {
      k = {{words.begin(), words.end()}, strength, m.tokens.begin, m.type, entity};
    } else if (k.entity != entity && strength == k.strength) {
      k.ambiguous = true;
    }
  };
  for (const auto& m : ann->mentions) {
    if (m.pronoun || m.alias_of >= 0) continue;
    if (m.type != entity_type::kPerson && m.type != entity_type::kOrganization)
      continue;
    const std::string_view text = std::string_view(doc.text).substr(m.span.begin, m.span.size());
    bool org = m.type == entity_type::kOrganization;
    std::string entity = names_.Key(text, org);
    auto words = names_.Words(text);
    add(words, 3, m, entity);
    if (!org) {
      if (words.size() >= 2) {
        std::string_view last = names_.LastWord(text);
        if (StartsUpperOrDigit(last) && last.size() > 1)
          add(std::span(words).last(1), 1, m, entity);
      }
      continue;
    }
    add(names_.Words(names_.StripLegalSuffix(text)), 3, m, entity);
    auto core = names_.Words(names_.Core(text));
    add(core, 2, m, entity);
    for (size_t n = 2; n < core.size(); ++n) add(std::span(core).first(n), 1, m, entity);
    if (core.size() >= 2 && !names_.IsAliasStopword(core[0]) && core[0].size() > 2)
      add(std::span(core).first(1), 1, m, entity);
  }
  std::unordered_map<std::string, std::vector<const Key*>, StringHash, std::equal_to<>> by_first;
  for (const auto& [key_text, k] : keys)
    if (!k.ambiguous) by_first[k.words[0]].push_back(&k);
  for (auto& [w, v] : by_first)
    std::sort(v.begin(), v.end(), [](const Key* a, const Key* b) {
      return a->words.size() > b->words.size();
    });

  std::vector<Mention> added;
  std::vector<uint32_t> targets;
  std::vector<int> retype;  // NAME mentions to retype, with their key
  std::vector<const Key*> retype_key;
  // The mention over each token (or -1): the mentions do not change while
  // the tokens are scanned.
  std::vector<int> mention_at(seg.tokens.size(), -1);
  for (size_t m = 0; m < ann->mentions.size(); ++m)
    for (uint32_t t = ann->mentions[m].tokens.begin; t < ann->mentions[m].tokens.end; ++t)
      mention_at[t] = static_cast<int>(m);
  for (const Sentence& s : seg.sentences) {
    for (uint32_t i = s.tokens.begin; i < s.tokens.end;) {
      int at = mention_at[i];
      if (at >= 0 && ann->mentions[at].type != entity_type::kName) {
        i = ann->mentions[at].tokens.end;
        continue;
      }
      bool matched = false;
      auto it = by_first.end();
      if (!by_first.empty() && StartsUpperOrDigit(TokenText(doc.text, seg.tokens[i])))
        it = by_first.find(seg.norm(i));
      if (it != by_first.end()) {
        for (const Key* k : it->second) {
          uint32_t end = i + static_cast<uint32_t>(k->words.size());
          if (end > s.tokens.end) continue;
          bool same = true;
          for (size_t w = 1; w < k->words.size() && same; ++w)
            same = seg.norm(i + static_cast<uint32_t>(w)) == k->words[w];
          if (!same) continue;
          // Only untyped tokens, or exactly one NAME mention.
          bool ok = true;
          int name_mention = -1;
          for (uint32_t t = i; t < end && ok; ++t) {
            int mt = mention_at[t];
            if (mt < 0) continue;
            const Mention& mm = ann->mentions[mt];
            if (mm.type == entity_type::kName && mm.tokens == TokenRange{i, end}) {
              name_mention = mt;
            } else {
              ok = false;
            }
          }
          if (!ok) continue;
          if (name_mention >= 0) {
            retype.push_back(name_mention);
            retype_key.push_back(k);
          } else {
            Mention m;
            m.type = k->type;
            m.tokens = {i, end};
            m.span = {seg.tokens[i].span.begin, seg.tokens[end - 1].span.end};
            m.source = "alias";
            added.push_back(std::move(m));
            targets.push_back(k->target);
          }
          i = end;
          matched = true;
          break;
        }
      }
      if (!matched) ++i;
    }
  }
  // Record targets by token start, then map them to indices after sorting.
  std::vector<std::pair<uint32_t, uint32_t>> links;  // alias start -> target start
  for (size_t r = 0; r < retype.size(); ++r) {
    Mention& m = ann->mentions[retype[r]];
    m.type = retype_key[r]->type;
    m.source = "alias";
    links.emplace_back(m.tokens.begin, retype_key[r]->target);
  }
  // The new mentions come in text order, each clear of the others.
  const auto old_end = static_cast<std::ptrdiff_t>(ann->mentions.size());
  for (size_t a = 0; a < added.size(); ++a) {
    links.emplace_back(added[a].tokens.begin, targets[a]);
    ann->mentions.push_back(std::move(added[a]));
  }
  std::inplace_merge(ann->mentions.begin(), ann->mentions.begin() + old_end, ann->mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.tokens.begin < b.tokens.begin; });
  for (auto [from, to] : links) {
    int f = ann->MentionAt(from), t = ann->MentionAt(to);
    if (f >= 0 && t >= 0 && f != t) ann->mentions[f].alias_of = t;
  }
}

}  // namespace newsgraph
