// Lexicon files and the phrase trie that matches them.
#include <string>

#include "rules/internal.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Parses "k=v k2=\"v 2\"" into attrs. Returns false and sets `err_col`
// (0-based within s) and `err` on a syntax error.
bool ParseAttributes(std::string_view s, Attributes* attrs, size_t* err_col,
                     std::string* err) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t k = i;
    while (i < s.size() && IsKeyChar(s[i])) ++i;
    if (i == k || i >= s.size() || s[i] != '=') {
      *err_col = k;
      *err = "expected key=value in attributes";
      return false;
    }
    std::string key(s.substr(k, i - k));
    ++i;
    std::string value;
    if (i < s.size() && s[i] == '"') {
      size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) {
        *err_col = i;
        *err = "unterminated quoted value";
        return false;
      }
      value = std::string(s.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      size_t v = i;
      while (i < s.size() && s[i] != ' ') ++i;
      value = std::string(s.substr(v, i - v));
    }
    if (value.empty()) {
      *err_col = k;
      *err = "attribute '" + key + "' has no value";
      return false;
    }
    attrs->emplace_back(std::move(key), std::move(value));
  }
  return true;
}

}  // namespace

bool ParseLexiconFile(const std::string& path, const std::string& content,
                      Lexicon* out, Diagnostics* diags) {
  bool ok = true;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view raw(content.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    std::string_view line = Trim(raw);
    size_t indent = static_cast<size_t>(line.data() - raw.data());
    if (line.empty() || line.front() == '#') {
      if (eol == content.size()) break;
      continue;
    }
    auto error = [&](size_t col, const std::string& msg) {
      diags->Error(path, line_no, static_cast<int>(indent + col + 1), msg);
      ok = false;
    };
    if (line.front() == '@') {
      size_t sp = line.find(' ');
      std::string_view directive = line.substr(0, sp);
      std::string_view arg =
          sp == std::string_view::npos ? "" : Trim(line.substr(sp + 1));
      if (directive == "@entity") {
        if (arg.empty()) error(0, "@entity needs a type, e.g. @entity ROLE");
        out->entity_type_name = std::string(arg);
      } else if (directive == "@priority") {
        try {
          size_t used = 0;
          out->priority = std::stoi(std::string(arg), &used);
          if (used != arg.size()) throw std::invalid_argument("");
        } catch (...) {
          error(sp + 1, "@priority needs an integer");
        }
      } else if (directive == "@case-sensitive") {
        out->case_sensitive = true;
      } else {
        error(0, "unknown directive '" + std::string(directive) +
                     "' (known: @entity, @priority, @case-sensitive)");
      }
      if (eol == content.size()) break;
      continue;
    }
    LexiconEntry e;
    e.line = line_no;
    std::string_view rest = line;
    size_t bar = rest.find(" | ");
    if (bar == std::string_view::npos && rest.size() >= 2 &&
        rest.substr(rest.size() - 2) == " |")
      bar = rest.size() - 2;
    std::string_view attrs;
    if (bar != std::string_view::npos) {
      attrs = rest.substr(bar + 3 <= rest.size() ? bar + 3 : rest.size());
      size_t err_col = 0;
      std::string err;
      if (!ParseAttributes(attrs, &e.attributes, &err_col, &err))
        error(bar + 3 + err_col, err);
      rest = Trim(rest.substr(0, bar));
    }
    size_t arrow = rest.find("=>");
    if (arrow != std::string_view::npos) {
      e.canonical = std::string(Trim(rest.substr(arrow + 2)));
      if (e.canonical.empty()) error(arrow, "'=>' must be followed by a canonical form");
      rest = Trim(rest.substr(0, arrow));
    }
    if (rest.empty()) {
      error(0, "entry has no surface form");
    } else {
      e.surface = std::string(rest);
      out->entries.push_back(std::move(e));
    }
    if (eol == content.size()) break;
  }
  return ok;
}

void PhraseTrie::Insert(const std::vector<std::string>& keys, uint32_t lexicon,
                        uint32_t entry) {
  assert(!frozen_);
  int node = 0;
  for (const auto& k : keys) {
    const int word = words_.try_emplace(k, static_cast<int>(words_.size())).first->second;
    if (root_children_.size() < words_.size()) root_children_.resize(words_.size(), -1);
    int child = Child(node, word);
    if (child < 0) {
      child = static_cast<int>(values_.size());
      values_.emplace_back();
      children_.emplace_back();
      if (node == root()) {
        root_children_[word] = child;
      } else {
        children_[node].emplace_back(word, child);
      }
    }
    node = child;
  }
  for (const auto& v : values_[node])
    if (v.lexicon == lexicon) return;  // the first entry of a phrase wins
  values_[node].push_back({lexicon, entry});
}

void PhraseTrie::Freeze() {
  node_values_.assign(values_.size(), {});
  more_values_.clear();
  for (size_t node = 0; node < values_.size(); ++node) {
    const std::vector<Value>& v = values_[node];
    NodeValues& nv = node_values_[node];
    nv.count = static_cast<uint32_t>(v.size());
    if (v.size() == 1) nv.first = v[0];
    if (v.size() > 1) {
      nv.more = static_cast<uint32_t>(more_values_.size());
      more_values_.insert(more_values_.end(), v.begin(), v.end());
    }
  }
  values_ = {};
  frozen_ = true;
}

std::string TokenShape(std::string_view text) {
  std::string shape;
  char last = 0;
  int run = 0;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = DecodeUtf8(text, &i);
    std::string piece;
    if (IsUpper(c)) {
      piece = "X";
    } else if (IsLetter(c)) {
      piece = "x";
    } else if (IsDigit(c)) {
      piece = "d";
    } else {
      AppendUtf8(c, &piece);
    }
    if (piece.size() == 1 && piece[0] == last) {
      if (++run > 4) continue;
    } else {
      last = piece.size() == 1 ? piece[0] : 0;
      run = 1;
    }
    shape += piece;
  }
  return shape;
}

std::string StraightenQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = DecodeUtf8(text, &i);
    switch (c) {
      case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
        out.push_back('"');
        break;
      case 0x2018: case 0x2019: case 0x201A:
        out.push_back('\'');
        break;
      default:
        AppendUtf8(c, &out);
    }
  }
  return out;
}

std::vector<std::string> PhraseKeys(const Segmenter& segmenter, std::string_view phrase,
                                    bool exact) {
  std::vector<std::string> keys = segmenter.PhraseWords(phrase, exact);
  if (exact)
    for (auto& k : keys) k = StraightenQuotes(k);
  return keys;
}

}  // namespace newsgraph
