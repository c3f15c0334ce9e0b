// Pipeline: one document in, one JSON-LD document out, through every stage.
//
//   Diagnostics diags;
//   auto rules = RuleSet::LoadBuiltin(&diags);
//   Pipeline pipeline(rules, {});
//   InputResult in = DecodeDocument(bytes, {.source = "a.txt"});
//   PipelineResult r = pipeline.Process(*in.document);
//   std::cout << r.output << "\n";
//
// Stages: segment (text.h) -> annotate (annotate.h) -> relate (relate.h) ->
// resolve (resolve.h) -> graph (graph.h) -> serialize (serialize.h).
//
// Thread safety: a Pipeline is immutable; Process() may run concurrently.
#ifndef NEWSGRAPH_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "newsgraph/annotate.h"
#include "newsgraph/graph.h"
#include "newsgraph/relate.h"
#include "newsgraph/resolve.h"
#include "newsgraph/rules.h"
#include "newsgraph/serialize.h"
#include "newsgraph/view.h"

namespace newsgraph {

// kHtml and kDot write one section per document (view.h); a stream of them
// goes between StreamHeader() and StreamFooter().
enum class OutputFormat { kJsonLd, kNQuads, kNTriples, kHtml, kDot };

struct PipelineOptions {
  GraphOptions graph;
  WriterOptions writer;
  OutputFormat format = OutputFormat::kJsonLd;
  bool ntriples_too = false;  // also fill PipelineResult::ntriples (--push)
  bool explain = false;  // collect an account of every rule match
};

struct PipelineResult {
  std::string output;  // one JSON-LD document (no newline), RDF lines, or a section
  ViewEntry entry;     // the document in a table of contents (kHtml)
  std::vector<std::string> explain;  // with PipelineOptions::explain
  std::string doc_iri;
  std::string ntriples;  // with PipelineOptions::ntriples_too
  size_t memberships = 0, changes = 0, observations = 0;
};

// Everything the stages produced for one document (for tests and tools).
struct Extraction {
  Segmentation segmentation;
  std::vector<RuleMatch> matches;  // every accepted rule match
  Annotation annotation;
  std::vector<Relation> relations;
  Facts facts;
};

class Pipeline {
 public:
  Pipeline(std::shared_ptr<const RuleSet> rules, PipelineOptions options);

  PipelineResult Process(const Document& doc) const;
  Extraction Extract(const Document& doc,
                     std::vector<std::string>* explain = nullptr) const;
  Graph BuildGraph(const Document& doc, const Facts& facts) const;

  const RuleSet& rules() const { return *rules_; }

  // What goes before the first and after the last document's output in one
  // stream or file: an HTML page's head and table of contents, a DOT graph's
  // braces; empty for JSON-LD and RDF.
  std::string StreamHeader() const;
  std::string StreamFooter(const std::vector<ViewEntry>& entries) const;

  // Runs every example and counter-example of every rule (rules/FORMAT.md),
  // or of the rules of file `only_file` when it is not empty, and reports
  // each failure as a diagnostic at the example's line. Returns the number of
  // examples run.
  size_t TestRuleExamples(Diagnostics* failures,
                          std::string_view only_file = {}) const;

 private:
  // Extract, keeping the accepted rule matches in Extraction::matches or not.
  Extraction Run(const Document& doc, std::vector<std::string>* explain,
                 bool keep_matches) const;

  std::shared_ptr<const RuleSet> rules_;
  PipelineOptions options_;
  Annotator annotator_;
  Relator relator_;
  Resolver resolver_;
  GraphBuilder graph_;
  JsonLdWriter writer_;
  RdfWriter rdf_writer_;
  RdfWriter ntriples_writer_;
  HtmlWriter html_writer_;
  DotWriter dot_writer_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_H_
