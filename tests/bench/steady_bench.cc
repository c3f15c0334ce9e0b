// The work per document, counted: runs the pipeline (as `newsgraph` does for
// each document, output included) over every line of a JSON Lines file,
// twice, and prints the seconds and MB/s of the second pass. Under
// callgrind, started with --collect-atstart=no, only the second pass is
// counted: the caches of token facts and names are warm and start-up is
// left out, so the count is the same from run to run of one binary, which
// timed runs on a shared machine are not (tests/bench/instructions.sh).
// usage: steady_bench FILE.jsonl [PASSES]
#include <valgrind/callgrind.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "newsgraph/batch.h"
#include "newsgraph/pipeline.h"

int main(int argc, char** argv) {
  using namespace newsgraph;
  if (argc < 2) {
    std::fprintf(stderr, "usage: steady_bench FILE.jsonl [PASSES]\n");
    return 2;
  }
  Diagnostics diags;
  auto rules = RuleSet::LoadBuiltin(&diags);
  if (!rules) {
    std::fprintf(stderr, "%s", diags.ToString().c_str());
    return 1;
  }
  Pipeline pipeline(rules, {});
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  std::vector<Document> docs;
  size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    JsonLine j = ParseJsonLine(line, JsonlFields{}, DocumentMeta{});
    if (!j.error.empty()) continue;
    bytes += j.text.size();
    docs.push_back({std::move(j.text), std::move(j.meta)});
  }
  const int passes = argc > 2 ? std::max(1, std::atoi(argv[2])) : 2;
  size_t out = 0;
  double seconds = 0;
  for (int pass = 0; pass < passes; ++pass) {
    const bool last = pass + 1 == passes;
    if (last) CALLGRIND_TOGGLE_COLLECT;
    const auto start = std::chrono::steady_clock::now();
    for (const Document& doc : docs) out += pipeline.Process(doc).output.size();
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (last) CALLGRIND_TOGGLE_COLLECT;
  }
  std::printf("%zu documents, %.2f MB of text, %.1f MB out per pass; last pass %.3f s, %.2f MB/s\n",
              docs.size(), bytes / 1e6, out / 1e6 / passes, seconds, bytes / 1e6 / seconds);
  return 0;
}
