#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "core/text.h"
#include "tools/command.h"

namespace samdrift::tools {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"init", "create an empty store (harmless on an existing samdrift store)", SetupInit},
      {"import", "import inventory files for one municipality (all or nothing)", SetupImport},
      {"remove", "take out what a municipality (or some of its files) brought (all or nothing)",
       SetupRemove},
      {"orgs", "the municipalities in the store, with display names", SetupOrgs},
      {"org", "give a municipality a display name: org ID --name NAME", SetupOrg},
      {"formats", "list the importers: name, what they read, what they produce", SetupFormats},
      {"stats", "counts per municipality and category", SetupStats},
      {"overlap", "what the municipalities share: technologies per org, a similarity matrix",
       SetupOverlap},
      {"target", "the standard per capability (fixed or proposed) and each org's gap to it",
       SetupTarget},
      {"lifecycle", "per municipality, what is past or near end of support", SetupLifecycle},
      {"plan", "migration waves: dependencies, redundancy, limits and hall capacity", SetupPlan},
      {"halls", "hall plan: racks placed in the target halls, capacity use, rack elevations as SVG",
       SetupHalls},
      {"net", "address plans: overlapping prefixes and VLAN clashes between orgs, what to renumber",
       SetupNet},
      {"risk", "SLA tiers, availability today and in the target, single points of failure",
       SetupRisk},
      {"compare", "the study's alternatives side by side: criteria, costs, halls, hours, timeline",
       SetupCompare},
      {"report", "the pre-study report: HTML, XLSX and CSV tables", SetupReport},
      {"export", "the model for other tools: ArchiMate exchange XML, Graphviz DOT or JSON",
       SetupExport},
      {"serve", "the pre-study group's working room in the browser (127.0.0.1:8080 unless told)",
       SetupServe},
      {"demo", "the whole flow on the bundled sample inventories, ending in a report", SetupDemo},
  };
  return kCommands;
}

int Fail(const core::Status& status) {
  std::cerr << "samdrift: " << status.message() << '\n';
  return status.exit_code();
}

std::size_t OrgColumnWidth(const core::OrgNames& names, const std::vector<std::string>& orgs,
                           std::size_t min) {
  std::size_t width = min;
  for (const std::string& org : orgs) {
    width = std::max(width, core::DisplayWidth(core::DisplayName(names, org)) + 2);
  }
  return width;
}

void PrintDiagnostics(const core::Diagnostics& diagnostics) {
  constexpr std::size_t kShown = 100;
  std::size_t shown = 0;
  for (const core::Diagnostic& d : diagnostics.items()) {
    if (shown == kShown) break;
    std::cerr << core::FormatDiagnostic(d) << '\n';
    ++shown;
  }
  if (diagnostics.total() > shown) {
    std::cerr << "... and " << diagnostics.total() - shown << " more problems ("
              << diagnostics.error_count() << " errors and " << diagnostics.warning_count()
              << " warnings in all)\n";
  }
}

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

core::Result<std::unique_ptr<core::Store>> OpenStore(const GlobalOptions& global,
                                                     core::OpenMode mode) {
  return core::Store::Open(global.db, mode);
}

}  // namespace samdrift::tools
