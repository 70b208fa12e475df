// Inside the RVTools importer: which rows of one name (vInfo VMs, vHost hosts) are the same
// machine, and names for the ones that are not.
#ifndef SAMDRIFT_IMPORTERS_RVTOOLS_IDENTITY_H_
#define SAMDRIFT_IMPORTERS_RVTOOLS_IDENTITY_H_

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"

namespace samdrift::importers::rvtools {

// What tells one VM or host from another of the same name. Rows are assets (and relations) in
// the batch already; NameMachines renames those of names that turn out ambiguous.
struct Machine {
  std::string name;       // as named by default: the VM name, the host's short name
  std::string full_name;  // VM name, the host name as written (an FQDN)
  std::string uuid;       // VM UUID, the host's hardware UUID
  std::string serial;     // hosts only
  std::vector<std::pair<std::string, std::string>> places;  // ("cluster", "Prod"), ...
  core::SourceLocation at;
  std::size_t asset = 0;               // index in batch.assets
  std::vector<std::size_t> relations;  // indices in batch.relations it is the source of
};

enum class MachineKind { kVm, kHost };

// Rows of one name that are different machines (by full name, UUID or serial) stay apart: named
// by their full names when those differ, else with the first place (datacenter, cluster,
// folder) that tells them apart, else with the serial or UUID; one warning (RVT007) each.
void NameMachines(const std::vector<Machine>& machines, MachineKind kind, core::Batch& batch,
                  core::Diagnostics& diagnostics);

}  // namespace samdrift::importers::rvtools

#endif  // SAMDRIFT_IMPORTERS_RVTOOLS_IDENTITY_H_
