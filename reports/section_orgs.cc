// "Vad detta innebär för Gnosjö": what the plan means for each municipality. The facts are one
// table per kind with a municipality column (gaps by capability, devices leaving their halls,
// hours, today's halls and their fate, risks), so the workbook and the CSV files hold them and
// the page's municipality filter shows one org's rows; each org's page (section_orgs_page.cc)
// shows its rows of those tables. Nothing is planned here: every figure is read from the
// planners' results in ReportInput.
#include "reports/section_orgs.h"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/text.h"
#include "planners/migration.h"

namespace samdrift::reports {
namespace {

std::string T(Lang lang, std::string_view key) { return std::string(Tr(lang, key)); }

std::vector<std::string> Headers(Lang lang, std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* n : names) out.push_back(T(lang, n));
  return out;
}

// Rows by municipality (their key), keeping the order within one.
void ByOrg(Table& table) {
  std::stable_sort(table.rows.begin(), table.rows.end(),
                   [](const auto& a, const auto& b) { return a[0].key < b[0].key; });
}

Table GapTable(const Context& context, const planners::TargetPlan& target) {
  const Lang lang = context.lang;
  struct Count {
    double gaps = 0, hours = 0, past = 0;
  };
  std::map<std::pair<std::string, std::string>, Count> counts;
  for (const planners::Gap& g : target.gaps) {
    Count& c = counts[{g.org(), g.capability()}];
    c.gaps += 1;
    c.hours += g.effort_hours;
    c.past += g.past_end_of_support ? 1 : 0;
  }
  Table t;
  t.id = "org-gaps";
  t.title = T(lang, "Gaps per municipality and capability");
  t.headers = Headers(lang, {"Municipality", "Capability", "Gaps", "Hours", "Past end of support"});
  for (const auto& [key, c] : counts) {
    t.rows.push_back({OrgCell(context, key.first),
                      KeyedCell(CapabilityName(lang, key.second), key.second), Cell::Number(c.gaps),
                      Cell::Number(std::round(c.hours)), Cell::Number(c.past)});
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& a, const auto& b) {
    return *a[2].number > *b[2].number;  // most gaps first within an org
  });
  ByOrg(t);
  return t;
}

// The devices the hall plan moves out of the hall they stand in, with the wave that moves them.
Table MoveTable(const Context& context, const planners::WavePlan& waves,
                const planners::HallPlan& halls) {
  const Lang lang = context.lang;
  std::map<std::pair<std::string, std::string>, const planners::HallDevice*> devices;
  for (const planners::HallDevice& d : halls.devices) devices[{d.org, d.name}] = &d;
  std::map<int, std::string> ends;
  for (const planners::Wave& w : waves.waves) ends[w.number] = w.end;
  Table t;
  t.id = "org-moves";
  t.title = T(lang, "Devices leaving their halls");
  t.headers = Headers(lang, {"Municipality", "Device", "From", "To", "Wave", "Done by"});
  for (const planners::PlannedItem& p : waves.items) {
    const planners::WaveItem& i = p.item;
    if (i.action != "migrate" || i.kind != "device" || i.hall_in.empty()) continue;
    const auto d = devices.find({i.org, i.asset});
    const std::string from = d == devices.end() || d->second->hall.empty()
                                 ? T(lang, "(unknown)")
                                 : d->second->site + ", " + d->second->hall;
    t.rows.push_back({OrgCell(context, i.org), Cell::Text(i.asset), Cell::Text(from),
                      Cell::Text(i.hall_in), Cell::Number(p.wave), Cell::Text(ends[p.wave])});
  }
  ByOrg(t);
  return t;
}

// Hours per month (a dated plan: the planners' MonthlyHours) or else per wave (the items'
// hours), each org's own work; the joint work is counted apart.
Table HoursTable(const Context& context, const planners::WavePlan& waves,
                 const planners::MonthlyHours* hours) {
  const Lang lang = context.lang;
  Table t;
  t.id = "org-hours";
  if (hours) {
    t.title = T(lang, "Hours per municipality and month");
    t.headers = Headers(lang, {"Municipality", "Month", "Hours"});
    for (std::size_t r = 0; r < hours->rows.size(); ++r) {
      if (hours->rows[r] == planners::kJointOrg) continue;
      for (std::size_t m = 0; m < hours->months.size(); ++m) {
        if (hours->hours[r][m] <= 0) continue;
        t.rows.push_back({OrgCell(context, hours->rows[r]), Cell::Text(hours->months[m]),
                          Cell::Number(std::round(hours->hours[r][m]))});
      }
    }
    return t;
  }
  t.title = T(lang, "Hours per municipality and wave");
  t.headers = Headers(lang, {"Municipality", "Wave", "Hours"});
  std::map<std::pair<std::string, int>, double> sums;
  for (const planners::PlannedItem& p : waves.items) {
    if (p.item.org != planners::kJointOrg) sums[{p.item.org, p.wave}] += p.item.hours;
  }
  for (const auto& [key, h] : sums) {
    t.rows.push_back(
        {OrgCell(context, key.first), Cell::Number(key.second), Cell::Number(std::round(h))});
  }
  return t;
}

std::string FateText(Lang lang, const planners::TodayHallFate& h) {
  switch (h.fate) {
    case planners::HallFate::kTarget:
      return T(lang, "stays: becomes the target hall") + " " + h.target;
    case planners::HallFate::kKept:
      return T(lang, "kept as it is");
    case planners::HallFate::kEmptied:
      break;
  }
  return T(lang, h.emptied_in_wave > 0 ? "emptied" : "not emptied: a device finds no place");
}

// What stays in a hall, grouped by why: "the site's core switch: ...: gno-core01, gno-core02".
std::string StaysText(Lang lang, const std::vector<planners::StayingDevice>& stays) {
  std::map<std::string, std::vector<std::string>> by_why;
  for (const planners::StayingDevice& s : stays) {
    // A device left out: its limit in the report's language (the table Not placed says more).
    by_why[s.not_placed && lang != Lang::kEn
               ? T(lang, "could not be placed") + ": " + LimitName(lang, *s.not_placed)
               : StayReason(lang, s.why)]
        .push_back(s.asset);
  }
  std::string text;
  for (const auto& [why, assets] : by_why) {
    if (!text.empty()) text += "; ";
    text += why + " (" + core::Join(assets, ", ") + ")";
  }
  return text;
}

Table HallTable(const Context& context, const std::vector<planners::TodayHallFate>& fates) {
  const Lang lang = context.lang;
  Table t;
  t.id = "org-halls";
  t.title = T(lang, "Today's halls and their fate");
  t.headers = Headers(lang, {"Municipality", "Site", "Hall", "What happens to it", "Wave",
                             "Done by", "What stays"});
  for (const planners::TodayHallFate& h : fates) {
    t.rows.push_back({OrgCell(context, h.org), Cell::Text(h.site), Cell::Text(h.hall),
                      KeyedCell(FateText(lang, h), std::string(planners::ToString(h.fate))),
                      h.emptied_in_wave > 0 ? Cell::Number(h.emptied_in_wave) : Cell::Text(""),
                      Cell::Text(h.emptied_on), Cell::Text(StaysText(lang, h.stays))});
  }
  ByOrg(t);
  return t;
}

std::string Percent(const std::optional<double>& a) {
  if (!a) return "?";
  std::ostringstream s;
  s << std::fixed << std::setprecision(2) << *a * 100 << "\xC2\xA0%";  // no break before %
  return s.str();
}

Cell AvailabilityCell(Lang lang, const planners::ServiceRisk& s) {
  std::string text = T(lang, "required") + " " + Percent(s.required) + ", " + T(lang, "today") +
                     " " + Percent(s.availability_today) + ", " + T(lang, "after the plan") + " " +
                     Percent(s.availability_target);
  if (lang == Lang::kSv) std::replace(text.begin(), text.end(), '.', ',');  // decimal comma
  return Cell::Text(text);
}

// A single point of failure once, with every service it stops (a UPS stops them all).
struct PointServices {
  std::string why;
  std::vector<std::string> services;
  bool today = false;   // a single point today
  bool target = false;  // a single point in the target
};

void AddSinglePoints(const Context& context, const planners::RiskReport& risk, Table& t) {
  const Lang lang = context.lang;
  std::map<std::tuple<std::string, std::string, core::AssetKind>, PointServices> points;
  for (const planners::ServiceRisk& s : risk.services) {
    auto note = [&](const planners::SinglePoint& p, bool today) {
      PointServices& ps = points[{s.org, p.asset, p.kind}];
      if (ps.why.empty()) ps.why = p.why;
      if (ps.services.empty() || ps.services.back() != s.service) ps.services.push_back(s.service);
      (today ? ps.today : ps.target) = true;
    };
    for (const planners::SinglePoint& p : s.single_points) note(p, true);
    for (const planners::SinglePoint& p : s.single_points_target) note(p, false);
  }
  for (const auto& [key, ps] : points) {
    const char* fate = !ps.today ? "new in the target" : ps.target ? "remains" : "gone";
    t.rows.push_back(
        {OrgCell(context, std::get<0>(key)), Cell::Text(T(lang, "single point of failure")),
         Cell::Text(std::get<1>(key)), Cell::Text(core::Join(ps.services, ", ")),
         Cell::Text(T(lang, ps.why) + "; " + T(lang, "in the target") + ": " + T(lang, fate))});
  }
}

Table RiskTable(const Context& context, const planners::RiskReport& risk) {
  const Lang lang = context.lang;
  Table t;
  t.id = "org-risks";
  t.title = T(lang, "Risks per municipality");
  t.headers = Headers(
      lang, {"Municipality", "Risk", "Asset, service or category", "Services it stops", "Detail"});
  for (const planners::ServiceRisk& s : risk.services) {
    if (s.meets_today != false && s.meets_target != false) continue;
    t.rows.push_back({OrgCell(context, s.org),
                      KeyedCell(T(lang, "below its availability tier"), "below_tier"),
                      Cell::Text(s.service), Cell::Text(""), AvailabilityCell(lang, s)});
  }
  AddSinglePoints(context, risk, t);
  for (const auto& [org, e] : risk.eos) {
    for (const auto& [category, c] : e.by_category) {
      if (c.past == 0 && c.past_after_plan == 0) continue;
      t.rows.push_back(
          {OrgCell(context, org), KeyedCell(T(lang, "past end of support"), "end_of_support"),
           KeyedCell(T(lang, category), category), Cell::Text(""),
           Cell::Text(T(lang, "today") + " " + std::to_string(c.past) + ", " +
                      T(lang, "after the plan") + " " + std::to_string(c.past_after_plan))});
    }
  }
  ByOrg(t);
  return t;
}

OrgFigures FiguresOf(const ReportInput& input, const std::vector<planners::TodayHallFate>& fates,
                     const std::string& org) {
  OrgFigures f;
  for (const planners::Gap& g : input.target->gaps) {
    if (g.org() != org) continue;
    ++f.gaps;
    f.gap_hours += g.effort_hours;
  }
  for (const planners::PlannedItem& p : input.waves->items) {
    if (p.item.org != org) continue;
    f.hours += p.item.hours;
    if (p.item.action == "migrate" && p.item.kind == "device" && !p.item.hall_in.empty()) {
      ++f.moves;
    }
  }
  for (const planners::TodayHallFate& h : fates) {
    if (h.org != org) continue;
    ++f.halls;
    if (h.fate == planners::HallFate::kEmptied && h.emptied_in_wave > 0) ++f.emptied;
  }
  std::set<std::pair<std::string, core::AssetKind>> single_points;
  for (const planners::ServiceRisk& s : input.risk->services) {
    if (s.org != org) continue;
    for (const planners::SinglePoint& p : s.single_points) single_points.insert({p.asset, p.kind});
    if (s.meets_today == false) ++f.below_tier_today;
    if (s.meets_target == false) ++f.below_tier_target;
  }
  f.single_points = static_cast<double>(single_points.size());
  if (auto e = input.risk->eos.find(org); e != input.risk->eos.end()) {
    f.past_eos_today = e->second.all.past;
    f.past_eos_after_plan = e->second.all.past_after_plan;
  }
  return f;
}

// One row per org: the figures its page opens with.
Table OverviewTable(const Context& context, const std::vector<OrgFigures>& figures) {
  const Lang lang = context.lang;
  Table t;
  t.id = "orgs";
  t.title = T(lang, "Key figures per municipality");
  t.headers = Headers(lang, {"Municipality", "Gaps", "Hours", "Devices leaving their halls",
                             "Halls today", "Halls emptied", "Single points of failure",
                             "Past end of support today", "Past end of support after the plan"});
  for (std::size_t i = 0; i < context.orgs.size(); ++i) {
    const OrgFigures& f = figures[i];
    t.rows.push_back({OrgCell(context, context.orgs[i]), Cell::Number(f.gaps),
                      Cell::Number(std::round(f.hours)), Cell::Number(f.moves),
                      Cell::Number(f.halls), Cell::Number(f.emptied), Cell::Number(f.single_points),
                      Cell::Number(f.past_eos_today), Cell::Number(f.past_eos_after_plan)});
  }
  return t;
}

}  // namespace

Section OrgsSection(const Context& context, const ReportInput& input) {
  const Lang lang = context.lang;
  const std::vector<planners::TodayHallFate> fates = planners::HallFates(*input.halls, input.waves);
  std::vector<OrgFigures> figures;
  for (const std::string& org : context.orgs) figures.push_back(FiguresOf(input, fates, org));
  Section section;
  section.id = "orgs";
  section.title = T(lang, "Per municipality");
  section.intro = T(lang,
                    "What the plan means for each municipality: its changes to reach the "
                    "standards, the devices that leave its halls, its hours, its halls today "
                    "and their fate, and its risks. Each municipality's page shows its own rows "
                    "of the tables below; the tables hold every municipality (choose one in "
                    "their municipality filter).");
  section.tables.push_back(OverviewTable(context, figures));
  section.tables.push_back(GapTable(context, *input.target));
  section.tables.push_back(MoveTable(context, *input.waves, *input.halls));
  section.tables.push_back(HoursTable(context, *input.waves, input.hours));
  section.tables.push_back(HallTable(context, fates));
  section.tables.push_back(RiskTable(context, *input.risk));
  section.figures.push_back(OrgLinks(context));
  for (std::size_t i = 0; i < context.orgs.size(); ++i) {
    section.figures.push_back(
        OrgPage(context, context.orgs[i], figures[i], section.tables, input.hours != nullptr));
  }
  section.figures.push_back(kOrgFilterScript);
  return section;
}

}  // namespace samdrift::reports
