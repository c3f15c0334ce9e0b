#include "newsgraph/input.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsgraph/diagnostics.h"
#include "newsgraph/unicode.h"

namespace newsgraph {
namespace {

// 1-based line and byte column of `offset` in `text`.
void LineColumn(const std::string& text, size_t offset, int* line, int* col) {
  *line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++*line;
      line_start = i + 1;
    }
  }
  *col = static_cast<int>(offset - line_start) + 1;
}

}  // namespace

std::string InputError::ToString() const {
  Diagnostic d{Severity::kError, source, line, column, reason};
  return d.ToString();
}

InputResult DecodeDocument(std::string bytes, DocumentMeta meta) {
  InputResult result;
  size_t bom = 0;  // positions in errors count the file's bytes, BOM included
  auto fail = [&](std::string reason, size_t offset, bool positioned) {
    InputError e{meta.source, std::move(reason), 0, 0};
    if (positioned) {
      LineColumn(bytes, offset, &e.line, &e.column);
      if (e.line == 1) e.column += static_cast<int>(bom);
    }
    result.error = std::move(e);
    return result;
  };
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    bom = 3;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string::npos)
    return fail("binary data (NUL byte), not text", nul, true);
  if (auto bad = FindInvalidUtf8(bytes)) {
    return fail("invalid UTF-8 (" + bad->reason + ")", bad->offset, true);
  }
  bool blank = true;
  for (size_t i = 0; i < bytes.size() && blank;) {
    if (!IsSpace(DecodeUtf8(bytes, &i))) blank = false;
  }
  if (blank) return fail("empty document (no text)", 0, false);
  result.document = Document{std::move(bytes), std::move(meta)};
  return result;
}

bool ReadFileBytes(const std::string& path, std::string* out,
                   std::string* error) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = errno ? std::strerror(errno) : "cannot open";
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = errno ? std::strerror(errno) : "read error";
    return false;
  }
  *out = std::move(buffer).str();
  return true;
}

bool IsIsoDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)),
      day = std::stoi(d.substr(8, 2));
  if (m < 1 || m > 12 || day < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return day <= max;
}

}  // namespace newsgraph
