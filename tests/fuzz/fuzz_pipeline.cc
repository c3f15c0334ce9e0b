// Fuzz target: the whole pipeline, text in, JSON-LD out. Checks that the
// output parses as JSON and that every evidence selector lies inside the
// input with `exact` equal to the text between `start` and `end` (offsets
// in code points).

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "newsgraph/diagnostics.h"
#include "newsgraph/input.h"
#include "newsgraph/pipeline.h"
#include "newsgraph/rules.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckEvidence(const nlohmann::json& j, const std::string& text,
                   const std::vector<size_t>& cp_to_byte) {
  if (j.is_object()) {
    if (j.value("type", "") == "Evidence") {
      size_t s = j.at("start").get<size_t>(), e = j.at("end").get<size_t>();
      Check(s <= e && e < cp_to_byte.size());
      Check(text.substr(cp_to_byte[s], cp_to_byte[e] - cp_to_byte[s]) ==
            j.at("exact").get<std::string>());
    }
    for (const auto& [k, v] : j.items()) CheckEvidence(v, text, cp_to_byte);
  } else if (j.is_array()) {
    for (const auto& v : j) CheckEvidence(v, text, cp_to_byte);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const newsgraph::Pipeline* pipeline = [] {
    newsgraph::Diagnostics d;
    return new newsgraph::Pipeline(newsgraph::RuleSet::LoadBuiltin(&d), {});
  }();
  newsgraph::DocumentMeta meta;
  meta.source = "fuzz";
  auto in = newsgraph::DecodeDocument(std::string(reinterpret_cast<const char*>(data), size),
                                      std::move(meta));
  if (!in.ok()) return 0;
  const std::string& text = in.document->text;
  newsgraph::PipelineResult r = pipeline->Process(*in.document);
  nlohmann::json out = nlohmann::json::parse(r.output, nullptr, false);
  Check(!out.is_discarded());
  std::vector<size_t> cp_to_byte;  // code point i starts at byte cp_to_byte[i]
  for (size_t b = 0; b < text.size(); ++b)
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) cp_to_byte.push_back(b);
  cp_to_byte.push_back(text.size());
  CheckEvidence(out, text, cp_to_byte);
  return 0;
}
