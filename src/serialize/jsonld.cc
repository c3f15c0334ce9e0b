#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "newsgraph/serialize.h"

namespace newsgraph {
namespace {

using Json = nlohmann::ordered_json;

// Writes JSON text straight into a string, formatted exactly as
// nlohmann::json::dump() formats it (compact, or indented by two), without
// building a JSON tree first: this runs once per document. Bytes are stored
// through a cursor into the string, which is grown ahead (Room), so that a
// character costs a store rather than a push_back's checks; Finish() cuts
// the string to what was written. Its capacity is reserved at once, but
// it is grown (zero-filled) a kilobyte at a time, and long text is appended
// to it directly: past 2 KB glibc's memset is rep stosb, a store per byte
// as callgrind counts it, dearer than writing the text itself.
class JsonOut {
 public:
  // `size_hint`: the bytes the text probably takes (it may take more).
  JsonOut(std::string* out, bool pretty, size_t size_hint) : out_(*out), pretty_(pretty) {
    out_.reserve(out_.size() + size_hint);
    cursor_ = end_ = out_.data() + out_.size();
  }
  void Finish() { out_.resize(Used()); }

  void Open(char bracket) {
    Put(bracket);
    assert(depth_ + 1 < kMaxDepth);
    first_[++depth_] = true;
  }
  void Close(char bracket) {
    const bool empty = first_[depth_--];
    if (!empty && pretty_) NewLine();
    Put(bracket);
  }
  // The next member of an object.
  void Key(std::string_view key) {
    if (!pretty_) {
      // The comma, the quoted key and the colon in one go.
      char* p = Room(key.size() + 4);
      if (!first_[depth_]) *p++ = ',';
      if (char* end = QuotedIfPlain(p, key)) {
        first_[depth_] = false;
        *end++ = ':';
        Commit(end);
        return;
      }
    }
    Next();
    String(key);
    Append(pretty_ ? ": " : ":");
  }
  // The next element of an array.
  void Element() { Next(); }

  void String(std::string_view s) {
    if (char* end = QuotedIfPlain(Room(s.size() + 2), s)) {
      Commit(end);
      return;
    }
    StringWithEscapes(s);
  }
  void Integer(int64_t v) {
    char* p = Room(20);
    Commit(std::to_chars(p, p + 20, v).ptr);
  }
  // A number as nlohmann::json writes the value JsonLdWriter has always
  // given it: a whole number that a double holds exactly as an integer,
  // anything else as a double (by the library's own shortest round-trip
  // formatting, the one dump() uses), and NaN or infinity as null.
  void Number(double d) {
    if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15) {
      Integer(static_cast<int64_t>(d));
    } else if (!std::isfinite(d)) {
      Append("null");
    } else {
      char* p = Room(kDoubleRoom);
      Commit(nlohmann::detail::to_chars(p, p + kDoubleRoom, d));
    }
  }
  void Value(const newsgraph::Value& v) {
    switch (v.kind) {
      case Value::Kind::kIri:
      case Value::Kind::kString:
        String(v.text);
        return;
      case Value::Kind::kNumber:
        Number(v.number);
        return;
      case Value::Kind::kIriList:
      case Value::Kind::kStringList:
        Open('[');
        for (const auto& s : v.list) Element(), String(s);
        Close(']');
        return;
    }
  }
  void Raw(std::string_view text) { Append(text); }

 private:
  // Objects and arrays open at once; JsonLdWriter nests five deep.
  static constexpr int kMaxDepth = 8;
  // Bytes of room made at a time, unless more are asked for.
  static constexpr size_t kGrowth = 1024;
  // nlohmann::json formats a double into a buffer of this size.
  static constexpr size_t kDoubleRoom = 64;

  static bool NeedsEscape(char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == '"' || c == '\\';
  }
  // Whether any of the 8 bytes of `w` is below 0x20, '"' or '\\' (bytes of
  // 0x80 and above are plain): the usual zero-byte tests, per byte, of w,
  // w ^ '"' and w ^ '\\' (after subtracting 0x20, 1 and 1), which share
  // their top bits and so their mask.
  static bool NeedsEscape8(uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const uint64_t below_space = w - kOnes * 0x20;
    const uint64_t quote = (w ^ (kOnes * '"')) - kOnes;
    const uint64_t backslash = (w ^ (kOnes * '\\')) - kOnes;
    return ((below_space | quote | backslash) & ~w & kHigh) != 0;
  }
  static uint64_t Load8(const char* p) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return w;
  }
  // Copies `s` to `to` when no byte of it needs an escape, and says whether
  // it did (else part of it may be copied). Eight bytes are tested and
  // copied at a time; the last word overlaps the one before it rather than
  // leaving a tail, and four to seven bytes go as two overlapping halves.
  static bool CopyIfPlain(char* to, std::string_view s) {
    const char* from = s.data();
    const size_t n = s.size();
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        const uint64_t w = Load8(from + i);
        if (NeedsEscape8(w)) return false;
        std::memcpy(to + i, &w, 8);
      }
      const uint64_t last = Load8(from + n - 8);
      if (NeedsEscape8(last)) return false;
      std::memcpy(to + n - 8, &last, 8);
      return true;
    }
    if (n >= 4) {
      uint32_t head, tail;
      std::memcpy(&head, from, 4);
      std::memcpy(&tail, from + n - 4, 4);
      if (NeedsEscape8(head | uint64_t{tail} << 32)) return false;
      std::memcpy(to, &head, 4);
      std::memcpy(to + n - 4, &tail, 4);
      return true;
    }
    for (size_t i = 0; i < n; ++i) {
      if (NeedsEscape(from[i])) return false;
      to[i] = from[i];
    }
    return true;
  }
  // Nearly every string needs no escape: found so, it is quoted at `to`
  // (room for its size and two) in one go, and the end is returned; else
  // nullptr.
  static char* QuotedIfPlain(char* to, std::string_view s) {
    *to++ = '"';
    if (!CopyIfPlain(to, s)) return nullptr;
    to += s.size();
    *to++ = '"';
    return to;
  }
  void StringWithEscapes(std::string_view s) {
    static const char* kHex = "0123456789abcdef";
    // Each byte takes at most six (\u00XX).
    char* p = Room(6 * s.size() + 2);
    *p++ = '"';
    size_t i = 0;
    while (i < s.size()) {
      // Eight plain bytes at a time.
      if (i + 8 <= s.size() && !NeedsEscape8(Load8(s.data() + i))) {
        std::memcpy(p, s.data() + i, 8);
        p += 8;
        i += 8;
        continue;
      }
      const char c = s[i++];
      if (!NeedsEscape(c)) {
        *p++ = c;
        continue;
      }
      *p++ = '\\';
      switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default:
          std::memcpy(p, "u00", 3);
          p += 3;
          *p++ = kHex[(c >> 4) & 0xf];
          *p++ = kHex[c & 0xf];
      }
    }
    *p++ = '"';
    Commit(p);
  }

  void Next() {
    if (!first_[depth_]) Put(',');
    first_[depth_] = false;
    if (pretty_) NewLine();
  }
  void NewLine() {
    const size_t indent = 2 * static_cast<size_t>(depth_);
    char* p = Room(1 + indent);
    *p++ = '\n';
    std::memset(p, ' ', indent);
    Commit(p + indent);
  }

  // The cursor, with at least `n` bytes of room after it.
  char* Room(size_t n) {
    if (static_cast<size_t>(end_ - cursor_) < n) Grow(n);
    return cursor_;
  }
  void Grow(size_t n) {
    const size_t used = Used();
    out_.resize(used + std::max(n, kGrowth));
    cursor_ = out_.data() + used;
    end_ = out_.data() + out_.size();
  }
  size_t Used() const { return static_cast<size_t>(cursor_ - out_.data()); }
  // Everything before `end` (a pointer from Room) is written.
  void Commit(char* end) { cursor_ = end; }
  void Put(char c) {
    char* p = Room(1);
    *p = c;
    Commit(p + 1);
  }
  void Append(std::string_view text) {
    if (text.size() > kGrowth) {
      // Onto the end of the string, not into room filled first (the context).
      out_.resize(Used());
      out_.append(text);
      cursor_ = end_ = out_.data() + out_.size();
      return;
    }
    char* p = Room(text.size());
    std::memcpy(p, text.data(), text.size());
    Commit(p + text.size());
  }

  std::string& out_;
  const bool pretty_;
  char* cursor_;  // in out_: bytes before it are written, bytes after it are room
  char* end_;     // out_'s end
  int depth_ = 0;  // brackets open
  std::array<bool, kMaxDepth> first_{};  // per open bracket: no member written yet
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
  const size_t size_hint = ContextText(options_.pretty).size() + 1024 + 512 * g.nodes.size();
  JsonOut j(&out, options_.pretty, size_hint);
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
  j.Finish();
  return out;
}

}  // namespace newsgraph
