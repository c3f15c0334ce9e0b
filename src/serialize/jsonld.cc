#include <cmath>
#include <cstdint>
#include <cstring>
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

// Writes JSON text straight into a string, formatted exactly as
// nlohmann::json::dump() formats it (compact, or indented by two), without
// building a JSON tree first: this runs once per document.
class JsonOut {
 public:
  JsonOut(std::string* out, bool pretty) : out_(*out), pretty_(pretty) {}

  void Open(char bracket) {
    out_ += bracket;
    first_.push_back(true);
  }
  void Close(char bracket) {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty && pretty_) NewLine();
    out_ += bracket;
  }
  // The next member of an object.
  void Key(std::string_view key) {
    Next();
    String(key);
    out_ += pretty_ ? ": " : ":";
  }
  // The next element of an array.
  void Element() { Next(); }

  // Whether any of the 8 bytes at p is below 0x20, '"' or '\\' (bytes of
  // 0x80 and above are plain): the usual zero-byte tests, per byte.
  static bool NeedsEscape8(const char* p) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    uint64_t w;
    std::memcpy(&w, p, 8);
    auto zero_byte = [&](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
    const uint64_t low = (w - kOnes * 0x20) & ~w & kHigh;  // a byte below 0x20
    return (low | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))) != 0;
  }

  void String(std::string_view s) {
    // Most strings need no escape: found so, they are copied in one go.
    size_t i = 0;
    while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
    while (i < s.size() && !NeedsEscape(s[i])) ++i;
    out_ += '"';
    if (i == s.size()) {
      out_.append(s);
      out_ += '"';
      return;
    }
    static const char* kHex = "0123456789abcdef";
    size_t plain = 0;  // characters copied as they are, appended in one go
    for (; i < s.size(); ++i) {
      // Eight plain bytes at a time (no control character, quote or
      // backslash among them).
      while (i + 8 <= s.size() && !NeedsEscape8(s.data() + i)) i += 8;
      if (i >= s.size()) break;
      const char c = s[i];
      if (!NeedsEscape(c)) continue;
      out_.append(s, plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[(c >> 4) & 0xf];
          out_ += kHex[c & 0xf];
      }
    }
    out_.append(s, plain);
    out_ += '"';
  }
  static bool NeedsEscape(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
  }
  void Integer(int64_t v) { out_ += std::to_string(v); }
  void Value(const newsgraph::Value& v) {
    switch (v.kind) {
      case Value::Kind::kIri:
      case Value::Kind::kString:
        String(v.text);
        return;
      case Value::Kind::kNumber:
        out_ += Number(v.number).dump();
        return;
      case Value::Kind::kIriList:
      case Value::Kind::kStringList:
        Open('[');
        for (const auto& s : v.list) Element(), String(s);
        Close(']');
        return;
    }
  }
  void Raw(std::string_view text) { out_ += text; }

 private:
  void Next() {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    if (pretty_) NewLine();
  }
  void NewLine() {
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
  }
  std::string& out_;
  const bool pretty_;
  std::vector<bool> first_;  // per open bracket: no member written yet
};

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
  std::string out;
  out.reserve(ContextText(options_.pretty).size() + 1024 + 512 * g.nodes.size());
  JsonOut j(&out, options_.pretty);
  j.Open('{');
  j.Key("@context");
  j.Raw(ContextText(options_.pretty));
  j.Key("id");
  j.String(g.doc_iri);
  j.Key("type");
  j.String("Article");
  for (const auto& [k, v] : g.doc_properties) j.Key(k), j.Value(v);
  j.Key("mentions");
  j.Open('[');
  for (const auto& m : g.mentions) j.Element(), j.String(m);
  j.Close(']');
  j.Key("graph");
  j.Open('[');
  for (const Node& n : g.nodes) {
    j.Element();
    j.Open('{');
    j.Key("id");
    j.String(n.iri);
    j.Key("type");
    j.String(n.type);
    for (const auto& [k, v] : n.properties) j.Key(k), j.Value(v);
    if (!n.evidence.empty()) {
      j.Key("evidence");
      j.Open('[');
      for (const auto& e : n.evidence) {
        j.Element();
        j.Open('{');
        j.Key("id");
        j.String(e.iri);
        j.Key("type");
        j.String("Evidence");
        j.Key("exact");
        j.String(e.exact);
        j.Key("start");
        j.Integer(e.start);
        j.Key("end");
        j.Integer(e.end);
        j.Close('}');
      }
      j.Close(']');
    }
    j.Close('}');
  }
  j.Close(']');
  j.Close('}');
  return out;
}

}  // namespace newsgraph
