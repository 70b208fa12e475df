// The report's tables as XLSX (libxlsxwriter) and CSV.
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/report.h"

namespace samdrift::reports {
namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ , unique.
std::string SheetName(const std::string& id, std::set<std::string>& used) {
  std::string name;
  for (char c : id) {
    if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) name += c;
  }
  if (name.empty()) name = "sheet";
  name = name.substr(0, 28);
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

}  // namespace

Cell Cell::Number(double n, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, n);
  return {buffer, n, {}};
}

core::Status WriteXlsx(const Report& report, const std::string& path) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (!workbook) return core::Status::Invalid("cannot create '" + path + "'");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  format_set_bg_color(bold, 0xEEF2F6);
  std::set<std::string> used;
  for (const Section& section : report.sections) {
    for (const Table& table : section.tables) {
      const std::string name = SheetName(table.id, used);
      lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
      if (!sheet) continue;
      std::vector<std::size_t> widths(table.headers.size(), 8);
      for (std::size_t c = 0; c < table.headers.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), table.headers[c].c_str(), bold);
        widths[c] = std::max(widths[c], table.headers[c].size());
      }
      lxw_row_t r = 1;
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
          const Cell& cell = row[c];
          if (cell.number && std::isfinite(*cell.number)) {
            worksheet_write_number(sheet, r, static_cast<lxw_col_t>(c), *cell.number, nullptr);
          } else {
            worksheet_write_string(sheet, r, static_cast<lxw_col_t>(c), cell.text.c_str(), nullptr);
          }
          if (c < widths.size())
            widths[c] = std::max(widths[c], std::min<std::size_t>(cell.text.size(), 60));
        }
        ++r;
      }
      for (std::size_t c = 0; c < widths.size(); ++c) {
        worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                             static_cast<double>(widths[c]) + 2, nullptr);
      }
      worksheet_freeze_panes(sheet, 1, 0);
      if (!table.headers.empty()) {
        worksheet_autofilter(sheet, 0, 0, r > 1 ? r - 1 : 1,
                             static_cast<lxw_col_t>(table.headers.size() - 1));
      }
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
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) out << (c ? ";" : "") << CsvField(row[c]);
        out << "\r\n";
      }
      if (!out) return core::Status::Invalid("cannot write '" + path + "'");
    }
  }
  return core::Status::Ok();
}

}  // namespace samdrift::reports
