// GLPI agent, FusionInventory and OCS inventory XML: REQUEST with QUERY INVENTORY (a computer),
// SNMPQUERY (network inventory of one device) or NETDISCOVERY (the devices a scan found), and
// CONTENT. Parses into the shared glpi::Inventory; glpi_model decides what it becomes.
#ifndef SAMDRIFT_IMPORTERS_GLPI_XML_H_
#define SAMDRIFT_IMPORTERS_GLPI_XML_H_

#include "importers/importer.h"

namespace samdrift::importers {

class GlpiXmlImporter final : public Importer {
 public:
  std::string_view Name() const override { return "glpi-xml"; }
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_GLPI_XML_H_
