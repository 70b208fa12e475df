// samdrift lifecycle: per municipality, what is past or near end of support. The same view is a
// section of `samdrift target`.
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/text.h"
#include "planners/lifecycle.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

struct LifecycleArgs {
  bool json = false;
  int months = 12;
  PlanningOptions planning;
};

}  // namespace

std::string LifecycleJson(const planners::Lifecycle& lifecycle) {
  nlohmann::ordered_json out;
  out["date"] = lifecycle.date;
  out["horizon"] = lifecycle.horizon;
  out["summary"] = nlohmann::ordered_json::array();
  for (const planners::LifecycleSummary& s : lifecycle.summary) {
    out["summary"].push_back({{"org", s.org},
                              {"technology", s.technology},
                              {"name", s.name},
                              {"capability", s.capability},
                              {"end_of_support", s.end_of_support},
                              {"status", std::string(planners::ToString(s.status))},
                              {"assets", s.assets}});
  }
  out["items"] = nlohmann::ordered_json::array();
  for (const planners::LifecycleItem& i : lifecycle.items) {
    out["items"].push_back({{"org", i.org},
                            {"asset", i.asset},
                            {"kind", std::string(core::ToString(i.kind))},
                            {"technology", i.technology},
                            {"name", i.name},
                            {"capability", i.capability},
                            {"end_of_support", i.end_of_support},
                            {"end_of_extended_support", i.end_of_extended_support},
                            {"status", std::string(planners::ToString(i.status))}});
  }
  return out.dump(2);
}

void PrintLifecycleTable(const planners::Lifecycle& lifecycle, const core::OrgNames& names,
                         Detail detail) {
  std::cout << "== Lifecycle at " << lifecycle.date << ": past end of support, or reaching it "
            << "before " << lifecycle.horizon << " ==\n";
  if (lifecycle.summary.empty()) {
    std::cout << "nothing past or near end of support\n";
    return;
  }
  std::vector<std::string> orgs;
  for (const planners::LifecycleSummary& s : lifecycle.summary) orgs.push_back(s.org);
  const std::size_t org_width = OrgColumnWidth(names, orgs, 12);
  std::cout << core::PadRight("org", org_width) << std::left << std::setw(6) << "when"
            << std::setw(12) << "end" << std::setw(46) << "technology" << std::right << std::setw(7)
            << "assets" << '\n';
  for (const planners::LifecycleSummary& s : lifecycle.summary) {
    std::cout << core::PadRight(core::DisplayName(names, s.org), org_width) << std::left
              << std::setw(6) << planners::ToString(s.status) << std::setw(12) << s.end_of_support
              << std::setw(46) << s.name << std::right << std::setw(7) << s.assets << '\n';
  }
  if (detail != Detail::kFull) return;
  std::cout << "\nDevices and software past end of support, by name (VMs and clients are "
               "counted above; --json lists every asset):\n";
  std::string org;
  for (const planners::LifecycleItem& i : lifecycle.items) {
    if (i.status != planners::LifecycleStatus::kPast) continue;
    if (i.kind == core::AssetKind::kVm || i.kind == core::AssetKind::kClient) continue;
    if (i.org != org) {
      std::cout << (org.empty() ? "" : "\n") << core::DisplayName(names, i.org) << ":";
      org = i.org;
    } else {
      std::cout << ",";
    }
    std::cout << ' ' << i.asset << " (" << i.name << ")";
  }
  if (!org.empty()) std::cout << '\n';
}

Runner SetupLifecycle(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<LifecycleArgs>();
  app.description(
      "Per municipality: which assets run technologies past end of support at the planned date, "
      "or reaching it within --months (12). End of support is the catalog's: VMware end of "
      "general support, Microsoft end of extended support, Cisco last date of support, ...");
  app.add_flag("--json", args->json, "print JSON");
  app.add_option("--months", args->months, "horizon for 'soon' in months (12)")
      ->check(CLI::Range(0, 600));
  AddPlanningOptions(app, args->planning, true);
  return [args, &global]() {
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!in.ok()) return Fail(in.status());
    const planners::Scenario* scenario = in->planned_or_null();
    const std::string date =
        scenario && !scenario->date.empty() ? scenario->date : core::TodayIso();
    planners::Lifecycle lifecycle = planners::ComputeLifecycle(
        in->base->estate, in->base->catalog, scenario ? scenario->orgs : std::vector<std::string>{},
        date, args->months);
    if (args->json) {
      std::cout << LifecycleJson(lifecycle) << '\n';
    } else {
      PrintLifecycleTable(lifecycle, in->base->estate.org_names, Detail::kFull);
    }
    return 0;
  };
}

}  // namespace samdrift::tools
