// The token-pattern parser: text to PatternNode trees. See rules/FORMAT.md.
#include <cctype>
#include <string>

#include "rules/internal.h"

namespace newsgraph {
namespace {

using Node = PatternNode;

bool IsLowerIdentStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool IsIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool IsUpperIdent(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

class Parser {
 public:
  Parser(const TextPosition& src, const std::string& file,
         std::vector<ParseError>* errors)
      : src_(src), s_(src.text), file_(file), errors_(errors) {}

  std::unique_ptr<Node> Parse() {
    SkipSpace();
    if (pos_ >= s_.size()) {
      Error(pos_, "empty pattern");
      return nullptr;
    }
    auto node = ParseAlt();
    SkipSpace();
    if (node && pos_ < s_.size()) {
      Error(pos_, std::string("unexpected '") + s_[pos_] + "'");
      return nullptr;
    }
    return node;
  }

 private:
  void Error(size_t at, std::string msg) {
    auto [line, col] = src_.At(at);
    errors_->push_back({line, col, std::move(msg)});
    failed_ = true;
  }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
  }
  std::unique_ptr<Node> Make(Node::Kind kind, size_t at) {
    auto n = std::make_unique<Node>();
    n->kind = kind;
    auto [line, col] = src_.At(at);
    n->line = line;
    n->column = col;
    n->file = file_;
    return n;
  }

  std::unique_ptr<Node> ParseAlt() {
    size_t at = pos_;
    std::vector<std::unique_ptr<Node>> branches;
    while (true) {
      auto seq = ParseSeq();
      if (!seq) return nullptr;
      branches.push_back(std::move(seq));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == '|') {
        ++pos_;
        continue;
      }
      break;
    }
    if (branches.size() == 1) return std::move(branches[0]);
    auto alt = Make(Node::Kind::kAlt, at);
    alt->children = std::move(branches);
    return alt;
  }

  std::unique_ptr<Node> ParseSeq() {
    size_t at = pos_;
    std::vector<std::unique_ptr<Node>> items;
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] == ')' || s_[pos_] == '|') break;
      auto item = ParseItem();
      if (!item) return nullptr;
      items.push_back(std::move(item));
    }
    if (items.empty()) {
      Error(at, "empty alternative (nothing to match)");
      return nullptr;
    }
    if (items.size() == 1) return std::move(items[0]);
    auto seq = Make(Node::Kind::kSeq, at);
    seq->children = std::move(items);
    return seq;
  }

  std::unique_ptr<Node> ParseItem() {
    size_t at = pos_;
    std::string capture;
    // name:  (but "shape:" is the shape test)
    if (IsLowerIdentStart(s_[pos_])) {
      size_t e = pos_;
      while (e < s_.size() && IsIdentChar(s_[e])) ++e;
      if (e < s_.size() && s_[e] == ':' && s_.substr(pos_, e - pos_) != "shape") {
        capture = s_.substr(pos_, e - pos_);
        pos_ = e + 1;
        SkipSpace();
        if (pos_ >= s_.size()) {
          Error(at, "capture '" + capture + "' has nothing to capture");
          return nullptr;
        }
      }
    }
    auto prim = ParsePrimary();
    if (!prim) return nullptr;
    prim = ParseQuantifier(std::move(prim));
    if (!prim) return nullptr;
    if (!capture.empty()) {
      auto cap = Make(Node::Kind::kCapture, at);
      cap->name = capture;
      cap->children.push_back(std::move(prim));
      return cap;
    }
    // The item starts where its text starts (a quantified group at its '(').
    auto [line, col] = src_.At(at);
    prim->line = line;
    prim->column = col;
    return prim;
  }

  std::unique_ptr<Node> ParseQuantifier(std::unique_ptr<Node> inner) {
    if (pos_ >= s_.size()) return inner;
    char c = s_[pos_];
    int min, max;
    size_t at = pos_;
    if (c == '?') {
      min = 0, max = 1, ++pos_;
    } else if (c == '*') {
      min = 0, max = -1, ++pos_;
    } else if (c == '+') {
      min = 1, max = -1, ++pos_;
    } else if (c == '{') {
      size_t close = s_.find('}', pos_);
      if (close == std::string::npos) {
        Error(at, "unterminated '{'");
        return nullptr;
      }
      std::string body = s_.substr(pos_ + 1, close - pos_ - 1);
      size_t comma = body.find(',');
      try {
        if (comma == std::string::npos) {
          min = max = std::stoi(body);
        } else {
          min = comma == 0 ? 0 : std::stoi(body.substr(0, comma));
          std::string hi = body.substr(comma + 1);
          max = hi.empty() ? -1 : std::stoi(hi);
        }
      } catch (...) {
        Error(at, "bad repetition '{" + body + "}': use {n}, {n,m} or {n,}");
        return nullptr;
      }
      if (min < 0 || (max != -1 && max < min) || max > 1000 || min > 1000) {
        Error(at, "bad repetition '{" + body + "}' (0 <= n <= m <= 1000)");
        return nullptr;
      }
      pos_ = close + 1;
    } else {
      return inner;
    }
    if (inner->kind == Node::Kind::kStart || inner->kind == Node::Kind::kEnd) {
      Error(at, "an anchor cannot be repeated");
      return nullptr;
    }
    auto rep = Make(Node::Kind::kRepeat, at);
    rep->min = min;
    rep->max = max;
    rep->children.push_back(std::move(inner));
    // A second quantifier ("x??", "x*+") is an error, not a silent nesting.
    if (pos_ < s_.size() && (s_[pos_] == '?' || s_[pos_] == '*' ||
                             s_[pos_] == '+' || s_[pos_] == '{')) {
      Error(pos_, "two quantifiers in a row; group with ( ) first");
      return nullptr;
    }
    return rep;
  }

  std::unique_ptr<Node> ParsePrimary() {
    size_t at = pos_;
    char c = s_[pos_];
    if (c == '(') {
      ++pos_;
      auto inner = ParseAlt();
      if (!inner) return nullptr;
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ')') {
        Error(at, "unclosed '('");
        return nullptr;
      }
      ++pos_;
      return inner;
    }
    if (c == ')') {
      Error(at, "unmatched ')'");
      return nullptr;
    }
    if (c == '[') {
      ++pos_;
      auto tok = Make(Node::Kind::kToken, at);
      while (true) {
        SkipSpace();
        if (pos_ >= s_.size()) {
          Error(at, "unclosed '['");
          return nullptr;
        }
        if (s_[pos_] == ']') {
          ++pos_;
          break;
        }
        Node::Test t;
        if (!ParseTest(&t, /*in_brackets=*/true)) return nullptr;
        tok->tests.push_back(std::move(t));
      }
      if (tok->tests.empty()) {
        Error(at, "empty token test '[]'");
        return nullptr;
      }
      return tok;
    }
    if (c == '^') {
      ++pos_;
      return Make(Node::Kind::kStart, at);
    }
    if (c == '$') {
      if (pos_ + 1 < s_.size() && IsLowerIdentStart(s_[pos_ + 1])) {
        size_t e = pos_ + 1;
        while (e < s_.size() && IsIdentChar(s_[e])) ++e;
        auto m = Make(Node::Kind::kMacro, at);
        m->name = s_.substr(pos_, e - pos_);
        pos_ = e;
        return m;
      }
      ++pos_;
      return Make(Node::Kind::kEnd, at);
    }
    if (c == '_' && (pos_ + 1 >= s_.size() || !IsIdentChar(s_[pos_ + 1]))) {
      ++pos_;
      return Make(Node::Kind::kAny, at);
    }
    Node::Test t;
    if (!ParseTest(&t, /*in_brackets=*/false)) return nullptr;
    if (!t.negated && t.kind == AtomKind::kEntInside) {
      auto n = Make(Node::Kind::kEntity, at);
      n->name = t.text;
      return n;
    }
    if (!t.negated && t.kind == AtomKind::kLexInside) {
      auto n = Make(Node::Kind::kLexicon, at);
      n->name = t.text;
      return n;
    }
    auto tok = Make(Node::Kind::kToken, at);
    tok->tests.push_back(std::move(t));
    return tok;
  }

  // One test on a token: "lit", 'Lit', /re/, shape:S, @lex, TYPE, with an
  // optional leading '!'.
  bool ParseTest(Node::Test* t, bool /*in_brackets*/) {
    size_t at = pos_;
    if (s_[pos_] == '!') {
      t->negated = true;
      ++pos_;
      if (pos_ >= s_.size()) {
        Error(at, "'!' must be followed by a token test");
        return false;
      }
    }
    char c = s_[pos_];
    if (c == '"' || c == '\'') {
      std::string lit;
      size_t i = pos_ + 1;
      bool closed = false;
      for (; i < s_.size(); ++i) {
        if (s_[i] == '\\' && i + 1 < s_.size()) {
          lit.push_back(s_[++i]);
        } else if (s_[i] == c) {
          closed = true;
          break;
        } else {
          lit.push_back(s_[i]);
        }
      }
      if (!closed) {
        Error(pos_, "unterminated string");
        return false;
      }
      if (lit.empty()) {
        Error(pos_, "empty string literal");
        return false;
      }
      t->kind = c == '"' ? AtomKind::kLower : AtomKind::kExact;
      t->text = lit;
      pos_ = i + 1;
      return true;
    }
    if (c == '/') {
      std::string re;
      size_t i = pos_ + 1;
      bool closed = false;
      for (; i < s_.size(); ++i) {
        if (s_[i] == '\\' && i + 1 < s_.size() && s_[i + 1] == '/') {
          re.push_back('/');
          ++i;
        } else if (s_[i] == '/') {
          closed = true;
          break;
        } else {
          re.push_back(s_[i]);
        }
      }
      if (!closed) {
        Error(pos_, "unterminated regex (missing closing '/')");
        return false;
      }
      pos_ = i + 1;
      if (pos_ < s_.size() && s_[pos_] == 'i' &&
          (pos_ + 1 >= s_.size() || !IsIdentChar(s_[pos_ + 1]))) {
        t->case_insensitive = true;
        ++pos_;
      }
      t->kind = AtomKind::kRegex;
      t->text = re;
      return true;
    }
    if (c == '@') {
      size_t e = pos_ + 1;
      while (e < s_.size() && (IsIdentChar(s_[e]) || s_[e] == '-')) ++e;
      if (e == pos_ + 1) {
        Error(pos_, "'@' must be followed by a lexicon name");
        return false;
      }
      t->kind = AtomKind::kLexInside;
      t->text = s_.substr(pos_ + 1, e - pos_ - 1);
      pos_ = e;
      return true;
    }
    if (s_.compare(pos_, 6, "shape:") == 0) {
      size_t e = pos_ + 6;
      while (e < s_.size() && !std::isspace(static_cast<unsigned char>(s_[e])) &&
             s_[e] != ')' && s_[e] != ']' && s_[e] != '|')
        ++e;
      if (e == pos_ + 6) {
        Error(pos_, "shape: needs a shape such as Xxxx or dd");
        return false;
      }
      t->kind = AtomKind::kShape;
      t->text = s_.substr(pos_ + 6, e - pos_ - 6);
      pos_ = e;
      return true;
    }
    if (c == '_') {
      Error(pos_, "'_' (any token) cannot be negated or used inside [ ]");
      return false;
    }
    size_t e = pos_;
    while (e < s_.size() && IsIdentChar(s_[e])) ++e;
    std::string word = s_.substr(pos_, e - pos_);
    if (IsUpperIdent(word)) {
      t->kind = AtomKind::kEntInside;
      t->text = word;
      pos_ = e;
      return true;
    }
    if (word.empty()) {
      Error(pos_, std::string("unexpected '") + c + "'");
    } else {
      Error(pos_, "unknown token test '" + word +
                      "' (words are written in quotes: \"" + word + "\")");
    }
    return false;
  }

  const TextPosition& src_;
  const std::string& s_;
  const std::string& file_;
  std::vector<ParseError>* errors_;
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<PatternNode> ParsePattern(const TextPosition& src,
                                          const std::string& file,
                                          std::vector<ParseError>* errors) {
  Parser p(src, file, errors);
  return p.Parse();
}

}  // namespace newsgraph
