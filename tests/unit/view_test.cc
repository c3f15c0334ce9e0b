#include "newsgraph/view.h"

#include <gtest/gtest.h>

#include <cstring>
#include <regex>

#include "newsgraph/pipeline.h"

namespace newsgraph {
namespace {

PipelineResult Render(OutputFormat format, const std::string& text, DocumentMeta meta = {}) {
  Diagnostics d;
  PipelineOptions options;
  options.format = format;
  Pipeline p(RuleSet::LoadBuiltin(&d), options);
  return p.Process({text, meta});
}

DocumentMeta Headline(std::string headline) {
  DocumentMeta meta;
  meta.headline = std::move(headline);
  return meta;
}

// The text a browser shows for a fragment of HTML: tags dropped, the five
// escapes undone.
std::string VisibleText(std::string html) {
  html = std::regex_replace(html, std::regex("<[^>]*>"), "");
  for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                          {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + 1))
      html.replace(at, std::strlen(from), to);
  }
  return html;
}

std::string TextPane(const std::string& section) {
  size_t begin = section.find("<div class=\"text\">");
  size_t end = section.find("</div>", begin);
  EXPECT_NE(begin, std::string::npos);
  return section.substr(begin, end - begin);
}

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
}

TEST(HtmlSectionTest, TextPaneShowsTheArticleExactlyOnce) {
  std::string text =
      "Zürich — Quartz Ltd. named Laura Stein president & <b>chief</b> \"executive\".\n"
      "Its revenue rose 5% to €3 million. 😀 Done.";
  PipelineResult r = Render(OutputFormat::kHtml, text);
  EXPECT_EQ(VisibleText(TextPane(r.output)), text);
}

TEST(HtmlSectionTest, MentionsAreMarkedByType) {
  PipelineResult r = Render(OutputFormat::kHtml,
                         "Quartz Ltd. named Laura Stein president. Its revenue rose 5% "
                         "to $3 million in Berlin on March 3, 2024.");
  for (const char* expected :
       {"<mark class=\"e-organization\" title=\"ORGANIZATION\"><span data-o=\"0\">Quartz Ltd.</span></mark>",
        "<mark class=\"e-person\"", ">Laura Stein</span></mark>", "<mark class=\"e-role\"",
        "<mark class=\"e-percent\"", ">5%</span></mark>", "<mark class=\"e-money\"",
        "<mark class=\"e-place\"", ">Berlin</span></mark>", "<mark class=\"e-date\""})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
}

TEST(HtmlSectionTest, EvidenceBoundariesAreCodePointOffsetsOfPieces) {
  // "é" and "😀" are one code point each but two and four bytes: the
  // pieces' offsets must count code points, as evidence does.
  std::string text = "Café 😀 news. Quartz Ltd. named Laura Stein president.";
  PipelineResult r = Render(OutputFormat::kHtml, text);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.output, m, std::regex("data-ev=\"(\\d+)-(\\d+)\"")));
  std::string start = m[1], end = m[2];
  // The evidence starts at "named": code point 25, byte 30.
  EXPECT_EQ(start, "25");
  EXPECT_NE(r.output.find("<span data-o=\"" + start + "\">"), std::string::npos);
  EXPECT_NE(r.output.find("<span data-o=\"" + end + "\">"), std::string::npos);
}

TEST(HtmlSectionTest, RelationsReadAsSentencesWithRuleAndConfidence) {
  PipelineResult r = Render(OutputFormat::kHtml,
                         "Quartz Ltd. named Laura Stein chief executive officer. "
                         "Granite Peak Holdings agreed to acquire Silverline Software.");
  EXPECT_NE(r.output.find("Laura Stein \u2014 Chief Executive Officer \u2014 Quartz Ltd. (appointed)"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("Silverline Software \u2192 Granite Peak Holdings (acquisition"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("data-rule=\"role.appointment.named\""), std::string::npos);
  EXPECT_NE(r.output.find("data-confidence=\"0."), std::string::npos);
  EXPECT_NE(r.output.find("<svg class=\"graph\""), std::string::npos);
}

TEST(HtmlSectionTest, ArticleMarkupNeverBecomesMarkup) {
  PipelineResult r = Render(OutputFormat::kHtml,
                         "Quartz Ltd. named <script>alert(1)</script> \"Laura Stein\" president.",
                         Headline("<img src=x onerror=alert(2)>"));
  EXPECT_EQ(r.output.find("<script>"), std::string::npos);
  EXPECT_EQ(r.output.find("<img"), std::string::npos);
  EXPECT_NE(VisibleText(TextPane(r.output)).find("<script>alert(1)</script> \"Laura Stein\""),
            std::string::npos);
}

TEST(HtmlPageTest, TableOfContentsForMoreThanOneDocument) {
  HtmlWriter html;
  EXPECT_EQ(html.Footer({{"doc-1", "One"}}).find("<nav"), std::string::npos);
  std::string footer = html.Footer({{"doc-1", "One & only"}, {"doc-2", "Two"}});
  EXPECT_NE(footer.find("<a href=\"#doc-1\">One &amp; only</a>"), std::string::npos) << footer;
  EXPECT_NE(footer.find("2 documents"), std::string::npos);
  EXPECT_EQ(html.Header().find("http"), std::string::npos) << "the page fetches nothing";
}

TEST(DotTest, QuotesEscapeQuotesBackslashesAndLineBreaks) {
  EXPECT_EQ(DotQuote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
}

TEST(DotTest, ClusterPerDocumentWithRolesMergesAndRecords) {
  PipelineResult r = Render(OutputFormat::kDot,
                         "Quartz Ltd. named Laura Stein president. Granite Peak Holdings agreed "
                         "to acquire Silverline {Software}. Its revenue rose 5%.",
                         Headline("A \"test\""));
  EXPECT_NE(r.output.find("subgraph \"cluster_doc-"), std::string::npos);
  EXPECT_NE(r.output.find("label=\"A \\\"test\\\"\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[label=\"Laura Stein\""), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("[label=\"President (appointed)\"]"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("shape=record"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("merges into (acquisition)"), std::string::npos) << r.output;
}

TEST(DotTest, RecordFieldsEscapeTheRecordSyntax) {
  Graph g;
  g.doc_iri = "https://example.org/doc/1";
  Node obs;
  obs.iri = "https://example.org/obs/1";
  obs.type = "Observation";
  obs.properties = {{"variableMeasured", Value::String("a{b}|c<d>\"e\\f\ng")},
                    {"valueKind", Value::String("level")},
                    {"value", Value::Number(46000000)}};
  g.nodes.push_back(obs);
  std::string dot = DotWriter().Section({"text", {}}, g);
  EXPECT_NE(dot.find("label=\"{a\\{b\\}\\|c\\<d\\>\\\"e\\\\f g|46,000,000}\""), std::string::npos)
      << dot;
}

}  // namespace
}  // namespace newsgraph
