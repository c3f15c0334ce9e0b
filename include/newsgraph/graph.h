// Graph: the facts of a document as nodes with IRIs, ready to write.
//
//   GraphBuilder builder({.base = "https://w3id.org/newsgraph/id/"}, rules);
//   Graph g = builder.Build(doc, facts);
//
// IRIs follow the contract (../shared/contract/README.md, pinned copy in
// tests/contract/): the document IRI is the input's id (made absolute under
// {base}doc/ when it is not an IRI), else its URL, else {base}doc/ and the
// first 16 hex digits of the SHA-256 of the text. Entities get
// {base}{person|org|place|role}/{slug} (organizations without their legal
// suffix), so the same name gives the same IRI in every document. Relations
// get {base}{membership|change|observation}/{16 hex digits} of a hash of the
// document IRI, the relation's arguments and its evidence offsets.
//
// Property names are the contract's JSON-LD terms ("member", "roleName");
// writers map them to their output syntax. Evidence offsets are code points.
//
// Thread safety: a GraphBuilder is immutable; Build() may run concurrently.
#ifndef NEWSGRAPH_GRAPH_H_
#define NEWSGRAPH_GRAPH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/names.h"
#include "newsgraph/resolve.h"

namespace newsgraph {

struct Value {
  enum class Kind { kIri, kString, kNumber, kIriList, kStringList };
  Kind kind = Kind::kString;
  std::string text;  // IRI or string
  double number = 0;
  std::vector<std::string> list;
  static Value Iri(std::string s) { return {Kind::kIri, std::move(s), 0, {}}; }
  static Value String(std::string s) {
    return {Kind::kString, std::move(s), 0, {}};
  }
  static Value Number(double d) { return {Kind::kNumber, {}, d, {}}; }
  static Value IriList(std::vector<std::string> l) {
    return {Kind::kIriList, {}, 0, std::move(l)};
  }
  static Value StringList(std::vector<std::string> l) {
    return {Kind::kStringList, {}, 0, std::move(l)};
  }
};

// Evidence nodes have IRIs of their own (the relation's IRI and a fragment),
// not blank nodes, so that N-Quads of many documents concatenate safely.
struct GraphEvidence {
  std::string iri;
  std::string exact;
  size_t start = 0, end = 0;  // code points, end exclusive
};

struct Node {
  std::string iri;
  std::string type;  // a contract class term: Person, Membership, ...
  std::vector<std::pair<std::string, Value>> properties;
  std::vector<GraphEvidence> evidence;  // relations only
};

struct Graph {
  std::string doc_iri;
  std::vector<std::pair<std::string, Value>> doc_properties;  // url, ...
  std::vector<std::string> mentions;  // entity IRIs
  std::vector<Node> nodes;            // entities, then relations
};

struct GraphOptions {
  std::string base = "https://w3id.org/newsgraph/id/";
};

// FNV-1a 64 of `text`: a fast hash that is the same on every machine and
// run (shards, HTML anchors), unlike std::hash.
uint64_t StableHash(std::string_view text);

class GraphBuilder {
 public:
  GraphBuilder(GraphOptions options, std::shared_ptr<const RuleSet> rules);
  Graph Build(const Document& doc, const Facts& facts) const;
  // The document IRI alone (also used to shard and name output files).
  std::string DocumentIri(const Document& doc) const;
  const GraphOptions& options() const { return options_; }

 private:
  GraphOptions options_;
  std::shared_ptr<const RuleSet> rules_;
  NameForms names_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_GRAPH_H_
