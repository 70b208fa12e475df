// samdrift halls --choose: which halls should remain (issue 24), as a ranking and as JSON.
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "planners/costs_file.h"
#include "planners/pipeline.h"
#include "planners/siting.h"
#include "planners/siting_costs.h"
#include "planners/siting_input.h"
#include "tools/compare_run.h"
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
  j["investment"] = Rounded(s.investment, 1);  // null: no costs file (unknown, never free)
  j["running_per_year"] = Rounded(s.running_per_year, 1);
  j["five_year"] = Rounded(s.five_year, 1);
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

void PrintCosts(const SitingSet& s, const std::string& currency) {
  if (!s.five_year) return;
  std::cout << "     cost over five years " << FormatMoney(*s.five_year) << ' ' << currency
            << ": investment " << FormatMoney(*s.investment) << ", running "
            << FormatMoney(*s.running_per_year) << " per year\n";
}

void PrintRanking(const planners::Scenario& scenario, const planners::SitingInput& in,
                  const SitingResult& result, const std::string& currency) {
  const planners::Siting& r = in.rules;
  std::cout << "Which halls should remain: sets of " << r.count << " from " << result.candidates
            << " candidate halls (" << result.planned << " planned, " << result.pruned
            << " pruned)\n"
            << "score (lower is better): "
            << (in.price ? "cost over five years (" + currency + ") + " : "") << in.WeightKwMoved()
            << " x kW moved + " << r.weight_distance_km << " x km; rules: " << r.min_distance_km
            << " km <= distance <= " << r.max_distance_km << " km\n";
  if (!in.price) {
    std::cout << "costs: unknown (the scenario names no costs file): investment and running "
                 "cost are left out of the score\n";
  }
  std::size_t rank = 0;
  for (const SitingSet& s : result.sets) {
    std::ostringstream score;
    score << std::fixed << std::setprecision(1) << s.score;
    std::cout << '\n'
              << std::setw(3) << ++rank << ". " << SetName(in, s) << "  score "
              << (in.price ? FormatMoney(s.score) : score.str())
              << (s.Chosen() ? ""
                  : s.fits   ? "  (breaks " + core::Join(s.breaks, ", ") + ")"
                             : "  (does not fit)")
              << '\n';
    std::cout << "     hours of the moves: " << std::fixed << std::setprecision(0) << s.hours
              << std::defaultfloat << '\n';
    PrintCosts(s, currency);
    for (const std::string& reason : s.reasons) std::cout << "     " << reason << '\n';
  }
  if (!result.sets.empty() && result.sets.front().Chosen()) {
    std::cout << "\nchosen: " << SetName(in, result.sets.front()) << '\n';
    PrintScenarioFor(scenario, in, result.sets.front());
  } else {
    std::cout << "\nno set fits and keeps the distance rules\n";
  }
}

// With a costs file: the prices, checked, and the scenario's own plan (target, halls, waves) whose
// quantities every set shares (planners/siting_costs.h).
struct Pricing {
  planners::CostsFile costs;
  planners::PipelineResult plan;
  std::unique_ptr<planners::SitingPricer> pricer;
};

core::Status LoadPricing(const PlanningInputs& in, planners::PipelineResult plan,
                         core::Diagnostics& diagnostics, Pricing& out) {
  auto costs = planners::LoadCosts(plan.scenario.costs, diagnostics);
  if (!costs.ok()) return costs.status();
  auto orgs = in.store->Orgs();
  if (!orgs.ok()) return orgs.status();
  if (!planners::CheckCosts(*costs, in.base->catalog, *orgs, diagnostics)) {
    return core::Status::Invalid("invalid costs file '" + plan.scenario.costs + "'");
  }
  out.costs = std::move(costs).value();
  out.plan = std::move(plan);
  out.pricer = std::make_unique<planners::SitingPricer>(
      planners::PlanView{&in.base->estate, in.base->graph.get(), &in.base->catalog,
                         &out.plan.scenario, &*out.plan.target, &*out.plan.halls, &*out.plan.waves},
      out.costs);
  return core::Status::Ok();
}

void AttachPricing(const Pricing& pricing, planners::SitingInput& input) {
  const planners::SitingPricer* pricer = pricing.pricer.get();
  const planners::Scenario* scenario = &pricing.plan.scenario;
  const std::vector<planners::HallCandidate>* candidates = &input.candidates;
  input.price = [=](const std::vector<std::size_t>& set, const planners::HallPlan& plan) {
    return pricer->Price(planners::ScenarioForSet(*scenario, *candidates, set), plan);
  };
  input.cost_bound = [=](std::size_t halls, std::size_t moving) {
    return pricer->LowerBound(halls, moving);
  };
}

// Above kFullSearchSets sets (or with more halls per set than candidates) the search prunes.
bool ShouldPrune(const planners::SitingInput& input) {
  const double n = static_cast<double>(input.candidates.size());
  double sets = 1;
  for (int i = 0; i < input.rules.count; ++i) sets = sets * (n - i) / (i + 1);
  return std::lround(sets) > static_cast<long>(kFullSearchSets) || input.rules.count > n;
}

void PrintJson(const planners::SitingInput& input, const SitingResult& result,
               const std::string& currency) {
  ordered_json out;
  out["sets"] = ordered_json::array();
  for (const SitingSet& s : result.sets) out["sets"].push_back(SetJson(input, s));
  out["planned"] = result.planned;
  out["pruned"] = result.pruned;
  out["candidates"] = result.candidates;
  out["count"] = input.rules.count;
  out["currency"] = currency.empty() ? ordered_json(nullptr) : ordered_json(currency);
  out["geo_redundancy"] =
      "BSI counts two sites as geo-redundant only at least 200 km apart (never under 100 km); "
      "below that a witness at a third site and a backup copy kept further away compensate";
  std::cout << out.dump(2) << '\n';
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
  Pricing pricing;
  if (planned) {
    // With a costs file the scenario's own plan (waves too) gives what every set shares.
    const bool priced = !in->scenario->costs.empty();
    auto run = planners::RunPipeline(in->base,
                                     in->Request(priced ? planners::Steps(planners::Step::kWaves)
                                                        : planners::Steps(planners::Step::kTarget)),
                                     diagnostics);
    if (!run.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(run.status());
    }
    scenario = run->scenario;
    retired = planners::RetiredByTarget(*run->target);
    if (priced) {
      if (auto s = LoadPricing(*in, std::move(run).value(), diagnostics, pricing); !s.ok()) {
        PrintDiagnostics(diagnostics);
        return Fail(s);
      }
    }
  }
  auto input = planners::BuildSitingInput(in->base->estate, in->base->device_types, scenario,
                                          retired, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!input.ok()) return Fail(input.status());
  if (pricing.pricer) AttachPricing(pricing, *input);
  input->prune = ShouldPrune(*input);
  const auto start = std::chrono::steady_clock::now();
  const SitingResult result = planners::ChooseHalls(*input);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "halls --choose: " << result.candidates << " candidates, " << result.planned
            << " sets planned, " << result.pruned << " pruned in " << std::fixed
            << std::setprecision(2) << seconds << " s\n"
            << std::defaultfloat;
  const std::string currency = pricing.pricer ? pricing.costs.currency : "";
  if (format == Format::kJson) {
    PrintJson(*input, result, currency);
  } else {
    PrintRanking(scenario, *input, result, currency);
  }
  return 0;
}

}  // namespace samdrift::tools
