// Token regexes: one Latin-1 RE2 set for every token. See TokenRegexes in
// internal.h.
//
// RE2 builds a Unicode property class (\p{L}: hundreds of ranges) whenever
// it parses one, and compiles it to hundreds of UTF-8 byte sequences: the
// rules' two dozen regexes took about 150 microseconds each to add, and
// their UTF-8 set 7 ms more to compile, at the first token with a curly
// quote or an accent. Here every regex is rewritten with each of its pieces
// that can match a non-ASCII character (a property escape, a non-ASCII
// literal) written as the ASCII characters the piece holds plus the bytes,
// from 0x80 up, that a folded token has for a character the piece holds.
// A token is folded character by character: ASCII stays, any other
// character becomes 0x80 | (a bit set for each piece it matches), worked out
// by a small UTF-8 set of the pieces alone. A folded token then matches a
// rewritten regex exactly when the token matches the regex: the regex sees
// the same ASCII characters, one byte for each other character, and each
// piece holds the same characters as before.
#include <re2/re2.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "newsgraph/unicode.h"
#include "rules/internal.h"

namespace newsgraph {
namespace {

using AsciiSet = std::bitset<128>;

// At most 7 pieces, so that a folded character is one byte 0x80..0xFF.
constexpr size_t kMaxPieces = 7;

// The ASCII characters a property escape ("\p{Lu}", "\pL", "\P{N}",
// "\p{^L}") matches, as RE2 reads it; none when RE2 refuses the escape.
std::optional<AsciiSet> AsciiMembers(const std::string& escape) {
  static std::mutex mu;
  static std::map<std::string, std::optional<AsciiSet>> known;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = known.find(escape); it != known.end()) return it->second;
  // Read as Latin-1, as the set it is for does: RE2 still builds the whole
  // property to parse it, once here, but compiles only its first 256
  // characters.
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  RE2 re(escape, o);
  std::optional<AsciiSet> members;
  if (re.ok()) {
    members.emplace();
    for (int c = 0; c < 128; ++c) {
      const char ch = static_cast<char>(c);
      (*members)[c] = RE2::FullMatch(re2::StringPiece(&ch, 1), re);
    }
  }
  return known[escape] = members;
}

void AppendRange(int lo, int hi, std::string* out) {
  char buf[24];
  if (lo == hi) {
    std::snprintf(buf, sizeof buf, "\\x{%02x}", lo);
  } else {
    std::snprintf(buf, sizeof buf, "\\x{%02x}-\\x{%02x}", lo, hi);
  }
  *out += buf;
}

// Ranges of a set, for inside [ ]: every endpoint as \x{..}, which needs no
// thought about what is special there.
std::string Ranges(const AsciiSet& set) {
  std::string out;
  for (int c = 0; c < 128;) {
    if (!set[c]) {
      ++c;
      continue;
    }
    int e = c;
    while (e + 1 < 128 && set[e + 1]) ++e;
    AppendRange(c, e, &out);
    c = e + 1;
  }
  return out;
}

// The bytes of folded characters that piece `index` holds (0x80 | m for
// each m of 7 bits with its bit set), as ranges for inside [ ]. Piece 0, met
// first and likely most, has bit 6 (one range, 0xC0-0xFF), piece 6 bit 0
// (64 bytes): fewer ranges are quicker for RE2 to compile.
int BitOf(size_t index) { return static_cast<int>(kMaxPieces - 1 - index); }
std::string FoldedBytes(size_t index) {
  std::string out;
  const int run = 1 << BitOf(index);
  for (int lo = 0x80 + run; lo < 0x100; lo += 2 * run) AppendRange(lo, lo + run - 1, &out);
  return out;
}

// The escapes that stand for ASCII characters only, in UTF-8 as in Latin-1
// (RE2's \d, \w, \s and \b are ASCII), or for a position.
bool IsAsciiEscape(char e) {
  return std::string_view("dDwWsSbBAzaftnrv").find(e) != std::string_view::npos;
}

// `regex` rewritten (see the top of the file). With `pieces` null, for
// ASCII tokens only: a property becomes its ASCII characters, anything else
// stays as it is. Otherwise for folded tokens as well: each piece is found
// in, or added to, *pieces, and what cannot be rewritten so that a folded
// token matches exactly (case-insensitive matching, which folds ASCII
// letters onto others such as U+212A, the Kelvin sign; \C; \Q...\E; octal
// and \x escapes above ASCII; a non-ASCII character as a range's end; more
// than kMaxPieces pieces) gives nothing. So does what RE2 might read
// differently once rewritten (an unknown property, a property as a range's
// end), so that the error a user sees is RE2's own.
std::optional<std::string> Rewrite(std::string_view regex, std::vector<std::string>* pieces) {
  const bool folding = pieces != nullptr;
  std::vector<std::string> added;  // pieces new to *pieces, kept on success
  auto piece_index = [&](const std::string& piece) -> std::optional<size_t> {
    auto it = std::find(pieces->begin(), pieces->end(), piece);
    if (it != pieces->end()) return it - pieces->begin();
    auto jt = std::find(added.begin(), added.end(), piece);
    if (jt == added.end()) {
      if (pieces->size() + added.size() >= kMaxPieces) return std::nullopt;
      jt = added.insert(added.end(), piece);
    }
    return pieces->size() + (jt - added.begin());
  };

  std::string out;
  bool in_class = false;   // inside [ ]
  size_t class_start = 0;  // where the class's members begin in `out`
  // Writes a piece holding `ascii` (and, folding, the bytes with its bit);
  // false where it cannot stand.
  auto write_piece = [&](const std::string& piece, const AsciiSet& ascii, size_t next) {
    std::string members = Ranges(ascii);
    if (folding) {
      const std::optional<size_t> index = piece_index(piece);
      if (!index) return false;
      members += FoldedBytes(*index);
    }
    if (in_class) {
      // As a range's end ("[a-\p{L}]", "[é-ü]") a piece is an error or a
      // range of characters, not a class; a '-' first in the class, or last,
      // is one of its characters.
      if (out.size() > class_start + 1 && out.back() == '-') {
        size_t slashes = 0;  // "\-" is a '-', "\\-" a range
        while (out.size() >= 2 + slashes && out[out.size() - 2 - slashes] == '\\') ++slashes;
        if (slashes % 2 == 0) return false;
      }
      if (next + 1 < regex.size() && regex[next] == '-' && regex[next + 1] != ']') return false;
      if (members.empty()) return false;  // the class could end up empty
      out += members;
    } else if (members.empty()) {
      out += "[^\\x{00}-\\x{ff}]";  // matches no character
    } else {
      out += "[" + members + "]";
    }
    return true;
  };

  for (size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (c == '\\') {
      if (i + 1 >= regex.size()) return std::nullopt;
      const char e = regex[i + 1];
      if (e == 'Q') return std::nullopt;  // \Q...\E quoting: not worth reading
      if (e == 'p' || e == 'P') {
        // A property escape: \pX or \p{Name}, and its ASCII members.
        size_t end = i + 2;
        if (end >= regex.size()) return std::nullopt;
        if (regex[end] == '{') {
          const size_t close = regex.find('}', end);
          if (close == std::string_view::npos) return std::nullopt;
          end = close + 1;
        } else {
          end += 1;
        }
        const std::string escape(regex.substr(i, end - i));
        const std::optional<AsciiSet> members = AsciiMembers(escape);
        if (!members) return std::nullopt;  // RE2 says what is wrong with it
        if (!write_piece(escape, *members, end)) return std::nullopt;
        i = end;
        continue;
      }
      if (folding && e == 'x') {
        // \xHH or \x{H...}: an ASCII character is kept, any other is a
        // piece as if written as itself.
        size_t end = i + 2;
        std::string hex;
        if (end < regex.size() && regex[end] == '{') {
          const size_t close = regex.find('}', end);
          if (close == std::string_view::npos) return std::nullopt;
          hex = regex.substr(end + 1, close - end - 1);
          end = close + 1;
        } else {
          hex = regex.substr(end, 2);
          end += 2;
        }
        if (hex.empty() || hex.size() > 6 ||
            hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
          return std::nullopt;
        const long code = std::stol(hex, nullptr, 16);
        if (code < 0x80) {
          out.append(regex.substr(i, end - i));
        } else {
          std::string ch;
          if (code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
          AppendUtf8(static_cast<char32_t>(code), &ch);
          if (!write_piece(ch, AsciiSet(), end)) return std::nullopt;
        }
        i = end;
        continue;
      }
      if (folding && (static_cast<unsigned char>(e) >= 0x80 ||
                      ((std::isalnum(static_cast<unsigned char>(e)) && !IsAsciiEscape(e)))))
        return std::nullopt;
      out.append(regex.substr(i, 2));
      i += 2;
      continue;
    }
    if (folding && static_cast<unsigned char>(c) >= 0x80) {
      // A non-ASCII character: a piece of its own.
      size_t end = i + 1;
      while (end < regex.size() && (static_cast<unsigned char>(regex[end]) & 0xC0) == 0x80) ++end;
      const std::string_view ch = regex.substr(i, end - i);
      if (FindInvalidUtf8(ch)) return std::nullopt;
      if (!write_piece(std::string(ch), AsciiSet(), end)) return std::nullopt;
      i = end;
      continue;
    }
    if (folding && !in_class && c == '(' && i + 1 < regex.size() && regex[i + 1] == '?') {
      // Flags, "(?i)" or "(?i:": case-insensitive matching does not fold.
      size_t f = i + 2;
      while (f < regex.size() && (std::isalpha(static_cast<unsigned char>(regex[f])) ||
                                  regex[f] == '-'))
        ++f;
      const std::string_view flags = regex.substr(i + 2, f - i - 2);
      if (f < regex.size() && (regex[f] == ')' || regex[f] == ':') &&
          flags.find('i') != std::string_view::npos)
        return std::nullopt;
    }
    if (!in_class && c == '[') {
      in_class = true;
      out += c;
      ++i;
      if (i < regex.size() && regex[i] == '^') out += regex[i++];
      class_start = out.size();
      // A ']' first in a class is one of its characters.
      if (i < regex.size() && regex[i] == ']') out += regex[i++];
      continue;
    }
    if (in_class && c == '[' && i + 1 < regex.size() && regex[i + 1] == ':') {
      const size_t close = regex.find(":]", i + 2);  // [:alpha:]
      if (close == std::string_view::npos) return std::nullopt;
      out.append(regex.substr(i, close + 2 - i));
      i = close + 2;
      continue;
    }
    if (in_class && c == ']') in_class = false;
    out += c;
    ++i;
  }
  if (folding) pieces->insert(pieces->end(), added.begin(), added.end());
  return out;
}

// Adds `regex` to `set`, or a regex that matches nothing where RE2 refuses
// it, so that index i stays regex i.
void AddOrNothing(RE2::Set* set, const std::string& regex) {
  if (set->Add(regex, nullptr) < 0) set->Add("[^\\x00-\\x{10FFFF}]", nullptr);
}

RE2::Options Utf8Options() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_log_errors(false);
  return o;
}

}  // namespace

std::string AsciiOnlyRegex(std::string_view regex) {
  return Rewrite(regex, nullptr).value_or(std::string(regex));
}

std::optional<std::string> FoldedRegex(std::string_view regex, std::vector<std::string>* pieces) {
  return Rewrite(regex, pieces);
}

bool FoldToken(std::string_view token, const RE2::Set* pieces, std::string* out) {
  if (FindInvalidUtf8(token)) return false;
  out->clear();
  std::vector<int> which;
  for (size_t i = 0; i < token.size();) {
    const size_t start = i;
    if (DecodeUtf8(token, &i) < 0x80) {
      out->push_back(token[start]);
      continue;
    }
    unsigned mask = 0;
    which.clear();
    if (pieces && pieces->Match(re2::StringPiece(token.data() + start, i - start), &which))
      for (int w : which) mask |= 1u << BitOf(w);
    out->push_back(static_cast<char>(0x80 | mask));
  }
  return true;
}

TokenRegexes::TokenRegexes() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingLatin1);
  o.set_log_errors(false);
  latin1_ = std::make_unique<RE2::Set>(o, RE2::ANCHOR_BOTH);
}

int TokenRegexes::Add(const std::string& regex, std::string* error) {
  // Folded if it can be, else for ASCII tokens only (with the regex, as
  // written, in the UTF-8 set); a rewrite RE2 refuses falls back to the
  // regex as written, so that the error is about what the user wrote.
  int index = -1;
  if (std::optional<std::string> folded = FoldedRegex(regex, &pieces_))
    index = latin1_->Add(*folded, error);
  const bool folds = index >= 0;
  if (!folds) {
    const std::string ascii = AsciiOnlyRegex(regex);
    index = latin1_->Add(ascii, error);
    if (index < 0 && ascii != regex) index = latin1_->Add(regex, error);
    if (index < 0) return -1;
    residual_.push_back({index, regex});
  }
  folds_.push_back(folds);
  return index;
}

bool TokenRegexes::Compile() { return latin1_->Compile(); }

const TokenRegexes::Lazy& TokenRegexes::Utf8Sets() const {
  std::call_once(*lazy_once_, [this] {
    if (!pieces_.empty()) {
      lazy_.pieces = std::make_unique<RE2::Set>(Utf8Options(), RE2::ANCHOR_BOTH);
      for (const std::string& p : pieces_) AddOrNothing(lazy_.pieces.get(), p);
      if (!lazy_.pieces->Compile()) {
        lazy_.pieces.reset();
        lazy_.ok = false;
      }
    }
    if (!residual_.empty()) {
      lazy_.residual = std::make_unique<RE2::Set>(Utf8Options(), RE2::ANCHOR_BOTH);
      for (const auto& [index, regex] : residual_) AddOrNothing(lazy_.residual.get(), regex);
      if (!lazy_.residual->Compile()) {
        lazy_.residual.reset();
        lazy_.ok = false;
      }
    }
  });
  return lazy_;
}

bool TokenRegexes::Verify() const { return Utf8Sets().ok; }

void TokenRegexes::Match(std::string_view token, std::vector<int>* out) const {
  std::vector<int> which;
  if (IsAscii(token)) {
    if (latin1_->Match(re2::StringPiece(token.data(), token.size()), &which))
      out->insert(out->end(), which.begin(), which.end());
    return;
  }
  const Lazy& lazy = Utf8Sets();
  std::string folded;
  if ((lazy.pieces || pieces_.empty()) && FoldToken(token, lazy.pieces.get(), &folded) &&
      latin1_->Match(folded, &which)) {
    for (int w : which)
      if (folds_[w]) out->push_back(w);
  }
  which.clear();
  if (lazy.residual && lazy.residual->Match(re2::StringPiece(token.data(), token.size()), &which))
    for (int w : which) out->push_back(residual_[w].first);
}

}  // namespace newsgraph
