// Relations: the relation rules (families membership, change, observation,
// reports, suborganization, dateline) run over each sentence once all
// entities are known; every accepted match yields the relations its rule
// emits, with each argument read off the match.
//
//   Relator relator(rules);
//   std::vector<Relation> rels = relator.Relate(doc, seg, annotation);
//
// An argument bound to a capture keeps the captured tokens and the list of
// items in them: each mention inside is an item, and so is each run of other
// tokens between list separators (lexicon list_separators: ",", "and", ...),
// so "Taobao Tmall Group, 1688 and Xianyu" gives three items.
//
// Thread safety: a Relator is immutable; Relate() may run concurrently.
#ifndef NEWSGRAPH_RELATE_H_
#define NEWSGRAPH_RELATE_H_

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/annotate.h"
#include "newsgraph/rules.h"

namespace newsgraph {

struct RelationArg {
  std::string name;
  bool captured = false;  // bound to tokens (else a literal or attribute)
  TokenRange range;       // the captured tokens
  struct Item {
    TokenRange tokens;
    int mention = -1;  // index into Annotation::mentions, or -1
  };
  std::vector<Item> items;
  std::string value;  // canonical form, literal or attribute value
  std::string text;   // the captured text as written
};

struct Relation {
  Family family = Family::kMembership;
  uint32_t rule = 0;  // index into RuleSet::rules()
  double confidence = 0;
  TokenRange tokens;  // the whole match
  Span evidence;      // its bytes
  uint32_t sentence = 0;
  std::vector<RelationArg> args;

  const RelationArg* Find(std::string_view name) const {
    for (const auto& a : args)
      if (a.name == name) return &a;
    return nullptr;
  }
};

class Relator {
 public:
  explicit Relator(std::shared_ptr<const RuleSet> rules);
  // Relations in sentence order. With `explain`, one account per match;
  // with `matches`, the accepted matches themselves.
  std::vector<Relation> Relate(const Document& doc, const Segmentation& seg,
                               const Annotation& ann,
                               std::vector<std::string>* explain = nullptr,
                               std::vector<RuleMatch>* matches = nullptr) const;

 private:
  std::vector<RelationArg::Item> Items(const Segmentation& seg,
                                       const Annotation& ann,
                                       TokenRange r) const;
  std::shared_ptr<const RuleSet> rules_;
  int separators_ = -1;  // the list_separators lexicon
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_RELATE_H_
