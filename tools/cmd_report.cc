#include <iostream>

#include "tools/command.h"
#include "tools/report/build.h"

namespace samdrift::tools {

Runner SetupReport(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<report::ReportOptions>();
  auto lang = std::make_shared<std::string>("sv");
  auto redact = std::make_shared<bool>(false);
  app.description(
      "Write the pre-study report into --out: index.html (self-contained, opens in any browser, "
      "prints to PDF), samdrift.xlsx (a sheet per table) and csv/ (the same tables, UTF-8 with "
      "BOM for Excel).");
  app.add_option("--out", options->out_dir, "output folder")->required();
  AddPlanningOptions(app, options->planning, true);
  app.add_option("--lang", *lang, "report language: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  app.add_flag("--redact", *redact, "hide serial numbers, IP and MAC addresses");
  return [options, lang, redact, &global]() {
    options->lang = *lang == "en" ? report::Lang::kEn : report::Lang::kSv;
    options->redaction = *redact ? report::Redaction::kRedact : report::Redaction::kNone;
    core::Diagnostics diagnostics;
    auto files = report::WriteReport(global, *options, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!files.ok()) return Fail(files.status());
    std::cout << "report: " << files->html << "\nworkbook: " << files->xlsx
              << "\ntables: " << files->csv_dir << "/\n";
    return 0;
  };
}

}  // namespace samdrift::tools
