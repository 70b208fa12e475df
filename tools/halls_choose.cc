// The ranking of `halls --choose` (tools/halls_choose.h): the scenario's candidates planned and
// priced with the costs module, and its JSON (docs/cli.md, CONTRACT.md).
#include "tools/halls_choose.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "planners/costs_file.h"
#include "planners/siting_costs.h"
#include "planners/siting_input.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;
using planners::SitingSet;

// Above this many sets the search prunes (planners/siting.h); below it every set is planned and
// listed, rule breakers too.
constexpr std::size_t kFullSearchSets = 100;

ordered_json Rounded(std::optional<double> value, double scale) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return std::round(*value * scale) / scale;
}

ordered_json HallJson(const planners::HallCandidate& c, std::optional<double> running,
                      bool priced) {
  ordered_json j = c.spec.Stays() ? ordered_json{{"org", c.spec.from_org},
                                                 {"site", c.spec.from_site},
                                                 {"hall", c.spec.from_hall}}
                                  : ordered_json{{"name", c.spec.name}};
  j["running_per_year"] = priced ? Rounded(running, 1) : ordered_json(nullptr);
  j["running_quoted"] = c.running_per_year.has_value();
  return j;
}

// The `halls:` entries that make `halls --scenario` plan the set (ScenarioForSet).
ordered_json ScenarioHallsJson(const HallsChoice& choice, const SitingSet& s) {
  const planners::Scenario set =
      planners::ScenarioForSet(choice.scenario, choice.input.candidates, s.halls);
  ordered_json out = ordered_json::array();
  for (const planners::TargetHall& t : set.halls) {
    ordered_json h{{"name", t.name}};
    if (!t.from.empty()) h["from"] = t.from;
    h["role"] = std::string(planners::ToString(t.role));
    if (t.from.empty()) {
      h["positions"] = t.positions;
      h["power_kw"] = t.power_kw;
      h["cooling_kw"] = t.cooling_kw;
      if (t.running_per_year) h["running_per_year"] = *t.running_per_year;
    }
    out.push_back(std::move(h));
  }
  return out;
}

ordered_json SetJson(const HallsChoice& choice, const SitingSet& s) {
  const bool priced = !choice.currency.empty();
  ordered_json j;
  j["halls"] = ordered_json::array();
  for (std::size_t k = 0; k < s.halls.size(); ++k) {
    const std::optional<double> running =
        k < s.hall_running.size() ? s.hall_running[k] : std::nullopt;
    j["halls"].push_back(HallJson(choice.input.candidates[s.halls[k]], running, priced));
  }
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
  j["scenario_halls"] = ScenarioHallsJson(choice, s);
  return j;
}

// With a costs file: the prices, checked, and a pricer over the scenario's own plan (target,
// halls, waves) whose quantities every set shares (planners/siting_costs.h).
struct Pricing {
  planners::CostsFile costs;
  std::unique_ptr<planners::SitingPricer> pricer;
};

core::Status LoadPricing(const core::Store& store, const planners::PlanningBase& base,
                         const planners::PipelineResult& run, core::Diagnostics& diagnostics,
                         Pricing& out) {
  auto costs = planners::LoadCosts(run.scenario.costs, diagnostics);
  if (!costs.ok()) return costs.status();
  auto orgs = store.Orgs();
  if (!orgs.ok()) return orgs.status();
  if (!planners::CheckCosts(*costs, base.catalog, *orgs, diagnostics)) {
    return core::Status::Invalid("invalid costs file '" + run.scenario.costs + "'");
  }
  if (!run.target || !run.halls || !run.waves) {
    return core::Status::Invalid("halls --choose: the scenario's plan has no waves to price");
  }
  out.costs = std::move(costs).value();
  out.pricer = std::make_unique<planners::SitingPricer>(
      planners::PlanView{&base.estate, base.graph.get(), &base.catalog, &run.scenario, &*run.target,
                         &*run.halls, &*run.waves, base.usage.get()},
      out.costs);
  return core::Status::Ok();
}

// The prices of a set: a new hall with a quoted running cost runs at it (SitingPricer::Price).
void AttachPricing(const Pricing& pricing, const planners::Scenario& scenario,
                   planners::SitingInput& input) {
  const planners::SitingPricer* pricer = pricing.pricer.get();
  const std::vector<planners::HallCandidate>* candidates = &input.candidates;
  input.price = [=, &scenario](const std::vector<std::size_t>& set,
                               const planners::HallPlan& plan) {
    std::map<std::string, double> quoted;
    for (std::size_t i : set) {
      const planners::HallCandidate& c = (*candidates)[i];
      if (c.running_per_year) quoted[c.spec.name] = *c.running_per_year;
    }
    return pricer->Price(planners::ScenarioForSet(scenario, *candidates, set), plan, quoted);
  };
  input.cost_bound = [=](std::size_t halls, std::size_t quoted, std::size_t moving) {
    return pricer->LowerBound(halls, quoted, moving);
  };
}

// Above kFullSearchSets sets (or with more halls per set than candidates) the search prunes.
bool ShouldPrune(const planners::SitingInput& input) {
  const double n = static_cast<double>(input.candidates.size());
  double sets = 1;
  for (int i = 0; i < input.rules.count; ++i) sets = sets * (n - i) / (i + 1);
  return std::lround(sets) > static_cast<long>(kFullSearchSets) || input.rules.count > n;
}

}  // namespace

core::Result<HallsChoice> ChooseHallsOver(const core::Store& store,
                                          const planners::PlanningBase& base,
                                          const planners::PipelineResult* run,
                                          core::Diagnostics& diagnostics) {
  HallsChoice choice;
  planners::AssetNames retired;
  Pricing pricing;
  if (run) {
    choice.scenario = run->scenario;
    retired = planners::RetiredByTarget(*run->target);
    if (!run->scenario.costs.empty()) {
      if (auto s = LoadPricing(store, base, *run, diagnostics, pricing); !s.ok()) return s;
    }
  }
  auto input = planners::BuildSitingInput(base.estate, base.device_types, choice.scenario, retired,
                                          diagnostics);
  if (!input.ok()) return input.status();
  choice.input = std::move(input).value();
  if (pricing.pricer) AttachPricing(pricing, choice.scenario, choice.input);
  choice.input.prune = ShouldPrune(choice.input);
  choice.weight_kw_moved = choice.input.WeightKwMoved();
  const auto start = std::chrono::steady_clock::now();
  choice.result = planners::ChooseHalls(choice.input);
  choice.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  choice.input.price = nullptr;  // they point into `pricing`, gone on return
  choice.input.cost_bound = nullptr;
  if (pricing.pricer) choice.currency = pricing.costs.currency;
  return choice;
}

ordered_json HallsChoiceJson(const HallsChoice& choice) {
  ordered_json out;
  out["sets"] = ordered_json::array();
  for (const SitingSet& s : choice.result.sets) out["sets"].push_back(SetJson(choice, s));
  out["planned"] = choice.result.planned;
  out["pruned"] = choice.result.pruned;
  out["candidates"] = choice.result.candidates;
  out["count"] = choice.input.rules.count;
  out["currency"] = choice.currency.empty() ? ordered_json(nullptr) : ordered_json(choice.currency);
  out["geo_redundancy"] =
      "BSI counts two sites as geo-redundant only at least 200 km apart (never under 100 km); "
      "below that a witness at a third site and a backup copy kept further away compensate";
  return out;
}

}  // namespace samdrift::tools
