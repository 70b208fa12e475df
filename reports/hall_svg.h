// SVG drawings of a hall plan: a front and rear elevation per rack (hall_svg_rack.cc) and a floor
// view per hall. Standalone SVG 1.1 documents (a browser shows them as they are); the HTML report
// and serve's Hallar page embed the same text. Every name is XML-escaped (reports/escape.h).
#ifndef SAMDRIFT_REPORTS_HALL_SVG_H_
#define SAMDRIFT_REPORTS_HALL_SVG_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "planners/hall_plan.h"
#include "reports/report.h"

namespace samdrift::reports {

// How the drawings mark each org of the plan: a fill colour ("#1f77b4"), stable for a given set
// of orgs, and the name a reader knows it by ("Gnosjö kommun" for "gnosjo": core::DisplayName).
struct OrgMark {
  std::string colour;
  std::string name;
};
using OrgColours = std::map<std::string, OrgMark>;
OrgColours ColoursForOrgs(const planners::HallPlan& plan, const core::OrgNames& names = {});

// Front and rear view of one rack: unit numbers (1 at the bottom), each device at its position
// and height with its name and model, filled by role with its org's colour as a stripe and its
// org's display name; devices with estimated figures hatched and marked
// "≈"; the PDU zone shaded; zero-U devices listed under the rack.
std::string RackElevationSvg(const planners::HallPlan& plan, const planners::PlannedHall& hall,
                             const planners::PlannedRack& rack, const OrgColours& colours,
                             Lang lang = Lang::kEn);

// Floor view of one hall: every position, used (rack name, new or existing, U and kW used
// against budget, a load bar) or free; the hall's power and cooling use in the title.
// A hall or rack past `margin` (the plan's design margin) shows amber, never green; a key under
// the floor says what each bar colour means. The hall it is made from names its org by display
// name (`names`, else the id).
std::string HallFloorSvg(const planners::PlannedHall& hall, double margin = 1.0,
                         Lang lang = Lang::kEn, const core::OrgNames& names = {});

struct SvgFile {
  std::string name;  // a safe file name, unique within the set: "hall-DC1.svg", "rack-DC1-A01.svg"
  std::string svg;
};
// Every floor view and rack elevation of the plan, halls in plan order, racks by slot; orgs by
// their display names in `names` (else by id).
std::vector<SvgFile> HallPlanSvgs(const planners::HallPlan& plan, Lang lang = Lang::kEn,
                                  const core::OrgNames& names = {});

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_HALL_SVG_H_
