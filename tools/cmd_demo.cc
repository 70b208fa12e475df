#include <filesystem>
#include <iostream>
#include <utility>

#include "importers/batch_import.h"
#include "reports/export_archimate.h"
#include "reports/export_dot.h"
#include "tools/command.h"
#include "tools/compare_run.h"
#include "tools/pipeline.h"
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

// What the steps share: the folders, the fresh store and the samples' scenario.
struct Demo {
  std::string samples;
  std::string out;
  std::string db;
  std::unique_ptr<core::Store> store;
  GlobalOptions global;  // names the demo's store
  fs::path scenario;     // sample-inventories/scenario.yaml, or empty when it is not there
  PlanningOptions Planning() const {
    PlanningOptions planning;
    planning.scenario = scenario.string();
    return planning;
  }
};

// Every folder is a municipality, except device-types/: the hardware catalog (NetBox
// device-type library), returned first so that planners find U heights and power.
core::Result<std::vector<fs::path>> ImportFolders(const std::string& samples) {
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

core::Status CreateStore(Demo& demo) {
  std::error_code ec;
  fs::create_directories(demo.out, ec);
  if (ec) return core::Status::StoreError("cannot create '" + demo.out + "': " + ec.message());
  demo.db = (fs::path(demo.out) / "samdrift.db").string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(demo.db + suffix, ec);
  auto store = core::Store::Create(demo.db);
  if (!store.ok()) return store.status();
  demo.store = std::move(store).value();
  demo.global.db = demo.db;
  std::cerr << "samdrift demo: store " << demo.db << '\n';
  return core::Status::Ok();
}

core::Status ImportSamples(Demo& demo, const std::vector<fs::path>& folders) {
  const bool terminal = StderrIsTerminal();
  for (const fs::path& dir : folders) {
    importers::ImportRequest request;
    request.paths = {dir.string()};
    const std::string name = dir.filename().string();
    request.options.org = name == kCatalogFolder ? "catalog" : name;
    request.unknown_format = importers::UnknownFormat::kSkip;
    core::Diagnostics diagnostics;
    std::function<void(std::string_view)> progress;
    if (terminal) progress = [](std::string_view line) { std::cerr << "  " << line << '\n'; };
    auto report = importers::RunImport(request, demo.store.get(), diagnostics, progress);
    PrintDiagnostics(diagnostics);
    if (!report.ok()) return report.status();
    const std::size_t assets = report->stored.assets_stored;  // distinct, as import says
    std::cerr << "imported " << request.options.org << ": " << report->files.size() << " files, "
              << assets << " assets\n";
  }
  auto in_store = demo.store->OrgList();
  if (!in_store.ok()) return in_store.status();
  for (const core::OrgInfo& org : *in_store) {
    for (const auto& [id, name] : kSampleNames) {
      if (org.id != id) continue;
      if (core::Status s = demo.store->SetOrgName(id, name); !s.ok()) return s;
    }
  }
  return core::Status::Ok();
}

// The hall plan of the bundled scenario, with rack elevations in OUT/halls/, and the address
// plans (the scenario carries the joint address plan for renumbering).
int ShowHallsAndNet(const Demo& demo) {
  if (!demo.scenario.empty()) {
    std::cout << "\n== halls ==\n";
    const std::string svg_dir = (fs::path(demo.out) / "halls").string();
    const int rc = RunHalls(*demo.store, demo.Planning(), Format::kTable, svg_dir);
    if (rc > 1) return rc;
    if (rc == 1) std::cerr << "samdrift demo: the hall plan is infeasible (see above)\n";
    std::cout << "rack elevations and floor views: " << svg_dir << '\n';
  }
  std::cout << "\n== net ==\n";
  const int rc = RunNet(*demo.store, demo.scenario.string(), Format::kTable, std::cout);
  if (rc != 0) return rc;
  std::cout << "\nstore: " << demo.db << '\n';
  return 0;
}

int ShowOverlapAndTarget(const Demo& demo) {
  core::Diagnostics diagnostics;
  auto in = LoadPlanningInputs(*demo.store, demo.Planning(), diagnostics);
  PrintDiagnostics(diagnostics);
  if (!in.ok()) return Fail(in.status());
  const planners::Scenario* s = in->scenario_or_null();
  std::cout << "\n== overlap ==\n";
  planners::Overlap overlap =
      planners::ComputeOverlap(in->estate, in->catalog, s ? s->orgs : std::vector<std::string>{});
  if (int rc = PrintOverlap(overlap, in->catalog, in->estate.org_names, Format::kTable, 10); rc != 0) {
    return rc;
  }
  std::cout << "\n== target ==\n";
  core::Diagnostics target_diagnostics;
  auto plan = planners::PlanTarget(in->estate, in->catalog, s, target_diagnostics);
  PrintDiagnostics(target_diagnostics);
  if (!plan.ok()) return Fail(plan.status());
  return PrintTarget(*plan, in->estate.org_names, Format::kTable, Detail::kSummary);
}

int ShowPlan(const Demo& demo) {
  std::cout << "\n== plan ==\n";
  core::Diagnostics diagnostics;
  auto pipeline = RunPipeline(demo.global, demo.Planning(), diagnostics, PipelineKeep::kWavesOnly);
  PrintDiagnostics(diagnostics);
  if (!pipeline.ok()) return Fail(pipeline.status());
  PrintPlanSummary((*pipeline)->waves, (*pipeline)->inputs.estate.org_names);
  return 0;
}

// The study's four alternatives side by side, when the samples have them.
int ShowCompare(const Demo& demo) {
  std::vector<std::string> paths;
  std::error_code ec;
  for (const char* name : kAlternatives) {
    const fs::path path = fs::path(demo.samples) / name;
    if (fs::is_regular_file(path, ec)) paths.push_back(path.string());
  }
  if (paths.empty()) return 0;
  std::cout << "\n== compare ==\n";
  core::Diagnostics diagnostics;
  auto comparison = CompareScenarios(*demo.store, paths, {}, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!comparison.ok()) return Fail(comparison.status());
  PrintCompareTable(*comparison, std::cout);
  return 0;
}

int WriteDemoReport(const Demo& demo) {
  reports::ReportOptions report_options;
  report_options.out_dir = (fs::path(demo.out) / "report").string();
  core::Diagnostics diagnostics;
  auto files = RunReport(demo.global, demo.Planning(), report_options, diagnostics);
  PrintDiagnostics(diagnostics);
  if (!files.ok()) return Fail(files.status());
  std::cout << "\n== report ==\nreport: " << files->html << "\nworkbook: " << files->xlsx
            << "\ntables: " << files->csv_dir << "/\n";
  return 0;
}

// The model for Archi and Graphviz.
int ExportModel(const Demo& demo) {
  auto estate = demo.store->LoadEstate({});
  if (!estate.ok()) return Fail(estate.status());
  reports::ArchimateExportOptions archimate;
  archimate.model_name = "GGVVH – nuläge";
  const std::string xml = (fs::path(demo.out) / "model-archimate.xml").string();
  const std::string dot = (fs::path(demo.out) / "model.dot").string();
  core::Status written = WriteOut(xml, reports::WriteArchimate(*estate, archimate).xml);
  if (written.ok()) written = WriteOut(dot, reports::WriteDot(*estate, {}).dot);
  if (!written.ok()) return Fail(written);
  std::cout << "\n== export ==\narchimate: " << xml << "\ndot: " << dot << '\n';
  return 0;
}

int RunDemo(const DemoArgs& args) {
  Demo demo;
  demo.samples = FindSamples(args.samples);
  demo.out = args.out;
  auto folders = ImportFolders(demo.samples);
  if (!folders.ok()) return Fail(folders.status());
  if (core::Status s = CreateStore(demo); !s.ok()) return Fail(s);
  if (core::Status s = ImportSamples(demo, *folders); !s.ok()) return Fail(s);
  std::error_code ec;
  const fs::path scenario = fs::path(demo.samples) / "scenario.yaml";
  if (fs::is_regular_file(scenario, ec)) demo.scenario = scenario;
  std::cout << "== stats ==\n";
  for (auto step :
       {+[](const Demo& d) { return PrintStats(*d.store, Format::kTable); }, &ShowHallsAndNet,
        &ShowOverlapAndTarget, &ShowPlan, &ShowCompare, &WriteDemoReport, &ExportModel}) {
    if (int rc = step(demo); rc != 0) return rc;
  }
  return 0;
}

}  // namespace

Runner SetupDemo(CLI::App& app, const GlobalOptions&) {
  auto args = std::make_shared<DemoArgs>();
  app.description(
      "Run the whole flow on the bundled sample inventories into a fresh store in --out: import "
      "every municipality, then stats and every planner that exists, compare the study's four "
      "alternatives, ending in the report.");
  app.add_option("--out", args->out, "output folder (default: ./samdrift-demo)");
  app.add_option("--samples", args->samples,
                 "sample inventories folder (default: the bundled sample-inventories)");
  return [args]() { return RunDemo(*args); };
}

}  // namespace samdrift::tools
