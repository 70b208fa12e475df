// index.html: one self-contained file (styles, script and SVG inline), printable to PDF.
#include <algorithm>
#include <fstream>

#include "reports/escape.h"
#include "reports/report.h"
#include "reports/table_view.h"

namespace samdrift::reports {
namespace {

constexpr const char* kStyle = R"css(
:root{--ink:#1d2733;--muted:#5b6b7b;--line:#d9e0e7;--accent:#1f5f99}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;
  line-height:1.45;background:#f6f8fa}
header{background:var(--accent);color:#fff;padding:18px 32px}
header h1{margin:0;font-size:26px}
header p{margin:4px 0 0;opacity:.9}
nav{background:#fff;border-bottom:1px solid var(--line);padding:8px 32px;position:sticky;top:0;z-index:2}
nav a{margin-right:16px;color:var(--accent);text-decoration:none;font-size:14px;white-space:nowrap}
main{max-width:1200px;margin:0 auto;padding:8px 32px 48px}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:18px 22px;margin:18px 0}
h2{margin:0 0 8px;font-size:21px}
h3{font-size:16px;margin:18px 0 6px}
p.intro{color:var(--muted);margin:0 0 10px;white-space:pre-line}
figure{margin:10px 0;overflow-x:auto}
.table-wrap{overflow-x:auto;max-height:560px;overflow-y:auto;border:1px solid var(--line)}
#summary .table-wrap,#comparison .table-wrap{max-height:none}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#eef2f6;position:sticky;top:0;cursor:pointer;user-select:none;white-space:nowrap}
th.sorted-asc::after{content:" \25B2"}th.sorted-desc::after{content:" \25BC"}
td.num{text-align:right;font-variant-numeric:tabular-nums}th.num{text-align:right}
p.more{color:var(--muted);font-size:12px}
p.cut{background:#fff4d6;border-left:4px solid #c98a00;padding:4px 8px;font-size:13px;margin:6px 0}
.table-controls{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:6px 0;font-size:13px}
.table-controls input{flex:1 1 220px;padding:4px 6px}
.table-controls .tv-status{color:var(--muted)}
/* Print on A4: a page per section, wide tables on landscape pages, every cell wraps. */
@page{size:A4 portrait;margin:14mm 12mm}
@page wide{size:A4 landscape;margin:12mm 10mm}
@media print{
  body{background:#fff;font-size:11px}nav,.table-controls input,.table-controls select,
  .table-controls button{display:none}
  header{background:#fff;color:var(--ink);padding:0 0 8px}
  main{max-width:none;padding:0}
  section{border:none;padding:0;margin:0;break-before:page}section:first-of-type{break-before:auto}
  section:has(.table-wrap.wide){page:wide}
  .table-wrap,figure{max-height:none;overflow:visible;border:none}
  table{font-size:9px;table-layout:auto;width:100%}
  th{position:static;white-space:normal;cursor:auto}
  th,td{padding:2px 4px;overflow-wrap:anywhere;word-break:break-word}
  th.sorted-asc::after,th.sorted-desc::after{content:""}
  tr{break-inside:avoid}
  figure svg{max-width:100%;height:auto}
}
)css";

constexpr const char* kScript = R"js(
document.querySelectorAll('table.sortable').forEach(function(table){
  table.querySelectorAll('th').forEach(function(th, col){
    th.addEventListener('click', function(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var asc = !th.classList.contains('sorted-asc');
      table.querySelectorAll('th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc');});
      th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
      rows.sort(function(a, b){
        var x = a.cells[col], y = b.cells[col];
        var nx = x.getAttribute('data-n'), ny = y.getAttribute('data-n');
        var r = (nx !== null && ny !== null) ? (parseFloat(nx) - parseFloat(ny))
              : x.textContent.localeCompare(y.textContent, 'sv');
        return asc ? r : -r;
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
});
)js";

// A number column has its header on the right too, above its right-aligned figures: every
// cell of it a number or empty (one pass over the rows).
std::vector<bool> NumberColumns(const Table& table) {
  std::vector<bool> numbers(table.headers.size(), RowCount(table) > 0);
  std::vector<Cell> scratch;
  for (std::size_t r = 0; r < RowCount(table); ++r) {
    const auto& row = RowAt(table, r, scratch);
    for (std::size_t c = 0; c < row.size() && c < numbers.size(); ++c) {
      if (!row[c].number && !row[c].text.empty()) numbers[c] = false;
    }
  }
  return numbers;
}

void WriteRow(std::ostream& out, const std::vector<Cell>& row) {
  out << "<tr>";
  for (const Cell& cell : row) {
    if (cell.number) {
      out << "<td class=\"num\" data-n=\"" << *cell.number << "\">" << HtmlText(cell.text)
          << "</td>";
    } else {
      out << "<td>" << HtmlText(cell.text) << "</td>";
    }
  }
  out << "</tr>\n";
}

// A table longer than a page: its first page as rows, a count for readers without JavaScript,
// and the rows the page holds as JSON for the view script.
void WritePagedRest(std::ostream& out, const Table& table, Lang lang,
                    const std::vector<std::size_t>& embedded) {
  out << "<p class=\"more\">" << HtmlText(Tr(lang, "Showing the first")) << " "
      << std::min(table.page_rows, embedded.size()) << " " << HtmlText(Tr(lang, "of")) << " "
      << RowCount(table) << " "
      << HtmlText(Tr(lang, "rows; all rows are in the workbook and the CSV file")) << " ("
      << HtmlText(table.id) << ".csv).</p>\n"
      << "<script type=\"application/json\" class=\"rows\" data-table=\"t-" << HtmlText(table.id)
      << "\" data-page=\"" << table.page_rows << "\">" << TableRowsJson(table, &embedded)
      << "</script>\n";
}

// A table cut to the page's row budget says so, shown and printed: "N of M rows are in this
// page; all rows are in csv/ID.csv and samdrift.xlsx", the CSV file linked.
void WriteCutNote(std::ostream& out, const Table& table, Lang lang, std::size_t embedded) {
  const std::string csv = "csv/" + table.id + ".csv";
  out << "<p class=\"cut\">" << embedded << " " << HtmlText(TableViewLabel(lang, "of")) << " "
      << RowCount(table) << " " << HtmlText(TableViewLabel(lang, "cut-in")) << " <a href=\""
      << HtmlText(csv) << "\">" << HtmlText(csv) << "</a> "
      << HtmlText(TableViewLabel(lang, "cut-and")) << " samdrift.xlsx.";
  if (OrgColumn(table)) out << " " << HtmlText(TableViewLabel(lang, "cut-orgs"));
  out << "</p>\n";
}

void WriteTable(std::ostream& out, const Table& table, Lang lang, std::size_t max_rows) {
  if (!table.title.empty()) out << "<h3>" << HtmlText(table.title) << "</h3>\n";
  const std::vector<std::size_t> embedded = EmbeddedRows(table, max_rows);
  const bool cut = embedded.size() < RowCount(table);
  const bool paged = cut || embedded.size() > table.page_rows;
  const char* kind = paged ? " class=\"paged\"" : table.sortable ? " class=\"sortable\"" : "";
  // A table of many columns prints its section on landscape pages.
  constexpr std::size_t kPortraitColumns = 8;
  const bool wide = table.headers.size() > kPortraitColumns;
  if (cut) WriteCutNote(out, table, lang, embedded.size());
  out << "<div class=\"table-wrap" << (wide ? " wide" : "") << "\"><table" << kind << " id=\"t-"
      << HtmlText(table.id) << "\"><thead><tr>";
  const std::vector<bool> numbers = NumberColumns(table);
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    out << (numbers[c] ? "<th class=\"num\">" : "<th>") << HtmlText(table.headers[c]) << "</th>";
  }
  out << "</tr></thead><tbody>\n";
  const std::size_t shown = std::min(embedded.size(), table.page_rows);
  std::vector<Cell> scratch;
  for (std::size_t r = 0; r < shown; ++r) WriteRow(out, RowAt(table, embedded[r], scratch));
  if (RowCount(table) == 0) {
    out << "<tr><td colspan=\"" << std::max<std::size_t>(1, table.headers.size()) << "\">"
        << HtmlText(Tr(lang, "(none)")) << "</td></tr>\n";
  }
  out << "</tbody></table></div>\n";
  if (paged) WritePagedRest(out, table, lang, embedded);
}

}  // namespace

core::Status WriteHtml(const Report& report, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return core::Status::Invalid("cannot write '" + path + "'");
  out << "<!DOCTYPE html>\n<html lang=\"" << (report.lang == Lang::kSv ? "sv" : "en")
      << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << HtmlText(report.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<header><h1>" << HtmlText(report.title) << "</h1><p>"
      << HtmlText(report.subtitle) << "</p></header>\n<nav>";
  for (const Section& s : report.sections) {
    out << "<a href=\"#" << HtmlText(s.id) << "\">" << HtmlText(s.title) << "</a>";
  }
  out << "</nav>\n<main>\n";
  for (const Section& s : report.sections) {
    out << "<section id=\"" << HtmlText(s.id) << "\">\n<h2>" << HtmlText(s.title) << "</h2>\n";
    if (!s.intro.empty()) out << "<p class=\"intro\">" << HtmlText(s.intro) << "</p>\n";
    for (const std::string& figure : s.figures) out << "<figure>" << figure << "</figure>\n";
    for (const Table& t : s.tables) {
      if (!t.in_html) continue;
      if (t.collapsed) {
        out << "<details><summary>" << HtmlText(t.title) << " (" << RowCount(t) << ")</summary>\n";
      }
      WriteTable(out, t, report.lang, report.max_rows);
      if (t.collapsed) out << "</details>\n";
    }
    out << "</section>\n";
  }
  out << "</main>\n<script type=\"application/json\" id=\"table-view-labels\">"
      << TableViewLabelsJson(report.lang) << "</script>\n<script>" << kScript << kTableViewScript
      << "</script>\n</body>\n</html>\n";
  out.close();
  if (!out) return core::Status::Invalid("cannot write '" + path + "'");
  return core::Status::Ok();
}

}  // namespace samdrift::reports
