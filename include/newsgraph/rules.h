// Rules: lexicons and token patterns, loaded from files and compiled once.
//
// The rule language is documented in rules/FORMAT.md. In short, a `.lex` file
// is a lexicon (one entry per line: `surface [=> canonical] [| key=value ...]`)
// and a `.rules` file holds token-pattern rules:
//
//   rule role.org-title-person
//     family: membership
//     pattern: org:ORGANIZATION role:ROLE member:PERSON
//     emit: membership(member=member, role=role, organization=org,
//                      status="current")
//
//   Diagnostics diags;
//   std::shared_ptr<const RuleSet> rules = RuleSet::LoadDirectory("rules", &diags);
//   if (!rules) std::cerr << diags.ToString();   // every error, file:line:col
//
// Patterns compile to programs over tokens (an NFA whose steps are token
// tests over "atoms": word, shape, regex, lexicon and entity facts), so the
// longest match from a token costs at most the rest of the sentence times
// the pattern's size, whatever the pattern. Rules are indexed by
// an atom every match must contain, or by the atoms of alternatives one of
// which every match must contain, so a sentence only runs the rules whose
// keys it holds: the cost grows with the rules that could match, not with
// the rule count. Conflicts between overlapping matches of one family are
// resolved by: longest match (in tokens), then higher priority, then earlier
// start, then earlier rule in load order.
//
// Thread safety: a RuleSet is immutable after loading; all const methods may
// be called from many threads at once.
#ifndef NEWSGRAPH_RULES_H_
#define NEWSGRAPH_RULES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/diagnostics.h"
#include "newsgraph/text.h"
#include "newsgraph/types.h"

namespace newsgraph {

// Entity types: the contract's eight, NAME (a proper name of unknown type),
// then any type a rule file introduces.
using EntityType = uint16_t;
namespace entity_type {
inline constexpr EntityType kPerson = 0;
inline constexpr EntityType kOrganization = 1;
inline constexpr EntityType kRole = 2;
inline constexpr EntityType kPlace = 3;
inline constexpr EntityType kMoney = 4;
inline constexpr EntityType kPercent = 5;
inline constexpr EntityType kQuantity = 6;
inline constexpr EntityType kDate = 7;
inline constexpr EntityType kName = 8;
inline constexpr int kBuiltinCount = 9;
}  // namespace entity_type

// What a rule produces. kEntity rules add mentions; the others add relations.
enum class Family : uint8_t {
  kEntity,
  kMembership,       // person-role-organization
  kChange,           // organization merges into organization
  kObservation,      // metric-value
  kReports,          // X reports to Y (attached to X's membership)
  kSubOrganization,  // X is a unit of Y
  kSuccession,       // X succeeds Y: Y held what X is given, and no longer
  kDateline,         // place and date at the top of an article
};
std::string_view FamilyName(Family f);

struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

struct LexiconEntry {
  std::string surface;    // as written in the file
  std::string canonical;  // after "=>", or empty
  Attributes attributes;  // after "|"
  int line = 0;
};

struct Lexicon {
  std::string name;  // the file's stem
  std::string file;
  bool case_sensitive = false;  // "@case-sensitive"
  std::string entity_type_name;  // "@entity TYPE": hits become mentions
  int entity_type = -1;          // its index
  int priority = 0;             // "@priority N": for entity conflicts
  std::vector<LexiconEntry> entries;
};

// The lexicon whose hits split a relation argument into items (relate.h).
inline constexpr std::string_view kListSeparatorsLexicon = "list_separators";

struct LexiconHit {
  uint32_t lexicon = 0;
  uint32_t entry = 0;
  TokenRange tokens;
};

// An entity as patterns see it: a typed token range (no overlaps).
struct EntitySpan {
  EntityType type = 0;
  TokenRange tokens;
};

// A value in an emit: a capture, a capture's attribute, a literal, or a
// list of alternatives of those (the first one that has a value wins).
struct ValueRef {
  enum class Kind { kCapture, kAttribute, kLiteral };
  Kind kind = Kind::kLiteral;
  int capture = -1;  // index into Rule::captures
  std::string text;  // attribute name or literal
};

struct EmitArg {
  std::string name;
  std::vector<ValueRef> choices;
  SourceLocation where;
};

struct Emit {
  std::string kind;  // a family name ("membership") or an entity type name
  Family family = Family::kEntity;
  int entity_type = -1;  // for entity emits
  std::vector<EmitArg> args;
  SourceLocation where;

  const EmitArg* Find(std::string_view name) const {
    for (const auto& a : args)
      if (a.name == name) return &a;
    return nullptr;
  }
};

struct RuleExample {
  std::string text;
  bool must_match = true;  // "example:" (true) or "counter:" (false)
  std::vector<std::pair<std::string, std::string>> expect;  // capture=text
  SourceLocation where;
};

struct Rule {
  std::string id;
  SourceLocation where;
  Family family = Family::kEntity;
  int priority = 0;
  double confidence = 0.8;
  int stage = 1;  // entity rules only: run in ascending stage order
  // Relation rules only: matches are kept whatever matches overlap them
  // (a relative clause, "X, who had been president," inside another match).
  bool overlap = false;
  std::string pattern;  // as written
  std::vector<std::string> captures;     // capture names, by index
  std::vector<std::string> part_labels;  // top-level pattern parts (explain)
  std::vector<Emit> emits;
  std::vector<RuleExample> examples;
};

// One accepted match of a rule in a sentence.
struct RuleMatch {
  uint32_t rule = 0;
  TokenRange tokens;
  std::vector<TokenRange> captures;  // by capture index; unset = {kUnset,kUnset}
  std::vector<TokenRange> parts;     // by part index (explain)
  static constexpr uint32_t kUnset = UINT32_MAX;
  bool has(int capture) const {
    return captures[capture].begin != kUnset;
  }
};

// What every token of a document holds for the rules, apart from lexicon
// hits and entities (its text, normal form, shape, token regexes): computed
// once per document by RuleSet::TokenAtomsOf for all Match() calls.
struct TokenAtoms {
  std::vector<int> atoms;      // token t's are atoms[begin[t], begin[t + 1])
  std::vector<uint32_t> begin;
  // Each token's word in the lexicon phrase tries (-1: in no phrase), for
  // FindLexiconHits.
  std::vector<int> lower_word, cased_word;
  // Per sentence, once the lexicon hits are known (RuleSet::SentenceAtomsOf),
  // what its tokens and hits hold, shared by every Match() on it: the atoms,
  // ascending (sentence_atoms from sentence_atom_begin[s]), and in
  // sentence_columns from sentence_column_begin[s], the same atoms as a bit
  // set over all atoms (present_words words), then for each atom the tokens
  // that hold it as a bit set of (tokens + 63) / 64 words. Sentences of
  // fewer than kMinSentenceTokens tokens have none (column begin
  // kNoColumns): they are quicker to work out each time than to keep.
  static constexpr uint32_t kMinSentenceTokens = 4;
  static constexpr size_t kNoColumns = SIZE_MAX;
  std::vector<uint32_t> sentence_atom_begin;
  std::vector<int> sentence_atoms;
  std::vector<size_t> sentence_column_begin;
  std::vector<uint64_t> sentence_columns;
  size_t present_words = 0;
  const LexiconHit* hits_data = nullptr;  // the hits they were made from
  size_t hits_size = 0;
  bool HasSentenceAtoms(const Segmentation& seg, const std::vector<LexiconHit>* hits) const {
    return hits && sentence_atom_begin.size() == seg.sentences.size() + 1 &&
           hits->data() == hits_data && hits->size() == hits_size;
  }
};

// What a sentence looks like to the matcher.
struct SentenceView {
  const Segmentation* seg = nullptr;
  std::string_view text;  // the document text
  uint32_t sentence = 0;
  const std::vector<LexiconHit>* hits = nullptr;      // sorted by start
  const std::vector<EntitySpan>* entities = nullptr;  // sorted, disjoint
  // Of the document (ignored when not of this segmentation); else computed.
  const TokenAtoms* token_atoms = nullptr;
};

// Which rules a Match() call runs.
struct RuleSelection {
  bool entities = true;  // entity rules of `stage`, or else all relation rules
  int stage = 1;
};

class RuleSetImpl;

class RuleSet {
 public:
  struct SourceFile {
    std::string path;     // shown in diagnostics
    std::string content;
  };

  // Compiles rule files. Returns null when any error was found; every error
  // is in `diags`. Warnings may be added even on success.
  static std::shared_ptr<const RuleSet> Compile(
      const std::vector<SourceFile>& files, Diagnostics* diags);
  // Every *.lex and *.rules file under `dir`, in sorted order.
  static std::shared_ptr<const RuleSet> LoadDirectory(const std::string& dir,
                                                      Diagnostics* diags);
  // The default rules compiled into the binary.
  static std::shared_ptr<const RuleSet> LoadBuiltin(Diagnostics* diags);
  static std::vector<SourceFile> BuiltinFiles();

  ~RuleSet();
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;

  const std::vector<Lexicon>& lexicons() const;
  int FindLexicon(std::string_view name) const;  // -1 when absent
  const std::vector<Rule>& rules() const;
  const std::vector<std::string>& entity_type_names() const;
  int FindEntityType(std::string_view name) const;  // -1 when absent
  std::vector<int> entity_stages() const;           // ascending, distinct

  // Compiles the token regexes' UTF-8 sets now (they are otherwise compiled
  // on the first non-ASCII token) and reports when RE2 refuses one. False
  // then.
  bool Verify(Diagnostics* diags) const;

  // A segmenter that knows the "abbreviations" lexicon.
  const Segmenter& segmenter() const;

  // Lexicon hits in every sentence, sorted by start. Within one lexicon,
  // hits do not overlap (leftmost, then longest, wins). Only lexicons whose
  // hits something reads give hits: those that type entities, whose entries
  // carry a canonical form or an attribute, kListSeparatorsLexicon, and
  // those a pattern names that have an entry of more than one token (a
  // pattern matches a one-token lexicon by each token's text, as it does a
  // literal). The other lexicons are word lists for the stages that read
  // their entries (NameForms reads alias_stopwords).
  // With `known` (TokenAtomsOf the same segmentation) no token's text is
  // looked up again.
  void FindLexiconHits(const Segmentation& seg, std::string_view text,
                       std::vector<LexiconHit>* out,
                       const TokenAtoms* known = nullptr) const;

  // The atoms of every token of `seg`, for SentenceView::token_atoms.
  void TokenAtomsOf(const Segmentation& seg, std::string_view text,
                    TokenAtoms* out) const;
  // Then, with the lexicon hits of the document, each sentence's atoms
  // (TokenAtoms::sentence_*): Match() takes them from there, rather than
  // working them out for each call, when it is given the same hits.
  void SentenceAtomsOf(const Segmentation& seg, std::string_view text,
                       const std::vector<LexiconHit>& hits, TokenAtoms* inout) const;

  // Runs the selected rules over one sentence and returns the matches that
  // survive the conflict policy, sorted by start.
  std::vector<RuleMatch> Match(const RuleSelection& which,
                               const SentenceView& sentence) const;

  // Human-readable account of a match: the rule id and, for each part of its
  // pattern, the tokens it matched (for --explain).
  std::string Explain(const RuleMatch& m, const Segmentation& seg,
                      std::string_view text) const;

 private:
  explicit RuleSet(std::unique_ptr<RuleSetImpl> impl);
  std::unique_ptr<RuleSetImpl> impl_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RULES_H_
