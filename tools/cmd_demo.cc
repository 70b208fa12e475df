#include <filesystem>
#include <iostream>
#include <utility>

#include "importers/batch_import.h"
#include "reports/export_archimate.h"
#include "reports/export_dot.h"
#include "tools/command.h"
#include "tools/compare_run.h"
#include "tools/planning_inputs.h"
#include "tools/report_run.h"

#ifndef SAMDRIFT_SAMPLES_DIR
#define SAMDRIFT_SAMPLES_DIR "sample-inventories"
#endif

namespace samdrift::tools {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCatalogFolder = "device-types";

// The display names of the sample municipalities (`samdrift org ID --name NAME`).
constexpr std::pair<const char*, const char*> kSampleNames[] = {{"gislaved", "Gislaved"},
                                                                {"gnosjo", "Gnosj\xC3\xB6"},
                                                                {"varnamo", "V\xC3\xA4rnamo"},
                                                                {"vaggeryd", "Vaggeryd"},
                                                                {"hylte", "Hylte"}};

struct DemoArgs {
  std::string out = "samdrift-demo";
  std::string samples;
};

std::string FindSamples(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("SAMDRIFT_SAMPLES"); env && *env) return env;
  return SAMDRIFT_SAMPLES_DIR;
}

// The four scenarios of the study's alternatives that the demo compares (sample-inventories/).
constexpr const char* kAlternatives[] = {"alternativ-s.yaml", "alternativ-1-teknik.yaml",
                                         "alternativ-1-tjanst.yaml", "alternativ-2.yaml"};

// The study's four alternatives side by side, when the samples have them, over the demo's
// estate (`in`, read once): printed, and kept in `comparison` for the report.
int ShowCompare(const core::Store& store, const std::string& samples, const PlanningInputs& in,
                Comparison& comparison) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const char* name : kAlternatives) {
    const fs::path path = fs::path(samples) / name;
    if (fs::is_regular_file(path, ec)) paths.push_back(path.string());
  }
  if (paths.empty()) return 0;
  std::cout << "\n== compare ==\n";
  core::Diagnostics diagnostics;
  auto compared =
      CompareScenarios(store, paths, {}, in.base,
                       in.scenario ? in.scenario->orgs : std::vector<std::string>{}, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!compared.ok()) return Fail(compared.status());
  PrintCompareTable(*compared, std::cout);
  comparison = std::move(compared).value();
  return 0;
}

// The municipalities' folders of `samples`, sorted, with device-types/ (the hardware catalog, a
// NetBox device-type library) first when it is there, so that planners find U heights and power.
core::Result<std::vector<fs::path>> SampleFolders(const std::string& samples) {
  std::error_code ec;
  if (!fs::is_directory(samples, ec)) {
    return core::Status::Usage("no sample inventories at '" + samples +
                               "' (name them with --samples)");
  }
  std::vector<fs::path> orgs;
  fs::path catalog;
  for (const auto& entry : fs::directory_iterator(samples, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_directory() || name.empty() || name[0] == '.') continue;
    if (name == kCatalogFolder) {
      catalog = entry.path();
    } else {
      orgs.push_back(entry.path());
    }
  }
  std::sort(orgs.begin(), orgs.end());
  if (orgs.empty()) return core::Status::Invalid("no municipality folders in '" + samples + "'");
  if (!catalog.empty()) orgs.insert(orgs.begin(), catalog);
  return orgs;
}

// A new store OUT/samdrift.db (any old one removed).
core::Result<std::unique_ptr<core::Store>> FreshStore(const std::string& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) return core::Status::StoreError("cannot create '" + out + "': " + ec.message());
  const std::string db = (fs::path(out) / "samdrift.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db + suffix, ec);
  auto store = core::Store::Create(db);
  if (store.ok()) std::cerr << "samdrift demo: store " << db << '\n';
  return store;
}

// Imports each folder as its org ("catalog" for device-types/), then names the sample orgs.
core::Status ImportSamples(core::Store& store, const std::vector<fs::path>& folders) {
  const bool terminal = StderrIsTerminal();
  for (const fs::path& org_dir : folders) {
    importers::ImportRequest request;
    request.paths = {org_dir.string()};
    const std::string folder = org_dir.filename().string();
    request.options.org = folder == kCatalogFolder ? "catalog" : folder;
    request.unknown_format = importers::UnknownFormat::kSkip;
    core::Diagnostics diagnostics;
    std::function<void(std::string_view)> progress;
    if (terminal) progress = [](std::string_view line) { std::cerr << "  " << line << '\n'; };
    auto report = importers::RunImport(request, &store, diagnostics, progress);
    PrintDiagnostics(diagnostics);
    if (!report.ok()) return report.status();
    const std::size_t assets = report->stored.assets_stored;  // distinct, as import says
    std::cerr << "imported " << request.options.org << ": " << report->files.size() << " files, "
              << assets << " assets\n";
  }
  auto in_store = store.OrgList();
  if (!in_store.ok()) return in_store.status();
  for (const core::OrgInfo& org : *in_store) {
    for (const auto& [id, name] : kSampleNames) {
      if (org.id != id) continue;
      if (core::Status s = store.SetOrgName(id, name); !s.ok()) return s;
    }
  }
  return core::Status::Ok();
}

// Every planner over one read of the samples' scenario (Alternativ 1) and the store: halls (with
// rack elevations in OUT/halls/), net, overlap, target, plan, the four alternatives compared,
// and the report in OUT/report/.
int ShowPlanners(core::Store& store, const std::string& samples, const std::string& out) {
  std::error_code ec;
  const fs::path scenario_file = fs::path(samples) / "scenario.yaml";
  PlanningOptions planning;
  if (fs::is_regular_file(scenario_file, ec)) planning.scenario = scenario_file.string();
  planning.graph = planners::GraphNeed::kBuild;
  core::Diagnostics diagnostics;
  auto in = LoadPlanningInputs(store, planning, diagnostics);
  auto result =
      in.ok() ? planners::RunPipeline(in->base, in->Request(planners::Step::kRisk), diagnostics)
              : core::Result<planners::PipelineResult>(in.status());
  PrintDiagnostics(diagnostics);
  if (!result.ok()) return Fail(result.status());
  int rc = 0;
  if (in->scenario) {
    std::cout << "\n== halls ==\n";
    const std::string svg_dir = (fs::path(out) / "halls").string();
    rc = PrintHalls(*result, Format::kTable, svg_dir);
    if (rc > 1) return rc;
    if (rc == 1) std::cerr << "samdrift demo: the hall plan is infeasible (see above)\n";
    std::cout << "rack elevations and floor views: " << svg_dir << '\n';
  }
  // The samples' scenario carries the joint address plan for renumbering.
  std::cout << "\n== net ==\n";
  rc = RunNet(store, in->scenario.value_or(planners::Scenario{}), Format::kTable, std::cout);
  if (rc != 0) return rc;
  std::cout << "\nstore: " << store.path() << '\n';

  const planners::PlanningBase& base = *in->base;
  std::cout << "\n== overlap ==\n";
  planners::Overlap overlap = planners::ComputeOverlap(
      base.estate, base.catalog, in->scenario ? in->scenario->orgs : std::vector<std::string>{});
  if (rc = PrintOverlap(overlap, base.catalog, result->org_names, Format::kTable, 10); rc != 0)
    return rc;
  std::cout << "\n== target ==\n";
  if (rc = PrintTarget(*result->target, result->org_names, Format::kTable, Detail::kSummary);
      rc != 0)
    return rc;
  std::cout << "\n== plan ==\n";
  PrintPlanSummary(*result->waves, result->org_names);
  Comparison comparison;
  if (rc = ShowCompare(store, samples, *in, comparison); rc != 0) return rc;

  reports::ReportOptions report_options;
  report_options.out_dir = (fs::path(out) / "report").string();
  core::Diagnostics report_diagnostics;
  auto files =
      RunReport(store, *in, *result, report_options, report_diagnostics, &comparison.scenarios);
  PrintDiagnostics(report_diagnostics);
  if (!files.ok()) return Fail(files.status());
  std::cout << "\n== report ==\nreport: " << files->html << "\nworkbook: " << files->xlsx
            << "\ntables: " << files->csv_dir << "/\n";
  return 0;
}

// The model for Archi and Graphviz: OUT/model-archimate.xml and OUT/model.dot.
int ExportModel(const core::Store& store, const std::string& out) {
  auto estate = store.LoadEstate({});
  if (!estate.ok()) return Fail(estate.status());
  reports::ArchimateExportOptions archimate;
  archimate.model_name = "GGVVH – nuläge";
  const std::string xml = (fs::path(out) / "model-archimate.xml").string();
  const std::string dot = (fs::path(out) / "model.dot").string();
  core::Status written = WriteOut(xml, reports::WriteArchimate(*estate, archimate).xml);
  if (written.ok()) written = WriteOut(dot, reports::WriteDot(*estate, {}).dot);
  if (!written.ok()) return Fail(written);
  std::cout << "\n== export ==\narchimate: " << xml << "\ndot: " << dot << '\n';
  return 0;
}

}  // namespace

Runner SetupDemo(CLI::App& app, const GlobalOptions&) {
  auto args = std::make_shared<DemoArgs>();
  app.description(
      "Run the whole flow on the bundled sample inventories into a fresh store in --out: import "
      "every municipality, then stats and every planner that exists, ending in the report.");
  app.add_option("--out", args->out, "output folder (default: ./samdrift-demo)");
  app.add_option("--samples", args->samples,
                 "sample inventories folder (default: the bundled sample-inventories)");
  return [args]() {
    const std::string samples = FindSamples(args->samples);
    auto folders = SampleFolders(samples);
    if (!folders.ok()) return Fail(folders.status());
    auto store = FreshStore(args->out);
    if (!store.ok()) return Fail(store.status());
    if (core::Status s = ImportSamples(**store, *folders); !s.ok()) return Fail(s);
    std::cout << "== stats ==\n";
    if (int rc = PrintStats(**store, Format::kTable); rc != 0) return rc;
    if (int rc = ShowPlanners(**store, samples, args->out); rc != 0) return rc;
    return ExportModel(**store, args->out);
  };
}

}  // namespace samdrift::tools
