// samdrift halls --choose: which halls should remain (issue 24), as a ranking and as JSON.
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "planners/effort.h"
#include "planners/pipeline.h"
#include "planners/siting.h"
#include "planners/siting_input.h"
#include "tools/halls_choose.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;
using planners::SitingResult;
using planners::SitingSet;

// Above this many sets the search prunes (planners/siting.h); below it every set is planned and
// listed, rule breakers too.
constexpr std::size_t kFullSearchSets = 100;

ordered_json Rounded(std::optional<double> value, double scale) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return std::round(*value * scale) / scale;
}

ordered_json HallJson(const planners::HallCandidate& c) {
  if (!c.spec.Stays()) return {{"name", c.spec.name}};
  return {{"org", c.spec.from_org}, {"site", c.spec.from_site}, {"hall", c.spec.from_hall}};
}

ordered_json SetJson(const planners::SitingInput& in, const SitingSet& s) {
  ordered_json j;
  j["halls"] = ordered_json::array();
  for (std::size_t i : s.halls) j["halls"].push_back(HallJson(in.candidates[i]));
  j["fits"] = s.fits;
  j["chosen_possible"] = s.Chosen();
  j["score"] = Rounded(s.score, 1000);
  j["distance_km"] = Rounded(s.distance_km, 10);
  j["rtt_ms"] = Rounded(s.rtt_ms, 100);
  j["moved_devices"] = s.devices_moved;
  j["moved_kw"] = Rounded(s.kw_moved, 1000);
  j["unfit"] = s.unfit;
  j["racks_bought"] = s.racks_bought;
  j["hours"] = Rounded(s.hours, 10);
  j["investment"] = nullptr;  // the costs file is not read yet: unknown, never free
  j["running_per_year"] = nullptr;
  j["breaks"] = s.breaks;
  j["reasons"] = s.reasons;
  return j;
}

std::string SetName(const planners::SitingInput& in, const SitingSet& s) {
  std::string out;
  for (std::size_t k = 0; k < s.halls.size(); ++k) {
    if (k) out += " + ";
    out += in.candidates[s.halls[k]].spec.name + (k == 0 ? " (primary)" : " (secondary)");
  }
  return out;
}

void PrintScenarioFor(const planners::Scenario& scenario, const planners::SitingInput& in,
                      const SitingSet& s) {
  const planners::Scenario chosen = planners::ScenarioForSet(scenario, in.candidates, s.halls);
  std::cout << "\nto plan it: `samdrift halls --scenario FILE` with\nhalls:\n";
  for (const planners::TargetHall& t : chosen.halls) {
    std::cout << "  - name: " << t.name << '\n';
    if (!t.from.empty()) std::cout << "    from: " << t.from << '\n';
    std::cout << "    role: " << planners::ToString(t.role) << '\n';
    if (t.from.empty()) {
      std::cout << "    positions: " << t.positions << "\n    power_kw: " << t.power_kw
                << "\n    cooling_kw: " << t.cooling_kw << '\n';
    }
  }
}

void PrintRanking(const planners::Scenario& scenario, const planners::SitingInput& in,
                  const SitingResult& result) {
  const planners::Siting& r = in.rules;
  std::cout << "Which halls should remain: sets of " << r.count << " from " << result.candidates
            << " candidate halls (" << result.planned << " planned, " << result.pruned
            << " pruned)\n"
            << "score (lower is better): " << r.weight_kw_moved << " x kW moved + "
            << r.weight_distance_km << " x km; rules: " << r.min_distance_km
            << " km <= distance <= " << r.max_distance_km << " km\n"
            << "costs: unknown (no costs file is read yet); investment and running cost are "
               "left out of the score\n";
  std::size_t rank = 0;
  for (const SitingSet& s : result.sets) {
    std::cout << '\n'
              << std::setw(3) << ++rank << ". " << SetName(in, s) << "  score " << std::fixed
              << std::setprecision(1) << s.score << std::defaultfloat
              << (s.Chosen() ? ""
                  : s.fits   ? "  (breaks " + core::Join(s.breaks, ", ") + ")"
                             : "  (does not fit)")
              << '\n';
    std::cout << "     hours of the moves: " << std::fixed << std::setprecision(0) << s.hours
              << std::defaultfloat << '\n';
    for (const std::string& reason : s.reasons) std::cout << "     " << reason << '\n';
  }
  if (!result.sets.empty() && result.sets.front().Chosen()) {
    std::cout << "\nchosen: " << SetName(in, result.sets.front()) << '\n';
    PrintScenarioFor(scenario, in, result.sets.front());
  } else {
    std::cout << "\nno set fits and keeps the distance rules\n";
  }
}

// Hours to move one device: the scenario's `effort: device/migrate` (or `migrate`), else the
// documented default (planners/effort.h).
double HoursPerMove(const planners::Scenario& scenario) {
  for (const char* key : {"device/migrate", "migrate"}) {
    if (auto it = scenario.effort_hours.find(key); it != scenario.effort_hours.end()) {
      return it->second;
    }
  }
  return planners::EffortTable::Defaults().Hours(core::AssetKind::kDevice, "", 2);
}

}  // namespace

int RunHallsChoose(const GlobalOptions& global, PlanningOptions options, Format format) {
  // As `halls`: with a scenario what the target retires is left out; sites give coordinates.
  const bool planned = !options.scenario.empty();
  options.with_relations = planned;
  if (planned) {
    options.graph = planners::GraphNeed::kBuild;
    options.relations = planners::Relations::kRelease;
  } else {
    options.kinds = {core::AssetKind::kSite, core::AssetKind::kHall, core::AssetKind::kRack,
                     core::AssetKind::kDevice};
  }
  core::Diagnostics diagnostics;
  auto in = LoadPlanningInputs(global, options, diagnostics);
  if (!in.ok()) {
    PrintDiagnostics(diagnostics);
    return Fail(in.status());
  }
  planners::Scenario scenario;
  planners::AssetNames retired;
  if (planned) {
    auto target =
        planners::RunPipeline(in->base, in->Request(planners::Step::kTarget), diagnostics);
    if (!target.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(target.status());
    }
    scenario = target->scenario;
    retired = planners::RetiredByTarget(*target->target);
  }
  auto input = planners::BuildSitingInput(in->base->estate, in->base->device_types, scenario,
                                          retired, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!input.ok()) return Fail(input.status());
  input->hours_per_move = HoursPerMove(scenario);
  const double n = static_cast<double>(input->candidates.size());
  const double k = input->rules.count;
  double sets = 1;
  for (int i = 0; i < input->rules.count; ++i) sets = sets * (n - i) / (i + 1);
  input->prune = std::lround(sets) > static_cast<long>(kFullSearchSets) || k > n;
  const auto start = std::chrono::steady_clock::now();
  const SitingResult result = planners::ChooseHalls(*input);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "halls --choose: " << result.candidates << " candidates, " << result.planned
            << " sets planned, " << result.pruned << " pruned in " << std::fixed
            << std::setprecision(2) << seconds << " s\n"
            << std::defaultfloat;
  if (format == Format::kJson) {
    ordered_json out;
    out["sets"] = ordered_json::array();
    for (const SitingSet& s : result.sets) out["sets"].push_back(SetJson(*input, s));
    out["planned"] = result.planned;
    out["pruned"] = result.pruned;
    out["candidates"] = result.candidates;
    out["count"] = input->rules.count;
    out["geo_redundancy"] =
        "BSI counts two sites as geo-redundant only at least 200 km apart (never under 100 km); "
        "below that a witness at a third site and a backup copy kept further away compensate";
    std::cout << out.dump(2) << '\n';
  } else {
    PrintRanking(scenario, *input, result);
  }
  return 0;
}

}  // namespace samdrift::tools
