// Unicode helpers over UTF-8: decoding, validation, character classes and
// lower-casing. ASCII takes an inline fast path; everything else goes
// through ICU.
//
//   size_t i = 0;
//   char32_t c = DecodeUtf8(text, &i);   // advances i past one code point
//   std::string low = ToLowerUtf8("ÉCOLE");   // "école"
#ifndef NEWSGRAPH_UNICODE_H_
#define NEWSGRAPH_UNICODE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at byte `*pos` and advances `*pos` past it. The text
// must be valid UTF-8 (see FindInvalidUtf8); on a malformed byte it returns
// kReplacementChar and advances by one byte.
inline char32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c` to `out`.
inline void AppendUtf8(char32_t c, std::string* out);

// Writes the UTF-8 encoding of `c` to `out`, which must have room for four
// bytes, and returns how many it wrote: the same bytes as AppendUtf8, for
// callers that fill a buffer they sized once.
inline size_t EncodeUtf8(char32_t c, char* out);

// Where and why a byte string is not valid UTF-8.
struct Utf8Error {
  size_t offset = 0;   // byte offset of the first bad byte
  std::string reason;  // e.g. "overlong encoding", "surrogate code point"
};

// Returns the first UTF-8 error in `bytes`, or nothing when it is all valid.
// Rejects overlong forms, surrogates (U+D800..U+DFFF), code points above
// U+10FFFF and truncated sequences, as RFC 3629 requires.
std::optional<Utf8Error> FindInvalidUtf8(std::string_view bytes);

// `bytes` with every byte that is not part of valid UTF-8 replaced by U+FFFD,
// for messages that quote input (parser errors, file names).
std::string ToValidUtf8(std::string_view bytes);

// Number of code points in valid UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

inline bool IsLetter(char32_t c);
inline bool IsDigit(char32_t c);  // decimal digits of any script
inline bool IsUpper(char32_t c);
inline bool IsLower(char32_t c);
inline bool IsSpace(char32_t c);  // white space including NBSP and line breaks
inline char32_t ToLower(char32_t c);
inline char32_t ToUpper(char32_t c);

// Lower-cases valid UTF-8 text code point by code point.
std::string ToLowerUtf8(std::string_view text);

// ------------------------------------------------------------ inline
// ASCII, nearly all of an English news text, is decided here; the rest goes
// to the out-of-line functions in unicode.cc.
namespace unicode_internal {
char32_t DecodeMultiByte(std::string_view text, size_t* pos);
void AppendMultiByte(char32_t c, std::string* out);
size_t EncodeMultiByte(char32_t c, char* out);
bool IsLetter(char32_t c);
bool IsDigit(char32_t c);
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsSpace(char32_t c);
char32_t ToLower(char32_t c);
char32_t ToUpper(char32_t c);
}  // namespace unicode_internal

inline char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const unsigned char b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  return unicode_internal::DecodeMultiByte(text, pos);
}
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else {
    unicode_internal::AppendMultiByte(c, out);
  }
}
inline size_t EncodeUtf8(char32_t c, char* out) {
  if (c < 0x80) {
    *out = static_cast<char>(c);
    return 1;
  }
  return unicode_internal::EncodeMultiByte(c, out);
}
inline bool IsLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return unicode_internal::IsLetter(c);
}
inline bool IsDigit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return unicode_internal::IsDigit(c);
}
inline bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return unicode_internal::IsUpper(c);
}
inline bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return unicode_internal::IsLower(c);
}
inline bool IsSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return unicode_internal::IsSpace(c);
}
inline char32_t ToLower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  return unicode_internal::ToLower(c);
}
inline char32_t ToUpper(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  return unicode_internal::ToUpper(c);
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_UNICODE_H_
