// Matching: lexicon hits through the phrase trie, and rule patterns by
// running their programs (see compiler.cc) over the tokens of a sentence.
#include <re2/set.h>

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>

#include "newsgraph/unicode.h"
#include "rules/internal.h"
#include "rules/token_facts.h"

namespace newsgraph {
namespace {

// Per-thread cache of what a token's text gives (its static atoms and its
// words in the lexicon tries), by the text: every token of every document is
// looked up. Bounded: cleared when big, at the start of a document or
// sentence only.
struct AtomCache {
  uint64_t owner = 0;  // RuleSetImpl::generation (addresses can be reused)
  TokenFactsTable by_text;
};

AtomCache& CacheFor(const RuleSetImpl& impl) {
  thread_local AtomCache cache;
  if (cache.owner != impl.generation || cache.by_text.size() > 200000) {
    cache.by_text.Clear();
    cache.owner = impl.generation;
  }
  return cache;
}

// f(text with straight quotes): case-sensitive keys (the cased trie's
// words, exact literals) are written so. ASCII text has no other quotes,
// so only text with non-ASCII bytes is copied to straighten it.
template <typename F>
auto WithStraightQuotes(std::string_view text, F&& f) {
  if (IsAscii(text)) return f(text);
  const std::string straight = StraightenQuotes(text);
  return f(std::string_view(straight));
}

// A token's word in the case-sensitive trie. The case-insensitive trie is
// keyed by normal forms.
int CasedWord(const RuleSetImpl& impl, std::string_view text) {
  if (!impl.has_cased) return -1;
  return WithStraightQuotes(text, [&](std::string_view key) { return impl.trie_cased.Word(key); });
}

// What Find and Add give stays valid until the next lookup of another
// token: use it at once.
// A word not seen before: its facts worked out and added (rare once the
// vocabulary is in, so kept out of the caller's way).
[[gnu::noinline]] TokenFactsTable::Facts AddTokenFacts(AtomCache& cache, const RuleSetImpl& impl,
                                                      std::string_view text, std::string_view norm,
                                                      uint64_t hash) {
  thread_local std::vector<int> atoms;
  atoms.clear();
  impl.StaticAtoms(text, norm, &atoms);
  std::sort(atoms.begin(), atoms.end());
  atoms.erase(std::unique(atoms.begin(), atoms.end()), atoms.end());
  return cache.by_text.Add(text, hash, atoms, impl.trie_lower.Word(norm), CasedWord(impl, text));
}
inline TokenFactsTable::Facts CachedTokenFacts(AtomCache& cache, const RuleSetImpl& impl,
                                               std::string_view text, std::string_view norm,
                                               uint64_t hash) {
  TokenFactsTable::Facts f;
  if (cache.by_text.Find(text, hash, &f)) return f;
  return AddTokenFacts(cache, impl, text, norm, hash);
}
TokenFactsTable::Facts CachedTokenFacts(AtomCache& cache, const RuleSetImpl& impl,
                                        std::string_view text, std::string_view norm) {
  return CachedTokenFacts(cache, impl, text, norm, TokenFactsTable::Hash(text));
}

// Runs a rule's program (compiler.cc) over a sentence of n tokens, with the
// semantics of RE2 in longest-match mode: the longest match from a start,
// and for a match, each group as the first path in priority order (splits
// try x before y) that spans it gives it. `takes(inst, k)` says whether
// token k passes a kTest or kAny instruction.
class ProgramRunner {
 public:
  void Load(const CompiledRule& rule, uint32_t n) {
    rule_ = &rule;
    n_ = n;
    if (mark_.size() < rule.program.size()) mark_.resize(rule.program.size(), 0);
  }

  // The end of the longest match that starts at token b, or -1, given the
  // instructions its first token meets (CompiledRule::first): a Thompson
  // NFA, one set of live instructions per token.
  template <typename Takes>
  int64_t LongestFrom(uint32_t b, const std::vector<int32_t>& first,
                      const Takes& takes) {
    int64_t best = -1;
    const std::vector<int32_t>* cur = &first;
    for (uint32_t k = b; k < n_ && !cur->empty(); ++k) {
      next_.clear();
      NewGeneration();
      bool matched = false;
      for (int32_t pc : *cur) {
        if (!takes(rule_->program[pc], k)) continue;
        const uint8_t flags = rule_->follow_flags[pc];
        if (flags & CompiledRule::kFollowWhenRun) {
          matched |= Closure(pc + 1, k + 1, &next_);
          continue;
        }
        matched |= flags & CompiledRule::kFollowMatch;
        for (uint32_t i = rule_->follow_begin[pc]; i < rule_->follow_begin[pc + 1]; ++i) {
          const int32_t f = rule_->follow[i];
          if (mark_[f] == gen_) continue;
          mark_[f] = gen_;
          next_.push_back(f);
        }
      }
      if (matched) best = k + 1;
      std::swap(cur_, next_);
      cur = &cur_;
    }
    return best;
  }

  // The group boundaries (token indices, -1 when unset; slots 2g and 2g+1
  // for group g) of the first path in priority order that matches exactly
  // [b, e), or null: a backtracking search that visits each (instruction,
  // token) pair once, as RE2's BitState does.
  template <typename Takes>
  const std::vector<int32_t>* Groups(uint32_t b, uint32_t e, int groups,
                                     const Takes& takes) {
    const size_t width = e - b + 1;
    visited_.assign((rule_->program.size() * width + 63) / 64, 0);
    slots_.assign(2 * (static_cast<size_t>(groups) + 1), -1);
    jobs_.clear();
    jobs_.push_back({0, static_cast<int32_t>(b)});
    while (!jobs_.empty()) {
      const Job job = jobs_.back();
      jobs_.pop_back();
      if (job.pc < 0) {  // undo a save on the way back
        slots_[-1 - job.pc] = job.p;
        continue;
      }
      int32_t pc = job.pc, p = job.p;
      for (bool alive = true; alive;) {
        const size_t bit = static_cast<size_t>(pc) * width + (p - b);
        if ((visited_[bit / 64] >> (bit % 64)) & 1) break;
        visited_[bit / 64] |= uint64_t{1} << (bit % 64);
        const Inst& in = rule_->program[pc];
        switch (in.op) {
          case Inst::Op::kTest:
          case Inst::Op::kAny:
            alive = static_cast<uint32_t>(p) < e && takes(in, p);
            ++pc, ++p;
            break;
          case Inst::Op::kSplit:
            jobs_.push_back({in.y, p});
            pc = in.x;
            break;
          case Inst::Op::kJump:
            pc = in.x;
            break;
          case Inst::Op::kSave:
            jobs_.push_back({-1 - in.x, slots_[in.x]});
            slots_[in.x] = p;
            ++pc;
            break;
          case Inst::Op::kBegin:
            alive = p == 0;
            ++pc;
            break;
          case Inst::Op::kEnd:
            alive = static_cast<uint32_t>(p) == n_;
            ++pc;
            break;
          case Inst::Op::kMatch:
            if (static_cast<uint32_t>(p) == e) return &slots_;
            alive = false;
            break;
        }
      }
    }
    return nullptr;
  }

 private:
  void NewGeneration() {
    if (++gen_ == 0) {  // wrapped: forget every mark
      std::fill(mark_.begin(), mark_.end(), 0);
      gen_ = 1;
    }
  }

  // Adds the tests reachable from pc at token p without taking a token to
  // `out` (once per generation); true when the match is reachable.
  bool Closure(int32_t start, uint32_t p, std::vector<int32_t>* out) {
    return WalkEmptySteps(
        rule_->program, start, p == 0, p == n_, &stack_,
        [&](int32_t pc) { return std::exchange(mark_[pc], gen_) != gen_; },
        [&](int32_t pc) { out->push_back(pc); });
  }

  struct Job {
    int32_t pc, p;  // pc < 0: restore slot -1 - pc to p
  };
  const CompiledRule* rule_ = nullptr;
  uint32_t n_ = 0;
  uint32_t gen_ = 0;
  std::vector<uint32_t> mark_;
  std::vector<int32_t> cur_, next_, stack_;
  std::vector<uint64_t> visited_;
  std::vector<int32_t> slots_;
  std::vector<Job> jobs_;
};

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

// Calls on(k, atom) for a hit or entity over tokens r of a sentence, from
// its atoms {inside, begin, last}.
template <typename On>
void MarkRange(const std::array<int, 3>& a, TokenRange r, const Sentence& sent, On&& on) {
  const uint32_t first = sent.tokens.begin;
  for (uint32_t t = std::max(r.begin, first); t < std::min(r.end, sent.tokens.end); ++t)
    on(t - first, a[0]);
  if (r.begin >= first && r.begin < sent.tokens.end) on(r.begin - first, a[1]);
  if (r.end > first && r.end - 1 < sent.tokens.end) on(r.end - 1 - first, a[2]);
}

// Calls on(i) for every bit i set in bits[0..words), in increasing order.
template <typename On>
inline void ForEachSetBit(const uint64_t* bits, size_t words, On&& on) {
  for (size_t w = 0; w < words; ++w)
    for (uint64_t m = bits[w]; m; m &= m - 1) on(static_cast<int>(w * 64 + __builtin_ctzll(m)));
}

// Calls on(k, atom) for every static atom of every token k of a sentence
// (of the document's TokenAtoms when given, else from the cache) and for
// the atoms of the lexicon hits over it.
template <typename On>
void ForTokenAndHitAtoms(const RuleSetImpl& impl, const Segmentation& seg,
                         std::string_view text, uint32_t sentence,
                         const TokenAtoms* known,
                         const std::vector<LexiconHit>* hits, On&& on) {
  const Sentence& sent = seg.sentences[sentence];
  const uint32_t first = sent.tokens.begin;
  AtomCache* cache = known ? nullptr : &CacheFor(impl);
  for (uint32_t k = 0; k < sent.tokens.size(); ++k) {
    std::span<const int> atoms;
    if (known) {
      const uint32_t* b = known->begin.data() + first + k;
      atoms = {known->atoms.data() + b[0], b[1] - b[0]};
    } else {
      const Token& t = seg.tokens[first + k];
      atoms = CachedTokenFacts(*cache, impl, TokenText(text, t), seg.norm(t)).atoms;
    }
    for (int a : atoms) on(k, a);
  }
  if (!hits) return;
  auto [lo, hi] = RangeIn(*hits, first, sent.tokens.end);
  for (size_t h = lo; h < hi; ++h)
    MarkRange(impl.lex_atoms[(*hits)[h].lexicon], (*hits)[h].tokens, sent, on);
}

// Calls on(k, atom) for the atoms that the entities give the tokens of a
// sentence: those of `in`, the entities that start in it.
template <typename On>
void ForEntityAtoms(const RuleSetImpl& impl, const Sentence& sent,
                    std::span<const EntitySpan> in, On&& on) {
  const uint32_t first = sent.tokens.begin;
  for (const EntitySpan& es : in) {
    MarkRange(impl.ent_atoms[es.type], es.tokens, sent, on);
    for (uint32_t t = es.tokens.begin; t < es.tokens.end && t < sent.tokens.end; ++t)
      on(t - first, impl.any_entity_atom);
  }
}

}  // namespace

void RuleSetImpl::StaticAtoms(std::string_view text, std::string_view norm,
                              std::vector<int>* out) const {
  if (auto it = lower_atoms.find(norm); it != lower_atoms.end())
    out->insert(out->end(), it->second.begin(), it->second.end());
  if (!exact_atoms.empty()) {
    WithStraightQuotes(text, [&](std::string_view key) {
      if (auto it = exact_atoms.find(key); it != exact_atoms.end())
        out->insert(out->end(), it->second.begin(), it->second.end());
    });
  }
  if (!shape_atoms.empty()) {
    if (auto it = shape_atoms.find(TokenShape(text)); it != shape_atoms.end())
      out->insert(out->end(), it->second.begin(), it->second.end());
  }
  if (token_regexes) {
    const size_t from = out->size();
    token_regexes->Match(text, out);
    for (size_t i = from; i < out->size(); ++i) (*out)[i] = regex_set_atoms[(*out)[i]];
  }
}

void RuleSet::FindLexiconHits(const Segmentation& seg, std::string_view text,
                              std::vector<LexiconHit>* out,
                              const TokenAtoms* known) const {
  if (known && known->lower_word.size() != seg.tokens.size()) known = nullptr;
  const RuleSetImpl& impl = *impl_;
  const size_t nlex = impl.lexicons.size();
  std::vector<uint32_t> next_free(nlex, 0);  // per lexicon: first free token
  std::vector<LexiconHit> longest(nlex);
  std::vector<char> found(nlex);
  std::vector<uint32_t> found_list;  // the lexicons with found set, for this i
  for (const Sentence& s : seg.sentences) {
    for (uint32_t i = s.tokens.begin; i < s.tokens.end; ++i) {
      for (uint32_t x : found_list) found[x] = 0;
      found_list.clear();
      // Most tokens start no phrase: their word is in neither trie.
      if (known && known->lower_word[i] < 0 && known->cased_word[i] < 0) continue;
      for (int pass = 0; pass < 2; ++pass) {
        const PhraseTrie& trie = pass == 0 ? impl.trie_lower : impl.trie_cased;
        if (pass == 1 && !impl.has_cased) break;
        int node = trie.root();
        for (uint32_t j = i; j < s.tokens.end; ++j) {
          int word;
          if (known) {
            word = pass == 0 ? known->lower_word[j] : known->cased_word[j];
          } else if (pass == 0) {
            word = trie.Word(seg.norm(j));
          } else {
            word = CasedWord(impl, TokenText(text, seg.tokens[j]));
          }
          node = trie.Child(node, word);
          if (node < 0) break;
          for (const auto& v : trie.Values(node)) {
            // Longer phrases come later in this walk, so they overwrite.
            longest[v.lexicon] = {v.lexicon, v.entry, {i, j + 1}};
            if (!found[v.lexicon]) found_list.push_back(v.lexicon);
            found[v.lexicon] = 1;
          }
        }
      }
      std::sort(found_list.begin(), found_list.end());  // lexicon order
      for (uint32_t x : found_list) {
        if (i < next_free[x]) continue;
        out->push_back(longest[x]);
        next_free[x] = longest[x].tokens.end;
      }
    }
  }
}

void RuleSet::TokenAtomsOf(const Segmentation& seg, std::string_view text,
                           TokenAtoms* out) const {
  AtomCache& cache = CacheFor(*impl_);
  const uint32_t n = static_cast<uint32_t>(seg.tokens.size());
  // Written in place: the arrays are sized first (the atoms to a guess that
  // grows when a document has more).
  out->begin.resize(n + 1);
  out->lower_word.resize(n);
  out->cased_word.resize(n);
  out->atoms.resize(std::max<size_t>(out->atoms.capacity(), 3 * static_cast<size_t>(n)));
  uint32_t used = 0;
  // In blocks of tokens: every token's hash first, and its slot asked for;
  // then each record is asked for a few tokens before it is read, so the
  // lookups wait on memory together.
  constexpr uint32_t kBlock = 128, kAhead = 4;
  uint64_t hashes[kBlock];
  for (uint32_t from = 0; from < n; from += kBlock) {
    const uint32_t count = std::min(kBlock, n - from);
    for (uint32_t i = 0; i < count; ++i) {
      const Token& tok = seg.tokens[from + i];
      hashes[i] = TokenFactsTable::Hash({text.data() + tok.span.begin, tok.span.size()});
      cache.by_text.PrefetchSlot(hashes[i]);
    }
    for (uint32_t i = 0; i < count && i < kAhead; ++i) cache.by_text.PrefetchRecord(hashes[i]);
    for (uint32_t i = 0; i < count; ++i) {
      if (i + kAhead < count) cache.by_text.PrefetchRecord(hashes[i + kAhead]);
      const uint32_t t = from + i;
      const Token& tok = seg.tokens[t];
      const TokenFactsTable::Facts f = CachedTokenFacts(
          cache, *impl_, {text.data() + tok.span.begin, tok.span.size()}, seg.norm(tok), hashes[i]);
      if (used + f.atoms.size() > out->atoms.size())  // room for 4 a token still to come
        out->atoms.resize(used + f.atoms.size() + 4 * static_cast<size_t>(n - t));
      out->begin[t] = used;
      int* to = out->atoms.data() + used;
      for (int a : f.atoms) *to++ = a;
      used += static_cast<uint32_t>(f.atoms.size());
      out->lower_word[t] = f.lower_word;
      out->cased_word[t] = f.cased_word;
    }
  }
  out->begin[n] = used;
  out->atoms.resize(used);
  out->sentence_atom_begin.clear();  // of another segmentation
  out->hits_data = nullptr;
}

void RuleSet::SentenceAtomsOf(const Segmentation& seg, std::string_view text,
                              const std::vector<LexiconHit>& hits,
                              TokenAtoms* inout) const {
  const RuleSetImpl& impl = *impl_;
  TokenAtoms& ta = *inout;
  const TokenAtoms* known = ta.begin.size() == seg.tokens.size() + 1 ? &ta : nullptr;
  const size_t words = impl.AtomWords();
  ta.sentence_atom_begin.assign(1, 0);
  ta.sentence_atoms.clear();
  ta.sentence_column_begin.clear();
  ta.sentence_columns.clear();
  ta.present_words = words;
  // Room for what a sentence of an article usually holds, so the arrays
  // seldom move; a very long document's grow as they need (a guess would
  // miss by megabytes there).
  const size_t sentences = seg.sentences.size();
  ta.sentence_atom_begin.reserve(sentences + 1);
  ta.sentence_column_begin.reserve(sentences);
  if (seg.tokens.size() <= 100000) {
    size_t with_columns = 0;
    for (const Sentence& s : seg.sentences)
      with_columns += s.tokens.size() >= TokenAtoms::kMinSentenceTokens;
    ta.sentence_atoms.reserve(2 * seg.tokens.size());
    ta.sentence_columns.reserve(with_columns * words + 2 * seg.tokens.size());
  }
  // Columns being built: one word per atom for sentences of up to 64
  // tokens (all zero between sentences), token_words for longer ones.
  thread_local std::vector<uint64_t> column, wide_column, present_bits;
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    if (seg.sentences[s].tokens.size() < TokenAtoms::kMinSentenceTokens) {
      ta.sentence_column_begin.push_back(TokenAtoms::kNoColumns);
      ta.sentence_atom_begin.push_back(static_cast<uint32_t>(ta.sentence_atoms.size()));
      continue;
    }
    const size_t token_words = (seg.sentences[s].tokens.size() + 63) / 64;
    present_bits.assign(words, 0);
    uint64_t* present = present_bits.data();
    if (token_words == 1) {
      // Nearly every sentence: a column is one word, kept zero between
      // sentences, so a token's atom costs an OR and a test.
      if (column.size() < impl.atoms.size()) column.assign(impl.atoms.size(), 0);
      uint64_t* col = column.data();
      ForTokenAndHitAtoms(impl, seg, text, s, known, &hits, [&](uint32_t k, int a) {
        if (!col[a]) present[a / 64] |= uint64_t{1} << (a % 64);
        col[a] |= uint64_t{1} << k;
      });
      ta.sentence_column_begin.push_back(ta.sentence_columns.size());
      ta.sentence_columns.insert(ta.sentence_columns.end(), present, present + words);
      ForEachSetBit(present, words, [&](int a) {
        ta.sentence_atoms.push_back(a);
        ta.sentence_columns.push_back(col[a]);
        col[a] = 0;
      });
      ta.sentence_atom_begin.push_back(static_cast<uint32_t>(ta.sentence_atoms.size()));
      continue;
    }
    wide_column.resize(impl.atoms.size() * token_words);
    ForTokenAndHitAtoms(impl, seg, text, s, known, &hits, [&](uint32_t k, int a) {
      if (!((present[a / 64] >> (a % 64)) & 1)) {
        present[a / 64] |= uint64_t{1} << (a % 64);
        std::fill_n(wide_column.begin() + a * token_words, token_words, 0);
      }
      wide_column[a * token_words + k / 64] |= uint64_t{1} << (k % 64);
    });
    ta.sentence_column_begin.push_back(ta.sentence_columns.size());
    ta.sentence_columns.insert(ta.sentence_columns.end(), present, present + words);
    ForEachSetBit(present, words, [&](int a) {
      ta.sentence_atoms.push_back(a);
      ta.sentence_columns.insert(ta.sentence_columns.end(), wide_column.begin() + a * token_words,
                                 wide_column.begin() + (a + 1) * token_words);
    });
    ta.sentence_atom_begin.push_back(static_cast<uint32_t>(ta.sentence_atoms.size()));
  }
  ta.hits_data = hits.data();
  ta.hits_size = hits.size();
}

namespace {
// Steps 4 to 6 of RuleSet::Match for a sentence whose tokens take kWords
// words of 64 bits (0: any number, known when run).
struct MatchInput {
  const RuleSetImpl& impl;
  const Segmentation& seg;
  const SentenceView& view;
  const Sentence& sent;
  uint32_t first, n;
  const TokenAtoms* known;
  bool precomputed;
  size_t words;  // of a set of atoms
  std::span<const EntitySpan> sentence_entities;
  const std::vector<int>& candidates;
};

template <size_t kWords>
std::vector<RuleMatch> MatchCandidates(const MatchInput& input) {
  const RuleSetImpl& impl = input.impl;
  const SentenceView& view = input.view;
  const Segmentation& seg = input.seg;
  const Sentence& sent = input.sent;
  const uint32_t first = input.first, n = input.n;
  const TokenAtoms* known = input.known;
  const bool precomputed = input.precomputed;
  const size_t words = input.words;
  const std::vector<int>& candidates = input.candidates;
  auto each_token_atom = [&](auto&& on) {
    ForTokenAndHitAtoms(impl, seg, view.text, view.sentence, known, view.hits, on);
  };
  auto each_entity_atom = [&](auto&& on) {
    ForEntityAtoms(impl, sent, input.sentence_entities, on);
  };

  // For each atom the sentence holds, the tokens that hold it (its column,
  // a bit set over the sentence's tokens): col[a], valid when col_gen[a] is
  // this call's generation, which is also how an atom the sentence holds is
  // told. Precomputed columns are used where they lie; the others are built
  // in `own` (own[a * token_words, ...)), copied there first if an atom's
  // precomputed column gains tokens.
  // kWords is the words of a set of the sentence's tokens when the caller
  // knows it (1: at most 64 tokens, nearly every sentence), else 0.
  const size_t token_words = kWords ? kWords : (n + 63) / 64;
  // The tokens that pass test `id` (RuleSetImpl::tests): test_bits[id *
  // token_words, ...), valid when test_gen[id] is this call's generation;
  // worked out once per call however many rules share the test.
  struct Scratch {
    std::vector<uint64_t> own;
    std::vector<const uint64_t*> col;
    std::vector<uint32_t> col_gen;
    std::vector<uint64_t> test_bits;
    std::vector<uint32_t> test_gen;
    uint32_t gen = 0;
  };
  thread_local Scratch scratch;  // sized here, then used through plain pointers
  Scratch& sc = scratch;
  if (sc.own.size() < impl.atoms.size() * token_words) sc.own.resize(impl.atoms.size() * token_words);
  if (sc.col.size() < impl.atoms.size()) {
    sc.col.resize(impl.atoms.size());
    sc.col_gen.resize(impl.atoms.size(), 0);
  }
  if (sc.test_bits.size() < impl.tests.size() * token_words)
    sc.test_bits.resize(impl.tests.size() * token_words);
  if (sc.test_gen.size() < impl.tests.size()) sc.test_gen.resize(impl.tests.size(), 0);
  if (++sc.gen == 0) {  // wrapped: forget every column and test
    std::fill(sc.col_gen.begin(), sc.col_gen.end(), 0);
    std::fill(sc.test_gen.begin(), sc.test_gen.end(), 0);
    sc.gen = 1;
  }
  uint64_t* const own = sc.own.data();
  const uint64_t** const col = sc.col.data();
  uint32_t* const col_gen = sc.col_gen.data();
  uint64_t* const test_bits = sc.test_bits.data();
  uint32_t* const test_gen = sc.test_gen.data();
  const uint32_t gen = sc.gen;
  auto give_column = [&](uint32_t k, int a) {
    uint64_t* mine = own + a * token_words;
    if (col_gen[a] != gen) {
      col_gen[a] = gen;
      std::fill_n(mine, token_words, 0);
    } else if (col[a] != mine) {
      std::copy_n(col[a], token_words, mine);
    }
    col[a] = mine;
    mine[k / 64] |= uint64_t{1} << (k % 64);
  };
  if (precomputed) {
    const uint32_t* b = known->sentence_atom_begin.data() + view.sentence;
    const uint64_t* from = known->sentence_columns.data() +
                           known->sentence_column_begin[view.sentence] + words;
    for (uint32_t i = b[0]; i < b[1]; ++i, from += token_words) {
      const int a = known->sentence_atoms[i];
      col[a] = from;
      col_gen[a] = gen;
    }
  } else {
    each_token_atom(give_column);
  }
  each_entity_atom(give_column);

  // A test whose atoms the sentence lacks passes nowhere; atoms it must not
  // hold that the sentence lacks need no look.
  auto work_out_test = [&](int id, uint64_t* out) {
    const int* a = impl.test_atoms.data() + impl.test_begin[id];
    const int* pos_end = a + impl.test_pos[id];
    const int* neg_end = impl.test_atoms.data() + impl.test_begin[id + 1];
    if (a == pos_end) {  // every token, to start with
      std::fill_n(out, token_words, ~uint64_t{0});
      if (n % 64) out[token_words - 1] = (uint64_t{1} << (n % 64)) - 1;
    } else if (col_gen[*a] != gen) {
      std::fill_n(out, token_words, 0);
      return;
    } else {
      std::copy_n(col[*a++], token_words, out);
    }
    for (; a < pos_end; ++a) {
      if (col_gen[*a] != gen) {
        std::fill_n(out, token_words, 0);
        return;
      }
      for (size_t w = 0; w < token_words; ++w) out[w] &= col[*a][w];
    }
    for (; a < neg_end; ++a)
      if (col_gen[*a] == gen)
        for (size_t w = 0; w < token_words; ++w) out[w] &= ~col[*a][w];
  };
  auto passing_tokens = [&](int id) -> const uint64_t* {
    uint64_t* out = test_bits + static_cast<size_t>(id) * token_words;
    if (test_gen[id] != gen) {
      test_gen[id] = gen;
      work_out_test(id, out);
    }
    return out;
  };
  // The first token at or after `from` in a bit set, or -1.
  auto next_token = [&](const uint64_t* set, uint32_t from) -> int64_t {
    for (size_t w = from / 64; w < token_words; ++w) {
      uint64_t m = set[w];
      if (w == from / 64) m &= ~uint64_t{0} << (from % 64);
      if (m) return static_cast<int64_t>(w * 64 + __builtin_ctzll(m));
    }
    return -1;
  };
  // The last token before `bound` in a bit set, or -1.
  auto last_token_before = [&](const uint64_t* set, int64_t bound) -> int64_t {
    if (bound <= 0) return -1;
    const size_t top = static_cast<size_t>(bound - 1) / 64;
    for (size_t w = top + 1; w-- > 0;) {
      uint64_t m = set[w];
      if (w == top && (bound % 64)) m &= (uint64_t{1} << (bound % 64)) - 1;
      if (m) return static_cast<int64_t>(w * 64 + 63 - __builtin_clzll(m));
    }
    return -1;
  };

  // 4. Boundaries first (the longest match from each start, no groups), for
  // every candidate rule; groups later, for the matches that survive.
  struct Candidate {
    uint32_t rule;
    uint32_t begin, end;  // sentence-local token indices
    int priority;
    Family family;
  };
  thread_local std::vector<Candidate> found;
  found.clear();
  // Does the sentence hold the rule's chain, each link on a later token?
  // Earliest first: if any choice of tokens works, this one does.
  auto chain_holds = [&](const std::vector<std::vector<int>>& chain) {
    int64_t at = -1;
    for (const auto& link : chain) {
      int64_t next = INT64_MAX;
      for (int x : link) {
        const int64_t t = next_token(passing_tokens(x), static_cast<uint32_t>(at + 1));
        if (t >= 0) next = std::min(next, t);
      }
      if (next == INT64_MAX) return false;
      at = next;
    }
    return true;
  };
  // A rule's tests are worked out as its program meets them.
  auto takes = [&](const Inst& in, uint32_t k) {
    return in.op == Inst::Op::kAny || (passing_tokens(in.y)[k / 64] >> (k % 64)) & 1;
  };
  thread_local ProgramRunner runner;
  thread_local std::vector<uint64_t> starts;
  for (int r : candidates) {
    const CompiledRule& cr = impl.compiled[r];
    if (cr.program.empty() || !chain_holds(cr.chain)) continue;
    // A match holds the chain, its first link at or after the start, so
    // none starts after the latest token of the first link that has the
    // rest of the chain after it (found from the last link back).
    uint32_t last_start = n - 1;
    if (!cr.chain.empty()) {
      int64_t bound = n;  // the next link's token is before this
      for (size_t l = cr.chain.size(); l-- > 0;) {
        int64_t at = -1;
        for (int x : cr.chain[l]) at = std::max(at, last_token_before(passing_tokens(x), bound));
        bound = at;  // >= 0: chain_holds found the chain
      }
      last_start = static_cast<uint32_t>(bound);
    }
    // The tokens a match can start on: those that pass a first step.
    starts.assign(token_words, 0);
    for (int32_t pc : cr.first[1]) {
      const Inst& in = cr.program[pc];
      if (in.op == Inst::Op::kAny) {
        std::fill(starts.begin(), starts.end(), ~uint64_t{0});
        break;
      }
      const uint64_t* passing = passing_tokens(in.y);
      for (size_t w = 0; w < token_words; ++w) starts[w] |= passing[w];
    }
    if (!cr.first[0].empty()) starts[0] |= 1;  // LongestFrom tells
    runner.Load(cr, n);
    for (uint32_t b = 0; b <= last_start; ++b) {
      // On to the next token a match can start on.
      const int64_t next = next_token(starts.data(), b);
      if (next < 0 || next > last_start) break;
      b = static_cast<uint32_t>(next);
      const int64_t e = runner.LongestFrom(b, cr.first[b == 0 ? 0 : 1], takes);
      if (e > b) {
        const Rule& rule = impl.rules[r];
        found.push_back({static_cast<uint32_t>(r), b, static_cast<uint32_t>(e),
                         rule.priority, rule.family});
      }
    }
  }

  // 5. Conflicts: longest, then priority, then earliest, then rule order.
  if (found.empty()) return {};
  std::sort(found.begin(), found.end(), [](const Candidate& x, const Candidate& y) {
    uint32_t lx = x.end - x.begin, ly = y.end - y.begin;
    if (lx != ly) return lx > ly;
    if (x.priority != y.priority) return x.priority > y.priority;
    if (x.begin != y.begin) return x.begin < y.begin;
    return x.rule < y.rule;
  });
  std::vector<RuleMatch> accepted;
  accepted.reserve(found.size());
  thread_local std::vector<Family> accepted_family;
  thread_local std::vector<char> accepted_overlap;  // from an overlap: yes rule
  accepted_family.clear();
  accepted_overlap.clear();
  for (const Candidate& c : found) {
    // An overlap: yes rule's matches neither lose nor win a conflict.
    const bool overlaps = impl.rules[c.rule].overlap;
    bool clash = false;
    for (size_t i = 0; i < accepted.size() && !clash && !overlaps; ++i)
      clash = accepted_family[i] == c.family && !accepted_overlap[i] &&
              accepted[i].tokens.begin < first + c.end &&
              first + c.begin < accepted[i].tokens.end;
    if (clash) continue;
    // 6. Captures of an accepted match: its program again, on its span.
    const CompiledRule& cr = impl.compiled[c.rule];
    const Rule& rule = impl.rules[c.rule];
    RuleMatch m;
    m.rule = c.rule;
    m.tokens = {first + c.begin, first + c.end};
    if (cr.whole_capture) {  // the capture and the one part are the match
      m.captures.assign(1, m.tokens);
      m.parts.assign(1, m.tokens);
      accepted.push_back(std::move(m));
      accepted_family.push_back(c.family);
      accepted_overlap.push_back(overlaps);
      continue;
    }
    runner.Load(cr, n);
    const std::vector<int32_t>* slots = runner.Groups(c.begin, c.end, cr.groups, takes);
    if (!slots) continue;  // cannot happen: the same span matched above
    auto group = [&](int g) -> TokenRange {
      const int b = (*slots)[2 * g], e = (*slots)[2 * g + 1];
      if (b < 0 || e < 0) return {RuleMatch::kUnset, RuleMatch::kUnset};
      return {first + b, first + e};
    };
    m.captures.assign(rule.captures.size(), {RuleMatch::kUnset, RuleMatch::kUnset});
    for (size_t i = 0; i < cr.capture_groups.size(); ++i) {
      for (int g : cr.capture_groups[i]) {
        const TokenRange t = group(g);
        if (t.begin == RuleMatch::kUnset) continue;
        m.captures[i] = t;
        break;
      }
    }
    m.parts.assign(cr.part_groups.size(), {RuleMatch::kUnset, RuleMatch::kUnset});
    for (size_t i = 0; i < cr.part_groups.size(); ++i) m.parts[i] = group(cr.part_groups[i]);
    accepted.push_back(std::move(m));
    accepted_family.push_back(c.family);
    accepted_overlap.push_back(overlaps);
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const RuleMatch& x, const RuleMatch& y) {
              if (x.tokens.begin != y.tokens.begin)
                return x.tokens.begin < y.tokens.begin;
              return x.rule < y.rule;
            });
  return accepted;
}

}  // namespace

std::vector<RuleMatch> RuleSet::Match(const RuleSelection& which,
                                      const SentenceView& view) const {
  const RuleSetImpl& impl = *impl_;
  const Segmentation& seg = *view.seg;
  const Sentence& sent = seg.sentences[view.sentence];
  const uint32_t first = sent.tokens.begin;
  const uint32_t n = sent.tokens.size();

  const RuleSetImpl::RuleIndex* index = impl.IndexOf(which);
  if (!index) return {};

  // 1. The atoms the sentence holds (`present`, a bit set over atoms): the
  // static ones and those of lexicon hits (from the document's sentence
  // atoms when it has them, else worked out here), and those of entities.
  const TokenAtoms* known = view.token_atoms;
  if (known && known->begin.size() != seg.tokens.size() + 1) known = nullptr;
  const size_t words = impl.AtomWords();
  const bool precomputed = known && known->HasSentenceAtoms(seg, view.hits) &&
                           known->present_words == words &&
                           known->sentence_column_begin[view.sentence] != TokenAtoms::kNoColumns;
  std::span<const EntitySpan> sentence_entities;
  if (view.entities) {
    auto [lo, hi] = RangeIn(*view.entities, first, sent.tokens.end);
    sentence_entities = std::span(*view.entities).subspan(lo, hi - lo);
  }
  thread_local std::vector<uint64_t> present;
  auto give_present = [&](uint32_t, int a) { present[a / 64] |= uint64_t{1} << (a % 64); };
  if (precomputed) {
    const uint64_t* from = known->sentence_columns.data() + known->sentence_column_begin[view.sentence];
    present.assign(from, from + words);
  } else {
    present.assign(words, 0);
    ForTokenAndHitAtoms(impl, seg, view.text, view.sentence, known, view.hits, give_present);
  }
  ForEntityAtoms(impl, sent, sentence_entities, give_present);
  auto present_has = [&](int a) { return (present[a / 64] >> (a % 64)) & 1; };

  // 3. Candidate rules: those keyed by an atom the sentence holds, plus the
  // unkeyed ones, gathered in a bit set over the rules (a rule keyed by a
  // link's alternatives comes once for each it holds), in rule order. Those
  // too long for the sentence or missing an atom every match holds go now;
  // with none left, the sentence is done.
  thread_local std::vector<uint64_t> candidate_bits;
  candidate_bits.assign((impl.rules.size() + 63) / 64, 0);
  auto add_candidates = [&](const std::vector<int>& rules) {
    for (int r : rules) candidate_bits[r / 64] |= uint64_t{1} << (r % 64);
  };
  for (size_t w = 0; w < words; ++w)
    for (uint64_t m = present[w] & index->keys[w]; m; m &= m - 1)
      add_candidates(index->by_key[w * 64 + __builtin_ctzll(m)]);
  add_candidates(index->unkeyed);
  thread_local std::vector<int> candidates;
  candidates.clear();
  ForEachSetBit(candidate_bits.data(), candidate_bits.size(), [&](int r) {
    const CompiledRule& cr = impl.compiled[r];
    bool holds = cr.min_tokens <= static_cast<int>(n);
    for (size_t i = 0; i < cr.must_atoms.size() && holds; ++i) holds = present_has(cr.must_atoms[i]);
    if (holds) candidates.push_back(r);
  });
  if (candidates.empty()) return {};

  const MatchInput input{impl, seg, view, sent, first, n, known, precomputed, words,
                         sentence_entities, candidates};
  return n <= 64 ? MatchCandidates<1>(input) : MatchCandidates<0>(input);
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
