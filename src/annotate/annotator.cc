#include <algorithm>
#include <span>
#include <string>

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
  // Sorted through their indices (the same order std::sort gives the
  // mentions themselves, ties included), so that each moves only once.
  std::vector<uint32_t> order(added.size());
  for (uint32_t a = 0; a < order.size(); ++a) order[a] = a;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return added[a].tokens.begin < added[b].tokens.begin;
  });
  std::vector<Mention> out;
  out.reserve(mentions->size() + added.size());
  std::vector<Mention>& old = *mentions;
  size_t i = 0;
  for (uint32_t a : order) {
    Mention& m = added[a];
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
    : rules_(std::move(rules)), names_(*rules_) {
  const auto& lexicons = rules_->lexicons();
  lexicon_types_.resize(lexicons.size());
  entry_types_.resize(lexicons.size());
  for (size_t x = 0; x < lexicons.size(); ++x) {
    const Lexicon& lex = lexicons[x];
    lexicon_types_[x] = lex.entity_type;
    bool typed = false;
    for (const auto& e : lex.entries) typed = typed || !FindAttribute(e.attributes, "type").empty();
    if (!typed) continue;
    entry_types_[x].reserve(lex.entries.size());
    for (const auto& e : lex.entries) {
      const std::string_view t = FindAttribute(e.attributes, "type");
      entry_types_[x].push_back(t.empty() ? lex.entity_type : rules_->FindEntityType(t));
    }
  }
}

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
  const std::vector<Lexicon>& lexicons = rules.lexicons();
  for (uint32_t i = 0; i < ann.hits.size(); ++i) {
    const LexiconHit& h = ann.hits[i];
    const int type = HitType(h);
    if (type >= 0) cands.push_back({i, type, lexicons[h.lexicon].priority});
  }
  std::stable_sort(cands.begin(), cands.end(),
                   [&](const Candidate& a, const Candidate& b) {
                     const TokenRange ta = ann.hits[a.hit].tokens, tb = ann.hits[b.hit].tokens;
                     if (ta.size() != tb.size()) return ta.size() > tb.size();
                     if (a.priority != b.priority) return a.priority > b.priority;
                     return ta.begin < tb.begin;
                   });
  std::vector<bool> taken(seg.tokens.size(), false);
  // The kept ones are disjoint: made into mentions in text order, they
  // need no sorting.
  std::vector<const Candidate*> kept;
  for (const Candidate& c : cands) {
    const LexiconHit& h = ann.hits[c.hit];
    bool clash = false;
    for (uint32_t t = h.tokens.begin; t < h.tokens.end && !clash; ++t) clash = taken[t];
    if (clash) continue;
    for (uint32_t t = h.tokens.begin; t < h.tokens.end; ++t) taken[t] = true;
    kept.push_back(&c);
  }
  std::sort(kept.begin(), kept.end(), [&](const Candidate* a, const Candidate* b) {
    return ann.hits[a->hit].tokens.begin < ann.hits[b->hit].tokens.begin;
  });
  ann.mentions.reserve(kept.size());
  for (const Candidate* k : kept) {
    const Candidate& c = *k;
    const LexiconHit& h = ann.hits[c.hit];
    const Lexicon& lex = lexicons[h.lexicon];
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

namespace {

// The short forms of the names in a document ("chen", "northwind"), each
// with the mention it names. The words of all forms lie back to back in one
// string (each followed by ' ', the form's text), with each word's size
// apart, so a document's forms cost a few buffers, not strings of their own.
class ShortForms {
 public:
  // Starts the forms of a name: `entity` is its entity's key, `words` its
  // words, which its forms below are often the first or last of.
  void StartName(std::string_view entity, std::span<const std::string> words) {
    entity_ = {static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(entity.size())};
    text_.append(entity);
    name_words_ = words;
    name_ = Append(words);
  }

  // `words` as a form of the name of `m`, of `strength`: a stronger form
  // names another entity instead, a form as strong for another entity makes
  // it ambiguous.
  void Add(std::span<const std::string> words, int strength, const Mention& m) {
    if (words.empty()) return;
    // The name's first or last words are in its text already.
    Words form;
    if (words.data() == name_words_.data() && words.size() <= name_words_.size()) {
      form = name_;
      for (size_t w = words.size(); w < name_words_.size(); ++w)
        form.text.size -= sizes_[name_.sizes_begin + w] + 1;
      form.word_count = static_cast<uint32_t>(words.size());
    } else if (words.data() + words.size() == name_words_.data() + name_words_.size() &&
               words.size() == 1) {
      const uint32_t last = name_.sizes_begin + name_.word_count - 1;
      form = {{name_.text.begin + name_.text.size - (sizes_[last] + 1), sizes_[last] + 1}, last, 1};
    } else {
      form = Append(words);
    }
    const std::string_view text = View(form.text);
    const uint64_t hash = std::hash<std::string_view>()(text);
    uint32_t* slot = Slot(text, hash);
    if (*slot == 0) {
      Form f;
      f.hash = hash;
      Assign(&f, form, strength, m);
      forms_.push_back(f);
      *slot = static_cast<uint32_t>(forms_.size());
      if (2 * forms_.size() > slots_.size()) Grow();
      return;
    }
    Form& f = forms_[*slot - 1];
    if (View(f.entity) == View(entity_)) return;
    if (strength > f.strength) {
      // The same text, but not always the same words when a word holds a
      // space: the words as given this time.
      Assign(&f, form, strength, m);
      f.ambiguous = false;
    } else if (strength == f.strength) {
      f.ambiguous = true;
    }
  }

  // Indexes the unambiguous forms by their first word, longest first.
  void Index() {
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      if (forms_[f].ambiguous) continue;
      const std::string_view first = Word(forms_[f], 0);
      forms_[f].first_hash = std::hash<std::string_view>()(first);
      first_sizes_ |= uint64_t{1} << std::min<size_t>(first.size(), 63);
      if (!first.empty()) {
        const auto b = static_cast<unsigned char>(first[0]);
        first_bytes_[b >> 6] |= uint64_t{1} << (b & 63);
      }
      order_.push_back(f);
    }
    // Two forms of one first word and size cannot both match at a token:
    // their order does not matter.
    std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
      const Form &x = forms_[a], &y = forms_[b];
      if (x.first_hash != y.first_hash) return x.first_hash < y.first_hash;
      return x.words.word_count > y.words.word_count;
    });
  }

  bool empty() const { return order_.empty(); }

  // Forgets every form, keeping the buffers.
  void Clear() {
    text_.clear();
    sizes_.clear();
    forms_.clear();
    slots_.clear();
    order_.clear();
    std::fill(std::begin(first_bytes_), std::end(first_bytes_), 0);
    first_sizes_ = 0;
  }

  // Whether a form may start with the word `norm`: a test that spares most
  // words the look-up.
  bool MayStartWith(const char* norm, size_t size) const {
    if (!(first_sizes_ >> std::min<size_t>(size, 63) & 1)) return false;
    if (size == 0) return true;
    const auto b = static_cast<unsigned char>(norm[0]);
    return first_bytes_[b >> 6] >> (b & 63) & 1;
  }

  // The forms whose first word may be `norm` (same hash), longest first:
  // [begin, end) of order().
  std::pair<size_t, size_t> Starting(std::string_view norm) const {
    const uint64_t hash = std::hash<std::string_view>()(norm);
    auto lo = std::lower_bound(order_.begin(), order_.end(), hash, [&](uint32_t f, uint64_t h) {
      return forms_[f].first_hash < h;
    });
    auto hi = lo;
    while (hi != order_.end() && forms_[*hi].first_hash == hash) ++hi;
    return {static_cast<size_t>(lo - order_.begin()), static_cast<size_t>(hi - order_.begin())};
  }
  uint32_t At(size_t i) const { return order_[i]; }

  // Whether form `f` is the normal forms of tokens [i, i + its words).
  bool Matches(uint32_t f, const Segmentation& seg, uint32_t i) const {
    const Words& form = forms_[f].words;
    size_t at = form.text.begin;
    for (uint32_t w = 0; w < form.word_count; ++w) {
      const uint32_t size = sizes_[form.sizes_begin + w];
      if (seg.norm(i + w) != std::string_view(text_).substr(at, size)) return false;
      at += size + 1;
    }
    return true;
  }
  uint32_t word_count(uint32_t f) const { return forms_[f].words.word_count; }
  uint32_t target(uint32_t f) const { return forms_[f].target; }
  EntityType type(uint32_t f) const { return forms_[f].type; }

 private:
  struct Range {
    uint32_t begin = 0, size = 0;
  };
  // Words in text_ (each followed by ' '), their sizes in sizes_.
  struct Words {
    Range text;
    uint32_t sizes_begin = 0, word_count = 0;
  };
  struct Form {
    uint64_t hash = 0;        // of its text
    uint64_t first_hash = 0;  // of its first word, once indexed
    Words words;
    int strength = 0;
    uint32_t target = 0;  // token begin of the mention it names
    EntityType type = 0;
    Range entity;  // the entity's key, in text_: differing ones are ambiguous
    bool ambiguous = false;
  };

  Words Append(std::span<const std::string> words) {
    Words out{{static_cast<uint32_t>(text_.size()), 0}, static_cast<uint32_t>(sizes_.size()),
              static_cast<uint32_t>(words.size())};
    for (const auto& w : words) {
      text_ += w;
      text_ += ' ';
      sizes_.push_back(static_cast<uint32_t>(w.size()));
    }
    out.text.size = static_cast<uint32_t>(text_.size()) - out.text.begin;
    return out;
  }
  std::string_view View(Range r) const { return std::string_view(text_).substr(r.begin, r.size); }
  std::string_view Word(const Form& f, uint32_t w) const {
    size_t at = f.words.text.begin;
    for (uint32_t k = 0; k < w; ++k) at += sizes_[f.words.sizes_begin + k] + 1;
    return std::string_view(text_).substr(at, sizes_[f.words.sizes_begin + w]);
  }
  void Assign(Form* f, const Words& words, int strength, const Mention& m) {
    f->words = words;
    f->strength = strength;
    f->target = m.tokens.begin;
    f->type = m.type;
    f->entity = entity_;
  }
  // The slot of the form with text `text`: 0 when it is new (then that is
  // where it goes), else its index + 1.
  uint32_t* Slot(std::string_view text, uint64_t hash) {
    if (slots_.empty()) slots_.assign(kInitialSlots, 0);
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      uint32_t& s = slots_[i];
      if (s == 0) return &s;
      const Form& f = forms_[s - 1];
      if (f.hash == hash && View(f.words.text) == text) return &s;
    }
  }
  void Grow() {
    slots_.assign(2 * slots_.size(), 0);
    const size_t mask = slots_.size() - 1;
    for (uint32_t f = 0; f < forms_.size(); ++f) {
      size_t i = forms_[f].hash & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = f + 1;
    }
  }

  static constexpr size_t kInitialSlots = 64;
  std::string text_;
  std::vector<uint32_t> sizes_;
  std::vector<Form> forms_;
  std::vector<uint32_t> slots_;  // a power of two of them, at most half used
  Range entity_;                 // of the name being added
  std::span<const std::string> name_words_;  // the name's words, as given
  Words name_;                               // and as kept
  std::vector<uint32_t> order_;  // unambiguous forms by first word's hash, longest first
  uint64_t first_bytes_[4] = {};  // bit b of each first word's first byte b
  uint64_t first_sizes_ = 0;       // bit min(size, 63) of each first word
};

}  // namespace

void Annotator::AddAliases(const Document& doc, const Segmentation& seg,
                           Annotation* ann) const {
  // One per thread, its buffers kept from one document to the next.
  thread_local ShortForms forms;
  forms.Clear();
  for (const auto& m : ann->mentions) {
    if (m.pronoun || m.alias_of >= 0) continue;
    if (m.type != entity_type::kPerson && m.type != entity_type::kOrganization)
      continue;
    const std::string_view text = std::string_view(doc.text).substr(m.span.begin, m.span.size());
    const bool org = m.type == entity_type::kOrganization;
    // A view into `text`, asked for first: the parts below are views into
    // the name cache that the next look-up may clear.
    const std::string_view last = org ? std::string_view() : names_.LastWord(text);
    const NameForms::Parts parts = names_.Split(text, org);
    forms.StartName(parts.key, parts.words);
    forms.Add(parts.words, 3, m);
    if (!org) {
      if (parts.words.size() >= 2 && StartsUpperOrDigit(last) && last.size() > 1)
        forms.Add(parts.words.last(1), 1, m);
      continue;
    }
    forms.Add(parts.stripped, 3, m);
    const auto core = parts.core;
    forms.Add(core, 2, m);
    for (size_t n = 2; n < core.size(); ++n) forms.Add(core.first(n), 1, m);
    if (core.size() >= 2 && !names_.IsAliasStopword(core[0]) && core[0].size() > 2)
      forms.Add(core.first(1), 1, m);
  }
  forms.Index();

  if (forms.empty()) return;

  std::vector<Mention> added;
  std::vector<uint32_t> targets;
  std::vector<int> retype;  // NAME mentions to retype, with their form
  std::vector<uint32_t> retype_form;
  // The mentions do not change while the tokens are scanned; they are
  // sorted and disjoint, so they are also sorted by end.
  const std::vector<Mention>& mentions = ann->mentions;
  // The first mention that ends after token i, its tokens and whether it
  // is typed (then its tokens are skipped).
  size_t next = 0;
  uint32_t next_begin = 0, next_end = 0;
  bool next_typed = false;
  auto seek = [&](uint32_t i) {
    while (next < mentions.size() && mentions[next].tokens.end <= i) ++next;
    const bool any = next < mentions.size();
    next_begin = any ? mentions[next].tokens.begin : UINT32_MAX;
    next_end = any ? mentions[next].tokens.end : UINT32_MAX;
    next_typed = any && mentions[next].type != entity_type::kName;
  };
  seek(0);
  const Token* tokens = seg.tokens.data();
  const char* norms = seg.norm_storage.data();
  for (const Sentence& s : seg.sentences) {
    for (uint32_t i = s.tokens.begin; i < s.tokens.end;) {
      if (i >= next_end) seek(i);
      if (i >= next_begin && next_typed) {
        i = next_end;
        continue;
      }
      const Token& token = tokens[i];
      if (!forms.MayStartWith(norms + token.norm_begin, token.norm_size)) {
        ++i;
        continue;
      }
      bool matched = false;
      if (StartsUpperOrDigit(TokenText(doc.text, token))) {
        const auto [first, last] = forms.Starting(seg.norm(token));
        for (size_t x = first; x < last; ++x) {
          const uint32_t f = forms.At(x);
          const uint32_t end = i + forms.word_count(f);
          if (end > s.tokens.end) continue;
          if (!forms.Matches(f, seg, i)) continue;
          // Only untyped tokens, or exactly one NAME mention.
          bool ok = true;
          int name_mention = -1;
          for (size_t j = next; j < mentions.size() && mentions[j].tokens.begin < end && ok; ++j) {
            const Mention& mm = mentions[j];
            if (mm.tokens.empty()) continue;
            if (mm.type == entity_type::kName && mm.tokens == TokenRange{i, end}) {
              name_mention = static_cast<int>(j);
            } else {
              ok = false;
            }
          }
          if (!ok) continue;
          if (name_mention >= 0) {
            retype.push_back(name_mention);
            retype_form.push_back(f);
          } else {
            Mention m;
            m.type = forms.type(f);
            m.tokens = {i, end};
            m.span = {seg.tokens[i].span.begin, seg.tokens[end - 1].span.end};
            m.source = "alias";
            added.push_back(std::move(m));
            targets.push_back(forms.target(f));
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
    m.type = forms.type(retype_form[r]);
    m.source = "alias";
    links.emplace_back(m.tokens.begin, forms.target(retype_form[r]));
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
