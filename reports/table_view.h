// Every row of a long table in the page: the rows as JSON inside a
// <script type="application/json"> element, and the small script that pages, sorts, filters by
// text and by municipality over all of them. The first page is also written as plain rows, so
// the page reads (and prints) without JavaScript.
#ifndef SAMDRIFT_REPORTS_TABLE_VIEW_H_
#define SAMDRIFT_REPORTS_TABLE_VIEW_H_

#include <optional>
#include <string>
#include <vector>

#include "reports/report.h"

namespace samdrift::reports {

// The column whose every cell is an org (OrgCell: a display name with the org's id as key);
// none when the table has no such column or no rows.
std::optional<std::size_t> OrgColumn(const Table& table);

// The rows (indices into table.rows, in order) the page holds under a budget of `max_rows`
// (0: no budget): every row when they fit. Else `max_rows` rows shared among the orgs of the
// table's org column: each org its first rows up to an equal share, the unused share of an org
// with fewer rows going to the others, so the municipality filter finds every org; without an
// org column the first `max_rows`.
std::vector<std::size_t> EmbeddedRows(const Table& table, std::size_t max_rows);

// A table of more rows than this in the page carries column dictionaries (below).
inline constexpr std::size_t kDictionaryRows = 10000;

// The table's rows as JSON: {"org": column or null, "rows": [[cell, ...], ...]} where a text
// cell is a string and a number cell is [number, "text as shown"]. Every `<` is written as
// \u003c, so the JSON cannot end its <script> element. Text that is not UTF-8 shows U+FFFD.
// With `embedded` (EmbeddedRows) only those rows, and "total": the table's row count when that
// is more. Over kDictionaryRows rows, a column of repeated texts (municipality, kind, vendor,
// product, ...; no number cell, fewer distinct texts than half its rows) is written once in
// "dicts" ([column's texts or null, ...]) and its cells as indices into it.
std::string TableRowsJson(const Table& table, const std::vector<std::size_t>* embedded = nullptr);

// A label of the table view in `lang` by its key ("cut-of", "cut-all", ...; the keys of
// kLabels in table_view.cc).
std::string_view TableViewLabel(Lang lang, std::string_view key);

// The labels of the view's controls in `lang`, as a JSON object.
std::string TableViewLabelsJson(Lang lang);

// The script that renders every <script type="application/json" class="rows"> into the table
// named by its data-table attribute.
extern const char* const kTableViewScript;

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_TABLE_VIEW_H_
