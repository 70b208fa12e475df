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
  app.add_option("--scenario", options->scenario, "scenario YAML (see CONTRACT.md)");
  app.add_option("--lang", *lang, "report language: sv (default) or en")
      ->check(CLI::IsMember({"sv", "en"}));
  app.add_flag("--redact", *redact, "hide serial numbers, IP and MAC addresses");
  return [options, lang, redact, &global]() {
    options->lang = *lang == "en" ? report::Lang::kEn : report::Lang::kSv;
    options->redaction = *redact ? report::Redaction::kRedact : report::Redaction::kNone;
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    core::Diagnostics diagnostics;
    auto files = report::WriteReport(**store, *options, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!files.ok()) return Fail(files.status());
    std::cout << "report: " << files->html << "\nworkbook: " << files->xlsx
              << "\ntables: " << files->csv_dir << "/\n";
    return 0;
  };
}

}  // namespace samdrift::tools
