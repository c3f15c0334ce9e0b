#include "newsgraph/names.h"

#include <algorithm>
#include <array>
#include <atomic>

#include "newsgraph/unicode.h"
#include "text/string_table.h"

namespace newsgraph {
namespace {

// The entries of `lexicon` as normal-form words; with `canonical`, each
// kept entry's canonical form ("" when it has none) at the same index.
std::vector<std::vector<std::string>> LoadPhrases(
    const RuleSet& rules, std::string_view lexicon,
    std::vector<std::string>* canonical = nullptr) {
  std::vector<std::vector<std::string>> out;
  int x = rules.FindLexicon(lexicon);
  if (x < 0) return out;
  for (const auto& e : rules.lexicons()[x].entries) {
    Segmentation seg = rules.segmenter().Segment(e.surface);
    std::vector<std::string> words;
    for (const auto& t : seg.tokens) words.emplace_back(seg.norm(t));
    if (words.empty()) continue;
    out.push_back(std::move(words));
    if (canonical) canonical->push_back(e.canonical);
  }
  return out;
}

std::atomic<uint64_t> next_id{1};  // NameForms::id_

}  // namespace

NameForms::NameForms(const RuleSet& rules)
    : id_(next_id++),
      segmenter_(&rules.segmenter()),
      legal_suffixes_(LoadPhrases(rules, "legal_suffixes", &suffix_spellings_)),
      designators_(LoadPhrases(rules, "org_designators")) {
  for (const auto& p : LoadPhrases(rules, "alias_stopwords"))
    if (p.size() == 1) stopwords_.insert(p[0]);
  for (const auto& p : LoadPhrases(rules, "determiners"))
    if (p.size() == 1) determiners_.insert(p[0]);
  for (const auto& p : LoadPhrases(rules, "acronym_skip"))
    if (p.size() == 1) acronym_skip_.insert(p[0]);
  // Known names: the key of both the entry and its canonical form names it.
  if (int x = rules.FindLexicon("known_names"); x >= 0) {
    const Lexicon& lex = rules.lexicons()[x];
    for (const auto& e : lex.entries) {
      std::string_view type = FindAttribute(e.attributes, "type");
      const int t = rules.FindEntityType(type.empty() ? lex.entity_type_name : type);
      const bool org = t == entity_type::kOrganization;
      if (!org && t != entity_type::kPerson) continue;
      const std::string& name = e.canonical.empty() ? e.surface : e.canonical;
      for (const std::string* form : {&e.surface, &name}) {
        std::string key = Key(*form, org);
        if (!key.empty()) known_names_.emplace((org ? "o:" : "p:") + key, name);
      }
    }
  }
}

std::string NameForms::KnownName(std::string_view name, bool organization) const {
  auto it = known_names_.find((organization ? "o:" : "p:") + Key(name, organization));
  return it == known_names_.end() ? std::string() : it->second;
}

std::string NameForms::SpellLegalSuffix(std::string_view name) const {
  auto words = Words(name);
  size_t which = 0;
  const size_t cut = SuffixTokens(words, legal_suffixes_, words.size(), &which);
  if (cut == 0 || suffix_spellings_[which].empty()) return std::string(name);
  std::string out(name.substr(0, Analyze(name).spans[words.size() - cut].begin));
  return out + suffix_spellings_[which];
}

std::string NameForms::Initials(std::string_view name) const {
  auto words = Words(StripLegalSuffix(name));
  if (words.size() < 2) return "";
  std::string out;
  for (const auto& w : words) {
    if (acronym_skip_.count(w)) continue;
    size_t i = 0;
    char32_t c = DecodeUtf8(w, &i);
    if (!IsLetter(c)) return "";  // "3M Co", "Foo-Bar & Co": no plain initials
    AppendUtf8(c, &out);
  }
  return out;
}

std::string NameForms::StripDeterminer(std::string_view text) const {
  Segmentation seg = segmenter_->Segment(text);
  if (seg.tokens.size() < 2 || !determiners_.count(std::string(seg.norm(0))))
    return std::string(text);
  return std::string(text.substr(seg.tokens[1].span.begin));
}

NameForms::Analysis& NameForms::Analyze(std::string_view name) const {
  // Names recur (every mention of a company, every alias tried), and
  // segmenting one costs more than looking it up: a per-thread cache,
  // bounded, per instance. A pipeline's stages each have an instance and
  // take turns on every document, so a thread keeps a few caches, not one
  // that each stage would clear for the next.
  struct Cache {
    uint64_t owner = 0;
    uint64_t used = 0;  // when last used, for replacing the stalest
    StringTable<Analysis> by_name;
  };
  thread_local std::array<Cache, 4> caches;
  thread_local uint64_t clock = 0;
  Cache* found = nullptr;
  for (Cache& c : caches)
    if (c.owner == id_) found = &c;
  if (!found) {
    found = &*std::min_element(caches.begin(), caches.end(),
                               [](const Cache& x, const Cache& y) { return x.used < y.used; });
    found->by_name.Clear();
    found->owner = id_;
  }
  Cache& cache = *found;
  cache.used = ++clock;
  if (cache.by_name.size() > 50000) cache.by_name.Clear();
  const uint64_t hash = StringTable<Analysis>::Hash(name);
  if (Analysis* known = cache.by_name.Find(name, hash)) return *known;
  Analysis a;
  Segmentation seg = segmenter_->Segment(name);
  for (const auto& t : seg.tokens) {
    a.words.emplace_back(seg.norm(t));
    a.spans.push_back(t.span);
  }
  return cache.by_name.Add(name, hash, std::move(a));
}

std::vector<std::string> NameForms::Words(std::string_view name) const {
  return Analyze(name).words;
}

std::string_view NameForms::LastWord(std::string_view name) const {
  const Analysis& a = Analyze(name);
  if (a.spans.empty()) return {};
  return name.substr(a.spans.back().begin, a.spans.back().size());
}

// How many trailing words of words[0, end) form an entry of `table`
// (longest entry wins, its index in *which); 0 when none.
size_t NameForms::SuffixTokens(const std::vector<std::string>& words,
                               const std::vector<std::vector<std::string>>& table,
                               size_t end, size_t* which) const {
  size_t best = 0;
  for (size_t i = 0; i < table.size(); ++i) {
    const auto& entry = table[i];
    if (entry.size() >= end || entry.size() <= best) continue;
    bool same = true;
    for (size_t k = 0; k < entry.size() && same; ++k)
      same = words[end - entry.size() + k] == entry[k];
    if (same) {
      best = entry.size();
      if (which) *which = i;
    }
  }
  return best;
}

// The text of `name` covering its first `count` tokens.
std::string NameForms::Prefix(std::string_view name, size_t count) const {
  const auto& spans = Analyze(name).spans;
  if (count == 0 || spans.empty()) return "";
  if (count > spans.size()) count = spans.size();
  return std::string(name.substr(spans[0].begin, spans[count - 1].end - spans[0].begin));
}

size_t NameForms::LegalCut(Analysis& a) const {
  if (a.legal_cut < 0)
    a.legal_cut = static_cast<int>(SuffixTokens(a.words, legal_suffixes_, a.words.size()));
  return static_cast<size_t>(a.legal_cut);
}

std::string NameForms::StripLegalSuffix(std::string_view name) const {
  Analysis& a = Analyze(name);
  const size_t cut = LegalCut(a);
  if (cut == 0) return std::string(name);
  // Drop trailing punctuation such as a comma left from "Foo Inc,".
  size_t end = a.words.size() - cut;
  while (end > 1 && (a.words[end - 1] == "," || a.words[end - 1] == "&")) --end;
  return Prefix(name, end);
}

std::string NameForms::Core(std::string_view name) const {
  Analysis& a = Analyze(name);
  const auto& words = a.words;
  size_t end = words.size() - LegalCut(a);
  while (end > 1 && (words[end - 1] == "," || words[end - 1] == "&")) --end;
  while (end > 1) {
    size_t cut = SuffixTokens(words, designators_, end);
    if (cut == 0) break;
    end -= cut;
  }
  return Prefix(name, end);
}

bool NameForms::IsAliasStopword(std::string_view lower_word) const {
  return stopwords_.count(std::string(lower_word)) > 0;
}

std::string NameForms::Key(std::string_view name, bool organization) const {
  // Cached with the name's analysis (looked up again to store it: working
  // the key out analyzes other names, and that may clear the cache).
  if (const Analysis& a = Analyze(name); a.has_key[organization]) return a.key[organization];
  std::string key = MakeKey(name, organization);
  Analysis& a = Analyze(name);
  a.key[organization] = key;
  a.has_key[organization] = true;
  return key;
}

std::string NameForms::MakeKey(std::string_view name, bool organization) const {
  std::string base = organization ? StripLegalSuffix(name) : std::string(name);
  std::string key;
  for (const auto& w : Words(base)) {
    bool alnum = false;
    for (size_t i = 0; i < w.size();) alnum = IsLetter(DecodeUtf8(w, &i)) || alnum;
    for (char c : w) alnum = alnum || (c >= '0' && c <= '9');
    if (!alnum) continue;
    if (key.empty() && determiners_.count(w)) continue;
    if (!key.empty()) key.push_back(' ');
    for (char c : w)
      if (c != '.') key.push_back(c);
  }
  return key;
}

std::string Slug(std::string_view name) {
  std::string out;
  bool dash = false;
  size_t i = 0;
  while (i < name.size()) {
    char32_t c = DecodeUtf8(name, &i);
    if (IsLetter(c) || IsDigit(c)) {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      AppendUtf8(ToLower(c), &out);
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace newsgraph
