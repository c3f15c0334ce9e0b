// A table from strings to values for the per-thread caches of the hot path
// (what a token's text gives, a name's analysis): open addressing with
// linear probing over a flat array of slots, the keys back to back in one
// string, the values in a deque. A lookup is a probe of the array, where a
// node-based map would chase a pointer or two, and values never move:
// references to them stay valid until Clear().
//
//   StringTable<Facts> table;
//   const uint64_t h = StringTable<Facts>::Hash(text);
//   const Facts* f = table.Find(text, h);
//   if (!f) f = &table.Add(text, h, Compute(text));
#ifndef NEWSGRAPH_TEXT_STRING_TABLE_H_
#define NEWSGRAPH_TEXT_STRING_TABLE_H_

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph {

template <typename T>
class StringTable {
 public:
  static uint64_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }

  size_t size() const { return values_.size(); }
  void Clear() {
    slots_.clear();
    keys_.clear();
    values_.clear();
  }

  // The value of `key` (whose Hash() is `hash`), or null.
  T* Find(std::string_view key, uint64_t hash) {
    if (slots_.empty()) return nullptr;
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.value == kEmpty) return nullptr;
      if (s.hash == hash && s.key_size == key.size() &&
          std::string_view(keys_).substr(s.key_begin, s.key_size) == key)
        return &values_[s.value];
    }
  }

  // Adds `key`, which Find() did not find, with `value`.
  T& Add(std::string_view key, uint64_t hash, T value) {
    if (2 * (values_.size() + 1) > slots_.size()) Grow();
    const Slot s{hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()),
                 static_cast<uint32_t>(values_.size())};
    keys_.append(key);
    values_.push_back(std::move(value));
    Place(s);
    return values_.back();
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr size_t kInitialSlots = 1024;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_begin = 0, key_size = 0;  // in keys_
    uint32_t value = kEmpty;               // index in values_
  };
  void Place(const Slot& s) {
    const size_t mask = slots_.size() - 1;
    size_t i = s.hash & mask;
    while (slots_[i].value != kEmpty) i = (i + 1) & mask;
    slots_[i] = s;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max(kInitialSlots, 2 * old.size()), Slot{});
    for (const Slot& s : old)
      if (s.value != kEmpty) Place(s);
  }

  std::vector<Slot> slots_;  // a power of two of them, at most half used
  std::string keys_;         // back to back
  std::deque<T> values_;     // a deque: references survive growth
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_TEXT_STRING_TABLE_H_
