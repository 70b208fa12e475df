#include <filesystem>
#include <iostream>

#include "tools/command.h"
#include "tools/compare_run.h"
#include "tools/report_pdf.h"
#include "tools/report_run.h"

namespace samdrift::tools {

Runner SetupReport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<reports::ReportOptions>();
  auto planning = std::make_shared<PlanningOptions>();
  auto lang = std::make_shared<std::string>("sv");
  auto redact = std::make_shared<bool>(false);
  auto pdf = std::make_shared<bool>(false);
  app.description(
      "Write the pre-study report into --out: index.html (self-contained, opens in any browser, "
      "prints to PDF), samdrift.xlsx (a sheet per table) and csv/ (the same tables, UTF-8 with "
      "BOM for Excel).");
  app.add_option("--out", options->out_dir, "output folder")->required();
  auto scenarios = std::make_shared<std::vector<std::string>>();
  AddPlanningOptions(app, *planning, true, scenarios.get());
  app.add_option("--lang", *lang, "report language: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  app.add_option("--max-rows", options->max_rows,
                 "rows of each table the page holds (default " +
                     std::to_string(reports::kDefaultMaxRows) +
                     "; 0: every row); a table cut says so and links its CSV file, which holds "
                     "every row, as the workbook does")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--redact", *redact, "hide serial numbers, IP and MAC addresses");
  app.add_flag("--pdf", *pdf,
               "also print report.pdf (A4) through headless Chromium; without Chromium a "
               "warning says so and the report is still written");
  return [options, planning, scenarios, lang, redact, pdf, &global]() {
    if (!scenarios->empty()) planning->scenario = scenarios->front();
    options->lang = *lang == "en" ? reports::Lang::kEn : reports::Lang::kSv;
    options->redaction = *redact ? reports::Redaction::kRedact : reports::Redaction::kNone;
    planning->graph = planners::GraphNeed::kBuild;
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, *planning, diagnostics);
    // The risk view's own warnings are not shown: `samdrift risk` reports them.
    auto result =
        in.ok() ? planners::RunPipeline(in->base, in->Request(planners::Step::kRisk), diagnostics)
                : core::Result<planners::PipelineResult>(in.status());
    // With several scenarios, all of them compared over the first one's estate; the first is
    // planned once, for the report and the comparison (unless --date plans it for another day).
    const planners::PipelineResult* planned = result.ok() && in->date.empty() ? &*result : nullptr;
    auto compared = result.ok() && scenarios->size() >= 2
                        ? CompareScenarios(*in->store, *scenarios, planning->catalogs, in->base,
                                           in->scenario->orgs, diagnostics, planned)
                        : core::Result<Comparison>(Comparison{});
    if (!result.ok()) compared = result.status();
    auto files = compared.ok() ? RunReport(*in->store, *in, *result, *options, diagnostics,
                                           &compared->scenarios)
                               : core::Result<reports::ReportFiles>(compared.status());
    if (!files.ok()) {
      PrintDiagnostics(diagnostics);
      return Fail(files.status());
    }
    const std::string pdf_path = (std::filesystem::path(options->out_dir) / "report.pdf").string();
    const bool printed = *pdf && PrintPdf(files->html, pdf_path, diagnostics);
    PrintDiagnostics(diagnostics);
    std::cout << "report: " << files->html << "\nworkbook: " << files->xlsx
              << "\ntables: " << files->csv_dir << "/\n";
    if (printed) std::cout << "pdf: " << pdf_path << "\n";
    return 0;
  };
}

}  // namespace samdrift::tools
