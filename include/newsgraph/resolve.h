// Resolution: from mentions and raw relations to the facts of one document.
//
//   Resolver resolver(rules);
//   Facts facts = resolver.Resolve(doc, seg, annotation, relations);
//
// What it does:
//  - groups mentions into entities: a short form joins the entity it names,
//    equal names (ignoring case, punctuation and legal suffixes) are one
//    entity, and the entity's name is the fullest form seen; a NAME mention
//    becomes a person or organization when a relation puts it in such a slot;
//  - resolves pronouns (he, she, his, her) to the latest person mentioned
//    before them, and "it", "its", "the company", "the group" to the latest
//    organization;
//  - normalizes values ("4.2 billion yuan" -> 4200000000 CNY, "18%" -> 18 P1,
//    "triple-digit" -> min 100, max 999) from the attributes the lexicons give
//    the words (value=, scale=, currency=, factor=, percent=, min=, max=,
//    bound=), and dates to ISO 8601 against the publication date (month=,
//    weekday=, relative=, unit=); a relative date with no publication date is
//    left out, never guessed;
//  - turns each relation into a membership, change event or observation.
//
// Thread safety: a Resolver is immutable; Resolve() may run concurrently.
#ifndef NEWSGRAPH_RESOLVE_H_
#define NEWSGRAPH_RESOLVE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "newsgraph/annotate.h"
#include "newsgraph/names.h"
#include "newsgraph/relate.h"

namespace newsgraph {

struct Entity {
  EntityType type = 0;  // kPerson, kOrganization, kPlace or kRole
  std::string name;
  std::vector<std::string> alternate_names;
  int parent = -1;  // subOrganizationOf, an entity index
  uint32_t first_token = 0;
};

// A normalized amount.
struct Quantity {
  std::optional<double> value, min, max;
  std::string unit_code;  // ISO 4217, or P1 for percent
  std::string unit_text;  // "yuan", "percent", ...
  // A currency word that means the dateline's own currency when it has one
  // ("dlrs" in a Toronto story): the lexicon's local= attribute ("dollar").
  std::string local;
  bool approximate = false;
};

struct Provenance {
  uint32_t rule = 0;
  double confidence = 0;
  std::vector<Span> evidence;  // bytes of the document text
};

struct Membership {
  int member = -1, role = -1, organization = -1, reports_to = -1;
  std::string role_name, status, start_date, end_date;
  Provenance prov;
};

struct ChangeEvent {
  std::vector<int> originals;
  int resulting = -1;
  std::string change_type, status, start_date;
  Provenance prov;
};

struct Observation {
  int about = -1;
  std::string metric, kind, date, period;
  Quantity quantity;
  Provenance prov;
};

struct Facts {
  std::string date_published;  // ISO, or empty
  std::vector<Entity> entities;
  std::vector<Membership> memberships;
  std::vector<ChangeEvent> changes;
  std::vector<Observation> observations;
};

// Value and date normalization, exposed for tests and other stages.
class Normalizer {
 public:
  explicit Normalizer(const RuleSet& rules);
  // The quantity the tokens of `r` express.
  Quantity ParseQuantity(std::string_view text, const Segmentation& seg,
                         const std::vector<LexiconHit>& hits,
                         TokenRange r) const;
  // ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) for the date the tokens of `r`
  // express, resolved against `anchor` (YYYY-MM-DD or empty); empty when
  // it cannot be resolved.
  std::string ParseDate(std::string_view text, const Segmentation& seg,
                        const std::vector<LexiconHit>& hits, TokenRange r,
                        const std::string& anchor) const;
  // The currency code a place gives to a local= currency word: the place
  // lexicons' attribute of that name ("Toronto | dollar=CAD"), matched
  // without regard to case ("TORONTO"); empty when the place has none.
  std::string LocalCurrency(std::string_view place, std::string_view local) const;

 private:
  // What a lexicon entry says of an amount, read once: its value=,
  // scale=, factor=, min= and max= as numbers (when they parse), and its
  // currency=, local=, unit= and bound= as written.
  struct AmountWords {
    std::optional<double> value, scale, factor, min, max;
    std::string_view currency, local, unit, bound;  // into the RuleSet
    bool percent = false;                           // percent=yes
  };
  // The entry's, or null when it says nothing of an amount.
  const AmountWords* AmountOf(const LexiconHit& hit) const;

  const RuleSet& rules_;
  // (lower-case place, local word) -> currency code
  std::map<std::pair<std::string, std::string>, std::string> local_currency_;
  // By lexicon << 32 | entry, for the entries with any amount attribute.
  std::unordered_map<uint64_t, AmountWords> amounts_;
};

class Resolver {
 public:
  explicit Resolver(std::shared_ptr<const RuleSet> rules);
  Facts Resolve(const Document& doc, const Segmentation& seg,
                const Annotation& ann,
                const std::vector<Relation>& relations) const;

 private:
  std::shared_ptr<const RuleSet> rules_;
  NameForms names_;
  Normalizer normalizer_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RESOLVE_H_
