// Fuzz target: segmentation of any valid UTF-8 text. Checks that tokens lie
// inside the text, in order and without overlap, and that every sentence is
// a non-empty run of tokens in order.

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "newsgraph/diagnostics.h"
#include "newsgraph/input.h"
#include "newsgraph/rules.h"
#include "newsgraph/text.h"

namespace {
void Check(bool ok) {
  if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto rules = [] {
    newsgraph::Diagnostics d;
    return newsgraph::RuleSet::LoadBuiltin(&d);
  }();
  newsgraph::DocumentMeta meta;
  meta.source = "fuzz";
  auto in = newsgraph::DecodeDocument(std::string(reinterpret_cast<const char*>(data), size),
                                      std::move(meta));
  if (!in.ok()) return 0;
  const std::string& text = in.document->text;
  newsgraph::Segmentation seg = rules->segmenter().Segment(text);
  uint32_t last_end = 0;
  for (const auto& t : seg.tokens) {
    Check(t.span.begin >= last_end && t.span.begin < t.span.end && t.span.end <= text.size());
    Check(t.norm_begin + t.norm_size <= seg.norm_storage.size());
    last_end = t.span.end;
  }
  uint32_t next = 0;
  for (const auto& s : seg.sentences) {
    Check(s.tokens.begin >= next && s.tokens.begin < s.tokens.end &&
          s.tokens.end <= seg.tokens.size());
    next = s.tokens.end;
  }
  return 0;
}
