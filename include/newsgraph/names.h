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

  // The lower-case initials of a name without its legal suffix, skipping
  // the acronym_skip lexicon's words ("Imperial Chemical Industries PLC" ->
  // "ici", "Bank of Boston Corp" -> "bb"); empty for a one-word name.
  std::string Initials(std::string_view name) const;

  // `text` without a leading determiner ("the fourth quarter" -> "fourth
  // quarter"; lexicon determiners).
  std::string StripDeterminer(std::string_view text) const;

  // A key that is equal for names that differ only in case, punctuation,
  // legal suffixes or a leading "the": used to group mentions.
  std::string Key(std::string_view name, bool organization) const;

 private:
  struct Analysis {
    std::vector<std::string> words;  // normal forms
    std::vector<Span> spans;         // of the words in the name
    // Worked out when first asked for: how many trailing words are a legal
    // suffix (-1: not yet), and Key() for a person [0] and an organization [1].
    int legal_cut = -1;
    bool has_key[2] = {false, false};
    std::string key[2];
  };
  size_t LegalCut(Analysis& a) const;
  std::string MakeKey(std::string_view name, bool organization) const;
  Analysis& Analyze(std::string_view name) const;  // per-thread cache entry
  std::string Prefix(std::string_view name, size_t count) const;
  size_t SuffixTokens(const std::vector<std::string>& words,
                      const std::vector<std::vector<std::string>>& table,
                      size_t end, size_t* which = nullptr) const;
  uint64_t id_;  // tags the per-thread cache of Analyze()
  const Segmenter* segmenter_;
  std::vector<std::string> suffix_spellings_;  // at legal_suffixes_' index
  std::vector<std::vector<std::string>> legal_suffixes_;
  std::unordered_map<std::string, std::string> known_names_;  // "o:"/"p:" + key
  std::vector<std::vector<std::string>> designators_;
  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> determiners_;
  std::unordered_set<std::string> acronym_skip_;
};

// The contract's slug: lower-cased, runs of anything but letters and digits
// turned into one '-', no leading or trailing '-'. Non-ASCII letters are kept.
std::string Slug(std::string_view name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_NAMES_H_
