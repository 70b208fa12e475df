#include "importers/registry.h"

#include "importers/archimate.h"
#include "importers/generic_csv.h"
#include "importers/glpi_json.h"
#include "importers/glpi_xml.h"
#include "importers/netbox_ipam.h"

namespace samdrift::importers {

const std::vector<const Importer*>& AllImporters() {
  // The one explicit table. Order breaks ties in detection.
  static const GenericCsvImporter kAssets(GenericTable::kAssets);
  static const GenericCsvImporter kRelations(GenericTable::kRelations);
  static const GenericCsvImporter kHalls(GenericTable::kHalls);
  static const GenericCsvImporter kNetworks(GenericTable::kNetworks);
  static const GlpiXmlImporter kGlpiXml;
  static const GlpiJsonImporter kGlpiJson;
  static const ArchimateImporter kArchimate;
  static const NetboxIpamImporter kNetboxIpam;
  static const std::vector<const Importer*> kAll = {
      &kAssets,
      &kRelations,
      &kHalls,
      &kNetworks,
      &kGlpiXml,
      &kGlpiJson,
      &kArchimate,
      &kNetboxIpam,
  };
  return kAll;
}

const Importer* FindImporter(std::string_view name) {
  for (const Importer* importer : AllImporters()) {
    if (importer->Name() == name) return importer;
  }
  return nullptr;
}

const Importer* DetectImporter(std::string_view content) {
  const Importer* best = nullptr;
  int best_score = 0;
  for (const Importer* importer : AllImporters()) {
    int score = importer->Sniff(content);
    if (score > best_score) {
      best_score = score;
      best = importer;
    }
  }
  return best;
}

}  // namespace samdrift::importers
