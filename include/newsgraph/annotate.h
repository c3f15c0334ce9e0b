// Annotation: entity mentions from lexicons, entity rules and the names a
// document has already used.
//
//   Annotator annotator(rules);
//   Annotation a = annotator.Annotate(doc, seg);
//   for (const Mention& m : a.mentions) ...   // disjoint, sorted by start
//
// Order of work:
//   0. every lexicon is matched (Annotation::hits); hits of lexicons marked
//      "@entity TYPE" (or entries with type=TYPE) become candidate mentions,
//      and overlaps are resolved longest, then priority, then earliest;
//   1. entity rules run stage by stage (rules.h); a new mention replaces the
//      mentions it contains and is dropped when it crosses one;
//   2. short forms of the names found so far ("Chen" for "Maria Chen",
//      "Northwind" for "Northwind Holdings Ltd.") become mentions of the same
//      type wherever they stand untyped (or as a NAME) in the document.
//
// Thread safety: an Annotator is immutable; Annotate() may run concurrently.
#ifndef NEWSGRAPH_ANNOTATE_H_
#define NEWSGRAPH_ANNOTATE_H_

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/names.h"
#include "newsgraph/rules.h"
#include "newsgraph/text.h"
#include "newsgraph/types.h"

namespace newsgraph {

struct Mention {
  EntityType type = 0;
  TokenRange tokens;
  Span span;              // bytes
  std::string canonical;  // lexicon canonical form or emitted canonical
  Attributes attributes;  // from the lexicon entry or the emit
  // What found it: a rule's id, a lexicon's name (then `lexicon` is its
  // index) or "alias". Points into the RuleSet, which outlives annotations.
  std::string_view source;
  int lexicon = -1;
  bool pronoun = false;   // "he", "its", "the company": resolved later
  int alias_of = -1;      // index of the mention this is a short form of
};

struct Annotation {
  TokenAtoms token_atoms;          // for the rules, once per document
  std::vector<LexiconHit> hits;    // sorted by start
  std::vector<Mention> mentions;   // sorted by start, disjoint
  std::vector<EntitySpan> Spans() const;
  // Index of the mention covering token `t`, or -1.
  int MentionAt(uint32_t t) const;
  // The index of the first mention that starts at or after token `t`
  // (mentions are sorted by start); mentions.size() when none.
  size_t FirstFrom(uint32_t t) const;
  // [first, last) indices of the mentions (hits) that start inside `r`.
  std::pair<size_t, size_t> MentionsStartingIn(TokenRange r) const;
  std::pair<size_t, size_t> HitsStartingIn(TokenRange r) const;
};

// Reads the parts of a rule match: text, canonical form, attributes and
// mentions of a captured token range. Shared by annotation and relations.
class CaptureReader {
 public:
  CaptureReader(const RuleSet& rules, std::string_view text,
                const Segmentation& seg, const Annotation& ann)
      : rules_(rules), text_(text), seg_(seg), ann_(ann) {}

  // The text a token range covers, as written.
  std::string Text(TokenRange r) const;
  Span Bytes(TokenRange r) const;
  // The canonical form: of the one mention or lexicon hit that covers the
  // range exactly, else the text.
  std::string Canonical(TokenRange r) const;
  // The value of attribute `name` on a mention or lexicon hit inside the
  // range (mentions first, then hits, left to right); empty when none.
  std::string Attribute(TokenRange r, std::string_view name) const;
  // Indices of the mentions lying inside the range.
  std::vector<int> MentionsIn(TokenRange r) const;

 private:
  const RuleSet& rules_;
  std::string_view text_;
  const Segmentation& seg_;
  const Annotation& ann_;
};

// The first choice of `arg` that has a value for match `m`: a literal as it
// is, a capture's canonical form, or an attribute found inside a capture.
std::string ResolveChoice(const EmitArg& arg, const RuleMatch& m,
                          const CaptureReader& reader);

class Annotator {
 public:
  explicit Annotator(std::shared_ptr<const RuleSet> rules);
  Annotation Annotate(const Document& doc, const Segmentation& seg) const;

  // Also reports the accepted entity-rule matches: an account of each in
  // `explain` (for --explain) and the matches in `matches` (for rule tests);
  // either may be null.
  Annotation Annotate(const Document& doc, const Segmentation& seg,
                      std::vector<std::string>* explain,
                      std::vector<RuleMatch>* matches = nullptr) const;

 private:
  void AddAliases(const Document& doc, const Segmentation& seg,
                  Annotation* ann) const;
  // The entity type a hit of lexicon x, entry i names (-1: none): the
  // entry's type= when it has one, else the lexicon's "@entity TYPE".
  int HitType(const LexiconHit& hit) const {
    const auto& by_entry = entry_types_[hit.lexicon];
    return by_entry.empty() ? lexicon_types_[hit.lexicon] : by_entry[hit.entry];
  }
  std::shared_ptr<const RuleSet> rules_;
  NameForms names_;
  std::vector<int> lexicon_types_;
  // Per entry, only for the lexicons where some entry has a type=.
  std::vector<std::vector<int>> entry_types_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_ANNOTATE_H_
