// RVTools' CSV export of a vCenter (RVTools_tabvInfo.csv, _tabvHost, _tabvCluster,
// _tabvDatastore), one importer per tab, told apart by the header row. Columns are matched by
// the names RVTools documents; RVTools has many more columns and every version adds some, so
// columns not listed are ignored, but a missing required column is an error.
//   vInfo:      a vm per row (templates skipped) that runs_on its host; OS in attributes.
//   vHost:      a device (role hypervisor) per host, member_of its cluster; ESX Version becomes
//               attributes hypervisor / hypervisor_version (what the catalog matches).
//   vCluster:   a cluster per row with host count, CPU, memory, HA and DRS.
//   vDatastore: datastore names and capacity as attributes of the hosts and clusters using them.
// Everything is written with WriteMode::kFill: a CMDB's record of the same host or VM wins.
#ifndef SAMDRIFT_IMPORTERS_RVTOOLS_CSV_H_
#define SAMDRIFT_IMPORTERS_RVTOOLS_CSV_H_

#include "importers/importer.h"

namespace samdrift::importers {

enum class RvToolsTab { kVInfo, kVHost, kVCluster, kVDatastore };

class RvToolsCsvImporter final : public Importer {
 public:
  explicit RvToolsCsvImporter(RvToolsTab tab) : tab_(tab) {}
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;

 private:
  RvToolsTab tab_;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_RVTOOLS_CSV_H_
