#include "newsgraph/diagnostics.h"

namespace newsgraph {

std::string Diagnostic::ToString() const {
  std::string out;
  if (!file.empty()) out += file + ":";
  if (line > 0) {
    out += std::to_string(line) + ":";
    if (column > 0) out += std::to_string(column) + ":";
  }
  if (!out.empty()) out += " ";
  switch (severity) {
    case Severity::kError: out += "error: "; break;
    case Severity::kWarning: out += "warning: "; break;
    case Severity::kNote: out += "note: "; break;
  }
  return out + message;
}

void Diagnostics::Error(std::string file, int line, int column,
                        std::string message) {
  items_.push_back({Severity::kError, std::move(file), line, column,
                    std::move(message)});
}

void Diagnostics::Warning(std::string file, int line, int column,
                          std::string message) {
  items_.push_back({Severity::kWarning, std::move(file), line, column,
                    std::move(message)});
}

bool Diagnostics::has_errors() const {
  for (const auto& d : items_)
    if (d.severity == Severity::kError) return true;
  return false;
}

std::string Diagnostics::ToString() const {
  std::string out;
  for (const auto& d : items_) out += d.ToString() + "\n";
  return out;
}

}  // namespace newsgraph
