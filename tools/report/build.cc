#include "tools/report/build.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

#include "core/text.h"
#include "planners/overlap.h"
#include "tools/net_view.h"
#include "tools/pipeline.h"
#include "tools/report/redact.h"
#include "tools/report/sections.h"

namespace samdrift::tools::report {
namespace fs = std::filesystem;

namespace {

std::string Today() {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

}  // namespace

core::Result<ReportFiles> WriteReport(const GlobalOptions& global, const ReportOptions& options,
                                      core::Diagnostics& diagnostics) {
  auto pipeline = RunPipeline(global, options.planning, diagnostics);
  if (!pipeline.ok()) return pipeline.status();
  const Pipeline& p = **pipeline;
  const core::Estate& estate = p.inputs.estate;

  Context context;
  context.lang = options.lang;
  context.redaction = options.redaction;
  context.org_names = estate.org_names;
  for (const core::Asset& a : estate.assets) context.orgs.push_back(a.org);
  std::sort(context.orgs.begin(), context.orgs.end());
  context.orgs.erase(std::unique(context.orgs.begin(), context.orgs.end()), context.orgs.end());

  Report report;
  report.lang = options.lang;
  report.title = std::string(Tr(options.lang, "Joint IT operations: pre-study report"));
  std::string names;
  for (const std::string& org : context.orgs) {
    if (!names.empty()) names += ", ";
    names += core::DisplayName(context.org_names, org);
  }
  report.subtitle = names + " \xC2\xB7 " + std::string(Tr(options.lang, "scenario")) + ": " +
                    p.scenario.name + " \xC2\xB7 " + std::string(Tr(options.lang, "generated")) +
                    " " + Today();
  if (options.redaction == Redaction::kRedact) {
    report.subtitle += " \xC2\xB7 " + std::string(Tr(options.lang,
                                                     "redacted: serial numbers, IP and MAC "
                                                     "addresses are hidden"));
  }
  report.sections.push_back(EstateSection(context, estate));
  report.sections.push_back(
      OverlapSection(context, planners::ComputeOverlap(estate, p.inputs.catalog)));
  report.sections.push_back(TargetSection(context, p.target));
  report.sections.push_back(LifecycleSection(context, p.target.lifecycle));
  std::optional<WaveCalendar> calendar;
  if (p.scenario.timeline && !p.waves.waves.empty() && !p.waves.waves.front().start.empty()) {
    auto hours = planners::HoursPerMonth(*p.scenario.timeline, p.waves);
    if (!hours.ok()) return hours.status();
    calendar = WaveCalendar{planners::BuildGantt(p.waves, p.scenario.timeline->phases,
                                                 planners::ClosuresFromMoves(p.halls, p.waves)),
                            std::move(*hours)};
  }
  report.sections.push_back(WavesSection(context, p.waves, calendar ? &*calendar : nullptr));
  report.sections.push_back(HallsSection(context, p.halls));
  {
    core::Diagnostics risk_diagnostics;  // `samdrift risk` reports them; the report shows the rest
    planners::RiskInput input{
        &estate, p.graph.get(), &p.scenario, &p.target, planners::DevicePlacements(p.halls),
        &p.waves};
    report.sections.push_back(RiskSection(context, planners::ComputeRisk(input, risk_diagnostics)));
  }
  core::Diagnostics skipped;
  auto net = AnalyseNetwork(
      p.scenario,
      [&](const auto& visit) {
        for (const core::Asset& a : estate.assets) visit(a);
        return core::Status::Ok();
      },
      skipped);
  if (!net.ok()) return net.status();
  diagnostics.Append(skipped);
  report.sections.push_back(NetSection(context, *net));
  auto store = OpenStore(global, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  auto warnings = (*store)->ImportWarnings(p.scenario.orgs, kWarningLines);
  if (!warnings.ok()) return warnings.status();
  auto stats = (*store)->Stats();
  if (!stats.ok()) return stats.status();
  report.sections.push_back(QualitySection(context, estate, *p.graph, p.halls, *warnings, *stats));
  // Beyond the serial and address columns: any text that is an address (an IPAM address asset
  // is named by it; a free-text field may hold a MAC), in tables and figures alike.
  if (options.redaction == Redaction::kRedact) RedactAddresses(report);

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (ec) return core::Status::Invalid("cannot create '" + options.out_dir + "': " + ec.message());
  ReportFiles files;
  files.html = (fs::path(options.out_dir) / "index.html").string();
  files.xlsx = (fs::path(options.out_dir) / "samdrift.xlsx").string();
  files.csv_dir = (fs::path(options.out_dir) / "csv").string();
  if (auto s = WriteHtml(report, files.html); !s.ok()) return s;
  if (auto s = WriteXlsx(report, files.xlsx); !s.ok()) return s;
  if (auto s = WriteCsvs(report, files.csv_dir); !s.ok()) return s;
  return files;
}

}  // namespace samdrift::tools::report
