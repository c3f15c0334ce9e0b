#include "cli/options.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>

#include "newsgraph/input.h"

namespace newsgraph {
namespace {

constexpr const char* kFooter = R"(Examples:
  newsgraph < article.txt                      one article from stdin
  newsgraph --date 2025-03-03 article.txt      resolve "on Monday" against a date
  newsgraph a.txt b.txt > out.jsonl            several files: one JSON-LD per line
  newsgraph corpus/ > out.jsonl                a folder, walked recursively in sorted order
  newsgraph crawl.jsonl > out.jsonl            JSON Lines: one article per line (id, url, date, headline, text)
  newsgraph --jobs 8 --output out/ corpus/     one file per article, 8 at a time
  newsgraph --resume --output out/ corpus/     go on after an interrupted run
  newsgraph --shard 1/4 corpus/                the second of four shards (K counts from 0)
  newsgraph --errors failed.jsonl corpus/      also list the failed inputs as JSON Lines
  newsgraph -f nquads corpus/ > graph.nq       N-Quads: one named graph per article
  newsgraph -f html corpus/ > review.html      a review page: highlights, relations, drawings
  newsgraph -f dot article.txt | dot -Tsvg > graph.svg   the graph, drawn by Graphviz
  newsgraph --push http://127.0.0.1:8890/sparql-graph-crud --push-graph-param graph-uri corpus/
                                               load every article's graph into a store
  newsgraph --rules my-rules/ article.txt      use your own rules
  newsgraph --explain article.txt 2>why.txt    which rule matched what
  newsgraph rules check my-rules/              report every error in rule files
  newsgraph rules test my-rules/               run the examples in rule files
  newsgraph eval --gold gold.json articles.jsonl   precision, recall and F1 against a gold set

Exit status:
  0  every input was processed
  1  at least one input failed (each is reported on stderr; the rest ran)
  2  usage error, or the output or errors file cannot be written
  3  the rules have errors (rules check / rules test failed)
  4  with --push: at least one document could not be pushed (see --errors)
)";

}  // namespace

std::optional<int> ParseOptions(int argc, char** argv, Options* out) {
  Options o;
  BatchOptions& b = o.batch;
  std::string date, id, url, headline, input = "auto", shard;
  std::vector<std::string> include, exclude, fields;
  size_t max_doc_bytes = b.max_doc_bytes;
  int jobs = 0;
  CLI::App app{
      "newsgraph: turns news articles into a knowledge graph (JSON-LD).\n"
      "Reads each PATH (a file, a folder, or '-' for stdin; stdin when none is\n"
      "given) and writes one JSON-LD document per article to stdout, one per\n"
      "line: people and their roles in organizations, mergers and\n"
      "acquisitions, and figures (metric-value).",
      "newsgraph"};
  app.footer(kFooter);
  app.set_version_flag("--version", "newsgraph 0.1.0");
  app.add_option("paths", b.inputs, "Files, folders, or '-' for stdin");
  app.add_option("--rules", o.rules_dir,
                 "Rule folder to use instead of the built-in rules");
  app.add_option("--date", date,
                 "Publication date (YYYY-MM-DD): anchors relative dates");
  app.add_option("--id", id, "Document id (one input only)");
  app.add_option("--url", url, "Document URL (one input only)");
  app.add_option("--headline", headline, "Headline (one input only)");
  app.add_option("--base", o.base, "Base of minted IRIs")->capture_default_str();
  app.add_flag("--pretty", o.pretty, "Indent the JSON (one input only)");
  app.add_option("-f,--format", o.format,
                 "Output: jsonld (one document per line), nquads (one named "
                 "graph per document), ntriples, html (a review page: text with "
                 "highlights, relations, a drawing) or dot (Graphviz)")
      ->capture_default_str();
  app.add_flag("--explain", o.explain,
               "Print on stderr which rule matched which tokens");
  app.add_option("--input", input,
                 "Input format: auto (JSON Lines for .jsonl/.ndjson), text or jsonl")
      ->capture_default_str();
  // Repeatable options take one value each, so they never swallow a path.
  app.add_option("--include", include,
                 "Glob of file names to read in folders (repeatable; default "
                 "*.txt *.md *.jsonl *.ndjson)")
      ->allow_extra_args(false);
  app.add_option("--exclude", exclude, "Glob of file names to skip (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--field", fields,
                 "JSON Lines field name, as NAME=KEY for NAME in id, url, date, "
                 "headline, dateline, text (repeatable)")
      ->allow_extra_args(false);
  app.add_option("-o,--output", b.output_dir,
                 "Write one file per document into this folder");
  app.add_flag("--resume", b.resume,
               "With --output: skip documents whose output file exists");
  app.add_option("-j,--jobs", jobs, "Documents processed in parallel (default: all cores)");
  app.add_option("--shard", shard,
                 "K/N: only the documents whose id hashes to shard K of N (K from 0)");
  app.add_option("--max-doc-bytes", max_doc_bytes,
                 "Larger documents are reported and skipped")
      ->capture_default_str();
  app.add_option("--errors", b.errors_file,
                 "Also write failed inputs to this file as JSON Lines");
  app.add_flag("-q,--quiet", o.quiet, "No progress line and no summary");
  std::string push_protocol = "graph-store";
  app.add_option("--push", b.push.url,
                 "Send each document's graph to this store endpoint (Graph Store "
                 "URL, or SPARQL endpoint with --push-protocol update) instead of stdout");
  app.add_option("--push-protocol", push_protocol, "graph-store (PUT, default) or update")
      ->capture_default_str();
  app.add_option("--push-graph-param", b.push.graph_param,
                 "Graph Store query parameter naming the graph (Virtuoso: graph-uri)")
      ->capture_default_str();
  app.add_option("--push-timeout", b.push.timeout_seconds, "Seconds per request")
      ->capture_default_str();
  app.add_option("--push-retries", b.push.retries,
                 "Retries after a connection error, a timeout or a 5xx answer")
      ->capture_default_str();
  app.add_option("--push-batch", b.push.max_statements,
                 "Statements per INSERT DATA request (update protocol)")
      ->capture_default_str();
  app.add_option("--push-documents", b.push.documents_per_request,
                 "Documents per batch of requests (update protocol)")
      ->capture_default_str();

  CLI::App* rules = app.add_subcommand("rules", "Check or test rule files");
  rules->require_subcommand(1);
  std::string check_dir, test_dir;
  CLI::App* check = rules->add_subcommand(
      "check", "Load rule files and report every error as file:line:col");
  check->add_option("dir", check_dir, "Rule folder (default: built-in rules)");
  CLI::App* test = rules->add_subcommand(
      "test", "Run every example and counter-example in the rule files");
  test->add_option("dir", test_dir, "Rule folder (default: built-in rules)");

  CLI::App* eval = app.add_subcommand(
      "eval", "Score extraction against a gold file (tests/eval/GUIDELINES.md)");
  std::vector<std::string> eval_inputs;
  eval->add_option("--gold", o.gold, "The gold file")->required();
  eval->add_flag("--json", o.json, "Print the report as JSON");
  eval->add_flag("--details", o.details, "Also list every miss and false positive");
  eval->add_option("--rules", o.rules_dir,
                   "Rule folder to score instead of the built-in rules");
  eval->add_option("paths", eval_inputs, "Articles (files, folders, JSON Lines)")
      ->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);  // prints help/version to stdout, errors to stderr
    if (code == 0) return kExitOk;
    std::cerr << "Run 'newsgraph --help' for usage.\n";
    return kExitUsage;
  }
  auto usage = [](const std::string& msg) {
    std::cerr << "newsgraph: " << msg << "\nRun 'newsgraph --help' for usage.\n";
    return kExitUsage;
  };
  if (check->parsed()) {
    o.command = Command::kRulesCheck;
    o.rules_dir = check_dir;
  } else if (test->parsed()) {
    o.command = Command::kRulesTest;
    o.rules_dir = test_dir;
  } else if (eval->parsed()) {
    o.command = Command::kEval;
    b.inputs = eval_inputs;
  }
  if (!date.empty() && !IsIsoDate(date))
    return usage("--date must be a calendar date written YYYY-MM-DD, not '" + date + "'");
  b.defaults.date = date;
  b.defaults.id = id;
  b.defaults.url = url;
  b.defaults.headline = headline;
  if (input == "auto") {
    b.format = InputFormat::kAuto;
  } else if (input == "text") {
    b.format = InputFormat::kText;
  } else if (input == "jsonl") {
    b.format = InputFormat::kJsonl;
  } else {
    return usage("--input must be auto, text or jsonl, not '" + input + "'");
  }
  if (!include.empty()) b.include = include;
  b.exclude = exclude;
  for (const auto& f : fields) {
    size_t eq = f.find('=');
    std::string name = f.substr(0, eq), key = eq == std::string::npos ? "" : f.substr(eq + 1);
    std::string* slot = name == "id"         ? &b.fields.id
                        : name == "url"      ? &b.fields.url
                        : name == "date"     ? &b.fields.date
                        : name == "headline" ? &b.fields.headline
                        : name == "dateline" ? &b.fields.dateline
                        : name == "text"     ? &b.fields.text
                                             : nullptr;
    if (!slot || key.empty())
      return usage("--field takes NAME=KEY with NAME one of id, url, date, headline, dateline, text; not '" + f + "'");
    *slot = key;
  }
  if (!shard.empty()) {
    unsigned k = 0, n = 0;
    char extra = 0;
    if (std::sscanf(shard.c_str(), "%u/%u%c", &k, &n, &extra) != 2 || n == 0 || k >= n)
      return usage("--shard takes K/N with 0 <= K < N, not '" + shard + "'");
    b.shard = k;
    b.shards = n;
  }
  if (max_doc_bytes == 0) return usage("--max-doc-bytes must be positive");
  b.max_doc_bytes = max_doc_bytes;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  if (jobs < 0) return usage("--jobs must be positive");
  b.jobs = jobs == 0 ? static_cast<int>(cores) : jobs;
  if (b.resume && b.output_dir.empty()) return usage("--resume needs --output DIR");
  if (b.inputs.empty()) b.inputs.push_back("-");
  bool many = b.inputs.size() > 1;
  if (!many && b.inputs[0] != "-") {
    std::error_code ec;
    many = std::filesystem::is_directory(b.inputs[0], ec) ||
           b.format == InputFormat::kJsonl ||
           (b.format == InputFormat::kAuto &&
            (b.inputs[0].ends_with(".jsonl") || b.inputs[0].ends_with(".ndjson")));
  }
  if (many && (!id.empty() || !url.empty() || !headline.empty()))
    return usage("--id, --url and --headline describe one document; give one input");
  if (many && o.pretty && b.output_dir.empty())
    return usage("--pretty needs a single input (or --output DIR)");
  if (o.base.empty()) return usage("--base must not be empty");
  if (push_protocol == "graph-store") {
    b.push.protocol = PushOptions::Protocol::kGraphStore;
  } else if (push_protocol == "update") {
    b.push.protocol = PushOptions::Protocol::kUpdate;
  } else {
    return usage("--push-protocol must be graph-store or update, not '" + push_protocol + "'");
  }
  if (!b.push.url.empty() && b.push.url.find("://") == std::string::npos)
    return usage("--push needs an http:// or https:// URL, not '" + b.push.url + "'");
  if (b.push.retries < 0 || b.push.timeout_seconds <= 0 || b.push.max_statements == 0 ||
      b.push.documents_per_request == 0)
    return usage("--push-retries, --push-timeout, --push-batch and --push-documents must be positive");
  if (o.format != "jsonld" && o.format != "nquads" && o.format != "ntriples" &&
      o.format != "html" && o.format != "dot")
    return usage("--format must be jsonld, nquads, ntriples, html or dot, not '" + o.format + "'");
  if (o.format != "jsonld" && o.pretty) return usage("--pretty is for --format jsonld");
  if (o.format == "nquads") b.output_suffix = ".nq";
  if (o.format == "ntriples") b.output_suffix = ".nt";
  if (o.format == "html") b.output_suffix = ".html";
  if (o.format == "dot") b.output_suffix = ".dot";
  b.progress = !o.quiet && isatty(2);
  b.summary = !o.quiet;
  *out = std::move(o);
  return std::nullopt;
}

}  // namespace newsgraph
