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
    std::vector<std::string> words = rules.segmenter().PhraseWords(e.surface, false);
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
  for (const auto& p : LoadPhrases(rules, "inverted_heads"))
    if (p.size() == 1) inverted_heads_.insert(p[0]);
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
        if (!key.empty()) known_names_[org].emplace(std::move(key), name);
      }
    }
  }
}

std::string NameForms::KnownName(std::string_view name, bool organization) const {
  const auto& known = known_names_[organization];
  auto it = known.find(CachedKey(name, organization));
  return it == known.end() ? std::string() : it->second;
}

std::string NameForms::SpellLegalSuffix(std::string_view name) const {
  const Analysis& a = Derive(name);
  if (a.legal_cut == 0 || suffix_spellings_[a.legal_which].empty()) return std::string(name);
  const std::string_view kept = name.substr(0, a.spans[a.words.size() - a.legal_cut].begin);
  const std::string& spelling = suffix_spellings_[a.legal_which];
  std::string out;
  out.reserve(kept.size() + spelling.size());
  out.append(kept).append(spelling);
  return out;
}

std::string NameForms::Initials(std::string_view name) const {
  return InitialsOf(Derive(name).Stripped());
}

std::string NameForms::SuffixedInitials(std::string_view name) const {
  const Analysis& a = Derive(name);
  if (a.legal_cut == 0) return "";
  return InitialsOf(a.words);
}

std::string NameForms::InitialsOf(std::span<const std::string> words) const {
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
  const Analysis& a = Analyze(text);  // its words are the text's tokens
  if (a.words.size() < 2 || !determiners_.count(a.words[0])) return std::string(text);
  return std::string(text.substr(a.spans[1].begin));
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
  thread_local Cache* last = nullptr;  // runs of look-ups come from one instance
  Cache* found = last && last->owner == id_ ? last : nullptr;
  if (!found)
    for (Cache& c : caches)
      if (c.owner == id_) found = &c;
  if (!found) {
    found = &*std::min_element(caches.begin(), caches.end(),
                               [](const Cache& x, const Cache& y) { return x.used < y.used; });
    found->by_name.Clear();
    found->owner = id_;
  }
  last = found;
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

namespace {

// The text of `name` covering its first `count` tokens (of `spans`).
std::string_view PrefixText(std::string_view name, const std::vector<Span>& spans, size_t count) {
  if (count == 0 || spans.empty()) return {};
  if (count > spans.size()) count = spans.size();
  return name.substr(spans[0].begin, spans[count - 1].end - spans[0].begin);
}

}  // namespace

NameForms::Analysis& NameForms::Derive(std::string_view name) const {
  Analysis* a = &Analyze(name);
  if (a->derived) return *a;
  size_t which = 0, strip_end = 0, core_end = 0;
  size_t cut = 0;
  std::string_view stripped, core;  // the texts, views into `name`
  {
    const std::vector<std::string>& words = a->words;
    cut = SuffixTokens(words, legal_suffixes_, words.size(), &which);
    // Drop trailing punctuation such as a comma left from "Foo Inc,".
    auto trim = [&](size_t end) {
      while (end > 1 && (words[end - 1] == "," || words[end - 1] == "&")) --end;
      return end;
    };
    strip_end = cut == 0 ? words.size() : trim(words.size() - cut);
    core_end = trim(words.size() - cut);
    while (core_end > 1) {
      const size_t designator = SuffixTokens(words, designators_, core_end);
      if (designator == 0) break;
      core_end -= designator;
    }
    stripped = cut == 0 ? name : PrefixText(name, a->spans, strip_end);
    core = PrefixText(name, a->spans, core_end);
  }
  // The words of a shorter text, when they are not the first `count` words
  // of the name. Analyzing it may clear the cache: the name is looked up
  // again.
  auto own_words = [&](std::string_view part, size_t count, std::vector<std::string>* own) {
    if (part.size() == name.size() && count == a->words.size()) return false;  // the name itself
    std::vector<std::string> words = Analyze(part).words;
    a = &Analyze(name);
    if (words.size() == count && std::equal(words.begin(), words.end(), a->words.begin()))
      return false;
    *own = std::move(words);
    return true;
  };
  std::vector<std::string> stripped_words, core_words;
  const bool own_stripped = own_words(stripped, strip_end, &stripped_words);
  bool own_core = false;
  if (cut > 0 && core_end == strip_end) {  // the same text
    own_core = own_stripped;
    core_words = stripped_words;
  } else {
    own_core = own_words(core, core_end, &core_words);
  }
  a = &Analyze(name);
  a->legal_cut = static_cast<uint32_t>(cut);
  a->legal_which = static_cast<uint32_t>(which);
  a->strip_end = static_cast<uint32_t>(strip_end);
  a->core_end = static_cast<uint32_t>(core_end);
  a->own_stripped = own_stripped;
  a->own_core = own_core;
  a->stripped_words = std::move(stripped_words);
  a->core_words = std::move(core_words);
  a->derived = true;
  return *a;
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

std::string NameForms::StripLegalSuffix(std::string_view name) const {
  const Analysis& a = Derive(name);
  if (a.legal_cut == 0) return std::string(name);
  return std::string(PrefixText(name, a.spans, a.strip_end));
}

std::string NameForms::Core(std::string_view name) const {
  const Analysis& a = Derive(name);
  return std::string(PrefixText(name, a.spans, a.core_end));
}

bool NameForms::IsAliasStopword(std::string_view lower_word) const {
  return stopwords_.count(lower_word) > 0;
}

bool NameForms::IsInvertedHead(std::string_view lower_word) const {
  return inverted_heads_.count(lower_word) > 0;
}

std::string NameForms::Key(std::string_view name, bool organization) const {
  return CachedKey(name, organization);
}

void NameForms::AppendKey(std::string_view name, bool organization, std::string* out) const {
  out->append(CachedKey(name, organization));
}

NameForms::Parts NameForms::Split(std::string_view name, bool organization) const {
  Analysis& a = Derive(name);
  return {a.words, a.Stripped(), a.Core(), KeyOf(a, organization)};
}

const std::string& NameForms::CachedKey(std::string_view name, bool organization) const {
  return KeyOf(Derive(name), organization);
}

// Kept with the name's analysis: working it out needs no other name's.
const std::string& NameForms::KeyOf(Analysis& a, bool organization) const {
  if (!a.has_key[organization]) {
    a.key[organization] =
        MakeKey(organization ? a.Stripped() : std::span<const std::string>(a.words));
    a.has_key[organization] = true;
  }
  return a.key[organization];
}

std::string NameForms::MakeKey(std::span<const std::string> words) const {
  std::string key;
  for (const auto& w : words) {
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
