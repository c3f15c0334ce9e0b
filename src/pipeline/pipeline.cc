#include "newsgraph/pipeline.h"

#include <algorithm>

namespace newsgraph {

Pipeline::Pipeline(std::shared_ptr<const RuleSet> rules,
                   PipelineOptions options)
    : rules_(rules),
      options_(std::move(options)),
      annotator_(rules),
      relator_(rules),
      resolver_(rules),
      graph_(options_.graph, rules),
      writer_(options_.writer),
      rdf_writer_(options_.format == OutputFormat::kNTriples ? RdfSyntax::kNTriples
                                                             : RdfSyntax::kNQuads),
      ntriples_writer_(RdfSyntax::kNTriples) {}

Extraction Pipeline::Extract(const Document& doc,
                             std::vector<std::string>* explain) const {
  return Run(doc, explain, /*keep_matches=*/true);
}

Extraction Pipeline::Run(const Document& doc, std::vector<std::string>* explain,
                         bool keep_matches) const {
  Extraction x;
  std::vector<RuleMatch>* matches = keep_matches ? &x.matches : nullptr;
  x.segmentation = rules_->segmenter().Segment(doc.text);
  x.annotation = annotator_.Annotate(doc, x.segmentation, explain, matches);
  x.relations = relator_.Relate(doc, x.segmentation, x.annotation, explain, matches);
  x.facts = resolver_.Resolve(doc, x.segmentation, x.annotation, x.relations);
  return x;
}

Graph Pipeline::BuildGraph(const Document& doc, const Facts& facts) const {
  return graph_.Build(doc, facts);
}

std::string Pipeline::StreamHeader() const {
  if (options_.format == OutputFormat::kHtml) return html_writer_.Header();
  if (options_.format == OutputFormat::kDot) return dot_writer_.Header();
  return "";
}

std::string Pipeline::StreamFooter(const std::vector<ViewEntry>& entries) const {
  if (options_.format == OutputFormat::kHtml) return html_writer_.Footer(entries);
  if (options_.format == OutputFormat::kDot) return dot_writer_.Footer();
  return "";
}

PipelineResult Pipeline::Process(const Document& doc) const {
  PipelineResult r;
  // The rule matches are not kept: Process reports facts, not matches.
  Extraction x = Run(doc, options_.explain ? &r.explain : nullptr, false);
  Graph g = graph_.Build(doc, x.facts);
  for (const Node& n : g.nodes) {
    if (n.type == "Membership") ++r.memberships;
    if (n.type == "ChangeEvent") ++r.changes;
    if (n.type == "Observation") ++r.observations;
  }
  r.doc_iri = g.doc_iri;
  if (options_.ntriples_too) r.ntriples = ntriples_writer_.Write(g);
  if (options_.format == OutputFormat::kJsonLd) {
    r.output = writer_.Write(g);
  } else if (options_.format == OutputFormat::kHtml) {
    r.output = html_writer_.Section(doc, x.annotation, g, rules_->entity_type_names());
    r.entry = {ViewAnchor(g), ViewTitle(doc, g)};
  } else if (options_.format == OutputFormat::kDot) {
    r.output = dot_writer_.Section(doc, g);
  } else {
    r.output = rdf_writer_.Write(g);
    if (!r.output.empty() && r.output.back() == '\n') r.output.pop_back();
  }
  return r;
}

size_t Pipeline::TestRuleExamples(Diagnostics* failures,
                                  std::string_view only_file) const {
  size_t run = 0;
  const auto& rules = rules_->rules();
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!only_file.empty() && rules[r].where.file != only_file) continue;
    for (const RuleExample& ex : rules[r].examples) {
      ++run;
      Document doc{ex.text, {}};
      doc.meta.source = ex.where.file;
      Extraction x = Extract(doc);
      auto text_of = [&](TokenRange t) {
        if (t.begin == RuleMatch::kUnset || t.empty()) return std::string();
        uint32_t b = x.segmentation.tokens[t.begin].span.begin;
        uint32_t e = x.segmentation.tokens[t.end - 1].span.end;
        return ex.text.substr(b, e - b);
      };
      std::vector<const RuleMatch*> mine;
      for (const auto& m : x.matches)
        if (m.rule == r) mine.push_back(&m);
      std::string what;
      bool ok;
      if (!ex.must_match) {
        ok = mine.empty();
        if (!ok) what = "counter-example of rule " + rules[r].id + " matched \"" + text_of(mine[0]->tokens) + "\"";
      } else {
        ok = false;
        std::string got;
        for (const RuleMatch* m : mine) {
          bool all = true;
          for (const auto& [name, want] : ex.expect) {
            auto it = std::find(rules[r].captures.begin(), rules[r].captures.end(), name);
            if (it == rules[r].captures.end()) {
              all = false;
              got = "no capture named '" + name + "'";
              break;
            }
            std::string have = text_of(m->captures[it - rules[r].captures.begin()]);
            if (have != want) {
              all = false;
              got = name + "=\"" + have + "\" (expected \"" + want + "\")";
              break;
            }
          }
          if (all) ok = true;
        }
        if (!ok) {
          if (mine.empty()) {
            what = "example of rule " + rules[r].id + " did not match";
            std::string others;
            for (const auto& m : x.matches)
              if (rules[m.rule].family == rules[r].family)
                others += (others.empty() ? "" : ", ") + rules[m.rule].id + " \"" + text_of(m.tokens) + "\"";
            if (!others.empty()) what += " (matched instead: " + others + ")";
          } else {
            what = "example of rule " + rules[r].id + " matched, but " + got;
          }
        }
      }
      if (!ok) failures->Error(ex.where.file, ex.where.line, ex.where.column, what);
    }
  }
  return run;
}

}  // namespace newsgraph
