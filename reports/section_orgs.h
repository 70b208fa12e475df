// "Vad detta innebär för Gnosjö": a page per municipality (section_orgs.cc builds the tables,
// section_orgs_page.cc each org's page from its rows of them).
#ifndef SAMDRIFT_REPORTS_SECTION_ORGS_H_
#define SAMDRIFT_REPORTS_SECTION_ORGS_H_

#include <string>
#include <vector>

#include "planners/hall_today.h"
#include "reports/sections.h"

namespace samdrift::reports {

// What the plan means for one org, counted from the planners' results.
struct OrgFigures {
  double gaps = 0;
  double gap_hours = 0;
  double hours = 0;  // its items in the waves (its own work; the joint work is apart)
  double moves = 0;  // devices leaving the hall they stand in
  double halls = 0;  // its halls today
  double emptied = 0;
  double single_points = 0;  // its assets that are a single point of failure of a service today
  double below_tier_today = 0;
  double below_tier_target = 0;
  double past_eos_today = 0;
  double past_eos_after_plan = 0;
};

// The section: a table per kind with a municipality column (org-gaps, org-moves, org-hours,
// org-halls, org-risks) and one row per org (orgs), then a page per org ("org-ID").
Section OrgsSection(const Context& context, const ReportInput& input);

// "What this means for: Gislaved · Gnosjö · ...": links to each org's page.
std::string OrgLinks(const Context& context);

// One org's page: its figures in words and its rows of `tables` (those with an org column; the
// first rows, and a link that shows the rest in the table). `dated`: the hours are per month.
std::string OrgPage(const Context& context, const std::string& org, const OrgFigures& figures,
                    const std::vector<Table>& tables, bool dated);

// Makes a link of class "org-filter" (data-org: the org's display name) choose that org in the
// municipality filter of the table it points to.
extern const char* const kOrgFilterScript;

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_SECTION_ORGS_H_
