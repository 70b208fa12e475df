#include <algorithm>
#include <fstream>
#include <iostream>

#include "core/text.h"
#include "importers/batch_import.h"
#include "tools/command.h"
#include "tools/huge_pages.h"

namespace samdrift::tools {
namespace {

struct ImportArgs {
  std::string org;
  std::string format;
  std::string org_from;
  std::string tenant_map;
  bool dry_run = false;
  bool new_org = false;
  std::vector<std::string> paths;
};

// A "tenant,org" CSV (header optional) for --org-from tenant.
core::Status ReadTenantMap(const std::string& path, std::map<std::string, std::string>& out) {
  std::ifstream in(path);
  if (!in) return core::Status::Usage("cannot read --tenant-map '" + path + "'");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto comma = line.find_first_of(",;\t");
    if (comma == std::string::npos) {
      return core::Status::Invalid(path + ":" + std::to_string(number) +
                                   ": error[MAP001]: expected 'tenant,org'");
    }
    std::string tenant = line.substr(0, comma);
    std::string org = line.substr(comma + 1);
    if (number == 1 && tenant == "tenant") continue;
    out[tenant] = org;
  }
  return core::Status::Ok();
}

}  // namespace

Runner SetupImport(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<ImportArgs>();
  app.description(
      "Import files for one municipality; a folder means every file below it. One call is one "
      "batch: every file is stored, or (on any error) nothing. Re-importing a file of the same "
      "name for the same org replaces what it brought before.");
  app.add_option("--org", args->org, "municipality id, e.g. gnosjo")->required();
  app.add_option("--format", args->format,
                 "importer name (see 'samdrift formats'); default: detect");
  app.add_option("--org-from", args->org_from,
                 "'tenant': take each NetBox row's org from its tenant (default: --org)")
      ->check(CLI::IsMember({"option", "tenant"}));
  app.add_option("--tenant-map", args->tenant_map, "CSV of tenant,org pairs for --org-from tenant");
  app.add_flag("--dry-run", args->dry_run, "validate everything, store nothing");
  app.add_flag("--new-org", args->new_org,
               "the org is new, though its id is within two edits of one in the store (without "
               "it that is refused as a likely typo)");
  app.add_option("PATH", args->paths, "files or folders")->required();
  return [args, &global]() {
    // Before the import allocates: its memory is short lived (tools/huge_pages.h).
    DisableHugePages();
    importers::ImportRequest request;
    request.paths = args->paths;
    request.format = args->format;
    request.options.org = args->org;
    request.options.org_source =
        args->org_from == "tenant" ? importers::OrgSource::kTenant : importers::OrgSource::kOption;
    if (!args->tenant_map.empty()) {
      core::Status s = ReadTenantMap(args->tenant_map, request.options.tenant_to_org);
      if (!s.ok()) return Fail(s);
    }
    request.dry_run = args->dry_run ? importers::DryRun::kYes : importers::DryRun::kNo;
    if (request.options.org_source == importers::OrgSource::kOption &&
        !core::IsValidOrgId(request.options.org)) {
      return Fail(core::Status::Usage("--org '" + request.options.org +
                                      "' is not a municipality id (lowercase ASCII, e.g. "
                                      "'gnosjo')"));
    }

    auto store =
        OpenStore(global, args->dry_run ? core::OpenMode::kReadOnly : core::OpenMode::kReadWrite);
    if (!store.ok()) return Fail(store.status());
    if (!args->new_org) {
      core::Status typo = importers::CheckNewOrg(**store, args->org);
      if (!typo.ok()) return Fail(typo);
    }
    core::Diagnostics diagnostics;
    std::function<void(std::string_view)> progress;
    if (StderrIsTerminal()) {
      progress = [](std::string_view line) { std::cerr << line << '\n'; };
    }
    auto report = importers::RunImport(request, store->get(), diagnostics, progress);
    PrintDiagnostics(diagnostics);
    if (!report.ok()) return Fail(report.status());
    // What the store wrote: distinct assets (rows of one machine in several files, or twice in
    // one file, are one asset); a dry run, which stores nothing, counts the rows it read.
    std::size_t assets = 0, relations = 0, types = 0;
    for (const auto& f : report->files) {
      assets += f.assets;
      relations += f.relations;
      types += f.device_types;
    }
    if (!args->dry_run) {
      assets = report->stored.assets_stored;
      relations = report->stored.relations_written;
      types = report->stored.device_types_written;
    }
    // With --org-from tenant the rows went to the orgs their tenants name.
    std::string orgs = args->org;
    if (request.options.org_source != importers::OrgSource::kOption && !args->dry_run) {
      orgs = core::Join(report->stored.orgs, ", ");
    }
    std::cout << (args->dry_run ? "dry run, nothing stored: " : "imported ") << report->files.size()
              << " file(s) for " << orgs << ": " << assets << " assets, " << relations
              << " relations";
    if (types) std::cout << ", " << types << " device types";
    if (report->stored.locations_implied) {
      std::cout << " (+" << report->stored.locations_implied
                << " implied: sites, halls or racks that rows name but no file declares)";
    }
    if (!args->dry_run && report->stored.assets_replaced) {
      std::cout << " (replaced " << report->stored.assets_replaced
                << " assets from earlier imports of the same files)";
    }
    if (diagnostics.warning_count())
      std::cout << "; " << diagnostics.warning_count() << " warning(s)";
    std::cout << '\n';
    return 0;
  };
}

}  // namespace samdrift::tools
