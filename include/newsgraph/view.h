// View: what was extracted, for people. An HTML review page (the article with
// its entity mentions highlighted, the relations in sentences, a drawing of
// the graph) and Graphviz DOT.
//
//   HtmlWriter html;
//   std::string page = html.Header();
//   page += html.Section(doc, annotation, graph, rules.entity_type_names());
//   page += html.Footer({{ViewAnchor(graph), ViewTitle(doc)}});
//
// Both formats wrap many documents: Header() once, Section() per document,
// Footer() once, so a batch streams one page (one section per document,
// with a table of contents) or one DOT graph (one cluster per document).
// The HTML page is self-contained: styles and script are inline, nothing is
// fetched. All article text is escaped, so "<script>" in an article is text.
//
// Offsets: relation evidence is in code points (graph.h); mentions are byte
// spans (types.h). The page splits the text into pieces at every mention and
// evidence boundary, each piece carrying its code-point offset (data-o), so
// the script highlights an evidence span exactly.
//
// Thread safety: the writers are immutable; their methods may run
// concurrently.
#ifndef NEWSGRAPH_VIEW_H_
#define NEWSGRAPH_VIEW_H_

#include <string>
#include <vector>

#include "newsgraph/annotate.h"
#include "newsgraph/graph.h"
#include "newsgraph/types.h"

namespace newsgraph {

// One document in a page's table of contents.
struct ViewEntry {
  std::string anchor;  // the section's HTML id, "doc-" and 16 hex digits
  std::string title;   // headline, else source, else the document IRI
};

// The section id of a document: "doc-" and a hash of its IRI (stable, and
// the same whatever the document's position in a batch).
std::string ViewAnchor(const Graph& g);
// What a reader calls the document: its headline, else its source, else IRI.
std::string ViewTitle(const Document& doc, const Graph& g);

class HtmlWriter {
 public:
  // "<!DOCTYPE html>" up to the first section: styles, script, legend.
  std::string Header() const;
  // One document. `type_names` names the mention types (RuleSet's
  // entity_type_names()).
  std::string Section(const Document& doc, const Annotation& annotation,
                      const Graph& g,
                      const std::vector<std::string>& type_names) const;
  // The table of contents (shown above the sections) and the page's end.
  std::string Footer(const std::vector<ViewEntry>& entries) const;
};

// DOT: persons (ellipses) and organizations (boxes); memberships as edges
// from person to organization labelled with the role; merges-into edges from
// each original organization to the resulting one; observations as record
// nodes with an edge to what they are about. Node ids are prefixed by the
// document's anchor, so documents never share a node.
class DotWriter {
 public:
  std::string Header() const;
  std::string Section(const Document& doc, const Graph& g) const;
  std::string Footer() const;
};

// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);
// Quotes text as a DOT string ("..." with \" and \\ escaped, line breaks as
// \n).
std::string DotQuote(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_VIEW_H_
