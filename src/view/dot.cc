#include <set>

#include "model.h"
#include "newsgraph/view.h"

namespace newsgraph {
namespace {

// Escapes a field of a record label, where braces, bars and angle brackets
// are syntax.
std::string RecordField(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}' || c == '|' || c == '<' || c == '>' || c == '"' || c == '\\')
      out += '\\';
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      continue;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string DotWriter::Header() const {
  return "digraph newsgraph {\n"
         "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n"
         "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#6b7280\"];\n";
}

std::string DotWriter::Section(const Document& doc, const Graph& g) const {
  view::Model model = view::BuildModel(g);
  std::string anchor = ViewAnchor(g);
  auto id = [&](const std::string& iri) { return DotQuote(anchor + " " + iri); };
  std::string out = "  subgraph " + DotQuote("cluster_" + anchor) + " {\n    label=" +
                    DotQuote(ViewTitle(doc, g)) + ";\n    URL=" + DotQuote(g.doc_iri) + ";\n";
  std::set<std::string> drawn;
  for (const auto& e : model.entities) {
    drawn.insert(e.iri);
    out += "    " + id(e.iri) + " [label=" + DotQuote(e.name) + ", URL=" + DotQuote(e.iri) +
           (e.person ? ", shape=ellipse, fillcolor=\"#fde68a\"" : ", shape=box, fillcolor=\"#bfdbfe\"") +
           "];\n";
  }
  for (const auto& e : model.edges) {
    out += "    " + id(e.from) + " -> " + id(e.to) + " [label=" + DotQuote(e.label);
    if (e.kind == view::EdgeKind::kMerge) out += ", color=\"#1d4ed8\", penwidth=1.8";
    if (e.kind == view::EdgeKind::kSubOrganization) out += ", style=dashed";
    if (e.kind == view::EdgeKind::kReports) out += ", style=dotted";
    out += "];\n";
  }
  for (const auto& r : model.relations) {
    if (r.family != view::Family::kObservation) continue;
    std::string label = "{";
    for (size_t i = 0; i < r.fields.size(); ++i) {
      if (i > 0) label += '|';
      label += RecordField(r.fields[i]);
    }
    label += "}";
    // Not DotQuote: the fields are escaped for the record parser already.
    out += "    " + id(r.iri) + " [shape=record, fillcolor=\"#f3f4f6\", label=\"" + label + "\"];\n";
    if (drawn.count(r.about))  // an "about" edge only to a node that is drawn
      out += "    " + id(r.iri) + " -> " + id(r.about) + " [label=\"about\", style=dotted];\n";
  }
  return out + "  }";
}

std::string DotWriter::Footer() const { return "}\n"; }

}  // namespace newsgraph
