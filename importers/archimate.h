// The archimate-xml importer: an ArchiMate 3 Model Exchange File (as Archi exports it) becomes
// sites, halls, devices, clusters, VMs, software, networks and services, and the relationships
// between them become samdrift relations and locations. The mapping tables are in
// importers/README.md; names, kinds and keys are deterministic for a given file.
#ifndef SAMDRIFT_IMPORTERS_ARCHIMATE_H_
#define SAMDRIFT_IMPORTERS_ARCHIMATE_H_

#include "importers/importer.h"

namespace samdrift::importers {

class ArchimateImporter : public Importer {
 public:
  std::string_view Name() const override { return "archimate-xml"; }
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  // Assets are written in patch mode: where an inventory of the same batch or an earlier one
  // already has the asset (same org, kind and name), the model adds to it and the inventory's
  // category and source stay.
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_ARCHIMATE_H_
