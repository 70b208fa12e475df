// The pre-study report as data: sections with prose, charts (inline SVG) and tables. The same
// tables go to the HTML page, the XLSX workbook (one sheet each) and CSV files.
#ifndef SAMDRIFT_REPORTS_REPORT_H_
#define SAMDRIFT_REPORTS_REPORT_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace samdrift::reports {

enum class Lang { kSv, kEn };

// Text of the report in the chosen language; `key` is the English text, which is also the
// fallback when no Swedish text exists.
std::string_view Tr(Lang lang, std::string_view key);
// Every Swedish text of Tr by its English key (tests check a report holds no text of the other
// language).
const std::unordered_map<std::string_view, std::string_view>& SwedishTexts();

// How the report treats identifying values (serials, IP and MAC addresses).
enum class Redaction { kNone, kRedact };

struct Cell {
  std::string text;
  std::optional<double> number;  // numeric cells sort and export as numbers
  std::string key;  // what a CSV holds instead of `text` when not empty: an org's id, not its name
  static Cell Text(std::string t) { return {std::move(t), std::nullopt, {}}; }
  static Cell Number(double n, int decimals = 0);
};

struct Table {
  std::string id;     // sheet and CSV file name, e.g. "assets"
  std::string title;  // shown above the table
  std::vector<std::string> headers;
  std::vector<std::vector<Cell>> rows;
  bool sortable = true;
  // The workbook draws a column chart of this column against the first (hours per wave).
  std::optional<std::size_t> chart_column;
  // False when the section's figure already shows the table (the workbook and CSV keep it).
  bool in_html = true;
  bool collapsed = false;  // the page shows it folded (<details>) under its title
  // Rows per page in the HTML: a longer table holds every row as JSON and pages through them
  // (reports/table_view.h); the first page is also plain HTML for readers without JavaScript.
  std::size_t page_rows = 50;
  // Columns that never hold an address, which redaction leaves alone (versions such as
  // "6.1.2.100" read as IPv4 addresses).
  std::vector<std::size_t> no_address_columns;
  // A table of one row per asset, gap or plan item makes its rows as they are written instead of
  // holding them (a national estate has millions): `rows` stays empty, the table has `made_rows`
  // rows and row i is make_row(i), and `org_column` names its municipality column (OrgColumn
  // does not scan a made table). Read any table's rows through RowCount and RowAt.
  std::size_t made_rows = 0;
  std::function<std::vector<Cell>(std::size_t)> make_row;
  std::optional<std::size_t> org_column;
};

// The table's rows: held or made.
std::size_t RowCount(const Table& table);
// Row `i`: a held row, or a made one in `scratch` (valid until `scratch` changes).
const std::vector<Cell>& RowAt(const Table& table, std::size_t i, std::vector<Cell>& scratch);

struct Section {
  std::string id;  // HTML anchor
  std::string title;
  std::string intro;                 // plain text, escaped when written
  std::vector<std::string> figures;  // trusted SVG/HTML fragments made by the project
  std::vector<Table> tables;
};

// The rows of one table the HTML page holds by default (`report --max-rows`): every row of the
// demo and of a 29-org estate of 2,000 assets each; at national scale the page stays a few tens
// of MB. The CSV files and the workbook always hold every row.
inline constexpr std::size_t kDefaultMaxRows = 100000;
// The rows of one worksheet: Excel's limit, 1,048,576 rows, less the header row. A longer table
// goes on as many continuation sheets as it needs.
inline constexpr std::size_t kSheetRows = 1048575;

struct Report {
  std::string title;
  std::string subtitle;
  Lang lang = Lang::kSv;
  std::vector<Section> sections;
  // At most this many rows of each table are in the page (0: every row); a table cut says so,
  // with its count and a link to its CSV file (reports/table_view.h: EmbeddedRows).
  std::size_t max_rows = 0;
};

// index.html: self-contained (inline styles, scripts and SVG), printable.
core::Status WriteHtml(const Report& report, const std::string& path);
// One workbook, a sheet per table, header row frozen, filters on. A table of more than
// `sheet_rows` rows goes on continuation sheets of the same name with "-2", "-3", ... (each with
// the header row), so the workbook holds every row.
core::Status WriteXlsx(const Report& report, const std::string& path,
                       std::size_t sheet_rows = kSheetRows);
// One CSV per table in `dir` (UTF-8 with BOM, `;` delimiter, decimal comma: Excel in Sweden).
core::Status WriteCsvs(const Report& report, const std::string& dir);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_REPORT_H_
