// samdrift halls --choose: which halls should remain (issue 24), as a ranking and as JSON.
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "core/text.h"
#include "planners/pipeline.h"
#include "planners/siting.h"
#include "planners/siting_input.h"
#include "tools/compare_run.h"
#include "tools/halls_choose.h"

namespace samdrift::tools {
namespace {

using planners::SitingResult;
using planners::SitingSet;

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
      if (t.running_per_year) std::cout << "    running_per_year: " << *t.running_per_year << '\n';
    }
  }
}

// "running 1 234 per year (DC1 700, DC2 500 (quoted), licences and the rest 34)".
void PrintCosts(const planners::SitingInput& in, const SitingSet& s, const std::string& currency) {
  if (!s.five_year) return;
  std::cout << "     cost over five years " << FormatMoney(*s.five_year) << ' ' << currency
            << ": investment " << FormatMoney(*s.investment) << ", running "
            << FormatMoney(*s.running_per_year) << " per year (";
  double halls = 0;
  bool known = true;
  for (std::size_t k = 0; k < s.halls.size() && k < s.hall_running.size(); ++k) {
    const planners::HallCandidate& c = in.candidates[s.halls[k]];
    const std::optional<double>& r = s.hall_running[k];
    std::cout << c.spec.name << ' ' << (r ? FormatMoney(*r) : "unknown")
              << (c.running_per_year ? " (quoted)" : "") << ", ";
    halls += r.value_or(0);
    known = known && r.has_value();
  }
  std::cout << "licences and the rest "
            << (known ? FormatMoney(*s.running_per_year - halls) : "unknown") << ")\n";
}

void PrintRanking(const HallsChoice& choice) {
  const planners::Scenario& scenario = choice.scenario;
  const planners::SitingInput& in = choice.input;
  const SitingResult& result = choice.result;
  const std::string& currency = choice.currency;
  const bool priced = !currency.empty();
  const planners::Siting& r = in.rules;
  std::cout << "Which halls should remain: sets of " << r.count << " from " << result.candidates
            << " candidate halls (" << result.planned << " planned, " << result.pruned
            << " pruned)\n"
            << "score (lower is better): "
            << (priced ? "cost over five years (" + currency + ") + " : "")
            << choice.weight_kw_moved << " x kW moved + " << r.weight_distance_km
            << " x km; rules: " << r.min_distance_km << " km <= distance <= " << r.max_distance_km
            << " km\n";
  if (!priced) {
    std::cout << "costs: unknown (the scenario names no costs file): investment and running "
                 "cost are left out of the score\n";
  }
  std::size_t rank = 0;
  for (const SitingSet& s : result.sets) {
    std::ostringstream score;
    score << std::fixed << std::setprecision(1) << s.score;
    std::cout << '\n'
              << std::setw(3) << ++rank << ". " << SetName(in, s) << "  score "
              << (priced ? FormatMoney(s.score) : score.str())
              << (s.Chosen() ? ""
                  : s.fits   ? "  (breaks " + core::Join(s.breaks, ", ") + ")"
                             : "  (does not fit)")
              << '\n';
    std::cout << "     hours of the moves: " << std::fixed << std::setprecision(0) << s.hours
              << std::defaultfloat << '\n';
    PrintCosts(in, s, currency);
    for (const std::string& reason : s.reasons) std::cout << "     " << reason << '\n';
  }
  if (!result.sets.empty() && result.sets.front().Chosen()) {
    std::cout << "\nchosen: " << SetName(in, result.sets.front()) << '\n';
    PrintScenarioFor(scenario, in, result.sets.front());
  } else {
    std::cout << "\nno set fits and keeps the distance rules\n";
  }
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
  std::optional<planners::PipelineResult> run;
  if (planned) {
    // With a costs file the scenario's own plan (waves too) gives what every set shares.
    const bool priced = !in->scenario->costs.empty();
    auto result =
        planners::RunPipeline(in->base,
                              in->Request(priced ? planners::Steps(planners::Step::kWaves)
                                                 : planners::Steps(planners::Step::kTarget)),
                              diagnostics);
    if (!result.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(result.status());
    }
    run = std::move(result).value();
  }
  auto choice = ChooseHallsOver(*in->store, *in->base, run ? &*run : nullptr, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!choice.ok()) return Fail(choice.status());
  std::cerr << "halls --choose: " << choice->result.candidates << " candidates, "
            << choice->result.planned << " sets planned, " << choice->result.pruned << " pruned in "
            << std::fixed << std::setprecision(2) << choice->seconds << " s\n"
            << std::defaultfloat;
  if (format == Format::kJson) {
    std::cout << HallsChoiceJson(*choice).dump(2) << '\n';
  } else {
    PrintRanking(*choice);
  }
  return 0;
}

}  // namespace samdrift::tools
