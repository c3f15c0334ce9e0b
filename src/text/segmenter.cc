#include <algorithm>
#include <array>
#include <cstring>

#include "newsgraph/text.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

// ASCII letters and digits, by byte (0 for every other byte).
constexpr uint8_t kLetterByte = 1;
constexpr uint8_t kDigitByte = 2;
constexpr std::array<uint8_t, 256> kAlnumByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = kLetterByte;
    if (c >= '0' && c <= '9') t[c] = kDigitByte;
  }
  return t;
}();

// ASCII bytes that cannot continue a word or number once its letters and
// digits have run out: everything but - . , ' & $ (whose rules follow) and
// the bytes of other code points.
constexpr std::array<bool, 256> kEndsWord = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = !kAlnumByte[c];
  for (char c : {'-', '.', ',', '\'', '&', '$'})
    t[static_cast<unsigned char>(c)] = false;
  return t;
}();

constexpr bool IsAsciiSpace(unsigned char b) {
  return b == ' ' || (b >= '\t' && b <= '\r');
}

// What an ASCII byte starts: kLetterByte, kDigitByte, white space, or a
// token of one byte whatever follows, of kind kLoneKind; 0 for what the
// general path decides (' . - and every byte above 0x7F).
constexpr uint8_t kSpaceClass = 4;
constexpr uint8_t kLoneClass = 8;
constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = kAlnumByte[c]     ? kAlnumByte[c]
           : IsAsciiSpace(c) ? kSpaceClass
                             : kLoneClass;
  }
  for (char c : {'\'', '.', '-'}) t[static_cast<unsigned char>(c)] = 0;
  return t;
}();
constexpr std::array<TokenKind, 256> kLoneKind = [] {
  std::array<TokenKind, 256> t{};
  for (auto& k : t) k = TokenKind::kPunct;
  t['"'] = TokenKind::kQuote;
  for (char c : {'$', '%', '&'})
    t[static_cast<unsigned char>(c)] = TokenKind::kSymbol;
  return t;
}();

inline bool IsAlnum(char32_t c) {
  if (c < 0x80) return kAlnumByte[c] != 0;
  return unicode_internal::IsLetter(c) || unicode_internal::IsDigit(c);
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsLongDash(char32_t c) {
  return c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212;
}
bool IsDoubleQuote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB ||
         c == 0x00BB || c == 0x2033;
}
bool IsSingleQuote(char32_t c) {
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x2032;
}
bool IsCurrencySign(char32_t c) {
  return c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x00A5 || c == 0x20B9 ||
         c == 0x20A9 || c == 0x20BD || c == 0x00A2;
}
bool IsTerminal(std::string_view norm) {
  if (norm.size() == 1)
    return norm[0] == '.' || norm[0] == '!' || norm[0] == '?';
  return norm == "...";
}

// Eight ASCII bytes lower-cased at once; bytes 0x80 and above are kept.
inline uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const uint64_t low7 = w & ~kHigh;
  const uint64_t at_least_a = low7 + 0x3F3F3F3F3F3F3F3Full;  // 0x80 - 'A'
  const uint64_t above_z = low7 + 0x2525252525252525ull;     // 0x80 - 'Z' - 1
  const uint64_t upper = at_least_a & ~above_z & ~w & kHigh;
  return w | (upper >> 2);
}

// Where the run of ASCII letters and digits from `p` ends; sets `*letter`
// if the run has a letter. (Eight bytes at a time was no quicker: most
// runs are shorter.)
inline size_t AsciiAlnumRunEnd(const unsigned char* s, size_t p, size_t n,
                               bool* letter) {
  uint8_t seen = 0;
  for (; p < n && kAlnumByte[s[p]]; ++p) seen |= kAlnumByte[s[p]];
  *letter = *letter || (seen & kLetterByte);
  return p;
}

// A cursor over the code points of the text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  // Code point at `pos` (0 past the end) and the position after it.
  char32_t At(size_t pos, size_t* next = nullptr) const {
    if (pos >= text_.size()) {
      if (next) *next = pos;
      return 0;
    }
    size_t p = pos;
    char32_t c = DecodeUtf8(text_, &p);
    if (next) *next = p;
    return c;
  }

 private:
  std::string_view text_;
};

// Appends tokens and writes their normal forms straight into
// norm_storage, which is sized for the text up front and trimmed by
// Finish(), so that a token costs no string growth.
class Builder {
 public:
  Builder(std::string_view text, Segmentation* out) : text_(text), out_(out) {
    out_->norm_storage.resize(text.size() + kSlack);
    norm_ = out_->norm_storage.data();
    norm_room_ = text.size();
  }
  void Finish() { out_->norm_storage.resize(norm_size_); }

  // Token [begin, end) of any bytes.
  void Add(size_t begin, size_t end, TokenKind kind) {
    const size_t most = 3 * (end - begin);
    if (norm_size_ + most > norm_room_) Grow(most);
    const uint32_t norm_begin = static_cast<uint32_t>(norm_size_);
    norm_size_ +=
        Normalize(text_.substr(begin, end - begin), kind, norm_ + norm_size_);
    Push(begin, end, kind, norm_begin);
  }
  // Token [begin, end) of ASCII bytes only, not a dash: its normal form is
  // its text lower-cased, eight bytes at a time while the text lasts.
  void AddAscii(size_t begin, size_t end, TokenKind kind) {
    const size_t size = end - begin;
    if (norm_size_ + size > norm_room_) Grow(size);
    char* o = norm_ + norm_size_;
    const char* s = text_.data() + begin;
    const size_t rounded = (size + 7) & ~size_t{7};
    if (text_.size() - begin >= rounded) {
      for (size_t i = 0; i < rounded; i += 8) {
        uint64_t w;
        std::memcpy(&w, s + i, 8);
        w = LowerAscii8(w);
        std::memcpy(o + i, &w, 8);  // within the slack past norm_room_
      }
    } else {
      LowerTail(s, size, o);
    }
    const uint32_t norm_begin = static_cast<uint32_t>(norm_size_);
    norm_size_ += size;
    Push(begin, end, kind, norm_begin);
  }
  void Space(char32_t c) {
    pending_space_ = true;
    if (c == '\n' && pending_newlines_ < 255) ++pending_newlines_;
  }

 private:
  // Bytes past norm_room_ that a token may overwrite (eight-byte stores).
  static constexpr size_t kSlack = 16;

  // Makes room for `size` more bytes of normal form.
  [[gnu::noinline]] void Grow(size_t size) {
    std::string& s = out_->norm_storage;
    s.resize(std::max(2 * s.size(), norm_size_ + size + kSlack));
    norm_ = s.data();
    norm_room_ = s.size() - kSlack;
  }

  // The last bytes of the text, too few for an eight-byte load.
  [[gnu::noinline]] static void LowerTail(const char* s, size_t size, char* o) {
    for (size_t i = 0; i < size; ++i)
      o[i] = static_cast<char>(ToLower(static_cast<unsigned char>(s[i])));
  }

  void Push(size_t begin, size_t end, TokenKind kind, uint32_t norm_begin) {
    Token& t = out_->tokens.emplace_back();
    t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.norm_begin = norm_begin;
    t.norm_size = static_cast<uint32_t>(norm_size_) - norm_begin;
    t.kind = kind;
    t.space_before = pending_space_;
    t.newlines_before = pending_newlines_;
    pending_space_ = false;
    pending_newlines_ = 0;
  }

  // Writes the normal form of `s` to `o`, which has room for three bytes
  // per byte of `s` (the most a code point's form takes: U+FFFD for a
  // malformed byte), and returns its size.
  static size_t Normalize(std::string_view s, TokenKind kind, char* o) {
    if (kind == TokenKind::kDash) {
      o[0] = '-';
      o[1] = '-';
      return s == "-" ? 1 : 2;
    }
    // ASCII only lower-cases (its quotes are already the plain ones).
    size_t i = 0;
    for (; i < s.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(s[i]);
      if (ch >= 0x80) break;
      o[i] = static_cast<char>(ToLower(ch));
    }
    size_t n = i;
    while (i < s.size()) {
      char32_t c = DecodeUtf8(s, &i);
      if (IsDoubleQuote(c)) {
        o[n++] = '"';
      } else if (IsSingleQuote(c)) {
        o[n++] = '\'';
      } else if (c == 0x2010 || c == 0x2011) {
        o[n++] = '-';
      } else if (c == 0x2026) {
        o[n++] = '.';
        o[n++] = '.';
        o[n++] = '.';
      } else {
        n += EncodeUtf8(ToLower(c), o + n);
      }
    }
    return n;
  }

  std::string_view text_;
  Segmentation* out_;
  char* norm_;        // norm_storage.data()
  size_t norm_room_;  // norm_storage.size() less the slack
  size_t norm_size_ = 0;
  bool pending_space_ = false;
  uint8_t pending_newlines_ = 0;
};

// Up to eight bytes as an integer, the first in the low byte. Distinct
// strings that end in a period pack distinctly.
uint64_t PackShort(std::string_view s) {
  uint64_t key = 0;
  for (size_t i = 0; i < s.size(); ++i)
    key |= uint64_t{static_cast<unsigned char>(s[i])} << (8 * i);
  return key;
}

size_t ShortSlot(uint64_t key, int shift) {
  return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift);
}

}  // namespace

Segmenter::Segmenter(Options options)
    : max_sentence_tokens_(std::max<uint32_t>(options.max_sentence_tokens, 8)) {
  for (auto& a : options.abbreviations) abbreviations_.insert(a);
  for (auto& a : options.sentence_final_abbreviations) {
    abbreviations_.insert(a);
    final_abbreviations_.insert(a);
    if (!a.empty()) final_last_bytes_.set(static_cast<unsigned char>(a.back()));
  }
  size_t short_count = 0;
  for (const std::string& a : abbreviations_) {
    longest_abbreviation_ = std::max(longest_abbreviation_, a.size());
    if (a.size() <= 8 && !a.empty() && a.back() == '.') ++short_count;
  }
  // At most half full, so that a miss soon meets an empty slot.
  int bits = 1;
  while ((size_t{1} << bits) < 2 * short_count) ++bits;
  short_abbreviation_shift_ = 64 - bits;
  short_abbreviations_.assign(size_t{1} << bits, 0);
  const size_t mask = short_abbreviations_.size() - 1;
  for (const std::string& a : abbreviations_) {
    if (a.size() > 8 || a.empty() || a.back() != '.') continue;
    const uint64_t key = PackShort(a);
    size_t slot = ShortSlot(key, short_abbreviation_shift_);
    while (short_abbreviations_[slot] != 0) slot = (slot + 1) & mask;
    short_abbreviations_[slot] = key;
  }
}

bool Segmenter::IsAbbreviationBeforePeriod(std::string_view word) const {
  const bool ascii = std::all_of(word.begin(), word.end(), [](char ch) {
    return static_cast<unsigned char>(ch) < 0x80;
  });
  if (!ascii) return abbreviations_.count(ToLowerUtf8(word) + ".") > 0;
  // ASCII lower-cases byte for byte: a word no entry is long enough for
  // needs no lookup, and a short one is looked up packed.
  if (word.size() + 1 > longest_abbreviation_) return false;
  if (word.size() + 1 <= 8) {
    uint64_t key = uint64_t{'.'} << (8 * word.size());
    for (size_t i = 0; i < word.size(); ++i)
      key |= uint64_t{static_cast<unsigned char>(
                 ToLower(static_cast<unsigned char>(word[i])))}
             << (8 * i);
    const size_t mask = short_abbreviations_.size() - 1;
    for (size_t slot = ShortSlot(key, short_abbreviation_shift_);;
         slot = (slot + 1) & mask) {
      if (short_abbreviations_[slot] == key) return true;
      if (short_abbreviations_[slot] == 0) return false;
    }
  }
  return abbreviations_.count(ToLowerUtf8(word) + ".") > 0;
}

std::vector<std::string> Segmenter::PhraseWords(std::string_view phrase,
                                                bool as_written) const {
  const bool one_word =
      !phrase.empty() && std::all_of(phrase.begin(), phrase.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      });
  std::vector<std::string> words;
  if (one_word) {
    words.push_back(as_written ? std::string(phrase) : ToLowerUtf8(phrase));
    return words;
  }
  const Segmentation seg = Segment(phrase);
  words.reserve(seg.tokens.size());
  for (const Token& t : seg.tokens)
    words.emplace_back(as_written ? TokenText(phrase, t) : seg.norm(t));
  return words;
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation seg;
  seg.tokens.reserve(text.size() / 5 + 4);
  Scanner sc(text);
  Builder b(text, &seg);
  const size_t n = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());

  // A word or number that starts at `start` with code point `c`, of which
  // [start, p) has been read: returns where it ends, after adding it (or
  // the number and the word it splits into).
  // (bytes and n by value: captured by reference, they would be reloaded
  // from memory in the loop below after each store of a normal form.)
  auto word_or_number = [&, bytes, n](size_t start, size_t p, char32_t c,
                                      bool leading_point, bool all_digits,
                                      size_t segment_letters) -> size_t {
    // all_digits: digits, and . or , between digits
    // segment_letters: letters since the last period
    bool has_point = false;  // a letter-period-letter abbreviation so far
    bool currency_prefix = false;
    while (true) {
      // ASCII letters and digits, most of any token, need no decoding.
      const size_t run = p;
      uint8_t seen = 0;
      while (p < n && kAlnumByte[bytes[p]]) seen |= kAlnumByte[bytes[p++]];
      if (seen & kLetterByte) all_digits = false;
      if (seen & kDigitByte) {
        size_t m = p;
        while (kAlnumByte[bytes[m - 1]] == kLetterByte) --m;
        segment_letters = p - m;
      } else {
        segment_letters += p - run;
      }
      // Most tokens end at a byte that no rule below takes.
      if (p >= n || kEndsWord[bytes[p]]) break;
      size_t q;
      char32_t d = sc.At(p, &q);
      if (IsAlnum(d) || (d != 0 && d >= 0x300 && d <= 0x36F)) {
        if (!IsDigit(d)) all_digits = false;
        segment_letters = IsLetter(d) ? segment_letters + 1 : 0;
        p = q;
        continue;
      }
      char32_t after = sc.At(q);
      if (IsHyphen(d) && IsAlnum(after)) {
        p = q;
        segment_letters = 0;
        continue;
      }
      if (d == '.' && all_digits && IsDigit(after)) {
        p = q;
        continue;
      }
      if (d == '.' && segment_letters == 1 && IsLetter(after)) {
        // U.S., N.V., F.W.: single letters separated by periods.
        size_t r;
        sc.At(q, &r);
        if (sc.At(r) == '.') {
          has_point = true;
          segment_letters = 0;
          p = q;
          continue;
        }
      }
      if (d == ',' && all_digits && IsDigit(after)) {
        // Thousands separator: exactly three digits follow.
        size_t r = q;
        int digits = 0;
        while (digits < 4 && IsDigit(sc.At(r))) {
          sc.At(r, &r);
          ++digits;
        }
        if (digits == 3) {
          p = q;
          continue;
        }
      }
      if (IsApostrophe(d) && IsLetter(after) && !all_digits) {
        size_t r;
        sc.At(q, &r);
        bool possessive = (after == 's' || after == 'S') && !IsAlnum(sc.At(r));
        if (!possessive) {
          p = q;
          continue;
        }
      }
      if (d == '&' && IsUpper(after) && p > start && IsUpper(sc.At(p - 1))) {
        p = q;
        continue;
      }
      if (d == '$' && !all_digits && p - start <= 3) {
        bool upper = true;
        for (size_t k = start; k < p; ++k)
          upper = upper && text[k] >= 'A' && text[k] <= 'Z';
        if (upper) {  // HK$, US$, C$
          p = q;
          currency_prefix = true;
        }
      }
      break;
    }
    if (currency_prefix) {
      b.Add(start, p, TokenKind::kSymbol);
      return p;
    }
    // A trailing period that belongs to the token.
    if (p < n && text[p] == '.' && !all_digits) {
      bool initial = p - start == 1 && IsUpper(sc.At(start));
      if (has_point || initial ||
          IsAbbreviationBeforePeriod(text.substr(start, p - start)))
        p += 1;
    }
    TokenKind kind =
        IsDigit(c) || leading_point ? TokenKind::kNumber : TokenKind::kWord;
    // Split a number glued to a word: "2.7million", "5.2bn". A number of
    // digits, points and commas alone has no word to split off.
    if (kind == TokenKind::kNumber && !all_digits) {
      size_t k = start;
      bool punct = false;
      while (k < p && (IsDigit(static_cast<unsigned char>(text[k])) ||
                       text[k] == '.' || text[k] == ',')) {
        punct = punct || text[k] == '.' || text[k] == ',';
        ++k;
      }
      // "5bn", "300million": digits then lower-case letters, except
      // ordinal and plural endings (21st, 1980s).
      std::string_view tail = text.substr(k, p - k);
      bool suffix = tail == "st" || tail == "nd" || tail == "rd" ||
                    tail == "th" || tail == "s";
      bool lower_tail = !tail.empty();
      for (size_t m = k; m < p;)
        lower_tail = IsLower(sc.At(m, &m)) && lower_tail;
      if ((punct || (lower_tail && !suffix)) && k < p && IsLetter(sc.At(k)) &&
          text[k - 1] != '.') {
        bool letters_only = true;
        for (size_t m = k; m < p;)
          letters_only = IsLetter(sc.At(m, &m)) && letters_only;
        if (letters_only) {
          b.Add(start, k, TokenKind::kNumber);
          b.Add(k, p, TokenKind::kWord);
          return p;
        }
      }
    }
    b.Add(start, p, kind);
    return p;
  };

  // Any other token from `start`, or white space that is not ASCII:
  // returns where it ends.
  auto other = [&](size_t start) -> size_t {
    size_t next;
    char32_t c = sc.At(start, &next);
    if (IsSpace(c) || c == 0xFEFF) {
      b.Space(c);
      return next;
    }
    // Numbers written ".125".
    bool leading_point = c == '.' && IsDigit(sc.At(next));
    if (IsAlnum(c) || leading_point) {
      return word_or_number(start, leading_point ? next : start, c,
                            leading_point, true, 0);
    }
    if (IsApostrophe(c) && (sc.At(next) == 's' || sc.At(next) == 'S')) {
      size_t r;
      sc.At(next, &r);
      bool attached = seg.tokens.empty() || seg.tokens.back().span.end == start;
      if (!IsAlnum(sc.At(r)) && attached) {
        b.Add(start, r, TokenKind::kQuote);
        return r;
      }
    }
    if (IsDoubleQuote(c) || IsSingleQuote(c)) {
      b.Add(start, next, TokenKind::kQuote);
    } else if (IsLongDash(c)) {
      b.Add(start, next, TokenKind::kDash);
    } else if (c == '-') {
      size_t p = next;
      while (sc.At(p) == '-') p += 1;
      b.Add(start, p, TokenKind::kDash);
      next = p;
    } else if (c == '.' && sc.At(next) == '.') {
      size_t p = next;
      while (sc.At(p) == '.') p += 1;
      b.Add(start, p, TokenKind::kPunct);
      next = p;
    } else if (IsCurrencySign(c) || c == '%' || c == '&' || c == 0x2030) {
      b.Add(start, next, TokenKind::kSymbol);
    } else {
      b.Add(start, next, TokenKind::kPunct);
    }
    return next;
  };

  size_t pos = 0;
  while (pos < n) {
    // ASCII white space and punctuation, and the ASCII words and numbers
    // that end at a byte no rule takes (nearly all tokens), are done here.
    const unsigned char lead = bytes[pos];
    const uint8_t lead_class = kAsciiClass[lead];
    if (lead_class == kSpaceClass) {
      b.Space(lead);
      ++pos;
      continue;
    }
    size_t end = pos + 1;
    TokenKind kind = TokenKind::kPunct;
    if (lead_class & (kLetterByte | kDigitByte)) {
      bool letter = lead_class == kLetterByte;
      end = AsciiAlnumRunEnd(bytes, end, n, &letter);
      const bool number = lead_class == kDigitByte;
      const unsigned char stop = end < n ? bytes[end] : 0;
      bool done = kEndsWord[stop];
      if (number) {
        done = done && !letter;  // "5bn", "21st": the rules for a split
      } else if (stop == ',') {
        done = true;  // only a number takes a comma
      } else if (stop == '.' && end - 1 > pos &&
                 kAlnumByte[bytes[end - 2]] == kLetterByte) {
        // More than one letter before the period, so not U.S. nor an
        // initial: the period is the word's if it is an abbreviation.
        done = true;
        if (IsAbbreviationBeforePeriod(text.substr(pos, end - pos))) ++end;
      }
      if (!done) {
        size_t m = end;
        while (m > pos && kAlnumByte[bytes[m - 1]] == kLetterByte) --m;
        pos = word_or_number(pos, end, lead, false, !letter, end - m);
        continue;
      }
      kind = number ? TokenKind::kNumber : TokenKind::kWord;
    } else if (lead_class == kLoneClass) {
      kind = kLoneKind[lead];
    } else if (lead == '.' &&
               (end == n || (bytes[end] < 0x80 && bytes[end] != '.' &&
                             kAlnumByte[bytes[end]] != kDigitByte))) {
      kind = TokenKind::kPunct;  // not ".125" nor "..."
    } else if (lead == '-' && (end == n || bytes[end] != '-')) {
      kind = TokenKind::kDash;  // not "--"
    } else {
      pos = other(pos);
      continue;
    }
    b.AddAscii(pos, end, kind);
    pos = end;
  }
  b.Finish();

  FindSentences(text, &seg);
  return seg;
}

void Segmenter::FindSentences(std::string_view text, Segmentation* seg) const {
  const Token* tokens = seg->tokens.data();
  const char* norms = seg->norm_storage.data();
  auto norm = [&](uint32_t i) {
    return std::string_view(norms + tokens[i].norm_begin, tokens[i].norm_size);
  };
  auto first_char = [&](uint32_t i) {
    size_t p = tokens[i].span.begin;
    return DecodeUtf8(text, &p);
  };
  const uint32_t count = static_cast<uint32_t>(seg->tokens.size());
  const uint32_t max_tokens = max_sentence_tokens_;
  seg->sentences.reserve(count / 16 + 1);
  uint32_t first = 0;
  auto close = [&](uint32_t end) {
    if (end <= first) return;
    Sentence s;
    s.tokens = {first, end};
    s.span = {tokens[first].span.begin, tokens[end - 1].span.end};
    seg->sentences.push_back(s);
    first = end;
  };
  for (uint32_t i = 1; i < count; ++i) {
    const Token& t = tokens[i];
    bool boundary = false;
    if (t.newlines_before >= 2) {
      boundary = true;
    } else if (t.newlines_before == 1) {
      boundary = !IsLower(first_char(i));
    } else if (t.space_before) {
      // Both rules need white space before the token.
      // The token that would end the sentence: skip a closing quote or
      // bracket glued to a terminal mark.
      uint32_t k = i - 1;
      std::string_view prev = norm(k);
      if ((tokens[k].kind == TokenKind::kQuote || prev == ")") && k > 0 &&
          !tokens[k].space_before && IsTerminal(norm(k - 1))) {
        prev = norm(k - 1);
      }
      if (IsTerminal(prev)) {
        boundary = t.kind != TokenKind::kPunct && !IsLower(first_char(i));
      }
      if (!boundary && !prev.empty() &&
          final_last_bytes_[static_cast<unsigned char>(prev.back())] &&
          IsUpper(first_char(i)) && final_abbreviations_.count(prev) &&
          !abbreviations_.count(norm(i)) && i + 1 < count &&
          (IsLower(first_char(i + 1)) ||
           tokens[i + 1].kind == TokenKind::kPunct)) {
        boundary = true;
      }
    }
    if (boundary || i - first >= max_tokens) close(i);
  }
  close(count);
}

}  // namespace newsgraph
