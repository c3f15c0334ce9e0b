// Amounts: numbers, number words, scales, currencies, percent, bounds.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>
#include <string>

#include "newsgraph/resolve.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

// Parses "1,300,000", "4.2", ".125"; false when not a plain number.
bool ParseNumber(std::string_view s, double* out) {
  // The digits and points, NUL-ended for strtod: on the stack when short.
  char buffer[64];
  std::string long_clean;
  char* clean = buffer;
  if (s.size() >= sizeof buffer) {
    long_clean.resize(s.size() + 1);
    clean = long_clean.data();
  }
  size_t n = 0;
  bool digit = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      clean[n++] = c;
      digit = true;
    } else if (c == '.') {
      clean[n++] = c;
    } else if (c != ',') {
      return false;
    }
  }
  if (!digit) return false;
  clean[n] = '\0';
  char* end = nullptr;
  *out = std::strtod(clean, &end);
  return end && *end == '\0';
}

bool ParseAttrNumber(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string v(s);
  char* end = nullptr;
  *out = std::strtod(v.c_str(), &end);
  return end && *end == '\0';
}

}  // namespace

Normalizer::Normalizer(const RuleSet& rules) : rules_(rules) {
  // The kinds of local currency words are the values of local= in the
  // lexicons ("dollar"); a place gives each kind its code ("dollar=CAD").
  std::set<std::string> kinds;
  for (const Lexicon& lex : rules.lexicons())
    for (const LexiconEntry& e : lex.entries)
      if (auto k = FindAttribute(e.attributes, "local"); !k.empty()) kinds.emplace(k);
  for (const Lexicon& lex : rules.lexicons()) {
    for (const LexiconEntry& e : lex.entries) {
      for (const std::string& kind : kinds) {
        auto code = FindAttribute(e.attributes, kind);
        if (code.empty()) continue;
        local_currency_[{ToLowerUtf8(e.surface), kind}] = std::string(code);
        if (!e.canonical.empty()) local_currency_[{ToLowerUtf8(e.canonical), kind}] = std::string(code);
      }
    }
  }
  // The entries that say something of an amount, with their numbers parsed.
  for (uint32_t x = 0; x < rules.lexicons().size(); ++x) {
    const auto& entries = rules.lexicons()[x].entries;
    for (uint32_t i = 0; i < entries.size(); ++i) {
      const Attributes& attrs = entries[i].attributes;
      bool useful = false;
      for (const char* key : {"value", "scale", "currency", "percent", "min", "max", "bound",
                              "factor"})
        useful = useful || !FindAttribute(attrs, key).empty();
      if (!useful) continue;
      AmountWords a;
      auto number = [&](const char* key, std::optional<double>* out) {
        double v;
        if (ParseAttrNumber(FindAttribute(attrs, key), &v)) *out = v;
      };
      number("value", &a.value);
      number("scale", &a.scale);
      number("factor", &a.factor);
      number("min", &a.min);
      number("max", &a.max);
      a.currency = FindAttribute(attrs, "currency");
      a.local = FindAttribute(attrs, "local");
      a.unit = FindAttribute(attrs, "unit");
      a.bound = FindAttribute(attrs, "bound");
      a.percent = FindAttribute(attrs, "percent") == "yes";
      amounts_.emplace(uint64_t{x} << 32 | i, a);
    }
  }
}

const Normalizer::AmountWords* Normalizer::AmountOf(const LexiconHit& hit) const {
  auto it = amounts_.find(uint64_t{hit.lexicon} << 32 | hit.entry);
  return it == amounts_.end() ? nullptr : &it->second;
}

std::string Normalizer::LocalCurrency(std::string_view place, std::string_view local) const {
  auto it = local_currency_.find({ToLowerUtf8(place), std::string(local)});
  return it == local_currency_.end() ? "" : it->second;
}

Quantity Normalizer::ParseQuantity(std::string_view text,
                                   const Segmentation& seg,
                                   const std::vector<LexiconHit>& hits,
                                   TokenRange r) const {
  Quantity q;
  std::optional<double> base, low, high;
  double scale = 1;
  std::string bound;
  // The lexicon hits inside the range, met in order as `t` moves on: the
  // hits are sorted by start.
  auto next = std::lower_bound(hits.begin(), hits.end(), r.begin,
                               [](const LexiconHit& h, uint32_t b) { return h.tokens.begin < b; });
  for (uint32_t t = r.begin; t < r.end;) {
    while (next != hits.end() && next->tokens.begin < t) ++next;
    const LexiconHit* hit = nullptr;
    const AmountWords* amount = nullptr;
    for (auto h = next; h != hits.end() && h->tokens.begin == t; ++h) {
      if (!r.Contains(h->tokens)) continue;
      const AmountWords* a = AmountOf(*h);
      if (a && (!hit || h->tokens.size() > hit->tokens.size())) hit = &*h, amount = a;
    }
    if (hit) {
      const auto& entry = rules_.lexicons()[hit->lexicon].entries[hit->entry];
      if (amount->value) base = base ? *base * *amount->value : *amount->value;
      if (amount->scale) scale *= *amount->scale;
      if (amount->factor) scale *= *amount->factor;
      if (amount->min) low = *amount->min;
      if (amount->max) high = *amount->max;
      // Unit text: the entry's unit= attribute, else its canonical form,
      // else the words as written.
      auto unit_text = [&] {
        if (!amount->unit.empty()) return std::string(amount->unit);
        if (!entry.canonical.empty()) return entry.canonical;
        Span b{seg.tokens[hit->tokens.begin].span.begin, seg.tokens[hit->tokens.end - 1].span.end};
        return std::string(text.substr(b.begin, b.size()));
      };
      if (!amount->currency.empty()) {
        q.unit_code = std::string(amount->currency);
        q.unit_text = unit_text();
        q.local = std::string(amount->local);
      }
      if (amount->percent) {
        q.unit_code = "P1";
        q.unit_text = unit_text();
      }
      if (!amount->bound.empty()) bound = std::string(amount->bound);
      t = hit->tokens.end;
      continue;
    }
    const Token& tok = seg.tokens[t];
    std::string_view s = TokenText(text, tok);
    double v;
    if (tok.kind == TokenKind::kNumber) {
      size_t dash = s.find('-');
      if (dash != std::string_view::npos && dash > 0 &&
          ParseNumber(s.substr(0, dash), &v)) {
        double v2;
        if (ParseNumber(s.substr(dash + 1), &v2)) {
          low = v;
          high = v2;
        }
      } else if (ParseNumber(s, &v)) {
        base = v;
      }
    }
    ++t;
  }
  if (base) {
    double value = *base * scale;
    if (bound == "min") {
      q.min = value;
    } else if (bound == "max") {
      q.max = value;
    } else {
      q.value = value;
      q.approximate = bound == "approx";
    }
  } else if (low || high) {
    // A range, or bounds such as "triple-digit": the scale applies to both.
    if (low) q.min = *low * scale;
    if (high) q.max = *high * scale;
  } else if (scale != 1) {
    q.value = scale;  // "a million"
  }
  // Keep values free of binary noise: 4.2 * 1e9 is 4200000000.000001 and
  // 8.54 * 1e9 is 8539999999.999999. A figure in the text has far fewer
  // than 15 significant digits, so those 15 are the figure; beyond
  // millionths nothing is kept.
  auto tidy = [](std::optional<double>& x) {
    if (!x) return;
    char buf[40];
    const auto printed = std::to_chars(buf, buf + sizeof buf - 1, *x, std::chars_format::general, 15);
    *printed.ptr = '\0';
    *x = std::strtod(buf, nullptr);
    if (std::fabs(*x) < 1e9) *x = std::round(*x * 1e6) / 1e6;
  };
  tidy(q.value);
  tidy(q.min);
  tidy(q.max);
  return q;
}

}  // namespace newsgraph
