// N-Quads and N-Triples: the statements a JSON-LD processor (jsonld.js toRDF)
// reads from JsonLdWriter's output, written directly from the Graph.
#include <algorithm>
#include <cfenv>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/serialize.h"

namespace newsgraph {
namespace {

// Fixed by RDF and JSON-LD themselves, not by our vocabulary.
constexpr std::string_view kRdfType =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
constexpr std::string_view kXsdInteger =
    "http://www.w3.org/2001/XMLSchema#integer";
constexpr std::string_view kXsdDouble =
    "http://www.w3.org/2001/XMLSchema#double";

// A term of the @context, e.g. "member" -> org:member, IRI-valued.
struct Term {
  std::string iri;
  bool iri_valued = false;  // "@type": "@id"
  bool prefix = false;      // usable as the prefix of a compact IRI
};
using Vocabulary = std::map<std::string, Term, std::less<>>;

// JSON-LD 1.1 IRI expansion of a compact IRI ("org:Role"); anything else,
// including an absolute IRI ("https://..."), is returned as it is.
std::string ExpandIri(const Vocabulary& vocab, std::string_view value) {
  size_t colon = value.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::string(value);
  std::string_view suffix = value.substr(colon + 1);
  auto it = vocab.find(value.substr(0, colon));
  if (suffix.starts_with("//") || it == vocab.end() || !it->second.prefix)
    return std::string(value);
  return it->second.iri + std::string(suffix);
}

// The term table, read from the @context so that the vocabulary lives in one
// place. jsonld.js marks a term as a prefix when its definition is a plain
// string ending in a gen-delim character (lib/context.js).
Vocabulary ParseContext(std::string_view context) {
  Vocabulary vocab;
  const nlohmann::json json = nlohmann::json::parse(context);
  for (const auto& [key, def] : json.items()) {
    Term term;
    if (def.is_string()) {
      term.iri = def.get<std::string>();
      term.prefix = key.find(':') == std::string::npos && !term.iri.empty() &&
                    std::strchr(":/?#[]@", term.iri.back()) != nullptr;
    } else if (def.is_object() && def.contains("@id")) {
      term.iri = def["@id"].get<std::string>();
      term.iri_valued = def.value("@type", "") == "@id";
    }
    // Skips "@version" and the keyword aliases ("id": "@id").
    if (key.starts_with('@') || term.iri.empty() || term.iri.starts_with('@'))
      continue;
    vocab.emplace(key, std::move(term));
  }
  for (auto& [key, term] : vocab) term.iri = ExpandIri(vocab, term.iri);
  return vocab;
}

const Vocabulary& Vocab() {
  static const Vocabulary kVocab = ParseContext(JsonLdContext());
  return kVocab;
}

void AppendUnicodeEscape(std::string* out, unsigned code) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\u%04X", code);
  *out += buf;
}

// <iri>, with the characters IRIREF forbids written as \uXXXX.
std::string IriToken(std::string_view iri) {
  std::string out = "<";
  for (char c : iri) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || std::strchr("<>\"{}|^`\\", c) != nullptr)
      AppendUnicodeEscape(&out, u);
    else
      out.push_back(c);
  }
  return out + ">";
}

// The short escape of an N-Triples string character (ECHAR), if it has one.
const char* ShortEscape(char c) {
  switch (c) {
    case '\\':
      return "\\\\";
    case '"':
      return "\\\"";
    case '\t':
      return "\\t";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    default:
      return nullptr;
  }
}

// "text" in canonical N-Triples form, as N3.js writes it: short escapes where
// they exist, \uXXXX for other controls, U+FFFE and U+FFFF; UTF-8 otherwise.
std::string LiteralToken(std::string_view text, std::string_view datatype) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size(); ++i) {
    auto u = static_cast<unsigned char>(text[i]);
    if (const char* escape = ShortEscape(text[i])) {
      out += escape;
    } else if (u < 0x20 || u == 0x7F) {
      AppendUnicodeEscape(&out, u);
    } else if (text.substr(i, 2) == "\xEF\xBF" && i + 2 < text.size() &&
               (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      AppendUnicodeEscape(&out, text[i + 2] == '\xBE' ? 0xFFFE : 0xFFFF);
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  out += '"';
  if (!datatype.empty()) out += "^^" + IriToken(datatype);
  return out;
}

// Whether |d| lies exactly halfway between two 16-digit decimals: printf
// breaks such a tie to even, JavaScript's toExponential away from zero.
bool IsTieAt16Digits(double d) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.16e", std::fabs(d));
  if (digits[17] != '5') return false;  // the 17th significant digit
  // No double has more than 767 significant digits: this is its exact value.
  char exact[800];
  std::snprintf(exact, sizeof exact, "%.766e", std::fabs(d));
  std::string_view rest(exact + 17, 751);  // digits 17 to 767
  return rest[0] == '5' &&
         rest.find_first_not_of('0', 1) == std::string_view::npos;
}

// jsonld.js lib/toRdf.js:305, for a double:
//   value.toExponential(15).replace(/(\d)0*e\+?/, '$1E')
// i.e. 16 significant digits, trailing zeros dropped but one digit kept after
// the point, and a bare exponent: 0.95 -> "9.5E-1", 1e21 -> "1.0E21".
std::string CanonicalDouble(double d) {
  char buf[32];
  const int saved = std::fegetround();
  if (IsTieAt16Digits(d)) std::fesetround(d > 0 ? FE_UPWARD : FE_DOWNWARD);
  std::snprintf(buf, sizeof buf, "%.15e", d);
  std::fesetround(saved);
  std::string_view s(buf);
  size_t e = s.find('e');
  size_t last = s.find_last_not_of('0', e - 1);
  if (s[last] == '.') ++last;  // keep "9.0"
  return std::string(s.substr(0, last + 1)) + "E" +
         std::to_string(std::atoi(buf + e + 1));
}

// jsonld.js calls a number a double when JavaScript prints it with a '.' or
// it is at least 1e21 (lib/types.js isDouble), and an integer otherwise. Below
// 1e-6 JavaScript prints "1e-7", "1.5e-7": shortest digits, like to_chars.
bool JsIsDouble(double d) {
  if (std::fabs(d) >= 1e21) return true;
  if (d == std::trunc(d)) return false;
  if (std::fabs(d) >= 1e-6) return true;
  char buf[32];
  auto end =
      std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific)
          .ptr;
  return std::find(buf, end, '.') != end;
}

// A number literal; empty for NaN and infinities, which JsonLdWriter writes
// as null and a JSON-LD processor therefore drops.
std::string NumberToken(double d) {
  if (!std::isfinite(d)) return "";
  if (JsIsDouble(d)) return LiteralToken(CanonicalDouble(d), kXsdDouble);
  // As toFixed(0): exact digits, "0" for -0, but "-0" for -1e-7.
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", d == 0 ? 0.0 : d);
  return LiteralToken(buf, kXsdInteger);
}

// Collects the statements of one graph (named or default).
class Statements {
 public:
  Statements(std::string graph, std::vector<std::string>* lines)
      : graph_(std::move(graph)), lines_(lines) {}

  void Add(const std::string& subject, std::string_view predicate,
           const std::string& object) {
    if (object.empty()) return;
    lines_->push_back(subject + " " + IriToken(predicate) + " " + object +
                      graph_ + " .\n");
  }

  void AddType(const std::string& subject, std::string_view class_term) {
    auto it = Vocab().find(class_term);
    if (it != Vocab().end()) Add(subject, kRdfType, IriToken(it->second.iri));
  }

  // A property as the context maps it; a term the context lacks would be
  // dropped by a JSON-LD processor, and is dropped here too.
  void AddProperty(const std::string& subject, std::string_view name,
                   const Value& value) {
    auto it = Vocab().find(name);
    if (it == Vocab().end()) return;
    const Term& term = it->second;
    auto object = [&](const std::string& s) {
      return term.iri_valued ? IriToken(ExpandIri(Vocab(), s))
                             : LiteralToken(s, "");
    };
    if (value.kind == Value::Kind::kNumber)
      Add(subject, term.iri, NumberToken(value.number));
    else if (value.kind == Value::Kind::kIri ||
             value.kind == Value::Kind::kString)
      Add(subject, term.iri, object(value.text));
    else
      for (const std::string& s : value.list) Add(subject, term.iri, object(s));
  }

  // JsonLdWriter writes properties as keys of one object, so a repeated
  // name keeps only its last value.
  void AddProperties(const std::string& subject,
                     const std::vector<std::pair<std::string, Value>>& props) {
    std::map<std::string_view, const Value*> last;
    for (const auto& [name, value] : props) last[name] = &value;
    for (const auto& [name, value] : last) AddProperty(subject, name, *value);
  }

 private:
  std::string graph_;  // " <iri>", or empty for the default graph
  std::vector<std::string>* lines_;
};

std::string Iri(std::string_view iri) {
  return IriToken(ExpandIri(Vocab(), iri));
}

void AddNode(const Node& node, Statements* out) {
  const std::string subject = Iri(node.iri);
  out->AddType(subject, node.type);
  out->AddProperties(subject, node.properties);
  const std::string link = Vocab().at("evidence").iri;
  for (const GraphEvidence& ev : node.evidence) {
    const std::string selector = Iri(ev.iri);
    out->Add(subject, link, selector);
    out->AddType(selector, "Evidence");
    out->AddProperty(selector, "exact", Value::String(ev.exact));
    out->AddProperty(selector, "start",
                     Value::Number(static_cast<double>(ev.start)));
    out->AddProperty(selector, "end",
                     Value::Number(static_cast<double>(ev.end)));
  }
}

}  // namespace

std::string RdfWriter::Write(const Graph& g) const {
  std::vector<std::string> lines;
  const std::string doc = Iri(g.doc_iri);
  Statements article("", &lines);
  article.AddType(doc, "Article");
  article.AddProperties(doc, g.doc_properties);
  article.AddProperty(doc, "mentions", Value::IriList(g.mentions));
  Statements named(syntax_ == RdfSyntax::kNQuads ? " " + doc : "", &lines);
  for (const Node& node : g.nodes) AddNode(node, &named);

  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  std::string out;
  for (const std::string& line : lines) out += line;
  return out;
}

}  // namespace newsgraph
