#include "newsgraph/relate.h"

#include <algorithm>

namespace newsgraph {

Relator::Relator(std::shared_ptr<const RuleSet> rules)
    : rules_(std::move(rules)),
      separators_(rules_->FindLexicon(kListSeparatorsLexicon)) {}

std::vector<RelationArg::Item> Relator::Items(const Segmentation& seg,
                                              const Annotation& ann,
                                              TokenRange r) const {
  std::vector<char> separator(r.size(), 0);
  auto [hb, he] = ann.HitsStartingIn(r);
  for (size_t i = hb; i < he; ++i) {
    const LexiconHit& h = ann.hits[i];
    if (static_cast<int>(h.lexicon) != separators_ || !r.Contains(h.tokens)) continue;
    for (uint32_t t = h.tokens.begin; t < h.tokens.end; ++t) separator[t - r.begin] = 1;
  }
  std::vector<RelationArg::Item> items;
  uint32_t run_start = r.begin;
  bool in_run = false;
  auto close_run = [&](uint32_t end) {
    if (in_run && end > run_start) items.push_back({{run_start, end}, -1});
    in_run = false;
  };
  for (uint32_t t = r.begin; t < r.end;) {
    int m = ann.MentionAt(t);
    if (m >= 0 && r.Contains(ann.mentions[m].tokens)) {
      close_run(t);
      items.push_back({ann.mentions[m].tokens, m});
      t = ann.mentions[m].tokens.end;
      continue;
    }
    if (separator[t - r.begin] || seg.tokens[t].kind == TokenKind::kPunct) {
      close_run(t);
    } else if (!in_run) {
      in_run = true;
      run_start = t;
    }
    ++t;
  }
  close_run(r.end);
  return items;
}

std::vector<Relation> Relator::Relate(const Document& doc,
                                      const Segmentation& seg,
                                      const Annotation& ann,
                                      std::vector<std::string>* explain,
                                      std::vector<RuleMatch>* matches) const {
  const RuleSet& rules = *rules_;
  std::vector<Relation> out;
  std::vector<EntitySpan> spans = ann.Spans();
  CaptureReader reader(rules, doc.text, seg, ann);
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    SentenceView view{&seg, doc.text, s, &ann.hits, &spans, &ann.token_atoms};
    for (const RuleMatch& m : rules.Match({false, 0}, view)) {
      const Rule& rule = rules.rules()[m.rule];
      if (explain) explain->push_back(rules.Explain(m, seg, doc.text));
      if (matches) matches->push_back(m);
      for (const Emit& e : rule.emits) {
        if (e.family == Family::kEntity) continue;
        Relation rel;
        rel.family = e.family;
        rel.rule = m.rule;
        rel.confidence = rule.confidence;
        rel.tokens = m.tokens;
        rel.evidence = reader.Bytes(m.tokens);
        rel.sentence = s;
        for (const EmitArg& a : e.args) {
          RelationArg arg;
          arg.name = a.name;
          for (const ValueRef& c : a.choices) {
            if (c.kind == ValueRef::Kind::kLiteral) {
              arg.value = c.text;
            } else if (c.capture >= 0 && m.has(c.capture)) {
              TokenRange r = m.captures[c.capture];
              if (r.empty()) continue;
              if (c.kind == ValueRef::Kind::kAttribute) {
                arg.value = reader.Attribute(r, c.text);
              } else {
                arg.captured = true;
                arg.range = r;
                arg.items = Items(seg, ann, r);
                arg.text = reader.Text(r);
                arg.value = reader.Canonical(r);
              }
            }
            if (!arg.value.empty()) break;
          }
          if (!arg.value.empty()) rel.args.push_back(std::move(arg));
        }
        out.push_back(std::move(rel));
      }
    }
  }
  return out;
}

}  // namespace newsgraph
