// Located problems found in input: `SOURCE:LINE[:COL]: error|warning[CODE]: message`.
// Producers report every problem they find; the caller decides whether the batch fails.
#ifndef SAMDRIFT_CORE_DIAGNOSTICS_H_
#define SAMDRIFT_CORE_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samdrift::core {

// Where in an input something was found. line and column are 1-based; 0 means unknown.
struct SourceLocation {
  std::string source;  // the file as the user named it
  int line = 0;
  int column = 0;
};

enum class Severity { kError, kWarning };

struct Diagnostic {
  SourceLocation where;
  Severity severity = Severity::kError;
  std::string code;  // e.g. "CSV004"
  std::string message;
};

// The one-line text form, e.g. "racks.csv:12: error[CSV004]: column 'u_height': ...".
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// Collects diagnostics. Keeps at most kMaxKept of them in memory (counts stay exact), so a huge
// broken input cannot exhaust memory.
class Diagnostics {
 public:
  static constexpr std::size_t kMaxKept = 10000;

  void Report(Diagnostic diagnostic);
  void Error(SourceLocation where, std::string_view code, std::string message);
  void Warning(SourceLocation where, std::string_view code, std::string message);
  void Append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  std::size_t total() const { return errors_ + warnings_; }
  bool has_errors() const { return errors_ > 0; }

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_DIAGNOSTICS_H_
