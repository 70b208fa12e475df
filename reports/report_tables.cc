// The report's tables as XLSX (libxlsxwriter) and CSV.
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/report.h"

namespace samdrift::reports {
namespace {

// A report of more cells than this writes its workbook in libxlsxwriter's constant-memory mode.
constexpr std::size_t kConstantMemoryCells = 2000000;

// Excel sheet names: at most 31 characters, none of []:*?/\ , unique. A sheet is named by its
// table's title (in the report's language), else its id.
std::string SheetName(const Table& table, std::set<std::string>& used) {
  std::string name;
  for (char c : table.title.empty() ? table.id : table.title) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
  }
  if (name.empty()) name = "sheet";
  if (name.size() > 28) {  // at the last word that fits, else a UTF-8 character boundary
    std::size_t cut = name.rfind(' ', 28);
    if (cut == std::string::npos || cut == 0) {
      cut = 28;
      while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    }
    name = name.substr(0, cut);
  }
  std::string unique = name;
  for (int i = 2; used.count(unique); ++i) unique = name + "-" + std::to_string(i);
  used.insert(unique);
  return unique;
}

std::string CsvField(const Cell& cell) {
  if (cell.number) {
    char buffer[64];
    double v = *cell.number;
    if (std::floor(v) == v && std::fabs(v) < 1e15) {
      std::snprintf(buffer, sizeof buffer, "%.0f", v);
    } else {
      std::snprintf(buffer, sizeof buffer, "%.3f", v);
      for (char* p = buffer; *p; ++p) {
        if (*p == '.') *p = ',';
      }
    }
    return buffer;
  }
  return CsvCell(cell.key.empty() ? cell.text : cell.key, ';');
}

// The number format showing a cell as the report rounds it ("0.0" for 12.3): the decimals of its
// text. The cell keeps its full value.
lxw_format* NumberFormat(lxw_workbook* workbook, std::map<std::size_t, lxw_format*>& formats,
                         const Cell& cell) {
  const std::size_t dot = cell.text.find('.');
  const std::size_t decimals = dot == std::string::npos ? 0 : cell.text.size() - dot - 1;
  auto [it, added] = formats.try_emplace(decimals, nullptr);
  if (added) {
    it->second = workbook_add_format(workbook);
    format_set_num_format(
        it->second, (decimals ? "0." + std::string(decimals, '0') : std::string("0")).c_str());
  }
  return it->second;
}

// A column chart of `table.chart_column` by the first column, beside the table.
void AddChart(lxw_workbook* workbook, lxw_worksheet* sheet, const std::string& sheet_name,
              const Table& table) {
  if (!table.chart_column || RowCount(table) == 0) return;
  lxw_chart* chart = workbook_add_chart(workbook, LXW_CHART_COLUMN);
  const auto last = static_cast<lxw_row_t>(RowCount(table));
  const auto column = static_cast<lxw_col_t>(*table.chart_column);
  lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
  chart_series_set_categories(series, sheet_name.c_str(), 1, 0, last, 0);
  chart_series_set_values(series, sheet_name.c_str(), 1, column, last, column);
  chart_series_set_name(series, table.headers[column].c_str());
  chart_title_set_name(chart, table.headers[column].c_str());
  chart_axis_set_name(chart->x_axis, table.headers[0].c_str());
  chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
  worksheet_insert_chart(sheet, 1, static_cast<lxw_col_t>(table.headers.size() + 1), chart);
}

// Rows [from, to) of `table` on `sheet` below its header row; the header frozen, filters on.
void WriteSheet(lxw_workbook* workbook, lxw_worksheet* sheet,
                std::map<std::size_t, lxw_format*>& formats, lxw_format* bold, const Table& table,
                std::size_t from, std::size_t to) {
  std::vector<std::size_t> widths(table.headers.size(), 8);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    widths[c] = std::max(widths[c], table.headers[c].size());
  }
  std::vector<Cell> scratch;
  for (std::size_t i = from; i < to; ++i) {
    const auto& row = RowAt(table, i, scratch);
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], std::min<std::size_t>(row[c].text.size(), 60));
    }
  }
  // Columns first: in constant-memory mode rows are written out as they come.
  for (std::size_t c = 0; c < widths.size(); ++c) {
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(widths[c]) + 2, nullptr);
  }
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), bold);
  }
  lxw_row_t r = 1;
  for (std::size_t i = from; i < to; ++i, ++r) {
    const auto& row = RowAt(table, i, scratch);
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Cell& cell = row[c];
      if (cell.number && std::isfinite(*cell.number)) {
        worksheet_write_number(sheet, r, static_cast<lxw_col_t>(c), *cell.number,
                               NumberFormat(workbook, formats, cell));
      } else {
        worksheet_write_string(sheet, r, static_cast<lxw_col_t>(c), cell.text.c_str(), nullptr);
      }
    }
  }
  worksheet_freeze_panes(sheet, 1, 0);
  if (!table.headers.empty()) {
    worksheet_autofilter(sheet, 0, 0, r > 1 ? r - 1 : 1,
                         static_cast<lxw_col_t>(table.headers.size() - 1));
  }
}

}  // namespace

std::size_t RowCount(const Table& table) {
  return table.make_row ? table.made_rows : table.rows.size();
}

const std::vector<Cell>& RowAt(const Table& table, std::size_t i, std::vector<Cell>& scratch) {
  if (!table.make_row) return table.rows[i];
  scratch = table.make_row(i);
  return scratch;
}

Cell Cell::Number(double n, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, n);
  return {buffer, n, {}};
}

core::Status WriteXlsx(const Report& report, const std::string& path, std::size_t sheet_rows) {
  // A large report is written row by row through temporary files (strings inline, no shared
  // string table), so the workbook does not hold every cell in memory.
  std::size_t cells = 0;
  for (const Section& section : report.sections) {
    for (const Table& table : section.tables) cells += RowCount(table) * table.headers.size();
  }
  lxw_workbook_options options{};
  options.constant_memory = cells > kConstantMemoryCells ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (!workbook) return core::Status::Invalid("cannot create '" + path + "'");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xEEF2F6);
  std::set<std::string> used;
  std::map<std::size_t, lxw_format*> formats;  // by decimals
  for (const Section& section : report.sections) {
    for (const Table& table : section.tables) {
      std::size_t from = 0;
      do {
        const std::size_t to = std::min(RowCount(table), from + sheet_rows);
        const std::string name = SheetName(table, used);
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
        if (!sheet) break;
        WriteSheet(workbook, sheet, formats, bold, table, from, to);
        if (from == 0) AddChart(workbook, sheet, name, table);
        from = to;
      } while (from < RowCount(table));
    }
  }
  lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR) {
    return core::Status::Invalid("cannot write '" + path + "': " + lxw_strerror(error));
  }
  return core::Status::Ok();
}

core::Status WriteCsvs(const Report& report, const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  for (const Section& section : report.sections) {
    for (const Table& table : section.tables) {
      const std::string path = (std::filesystem::path(dir) / (table.id + ".csv")).string();
      std::ofstream out(path, std::ios::binary);
      if (!out) return core::Status::Invalid("cannot write '" + path + "'");
      out << "\xEF\xBB\xBF";
      for (std::size_t c = 0; c < table.headers.size(); ++c) {
        out << (c ? ";" : "") << CsvField(Cell::Text(table.headers[c]));
      }
      out << "\r\n";
      std::vector<Cell> scratch;
      for (std::size_t i = 0; i < RowCount(table); ++i) {
        const auto& row = RowAt(table, i, scratch);
        for (std::size_t c = 0; c < row.size(); ++c) out << (c ? ";" : "") << CsvField(row[c]);
        out << "\r\n";
      }
      if (!out) return core::Status::Invalid("cannot write '" + path + "'");
    }
  }
  return core::Status::Ok();
}

}  // namespace samdrift::reports
