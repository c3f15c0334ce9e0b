#include "newsgraph/unicode.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <unicode/uchar.h>

namespace newsgraph {

namespace unicode_internal {

char32_t DecodeMultiByte(std::string_view s, size_t* pos) {
  size_t i = *pos;
  unsigned char b0 = static_cast<unsigned char>(s[i]);
  // Only C2..DF, E0..EF and F0..F4 start a sequence (RFC 3629).
  int len = (b0 >= 0xC2 && b0 <= 0xDF)   ? 2
            : (b0 >= 0xE0 && b0 <= 0xEF) ? 3
            : (b0 >= 0xF0 && b0 <= 0xF4) ? 4
                                         : 0;
  if (len == 0 || i + len > s.size()) {
    *pos = i + 1;
    return kReplacementChar;
  }
  char32_t c = b0 & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    unsigned char b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return kReplacementChar;
    }
    c = (c << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacementChar;
  }
  *pos = i + len;
  return c;
}

size_t EncodeMultiByte(char32_t c, char* out) {
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

void AppendMultiByte(char32_t c, std::string* out) {
  char bytes[4];
  out->append(bytes, EncodeMultiByte(c, bytes));
}

bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsDigit(char32_t c) { return u_isdigit(static_cast<UChar32>(c)); }
bool IsUpper(char32_t c) { return u_isupper(static_cast<UChar32>(c)); }
bool IsLower(char32_t c) { return u_islower(static_cast<UChar32>(c)); }
bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }
char32_t ToLower(char32_t c) { return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))); }
char32_t ToUpper(char32_t c) { return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))); }

}  // namespace unicode_internal

std::optional<Utf8Error> FindInvalidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Runs of ASCII, eight bytes at a time.
    for (uint64_t w; i + 8 <= n; i += 8) {
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ull) break;
    }
    if (i >= n) break;
    unsigned char b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    int len;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4, min = 0x10000;
    } else if (b0 == 0xC0 || b0 == 0xC1) {
      return Utf8Error{i, "overlong encoding"};
    } else if (b0 >= 0x80 && b0 <= 0xBF) {
      return Utf8Error{i, "unexpected continuation byte"};
    } else {
      return Utf8Error{i, "invalid lead byte"};
    }
    if (i + len > n) return Utf8Error{i, "truncated sequence at end of input"};
    char32_t c = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      unsigned char b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return Utf8Error{i, "truncated sequence"};
      c = (c << 6) | (b & 0x3F);
    }
    if (c < min) return Utf8Error{i, "overlong encoding"};
    if (c >= 0xD800 && c <= 0xDFFF)
      return Utf8Error{i, "surrogate code point"};
    if (c > 0x10FFFF) return Utf8Error{i, "code point above U+10FFFF"};
    i += len;
  }
  return std::nullopt;
}

std::string ToValidUtf8(std::string_view bytes) {
  std::string out;
  while (auto bad = FindInvalidUtf8(bytes)) {
    out.append(bytes.substr(0, bad->offset));
    AppendUtf8(kReplacementChar, &out);
    bytes.remove_prefix(bad->offset + 1);
  }
  out.append(bytes);
  return out;
}

// A code point starts at every byte that does not continue one (10xxxxxx:
// the top bit set and the next one clear). Eight bytes at a time: a word of
// ASCII has none; the others' flags are added up lane by lane and the lanes
// summed by one multiply (a popcount would be a library call without
// -mpopcnt), every 31 words, before the sum of the eight lanes could pass
// a byte.
size_t CountCodePoints(std::string_view s) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  constexpr size_t kWordsPerSum = 31;
  const char* p = s.data();
  size_t n = s.size(), count = 0;
  while (n >= 8) {
    const size_t words = std::min(n / 8, kWordsPerSum);
    uint64_t continuations = 0;
    for (size_t i = 0; i < words; ++i, p += 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      if ((w & kHigh) != 0) continuations += (w & ~(w << 1) & kHigh) >> 7;
    }
    count += 8 * words - static_cast<size_t>((continuations * 0x0101010101010101ull) >> 56);
    n -= 8 * words;
  }
  for (; n > 0; --n, ++p)
    if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++count;
  return count;
}

std::string ToLowerUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b));
      ++i;
      continue;
    }
    AppendUtf8(ToLower(DecodeUtf8(text, &i)), &out);
  }
  return out;
}

}  // namespace newsgraph
