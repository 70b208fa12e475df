#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "core/text.h"
#include "reports/export_archimate.h"
#include "reports/export_dot.h"
#include "reports/export_json.h"
#include "reports/export_netbox.h"
#include "reports/export_scenario.h"
#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

struct ExportArgs {
  std::string format;
  std::string out;
  std::string name;
  std::vector<std::string> orgs;
  std::vector<std::string> categories;
  std::vector<std::string> relations;
  PlanningOptions planning;  // archimate: --scenario adds the plan
};

template <typename T, std::size_t N>
core::Status ParseList(const std::vector<std::string>& words, std::string_view option,
                       std::optional<T> (*parse)(std::string_view), const T (&all)[N],
                       std::vector<T>& out) {
  for (const std::string& w : words) {
    if (auto v = parse(core::ToLowerAscii(core::Trim(w)))) {
      out.push_back(*v);
      continue;
    }
    std::vector<std::string> names;
    for (const T& v : all) names.emplace_back(core::ToString(v));
    std::string closest = core::ClosestName(w, names);
    return core::Status::Usage(std::string(option) + ": unknown value '" + w + "'" +
                               (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
  }
  return core::Status::Ok();
}

void PrintExported(const ExportArgs& args, const std::string& summary) {
  std::cerr << "exported " << args.format << ": " << summary
            << (args.out.empty() || args.out == "-" ? "" : " to " + args.out) << '\n';
}

std::string ArchimateSummary(const reports::ArchimateExport& out) {
  std::string summary = std::to_string(out.elements) + " elements, " +
                        std::to_string(out.relationships) + " relationships";
  if (!out.unresolved.empty()) {
    summary += "; " + std::to_string(out.unresolved.size()) +
               " relations left out (an end is not in the store)";
  }
  return summary;
}

// archimate with --scenario: the estate of the scenario's orgs and, from the planning pipeline
// (the same as `plan` and `report` run), the target as a Plateau, gaps and waves.
int ExportPlan(const GlobalOptions& global, const ExportArgs& args) {
  PlanningOptions planning = args.planning;
  planning.graph = planners::GraphNeed::kBuild;
  core::Diagnostics diagnostics;
  auto in = LoadPlanningInputs(global, planning, diagnostics);
  auto result =
      in.ok() ? planners::RunPipeline(in->base, in->Request(planners::Step::kWaves), diagnostics)
              : core::Result<planners::PipelineResult>(in.status());
  PrintDiagnostics(diagnostics);
  if (!result.ok()) return Fail(result.status());
  const planners::PipelineResult& p = *result;
  const core::Estate& estate = in->base->estate;
  const reports::ArchimateScenario scenario = reports::ArchimateScenarioFrom(
      estate, p.scenario.name.empty() ? "Scenario" : p.scenario.name, &*p.target, &*p.waves);
  reports::ArchimateExportOptions options;
  options.model_name = args.name.empty() ? "samdrift" : args.name;
  options.scenario = &scenario;
  reports::ArchimateExport out = reports::WriteArchimate(estate, options);
  core::Status s = WriteOut(args.out, out.xml);
  if (!s.ok()) return Fail(s);
  PrintExported(args, ArchimateSummary(out) + "; scenario '" + scenario.name +
                          "': " + std::to_string(scenario.gaps.size()) + " gaps, " +
                          std::to_string(scenario.work_packages.size()) + " work packages");
  return 0;
}

// netbox: the hall plan (the scenario's target halls; without one, today's halls) as NetBox
// bulk-import CSV files in the folder --out.
int ExportNetbox(const GlobalOptions& global, const ExportArgs& args) {
  if (args.out.empty() || args.out == "-") {
    return Fail(
        core::Status::Usage("--format netbox writes a folder of CSV files: give --out DIR"));
  }
  // As `halls` plans (what the target retires is not placed), relations kept for the cables.
  PlanningOptions planning = args.planning;
  const bool planned = !planning.scenario.empty();
  if (planned) planning.graph = planners::GraphNeed::kBuild;
  const planners::Steps steps =
      planned ? planners::Step::kTarget | planners::Step::kHalls : planners::Step::kHalls;
  core::Diagnostics diagnostics;
  auto in = LoadPlanningInputs(global, planning, diagnostics);
  auto result = in.ok() ? planners::RunPipeline(in->base, in->Request(steps), diagnostics)
                        : core::Result<planners::PipelineResult>(in.status());
  PrintDiagnostics(diagnostics);
  if (!result.ok()) return Fail(result.status());
  const reports::NetboxExport out = reports::WriteNetbox(in->base->estate, *result->halls);
  std::error_code ec;
  std::filesystem::create_directories(args.out, ec);
  if (ec) return Fail(core::Status::Invalid("cannot create '" + args.out + "': " + ec.message()));
  for (const reports::NetboxFile& file : out.files) {
    core::Status s = WriteOut((std::filesystem::path(args.out) / file.name).string(), file.text);
    if (!s.ok()) return Fail(s);
  }
  std::string summary = std::to_string(out.sites) + " sites, " + std::to_string(out.locations) +
                        " locations, " + std::to_string(out.racks) + " racks, " +
                        std::to_string(out.devices) + " devices, " + std::to_string(out.cables) +
                        " cables";
  if (out.cables_left_out) {
    summary +=
        "; " + std::to_string(out.cables_left_out) + " cables left out (console or unnamed ports)";
  }
  PrintExported(args, summary);
  return 0;
}

}  // namespace

core::Status WriteOut(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? core::Status::Ok() : core::Status::Invalid("cannot write to stdout");
  }
  const std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << text;
    file.flush();
    if (!file) {
      std::remove(temporary.c_str());
      return core::Status::Invalid("cannot write '" + path + "'");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    return core::Status::Invalid("cannot write '" + path + "': " + ec.message());
  }
  return core::Status::Ok();
}

Runner SetupExport(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<ExportArgs>();
  app.description(
      "Write the model for other tools: 'archimate' an ArchiMate 3.1 exchange file that Archi "
      "opens and 'samdrift import' reads back (with --scenario also the plan: the target as a "
      "Plateau, the gaps as Gaps, the waves as Work Packages), 'dot' a Graphviz graph ('dot "
      "-Tsvg'), 'json' every asset and relation, 'netbox' the hall plan (the scenario's target "
      "halls; without --scenario today's halls) as NetBox 4 bulk-import CSV files in the folder "
      "--out, numbered in import order.");
  app.add_option("--format", args->format, "archimate, dot, json or netbox")
      ->required()
      ->check(CLI::IsMember({"archimate", "dot", "json", "netbox"}));
  app.add_option("--out", args->out, "write to FILE (default: stdout); netbox: a folder")
      ->type_name("PATH");
  app.add_option("--org", args->orgs, "only these municipalities (repeat or comma-separate)")
      ->delimiter(',')
      ->type_name("ORG");
  app.add_option("--category", args->categories,
                 "dot: only assets of these categories (datacenter, network, platform, client)")
      ->delimiter(',')
      ->type_name("CATEGORY");
  app.add_option("--relation", args->relations,
                 "dot: only edges of these relation kinds, and the assets they join")
      ->delimiter(',')
      ->type_name("KIND");
  app.add_option("--name", args->name, "archimate: the model's name (default: samdrift)");
  AddPlanningOptions(app, args->planning, true);
  return [args, &global]() {
    reports::DotFilter filter;
    core::Status s = ParseList(args->categories, "--category", core::ParseCategory,
                               core::kAllCategories, filter.categories);
    if (!s.ok()) return Fail(s);
    s = ParseList(args->relations, "--relation", core::ParseRelationKind, core::kAllRelationKinds,
                  filter.relations);
    if (!s.ok()) return Fail(s);
    if (args->format != "dot" && (!filter.categories.empty() || !filter.relations.empty())) {
      return Fail(core::Status::Usage("--category and --relation filter the dot format only"));
    }
    if (args->format != "archimate" && !args->name.empty()) {
      return Fail(core::Status::Usage("--name is for the archimate format only"));
    }
    const PlanningOptions& planning = args->planning;
    if (args->format == "netbox") {
      if (!args->orgs.empty()) {
        return Fail(core::Status::Usage(
            "--org is not for the netbox format: the scenario names its municipalities"));
      }
      return ExportNetbox(global, *args);
    }
    const bool with_plan = !planning.scenario.empty();
    if (!with_plan && (!planning.catalogs.empty() || !planning.date.empty())) {
      return Fail(core::Status::Usage("--catalog and --date need --scenario"));
    }
    if (with_plan && args->format != "archimate") {
      return Fail(core::Status::Usage("--scenario is for the archimate and netbox formats only"));
    }
    if (with_plan && !args->orgs.empty()) {
      return Fail(core::Status::Usage(
          "--org and --scenario: the scenario names its municipalities ('orgs:')"));
    }
    if (with_plan) return ExportPlan(global, *args);
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto known = (*store)->Orgs();
    if (!known.ok()) return Fail(known.status());
    for (const std::string& org : args->orgs) {
      if (std::find(known->begin(), known->end(), org) != known->end()) continue;
      std::string closest = core::ClosestName(org, *known);
      return Fail(
          core::Status::Usage("--org '" + org + "': no such municipality in the store" +
                              (closest.empty() ? "" : "; did you mean '" + closest + "'?")));
    }
    auto estate = (*store)->LoadEstate({args->orgs, true});
    if (!estate.ok()) return Fail(estate.status());

    std::string text;
    std::string summary;
    if (args->format == "archimate") {
      reports::ArchimateExportOptions options;
      options.model_name = args->name.empty() ? "samdrift" : args->name;
      reports::ArchimateExport out = reports::WriteArchimate(*estate, options);
      summary = ArchimateSummary(out);
      text = std::move(out.xml);
    } else if (args->format == "dot") {
      reports::DotExport out = reports::WriteDot(*estate, filter);
      text = std::move(out.dot);
      summary = std::to_string(out.nodes) + " nodes, " + std::to_string(out.edges) + " edges";
      if (out.unresolved) {
        summary += "; " + std::to_string(out.unresolved) + " unresolved relations not drawn";
      }
    } else {
      text = reports::WriteJson(*estate);
      summary = std::to_string(estate->assets.size()) + " assets, " +
                std::to_string(estate->relations.size()) + " relations";
    }
    s = WriteOut(args->out, text);
    if (!s.ok()) return Fail(s);
    PrintExported(*args, summary);
    return 0;
  };
}

}  // namespace samdrift::tools
