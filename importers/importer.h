// The one interface every importer implements. Importers read a buffer (never a path) and fill a
// Batch; every problem goes to Diagnostics with its location. They never touch the store.
#ifndef SAMDRIFT_IMPORTERS_IMPORTER_H_
#define SAMDRIFT_IMPORTERS_IMPORTER_H_

#include <map>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/model.h"

namespace samdrift::importers {

class MachineNames;

// Where an asset's org comes from: the --org option, or (NetBox) each row's tenant.
enum class OrgSource { kOption, kTenant };

struct ImportOptions {
  std::string org;  // the --org id; the fallback when rows carry no tenant
  OrgSource org_source = OrgSource::kOption;
  std::map<std::string, std::string> tenant_to_org;  // optional mapping for kTenant
  // The names machines hold in this import and the store (set by the batch for its files);
  // importers of machines take their names from it. Null: each file on its own.
  MachineNames* machine_names = nullptr;
};

class Importer {
 public:
  virtual ~Importer() = default;

  // Stable name used by --format, e.g. "netbox-csv".
  virtual std::string_view Name() const = 0;
  // One line each for `formats`: what it reads, what it produces.
  virtual std::string_view Reads() const = 0;
  virtual std::string_view Produces() const = 0;
  // How sure the importer is that it reads this content (raw bytes, possibly just the first
  // 64 KiB of the file): 0 = not at all, 100 = certain. Decided from content, not file names.
  virtual int Sniff(std::string_view content) const = 0;
  // Parses one file's raw bytes. `source` names the file in diagnostics and provenance.
  virtual void Import(std::string_view content, const std::string& source,
                      const ImportOptions& options, core::Batch& batch,
                      core::Diagnostics& diagnostics) const = 0;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_IMPORTER_H_
