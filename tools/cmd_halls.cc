// samdrift halls: the hall plan as a table, JSON (docs/cli.md) and SVG rack elevations.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "core/text.h"
#include "planners/hall_plan.h"
#include "planners/hall_today.h"
#include "planners/scenario.h"
#include "reports/hall_svg.h"
#include "tools/command.h"
#include "tools/halls_choose.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace fs = std::filesystem;
namespace {

using nlohmann::ordered_json;
using planners::HallDevice;
using planners::HallPlan;

struct HallsArgs {
  PlanningOptions planning;
  bool json = false;
  bool choose = false;
  std::string svg;
  std::string lang = "sv";  // of the SVG files' texts, as the report's default
};

// kW to three decimals (no float noise in the output); null for "no limit".
ordered_json Kw(double kw) {
  if (!std::isfinite(kw)) return nullptr;
  return std::round(kw * 1000.0) / 1000.0;
}

std::string KwText(double kw) {
  if (!std::isfinite(kw)) return "-";
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << kw;
  return out.str();
}

std::string From(const HallDevice& d) {
  if (d.hall.empty()) return "";
  return d.site + "/" + d.hall + (d.rack.empty() ? "" : "/" + d.rack);
}

ordered_json RackJson(const HallPlan& plan, const planners::PlannedRack& rack) {
  ordered_json r;
  r["name"] = rack.name;
  r["u"] = rack.u;
  r["u_used"] = rack.u_used;
  r["kw"] = Kw(rack.kw_budget);
  r["kw_used"] = Kw(rack.kw_used);
  r["new"] = rack.is_new;
  r["slot"] = rack.slot;
  r["u_reserved"] = rack.u_reserved;
  r["past_margin"] = planners::PastMargin(rack, plan.margin);
  r["devices"] = ordered_json::array();
  for (const planners::Placement& p : rack.devices) {
    const HallDevice& d = plan.devices[p.device];
    ordered_json j;
    j["asset"] = d.name;
    j["org"] = d.org;
    j["position"] = p.position;
    j["u_height"] = d.u_height;
    j["kw"] = Kw(d.kw);
    j["role"] = d.role;
    j["estimated"] = d.estimated;
    j["kept"] = p.kept;
    j["from"] = From(d);
    j["redundancy_group"] = d.redundancy_group;
    j["side"] = std::string(planners::ToString(plan.sides[p.device]));
    r["devices"].push_back(std::move(j));
  }
  return r;
}

ordered_json HallJson(const HallPlan& plan, const planners::PlannedHall& hall) {
  ordered_json h;
  h["name"] = hall.name;
  h["role"] = std::string(planners::ToString(hall.role));
  h["from"] = hall.from.empty() ? ordered_json(nullptr) : ordered_json(hall.from);
  h["positions"] = hall.positions;
  h["positions_used"] = hall.positions_used;
  h["power_kw"] = Kw(hall.power_kw);
  h["power_kw_used"] = Kw(hall.power_kw_used);
  h["cooling_kw"] = Kw(hall.cooling_kw);
  h["cooling_kw_used"] = Kw(hall.cooling_kw_used);
  h["power_kw_headroom"] = Kw(hall.power_kw - hall.power_kw_used);
  h["cooling_kw_headroom"] = Kw(hall.cooling_kw - hall.cooling_kw_used);
  h["positions_free"] = hall.positions - hall.positions_used;
  h["rack_u"] = hall.rack_u;
  h["rack_power_kw"] = Kw(hall.rack_power_kw);
  h["new_racks"] = hall.new_racks;
  h["pdus_missing"] = hall.pdus_missing;
  h["over"] = planners::HallOver(hall);
  h["past_margin"] = planners::PastMargin(hall, plan.margin);
  h["racks"] = ordered_json::array();
  for (const planners::PlannedRack& rack : hall.racks) h["racks"].push_back(RackJson(plan, rack));
  return h;
}

// A device outside the racks (unplaced, retired, staying) starts with its name and org; its own
// keys follow, then SizeAndOrigin's (the order of the keys is the JSON's, docs/cli.md).
ordered_json OutsideDevice(const HallDevice& d) { return {{"asset", d.name}, {"org", d.org}}; }

ordered_json SizeAndOrigin(ordered_json j, const HallDevice& d) {
  j["u_height"] = d.u_height;
  j["kw"] = Kw(d.kw);
  j["estimated"] = d.estimated;
  j["from"] = From(d);
  return j;
}

ordered_json HallPlanJson(const planners::Scenario& scenario, const HallPlan& plan) {
  ordered_json out;
  out["scenario"] = scenario.name;
  out["redundancy"] =
      scenario.halls.empty() || scenario.redundancy == planners::RedundancyRule::kNone ? "none"
                                                                                       : "split";
  out["design_margin"] = plan.margin;
  out["halls"] = ordered_json::array();
  for (const planners::PlannedHall& hall : plan.halls) out["halls"].push_back(HallJson(plan, hall));
  out["unplaced"] = ordered_json::array();
  for (const planners::Unplaced& u : plan.unplaced) {
    const HallDevice& d = plan.devices[u.device];
    ordered_json j = OutsideDevice(d);
    j["reason"] = u.reason;
    j["limit"] = std::string(planners::ToString(u.limit));
    out["unplaced"].push_back(SizeAndOrigin(std::move(j), d));
  }
  out["lower_bound_racks"] = plan.lower_bound.value;
  out["lower_bound"] = {{"by_u", plan.lower_bound.by_u},
                        {"by_kw", plan.lower_bound.by_kw},
                        {"by_split", plan.lower_bound.by_split}};
  out["racks_used"] = plan.racks_used;
  out["buy"] = {{"racks", plan.new_racks}, {"pdus", plan.pdus_missing}};
  out["devices"] = plan.devices.size();
  std::size_t estimated = 0;
  for (const HallDevice& d : plan.devices) estimated += d.estimated ? 1 : 0;
  out["estimated_devices"] = estimated;
  out["retired"] = ordered_json::array();
  for (const HallDevice& d : plan.retired) {
    out["retired"].push_back(SizeAndOrigin(OutsideDevice(d), d));
  }
  // Devices that stay where they are (site-bound outside the target halls, kept halls).
  out["staying"] = ordered_json::array();
  for (const HallDevice& d : plan.stays) {
    ordered_json j = SizeAndOrigin(OutsideDevice(d), d);
    j["why"] = d.site_bound;
    out["staying"].push_back(std::move(j));
  }
  out["feasible"] = plan.Feasible();
  out["notes"] = plan.notes;
  return out;
}

std::string MarginPercent(const HallPlan& plan) {
  return "(" + std::to_string(static_cast<int>(std::lround(plan.margin * 100))) + " %)";
}

void PrintTable(const planners::Scenario& scenario, const HallPlan& plan,
                const core::OrgNames& names) {
  std::cout << "Hall plan: "
            << (scenario.halls.empty() ? "existing halls as they are" : scenario.name) << " ("
            << plan.devices.size() << " devices)\n\n";
  std::size_t width = 6;
  for (const planners::PlannedHall& h : plan.halls) {
    width = std::max(width, core::DisplayWidth(h.name) + 2);
  }
  std::size_t name_width = 28;  // device column: the longest name plus a gap
  std::vector<std::string> orgs;
  for (const HallDevice& d : plan.devices) {
    name_width = std::max(name_width, core::DisplayWidth(d.name) + 2);
    orgs.push_back(d.org);
  }
  const std::size_t org_width = OrgColumnWidth(names, orgs, 10);
  std::cout << std::left << core::PadRight("hall", width) << std::setw(10) << "role"
            << std::setw(12) << "positions" << std::setw(16) << "power kW" << std::setw(16)
            << "cooling kW"
            << "new racks\n";
  for (const planners::PlannedHall& h : plan.halls) {
    std::cout << std::left << core::PadRight(h.name, width) << std::setw(10)
              << planners::ToString(h.role) << std::setw(12)
              << (std::to_string(h.positions_used) + "/" + std::to_string(h.positions))
              << std::setw(16) << (KwText(h.power_kw_used) + "/" + KwText(h.power_kw))
              << std::setw(16) << (KwText(h.cooling_kw_used) + "/" + KwText(h.cooling_kw))
              << h.new_racks;
    const std::vector<std::string> over = planners::HallOver(h);
    const std::vector<std::string> past = planners::PastMargin(h, plan.margin);
    if (!over.empty()) std::cout << "  OVER: " << core::Join(over, ", ");
    if (!past.empty())
      std::cout << "  PAST MARGIN " << MarginPercent(plan) << ": " << core::Join(past, ", ");
    std::cout << '\n';
  }
  for (const planners::PlannedHall& h : plan.halls) {
    std::cout << '\n'
              << h.name
              << (h.from.empty()     ? " (new hall)"
                  : h.from == h.name ? ""
                                     : " (from " + h.from + ")")
              << ": headroom " << KwText(h.power_kw - h.power_kw_used) << " kW power, "
              << KwText(h.cooling_kw - h.cooling_kw_used) << " kW cooling, "
              << h.positions - h.positions_used << " positions free\n";
    for (const planners::PlannedRack& r : h.racks) {
      std::cout << "  " << std::left << std::setw(12) << r.name << std::setw(9)
                << (r.is_new ? "new" : "existing") << "U " << std::setw(8)
                << (std::to_string(r.u_used) + "/" + std::to_string(r.u)) << "kW "
                << (KwText(r.kw_used) + "/" + KwText(r.kw_budget))
                << (planners::PastMargin(r, plan.margin)
                        ? "  past the design margin " + MarginPercent(plan)
                        : "")
                << '\n';
      for (auto it = r.devices.rbegin(); it != r.devices.rend(); ++it) {
        const HallDevice& d = plan.devices[it->device];
        std::cout << "    U" << std::left << std::setw(4) << it->position
                  << core::PadRight(d.name, name_width)
                  << core::PadRight(core::DisplayName(names, d.org), org_width) << std::right
                  << std::setw(3) << d.u_height << " U " << std::setw(6) << std::fixed
                  << std::setprecision(2) << d.kw << " kW" << std::defaultfloat
                  << (d.estimated ? " (est.)" : "")
                  << (it->kept          ? "  stays"
                      : From(d).empty() ? ""
                                        : "  from " + From(d))
                  << std::left << '\n';
      }
    }
  }
  std::size_t spare = 0;
  for (const planners::Unplaced& u : plan.unplaced) spare += u.limit == planners::Limit::kSparePdu;
  if (plan.unplaced.size() > spare) {
    std::cout << "\nnot placed (" << plan.unplaced.size() - spare << "):\n";
    for (const planners::Unplaced& u : plan.unplaced) {
      if (u.limit == planners::Limit::kSparePdu) continue;
      const HallDevice& d = plan.devices[u.device];
      std::cout << "  " << core::DisplayName(names, d.org) << '/' << d.name << ": " << u.reason
                << '\n';
    }
  }
  if (spare) std::cout << "\nspare PDUs (no rack needs them): " << spare << '\n';
  const planners::RackBound& b = plan.lower_bound;
  std::cout << "\nracks used: " << plan.racks_used << " (lower bound " << b.value << ": by U "
            << b.by_u << ", by kW " << b.by_kw << ", by split " << b.by_split << ")\n";
  std::cout << "to buy: " << plan.new_racks << " new racks, " << plan.pdus_missing << " PDUs\n";
  if (!plan.retired.empty()) {
    std::cout << "retired by the target, not placed: " << plan.retired.size() << " devices\n";
  }
  for (const std::string& note : plan.notes) std::cout << "note: " << note << '\n';
}

// The waves `plan` makes of the same target and hall plan, dated by the scenario's timeline:
// they say when each of today's halls is emptied. A timeline the waves do not fit leaves the
// dates out (`samdrift plan` reports it).
ordered_json TodayJson(const std::vector<planners::TodayHallFate>& today) {
  ordered_json out = ordered_json::array();
  for (const planners::TodayHallFate& h : today) {
    ordered_json stays = ordered_json::array();
    for (const planners::StayingDevice& s : h.stays) {
      stays.push_back({{"asset", s.asset}, {"org", s.org}, {"why", s.why}});
    }
    out.push_back(
        {{"org", h.org},
         {"site", h.site},
         {"hall", h.hall},
         {"fate", std::string(planners::ToString(h.fate))},
         {"target", h.target.empty() ? ordered_json(nullptr) : ordered_json(h.target)},
         {"emptied_in_wave", h.emptied_in_wave ? ordered_json(h.emptied_in_wave) : nullptr},
         {"emptied_on", h.emptied_on.empty() ? ordered_json(nullptr) : ordered_json(h.emptied_on)},
         {"stays", std::move(stays)}});
  }
  return out;
}

// "Today's halls": each hall's fate, when it is emptied, and what stays in it and why.
void PrintToday(const std::vector<planners::TodayHallFate>& today, const core::OrgNames& names) {
  if (today.empty()) return;
  std::cout << "\ntoday's halls:\n";
  for (const planners::TodayHallFate& h : today) {
    std::cout << "  " << core::DisplayName(names, h.org) << '/' << h.site << '/' << h.hall << ": ";
    switch (h.fate) {
      case planners::HallFate::kTarget:
        std::cout << "target hall " << h.target;
        break;
      case planners::HallFate::kKept:
        std::cout << "kept";
        break;
      case planners::HallFate::kEmptied:
        std::cout << "emptied";
        if (h.emptied_in_wave) {
          std::cout << " in wave " << h.emptied_in_wave
                    << (h.emptied_on.empty() ? "" : " (" + h.emptied_on + ")");
        }
        break;
    }
    std::cout << (h.stays.empty() ? "" : "; stays: " + std::to_string(h.stays.size())) << '\n';
    for (const planners::StayingDevice& s : h.stays) {
      std::cout << "    " << s.asset << ": " << s.why << '\n';
    }
  }
}

core::Status WriteSvgs(const HallPlan& plan, const core::OrgNames& names, const std::string& dir,
                       reports::Lang lang) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return core::Status::StoreError("cannot create '" + dir + "': " + ec.message());
  for (const reports::SvgFile& file : reports::HallPlanSvgs(plan, lang, names)) {
    const fs::path path = fs::path(dir) / file.name;
    std::ofstream out(path, std::ios::binary);
    out << file.svg;
    if (!out) return core::Status::StoreError("cannot write '" + path.string() + "'");
  }
  return core::Status::Ok();
}

}  // namespace

ordered_json HallsJson(const planners::PipelineResult& result) {
  ordered_json out = HallPlanJson(result.scenario, *result.halls);
  out["today"] =
      TodayJson(planners::HallFates(*result.halls, result.waves ? &*result.waves : nullptr));
  return out;
}

int PrintHalls(const planners::PipelineResult& result, Format format, const std::string& svg_dir,
               reports::Lang svg_lang) {
  const HallPlan& plan = *result.halls;
  if (format == Format::kJson) {
    std::cout << HallsJson(result).dump(2) << '\n';
  } else {
    PrintTable(result.scenario, plan, result.org_names);
    PrintToday(planners::HallFates(plan, result.waves ? &*result.waves : nullptr),
               result.org_names);
  }
  if (!svg_dir.empty()) {
    core::Status written = WriteSvgs(plan, result.org_names, svg_dir, svg_lang);
    if (!written.ok()) return Fail(written);
  }
  if (!plan.Feasible()) {
    std::size_t stuck = 0;
    for (const planners::Unplaced& u : plan.unplaced) {
      stuck += u.limit != planners::Limit::kSparePdu;
    }
    return Fail(core::Status::Invalid("infeasible plan: " + std::to_string(stuck) +
                                      " devices could not be placed (listed as unplaced)"));
  }
  return 0;
}

// Without a scenario nothing moves or retires: the halls as they are today, and no relation
// (nor the target planner's graph) is needed; nor any asset but what BuildHallInput reads,
// halls, racks and devices that are not clients (a fifth of a generated estate). With one, what
// the target retires is not placed: the same set as `plan`.
planners::Steps HallSteps(PlanningOptions& options) {
  const bool planned = !options.scenario.empty();
  options.with_relations = planned;
  if (!planned) {
    options.kinds = {core::AssetKind::kHall, core::AssetKind::kRack, core::AssetKind::kDevice};
    options.categories = {core::Category::kDatacenter, core::Category::kNetwork,
                          core::Category::kPlatform};
    return planners::Step::kHalls;
  }
  options.graph = planners::GraphNeed::kBuild;
  options.relations = planners::Relations::kRelease;  // the hall plan follows no relation
  return planners::Step::kTarget | planners::Step::kHalls | planners::Step::kWaves;
}

Runner SetupHalls(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<HallsArgs>();
  app.description(
      "Plan the datacenter estate into the scenario's target halls: devices in a hall that stays "
      "keep their rack and position where the limits allow; the rest go into racks of the "
      "target halls (first-fit decreasing) within each rack's U and power budget and each "
      "hall's positions, power and cooling; with 'redundancy: split' the members of a "
      "redundancy group are spread over the primary and secondary halls and critical devices "
      "without a partner go to the primary hall. What the target retires (the retire gaps of "
      "`samdrift target` with the same scenario, catalogs and date) is not placed, so halls "
      "and plan agree; it is listed under \"retired\". New racks keep rack_pdu_u units (default 2) "
      "at the bottom for PDUs. Prints each hall's use against capacity, the racks and their "
      "devices, what could not be placed and why, the racks used against a lower bound, and "
      "what must be bought.\n\n"
      "Without --scenario every existing hall stays as it is (its recorded capacity, no rack "
      "power budget) with everything in it today, retire candidates too: a report of use "
      "against capacity.\n\n"
      "A hall past its positions, power or cooling is marked OVER (red in the SVG). Each "
      "device that cannot be placed is a warning on stderr (HAL010); exit code 1 then (the "
      "plan is still printed).");
  AddPlanningOptions(app, args->planning, /*with_date=*/true);
  app.add_flag("--json", args->json, "print JSON");
  app.add_flag("--choose", args->choose,
               "which halls should remain: plan every set of siting.count candidate halls "
               "(today's halls and the scenario's siting.candidates), check the distance rules "
               "and rank the sets (docs/cli.md)");
  app.add_option("--svg", args->svg,
                 "write a floor view per hall and a front elevation per rack as SVG into DIR");
  app.add_option("--lang", args->lang, "language of the SVG files' texts: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  return [args, &global]() {
    if (args->choose) return RunHallsChoose(global, args->planning, FormatOf(args->json));
    const planners::Steps steps = HallSteps(args->planning);
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    if (!in.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(in.status());
    }
    auto result = planners::RunPipeline(in->base, in->Request(steps), diagnostics);
    PrintDiagnostics(diagnostics);
    if (!result.ok()) return Fail(result.status());
    return PrintHalls(*result, FormatOf(args->json), args->svg,
                      args->lang == "en" ? reports::Lang::kEn : reports::Lang::kSv);
  };
}

}  // namespace samdrift::tools
