// Reading CSV as Excel in Sweden writes it: any of `,` `;` tab, quoted fields with delimiters,
// doubled quotes and newlines, CRLF/LF/CR line ends. libcsv does the tokenising; this adds the
// line where each record starts and header matching shared by every CSV importer.
#ifndef SAMDRIFT_IMPORTERS_CSV_READER_H_
#define SAMDRIFT_IMPORTERS_CSV_READER_H_

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace samdrift::importers {

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// The delimiter of the first line (outside quotes): the most frequent of ; , and tab; ',' if none.
char DetectDelimiter(std::string_view text);

// The first record's fields only (cheap; for sniffing).
std::vector<std::string> ReadHeader(std::string_view text);

// The most characters a cell may hold: what a spreadsheet cell holds.
inline constexpr std::size_t kMaxCellChars = 32767;

// Streams the records of UTF-8 `text`; blank lines are skipped. `visit` returns false to stop.
// A text ending inside a quoted field is reported (CSV014) and the partial record dropped. A
// cell past kMaxCellChars stops the reading as soon as it passes the limit (CSV018). A record
// with a C0 control character other than tab, CR and LF, or DEL, is reported (CSV019) and not
// visited; in the first record (the header) it stops the reading. Returns how many records were
// refused so (reported, not visited).
std::size_t ReadCsv(std::string_view text, char delimiter, const std::string& source,
                    core::Diagnostics& diagnostics, const std::function<bool(CsvRecord&)>& visit);

// A known column: its canonical name and the other names it goes by (any case, e.g. Swedish).
struct ColumnSpec {
  std::string_view name;
  std::vector<std::string_view> aliases = {};
};

enum class UnknownColumns { kError, kWarning, kIgnore };

// Which known column each header cell is. Unknown headers are reported as CSV003 naming the
// closest known header; a column named twice as CSV005.
class HeaderMap {
 public:
  HeaderMap(const CsvRecord& header, std::span<const ColumnSpec> columns, const std::string& source,
            core::Diagnostics& diagnostics, UnknownColumns unknown = UnknownColumns::kError);

  bool Has(std::string_view name) const { return Index(name) >= 0; }
  int Index(std::string_view name) const;  // -1 when absent
  // The trimmed cell of that column in `record`, "" when the column is absent or short.
  std::string_view Get(const CsvRecord& record, std::string_view name) const;
  std::size_t width() const { return width_; }
  // Headers that matched no known column (kept when unknown columns are not errors).
  const std::vector<std::pair<int, std::string>>& extra() const { return extra_; }

 private:
  std::span<const ColumnSpec> columns_;
  std::vector<int> index_;  // per ColumnSpec
  std::vector<std::pair<int, std::string>> extra_;
  std::size_t width_ = 0;
};

// True when `header` (a header cell) names this column (case-insensitive, trimmed).
bool HeaderMatches(std::string_view header, const ColumnSpec& column);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_CSV_READER_H_
