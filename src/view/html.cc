#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "model.h"
#include "newsgraph/text.h"
#include "newsgraph/unicode.h"
#include "newsgraph/view.h"

namespace newsgraph {
namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0; padding: 0 1.5rem 3rem;
       display: flex; flex-direction: column; }
body > header { order: -2; border-bottom: 1px solid var(--line); padding: .8rem 0; }
body > header h1 { font-size: 1.2rem; margin: 0 0 .4rem; }
nav.toc { order: -1; border-bottom: 1px solid var(--line); padding: .5rem 0; }
nav.toc h2 { font-size: 1rem; margin: 0; }
nav.toc ol { columns: 2 24rem; margin: .3rem 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0; list-style: none; }
section.doc { border-bottom: 1px solid var(--line); padding: 1rem 0; }
section.doc h2 { font-size: 1.1rem; margin: 0; }
.meta { color: var(--muted); font-size: .85rem; margin: .2rem 0 .6rem; word-break: break-all; }
.cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
@media (max-width: 900px) { .cols { grid-template-columns: 1fr; } }
.text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 70vh; overflow: auto;
        border: 1px solid var(--line); border-radius: 6px; padding: .8rem; }
mark { border-radius: 3px; padding: 0 1px; color: inherit; }
.e-person { background: #fde68a; } .e-organization { background: #bfdbfe; }
.e-role { background: #ddd6fe; } .e-place { background: #bbf7d0; }
.e-money { background: #fecaca; } .e-percent { background: #fbcfe8; }
.e-quantity { background: #fed7aa; } .e-date { background: #e5e7eb; }
.e-other { background: transparent; border-bottom: 1px dotted var(--muted); border-radius: 0; }
mark.pronoun { background: transparent; border-bottom: 2px dashed #9ca3af; border-radius: 0; }
.legend mark { padding: 0 .4rem; }
.hl { background: #facc15 !important; outline: 1px solid #a16207; }
h3 { font-size: .95rem; margin: .8rem 0 .3rem; }
ol.rels { margin: 0; padding-left: 1.2rem; }
.rel { cursor: pointer; border-radius: 4px; padding: .1rem .3rem; }
.rel:hover, .rel:focus, .rel.on { background: #fef9c3; outline: none; }
.rel .why { display: block; color: var(--muted); font-size: .8rem; }
.info { min-height: 1.3em; color: var(--muted); font-size: .85rem; margin: .3rem 0; }
.none { color: var(--muted); }
svg.graph { width: 100%; max-width: 960px; height: auto; display: block; border: 1px solid var(--line); border-radius: 6px; margin-top: .6rem; }
svg.graph text { font: 11px system-ui, sans-serif; fill: var(--ink); }
svg.graph .person rect { fill: #fde68a; } svg.graph .org rect { fill: #bfdbfe; }
svg.graph path, svg.graph line { fill: none; stroke: #6b7280; stroke-width: 1.2; }
svg.graph .merge { stroke: #1d4ed8; stroke-width: 1.8; }
svg.graph .unit { stroke-dasharray: 4 3; }
svg.graph .edge-label { font-size: 10px; fill: #374151; }
)css";

// Selecting a relation (hover, focus or click) highlights the pieces of text
// its evidence covers: each piece carries its code-point offset in data-o.
constexpr std::string_view kScript = R"js(
(function () {
  var current = null;
  function select(rel, scroll) {
    if (rel === current && !scroll) return;
    current = rel;
    var sec = rel.closest('section');
    sec.querySelectorAll('.hl').forEach(function (x) { x.classList.remove('hl'); });
    sec.querySelectorAll('.rel.on').forEach(function (x) { x.classList.remove('on'); });
    rel.classList.add('on');
    var ranges = rel.dataset.ev.split(' ').map(function (r) { return r.split('-').map(Number); });
    var first = null;
    sec.querySelectorAll('.text [data-o]').forEach(function (p) {
      var s = Number(p.dataset.o), e = s + Array.from(p.textContent).length;
      var inside = ranges.some(function (r) { return e > s && s >= r[0] && e <= r[1]; });
      if (inside) { p.classList.add('hl'); if (!first) first = p; }
    });
    var info = sec.querySelector('.info');
    if (info) info.textContent = 'rule ' + rel.dataset.rule + ', confidence ' + rel.dataset.confidence +
                                 ', evidence at ' + rel.dataset.ev;
    if (scroll && first) first.scrollIntoView({block: 'nearest'});
  }
  function pick(e, scroll) {
    var rel = e.target.closest && e.target.closest('.rel');
    if (rel) select(rel, scroll);
  }
  document.addEventListener('mouseover', function (e) { pick(e, false); });
  document.addEventListener('focusin', function (e) { pick(e, false); });
  document.addEventListener('click', function (e) { pick(e, true); });
})();
)js";

// The contract's eight entity types, and how a mention type maps to one.
constexpr std::string_view kLegend[] = {"person", "organization", "role",     "place",
                                        "money",  "percent",      "quantity", "date"};

std::string TypeClass(std::string type) {
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (type == "period") type = "date";
  for (auto known : kLegend)
    if (type == known) return "e-" + type;
  return "e-other";
}

std::string Confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

// Byte offsets of `text` to code-point offsets, for sorted byte offsets.
std::vector<size_t> CodePointsAt(std::string_view text, const std::vector<size_t>& bytes) {
  std::vector<size_t> out;
  out.reserve(bytes.size());
  size_t pos = 0, cp = 0;
  for (size_t b : bytes) {
    const size_t to = std::min(b, text.size());
    if (to > pos) {
      cp += CountCodePoints(text.substr(pos, to - pos));
      pos = to;
    }
    out.push_back(cp);
  }
  return out;
}

// The article text, split into pieces at every mention and evidence boundary;
// mentions wrapped in <mark>.
std::string RenderText(const Document& doc, const Annotation& ann, const view::Model& model,
                       const std::vector<std::string>& type_names) {
  const std::string& text = doc.text;
  std::vector<size_t> mention_bytes;
  std::vector<const Mention*> mentions;
  for (const Mention& m : ann.mentions)
    if (m.span.end > m.span.begin) mentions.push_back(&m);
  for (const Mention* m : mentions) {
    mention_bytes.push_back(m->span.begin);
    mention_bytes.push_back(m->span.end);
  }
  std::vector<size_t> mention_cps = CodePointsAt(text, mention_bytes);
  size_t total = CountCodePoints(text);
  std::set<size_t> cuts = {0, total};
  for (size_t c : mention_cps) cuts.insert(c);
  for (const auto& r : model.relations)
    for (const auto& e : r.evidence) {
      cuts.insert(std::min(e.start, total));
      cuts.insert(std::min(e.end, total));
    }
  // Code-point cuts back to bytes, in one pass.
  std::map<size_t, size_t> byte_at;  // code point -> byte
  {
    size_t pos = 0, cp = 0;
    for (size_t c : cuts) {
      while (cp < c && pos < text.size()) {
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
        ++cp;
      }
      byte_at[c] = pos;
    }
  }
  std::map<size_t, size_t> opens, closes;  // code point -> mention index
  for (size_t i = 0; i < mentions.size(); ++i) {
    opens[mention_cps[2 * i]] = i;
    closes[mention_cps[2 * i + 1]] = i;
  }
  std::string out;
  out.reserve(text.size() * 2);
  std::vector<size_t> points(cuts.begin(), cuts.end());
  for (size_t k = 0; k + 1 < points.size(); ++k) {
    size_t a = points[k], b = points[k + 1];
    if (auto it = opens.find(a); it != opens.end()) {
      const Mention& m = *mentions[it->second];
      std::string type = m.type < type_names.size() ? type_names[m.type] : "?";
      std::string cls = TypeClass(type) + (m.pronoun ? " pronoun" : "");
      std::string title = type;
      if (!m.canonical.empty()) title += ": " + m.canonical;
      out += "<mark class=\"" + cls + "\" title=\"" + HtmlEscape(title) + "\">";
    }
    out += "<span data-o=\"" + std::to_string(a) + "\">";
    out += HtmlEscape(std::string_view(text).substr(byte_at[a], byte_at[b] - byte_at[a]));
    out += "</span>";
    if (closes.count(b)) out += "</mark>";
  }
  return out;
}

std::string RenderRelations(const view::Model& model) {
  static const std::pair<view::Family, const char*> kFamilies[] = {
      {view::Family::kMembership, "Person \u2014 role \u2014 organization"},
      {view::Family::kChange, "Merges into"},
      {view::Family::kObservation, "Metric \u2014 value"}};
  std::string out;
  for (const auto& [family, heading] : kFamilies) {
    out += "<h3>" + std::string(heading) + "</h3>\n";
    std::string items;
    for (const auto& r : model.relations) {
      if (r.family != family) continue;
      std::string ev;
      for (const auto& e : r.evidence) {
        if (!ev.empty()) ev += ' ';
        ev += std::to_string(e.start) + "-" + std::to_string(e.end);
      }
      items += "<li class=\"rel\" tabindex=\"0\" data-iri=\"" + HtmlEscape(r.iri) +
               "\" data-ev=\"" + ev + "\" data-rule=\"" + HtmlEscape(r.rule) +
               "\" data-confidence=\"" + Confidence(r.confidence) + "\"><span class=\"say\">" +
               HtmlEscape(r.sentence) + "</span><span class=\"why\">" + HtmlEscape(r.rule) +
               " \u00b7 " + Confidence(r.confidence) + "</span></li>\n";
    }
    out += items.empty() ? "<p class=\"none\">none</p>\n" : "<ol class=\"rels\">\n" + items + "</ol>\n";
  }
  return out;
}

// Persons in a column on the left, organizations on the right; roles as
// lines between them, merges and units as arcs right of the organizations,
// reporting lines as arcs left of the persons.
std::string RenderSvg(const view::Model& model) {
  std::vector<const view::Entity*> persons, orgs;
  for (const auto& e : model.entities) (e.person ? persons : orgs).push_back(&e);
  if (persons.empty() && orgs.empty()) return "";
  constexpr int kRow = 34, kTop = 24, kBoxW = 190, kBoxH = 24;
  constexpr int kPersonX = 230, kWidth = 960;
  const int org_x = persons.empty() ? kPersonX : 650;  // no empty column
  std::map<std::string, std::pair<int, int>> at;  // IRI -> centre
  for (size_t i = 0; i < persons.size(); ++i)
    at[persons[i]->iri] = {kPersonX, kTop + static_cast<int>(i) * kRow + kBoxH / 2};
  for (size_t i = 0; i < orgs.size(); ++i)
    at[orgs[i]->iri] = {org_x, kTop + static_cast<int>(i) * kRow + kBoxH / 2};
  int height = kTop * 2 + static_cast<int>(std::max(persons.size(), orgs.size())) * kRow;
  auto clip = [](const std::string& s, size_t most = 28) {
    std::string out;
    size_t cps = 0, i = 0;
    while (i < s.size() && cps < most) {
      size_t start = i;
      DecodeUtf8(s, &i);
      out.append(s, start, i - start);
      ++cps;
    }
    return i < s.size() ? out + "\u2026" : out;
  };
  std::string out = "<svg class=\"graph\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
                    std::to_string(height) +
                    "\" role=\"img\" aria-label=\"graph of persons and organizations\">\n"
                    "<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" "
                    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" "
                    "fill=\"#6b7280\"/></marker></defs>\n";
  std::map<std::pair<std::string, std::string>, int> seen;  // repeated edges fan out
  std::set<std::pair<std::string, std::string>> labelled;  // (to, label)
  for (const auto& e : model.edges) {
    auto from = at.find(e.from), to = at.find(e.to);
    if (from == at.end() || to == at.end() || e.from == e.to) continue;
    int n = seen[{e.from, e.to}]++;
    auto [x1, y1] = from->second;
    auto [x2, y2] = to->second;
    std::string cls = e.kind == view::EdgeKind::kMerge ? "merge"
                      : e.kind == view::EdgeKind::kSubOrganization ? "unit" : "";
    // Several arcs into one node with one label (the originals of a merger)
    // are labelled once.
    bool repeated = !labelled.insert({e.to, e.label}).second && x1 == x2;
    std::string label = repeated ? "" : HtmlEscape(clip(e.label, 40));
    std::string title = "<title>" + HtmlEscape(e.label) + "</title>";
    if (x1 != x2) {  // person to organization
      int sx = x1 + kBoxW / 2, ex = x2 - kBoxW / 2;
      out += "<g><line class=\"" + cls + "\" x1=\"" + std::to_string(sx) + "\" y1=\"" +
             std::to_string(y1) + "\" x2=\"" + std::to_string(ex) + "\" y2=\"" + std::to_string(y2) +
             "\" marker-end=\"url(#arrow)\"/>" + title + "<text class=\"edge-label\" x=\"" +
             std::to_string((sx + ex) / 2) + "\" y=\"" + std::to_string((y1 + y2) / 2 - 3 + n * 11) +
             "\" text-anchor=\"middle\">" + label + "</text></g>\n";
    } else {  // within a column: an arc outside it
      int side = x1 == org_x ? 1 : -1;
      int edge_x = x1 + side * kBoxW / 2;
      int bulge = edge_x + side * (30 + std::min(std::abs(y2 - y1) / 4, 60) + n * 12);
      out += "<g><path class=\"" + cls + "\" d=\"M" + std::to_string(edge_x) + "," + std::to_string(y1) +
             " C" + std::to_string(bulge) + "," + std::to_string(y1) + " " + std::to_string(bulge) +
             "," + std::to_string(y2) + " " + std::to_string(edge_x) + "," + std::to_string(y2) +
             "\" marker-end=\"url(#arrow)\"/>" + title + "<text class=\"edge-label\" x=\"" +
             std::to_string(bulge + side * 2) + "\" y=\"" + std::to_string((y1 + y2) / 2 + 3) +
             "\" text-anchor=\"" + (side > 0 ? "start" : "end") + "\">" + label + "</text></g>\n";
    }
  }
  auto box = [&](const view::Entity* e) {
    auto [x, y] = at[e->iri];
    out += std::string("<g class=\"") + (e->person ? "person" : "org") + "\"><title>" +
           HtmlEscape(e->name) + "</title><rect x=\"" + std::to_string(x - kBoxW / 2) + "\" y=\"" +
           std::to_string(y - kBoxH / 2) + "\" width=\"" + std::to_string(kBoxW) + "\" height=\"" +
           std::to_string(kBoxH) + "\" rx=\"" + (e->person ? "12" : "3") + "\"/><text x=\"" +
           std::to_string(x) + "\" y=\"" + std::to_string(y + 4) + "\" text-anchor=\"middle\">" +
           HtmlEscape(clip(e->name)) + "</text></g>\n";
  };
  for (const auto* e : persons) box(e);
  for (const auto* e : orgs) box(e);
  return out + "</svg>\n";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string HtmlWriter::Header() const {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>newsgraph review</title>\n<style>";
  out += kStyle;
  out += "</style>\n<script>";
  out += kScript;
  out += "</script>\n</head>\n<body>\n<header><h1>newsgraph review</h1>\n<ul class=\"legend\">";
  for (auto type : kLegend) out += "<li><mark class=\"e-" + std::string(type) + "\">" + std::string(type) + "</mark></li>";
  out += "<li><mark class=\"e-person pronoun\">pronoun</mark></li></ul>\n"
         "<p class=\"meta\">Point at or click a relation to highlight its evidence in the text.</p>"
         "</header>\n<main>\n";
  return out;
}

std::string HtmlWriter::Section(const Document& doc, const Annotation& annotation, const Graph& g,
                                const std::vector<std::string>& type_names) const {
  view::Model model = view::BuildModel(g);
  size_t counts[3] = {0, 0, 0};
  for (const auto& r : model.relations) ++counts[static_cast<int>(r.family)];
  std::string meta = g.doc_iri;
  if (!doc.meta.date.empty()) meta += " \u00b7 " + doc.meta.date;
  if (!doc.meta.source.empty() && doc.meta.source != "-") meta += " \u00b7 " + doc.meta.source;
  meta += " \u00b7 " + Counted(counts[0], "membership") + ", " + Counted(counts[1], "change") +
          ", " + Counted(counts[2], "observation");
  std::string out = "<section class=\"doc\" id=\"" + ViewAnchor(g) + "\">\n<h2>" +
                    HtmlEscape(ViewTitle(doc, g)) + "</h2>\n<p class=\"meta\">" + HtmlEscape(meta) +
                    "</p>\n<div class=\"cols\">\n<div class=\"text\">";
  out += RenderText(doc, annotation, model, type_names);
  out += "</div>\n<div class=\"found\">\n<p class=\"info\"></p>\n";
  out += RenderRelations(model);
  out += "</div>\n</div>\n";
  out += RenderSvg(model);
  out += "</section>";
  return out;
}

std::string HtmlWriter::Footer(const std::vector<ViewEntry>& entries) const {
  std::string out = "</main>\n";
  if (entries.size() > 1) {
    out += "<nav class=\"toc\"><h2>" + std::to_string(entries.size()) + " documents</h2><ol>\n";
    for (const auto& e : entries)
      out += "<li><a href=\"#" + e.anchor + "\">" + HtmlEscape(e.title) + "</a></li>\n";
    out += "</ol></nav>\n";
  }
  return out + "</body>\n</html>\n";
}

}  // namespace newsgraph
