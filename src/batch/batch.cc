#include "newsgraph/batch.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "newsgraph/input.h"
#include "newsgraph/text.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace fs = std::filesystem;

uint32_t ShardOf(std::string_view key, uint32_t shards) {
  return shards <= 1 ? 0 : static_cast<uint32_t>(StableHash(key) % shards);
}

bool GlobMatch(const std::string& glob, const std::string& name) {
  return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
}

namespace {

// The common line, a flat object whose values are strings or null, read
// without building a JSON document; false for anything else (other
// values, nesting, errors, invalid UTF-8), which the JSON library then
// reads, so results and error messages are the library's. Later duplicate
// keys win, as in the library.
class FlatJsonObject {
 public:
  bool Parse(std::string_view line) {
    if (FindInvalidUtf8(line)) return false;
    s_ = line;
    i_ = 0;
    fields_.clear();
    Space();
    if (!Eat('{')) return false;
    Space();
    if (!Eat('}')) {
      while (true) {
        std::string key, value;
        Space();
        if (!String(&key)) return false;
        Space();
        if (!Eat(':')) return false;
        Space();
        bool null = false;
        if (s_.substr(i_, 4) == "null") {
          null = true;
          i_ += 4;
        } else if (!String(&value)) {
          return false;
        }
        Set(std::move(key), std::move(value), null);
        Space();
        if (Eat('}')) break;
        if (!Eat(',')) return false;
      }
    }
    Space();
    return i_ == s_.size();
  }
  // The value of `key`: null when absent; *is_null when it is JSON null.
  const std::string* Find(std::string_view key, bool* is_null) const {
    for (const auto& f : fields_) {
      if (f.key != key) continue;
      *is_null = f.null;
      return &f.value;
    }
    return nullptr;
  }

 private:
  struct Field {
    std::string key, value;
    bool null;
  };
  void Set(std::string key, std::string value, bool null) {
    for (auto& f : fields_) {
      if (f.key == key) {
        f.value = std::move(value);
        f.null = null;
        return;
      }
    }
    fields_.push_back({std::move(key), std::move(value), null});
  }
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool Eat(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  bool Hex4(uint32_t* v) {
    if (i_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[i_++];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
            : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return false;
      *v = *v * 16 + static_cast<uint32_t>(d);
    }
    return true;
  }
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    size_t run = i_;  // start of the bytes copied as they are
    while (i_ < s_.size()) {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        out->append(s_, run, i_ - run);
        ++i_;
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        ++i_;
        continue;
      }
      out->append(s_, run, i_ - run);
      if (++i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t low;
            if (!Eat('\\') || !Eat('u') || !Hex4(&low) || low < 0xDC00 || low > 0xDFFF)
              return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          AppendUtf8(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          return false;
      }
      run = i_;
    }
    return false;
  }

  std::string_view s_;
  size_t i_ = 0;
  std::vector<Field> fields_;
};

// The metadata fields of a line, from field(name): its value as text, ""
// when absent or empty. The date keeps its first 10 characters.
template <typename Field>
void SetMetadata(const JsonlFields& fields, const Field& field, DocumentMeta* meta) {
  if (auto v = field(fields.id); !v.empty()) meta->id = v;
  if (auto v = field(fields.url); !v.empty()) meta->url = v;
  if (auto v = field(fields.date); !v.empty()) meta->date = v.substr(0, 10);
  if (auto v = field(fields.headline); !v.empty()) meta->headline = v;
  if (auto v = field(fields.dateline); !v.empty()) meta->dateline = v;
}

}  // namespace

JsonLine ParseJsonLine(std::string_view line, const JsonlFields& fields,
                       const DocumentMeta& defaults) {
  JsonLine out;
  out.meta = defaults;
  thread_local FlatJsonObject flat;
  if (flat.Parse(line)) {
    auto field = [&](const std::string& key) -> std::string {
      bool null = false;
      const std::string* v = flat.Find(key, &null);
      return v && !null ? *v : std::string();
    };
    SetMetadata(fields, field, &out.meta);
    bool null = false;
    const std::string* text = flat.Find(fields.text, &null);
    if (!text || null) {
      out.error = "JSON line has no string field \"" + fields.text + "\"";
      return out;
    }
    out.text = *text;
    return out;
  }
  return ParseJsonLineWithLibrary(line, fields, defaults);
}

JsonLine ParseJsonLineWithLibrary(std::string_view line, const JsonlFields& fields,
                                  const DocumentMeta& defaults) {
  JsonLine out;
  out.meta = defaults;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // "[json.exception.parse_error.101] parse error at line 1, column 5:
    // syntax error ..." -> "column 5: syntax error ..."
    std::string what = e.what();
    size_t at = what.find("column ");
    std::string reason = at == std::string::npos ? what : what.substr(at);
    // "last read" quotes the offending bytes, which can be megabytes and
    // need not be UTF-8: cut to 200 bytes and replace what is not UTF-8.
    if (reason.size() > 200) {
      size_t cut = 200;
      while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xC0) == 0x80) --cut;
      reason = reason.substr(0, cut) + "...";
    }
    out.error = "malformed JSON line (" + ToValidUtf8(reason) + ")";
    return out;
  } catch (const nlohmann::json::exception& e) {
    // Depth or other limits of the parser.
    out.error = std::string("malformed JSON line (") + e.what() + ")";
    return out;
  }
  if (!doc.is_object()) {
    out.error = "JSON line is not an object";
    return out;
  }
  auto field = [&](const std::string& key) -> std::string {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number()) return it->dump();
    return "";
  };
  SetMetadata(fields, field, &out.meta);
  auto text = doc.find(fields.text);
  if (text == doc.end() || !text->is_string()) {
    out.error = "JSON line has no string field \"" + fields.text + "\"";
    return out;
  }
  out.text = text->get<std::string>();
  return out;
}

namespace {

// One unit of work: a document's bytes and metadata, or an input error.
struct Work {
  uint64_t seq = 0;
  std::string source;       // "path", "path:12" (a JSON line), or "-"
  std::string output_name;  // relative file name in the output folder
  DocumentMeta meta;
  std::string bytes;
  std::string error;  // set: the input failed before it could be decoded
  int error_line = 0;
  bool skip = false;  // resume: its output is already there
  uint64_t input_bytes = 0;  // of the input it was read from (for the progress line)
};

struct Result {
  std::string source, output_name;
  std::string output;  // JSON-LD, RDF lines, or an HTML or DOT section
  ViewEntry entry;     // for the HTML table of contents
  std::string doc_iri, ntriples;
  std::string error;   // "source:...: error: reason"
  std::string reason;  // reason alone, for the errors file
  int line = 0, column = 0;  // where in the document, when the error is about a place
  uint64_t input_bytes = 0;
  std::vector<std::string> explain;  // with --explain: which rule matched what
  bool skip = false;
  size_t bytes = 0, memberships = 0, changes = 0, observations = 0;
};

bool IsJsonlName(const std::string& name) {
  auto ends = [&](const char* s) {
    size_t n = std::strlen(s);
    return name.size() >= n && name.compare(name.size() - n, n, s) == 0;
  };
  return ends(".jsonl") || ends(".ndjson");
}

// Whether a file found in a folder is an input (--include, --exclude).
bool Included(const BatchOptions& o, const std::string& name) {
  bool included = false;
  for (const auto& g : o.include) included = included || GlobMatch(g, name);
  for (const auto& g : o.exclude) included = included && !GlobMatch(g, name);
  return included;
}

bool IsJsonlInput(const BatchOptions& o, const std::string& path) {
  return o.format == InputFormat::kJsonl ||
         (o.format == InputFormat::kAuto && IsJsonlName(path));
}

// A folder's entries that are not hidden, sorted; cut short once *stop.
std::vector<fs::path> VisibleEntries(const fs::path& dir, std::error_code& ec,
                                     const std::atomic<bool>* stop = nullptr) {
  std::vector<fs::path> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (stop && *stop) break;
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') continue;  // hidden
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

// Sizes the inputs in a thread of its own, for the progress line: the bytes
// of every file the walk reads and, when no input is JSON Lines and all
// shards are run, the number of documents. Walks as InputWalker does, but
// only looks at file sizes.
class InputSizer {
 public:
  explicit InputSizer(const BatchOptions& o) : o_(o), thread_([this] { Run(); }) {}
  ~InputSizer() {
    stop_ = true;
    Wait();
  }
  // Until the inputs are sized.
  void Wait() {
    if (thread_.joinable()) thread_.join();
  }
  // Once done: the input bytes (0: unknown, e.g. stdin) and documents (0:
  // unknown).
  bool done() const { return done_.load(std::memory_order_acquire); }
  uint64_t bytes() const { return bytes_; }
  uint64_t documents() const { return documents_; }

 private:
  void Run() {
    bool known = true, counted = o_.shards <= 1;
    uint64_t bytes = 0, documents = 0;
    std::set<std::string> visited;
    auto file = [&](const fs::path& p) {
      std::error_code ec;
      const uint64_t size = fs::file_size(p, ec);
      if (!ec) bytes += size;
      if (IsJsonlInput(o_, p.string())) {
        counted = false;
      } else {
        ++documents;
      }
    };
    std::vector<fs::path> dirs;  // folders to walk
    for (const auto& in : o_.inputs) {
      if (in == "-") {  // one document, or lines not counted ahead; no size
        known = false;
        counted = counted && !IsJsonlInput(o_, in);
        ++documents;
        continue;
      }
      std::error_code ec;
      auto st = fs::status(in, ec);
      if (ec || !fs::exists(st)) {
        ++documents;  // one error
      } else if (fs::is_directory(st)) {
        dirs.push_back(in);
      } else {
        file(in);
      }
      for (; !dirs.empty() && !stop_;) {
        fs::path dir = std::move(dirs.back());
        dirs.pop_back();
        fs::path canon = fs::canonical(dir, ec);
        if (!ec && !visited.insert(canon.string()).second) continue;  // a loop
        for (const auto& p : VisibleEntries(dir, ec, &stop_)) {
          if (stop_) break;
          std::error_code ec2;
          if (fs::is_directory(p, ec2)) {
            dirs.push_back(p);
          } else if (Included(o_, p.filename().string())) {
            file(p);
          }
        }
      }
    }
    if (stop_) return;
    bytes_ = known ? bytes : 0;
    documents_ = counted ? documents : 0;
    done_.store(true, std::memory_order_release);
  }

  const BatchOptions& o_;
  std::atomic<bool> stop_{false}, done_{false};
  uint64_t bytes_ = 0, documents_ = 0;
  std::thread thread_;  // last: it starts once the rest is set
};

// Replaces what may not appear in a file name.
std::string SafeName(const std::string& s) {
  std::string out;
  for (char c : s) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
              c == '_' || c == '.';
    out.push_back(ok ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

std::string StripExtension(const std::string& rel) {
  size_t slash = rel.rfind('/');
  size_t dot = rel.rfind('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
    return rel;
  return rel.substr(0, dot);
}

// Streams the documents of all inputs, in order.
class InputWalker {
 public:
  explicit InputWalker(const BatchOptions& o) : o_(o) {
    for (const auto& p : o.inputs) pending_.push_back(p);
  }

  // The next unit of work; false at the end.
  bool Next(Work* w) {
    while (true) {
      if (jsonl_) {
        if (NextJsonLine(w)) return true;
        jsonl_.reset();
        continue;
      }
      if (!frames_.empty()) {
        Frame& f = frames_.back();
        if (f.next >= f.entries.size()) {
          frames_.pop_back();
          continue;
        }
        const fs::path p = f.entries[f.next++];
        std::string rel = f.rel.empty() ? p.filename().string()
                                        : f.rel + "/" + p.filename().string();
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
          EnterDirectory(p, rel);
          continue;
        }
        if (!Included(o_, p.filename().string())) continue;
        if (StartFile(p.string(), rel, w)) return true;
        continue;
      }
      if (pending_.empty()) return false;
      std::string path = pending_.front();
      pending_.pop_front();
      if (path == "-") {
        if (o_.format == InputFormat::kJsonl) {
          jsonl_ = std::make_unique<JsonlState>();
          jsonl_->stream = &std::cin;
          jsonl_->source = "-";
          jsonl_->stem = "stdin";
          continue;
        }
        Start(w, "-", "stdin");
        w->bytes.assign(std::istreambuf_iterator<char>(std::cin), {});
        w->input_bytes = w->bytes.size();
        if (std::cin.bad()) w->error = "cannot read stdin";
        if (w->bytes.size() > o_.max_doc_bytes) TooBig(w, w->bytes.size());
        return true;
      }
      std::error_code ec;
      auto st = fs::status(path, ec);
      if (ec || !fs::exists(st)) {
        Start(w, path, SafeName(fs::path(path).filename().string()));
        w->error = std::string("cannot read: ") +
                   (ec ? ec.message() : std::strerror(ENOENT));
        return true;
      }
      if (fs::is_directory(st)) {
        EnterDirectory(path, "");
        continue;
      }
      if (StartFile(path, fs::path(path).filename().string(), w)) return true;
    }
  }

  // Warnings met while walking (symlink loops), to report.
  std::vector<std::string> TakeWarnings() { return std::move(warnings_); }

 private:
  struct Frame {
    std::vector<fs::path> entries;
    size_t next = 0;
    std::string rel;  // path relative to the folder given
  };
  struct JsonlState {
    std::unique_ptr<std::ifstream> file;
    std::istream* stream = nullptr;
    std::string source, stem;
    int line = 0;
  };

  void Start(Work* w, const std::string& source, const std::string& output_name) {
    *w = Work{};
    w->seq = seq_++;
    w->source = source;
    w->output_name = output_name;
    w->meta = o_.defaults;
    w->meta.source = source;
  }
  void TooBig(Work* w, size_t size) {
    w->bytes.clear();
    w->error = "document is " + std::to_string(size) + " bytes, over --max-doc-bytes (" +
               std::to_string(o_.max_doc_bytes) + ")";
  }

  void EnterDirectory(const fs::path& dir, const std::string& rel) {
    std::error_code ec;
    fs::path canon = fs::canonical(dir, ec);
    if (!ec && !visited_.insert(canon.string()).second) {
      warnings_.push_back(dir.string() + ": warning: symlink loop (already walked " +
                          canon.string() + "), not entered");
      return;
    }
    Frame f;
    f.rel = rel;
    f.entries = VisibleEntries(dir, ec);
    if (ec) warnings_.push_back(dir.string() + ": warning: cannot list: " + ec.message());
    frames_.push_back(std::move(f));
  }

  // Starts a file: a JSON Lines file becomes the current stream (false: no
  // work yet), any other file is one document (true).
  bool StartFile(const std::string& path, const std::string& rel, Work* w) {
    if (IsJsonlInput(o_, path)) {
      auto state = std::make_unique<JsonlState>();
      state->file = std::make_unique<std::ifstream>(path, std::ios::binary);
      if (!*state->file) {
        Start(w, path, StripExtension(rel));
        w->error = std::string("cannot read: ") + std::strerror(errno ? errno : EACCES);
        return true;
      }
      state->stream = state->file.get();
      state->source = path;
      state->stem = StripExtension(rel);
      jsonl_ = std::move(state);
      return false;
    }
    Start(w, path, StripExtension(rel) + o_.output_suffix);
    if (Skipped(w)) return true;
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) w->input_bytes = static_cast<uint64_t>(st.st_size);
    if (w->input_bytes > o_.max_doc_bytes) {
      TooBig(w, static_cast<size_t>(w->input_bytes));
      return true;
    }
    std::string err;
    if (!ReadFileBytes(path, &w->bytes, &err)) w->error = "cannot read: " + err;
    return true;
  }

  bool Skipped(Work* w) {
    if (!o_.resume || o_.output_dir.empty()) return false;
    std::error_code ec;
    w->skip = fs::exists(fs::path(o_.output_dir) / w->output_name, ec);
    return w->skip;
  }

  bool NextJsonLine(Work* w) {
    JsonlState& j = *jsonl_;
    std::string line;
    uint64_t read = 0;  // bytes of this line and the blank ones before it
    while (std::getline(*j.stream, line)) {
      ++j.line;
      read += line.size() + 1;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // Only JSON white space (a stray CR from mixed line ends too): blank.
      bool blank = std::all_of(line.begin(), line.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\r';
      });
      if (blank) continue;
      Start(w, j.source + ":" + std::to_string(j.line), "");
      w->error_line = j.line;
      w->input_bytes = read;
      if (line.size() > o_.max_doc_bytes) {
        w->output_name = j.stem + "/line-" + std::to_string(j.line) + o_.output_suffix;
        TooBig(w, line.size());
        return true;
      }
      JsonLine parsed = ParseJsonLine(line, o_.fields, o_.defaults);
      parsed.meta.source = w->source;
      w->meta = parsed.meta;
      std::string name = !parsed.meta.id.empty() ? SafeName(parsed.meta.id)
                                                 : "line-" + std::to_string(j.line);
      w->output_name = j.stem + "/" + name + o_.output_suffix;
      if (!parsed.error.empty()) {
        w->error = parsed.error;
        return true;
      }
      if (Skipped(w)) return true;
      w->bytes = std::move(parsed.text);
      return true;
    }
    if (j.stream->bad()) {
      Start(w, j.source + ":" + std::to_string(j.line + 1), j.stem + "/read-error");
      w->error = "read error";
      j.stream->clear();
      jsonl_.reset();
      return true;
    }
    return false;
  }

  const BatchOptions& o_;
  std::deque<std::string> pending_;
  std::vector<Frame> frames_;
  std::unique_ptr<JsonlState> jsonl_;
  std::set<std::string> visited_;
  std::vector<std::string> warnings_;
  uint64_t seq_ = 0;
};

std::string ShardKey(const Work& w) {
  if (!w.meta.id.empty()) return w.meta.id;
  if (!w.meta.url.empty()) return w.meta.url;
  return w.source;
}

Result Process(const Pipeline& pipeline, Work w) {
  Result r;
  r.source = w.source;
  r.output_name = w.output_name;
  r.skip = w.skip;
  r.input_bytes = w.input_bytes;
  if (w.skip) return r;
  if (!w.error.empty()) {
    r.reason = w.error;
    r.error = w.source + ": error: " + w.error;
    return r;
  }
  r.bytes = w.bytes.size();
  InputResult in = DecodeDocument(std::move(w.bytes), std::move(w.meta));
  if (!in.ok()) {
    r.reason = in.error->reason;
    r.error = in.error->ToString();
    r.line = in.error->line;
    r.column = in.error->column;
    return r;
  }
  PipelineResult p = pipeline.Process(*in.document);
  r.output = std::move(p.output);
  r.entry = std::move(p.entry);
  r.explain = std::move(p.explain);
  r.doc_iri = std::move(p.doc_iri);
  r.ntriples = std::move(p.ntriples);
  r.memberships = p.memberships;
  r.changes = p.changes;
  r.observations = p.observations;
  return r;
}

// Writes results in input order and keeps the counts.
class Writer {
 public:
  Writer(const BatchOptions& o, const Pipeline& pipeline, BatchStats* stats)
      : o_(o), pipeline_(pipeline), stats_(stats) {
    if (!o.push.url.empty()) pusher_ = std::make_unique<GraphPusher>(o.push);
    if (!o.errors_file.empty()) {
      errors_.open(o.errors_file, std::ios::binary | std::ios::trunc);
      if (!errors_) {
        std::cerr << o.errors_file << ": error: cannot write the errors file: "
                  << std::strerror(errno) << "\n";
        stats->setup_failed = true;
      }
    }
    start_ = std::chrono::steady_clock::now();
    if (o.progress) sizer_ = std::make_unique<InputSizer>(o);
  }

  // An input of another shard: read, not processed.
  void PassOver(uint64_t input_bytes) { consumed_ += input_bytes; }

  // False when the run must stop (stdout closed).
  bool Write(Result& r) {
    ++stats_->read;
    consumed_ += r.input_bytes;
    if (r.skip) {
      ++stats_->skipped;
      Progress(false);
      return true;
    }
    if (!r.error.empty()) {
      ++stats_->failed;
      Fail(r.source, r.error, r.reason, r.line, r.column);
      return true;
    }
    if (!r.explain.empty()) {
      std::cerr << "# " << r.source << "\n";
      for (const auto& e : r.explain) std::cerr << e;
    }
    if (pusher_) {
      pending_.push_back({r.source, r.doc_iri, std::move(r.ntriples)});
      if (pending_.size() >= std::max<size_t>(1, o_.push.documents_per_request)) Push();
    }
    stats_->bytes += r.bytes;
    stats_->memberships += r.memberships;
    stats_->changes += r.changes;
    stats_->observations += r.observations;
    if (o_.output_dir.empty() && pusher_) {
      // Pushed only.
    } else if (o_.output_dir.empty()) {
      if (!StartStream()) return false;
      if (!r.entry.anchor.empty()) entries_.push_back(std::move(r.entry));
      r.output.push_back('\n');
      if (std::fwrite(r.output.data(), 1, r.output.size(), stdout) != r.output.size()) {
        stats_->stdout_closed = true;
        return false;
      }
    } else if (!WriteFile(r)) {
      ++stats_->failed;
      return true;
    }
    ++stats_->succeeded;
    Progress(false);
    return true;
  }

  void Fail(const std::string& source, const std::string& message,
            const std::string& reason, int line = 0, int column = 0) {
    ClearProgress();
    std::cerr << message << "\n";
    if (errors_) {
      nlohmann::json j;
      j["source"] = source;
      j["error"] = reason;
      if (line > 0) j["line"] = line;
      if (column > 0) j["column"] = column;
      // A path need not be UTF-8: replace what is not, never throw.
      errors_ << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      errors_.flush();
    }
  }

  // Sends the pending documents in one batch; on failure each is reported.
  void Push() {
    if (pending_.empty()) return;
    std::vector<std::pair<std::string, std::string>> graphs;
    for (auto& p : pending_) graphs.emplace_back(p.iri, std::move(p.ntriples));
    std::string error = pusher_->PushBatch(graphs);
    for (const auto& p : pending_) {
      if (error.empty()) {
        ++stats_->pushed;
      } else {
        ++stats_->push_failed;
        Fail(p.source, p.source + ": error: push failed: " + error, "push failed: " + error);
      }
    }
    pending_.clear();
  }

  void Finish() {
    // The page or graph around the documents, even when there were none.
    if (o_.output_dir.empty() && !pusher_ && !stats_->stdout_closed && StartStream()) {
      std::string footer = pipeline_.StreamFooter(entries_);
      if (std::fwrite(footer.data(), 1, footer.size(), stdout) != footer.size())
        stats_->stdout_closed = true;
    }
    if (pusher_) Push();
    // The last line has the totals: every input has been read, so sizing
    // them is done or nearly.
    if (sizer_ && !stats_->stdout_closed) sizer_->Wait();
    Progress(true);
    ClearProgress();
    stats_->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  // Writes the stream's header once; false when stdout is closed.
  bool StartStream() {
    if (started_) return true;
    started_ = true;
    std::string header = pipeline_.StreamHeader();
    if (std::fwrite(header.data(), 1, header.size(), stdout) != header.size()) {
      stats_->stdout_closed = true;
      return false;
    }
    return true;
  }

  bool WriteFile(const Result& r) {
    fs::path target = fs::path(o_.output_dir) / r.output_name;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    fs::path tmp = target;
    tmp += ".tmp-" + std::to_string(::getpid());
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << pipeline_.StreamHeader() << r.output << "\n"
          << pipeline_.StreamFooter({r.entry});
      out.flush();
      if (!out) {
        std::cerr << target.string() << ": error: cannot write: " << std::strerror(errno) << "\n";
        fs::remove(tmp, ec);
        return false;
      }
    }
    fs::rename(tmp, target, ec);
    if (ec) {
      std::cerr << target.string() << ": error: cannot write: " << ec.message() << "\n";
      fs::remove(tmp, ec);
      return false;
    }
    return true;
  }

  void Progress(bool force) {
    if (!o_.progress) return;
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double s = std::chrono::duration<double>(now - start_).count();
    double mb = static_cast<double>(stats_->bytes) / 1e6;
    // Once the inputs are sized: the documents of the total, when known,
    // and the share of the input bytes read, with the time left at the
    // rate so far.
    const bool sized = sizer_ && sizer_->done();
    std::string of;
    if (sized && sizer_->documents() > 0) of = " of " + std::to_string(sizer_->documents());
    char line[200];
    int at = std::snprintf(line, sizeof line, "\r%zu%s documents (%zu failed)  %.1f MB  %.2f MB/s",
                           stats_->read, of.c_str(), stats_->failed, mb, s > 0 ? mb / s : 0.0);
    const double done = sized && sizer_->bytes() > 0
                            ? std::min(1.0, static_cast<double>(consumed_) /
                                                static_cast<double>(sizer_->bytes()))
                            : 0;
    if (done >= 0.01) {  // before, the rate says little
      const auto left = static_cast<long>(std::ceil(s * (1 - done) / done));
      if (left < 3600) {
        std::snprintf(line + at, sizeof line - at, "  %.0f%%  ETA %ld:%02ld", 100 * done,
                      left / 60, left % 60);
      } else {
        std::snprintf(line + at, sizeof line - at, "  %.0f%%  ETA %ld:%02ld:%02ld", 100 * done,
                      left / 3600, left / 60 % 60, left % 60);
      }
    }
    std::cerr << line << "  " << std::flush;
    shown_ = true;
  }
  void ClearProgress() {
    if (!shown_) return;
    std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

  const BatchOptions& o_;
  const Pipeline& pipeline_;
  BatchStats* stats_;
  bool started_ = false;
  std::vector<ViewEntry> entries_;  // documents written, for the footer
  std::ofstream errors_;
  std::unique_ptr<GraphPusher> pusher_;
  struct Pending {
    std::string source, iri, ntriples;
  };
  std::vector<Pending> pending_;  // documents waiting for a batched push
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
  std::unique_ptr<InputSizer> sizer_;  // with the progress line
  uint64_t consumed_ = 0;              // input bytes of the documents written
};

}  // namespace

void ForEachInput(const BatchOptions& o,
                  const std::function<bool(InputDocument&)>& fn) {
  InputWalker walker(o);
  Work w;
  while (walker.Next(&w)) {
    for (const auto& warning : walker.TakeWarnings()) std::cerr << warning << "\n";
    InputDocument d;
    d.source = w.source;
    d.key = !w.meta.id.empty() ? w.meta.id
                               : fs::path(StripExtension(w.source)).filename().string();
    d.meta = std::move(w.meta);
    d.bytes = std::move(w.bytes);
    d.error = std::move(w.error);
    if (!fn(d)) return;
  }
}

std::string FormatSummary(const BatchStats& s, bool push) {
  // Small runs read in kB and ms, not "0.00 MB in 0.00 s"; the rate is
  // always MB/s, so that runs compare.
  const double mb = static_cast<double>(s.bytes) / 1e6;
  char amount[32], time[32], rate[64];
  if (mb < 1) {
    std::snprintf(amount, sizeof amount, "%.1f kB", mb * 1e3);
  } else {
    std::snprintf(amount, sizeof amount, "%.2f MB", mb);
  }
  if (s.seconds < 1) {
    std::snprintf(time, sizeof time, "%.1f ms", s.seconds * 1e3);
  } else {
    std::snprintf(time, sizeof time, "%.2f s", s.seconds);
  }
  std::snprintf(rate, sizeof rate, "%.2f MB/s, %.0f documents/s",
                s.seconds > 0 ? mb / s.seconds : 0.0,
                s.seconds > 0 ? static_cast<double>(s.read) / s.seconds : 0.0);
  std::string out = "newsgraph: " + std::to_string(s.read) + " read, " +
                    std::to_string(s.succeeded) + " succeeded, " + std::to_string(s.failed) +
                    " failed, " + std::to_string(s.skipped) + " skipped; " +
                    Counted(s.memberships, "membership") + ", " + Counted(s.changes, "change") +
                    ", " + Counted(s.observations, "observation") + "; " + amount + " in " +
                    time + " (" + rate + ")";
  if (push)
    out += "; " + std::to_string(s.pushed) + " pushed, " +
           Counted(s.push_failed, "push failure");
  return out;
}

BatchStats RunBatch(const Pipeline& pipeline, const BatchOptions& o) {
  BatchStats stats;
  InputWalker walker(o);
  Writer writer(o, pipeline, &stats);
  if (!o.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.output_dir, ec);
    if (ec) {
      std::cerr << o.output_dir << ": error: cannot create the output folder: "
                << ec.message() << "\n";
      stats.setup_failed = true;
      return stats;
    }
  }
  if (stats.setup_failed) return stats;
  auto report_warnings = [&] {
    for (const auto& w : walker.TakeWarnings()) std::cerr << w << "\n";
  };
  auto next = [&](Work* w) {
    while (walker.Next(w)) {
      report_warnings();
      if (o.shards > 1 && ShardOf(ShardKey(*w), o.shards) != o.shard) {
        writer.PassOver(w->input_bytes);
        continue;
      }
      return true;
    }
    report_warnings();
    return false;
  };

  if (o.jobs <= 1) {
    Work w;
    while (next(&w)) {
      Result r = Process(pipeline, std::move(w));
      if (!writer.Write(r)) break;
    }
    writer.Finish();
    return stats;
  }

  // Parallel: the calling thread reads, `jobs - 1` workers process, and
  // results are written in input order by the calling thread as they
  // complete. At most `window` documents, or beyond two a job `budget` bytes
  // of documents, are in flight, which bounds memory by the jobs and the
  // largest document. When it must wait for the oldest result, the calling
  // thread processes a waiting document itself: so `jobs` threads work, not
  // `jobs` workers and a reader besides that would take turns on the cores.
  // The window is wide, so that a long document does not hold back the
  // others: while it is processed, a thousand short ones a job (and the
  // next long one) can be. Documents are small and quick, so threads are
  // woken only when it helps: a worker when one is idle, the writer when the
  // result it waits for, the oldest in flight, is done and it has nothing
  // to process.
  const size_t window = static_cast<size_t>(o.jobs) * 1024;
  const size_t budget = size_t{32} << 20;
  size_t in_flight_bytes = 0;
  std::mutex mu;
  std::condition_variable work_ready, result_ready;
  std::deque<Work> todo;
  std::map<uint64_t, Result> done;
  // Input order is the order of `seq` among the documents kept (shards skip
  // some), so the writer follows the order of submission: seq and size.
  std::deque<std::pair<uint64_t, size_t>> order;
  bool input_done = false, stop = false;
  int idle = 0;  // workers waiting for work
  std::vector<std::thread> workers;
  for (int i = 0; i + 1 < o.jobs; ++i) {
    workers.emplace_back([&] {
      std::vector<Work> mine;
      std::vector<uint64_t> seqs;
      std::vector<Result> results;
      while (true) {
        // A few documents at a time when many wait (never more than a fair
        // share), so that the locks and wake-ups are paid once for them.
        mine.clear();
        seqs.clear();
        {
          std::unique_lock<std::mutex> lock(mu);
          ++idle;
          work_ready.wait(lock, [&] { return !todo.empty() || input_done || stop; });
          --idle;
          if (todo.empty()) return;
          const size_t take = std::clamp<size_t>(todo.size() / static_cast<size_t>(o.jobs), 1, 8);
          for (size_t k = 0; k < take; ++k) {
            seqs.push_back(todo.front().seq);
            mine.push_back(std::move(todo.front()));
            todo.pop_front();
          }
        }
        results.clear();
        for (Work& w : mine) results.push_back(Process(pipeline, std::move(w)));
        bool oldest = false;
        {
          std::lock_guard<std::mutex> lock(mu);
          for (size_t k = 0; k < seqs.size(); ++k) {
            oldest = oldest || (!order.empty() && order.front().first == seqs[k]);
            done.emplace(seqs[k], std::move(results[k]));
          }
        }
        if (oldest) result_ready.notify_one();
      }
    });
  }
  auto write_ready = [&](std::unique_lock<std::mutex>& lock, bool wait_one) {
    while (!order.empty()) {
      auto it = done.find(order.front().first);
      if (it == done.end()) {
        if (!wait_one) return;
        if (todo.empty()) {
          result_ready.wait(lock);
          continue;
        }
        Work w = std::move(todo.front());
        todo.pop_front();
        const uint64_t seq = w.seq;
        lock.unlock();
        Result r = Process(pipeline, std::move(w));
        lock.lock();
        done.emplace(seq, std::move(r));
        continue;
      }
      Result r = std::move(it->second);
      done.erase(it);
      in_flight_bytes -= order.front().second;
      order.pop_front();
      lock.unlock();
      bool ok = writer.Write(r);
      lock.lock();
      if (!ok) {
        stop = true;
        todo.clear();
        work_ready.notify_all();
        return;
      }
      wait_one = false;
    }
  };
  Work w;
  while (!stop && next(&w)) {
    std::unique_lock<std::mutex> lock(mu);
    order.emplace_back(w.seq, w.bytes.size());
    in_flight_bytes += w.bytes.size();
    todo.push_back(std::move(w));
    if (idle > 0) work_ready.notify_one();
    write_ready(lock, false);
    while (!stop && (order.size() >= window ||
                     (in_flight_bytes >= budget && order.size() >= 2 * static_cast<size_t>(o.jobs))))
      write_ready(lock, true);
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    input_done = true;
    work_ready.notify_all();
    while (!stop && !order.empty()) write_ready(lock, true);
  }
  for (auto& t : workers) t.join();
  writer.Finish();
  return stats;
}

}  // namespace newsgraph
