#include "importers/registry.h"

#include "importers/archimate.h"
#include "importers/device_type_yaml.h"
#include "importers/generic_csv.h"
#include "importers/glpi_json.h"
#include "importers/glpi_xml.h"
#include "importers/lldpctl_xml.h"
#include "importers/lshw_xml.h"
#include "importers/netbox_importer.h"
#include "importers/netbox_ipam.h"
#include "importers/nmap_xml.h"
#include "importers/rvtools_csv.h"
#include "importers/xml_prolog.h"

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
  static const NetboxImporter kNetboxSites(NetboxType::kSite);
  static const NetboxImporter kNetboxLocations(NetboxType::kLocation);
  static const NetboxImporter kNetboxRacks(NetboxType::kRack);
  static const NetboxImporter kNetboxDevices(NetboxType::kDevice);
  static const NetboxImporter kNetboxVirtualChassis(NetboxType::kVirtualChassis);
  static const NetboxImporter kNetboxInterfaces(NetboxType::kInterface);
  static const NetboxImporter kNetboxCables(NetboxType::kCable);
  static const NetboxImporter kNetboxPowerPanels(NetboxType::kPowerPanel);
  static const NetboxImporter kNetboxPowerFeeds(NetboxType::kPowerFeed);
  static const NetboxImporter kNetboxPowerPorts(NetboxType::kPowerPort);
  static const NetboxImporter kNetboxClusters(NetboxType::kCluster);
  static const NetboxImporter kNetboxVirtualMachines(NetboxType::kVirtualMachine);
  static const NetboxImporter kNetboxLookups(NetboxType::kLookup);
  static const DeviceTypeYamlImporter kNetboxDeviceType;
  static const NetboxIpamImporter kNetboxIpam;
  static const NmapXmlImporter kNmap;
  static const LshwXmlImporter kLshw;
  static const LldpctlXmlImporter kLldpctl;
  static const RvToolsCsvImporter kRvInfo(RvToolsTab::kVInfo);
  static const RvToolsCsvImporter kRvHost(RvToolsTab::kVHost);
  static const RvToolsCsvImporter kRvCluster(RvToolsTab::kVCluster);
  static const RvToolsCsvImporter kRvDatastore(RvToolsTab::kVDatastore);
  // clang-format off
  static const std::vector<const Importer*> kAll = {
      &kAssets,
      &kRelations,
      &kHalls,
      &kNetworks,
      &kGlpiXml,
      &kGlpiJson,
      &kArchimate,
      &kNetboxSites,
      &kNetboxLocations,
      &kNetboxRacks,
      &kNetboxDevices,
      &kNetboxVirtualChassis,
      &kNetboxInterfaces,
      &kNetboxCables,
      &kNetboxPowerPanels,
      &kNetboxPowerFeeds,
      &kNetboxPowerPorts,
      &kNetboxClusters,
      &kNetboxVirtualMachines,
      &kNetboxLookups,
      &kNetboxDeviceType,
      &kNetboxIpam,
      &kNmap,
      &kLshw,
      &kLldpctl,
      &kRvInfo,
      &kRvHost,
      &kRvCluster,
      &kRvDatastore,
  };
  // clang-format on
  return kAll;
}

const Importer* FindImporter(std::string_view name) {
  for (const Importer* importer : AllImporters()) {
    if (importer->Name() == name) return importer;
  }
  return nullptr;
}

const Importer* DetectImporter(std::string_view content) {
  std::string storage;
  const std::string_view window = SniffWindow(content, kSniffWindow, storage);
  const Importer* best = nullptr;
  int best_score = 0;
  for (const Importer* importer : AllImporters()) {
    int score = importer->Sniff(window);
    if (score > best_score) {
      best_score = score;
      best = importer;
    }
  }
  return best;
}

}  // namespace samdrift::importers
