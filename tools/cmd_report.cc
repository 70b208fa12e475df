#include <iostream>

#include "tools/command.h"
#include "tools/report_run.h"

namespace samdrift::tools {

Runner SetupReport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<reports::ReportOptions>();
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
    options->lang = *lang == "en" ? reports::Lang::kEn : reports::Lang::kSv;
    options->redaction = *redact ? reports::Redaction::kRedact : reports::Redaction::kNone;
    core::Diagnostics diagnostics;
    auto files = RunReport(global, *planning, *options, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!files.ok()) return Fail(files.status());
    std::cout << "report: " << files->html << "\nworkbook: " << files->xlsx
              << "\ntables: " << files->csv_dir << "/\n";
    return 0;
  };
}

}  // namespace samdrift::tools
