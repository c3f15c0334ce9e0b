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

}  // namespace newsgraph

#endif  // NEWSGRAPH_SERIALIZE_H_
