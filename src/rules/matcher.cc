// Matching: lexicon hits through the phrase trie, and rule patterns through
// RE2 over per-sentence token records (see compiler.cc for the encoding).
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <unordered_map>

#include "newsgraph/unicode.h"
#include "rules/internal.h"

namespace newsgraph {
namespace {

// Per-thread cache of static atoms by token text. Bounded: cleared when big.
struct AtomCache {
  uint64_t owner = 0;  // RuleSetImpl::generation (addresses can be reused)
  std::unordered_map<std::string, std::vector<int>> by_text;
};

const std::vector<int>& CachedStaticAtoms(const RuleSetImpl& impl,
                                          std::string_view text,
                                          std::string_view norm) {
  thread_local AtomCache cache;
  if (cache.owner != impl.generation || cache.by_text.size() > 200000) {
    cache.by_text.clear();
    cache.owner = impl.generation;
  }
  thread_local std::string key;
  key.assign(text);
  auto it = cache.by_text.find(key);
  if (it != cache.by_text.end()) return it->second;
  std::vector<int> atoms;
  impl.StaticAtoms(text, norm, &atoms);
  return cache.by_text.emplace(key, std::move(atoms)).first->second;
}

void AppendCodePoint(int atom, std::string* out) {
  unsigned cp = 0x100u + static_cast<unsigned>(atom);
  if (cp >= 0xD800) cp += 0x800;
  AppendUtf8(cp, out);
}

// Hits and entities whose start lies in [begin, end).
template <typename T>
std::pair<size_t, size_t> RangeIn(const std::vector<T>& v, uint32_t begin,
                                  uint32_t end) {
  auto lo = std::lower_bound(v.begin(), v.end(), begin,
                             [](const T& x, uint32_t b) { return x.tokens.begin < b; });
  auto hi = std::lower_bound(lo, v.end(), end,
                             [](const T& x, uint32_t e) { return x.tokens.begin < e; });
  return {static_cast<size_t>(lo - v.begin()), static_cast<size_t>(hi - v.begin())};
}

}  // namespace

void RuleSetImpl::StaticAtoms(std::string_view text, std::string_view norm,
                              std::vector<int>* out) const {
  if (auto it = lower_atoms.find(std::string(norm)); it != lower_atoms.end())
    out->insert(out->end(), it->second.begin(), it->second.end());
  if (!exact_atoms.empty()) {
    if (auto it = exact_atoms.find(StraightenQuotes(text)); it != exact_atoms.end())
      out->insert(out->end(), it->second.begin(), it->second.end());
  }
  if (!shape_atoms.empty()) {
    if (auto it = shape_atoms.find(TokenShape(text)); it != shape_atoms.end())
      out->insert(out->end(), it->second.begin(), it->second.end());
  }
  if (regex_set) {
    std::vector<int> which;
    if (regex_set->Match(re2::StringPiece(text.data(), text.size()), &which)) {
      for (int w : which) out->push_back(regex_set_atoms[w]);
    }
  }
}

void RuleSet::FindLexiconHits(const Segmentation& seg, std::string_view text,
                              std::vector<LexiconHit>* out) const {
  const RuleSetImpl& impl = *impl_;
  const size_t nlex = impl.lexicons.size();
  std::vector<uint32_t> next_free(nlex, 0);  // per lexicon: first free token
  std::vector<LexiconHit> longest(nlex);
  std::vector<char> found(nlex);
  std::string cased;
  for (const Sentence& s : seg.sentences) {
    for (uint32_t i = s.tokens.begin; i < s.tokens.end; ++i) {
      std::fill(found.begin(), found.end(), 0);
      for (int pass = 0; pass < 2; ++pass) {
        const PhraseTrie& trie = pass == 0 ? impl.trie_lower : impl.trie_cased;
        if (pass == 1 && !impl.has_cased) break;
        int node = trie.root();
        for (uint32_t j = i; j < s.tokens.end; ++j) {
          if (pass == 0) {
            node = trie.Child(node, seg.norm(j));
          } else {
            cased = StraightenQuotes(TokenText(text, seg.tokens[j]));
            node = trie.Child(node, cased);
          }
          if (node < 0) break;
          for (const auto& v : trie.Values(node)) {
            // Longer phrases come later in this walk, so they overwrite.
            longest[v.lexicon] = {v.lexicon, v.entry, {i, j + 1}};
            found[v.lexicon] = 1;
          }
        }
      }
      for (size_t x = 0; x < nlex; ++x) {
        if (!found[x] || i < next_free[x]) continue;
        out->push_back(longest[x]);
        next_free[x] = longest[x].tokens.end;
      }
    }
  }
}

std::vector<RuleMatch> RuleSet::Match(const RuleSelection& which,
                                      const SentenceView& view) const {
  const RuleSetImpl& impl = *impl_;
  const Segmentation& seg = *view.seg;
  const Sentence& sent = seg.sentences[view.sentence];
  const uint32_t first = sent.tokens.begin;
  const uint32_t n = sent.tokens.size();

  // 1. Atoms of every token.
  thread_local std::vector<std::vector<int>> atoms;
  if (atoms.size() < n) atoms.resize(n);
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = seg.tokens[first + k];
    atoms[k] = CachedStaticAtoms(impl, TokenText(view.text, t), seg.norm(t));
  }
  auto mark = [&](const std::array<int, 3>& a, TokenRange r) {
    for (uint32_t t = std::max(r.begin, first);
         t < std::min(r.end, sent.tokens.end); ++t) {
      atoms[t - first].push_back(a[0]);
    }
    if (r.begin >= first && r.begin < sent.tokens.end)
      atoms[r.begin - first].push_back(a[1]);
    if (r.end > first && r.end - 1 < sent.tokens.end)
      atoms[r.end - 1 - first].push_back(a[2]);
  };
  if (view.hits) {
    auto [lo, hi] = RangeIn(*view.hits, first, sent.tokens.end);
    for (size_t h = lo; h < hi; ++h)
      mark(impl.lex_atoms[(*view.hits)[h].lexicon], (*view.hits)[h].tokens);
  }
  if (view.entities) {
    auto [lo, hi] = RangeIn(*view.entities, first, sent.tokens.end);
    for (size_t e = lo; e < hi; ++e) {
      const EntitySpan& es = (*view.entities)[e];
      mark(impl.ent_atoms[es.type], es.tokens);
      for (uint32_t t = es.tokens.begin; t < es.tokens.end && t < sent.tokens.end; ++t)
        atoms[t - first].push_back(impl.any_entity_atom);
    }
  }

  // 2. The record string.
  thread_local std::string rec;
  thread_local std::vector<uint32_t> starts;
  rec.clear();
  starts.clear();
  thread_local std::vector<uint8_t> present;
  thread_local std::vector<int> present_list;
  if (present.size() < impl.atoms.size()) present.resize(impl.atoms.size());
  present_list.clear();
  for (uint32_t k = 0; k < n; ++k) {
    auto& a = atoms[k];
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    starts.push_back(static_cast<uint32_t>(rec.size()));
    rec.push_back('\x01');
    for (int x : a) {
      AppendCodePoint(x, &rec);
      if (!present[x]) {
        present[x] = 1;
        present_list.push_back(x);
      }
    }
    rec.push_back('\x02');
  }
  starts.push_back(static_cast<uint32_t>(rec.size()));

  // 3. Candidate rules: those keyed by an atom the sentence holds, plus the
  // unkeyed ones; then all must-atoms are checked.
  auto selected = [&](int r) {
    const Rule& rule = impl.rules[r];
    if (which.entities)
      return rule.family == Family::kEntity && rule.stage == which.stage;
    return rule.family != Family::kEntity;
  };
  thread_local std::vector<int> candidates;
  candidates.clear();
  for (int a : present_list)
    for (int r : impl.rules_by_key[a])
      if (selected(r)) candidates.push_back(r);
  for (int r : which.entities ? impl.unkeyed_entity_rules
                              : impl.unkeyed_relation_rules)
    if (selected(r)) candidates.push_back(r);
  std::sort(candidates.begin(), candidates.end());

  struct Candidate {
    RuleMatch m;
    int priority;
    Family family;
  };
  std::vector<Candidate> found;
  std::vector<re2::StringPiece> groups;
  for (int r : candidates) {
    const CompiledRule& cr = impl.compiled[r];
    if (!cr.regex || !cr.regex->ok() || cr.min_tokens > static_cast<int>(n))
      continue;
    bool ok = true;
    for (int a : cr.must_atoms) ok = ok && present[a];
    if (!ok) continue;
    const int ngroups = 1 + cr.regex->NumberOfCapturingGroups();
    groups.assign(ngroups, re2::StringPiece());
    size_t pos = 0;
    re2::StringPiece text(rec);
    auto token_at = [&](const char* p) -> uint32_t {
      uint32_t off = static_cast<uint32_t>(p - rec.data());
      auto it = std::upper_bound(starts.begin(), starts.end(), off);
      return static_cast<uint32_t>(it - starts.begin()) - 1;
    };
    auto token_end = [&](const char* p) -> uint32_t {
      uint32_t off = static_cast<uint32_t>(p - rec.data());
      auto it = std::lower_bound(starts.begin(), starts.end(), off);
      return static_cast<uint32_t>(it - starts.begin());
    };
    while (pos < rec.size()) {
      if (!cr.regex->Match(text, pos, rec.size(), RE2::UNANCHORED,
                           groups.data(), ngroups))
        break;
      uint32_t b = token_at(groups[0].data());
      uint32_t e = token_end(groups[0].data() + groups[0].size());
      if (e > b) {
        Candidate c;
        c.m.rule = static_cast<uint32_t>(r);
        c.m.tokens = {first + b, first + e};
        const Rule& rule = impl.rules[r];
        c.m.captures.assign(rule.captures.size(),
                            {RuleMatch::kUnset, RuleMatch::kUnset});
        for (size_t i = 0; i < cr.capture_groups.size(); ++i) {
          for (int group : cr.capture_groups[i]) {
            const auto& g = groups[group];
            if (g.data() == nullptr) continue;
            c.m.captures[i] = {first + token_at(g.data()),
                               first + token_end(g.data() + g.size())};
            if (g.empty()) c.m.captures[i].end = c.m.captures[i].begin;
            break;
          }
        }
        c.m.parts.assign(cr.part_groups.size(),
                         {RuleMatch::kUnset, RuleMatch::kUnset});
        for (size_t i = 0; i < cr.part_groups.size(); ++i) {
          const auto& g = groups[cr.part_groups[i]];
          if (g.data() == nullptr) continue;
          c.m.parts[i] = {first + token_at(g.data()),
                          first + token_end(g.data() + g.size())};
          if (g.empty()) c.m.parts[i].end = c.m.parts[i].begin;
        }
        c.priority = rule.priority;
        c.family = rule.family;
        found.push_back(std::move(c));
      }
      // The next search starts at the next token record.
      uint32_t next = starts[b + 1];
      if (next <= pos) next = static_cast<uint32_t>(pos) + 1;
      pos = next;
    }
  }
  for (int a : present_list) present[a] = 0;

  // 4. Conflicts: longest, then priority, then earliest, then rule order.
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    if (x.m.tokens.size() != y.m.tokens.size())
      return x.m.tokens.size() > y.m.tokens.size();
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.m.tokens.begin != y.m.tokens.begin)
      return x.m.tokens.begin < y.m.tokens.begin;
    return x.m.rule < y.m.rule;
  });
  std::vector<RuleMatch> accepted;
  std::vector<Family> accepted_family;
  for (auto& c : found) {
    bool clash = false;
    for (size_t i = 0; i < accepted.size() && !clash; ++i)
      clash = accepted_family[i] == c.family &&
              accepted[i].tokens.Overlaps(c.m.tokens);
    if (clash) continue;
    accepted.push_back(std::move(c.m));
    accepted_family.push_back(c.family);
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const RuleMatch& x, const RuleMatch& y) {
              if (x.tokens.begin != y.tokens.begin)
                return x.tokens.begin < y.tokens.begin;
              return x.rule < y.rule;
            });
  return accepted;
}

std::string RuleSet::Explain(const RuleMatch& m, const Segmentation& seg,
                             std::string_view text) const {
  const Rule& r = impl_->rules[m.rule];
  auto span_text = [&](TokenRange tr) -> std::string {
    if (tr.begin == RuleMatch::kUnset) return "(not matched)";
    if (tr.empty()) return "(empty)";
    uint32_t b = seg.tokens[tr.begin].span.begin;
    uint32_t e = seg.tokens[tr.end - 1].span.end;
    return "\"" + std::string(text.substr(b, e - b)) + "\"";
  };
  std::string out = r.id + " (" + r.where.file + ":" +
                    std::to_string(r.where.line) + ") matched " +
                    span_text(m.tokens) + "\n";
  for (size_t i = 0; i < m.parts.size() && i < r.part_labels.size(); ++i) {
    out += "    " + r.part_labels[i] + "  =>  " + span_text(m.parts[i]) + "\n";
  }
  return out;
}

}  // namespace newsgraph
