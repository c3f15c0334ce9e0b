// Serialization: a Graph as compact JSON-LD that follows the contract.
//
//   JsonLdWriter writer({.pretty = false});
//   std::string out = writer.Write(graph);   // one line, no trailing newline
//
// The document is one JSON object: the contract's @context inline (no network
// is needed to read it), the article's id, type, datePublished, url and
// headline, `mentions`, and `graph` holding every node of the document's
// named graph. Keys are written in a fixed order and nodes in the graph's
// order, so the same input gives the same bytes.
#ifndef NEWSGRAPH_SERIALIZE_H_
#define NEWSGRAPH_SERIALIZE_H_

#include <string>
#include <string_view>

#include "newsgraph/graph.h"

namespace newsgraph {

struct WriterOptions {
  bool pretty = false;  // indent by two spaces (default: one line)
};

class JsonLdWriter {
 public:
  explicit JsonLdWriter(WriterOptions options) : options_(options) {}
  std::string Write(const Graph& g) const;

 private:
  WriterOptions options_;
};

// The JSON-LD @context of the output (a JSON object, as text).
std::string_view JsonLdContext();

// N-Quads and N-Triples: exactly the triples a JSON-LD processor reads from
// JsonLdWriter's output (the same IRIs, literals and datatypes, e.g. numbers
// as xsd:integer or xsd:double in canonical form), one statement per line.
// N-Quads puts the document's nodes in the named graph whose name is the
// document IRI and the article node in the default graph; N-Triples drops
// graph names. Lines are sorted, so the output is deterministic and two
// outputs compare with sort/comm. Escaping follows the N-Triples grammar:
// any character in a name or text yields valid output.
enum class RdfSyntax { kNQuads, kNTriples };

class RdfWriter {
 public:
  explicit RdfWriter(RdfSyntax syntax) : syntax_(syntax) {}
  // All statements of the document, each ending in " .\n".
  std::string Write(const Graph& g) const;

 private:
  RdfSyntax syntax_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SERIALIZE_H_
