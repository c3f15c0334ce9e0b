// Plain data passed between the pipeline stages.
//
// Every span is a half-open byte range [begin, end) into Document::text, the
// text as received minus a leading byte-order mark. Token ranges are half-open
// indices into Segmentation::tokens. Nothing here owns behaviour: each stage's
// header says who fills what.
//
//   Document doc = ...;                        // input.h
//   Segmentation seg = segmenter.Segment(doc.text);   // text.h
//   Annotation ann = annotator.Annotate(doc, seg);     // annotate.h
//   std::vector<Relation> rels = relator.Relate(doc, seg, ann);  // relate.h
#ifndef NEWSGRAPH_TYPES_H_
#define NEWSGRAPH_TYPES_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph {

// Hash for unordered containers keyed by std::string that are searched by
// std::string_view without building a string (with std::equal_to<>).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// A half-open byte range into a text. Invariant: begin <= end.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// A half-open range of token indices.
struct TokenRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool Overlaps(const TokenRange& o) const {
    return begin < o.end && o.begin < end;
  }
  bool Contains(const TokenRange& o) const {
    return begin <= o.begin && o.end <= end;
  }
  friend bool operator==(const TokenRange&, const TokenRange&) = default;
};

// What the caller knows about a document besides its text.
struct DocumentMeta {
  std::string id;        // the input's own id, if any
  std::string url;       // the input's URL, if any
  std::string date;      // publication date, ISO 8601 (YYYY-MM-DD), if known
  std::string headline;  // if known
  std::string dateline;  // "MONTREAL, March 3", when given apart from the text
  std::string source;    // where it came from ("-" for stdin, or a path)
};

// One article: valid UTF-8 text without a BOM, plus metadata.
struct Document {
  std::string text;
  DocumentMeta meta;
};

// Small ordered key=value list (attributes of lexicon entries and mentions).
using Attributes = std::vector<std::pair<std::string, std::string>>;

// Returns the value of `key` in `attrs`, or an empty view.
inline std::string_view FindAttribute(const Attributes& attrs,
                                      std::string_view key) {
  for (const auto& [k, v] : attrs)
    if (k == key) return v;
  return {};
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_TYPES_H_
