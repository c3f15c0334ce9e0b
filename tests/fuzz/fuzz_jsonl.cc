// Fuzz target: the JSON Lines reader. The input is a JSON Lines file; it is
// read through ForEachInput as a batch reads it (line splitting, CR, blank
// lines, the size limit) and each line through ParseJsonLine. Every
// non-blank line must be accounted for, as a document or an error, every
// error must be valid UTF-8 that the errors file can hold, and the direct
// reader of flat objects must agree with the JSON library on every line.

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>

#include "newsgraph/batch.h"
#include "newsgraph/unicode.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Blank(const std::string& line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\r') return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);

  size_t lines = 0;
  for (size_t start = 0; start < bytes.size();) {
    size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    std::string line = bytes.substr(start, end - start);
    start = end + 1;
    if (Blank(line)) continue;
    ++lines;
    newsgraph::JsonLine parsed = newsgraph::ParseJsonLine(line, {}, {});
    Check(parsed.error.empty() || parsed.text.empty());
    const newsgraph::JsonLine lib = newsgraph::ParseJsonLineWithLibrary(line, {}, {});
    Check(parsed.error == lib.error && parsed.text == lib.text &&
          parsed.meta.id == lib.meta.id && parsed.meta.url == lib.meta.url &&
          parsed.meta.date == lib.meta.date && parsed.meta.headline == lib.meta.headline &&
          parsed.meta.dateline == lib.meta.dateline);
    Check(!newsgraph::FindInvalidUtf8(parsed.error));
    // What the batch writes to its errors file must serialize strictly.
    nlohmann::json j;
    j["error"] = parsed.error;
    j["id"] = parsed.meta.id;
    j["headline"] = parsed.meta.headline;
    (void)j.dump();
  }

  static const std::string path =
      "/tmp/newsgraph-fuzz-jsonl-" + std::to_string(getpid()) + ".jsonl";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  newsgraph::BatchOptions o;
  o.inputs = {path};
  o.format = newsgraph::InputFormat::kJsonl;
  o.max_doc_bytes = 1024;
  size_t seen = 0;
  newsgraph::ForEachInput(o, [&](newsgraph::InputDocument& d) {
    ++seen;
    Check(d.error.empty() || d.bytes.empty());
    Check(!newsgraph::FindInvalidUtf8(d.error));
    return true;
  });
  std::remove(path.c_str());
  Check(seen == lines);
  return 0;
}
