// Names: the forms of a person's or an organization's name, shared by
// annotation (finding short forms in a document), resolution (grouping
// mentions into entities) and the graph (slugs for IRIs).
//
//   NameForms forms(*rules);
//   forms.StripLegalSuffix("Northwind Holdings Ltd.")  // "Northwind Holdings"
//   forms.Core("Alibaba Group Holding Limited")        // "Alibaba"
//
// Which words are legal suffixes ("Ltd.", "Holding Limited"), designators
// ("Group", "Holdings") and words too common to stand alone as a short name
// ("General", "National") comes from the lexicons legal_suffixes,
// org_designators, alias_stopwords and determiners in rules/.
//
// Thread safety: immutable after construction (name analyses are cached per
// thread).
#ifndef NEWSGRAPH_NAMES_H_
#define NEWSGRAPH_NAMES_H_

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "newsgraph/rules.h"

namespace newsgraph {

class NameForms {
 public:
  explicit NameForms(const RuleSet& rules);

  // Lower-case normal-form words of a name ("Northwind Holdings Ltd." ->
  // northwind, holdings, ltd.).
  std::vector<std::string> Words(std::string_view name) const;
  // The last word of a name as written: a view into `name` ("Jiang Fan" ->
  // "Fan"); empty for an empty name.
  std::string_view LastWord(std::string_view name) const;

  // The name without a trailing legal suffix, as written.
  std::string StripLegalSuffix(std::string_view name) const;
  // The name without legal suffix and trailing designators, as written;
  // never empty (the first word stays).
  std::string Core(std::string_view name) const;

  // `name` with its trailing legal suffix in the spelling legal_suffixes
  // gives after "=>" ("Acme Corp" -> "Acme Corp."), so that articles that
  // write the suffix differently name the company alike.
  std::string SpellLegalSuffix(std::string_view name) const;

  // The canonical name the known_names lexicon gives a name with the same
  // Key(), or "" when it has none ("Freeport-Mcmoran Resource Partners Ltd"
  // -> "Freeport-McMoRan Resource Partners L.P.").
  std::string KnownName(std::string_view name, bool organization) const;

  bool IsAliasStopword(std::string_view lower_word) const;
  // Whether a name may put this word (lower case) first or last: "Commerce
  // Bank" for a "Bank of Commerce" (lexicon inverted_heads).
  bool IsInvertedHead(std::string_view lower_word) const;

  // The lower-case initials of a name without its legal suffix, skipping
  // the acronym_skip lexicon's words ("Imperial Chemical Industries PLC" ->
  // "ici", "Bank of Boston Corp" -> "bb"); empty for a one-word name.
  std::string Initials(std::string_view name) const;
  // The same with the legal suffix's initial too ("Federal Deposit
  // Insurance Corp" -> "fdic"); empty when the name has no legal suffix.
  std::string SuffixedInitials(std::string_view name) const;

  // `text` without a leading determiner ("the fourth quarter" -> "fourth
  // quarter"; lexicon determiners).
  std::string StripDeterminer(std::string_view text) const;

  // A key that is equal for names that differ only in case, punctuation,
  // legal suffixes or a leading "the": used to group mentions.
  std::string Key(std::string_view name, bool organization) const;
  // Key() appended to `out`: no allocation once `out` has room.
  void AppendKey(std::string_view name, bool organization, std::string* out) const;

  // What Words(name), Words(StripLegalSuffix(name)), Words(Core(name)) and
  // Key(name, organization) give, from one look-up and without copies, for
  // code that reads every name of a document. The views point into a
  // per-thread cache that the next call on any NameForms of this thread may
  // clear: copy what must outlive it.
  struct Parts {
    std::span<const std::string> words;
    std::span<const std::string> stripped;
    std::span<const std::string> core;
    std::string_view key;
  };
  Parts Split(std::string_view name, bool organization) const;

 private:
  struct Analysis {
    std::vector<std::string> words;  // normal forms
    std::vector<Span> spans;         // of the words in the name
    // The rest is worked out when first asked for (Derive()).
    bool derived = false;
    uint32_t legal_cut = 0;    // how many trailing words are a legal suffix
    uint32_t legal_which = 0;  // which one (legal_suffixes_' index), if any
    uint32_t strip_end = 0;    // the words StripLegalSuffix() keeps
    uint32_t core_end = 0;     // the words Core() keeps
    // The words of the texts StripLegalSuffix() and Core() give are the
    // first strip_end and core_end words, unless the shorter text segments
    // otherwise: then they are kept here.
    bool own_stripped = false, own_core = false;
    std::vector<std::string> stripped_words, core_words;
    // Key() for a person [0] and an organization [1], when asked for.
    bool has_key[2] = {false, false};
    std::string key[2];

    std::span<const std::string> Stripped() const {
      return own_stripped ? std::span<const std::string>(stripped_words)
                          : std::span<const std::string>(words).first(strip_end);
    }
    std::span<const std::string> Core() const {
      return own_core ? std::span<const std::string>(core_words)
                      : std::span<const std::string>(words).first(core_end);
    }
  };
  Analysis& Analyze(std::string_view name) const;  // per-thread cache entry
  Analysis& Derive(std::string_view name) const;   // the same, all worked out
  std::string InitialsOf(std::span<const std::string> words) const;
  const std::string& CachedKey(std::string_view name, bool organization) const;
  const std::string& KeyOf(Analysis& a, bool organization) const;
  std::string MakeKey(std::span<const std::string> words) const;
  size_t SuffixTokens(const std::vector<std::string>& words,
                      const std::vector<std::vector<std::string>>& table,
                      size_t end, size_t* which = nullptr) const;
  using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;
  uint64_t id_;  // tags the per-thread cache of Analyze()
  const Segmenter* segmenter_;
  std::vector<std::string> suffix_spellings_;  // at legal_suffixes_' index
  std::vector<std::vector<std::string>> legal_suffixes_;
  // Key() -> canonical name, of persons [0] and organizations [1].
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> known_names_[2];
  std::vector<std::vector<std::string>> designators_;
  StringSet stopwords_;
  StringSet determiners_;
  StringSet acronym_skip_;
  StringSet inverted_heads_;
};

// The contract's slug: lower-cased, runs of anything but letters and digits
// turned into one '-', no leading or trailing '-'. Non-ASCII letters are kept.
std::string Slug(std::string_view name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_NAMES_H_
