#include <cmath>
#include <nlohmann/json.hpp>

#include "newsgraph/serialize.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;

Json Number(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15)
    return Json(static_cast<int64_t>(d));
  return Json(d);
}

Json ToJson(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kIri:
    case Value::Kind::kString:
      return Json(v.text);
    case Value::Kind::kNumber:
      return Number(v.number);
    case Value::Kind::kIriList:
    case Value::Kind::kStringList: {
      Json a = Json::array();
      for (const auto& s : v.list) a.push_back(s);
      return a;
    }
  }
  return Json();
}

}  // namespace

// The context, serialized once: it is the same in every document.
const std::string& ContextText(bool pretty) {
  static const std::string kCompact = Json::parse(JsonLdContext()).dump();
  static const std::string kPretty = [] {
    // Indented one level deeper than the document's own keys.
    std::string s = Json::parse(JsonLdContext()).dump(2);
    std::string out;
    for (char c : s) {
      out.push_back(c);
      if (c == '\n') out += "  ";
    }
    return out;
  }();
  return pretty ? kPretty : kCompact;
}

std::string JsonLdWriter::Write(const Graph& g) const {
  Json doc;
  doc["id"] = g.doc_iri;
  doc["type"] = "Article";
  for (const auto& [k, v] : g.doc_properties) doc[k] = ToJson(v);
  doc["mentions"] = Json::array();
  for (const auto& m : g.mentions) doc["mentions"].push_back(m);
  Json nodes = Json::array();
  for (const Node& n : g.nodes) {
    Json j;
    j["id"] = n.iri;
    j["type"] = n.type;
    for (const auto& [k, v] : n.properties) j[k] = ToJson(v);
    if (!n.evidence.empty()) {
      Json ev = Json::array();
      for (const auto& e : n.evidence) {
        Json x;
        x["id"] = e.iri;
        x["type"] = "Evidence";
        x["exact"] = e.exact;
        x["start"] = e.start;
        x["end"] = e.end;
        ev.push_back(std::move(x));
      }
      j["evidence"] = std::move(ev);
    }
    nodes.push_back(std::move(j));
  }
  doc["graph"] = std::move(nodes);
  std::string body = doc.dump(options_.pretty ? 2 : -1, ' ', false,
                              Json::error_handler_t::strict);
  // Splice the context in as the first key.
  std::string out;
  out.reserve(body.size() + ContextText(options_.pretty).size() + 32);
  out += options_.pretty ? "{\n  \"@context\": " : "{\"@context\":";
  out += ContextText(options_.pretty);
  out += ",";
  out.append(body, 1);  // body without its "{"
  return out;
}

}  // namespace newsgraph
