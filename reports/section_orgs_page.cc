// One municipality's page in the report: its figures in words, then its rows of the section's
// tables (the first ones, and a link that shows all of them in the table below).
#include <cmath>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/section_orgs.h"
#include "reports/table_view.h"

namespace samdrift::reports {
namespace {

constexpr std::size_t kPageRows = 12;  // rows of one kind on an org's page

std::string T(Lang lang, std::string_view key) { return HtmlText(Tr(lang, key)); }

std::string Whole(double value) { return std::to_string(std::lround(value)); }

// A link that shows `org`'s rows in the table `table_id` (its municipality filter chosen).
std::string FilterLink(const std::string& table_id, const std::string& name,
                       const std::string& text) {
  return "<a class=\"org-filter\" href=\"#t-" + HtmlText(table_id) + "\" data-org=\"" +
         HtmlText(name) + "\">" + text + "</a>";
}

std::string CellHtml(const Cell& cell) {
  return cell.number ? "<td class=\"num\">" + HtmlText(cell.text) + "</td>"
                     : "<td>" + HtmlText(cell.text) + "</td>";
}

// `org`'s rows of `table` without the municipality column: the first kPageRows, and how many
// more with a link to all of them.
std::string OrgRows(Lang lang, const Table& table, std::string_view title, std::size_t org_column,
                    const std::string& org, const std::string& name) {
  std::vector<const std::vector<Cell>*> rows;
  for (const auto& row : table.rows) {
    if (row[org_column].key == org) rows.push_back(&row);
  }
  std::string html = "<h4>" + T(lang, title) + "</h4>\n";
  if (rows.empty()) return html + "<p class=\"more\">" + T(lang, "(none)") + "</p>\n";
  // A few rows: the whole table in the page, no scrolling box.
  html +=
      "<div class=\"table-wrap\" style=\"max-height:none\"><table class=\"org-rows\">"
      "<thead><tr>";
  for (std::size_t c = 0; c < table.headers.size(); ++c) {
    if (c != org_column) html += "<th>" + HtmlText(table.headers[c]) + "</th>";
  }
  html += "</tr></thead><tbody>\n";
  for (std::size_t r = 0; r < rows.size() && r < kPageRows; ++r) {
    html += "<tr>";
    for (std::size_t c = 0; c < rows[r]->size(); ++c) {
      if (c != org_column) html += CellHtml((*rows[r])[c]);
    }
    html += "</tr>\n";
  }
  html += "</tbody></table></div>\n";
  if (rows.size() > kPageRows) {
    html += "<p class=\"more\">" + T(lang, "Showing the first") + " " + std::to_string(kPageRows) +
            " " + T(lang, "of") + " " + std::to_string(rows.size()) + ": " +
            FilterLink(table.id, name,
                       T(lang, "all rows of") + " " + HtmlText(name) + " " +
                           T(lang, "in the table") + " " + HtmlText(table.title)) +
            ".</p>\n";
  }
  return html;
}

// The page's opening: the figures in words.
std::string Facts(Lang lang, const std::string& name, const OrgFigures& f, bool dated) {
  auto item = [](std::string label, std::string text) {
    return "<li><strong>" + label + ":</strong> " + text + "</li>\n";
  };
  std::string html = "<ul class=\"org-facts\">\n";
  html += item(T(lang, "Changes to reach the standards"),
               Whole(f.gaps) + " " + T(lang, "gaps") + ", " + Whole(f.gap_hours) + " " +
                   T(lang, "hours") + " (" +
                   FilterLink("gaps", name,
                              T(lang, "every gap of") + " " + HtmlText(name) + " " +
                                  T(lang, "in the table Gaps")) +
                   ")");
  html += item(T(lang, "Work in the waves"),
               Whole(f.hours) + " " + T(lang, "hours of its own") + " (" +
                   T(lang, dated ? "per month below" : "per wave below") + "); " +
                   T(lang, "the joint work is shared and counted apart"));
  html += item(T(lang, "Devices leaving its halls"), Whole(f.moves));
  html += item(T(lang, "Halls"), Whole(f.halls) + " " + T(lang, "today") + ", " + Whole(f.emptied) +
                                     " " + T(lang, "emptied by the plan"));
  html += item(T(lang, "Risks"),
               Whole(f.single_points) + " " +
                   T(lang, "assets that are a single point of failure today") + "; " +
                   Whole(f.below_tier_today) + " " + T(lang, "services below their tier today") +
                   ", " + Whole(f.below_tier_target) + " " + T(lang, "after the plan") + "; " +
                   Whole(f.past_eos_today) + " " + T(lang, "assets past end of support today") +
                   ", " + Whole(f.past_eos_after_plan) + " " + T(lang, "after the plan"));
  html += item(T(lang, "Costs"),
               T(lang,
                 "joint: this report does not price the plan per municipality; samdrift compare "
                 "gives each municipality's share of the joint costs"));
  return html + "</ul>\n";
}

}  // namespace

std::string OrgLinks(const Context& context) {
  std::string html =
      "<p class=\"org-links\"><strong>" + T(context.lang, "What this means for") + ":</strong> ";
  for (std::size_t i = 0; i < context.orgs.size(); ++i) {
    if (i > 0) html += " \xC2\xB7 ";
    html += "<a href=\"#org-" + HtmlText(context.orgs[i]) + "\">" +
            HtmlText(core::DisplayName(context.org_names, context.orgs[i])) + "</a>";
  }
  return html + "</p>";
}

std::string OrgPage(const Context& context, const std::string& org, const OrgFigures& figures,
                    const std::vector<Table>& tables, bool dated) {
  const Lang lang = context.lang;
  const std::string name = core::DisplayName(context.org_names, org);
  std::string html = "<div class=\"org-page\" id=\"org-" + HtmlText(org) +
                     "\" style=\"break-before:page;border-top:3px solid var(--accent);"
                     "margin-top:22px;padding-top:6px\">\n<h3 style=\"font-size:19px\">" +
                     T(lang, "What this means for") + " " + HtmlText(name) + "</h3>\n";
  html += Facts(lang, name, figures, dated);
  // The section's tables by their titles on one org's page.
  const std::pair<std::string_view, std::string_view> kTitles[] = {
      {"org-gaps", "Its gaps by capability"},
      {"org-moves", "Its devices that leave their halls"},
      {"org-hours", dated ? "Its hours per month" : "Its hours per wave"},
      {"org-halls", "Its halls today and what happens to them"},
      {"org-risks", "Its risks"}};
  for (const Table& table : tables) {
    for (const auto& [id, title] : kTitles) {
      if (table.id != id) continue;
      html += OrgRows(lang, table, title, OrgColumn(table).value_or(0), org, name);
    }
  }
  return html + "<p class=\"more\"><a href=\"#orgs\">" + T(lang, "All municipalities") +
         "</a></p>\n</div>";
}

const char* const kOrgFilterScript = R"html(<script>
document.addEventListener('click', function(e){
  var a = e.target.closest ? e.target.closest('a.org-filter') : null;
  if (!a) return;
  var table = document.getElementById(a.getAttribute('href').slice(1));
  if (!table) return;
  var details = table.closest('details');
  if (details) details.open = true;
  var bar = table.parentNode.previousElementSibling;
  var select = bar && bar.classList.contains('table-controls') ? bar.querySelector('select') : null;
  if (!select) return;
  select.value = a.getAttribute('data-org');
  select.dispatchEvent(new Event('change'));
});
</script>)html";

}  // namespace samdrift::reports
