// The real NetBox files of netbox-zero-to-hero (../shared/real-inventories/netbox/z2h__*).
#include <catch2/catch.hpp>

#include "core/device_types.h"
#include "core/store.h"
#include "importers/batch_import.h"
#include "importers/netbox_importer.h"
#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::NetboxImporter;
using importers::NetboxType;
using testing::Formatted;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kReal = std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/netbox/";
const std::string kOrganization = kReal + "z2h__2-setting-up-the-organization__csv_data__";
const std::string kBrisbaneCables =
    kReal + "z2h__5-making-the-connections__csv_data__Brisbane_Cables.csv";
const std::string kVirtualization = kReal + "z2h__8-what-about-virtualization__csv_data__";
const std::string kPowering = kReal + "z2h__9-powering-up__csv_data__";

std::string Detected(const std::string& path) {
  const importers::Importer* importer = importers::DetectImporter(ReadFixture(path));
  return importer ? std::string(importer->Name()) : "";
}

testing::Imported Import(NetboxType type, const std::string& path) {
  return RunImporter(NetboxImporter(type), ReadFixture(path), path);
}

std::size_t Count(const core::Batch& b, core::RelationKind kind) {
  std::size_t n = 0;
  for (const core::Relation& r : b.relations) n += r.kind == kind ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("real files are detected as their NetBox object type", "[importers][netbox][real]") {
  struct Case {
    std::string path;
    const char* importer;
  };
  const Case cases[] = {
      {kOrganization + "netbox_regions.csv", "netbox-lookups"},
      {kOrganization + "netbox_sites.csv", "netbox-sites"},
      {kOrganization + "netbox_locations.csv", "netbox-locations"},
      {kOrganization + "netbox_racks.csv", "netbox-racks"},
      {kBrisbaneCables, "netbox-cables"},
      {kVirtualization + "cables.csv", "netbox-cables"},
      {kVirtualization + "devices.csv", "netbox-devices"},
      {kPowering + "cables.csv", "netbox-cables"},
      {kPowering + "devices.csv", "netbox-devices"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    CHECK(Detected(c.path) == c.importer);
  }
}

TEST_CASE("z2h organization: regions, sites, locations", "[importers][netbox][real]") {
  auto regions = Import(NetboxType::kLookup, kOrganization + "netbox_regions.csv");
  CHECK(regions.batch.assets.empty());
  REQUIRE(regions.lines().size() == 1);
  CHECK(regions.lines()[0].find("warning[NBX008]: 25 NetBox lookup object(s)") !=
        std::string::npos);

  auto sites = Import(NetboxType::kSite, kOrganization + "netbox_sites.csv");
  CHECK(sites.lines().empty());
  REQUIRE(sites.batch.assets.size() == 10);
  const core::Asset& london = sites.batch.assets[8];
  CHECK(london.name == "UKLON01");
  CHECK(london.kind == core::AssetKind::kSite);
  CHECK(*london.Attr("region") == "London");
  CHECK(*london.Attr("group") == "Corporate");
  CHECK(*london.Attr("tenant") == "Finance");

  auto locations = Import(NetboxType::kLocation, kOrganization + "netbox_locations.csv");
  CHECK(locations.lines().empty());
  REQUIRE(locations.batch.assets.size() == 11);
  for (const core::Asset& hall : locations.batch.assets) {
    CHECK(hall.kind == core::AssetKind::kHall);
  }
  CHECK(locations.batch.assets[8].Key() == "UKLON01/Data Center");
  CHECK(locations.batch.references.size() == 11);
}

TEST_CASE("z2h racks: the from_factor typo is named with its fix", "[importers][netbox][real]") {
  auto racks = Import(NetboxType::kRack, kOrganization + "netbox_racks.csv");
  CHECK(racks.lines() ==
        std::vector<std::string>{
            kOrganization +
            "netbox_racks.csv:1:7: error[CSV003]: unknown column 'from_factor'; did you mean "
            "'form_factor'?"});
  // Every row is still checked (so all problems are reported at once).
  REQUIRE(racks.batch.assets.size() == 17);
  CHECK(racks.batch.assets[9].Key() == "UKLON01/Data Center/UKLON01-RK-03");
  CHECK(*racks.batch.assets[9].Attr("u_height") == "42");
}

TEST_CASE("z2h sites + locations + regions import as one batch", "[importers][netbox][real]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  importers::ImportRequest request;
  // Locations before the sites they name: order in a batch does not matter.
  request.paths = {kOrganization + "netbox_locations.csv", kOrganization + "netbox_regions.csv",
                   kOrganization + "netbox_sites.csv"};
  request.options.org = "gnosjo";
  core::Diagnostics diagnostics;
  auto report = importers::RunImport(request, store->get(), diagnostics);
  INFO(Formatted(diagnostics).front());
  REQUIRE(report.ok());
  CHECK(diagnostics.error_count() == 0);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->orgs["gnosjo"].by_kind[core::AssetKind::kSite] == 10);
  CHECK(stats->orgs["gnosjo"].by_kind[core::AssetKind::kHall] == 11);
}

TEST_CASE("z2h devices: two devices per file", "[importers][netbox][real]") {
  auto vsphere = Import(NetboxType::kDevice, kVirtualization + "devices.csv");
  CHECK(vsphere.lines().empty());
  REQUIRE(vsphere.batch.assets.size() == 2);
  const core::Asset& host = vsphere.batch.assets[0];
  CHECK(host.name == "AUBRI01-VSP-1");
  CHECK(host.role == "vsphere");
  CHECK(host.vendor == "HPE");
  CHECK(host.product == "ProLiant DL380 Gen9");
  CHECK(host.site == "AUBRI01");
  CHECK(host.hall == "Comms Room");
  CHECK(host.rack == "AUBRI01-RK-01");
  CHECK(host.position == 1);
  CHECK(vsphere.batch.assets[1].position == 3);
  CHECK(*host.Attr("airflow") == "front-to-rear");

  auto pdus = Import(NetboxType::kDevice, kPowering + "devices.csv");
  CHECK(pdus.lines().empty());
  REQUIRE(pdus.batch.assets.size() == 2);
  CHECK(pdus.batch.assets[1].name == "AUBRI01-PDU-2");
  CHECK(pdus.batch.assets[1].role == "pdu");
  CHECK(*pdus.batch.assets[1].Attr("face") == "rear");

  // Figures come from the catalog when planners resolve them.
  auto catalog = RunImporter(*importers::FindImporter("netbox-device-type"),
                             ReadFixture(kReal + "dtl__device-types__APC__AP7921B.yaml"), "apc");
  core::Asset pdu = pdus.batch.assets[0];
  core::ResolveFigures(pdu, catalog.batch.device_types);
  CHECK(pdu.u_height == 1);
  CHECK(pdu.power_w == 0.0);  // the catalog has no draw; a PDU's own default is 0 W
  CHECK(pdu.estimated);
  core::Asset gen9 = host;
  core::ResolveFigures(gen9, catalog.batch.device_types);
  CHECK(gen9.u_height == 2);  // not in the catalog: the server default
  CHECK(gen9.estimated);
}

TEST_CASE("z2h Brisbane cables: interfaces, console and patch panel", "[importers][netbox][real]") {
  auto r = Import(NetboxType::kCable, kBrisbaneCables);
  CHECK(r.lines().empty());
  REQUIRE(r.batch.relations.size() == 23);
  CHECK(Count(r.batch, core::RelationKind::kConnectedTo) == 23);
  const core::Relation& first = r.batch.relations[0];
  CHECK(first.source == "AUBRI01-RTR-1");
  CHECK(first.source_port == "GigabitEthernet0");
  CHECK(first.target == "AUBRI01-SW-1");
  CHECK(first.target_port == "ge-0/0/47");
  const core::Relation& console = r.batch.relations[3];
  CHECK(console.source == "AUBRI01-RTR-1");
  CHECK(console.source_port == "console:con 0");
  CHECK(console.target == "AUBRI01-CON-1");
  CHECK(console.target_port == "console:ttyS1");
  const core::Relation& patch = r.batch.relations[22];
  CHECK(patch.target == "AUBRI01-PAN-1");
  CHECK(patch.target_port == "18");
  CHECK(r.batch.references.size() == 46);

  auto virtualization = Import(NetboxType::kCable, kVirtualization + "cables.csv");
  CHECK(virtualization.lines().empty());
  CHECK(Count(virtualization.batch, core::RelationKind::kConnectedTo) == 6);
}

TEST_CASE("z2h powering-up cables: powered_by the PDUs", "[importers][netbox][real]") {
  auto r = Import(NetboxType::kCable, kPowering + "cables.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.relations.size() == 8);
  CHECK(Count(r.batch, core::RelationKind::kPoweredBy) == 8);
  const core::Relation& psu = r.batch.relations[0];
  CHECK(psu.source == "AUBRI01-SW-1");
  CHECK(psu.source_port == "PSU0");
  CHECK(psu.target == "AUBRI01-PDU-1");
  CHECK(psu.target_port == "Outlet 1");
}

TEST_CASE("z2h devices and cables resolve against the batch and the store",
          "[importers][netbox][real]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  // What earlier modules of the course created: the site, its room and rack, the network kit.
  core::Batch earlier;
  core::Diagnostics none;
  const std::string kit =
      "name,role,manufacturer,device_type,site,location,rack,position\n"
      "AUBRI01-SW-1,Access Switch,Juniper,EX4300-48P,AUBRI01,Comms Room,AUBRI01-RK-01,20\n"
      "AUBRI01-CON-1,Console Server,Avocent,ACS16,AUBRI01,Comms Room,AUBRI01-RK-01,21\n"
      "AUBRI01-RTR-1,Router,Cisco,ISR4321,AUBRI01,Comms Room,AUBRI01-RK-01,22\n"
      "AUBRI01-PAN-1,Patch Panel,Panduit,CPP48HDEWBL,AUBRI01,Comms Room,AUBRI01-RK-01,23\n";
  importers::ImportOptions options;
  options.org = "gnosjo";
  NetboxImporter(NetboxType::kRack)
      .Import("site,location,name,status,u_height\nAUBRI01,Comms Room,AUBRI01-RK-01,active,42\n",
              "racks.csv", options, earlier, none);
  NetboxImporter(NetboxType::kDevice).Import(kit, "kit.csv", options, earlier, none);
  REQUIRE_FALSE(none.has_errors());
  REQUIRE((*store)->Apply(earlier).ok());

  importers::ImportRequest request;
  // Cables before the devices they join.
  request.paths = {kBrisbaneCables, kPowering + "cables.csv", kVirtualization + "cables.csv",
                   kPowering + "devices.csv", kVirtualization + "devices.csv"};
  request.options = options;
  core::Diagnostics diagnostics;
  auto report = importers::RunImport(request, store->get(), diagnostics);
  CHECK(Formatted(diagnostics).empty());
  REQUIRE(report.ok());
  CHECK(report->stored.assets_written == 4);
  CHECK(report->stored.relations_written == 23 + 8 + 6);
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->unresolved_relations == 0);
  CHECK(stats->orgs["gnosjo"].by_kind[core::AssetKind::kDevice] == 8);
}

TEST_CASE("the Gislaved sample's NetBox export imports whole", "[importers][netbox][samples]") {
  const std::string dir = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories/gislaved/";
  auto rows = [&](const char* file) {
    std::string text = ReadFixture(dir + file);
    std::size_t lines = 0;
    for (char c : text) lines += c == '\n' ? 1 : 0;
    return lines - 1;  // the header
  };
  const char* files[] = {
      "sites.csv",    "locations.csv",        "racks.csv",           "devices.csv",
      "cables.csv",   "power-panels.csv",     "power-feeds.csv",     "power-ports.csv",
      "clusters.csv", "virtual-machines.csv", "virtual-chassis.csv", "interfaces.csv"};
  importers::ImportRequest request;
  for (const char* file : files) {
    INFO(file);
    REQUIRE(rows(file) > 0);
    request.paths.push_back(dir + file);
  }
  request.paths.push_back(std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories/device-types");
  request.options.org = "gislaved";
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  core::Diagnostics diagnostics;
  auto report = importers::RunImport(request, store->get(), diagnostics);
  CHECK(diagnostics.error_count() == 0);
  CHECK(diagnostics.warning_count() == 2);  // interfaces and virtual chassis: not stored
  REQUIRE(report.ok());
  auto stats = (*store)->Stats();
  REQUIRE(stats.ok());
  auto& kinds = stats->orgs["gislaved"].by_kind;
  CHECK(kinds[core::AssetKind::kSite] == rows("sites.csv"));
  CHECK(kinds[core::AssetKind::kHall] == rows("locations.csv"));
  CHECK(kinds[core::AssetKind::kRack] == rows("racks.csv"));
  CHECK(kinds[core::AssetKind::kDevice] ==
        rows("devices.csv") + rows("power-panels.csv") + rows("power-feeds.csv"));
  CHECK(kinds[core::AssetKind::kCluster] == rows("clusters.csv"));
  CHECK(kinds[core::AssetKind::kVm] == rows("virtual-machines.csv"));
  CHECK(stats->unresolved_relations == 0);
  CHECK(stats->device_types > 0);
}
