// Every row of a long table in the page: the rows as JSON inside a
// <script type="application/json"> element, and the small script that pages, sorts, filters by
// text and by municipality over all of them. The first page is also written as plain rows, so
// the page reads (and prints) without JavaScript.
#ifndef SAMDRIFT_REPORTS_TABLE_VIEW_H_
#define SAMDRIFT_REPORTS_TABLE_VIEW_H_

#include <optional>
#include <string>

#include "reports/report.h"

namespace samdrift::reports {

// The column whose every cell is an org (OrgCell: a display name with the org's id as key);
// none when the table has no such column or no rows.
std::optional<std::size_t> OrgColumn(const Table& table);

// The table's rows as JSON: {"org": column or null, "rows": [[cell, ...], ...]} where a text
// cell is a string and a number cell is [number, "text as shown"]. Every `<` is written as
// \u003c, so the JSON cannot end its <script> element. Text that is not UTF-8 shows U+FFFD.
std::string TableRowsJson(const Table& table);

// The labels of the view's controls in `lang`, as a JSON object.
std::string TableViewLabelsJson(Lang lang);

// The script that renders every <script type="application/json" class="rows"> into the table
// named by its data-table attribute.
extern const char* const kTableViewScript;

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_TABLE_VIEW_H_
