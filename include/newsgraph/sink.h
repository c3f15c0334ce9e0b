// Sink: sending each document's graph to a graph database over HTTP.
//
//   PushOptions o;
//   o.url = "http://127.0.0.1:8890/sparql-graph-crud";
//   GraphPusher pusher(o);
//   std::string error = pusher.Push(doc_iri, ntriples);   // "" on success
//
// Two protocols:
//  - Graph Store (SPARQL 1.1 Graph Store HTTP Protocol, the default): one
//    PUT of the document's statements as N-Triples to URL?graph=<doc IRI>
//    (the parameter name is configurable: Virtuoso calls it graph-uri). A
//    PUT replaces the graph, so pushing a document again changes nothing.
//  - Update (SPARQL 1.1 Update): POST to URL of "DROP SILENT GRAPH <g>" and
//    INSERT DATA in chunks of at most `max_statements` statements (large
//    INSERT DATA requests fail on some stores).
// A request that fails to connect, times out or gets a 5xx answer is retried
// `retries` times with exponential backoff; a 4xx answer is not retried.
// Credentials come from the environment (NEWSGRAPH_PUSH_USER and
// NEWSGRAPH_PUSH_PASSWORD) or from ~/.netrc, never from the command line,
// and are never printed.
//
// Thread safety: a GraphPusher is used by one thread at a time.
#ifndef NEWSGRAPH_SINK_H_
#define NEWSGRAPH_SINK_H_

#include <string>
#include <utility>
#include <vector>

namespace newsgraph {

struct PushOptions {
  std::string url;
  enum class Protocol { kGraphStore, kUpdate } protocol = Protocol::kGraphStore;
  std::string graph_param = "graph";
  long timeout_seconds = 30;
  int retries = 3;
  int backoff_ms = 200;        // first retry delay; doubles each time
  size_t max_statements = 1000;  // per INSERT DATA (update protocol)
  size_t documents_per_request = 1;  // update protocol: graphs per batch
};

class GraphPusher {
 public:
  explicit GraphPusher(PushOptions options);
  ~GraphPusher();
  GraphPusher(const GraphPusher&) = delete;
  GraphPusher& operator=(const GraphPusher&) = delete;

  // Replaces graph `graph_iri` in the store with `ntriples` (N-Triples
  // lines). Returns "" on success, else the reason ("HTTP 500: ...",
  // "Couldn't connect to server").
  std::string Push(const std::string& graph_iri, const std::string& ntriples);

  // Replaces several graphs: with the update protocol, one request drops
  // them all and INSERT DATA requests (of at most max_statements statements
  // each) fill them; with the Graph Store protocol, one PUT each. Returns ""
  // or the first error (the whole batch is then to be pushed again).
  std::string PushBatch(
      const std::vector<std::pair<std::string, std::string>>& graphs);

 private:
  std::string Request(const std::string& method, const std::string& url,
                      const std::string& content_type, const std::string& body);
  PushOptions options_;
  void* curl_;  // CURL*
  std::string user_, password_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_SINK_H_
