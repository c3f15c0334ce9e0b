// Unicode helpers over UTF-8: decoding, validation, character classes and
// lower-casing. ASCII takes a fast path; everything else goes through ICU.
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
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c` to `out`.
void AppendUtf8(char32_t c, std::string* out);

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

bool IsLetter(char32_t c);
bool IsDigit(char32_t c);  // decimal digits of any script
bool IsUpper(char32_t c);
bool IsLower(char32_t c);
bool IsSpace(char32_t c);  // white space including NBSP and line breaks
char32_t ToLower(char32_t c);
char32_t ToUpper(char32_t c);

// Lower-cases valid UTF-8 text code point by code point.
std::string ToLowerUtf8(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_UNICODE_H_
