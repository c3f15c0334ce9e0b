// The .rules file parser: rule blocks, macros and emit specs.
#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "rules/internal.h"

namespace newsgraph {
namespace {

const std::set<std::string>& RuleKeys() {
  static const std::set<std::string> kKeys = {
      "family", "priority", "confidence", "stage", "overlap", "pattern",
      "emit",   "example",  "expect",     "counter"};
  return kKeys;
}

bool IsRuleIdChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' ||
         c == '_';
}

// Appends `piece` (from file line `line`, starting at 1-based `col`) to a
// property value, separated from what is there by a newline.
void AppendPiece(TextPosition* v, std::string_view piece, int line, int col) {
  if (!v->text.empty()) {
    v->text.push_back('\n');
    v->positions.emplace_back(line, col);
  }
  for (size_t i = 0; i < piece.size(); ++i) {
    v->text.push_back(piece[i]);
    v->positions.emplace_back(line, col + static_cast<int>(i));
  }
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
    s.remove_suffix(1);
  return s;
}

class EmitParser {
 public:
  EmitParser(const TextPosition& src, const std::string& file,
             Diagnostics* diags)
      : src_(src), s_(src.text), file_(file), diags_(diags) {}

  bool Parse(Emit* out, std::vector<std::string>* refs) {
    Skip();
    size_t at = pos_;
    std::string kind = Ident();
    if (kind.empty()) return Fail(at, "emit needs a kind, e.g. membership(...) or PERSON");
    out->kind = kind;
    auto [l, c] = src_.At(at);
    out->where = {file_, l, c};
    Skip();
    if (pos_ >= s_.size()) return true;
    if (s_[pos_] != '(') return Fail(pos_, "expected '(' after '" + kind + "'");
    ++pos_;
    Skip();
    if (pos_ < s_.size() && s_[pos_] == ')') {
      ++pos_;
      return Trailing();
    }
    while (true) {
      Skip();
      size_t arg_at = pos_;
      EmitArg arg;
      arg.name = Ident();
      if (arg.name.empty()) return Fail(arg_at, "expected an argument name");
      auto [al, ac] = src_.At(arg_at);
      arg.where = {file_, al, ac};
      Skip();
      if (pos_ >= s_.size() || s_[pos_] != '=')
        return Fail(pos_, "expected '=' after '" + arg.name + "'");
      ++pos_;
      while (true) {
        Skip();
        ValueRef v;
        size_t vat = pos_;
        if (pos_ < s_.size() && s_[pos_] == '"') {
          size_t close = s_.find('"', pos_ + 1);
          if (close == std::string::npos) return Fail(vat, "unterminated string");
          v.kind = ValueRef::Kind::kLiteral;
          v.text = s_.substr(pos_ + 1, close - pos_ - 1);
          pos_ = close + 1;
        } else if (pos_ < s_.size() &&
                   (std::isdigit(static_cast<unsigned char>(s_[pos_])) ||
                    s_[pos_] == '-')) {
          size_t e = pos_ + 1;
          while (e < s_.size() &&
                 (std::isdigit(static_cast<unsigned char>(s_[e])) || s_[e] == '.'))
            ++e;
          v.kind = ValueRef::Kind::kLiteral;
          v.text = s_.substr(pos_, e - pos_);
          pos_ = e;
        } else {
          std::string name = Ident();
          if (name.empty()) return Fail(vat, "expected a capture name, capture.attribute or \"literal\"");
          v.kind = ValueRef::Kind::kCapture;
          v.text = name;
          if (pos_ < s_.size() && s_[pos_] == '.') {
            ++pos_;
            std::string attr = Ident();
            if (attr.empty()) return Fail(pos_, "expected an attribute name after '.'");
            v.kind = ValueRef::Kind::kAttribute;
            v.text = name + "." + attr;
          }
          refs->push_back(name);
        }
        arg.choices.push_back(std::move(v));
        Skip();
        if (pos_ < s_.size() && s_[pos_] == '|') {
          ++pos_;
          continue;
        }
        break;
      }
      out->args.push_back(std::move(arg));
      Skip();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ')') {
        ++pos_;
        return Trailing();
      }
      return Fail(pos_, "expected ',' or ')'");
    }
  }

 private:
  bool Trailing() {
    Skip();
    if (pos_ < s_.size()) return Fail(pos_, "unexpected text after ')'");
    return true;
  }
  bool Fail(size_t at, const std::string& msg) {
    auto [l, c] = src_.At(at);
    diags_->Error(file_, l, c, msg);
    return false;
  }
  void Skip() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_])))
      ++pos_;
  }
  std::string Ident() {
    size_t e = pos_;
    while (e < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[e])) || s_[e] == '_'))
      ++e;
    std::string id = s_.substr(pos_, e - pos_);
    pos_ = e;
    return id;
  }

  const TextPosition& src_;
  const std::string& s_;
  const std::string& file_;
  Diagnostics* diags_;
  size_t pos_ = 0;
};

}  // namespace

bool ParseEmit(const TextPosition& src, const std::string& file, Emit* out,
               std::vector<std::string>* capture_refs, Diagnostics* diags) {
  EmitParser p(src, file, diags);
  return p.Parse(out, capture_refs);
}

void ParseRuleFile(const std::string& path, const std::string& content,
                   std::vector<ParsedRule>* rules,
                   std::vector<ParsedMacro>* macros, Diagnostics* diags) {
  ParsedRule* rule = nullptr;  // the rule being read
  TextPosition* value = nullptr;  // the property that continuation lines extend
  std::string value_key;
  TextPosition macro_src;
  ParsedMacro* macro = nullptr;
  std::vector<std::pair<std::string, TextPosition>> props;
  size_t property_indent = 0;  // indentation of the rule's property lines

  auto finish_macro = [&]() {
    if (!macro) return;
    std::vector<ParseError> errors;
    macro->pattern = ParsePattern(macro_src, path, &errors);
    for (auto& e : errors) diags->Error(path, e.line, e.column, e.message);
    macro = nullptr;
  };
  auto finish_rule = [&]() {
    if (!rule) return;
    Rule& r = rule->rule;
    bool has_family = false, has_pattern = false;
    for (auto& [key, v] : props) {
      auto [line, col] = v.At(0);
      std::string text = v.text;
      // Copies: a lambda may not capture structured bindings before C++20's
      // P1091 (clang 14, used for fuzzing, lacks it).
      auto number = [&, line = line, col = col, key = key](double* out) {
        try {
          size_t used = 0;
          *out = std::stod(text, &used);
          if (used != text.size()) throw std::invalid_argument("");
          return true;
        } catch (...) {
          diags->Error(path, line, col, key + " must be a number, not '" + text + "'");
          return false;
        }
      };
      if (key == "family") {
        has_family = true;
        static const std::pair<const char*, Family> kFamilies[] = {
            {"entity", Family::kEntity},
            {"membership", Family::kMembership},
            {"change", Family::kChange},
            {"observation", Family::kObservation},
            {"reports", Family::kReports},
            {"suborganization", Family::kSubOrganization},
            {"succession", Family::kSuccession},
            {"dateline", Family::kDateline}};
        bool found = false;
        for (auto& [name, f] : kFamilies) {
          if (text == name) {
            r.family = f;
            found = true;
          }
        }
        if (!found)
          diags->Error(path, line, col,
                       "unknown family '" + text +
                           "' (entity, membership, change, observation, "
                           "reports, suborganization, succession, dateline)");
      } else if (key == "priority" || key == "stage") {
        double d;
        if (number(&d)) {
          if (d != static_cast<int>(d)) {
            diags->Error(path, line, col, key + " must be an integer");
          } else if (key == "priority") {
            r.priority = static_cast<int>(d);
          } else {
            r.stage = static_cast<int>(d);
          }
        }
      } else if (key == "overlap") {
        if (text == "yes" || text == "no") {
          r.overlap = text == "yes";
        } else {
          diags->Error(path, line, col, "overlap must be yes or no, not '" + text + "'");
        }
      } else if (key == "confidence") {
        double d;
        if (number(&d)) {
          if (d < 0 || d > 1)
            diags->Error(path, line, col, "confidence must be within [0, 1]");
          r.confidence = d;
        }
      } else if (key == "pattern") {
        if (has_pattern) {
          diags->Error(path, line, col, "a rule has one pattern");
          continue;
        }
        has_pattern = true;
        r.pattern = text;
        rule->pattern_src = v;
        std::vector<ParseError> errors;
        rule->pattern = ParsePattern(v, path, &errors);
        for (auto& e : errors) diags->Error(path, e.line, e.column, e.message);
      } else if (key == "emit") {
        rule->emit_srcs.push_back(v);
      } else if (key == "example" || key == "counter") {
        RuleExample ex;
        ex.text = text;
        ex.must_match = key == "example";
        ex.where = {path, line, col};
        r.examples.push_back(std::move(ex));
      } else if (key == "expect") {
        if (r.examples.empty() || !r.examples.back().must_match) {
          diags->Error(path, line, col, "expect: must follow an example:");
          continue;
        }
        // name="text" pairs.
        size_t i = 0;
        auto& expect = r.examples.back().expect;
        while (i < text.size()) {
          while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
          if (i >= text.size()) break;
          size_t eq = text.find('=', i);
          if (eq == std::string::npos || eq + 1 >= text.size() || text[eq + 1] != '"') {
            auto [el, ec] = v.At(i);
            diags->Error(path, el, ec, "expect: takes capture=\"text\" pairs");
            break;
          }
          size_t close = text.find('"', eq + 2);
          if (close == std::string::npos) {
            auto [el, ec] = v.At(eq);
            diags->Error(path, el, ec, "unterminated string in expect:");
            break;
          }
          expect.emplace_back(text.substr(i, eq - i),
                              text.substr(eq + 2, close - eq - 2));
          i = close + 1;
        }
      }
    }
    if (!has_family)
      diags->Error(path, r.where.line, r.where.column, "rule '" + r.id + "' has no family:");
    if (!has_pattern)
      diags->Error(path, r.where.line, r.where.column, "rule '" + r.id + "' has no pattern:");
    if (r.overlap && r.family == Family::kEntity)
      diags->Error(path, r.where.line, r.where.column,
                   "rule '" + r.id + "': overlap: is for relation rules (entity mentions are disjoint)");
    if (rule->emit_srcs.empty())
      diags->Error(path, r.where.line, r.where.column, "rule '" + r.id + "' has no emit:");
    rule = nullptr;
    props.clear();
  };

  int line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t eol = content.find('\n', pos);
    if (eol == std::string::npos) eol = content.size();
    std::string_view raw = TrimRight(std::string_view(content).substr(pos, eol - pos));
    pos = eol + 1;
    ++line_no;
    size_t indent = 0;
    while (indent < raw.size() && (raw[indent] == ' ' || raw[indent] == '\t')) ++indent;
    std::string_view line = raw.substr(indent);
    if (line.empty() || line.front() == '#') continue;
    const int col = static_cast<int>(indent) + 1;

    if (indent == 0) {
      value = nullptr;
      finish_macro();
      finish_rule();
      if (line.substr(0, 5) == "rule " || line == "rule") {
        std::string_view id = line.size() > 5 ? line.substr(5) : "";
        while (!id.empty() && id.front() == ' ') id.remove_prefix(1);
        rules->emplace_back();
        rule = &rules->back();
        rule->rule.id = std::string(id);
        rule->rule.where = {path, line_no, 1};
        bool valid = !id.empty();
        for (char c : id) valid = valid && IsRuleIdChar(c);
        if (!valid)
          diags->Error(path, line_no, 6,
                       "a rule needs an id made of letters, digits, '.', '-' "
                       "and '_', e.g. 'rule role.appointment'");
        continue;
      }
      if (line.substr(0, 7) == "define ") {
        std::string_view rest = line.substr(7);
        size_t eq = rest.find('=');
        std::string_view name = TrimRight(rest.substr(0, eq));
        bool valid = eq != std::string_view::npos && name.size() > 1 &&
                     name[0] == '$';
        for (size_t i = 1; i < name.size() && valid; ++i)
          valid = std::isalnum(static_cast<unsigned char>(name[i])) || name[i] == '_';
        if (!valid) {
          diags->Error(path, line_no, 8, "expected 'define $name = pattern'");
          continue;
        }
        macros->emplace_back();
        macro = &macros->back();
        macro->name = std::string(name);
        macro->where = {path, line_no, 8};
        macro_src = TextPosition{};
        size_t vcol = 7 + eq + 1;
        std::string_view body = line.substr(vcol);
        size_t lead = 0;
        while (lead < body.size() && body[lead] == ' ') ++lead;
        AppendPiece(&macro_src, body.substr(lead), line_no,
                    static_cast<int>(vcol + lead) + 1);
        value = &macro_src;
        value_key = "define";
        continue;
      }
      diags->Error(path, line_no, 1,
                   "expected 'rule ID' or 'define $name = ...' at the start of a line "
                   "(rule properties are indented)");
      continue;
    }

    // An indented line: a property of the current rule, or (indented deeper
    // than the property) a continuation of its value.
    size_t colon = line.find(':');
    std::string key = colon == std::string_view::npos
                          ? std::string()
                          : std::string(line.substr(0, colon));
    bool looks_like_key = !key.empty() && colon + 1 < line.size() + 1 &&
                          std::all_of(key.begin(), key.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
                          });
    if (rule && value && value_key != "define" && indent <= property_indent &&
        looks_like_key && !RuleKeys().count(key)) {
      diags->Error(path, line_no, col,
                   "unknown rule property '" + key +
                       "' (family, priority, confidence, stage, pattern, emit, "
                       "example, expect, counter)");
      value = nullptr;
      continue;
    }
    if (rule && RuleKeys().count(key) && (!value || indent <= property_indent)) {
      property_indent = indent;
      std::string_view rest = line.substr(colon + 1);
      size_t lead = 0;
      while (lead < rest.size() && rest[lead] == ' ') ++lead;
      props.emplace_back(key, TextPosition{});
      AppendPiece(&props.back().second, rest.substr(lead), line_no,
                  col + static_cast<int>(colon + 1 + lead));
      value = &props.back().second;
      value_key = key;
      continue;
    }
    if (value) {
      AppendPiece(value, line, line_no, col);
      continue;
    }
    if (rule) {
      diags->Error(path, line_no, col,
                   "unknown rule property '" + key +
                       "' (family, priority, confidence, stage, pattern, emit, "
                       "example, expect, counter)");
    } else {
      diags->Error(path, line_no, col, "indented line outside a rule");
    }
  }
  finish_macro();
  finish_rule();
}

}  // namespace newsgraph
