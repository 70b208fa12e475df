#include <iostream>

#include "tools/command.h"
#include "tools/net_view.h"
#include "tools/planning_inputs.h"
#include "tools/report/build.h"
#include "tools/report/sections.h"

namespace samdrift::tools {

core::Result<report::ReportFiles> WriteReportFrom(const core::Store& store,
                                                  const PlanningInputs& in,
                                                  const planners::PipelineResult& result,
                                                  const report::ReportOptions& options,
                                                  core::Diagnostics& diagnostics) {
  core::Diagnostics skipped;
  auto net = AnalyseNetwork(
      result.scenario,
      [&](const auto& visit) {
        for (const core::Asset& a : in.base->estate.assets) visit(a);
        return core::Status::Ok();
      },
      skipped);
  if (!net.ok()) return net.status();
  diagnostics.Append(skipped);
  auto warnings = store.ImportWarnings(result.scenario.orgs, report::kWarningLines);
  if (!warnings.ok()) return warnings.status();
  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();
  const report::ReportInput input{in.base.get(), &result, &*net, &*warnings, &*stats};
  return report::WriteReport(input, options);
}

Runner SetupReport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<report::ReportOptions>();
  auto planning = std::make_shared<PlanningOptions>();
  auto lang = std::make_shared<std::string>("sv");
  auto redact = std::make_shared<bool>(false);
  app.description(
      "Write the pre-study report into --out: index.html (self-contained, opens in any browser, "
      "prints to PDF), samdrift.xlsx (a sheet per table) and csv/ (the same tables, UTF-8 with "
      "BOM for Excel).");
  app.add_option("--out", options->out_dir, "output folder")->required();
  AddPlanningOptions(app, *planning, true);
  app.add_option("--lang", *lang, "report language: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  app.add_flag("--redact", *redact, "hide serial numbers, IP and MAC addresses");
  return [options, planning, lang, redact, &global]() {
    options->lang = *lang == "en" ? report::Lang::kEn : report::Lang::kSv;
    options->redaction = *redact ? report::Redaction::kRedact : report::Redaction::kNone;
    planning->graph = planners::GraphNeed::kBuild;
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, *planning, diagnostics);
    // The risk view's own warnings are not shown: `samdrift risk` reports them.
    auto result =
        in.ok() ? planners::RunPipeline(in->base, in->Request(planners::Step::kRisk), diagnostics)
                : core::Result<planners::PipelineResult>(in.status());
    auto files = result.ok() ? WriteReportFrom(*in->store, *in, *result, *options, diagnostics)
                             : core::Result<report::ReportFiles>(result.status());
    PrintDiagnostics(diagnostics);
    if (!files.ok()) return Fail(files.status());
    std::cout << "report: " << files->html << "\nworkbook: " << files->xlsx
              << "\ntables: " << files->csv_dir << "/\n";
    return 0;
  };
}

}  // namespace samdrift::tools
