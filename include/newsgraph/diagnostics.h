// Diagnostics: errors in rule files and inputs as values, never as crashes.
//
// Every problem found while loading rules or reading a document becomes a
// Diagnostic, printed as `file:line:col: error: message` (the format compilers
// use, so editors can jump to it). Loaders report all problems they find, not
// just the first.
#ifndef NEWSGRAPH_DIAGNOSTICS_H_
#define NEWSGRAPH_DIAGNOSTICS_H_

#include <string>
#include <vector>

namespace newsgraph {

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;  // may be empty
  int line = 0;      // 1-based; 0 = unknown
  int column = 0;    // 1-based; 0 = unknown
  std::string message;

  // "file:line:col: error: message" (parts that are unknown are left out).
  std::string ToString() const;
};

// Collects diagnostics. Not thread-safe; use one per loader or document.
class Diagnostics {
 public:
  void Error(std::string file, int line, int column, std::string message);
  void Warning(std::string file, int line, int column, std::string message);
  void Add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  // All diagnostics, one per line.
  std::string ToString() const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_DIAGNOSTICS_H_
