#include "reports/build.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/text.h"
#include "reports/redact.h"
#include "reports/section_orgs.h"
#include "reports/sections.h"

namespace samdrift::reports {
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

core::Result<ReportFiles> WriteReport(const ReportInput& input, const ReportOptions& options) {
  const core::Estate& estate = *input.estate;

  Context context;
  context.lang = options.lang;
  context.redaction = options.redaction;
  context.org_names = estate.org_names;
  for (const core::Asset& a : estate.assets) context.orgs.push_back(a.org);
  std::sort(context.orgs.begin(), context.orgs.end());
  context.orgs.erase(std::unique(context.orgs.begin(), context.orgs.end()), context.orgs.end());

  Report report;
  report.lang = options.lang;
  report.max_rows = options.max_rows;
  report.title = std::string(Tr(options.lang, "Joint IT operations: pre-study report"));
  std::string names;
  for (const std::string& org : context.orgs) {
    if (!names.empty()) names += ", ";
    names += core::DisplayName(context.org_names, org);
  }
  report.subtitle = names + " \xC2\xB7 " + std::string(Tr(options.lang, "scenario")) + ": " +
                    input.scenario->name + " \xC2\xB7 " +
                    std::string(Tr(options.lang, "generated")) + " " + Today();
  if (options.redaction == Redaction::kRedact) {
    report.subtitle += " \xC2\xB7 " + std::string(Tr(options.lang,
                                                     "redacted: serial numbers, IP and MAC "
                                                     "addresses are hidden"));
  }
  report.sections.push_back(SummarySection(context, input));
  if (input.alternatives && input.alternatives->size() >= 2) {
    report.sections.push_back(ComparisonSection(context, *input.alternatives));
  }
  report.sections.push_back(EstateSection(context, estate));
  report.sections.push_back(OverlapSection(context, *input.overlap));
  report.sections.push_back(TargetSection(context, *input.target));
  report.sections.push_back(LifecycleSection(context, input.target->lifecycle));
  report.sections.push_back(
      WavesSection(context, *input.waves, *input.target, input.gantt, input.hours));
  report.sections.push_back(HallsSection(context, *input.halls, input.siting));
  report.sections.push_back(RiskSection(context, *input.risk));
  report.sections.push_back(OrgsSection(context, input));
  report.sections.push_back(NetSection(context, *input.net));
  report.sections.push_back(
      QualitySection(context, estate, *input.graph, *input.halls, *input.warnings, *input.stats));
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

}  // namespace samdrift::reports
