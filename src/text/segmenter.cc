#include <algorithm>
#include <array>

#include "newsgraph/text.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

// ASCII letters and digits, by byte.
constexpr std::array<bool, 128> kAsciiAlnum = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return t;
}();

inline bool IsAlnum(char32_t c) {
  if (c < 0x80) return kAsciiAlnum[c];
  return unicode_internal::IsLetter(c) || unicode_internal::IsDigit(c);
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool IsLongDash(char32_t c) {
  return c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
         c == 0x2212;
}
bool IsDoubleQuote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E ||
         c == 0x00AB || c == 0x00BB || c == 0x2033;
}
bool IsSingleQuote(char32_t c) {
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201A ||
         c == 0x2032;
}
bool IsCurrencySign(char32_t c) {
  return c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x00A5 ||
         c == 0x20B9 || c == 0x20A9 || c == 0x20BD || c == 0x00A2;
}
bool IsTerminal(std::string_view norm) {
  return norm == "." || norm == "!" || norm == "?" || norm == "...";
}

// A cursor over the code points of the text.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}
  bool done(size_t pos) const { return pos >= text_.size(); }
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
  char32_t After(size_t pos) const {
    size_t next;
    At(pos, &next);
    return At(next);
  }

 private:
  std::string_view text_;
};

class Builder {
 public:
  Builder(std::string_view text, Segmentation* out) : text_(text), out_(out) {}

  // Adds token [begin, end) with the normal form computed from its text.
  void Add(size_t begin, size_t end, TokenKind kind) {
    Token t;
    t.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
    t.kind = kind;
    t.space_before = pending_space_;
    t.newlines_before = pending_newlines_;
    pending_space_ = false;
    pending_newlines_ = 0;
    t.norm_begin = static_cast<uint32_t>(out_->norm_storage.size());
    Normalize(text_.substr(begin, end - begin), kind, &out_->norm_storage);
    t.norm_size =
        static_cast<uint32_t>(out_->norm_storage.size()) - t.norm_begin;
    out_->tokens.push_back(t);
  }
  void Space(char32_t c) {
    pending_space_ = true;
    if (c == '\n' && pending_newlines_ < 255) ++pending_newlines_;
  }

 private:
  static void Normalize(std::string_view s, TokenKind kind, std::string* out) {
    if (kind == TokenKind::kDash) {
      out->append(s == "-" ? "-" : "--");
      return;
    }
    // ASCII only lower-cases (its quotes are already the plain ones).
    const size_t at = out->size();
    out->resize(at + s.size());
    char* o = out->data() + at;
    size_t i = 0;
    for (; i < s.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(s[i]);
      if (ch >= 0x80) break;
      o[i] = static_cast<char>(ToLower(ch));
    }
    out->resize(at + i);
    while (i < s.size()) {
      char32_t c = DecodeUtf8(s, &i);
      if (IsDoubleQuote(c)) {
        out->push_back('"');
      } else if (IsSingleQuote(c)) {
        out->push_back('\'');
      } else if (c == 0x2010 || c == 0x2011) {
        out->push_back('-');
      } else if (c == 0x2026) {
        out->append("...");
      } else {
        AppendUtf8(ToLower(c), out);
      }
    }
  }

  std::string_view text_;
  Segmentation* out_;
  bool pending_space_ = false;
  uint8_t pending_newlines_ = 0;
};

}  // namespace

Segmenter::Segmenter(Options options)
    : max_sentence_tokens_(std::max<uint32_t>(options.max_sentence_tokens, 8)) {
  for (auto& a : options.abbreviations) abbreviations_.insert(a);
  for (auto& a : options.sentence_final_abbreviations) {
    abbreviations_.insert(a);
    final_abbreviations_.insert(a);
    if (!a.empty()) final_last_bytes_.set(static_cast<unsigned char>(a.back()));
  }
}

bool Segmenter::IsAbbreviation(std::string_view lower) const {
  return abbreviations_.count(std::string(lower)) > 0;
}

Segmentation Segmenter::Segment(std::string_view text) const {
  Segmentation seg;
  seg.tokens.reserve(text.size() / 5 + 4);
  seg.norm_storage.reserve(text.size() + 16);
  Scanner sc(text);
  Builder b(text, &seg);

  size_t pos = 0;
  while (!sc.done(pos)) {
    size_t next;
    char32_t c = sc.At(pos, &next);
    if (IsSpace(c) || c == 0xFEFF) {
      b.Space(c);
      pos = next;
      continue;
    }
    const size_t start = pos;

    // Numbers written ".125".
    bool leading_point = c == '.' && IsDigit(sc.At(next));
    if (IsAlnum(c) || leading_point) {
      bool all_digits = true;   // digits, and . or , between digits
      bool has_point = false;   // a letter-period-letter abbreviation so far
      size_t segment_letters = 0;  // letters since the last period
      bool currency_prefix = false;
      size_t p = leading_point ? next : start;
      while (true) {
        // ASCII letters and digits, most of any token, need no decoding.
        if (p < text.size()) {
          const unsigned char ch = static_cast<unsigned char>(text[p]);
          if (ch < 0x80 && kAsciiAlnum[ch]) {
            const bool digit = ch <= '9';
            if (!digit) all_digits = false;
            segment_letters = digit ? 0 : segment_letters + 1;
            ++p;
            continue;
          }
        }
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
        if (d == '&' && IsUpper(after) && p > start &&
            IsUpper(sc.At(p - 1))) {
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
        pos = p;
        continue;
      }
      // A trailing period that belongs to the token.
      if (sc.At(p) == '.' && !all_digits) {
        std::string lower = ToLowerUtf8(text.substr(start, p - start)) + ".";
        bool initial = p - start == 1 && IsUpper(sc.At(start));
        if (has_point || initial || IsAbbreviation(lower)) p += 1;
      }
      // Split a number glued to a word: "2.7million", "5.2bn".
      TokenKind kind = IsDigit(c) || leading_point ? TokenKind::kNumber
                                                   : TokenKind::kWord;
      if (kind == TokenKind::kNumber) {
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
        for (size_t m = k; m < p;) lower_tail = IsLower(sc.At(m, &m)) && lower_tail;
        if ((punct || (lower_tail && !suffix)) && k < p && IsLetter(sc.At(k)) &&
            text[k - 1] != '.') {
          bool letters_only = true;
          for (size_t m = k; m < p;) letters_only = IsLetter(sc.At(m, &m)) && letters_only;
          if (letters_only) {
            b.Add(start, k, TokenKind::kNumber);
            b.Add(k, p, TokenKind::kWord);
            pos = p;
            continue;
          }
        }
      }
      b.Add(start, p, kind);
      pos = p;
      continue;
    }

    if (IsApostrophe(c) && (sc.At(next) == 's' || sc.At(next) == 'S')) {
      size_t r;
      sc.At(next, &r);
      bool attached = seg.tokens.empty() || seg.tokens.back().span.end == start;
      if (!IsAlnum(sc.At(r)) && attached) {
        b.Add(start, r, TokenKind::kQuote);
        pos = r;
        continue;
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
    pos = next;
  }

  // Sentences.
  auto starts_lower = [&](uint32_t i) {
    size_t p = seg.tokens[i].span.begin;
    return IsLower(DecodeUtf8(text, &p));
  };
  auto starts_upper = [&](uint32_t i) {
    size_t p = seg.tokens[i].span.begin;
    return IsUpper(DecodeUtf8(text, &p));
  };
  const uint32_t n = static_cast<uint32_t>(seg.tokens.size());
  uint32_t first = 0;
  auto close = [&](uint32_t end) {
    if (end <= first) return;
    Sentence s;
    s.tokens = {first, end};
    s.span = {seg.tokens[first].span.begin, seg.tokens[end - 1].span.end};
    seg.sentences.push_back(s);
    first = end;
  };
  for (uint32_t i = 1; i < n; ++i) {
    const Token& t = seg.tokens[i];
    bool boundary = false;
    if (t.newlines_before >= 2) {
      boundary = true;
    } else if (t.newlines_before == 1) {
      boundary = !starts_lower(i);
    } else {
      // The token that would end the sentence: skip a closing quote or
      // bracket glued to a terminal mark.
      uint32_t k = i - 1;
      std::string_view prev = seg.norm(k);
      if ((seg.tokens[k].kind == TokenKind::kQuote || prev == ")") && k > 0 &&
          !seg.tokens[k].space_before && IsTerminal(seg.norm(k - 1))) {
        prev = seg.norm(k - 1);
      }
      bool next_ok = !starts_lower(i) && seg.tokens[i].kind != TokenKind::kPunct;
      if (IsTerminal(prev) && t.space_before && next_ok) {
        boundary = true;
      } else if (t.space_before && !prev.empty() &&
                 final_last_bytes_[static_cast<unsigned char>(prev.back())] &&
                 starts_upper(i) && final_abbreviations_.count(std::string(prev)) &&
                 !abbreviations_.count(std::string(seg.norm(i))) &&
                 i + 1 < n && (starts_lower(i + 1) ||
                               seg.tokens[i + 1].kind == TokenKind::kPunct)) {
        boundary = true;
      }
    }
    if (!boundary && i - first >= max_sentence_tokens_) boundary = true;
    if (boundary) close(i);
  }
  close(n);
  return seg;
}

}  // namespace newsgraph
