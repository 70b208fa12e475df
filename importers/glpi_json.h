// GLPI inventory_format JSON (the agent's native format since GLPI 10): an object with
// "content", "deviceid", "itemtype" (Computer, Phone, NetworkEquipment, Printer, Unmanaged),
// "action" and "partial". Parses into the shared glpi::Inventory; glpi_model decides what it
// becomes. Errors carry line and column.
#ifndef SAMDRIFT_IMPORTERS_GLPI_JSON_H_
#define SAMDRIFT_IMPORTERS_GLPI_JSON_H_

#include "importers/importer.h"

namespace samdrift::importers {

class GlpiJsonImporter final : public Importer {
 public:
  std::string_view Name() const override { return "glpi-json"; }
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_GLPI_JSON_H_
