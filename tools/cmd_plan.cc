// samdrift plan: the migration waves (docs/cli.md).
#include <algorithm>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "tools/command.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;

struct PlanArgs {
  bool json = false;
  PlanningOptions planning;
};

}  // namespace

ordered_json PlanJson(const planners::WavePlan& plan) {
  ordered_json out;
  out["waves"] = ordered_json::array();
  for (const planners::Wave& w : plan.waves) {
    ordered_json halls = ordered_json::array();
    for (const auto& h : w.halls_after) {
      halls.push_back({{"hall", h.hall},
                       {"positions_used", h.positions_used},
                       {"power_kw_used", h.power_kw_used},
                       {"cooling_kw_used", h.cooling_kw_used}});
    }
    ordered_json wave = {{"number", w.number},
                         {"items", planners::IdsOf(plan, w.items)},
                         {"item_count", w.items.size()},
                         {"kw", w.kw},
                         {"hours", w.hours}};
    if (!w.start.empty()) {
      wave["start"] = w.start;
      wave["end"] = w.end;
    }
    wave["orgs"] = w.orgs;
    wave["over_limit"] = w.over_limit;
    wave["halls_after"] = std::move(halls);
    out["waves"].push_back(std::move(wave));
  }
  out["items"] = ordered_json::array();
  for (const planners::PlannedItem& p : plan.items) {
    out["items"].push_back({{"id", p.item.id},
                            {"org", p.item.org},
                            {"asset", p.item.asset},
                            {"action", p.item.action},
                            {"kind", p.item.kind},
                            {"category", p.item.category},
                            {"wave", p.wave},
                            {"move_group", p.move_group},
                            {"depends_on", planners::IdsOf(plan, p.item.depends_on)},
                            {"reason", planners::ToText(plan, p)},
                            {"kw", p.item.kw},
                            {"hours", p.item.hours},
                            {"past_end_of_support", p.item.past_end_of_support},
                            {"redundancy_group", p.item.redundancy_group}});
  }
  out["lower_bound_waves"] = plan.lower_bound.waves;
  out["lower_bound"] = {{"by_chain", plan.lower_bound.by_chain},
                        {"by_items", plan.lower_bound.by_items},
                        {"by_kw", plan.lower_bound.by_kw},
                        {"by_hours", plan.lower_bound.by_hours},
                        {"by_redundancy", plan.lower_bound.by_redundancy}};
  out["cycles"] = ordered_json::array();
  for (const auto& c : plan.cycles) {
    out["cycles"].push_back(
        {{"move_group", c.number}, {"members", planners::IdsOf(plan, c.members)}});
  }
  out["warnings"] = plan.warnings;
  return out;
}

namespace {

// Checks --only and --actions: an unknown value is a usage error naming the closest.
core::Status CheckFilter(const std::string& flag, const std::vector<std::string>& values,
                         const std::vector<std::string>& known, const std::string& what) {
  for (const std::string& value : values) {
    if (std::find(known.begin(), known.end(), value) != known.end()) continue;
    const std::string closest = core::ClosestName(value, known);
    return core::Status::Usage(flag + ": unknown " + what + " '" + value + "'" +
                               (closest.empty() ? "" : "; did you mean '" + closest + "'?") +
                               " (one of " + core::Join(known, ", ") + ")");
  }
  return core::Status::Ok();
}

}  // namespace

void PrintPlanSummary(const planners::WavePlan& plan, const core::OrgNames& names) {
  std::cout << "waves: " << plan.waves.size() << " (lower bound " << plan.lower_bound.waves
            << ": dependency chain " << plan.lower_bound.by_chain << ", items "
            << plan.lower_bound.by_items << ", kW " << plan.lower_bound.by_kw << ", hours "
            << plan.lower_bound.by_hours << ", redundancy " << plan.lower_bound.by_redundancy
            << ")\n\n";
  const bool dated = !plan.waves.empty() && !plan.waves.front().start.empty();
  std::cout << std::left << std::setw(6) << "wave" << std::right << std::setw(7) << "items"
            << std::setw(9) << "kW" << std::setw(9) << "hours";
  if (dated) std::cout << "  start       end       ";
  std::cout << "  orgs\n";
  for (const planners::Wave& w : plan.waves) {
    std::cout << std::left << std::setw(6) << w.number << std::right << std::setw(7)
              << w.items.size() << std::setw(9) << std::fixed << std::setprecision(1) << w.kw
              << std::setw(9) << w.hours << "  ";
    if (dated) std::cout << w.start << "  " << w.end << "  ";
    for (std::size_t i = 0; i < w.orgs.size(); ++i)
      std::cout << (i ? "," : "") << core::DisplayName(names, w.orgs[i]);
    for (const std::string& o : w.over_limit) std::cout << "  [over limit: " << o << "]";
    std::cout << '\n';
  }
}

namespace {

void PrintTable(const planners::WavePlan& plan, const core::OrgNames& names) {
  PrintPlanSummary(plan, names);
  if (!plan.cycles.empty()) {
    std::cout << "\nmove groups from dependency cycles:\n";
    for (const auto& c : plan.cycles) {
      std::cout << "  group " << c.number << ":";
      for (const planners::ItemIndex m : c.members) std::cout << ' ' << plan.items[m].item.id;
      std::cout << '\n';
    }
  }
  std::cout << "\nitems:\n";
  for (const planners::PlannedItem& p : plan.items) {
    std::cout << "  " << std::setw(3) << p.wave << "  " << p.item.id << "  (" << p.item.action
              << ")  " << planners::ToText(plan, p) << '\n';
  }
  for (const std::string& w : plan.warnings) std::cerr << "samdrift: warning: " << w << '\n';
}

}  // namespace

Runner SetupPlan(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<PlanArgs>();
  app.description(
      "Order the migration into waves: items from the target's gaps and the hall plan, after "
      "what they depend on, dependency cycles moving together, redundant halves in different "
      "waves, within the scenario's wave limits and the halls' capacity (positions, power and "
      "cooling after every wave).\n\n"
      "A service whose own needs (depends_on, transitively through its VMs and other assets "
      "that are not services) have items gets a cut-over item of its own (id "
      "ORG:SERVICE:cutover, action migrate, kind service, the effort table's service/migrate "
      "hours) that waits for them; a service that needs only other services switches with "
      "them and gets none. Services that need each other form a "
      "dependency cycle: one move group, listed under \"move groups from dependency cycles\" "
      "(JSON: cycles), that moves in one wave. A move group over a wave limit goes alone into "
      "a wave and is reported. What everything else waits for (the joint network core of "
      "each target hall, the standard platform: kind build) goes first and is outside the "
      "wave limits.\n\n"
      "With the scenario's timeline (start, hours_per_month, freeze) every wave gets a start "
      "and an end: work days are Monday to Friday that are not a Swedish public holiday "
      "(Lag 1989:253; midsommarafton, julafton and nyårsafton too) and not in a freeze; a work "
      "day has hours_per_month divided by the month's work days.\n\n"
      "The lower bound on waves is the largest of the longest dependency chain, and per limit "
      "the move groups over it plus the others' total divided by the limit; it never exceeds "
      "the plan's wave count.");
  app.add_flag("--json", args->json, "print JSON");
  app.add_option("--only", args->planning.only_categories,
                 "plan only the items of these categories (datacenter, network, platform, "
                 "client; comma-separated); dependencies on other items are dropped and said")
      ->delimiter(',');
  app.add_option("--actions", args->planning.only_actions,
                 "plan only the items of these actions (upgrade, replace, migrate, retire; "
                 "comma-separated)")
      ->delimiter(',');
  AddPlanningOptions(app, args->planning, true);
  return [args, &global]() {
    for (const core::Status& status :
         {CheckFilter("--only", args->planning.only_categories,
                      {"datacenter", "network", "platform", "client"}, "category"),
          CheckFilter("--actions", args->planning.only_actions,
                      {"upgrade", "replace", "migrate", "retire"}, "action")}) {
      if (!status.ok()) return Fail(status);
    }
    // At national scale the plan lets go of the estate, graph, target and hall plan once the
    // wave problem is built (planners::PipelineKeep::kWavesOnly): the base goes in by move.
    args->planning.graph = planners::GraphNeed::kBuild;
    args->planning.relations = planners::Relations::kRelease;
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    if (!in.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(in.status());
    }
    planners::PipelineRequest request = in->Request(planners::Step::kWaves);
    request.keep = planners::PipelineKeep::kWavesOnly;
    request.only_categories = args->planning.only_categories;
    request.only_actions = args->planning.only_actions;
    auto result = planners::RunPipeline(std::move(in->base), request, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!result.ok()) return Fail(result.status());
    if (args->json) {
      std::cout << PlanJson(*result->waves).dump(2) << '\n';
    } else {
      PrintTable(*result->waves, result->org_names);
    }
    return 0;
  };
}

}  // namespace samdrift::tools
