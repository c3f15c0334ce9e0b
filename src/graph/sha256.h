// SHA-256 (FIPS 180-4), for deterministic IRIs.
#ifndef NEWSGRAPH_SRC_GRAPH_SHA256_H_
#define NEWSGRAPH_SRC_GRAPH_SHA256_H_

#include <string>
#include <string_view>

namespace newsgraph {

enum class Sha256Engine {
  kBest,      // the CPU's SHA extensions when it has them (x86-64), else portable
  kPortable,  // plain C++ on every CPU
};

// Lower-case hex digest of `data`.
std::string Sha256Hex(std::string_view data, Sha256Engine engine = Sha256Engine::kBest);

}  // namespace newsgraph

#endif  // NEWSGRAPH_SRC_GRAPH_SHA256_H_
