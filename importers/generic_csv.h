// samdrift's own CSV templates for Excel users (docs/formats.md): assets, relations, halls and
// networks, with English or Swedish headers.
#ifndef SAMDRIFT_IMPORTERS_GENERIC_CSV_H_
#define SAMDRIFT_IMPORTERS_GENERIC_CSV_H_

#include "importers/importer.h"

namespace samdrift::importers {

enum class GenericTable { kAssets, kRelations, kHalls, kNetworks };

class GenericCsvImporter final : public Importer {
 public:
  explicit GenericCsvImporter(GenericTable table) : table_(table) {}
  std::string_view Name() const override;
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;

 private:
  GenericTable table_;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_GENERIC_CSV_H_
