// NetBox bulk-import files, one importer per object type (netbox-sites, netbox-racks,
// netbox-devices, netbox-cables, ...), each reading CSV, JSON or YAML with NetBox's own field
// names. Which type a file holds is decided from its header or keys, never its name. What each
// type becomes in the model is in its Produces() line (see netbox_columns.cc).
#ifndef SAMDRIFT_IMPORTERS_NETBOX_IMPORTER_H_
#define SAMDRIFT_IMPORTERS_NETBOX_IMPORTER_H_

#include "importers/importer.h"
#include "importers/netbox_columns.h"

namespace samdrift::importers {

class NetboxImporter final : public Importer {
 public:
  explicit NetboxImporter(NetboxType type) : type_(type) {}
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;

 private:
  NetboxType type_;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NETBOX_IMPORTER_H_
