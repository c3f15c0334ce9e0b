// The per-thread table of what a token's text gives the rules (its static
// atoms and its words in the lexicon tries), looked up for every token of
// every document.
//
// Most of a lookup's cost is memory: a node-based map, or a table whose key,
// value and atom list lie in three places, meets three or four cache misses
// for a word it has not seen lately. Here a word is one 64-byte record: its
// hash, its words in the tries, and, when they fit (the key and up to a few
// atoms: nearly every token), its text and atoms inline. The open-addressing
// array holds only record numbers (4 bytes a slot), so it stays in cache.
//
//   TokenFactsTable table;
//   const uint64_t h = TokenFactsTable::Hash(text);
//   TokenFactsTable::Facts f;
//   if (!table.Find(text, h, &f)) f = table.Add(text, h, atoms, lower, cased);
//
// What Find and Add give points into the table: valid until the next Add
// or Clear.
#ifndef NEWSGRAPH_SRC_RULES_TOKEN_FACTS_H_
#define NEWSGRAPH_SRC_RULES_TOKEN_FACTS_H_

#include <cstdint>
#include <algorithm>
#include <cstring>
#include <iterator>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

class TokenFactsTable {
 public:
  struct Facts {
    std::span<const int> atoms;  // static atoms, sorted, distinct
    int lower_word = -1;         // the token's word in the case-insensitive trie
    int cased_word = -1;         // ... in the case-sensitive trie
  };

  // A hash of short strings that is quick for the few bytes of a word and
  // mixes well in its low bits (the table's slot).
  static uint64_t Hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
    uint64_t h = s.size() * kMul;
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; n -= 8, p += 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * kMul;
      h ^= h >> 29;
    }
    if (n > 0) {  // the last 1 to 7 bytes, as two loads that may overlap
      uint64_t w;
      if (n >= 4) {
        w = uint64_t{Load32(p)} | uint64_t{Load32(p + n - 4)} << 32;
      } else {
        w = uint64_t{static_cast<unsigned char>(p[0])} |
            uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
            uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
      }
      h = (h ^ w) * kMul;
    }
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ULL;
    h ^= h >> 32;
    return h;
  }

  size_t size() const { return records_.size(); }
  void Clear() {
    slots_.clear();
    records_.clear();
    blobs_.clear();
  }

  // The facts of `text` (whose Hash() is `hash`) into *out, or false.
  bool Find(std::string_view text, uint64_t hash, Facts* out) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const uint32_t r = slots_[i];
      if (r == 0) return false;
      const Record& rec = records_[r - 1];
      if (rec.hash == hash && rec.key_size == text.size() &&
          SameBytes(KeyOf(rec), text.data(), text.size())) {
        *out = FactsOf(rec);
        return true;
      }
    }
  }

  // Lookups of many tokens in a row wait on memory one after the other
  // unless told ahead: PrefetchSlot(h) some lookups before Find(..., h, ...),
  // then PrefetchRecord(h) a few lookups before, once the slot has come.
  void PrefetchSlot(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  void PrefetchRecord(uint64_t hash) const {
    if (slots_.empty()) return;
    if (const uint32_t r = slots_[hash & (slots_.size() - 1)]) __builtin_prefetch(&records_[r - 1]);
  }

  // Adds `text`, which Find() did not find, and returns its facts.
  Facts Add(std::string_view text, uint64_t hash, std::span<const int> atoms,
            int lower_word, int cased_word) {
    if (2 * (records_.size() + 1) > slots_.size()) Grow();
    Record& rec = records_.emplace_back();
    rec.hash = hash;
    rec.key_size = static_cast<uint32_t>(text.size());
    rec.atom_count = static_cast<uint32_t>(atoms.size());
    rec.lower_word = lower_word;
    rec.cased_word = cased_word;
    const size_t words = KeyWords(text.size()) + atoms.size();
    int* blob = rec.inline_words;
    if (words > std::size(rec.inline_words)) {
      rec.blob = static_cast<uint32_t>(blobs_.size());
      blobs_.resize(blobs_.size() + words);
      blob = blobs_.data() + rec.blob;
    }
    if (!text.empty()) std::memcpy(blob, text.data(), text.size());
    std::copy(atoms.begin(), atoms.end(), blob + KeyWords(text.size()));
    Place(hash, static_cast<uint32_t>(records_.size()));
    return FactsOf(rec);
  }

 private:
  static constexpr uint32_t kInlineBlob = UINT32_MAX;
  struct alignas(64) Record {
    uint64_t hash = 0;
    uint32_t key_size = 0, atom_count = 0;
    int32_t lower_word = -1, cased_word = -1;
    // The key's bytes in whole words, then the atoms: here when they fit,
    // else in blobs_ from `blob`.
    uint32_t blob = kInlineBlob;
    int inline_words[9];
  };
  static_assert(sizeof(Record) == 64);

  static uint32_t Load32(const char* p) {
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static uint64_t Load64(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  // Keys are mostly a few bytes: compared by loads that may overlap, within
  // the n bytes of each side, rather than by a call.
  static bool SameBytes(const char* a, const char* b, size_t n) {
    if (n >= 8) {
      if (n > 16) return std::memcmp(a, b, n) == 0;
      return Load64(a) == Load64(b) && Load64(a + n - 8) == Load64(b + n - 8);
    }
    if (n >= 4) return Load32(a) == Load32(b) && Load32(a + n - 4) == Load32(b + n - 4);
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  static size_t KeyWords(size_t key_size) { return (key_size + sizeof(int) - 1) / sizeof(int); }
  const int* BlobOf(const Record& r) const {
    return r.blob == kInlineBlob ? r.inline_words : blobs_.data() + r.blob;
  }
  const char* KeyOf(const Record& r) const { return reinterpret_cast<const char*>(BlobOf(r)); }
  Facts FactsOf(const Record& r) const {
    return {{BlobOf(r) + KeyWords(r.key_size), r.atom_count}, r.lower_word, r.cased_word};
  }
  void Place(uint64_t hash, uint32_t record) {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = record;
  }
  void Grow() {
    slots_.assign(std::max<size_t>(1024, 2 * slots_.size()), 0);
    for (uint32_t r = 0; r < records_.size(); ++r) Place(records_[r].hash, r + 1);
  }

  std::vector<uint32_t> slots_;   // record number + 1, or 0; a power of two, at most half used
  std::vector<Record> records_;
  std::vector<int> blobs_;        // keys and atoms too long to keep inline
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_RULES_TOKEN_FACTS_H_
