// Input: turns raw bytes into a Document, or into an error that names the
// input, the position and the reason.
//
//   std::string bytes = ...;   // a file's or stdin's contents
//   InputResult r = DecodeDocument(std::move(bytes), {.source = "a.txt"});
//   if (!r.ok()) std::cerr << r.error->ToString() << "\n";
//
// Policy: a leading UTF-8 byte-order mark is dropped (offsets in the output do
// not count it); CRLF and CR line ends are kept as they are (they are white
// space to every later stage). Invalid UTF-8 is an error, never replaced:
// replacing it would shift offsets and hide a broken input. NUL bytes mark a
// binary file; an input with nothing but white space is an empty document.
#ifndef NEWSGRAPH_INPUT_H_
#define NEWSGRAPH_INPUT_H_

#include <optional>
#include <string>

#include "newsgraph/types.h"

namespace newsgraph {

struct InputError {
  std::string source;  // the input's name ("-" for stdin, or a path)
  std::string reason;  // e.g. "invalid UTF-8 (surrogate code point)"
  int line = 0;        // 1-based position of the problem, 0 when not about one
  int column = 0;      // 1-based, in bytes
  // "source:line:col: error: reason"
  std::string ToString() const;
};

struct InputResult {
  std::optional<Document> document;
  std::optional<InputError> error;
  bool ok() const { return document.has_value(); }
};

// Validates and decodes `bytes`. `meta.source` names the input in errors.
InputResult DecodeDocument(std::string bytes, DocumentMeta meta);

// Reads a whole file into `out`. On failure returns false and sets `error`
// to the system's reason ("No such file or directory", ...).
bool ReadFileBytes(const std::string& path, std::string* out,
                   std::string* error);

// True when `date` is a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(const std::string& date);

}  // namespace newsgraph

#endif  // NEWSGRAPH_INPUT_H_
