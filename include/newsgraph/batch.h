// Batch: many documents from files, folders and JSON Lines, on all cores,
// with output in input order, progress, and every input accounted for.
//
//   BatchOptions o;
//   o.inputs = {"corpus/"};
//   o.jobs = 2;
//   BatchStats s = RunBatch(pipeline, o);
//   // s.failed > 0: some inputs were reported on stderr and skipped
//
// Inputs. Each path is a file, a folder (walked recursively in sorted order,
// hidden entries skipped, symlinked folders followed once: a loop is reported
// and not entered) or "-" for stdin. A file is one document, except JSON
// Lines files (".jsonl", ".ndjson", or any file with --input jsonl), where
// each line is a document with its own id, url, date, headline and text.
// Folders yield the files that match an include glob and no exclude glob.
//
// Output. Without an output folder, each document's JSON-LD is one line on
// stdout, in input order whatever the number of jobs, so the bytes do not
// depend on it. With an output folder, each document goes to its own file,
// written to a temporary name and renamed, so a file that exists is
// complete; `resume` skips the documents whose file exists.
//
// Errors. An unreadable file, a binary or empty one, invalid UTF-8, a
// document over max_doc_bytes, a malformed JSON line: each is reported on
// stderr as "source: error: reason" (source is path or path:line), written
// to the errors file as a JSON line when one is given, counted as failed,
// and the run goes on. A closed stdout ends the run quietly. A document
// whose push fails (after retries) is reported the same way ("push failed")
// so that a re-run of the errors file's sources can push it again.
//
// Memory stays bounded by the jobs and the largest document: documents are
// read, processed and written as a stream, with at most a few per job in
// flight.
#ifndef NEWSGRAPH_BATCH_H_
#define NEWSGRAPH_BATCH_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "newsgraph/pipeline.h"
#include "newsgraph/sink.h"

namespace newsgraph {

enum class InputFormat { kAuto, kText, kJsonl };

// JSON Lines field names.
struct JsonlFields {
  std::string id = "id", url = "url", date = "date", headline = "headline",
              dateline = "dateline", text = "text";
};

struct BatchOptions {
  std::vector<std::string> inputs;  // paths; "-" is stdin
  InputFormat format = InputFormat::kAuto;
  std::vector<std::string> include = {"*.txt", "*.md", "*.jsonl", "*.ndjson"};
  std::vector<std::string> exclude;
  JsonlFields fields;
  DocumentMeta defaults;       // --date, --id, --url, --headline
  std::string output_dir;      // empty: JSON Lines on stdout
  std::string output_suffix = ".jsonld";
  bool resume = false;
  int jobs = 1;
  uint32_t shard = 0, shards = 1;  // process shard `shard` of `shards`
  size_t max_doc_bytes = 16u << 20;
  std::string errors_file;     // JSON Lines of failed inputs, or empty
  // With a URL, each document's graph is pushed to a store (sink.h) and
  // nothing is written to stdout; the pipeline must fill ntriples.
  PushOptions push;
  bool progress = false;       // a progress line on stderr
  bool summary = true;         // a summary on stderr at the end
};

struct BatchStats {
  size_t read = 0, succeeded = 0, failed = 0, skipped = 0;
  size_t memberships = 0, changes = 0, observations = 0;
  size_t bytes = 0;  // of the documents processed
  double seconds = 0;
  size_t pushed = 0, push_failed = 0;
  bool stdout_closed = false;
  bool setup_failed = false;  // the errors file or output folder is unusable
};

// The closing line of a run, for stderr: "newsgraph: 12 read, 12 succeeded,
// 0 failed, 0 skipped; 3 memberships, 1 change, 0 observations; 50.0 kB in
// 10.0 ms (5.00 MB/s, 1200 documents/s)", and the pushes when `push` is set
// ("; 2 pushed, 1 push failure").
std::string FormatSummary(const BatchStats& s, bool push);

// Runs the pipeline over every input. Diagnostics go to stderr.
BatchStats RunBatch(const Pipeline& pipeline, const BatchOptions& options);

// One input document as the walker reads it.
struct InputDocument {
  std::string source;  // path, path:line, or "-"
  std::string key;     // the JSON Lines id, else the file name without extension
  DocumentMeta meta;
  std::string bytes;
  std::string error;  // set when the input could not be read
};

// One line of a JSON Lines input, parsed: its metadata (the defaults, then
// the line's fields) and text, or why it is not a document.
struct JsonLine {
  DocumentMeta meta;
  std::string text;
  std::string error;  // "malformed JSON line (column 5: ...)", valid UTF-8
};

// Parses one line (without its newline). Never throws: any bytes give either
// a text or an error. A flat object of strings (the usual line) is read
// directly; anything else goes to ParseJsonLineWithLibrary, whose results
// and messages these always are.
JsonLine ParseJsonLine(std::string_view line, const JsonlFields& fields,
                       const DocumentMeta& defaults);
// The same, always through the JSON library (slower: it builds a document).
JsonLine ParseJsonLineWithLibrary(std::string_view line, const JsonlFields& fields,
                                  const DocumentMeta& defaults);

// Calls `fn` for every input document of `options` (inputs, format, globs,
// fields, defaults), in order, until it returns false.
void ForEachInput(const BatchOptions& options,
                  const std::function<bool(InputDocument&)>& fn);

// The shard (0 .. shards-1) of a document key: StableHash (graph.h) of the key.
uint32_t ShardOf(std::string_view key, uint32_t shards);

// True when `name` matches the glob (`*`, `?`, `[...]`), as fnmatch does.
bool GlobMatch(const std::string& glob, const std::string& name);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BATCH_H_
