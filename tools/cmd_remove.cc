#include <iostream>

#include "core/text.h"
#include "tools/command.h"

namespace samdrift::tools {

namespace {
struct RemoveArgs {
  std::string org;
  std::vector<std::string> sources;
  bool dry_run = false;
};
}  // namespace

Runner SetupRemove(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<RemoveArgs>();
  app.description(
      "Take out what a municipality's imported files brought (or only the files named with "
      "--source, by their name at import): their assets, relations and stored warnings, and the "
      "implied sites, halls and racks no remaining row names. All or nothing; afterwards the "
      "store answers as if the files had never been imported. Exact for what the files own: an "
      "asset two files declare belongs to the one imported last, and what a patching or filling "
      "file (GLPI partial inventories, ArchiMate models, scanners) wrote into another file's "
      "asset stays; re-import that file to restore it.");
  app.add_option("--org", args->org, "municipality id in the store, e.g. gnosjo")->required();
  app.add_option("--source", args->sources,
                 "only these files (as named at import; the last path component counts)");
  app.add_flag("--dry-run", args->dry_run, "say what would go, remove nothing");
  return [args, &global]() {
    auto store = OpenStore(global, core::OpenMode::kReadWrite);
    if (!store.ok()) return Fail(store.status());
    auto removed = (*store)->Remove(args->org, args->sources, args->dry_run);
    if (!removed.ok()) return Fail(removed.status());
    const core::RemoveSummary& r = *removed;
    std::cout << (args->dry_run ? "dry run, nothing removed: " : "removed ") << r.sources.size()
              << " file(s) of " << r.org << ": " << r.assets << " assets, " << r.relations
              << " relations, " << r.warnings << " warning(s)";
    if (r.locations_dropped) {
      std::cout << " (-" << r.locations_dropped
                << " implied: sites, halls or racks that no remaining row names)";
    }
    if (r.locations_implied) {
      std::cout << " (+" << r.locations_implied
                << " implied: sites, halls or racks a removed file declared that remaining rows "
                   "name)";
    }
    if (r.org_gone) std::cout << "; nothing of " << r.org << " is left";
    std::cout << '\n';
    if (!r.sources.empty() && args->dry_run) {
      std::cout << "files: " << core::Join(r.sources, ", ") << '\n';
    }
    return 0;
  };
}

}  // namespace samdrift::tools
