// samdrift target: the standard per capability and each municipality's gap (docs/cli.md).
#include <iomanip>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "planners/pipeline.h"
#include "planners/target.h"
#include "tools/command.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;

struct TargetArgs {
  bool json = false;
  bool summary_only = false;
  PlanningOptions planning;
};

struct OrgSummary {
  std::size_t actions[4] = {0, 0, 0, 0};
  std::size_t past = 0;
  double hours = 0;
};

std::map<std::string, OrgSummary> Summarise(const planners::TargetPlan& plan) {
  std::map<std::string, OrgSummary> out;
  for (const std::string& org : plan.orgs) out[org];
  for (const planners::Gap& g : plan.gaps) {
    OrgSummary& s = out[g.org()];
    ++s.actions[static_cast<int>(g.action)];
    s.past += g.past_end_of_support ? 1 : 0;
    s.hours += g.effort_hours;
  }
  return out;
}

ordered_json EffortJson(const planners::EffortTable& table) {
  auto row = [](const planners::EffortRow& r) {
    ordered_json j = ordered_json::object();
    for (planners::GapAction a : planners::kAllGapActions) {
      double h = r[static_cast<std::size_t>(a)];
      if (h >= 0) j[std::string(planners::ToString(a))] = h;
    }
    return j;
  };
  ordered_json out;
  out["by_kind"] = ordered_json::object();
  for (const auto& [kind, r] : table.by_kind())
    out["by_kind"][std::string(core::ToString(kind))] = row(r);
  out["by_capability"] = ordered_json::object();
  for (const auto& [cap, r] : table.by_capability()) out["by_capability"][cap] = row(r);
  return out;
}

}  // namespace

ordered_json TargetJson(const planners::TargetPlan& plan) {
  ordered_json out;
  out["date"] = plan.date;
  out["orgs"] = plan.orgs;
  out["standards"] = ordered_json::array();
  for (const planners::Standard& s : plan.standards) {
    out["standards"].push_back({{"capability", s.capability},
                                {"technology", s.technology},
                                {"source", std::string(planners::ToString(s.source))},
                                {"reason", s.reason},
                                {"name", s.name},
                                {"category", std::string(core::ToString(s.category))},
                                {"end_of_support", s.end_of_support},
                                {"orgs_using", s.orgs_using},
                                {"assets", s.assets},
                                {"assets_on_standard", s.assets_on_standard}});
  }
  out["gaps"] = ordered_json::array();
  for (const planners::Gap& g : plan.gaps) {
    ordered_json j = {{"org", g.org()},
                      {"asset", g.asset()},
                      {"from", g.from()},
                      {"to", g.to()},
                      {"action", std::string(planners::ToString(g.action))},
                      {"kind", std::string(core::ToString(g.kind))},
                      {"key", g.key()},
                      {"category", std::string(core::ToString(g.category))},
                      {"capability", g.capability()},
                      {"from_name", g.from_name()},
                      {"effort_hours", g.effort_hours},
                      {"past_end_of_support", g.past_end_of_support},
                      {"end_of_support", g.end_of_support()},
                      {"version_unknown", g.version_unknown},
                      {"reason", g.reason()}};
    if (!g.via().empty()) j["via"] = g.via();
    out["gaps"].push_back(std::move(j));
  }
  ordered_json summary = ordered_json::object();
  for (const auto& [org, s] : Summarise(plan)) {
    ordered_json j;
    for (planners::GapAction a : planners::kAllGapActions) {
      j[std::string(planners::ToString(a))] = s.actions[static_cast<int>(a)];
    }
    j["past_end_of_support"] = s.past;
    j["effort_hours"] = s.hours;
    summary[org] = j;
  }
  out["summary"] = summary;
  out["total_effort_hours"] = plan.total_effort_hours;
  out["effort"] = EffortJson(plan.effort);
  out["lifecycle"] = ordered_json::parse(LifecycleJson(plan.lifecycle));
  return out;
}

namespace {

int PrintTable(const planners::TargetPlan& plan, const core::OrgNames& names, Detail detail) {
  std::cout << "Target architecture at " << plan.date << " for " << plan.orgs.size()
            << " municipalities\n\n== Standards ==\n";
  for (const planners::Standard& s : plan.standards) {
    std::cout << std::left << std::setw(18) << s.capability << std::setw(34)
              << (s.technology.empty() ? std::string("-") : s.technology) << std::setw(9)
              << planners::ToString(s.source) << '\n'
              << std::setw(18) << "" << s.reason << '\n';
  }
  std::cout << "\n== Gaps per municipality (hours from the effort table; see --help) ==\n";
  const std::size_t org_width = OrgColumnWidth(names, plan.orgs, 12);
  std::cout << core::PadRight("org", org_width) << std::right;
  for (planners::GapAction a : planners::kAllGapActions) {
    std::cout << std::setw(9) << planners::ToString(a);
  }
  std::cout << std::setw(10) << "past EoS" << std::setw(10) << "hours" << '\n';
  for (const auto& [org, s] : Summarise(plan)) {
    std::cout << core::PadRight(core::DisplayName(names, org), org_width) << std::right;
    for (std::size_t n : s.actions) std::cout << std::setw(9) << n;
    std::cout << std::setw(10) << s.past << std::setw(10) << std::fixed << std::setprecision(1)
              << s.hours << '\n';
  }
  std::cout << core::PadRight("total", org_width) << std::right << std::setw(56) << std::fixed
            << std::setprecision(1) << plan.total_effort_hours << '\n';
  if (detail == Detail::kFull) {
    std::cout << "\n== Gaps ==\n";
    const std::size_t gap_org_width = OrgColumnWidth(names, plan.orgs, 10);
    for (const planners::Gap& g : plan.gaps) {
      std::cout << core::PadRight(core::DisplayName(names, g.org()), gap_org_width) << std::left
                << std::setw(28) << g.asset() << std::setw(15) << g.capability() << std::setw(8)
                << planners::ToString(g.action) << g.from() << " -> "
                << (g.to().empty() ? std::string("(none)") : g.to()) << "  " << std::setprecision(1)
                << g.effort_hours << " h" << (g.past_end_of_support ? "  PAST END OF SUPPORT" : "")
                << (g.version_unknown ? "  (version unknown)" : "") << '\n';
    }
  }
  std::cout << '\n';
  PrintLifecycleTable(plan.lifecycle, names, detail);
  return 0;
}

}  // namespace

int PrintTarget(const planners::TargetPlan& plan, const core::OrgNames& names, Format format,
                Detail detail) {
  if (format == Format::kJson) {
    std::cout << TargetJson(plan).dump(2) << '\n';
    return 0;
  }
  return PrintTable(plan, names, detail);
}

Runner SetupTarget(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<TargetArgs>();
  app.description(
      "The standard technology per capability and each municipality's gap to it.\n"
      "Standards: fixed by the scenario's 'standards:' map (a technology id, or 'none' to retire "
      "a capability), else proposed: (1) the product most municipalities run, ties broken by how "
      "many run the vendor, then by asset count, then by id; products with nothing supported at "
      "the planned date are skipped; (2) its newest supported version among those in use by at "
      "least two municipalities (or by every one that uses the product, if fewer); if none in "
      "use is supported, the newest supported version in the catalog. Never past end of support "
      "at the planned date.\n"
      "Gaps: every asset whose technology differs from its capability's standard: upgrade "
      "(same product, older version), replace (another product or model in place), migrate "
      "(a VM whose host changes hypervisor product moves to the standard platform), retire "
      "('none' standards; hosts whose hypervisor changes product on hardware past end of "
      "support). Effort: hours per asset kind and action (device 4/16/8/4 upgrade/replace/"
      "migrate/retire, vm 3/8/2/1, client 1/2/1/0.5, software 1/4/2/0.5), with rows per "
      "capability (hypervisor 6/16/8/4, storage 8/80/40/8, core-switch and firewall 8/40/16/4, "
      "server-os 6/16/4/2, client-os 1.5/3/1/0.5, ...: planners/README.md); the scenario's "
      "'effort:' map overrides cells ('vm/migrate: 3', 'core-switch/replace: 24', 'retire: 1').");
  app.add_flag("--json", args->json, "print JSON");
  app.add_flag("--summary", args->summary_only, "table: standards and counts only, no gap list");
  AddPlanningOptions(app, args->planning, true);
  return [args, &global]() {
    args->planning.graph = planners::GraphNeed::kBuild;
    args->planning.relations = planners::Relations::kRelease;
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    if (!in.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(in.status());
    }
    auto result =
        planners::RunPipeline(in->base, in->Request(planners::Step::kTarget), diagnostics);
    PrintDiagnostics(diagnostics);
    if (!result.ok()) return Fail(result.status());
    return PrintTarget(*result->target, result->org_names, FormatOf(args->json),
                       args->summary_only ? Detail::kSummary : Detail::kFull);
  };
}

}  // namespace samdrift::tools
