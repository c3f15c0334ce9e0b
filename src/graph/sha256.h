// SHA-256 (FIPS 180-4), for deterministic IRIs.
#ifndef NEWSGRAPH_SRC_GRAPH_SHA256_H_
#define NEWSGRAPH_SRC_GRAPH_SHA256_H_

#include <string>
#include <string_view>

namespace newsgraph {

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_GRAPH_SHA256_H_
