// Token regexes for ASCII tokens without Unicode classes: see internal.h.
//
// RE2 builds a Unicode property class (\p{L}: hundreds of ranges) whenever
// it parses one, even for a Latin-1 set; the rules' two dozen regexes took
// about 150 microseconds each to add, most of the start-up's rule loading.
// On ASCII text a property is just the ASCII characters it holds, which a
// plain class says at 1 or 2 microseconds.
#include <re2/re2.h>

#include <bitset>
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "rules/internal.h"

namespace newsgraph {
namespace {

using AsciiSet = std::bitset<128>;

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

// Ranges of a set, for inside [ ]: every endpoint as \x{..}, which needs no
// thought about what is special there.
std::string Ranges(const AsciiSet& set) {
  std::string out;
  char buf[24];
  for (int c = 0; c < 128;) {
    if (!set[c]) {
      ++c;
      continue;
    }
    int e = c;
    while (e + 1 < 128 && set[e + 1]) ++e;
    if (e == c) {
      std::snprintf(buf, sizeof buf, "\\x{%02x}", c);
    } else {
      std::snprintf(buf, sizeof buf, "\\x{%02x}-\\x{%02x}", c, e);
    }
    out += buf;
    c = e + 1;
  }
  return out;
}

}  // namespace

std::string AsciiOnlyRegex(std::string_view regex) {
  const std::string original(regex);
  std::string out;
  bool in_class = false;      // inside [ ]
  size_t class_start = 0;     // where the class's members begin in `out`
  bool changed = false;
  for (size_t i = 0; i < regex.size();) {
    const char c = regex[i];
    if (c == '\\') {
      if (i + 1 >= regex.size()) return original;
      const char e = regex[i + 1];
      if (e == 'Q') return original;  // \Q...\E quoting: not worth reading
      if (e != 'p' && e != 'P') {
        out.append(regex.substr(i, 2));
        i += 2;
        continue;
      }
      // A property escape: \pX or \p{Name}, and its ASCII members.
      size_t end = i + 2;
      if (end >= regex.size()) return original;
      if (regex[end] == '{') {
        const size_t close = regex.find('}', end);
        if (close == std::string_view::npos) return original;
        end = close + 1;
      } else {
        end += 1;
      }
      const std::optional<AsciiSet> members = AsciiMembers(std::string(regex.substr(i, end - i)));
      if (!members) return original;  // RE2 says what is wrong with it
      if (in_class) {
        // As a range's end ("[a-\p{L}]") a class is an error: RE2 reports
        // it. A '-' first in the class is one of its characters.
        if (out.size() > class_start + 1 && out.back() == '-') return original;
        if (members->none()) return original;  // the class could end up empty
        out += Ranges(*members);
      } else if (members->none()) {
        out += "[^\\x{00}-\\x{ff}]";  // matches no character
      } else {
        out += "[" + Ranges(*members) + "]";
      }
      changed = true;
      i = end;
      continue;
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
      if (close == std::string_view::npos) return original;
      out.append(regex.substr(i, close + 2 - i));
      i = close + 2;
      continue;
    }
    if (in_class && c == ']') in_class = false;
    out += c;
    ++i;
  }
  return changed ? out : original;
}

}  // namespace newsgraph
