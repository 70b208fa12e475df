// lldpd's neighbour table as XML (`lldpctl -f xml`, root <lldp>): each neighbour becomes a
// connected_to relation from this host's interface to the neighbour's chassis (its SysName,
// short form), and the neighbour a device asset with the vendor, product and version its
// SysDescr names (WriteMode::kFill: an inventory's record of the same switch wins).
//
// lldpctl does not name the local host. It is taken from a <local-chassis> in the file when
// there is one (lldpcli show chassis), else from the file name without folders, extension and a
// leading "lldpctl-"/"lldp-" (the samples' convention: lldp/lldpctl-vgd-pve01.xml is vgd-pve01).
#ifndef SAMDRIFT_IMPORTERS_LLDPCTL_XML_H_
#define SAMDRIFT_IMPORTERS_LLDPCTL_XML_H_

#include "importers/importer.h"

namespace samdrift::importers {

class LldpctlXmlImporter final : public Importer {
 public:
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_LLDPCTL_XML_H_
