#include "core/diagnostics.h"

#include <utility>

namespace samdrift::core {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.where.source.empty() ? std::string("<input>") : d.where.source;
  if (d.where.line > 0) {
    out += ':' + std::to_string(d.where.line);
    if (d.where.column > 0) out += ':' + std::to_string(d.where.column);
  }
  out += d.severity == Severity::kError ? ": error[" : ": warning[";
  out += d.code;
  out += "]: ";
  out += d.message;
  return out;
}

void Diagnostics::Report(Diagnostic diagnostic) {
  (diagnostic.severity == Severity::kError ? errors_ : warnings_)++;
  if (items_.size() < kMaxKept) items_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourceLocation where, std::string_view code, std::string message) {
  Report({std::move(where), Severity::kError, std::string(code), std::move(message)});
}

void Diagnostics::Warning(SourceLocation where, std::string_view code, std::string message) {
  Report({std::move(where), Severity::kWarning, std::string(code), std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items_) {
    if (items_.size() < kMaxKept) items_.push_back(d);
  }
  errors_ += other.errors_;
  warnings_ += other.warnings_;
}

}  // namespace samdrift::core
