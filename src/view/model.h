// What both views draw, read off a Graph: the persons and organizations, the
// edges between them, and each relation as a sentence with its evidence.
// Internal to src/view/.
#ifndef NEWSGRAPH_VIEW_MODEL_H_
#define NEWSGRAPH_VIEW_MODEL_H_

#include <string>
#include <vector>

#include "newsgraph/graph.h"

namespace newsgraph::view {

enum class Family { kMembership, kChange, kObservation };

struct Entity {
  std::string iri, name;
  bool person = false;  // else an organization
};

enum class EdgeKind { kRole, kMerge, kReports, kSubOrganization };

struct Edge {
  std::string from, to;  // entity IRIs
  std::string label;
  EdgeKind kind = EdgeKind::kRole;
  std::string relation;  // the IRI of the relation it comes from
};

struct Relation {
  std::string iri;
  Family family = Family::kMembership;
  std::string sentence;  // "Eddie Wu — CEO — Alibaba Group (current)"
  std::string rule;
  double confidence = 0;
  std::vector<GraphEvidence> evidence;
  // Observations: what it is about, and its fields one per line for a
  // record ("revenue", "+29%", "third quarter").
  std::string about;
  std::vector<std::string> fields;
};

struct Model {
  std::vector<Entity> entities;  // persons and organizations, graph order
  std::vector<Edge> edges;
  std::vector<Relation> relations;  // graph order
};

Model BuildModel(const Graph& g);

// "46,000,000", "3.1", "-5".
std::string FormatNumber(double v);

}  // namespace newsgraph::view

#endif  // NEWSGRAPH_VIEW_MODEL_H_
