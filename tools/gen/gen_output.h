// Output helpers for samdrift-gen: a CSV row builder that writes straight into one buffer, and
// whole-file writes (one buffered write per file).
#ifndef SAMDRIFT_TOOLS_GEN_GEN_OUTPUT_H_
#define SAMDRIFT_TOOLS_GEN_GEN_OUTPUT_H_

#include <filesystem>
#include <string>
#include <string_view>

namespace samdrift::tools::gen {

enum class Encoding { kUtf8, kUtf8Bom, kWindows1252 };
enum class LineEnd { kLf, kCrLf };
// How numbers are written: "712.5" or as Swedish Excel does, "712,5" and "1 100".
enum class NumberStyle { kPlain, kSwedish };

class CsvOut {
 public:
  CsvOut(char delimiter, LineEnd line_end, NumberStyle numbers)
      : delimiter_(delimiter), line_end_(line_end), numbers_(numbers) {}

  void Reserve(std::size_t bytes) { text_.reserve(bytes); }
  // A cell, quoted when it holds the delimiter, a quote or a line break.
  CsvOut& Cell(std::string_view value);
  // A number cell; 0 with `empty_if_zero` is written as an empty cell.
  CsvOut& Number(double value, bool empty_if_zero = true);
  CsvOut& Integer(long long value, bool empty_if_zero = true);
  void EndRow();
  // Header row from a comma-separated list of names.
  void Header(std::string_view names);

  const std::string& text() const { return text_; }

 private:
  void Separate();
  std::string text_;
  char delimiter_;
  LineEnd line_end_;
  NumberStyle numbers_;
  bool row_started_ = false;
};

// Writes `utf8` to `path` in `encoding` (creating parent folders). Returns false on failure.
bool WriteFile(const std::filesystem::path& path, std::string_view utf8, Encoding encoding);

// Appends `value` to `out` as a JSON string (with the quotes).
void AppendJson(std::string& out, std::string_view value);

}  // namespace samdrift::tools::gen

#endif  // SAMDRIFT_TOOLS_GEN_GEN_OUTPUT_H_
