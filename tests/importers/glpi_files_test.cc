// GLPI importers on files: fixtures with one defect each (tests/data/glpi), and the real
// inventories of the GLPI project's inventory_format repository (../shared/real-inventories/glpi).
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "importers/glpi_json.h"
#include "importers/glpi_xml.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const importers::GlpiXmlImporter kXml;
const importers::GlpiJsonImporter kJson;
const std::string kData = SAMDRIFT_TEST_DATA;
const std::string kReal = std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/glpi/";

const importers::Importer& ImporterFor(const std::string& file) {
  return file.ends_with(".json") ? static_cast<const importers::Importer&>(kJson) : kXml;
}

std::size_t CountKind(const core::Batch& b, core::AssetKind kind) {
  std::size_t n = 0;
  for (const core::Asset& a : b.assets) n += a.kind == kind;
  return n;
}

std::size_t CountRelations(const core::Batch& b, core::RelationKind kind) {
  std::size_t n = 0;
  for (const core::Relation& r : b.relations) n += r.kind == kind;
  return n;
}

}  // namespace

TEST_CASE("GLPI fixtures: one defect each, reported in full", "[importers][glpi]") {
  struct Case {
    const char* file;
    std::vector<std::string> expected;
    std::size_t assets;
  };
  const Case cases[] = {
      {"invalid-mac.xml",
       {"glpi/invalid-mac.xml:10:7: warning[GLPI010]: MAC address 'd5:c9:gh:81:cf:80' is not "
        "six hexadecimal octets; ignored"},
       1},
      {"na-install-date.xml",
       {"glpi/na-install-date.xml:8:7: warning[GLPI012]: install date 'N/A' is not a date; "
        "ignored"},
       2},
      {"no-xml-declaration.xml", {}, 1},
      {"wrong-root-element.xml",
       {"glpi/wrong-root-element.xml:2:1: error[GLPI002]: the root element is <INVENTORY>; a "
        "GLPI agent, FusionInventory or OCS inventory is a <REQUEST> with <QUERY> and "
        "<CONTENT>"},
       0},
      {"missing-content.xml",
       {"glpi/missing-content.xml:2:1: error[GLPI002]: <REQUEST> has no <CONTENT> (QUERY "
        "INVENTORY); an inventory carries its data there"},
       0},
      {"unknown-query.xml",
       {"glpi/unknown-query.xml:4:3: error[GLPI005]: QUERY 'PROLOG_RESPONSE' is not an "
        "inventory; expected INVENTORY, SNMPQUERY or NETDISCOVERY"},
       0},
      {"truncated.xml",
       {"glpi/truncated.xml:5:30: error[XML001]: malformed XML: Start-end tags mismatch"},
       0},
      {"no-host-name.xml",
       {"glpi/no-host-name.xml:2:1: error[GLPI007]: the inventory names no computer: no host "
        "name (HARDWARE/NAME, hardware.name) and no deviceid"},
       0},
      {"unnamed-software.xml",
       {"glpi/unnamed-software.xml:7:5: warning[GLPI014]: software without a name; skipped"},
       1},
      {"duplicate-vm.xml",
       {"glpi/duplicate-vm.xml:12:5: warning[GLPI015]: virtual machine 'gno-app01' is listed "
        "twice; the first is kept"},
       2},
      {"unknown-device-type.xml",
       {"glpi/unknown-device-type.xml:7:7: warning[GLPI017]: device type 'TOASTER' is not one "
        "of Networking, Printer, Storage, Power, Phone, Video, KVM, Computer, Unmanaged; "
        "imported as unmanaged"},
       1},
      {"device-without-name.xml",
       {"glpi/device-without-name.xml:4:5: warning[GLPI008]: device with no name, IP or MAC "
        "address; skipped"},
       0},
      {"malformed.json",
       {"glpi/malformed.json:7:5: error[GLPI001]: malformed JSON: syntax error while parsing "
        "object - unexpected string literal; expected '}'"},
       0},
      {"not-an-inventory.json",
       {"glpi/not-an-inventory.json:1:1: error[GLPI002]: a GLPI inventory has \"content\" and "
        "\"deviceid\" (and usually \"itemtype\"); found keys \"hosts\", \"generated\""},
       0},
      {"softwares-not-an-array.json",
       {"glpi/softwares-not-an-array.json:5:18: error[GLPI004]: content.softwares: expected an "
        "array, found an object"},
       0},
      {"unknown-itemtype.json",
       {"glpi/unknown-itemtype.json:8:15: error[GLPI005]: itemtype 'Laptop' is not one of "
        "Computer, Phone, NetworkEquipment, Printer, Unmanaged"},
       0},
      {"invalid-ip.json",
       {"glpi/invalid-ip.json:6:48: warning[GLPI011]: IP address '10.10.20.256' is not valid; "
        "ignored"},
       1},
      {"invalid-bios-date.json",
       {"glpi/invalid-bios-date.json:4:23: warning[GLPI012]: BIOS date '2024-13-01' is not a "
        "date; ignored"},
       1},
      {"nameless-lldp-neighbour.json",
       {"glpi/nameless-lldp-neighbour.json:7:25: warning[GLPI016]: CDP/LLDP neighbour on port "
        "'TenGigabitEthernet1/1/1' has no name, IP or MAC address; no connection recorded"},
       1},
      {"top-level-array.json",
       {"glpi/top-level-array.json:1:1: error[GLPI002]: a GLPI inventory is an object with "
        "\"content\" and \"deviceid\" (and usually \"itemtype\"); found an array"},
       0},
      {"empty.json", {"glpi/empty.json:1: error[GLPI006]: the file is empty"}, 0},
      {"cp1252-bytes.json",
       {"glpi/cp1252-bytes.json:1: warning[GLPI018]: the file has bytes that are not UTF-8; "
        "read them as Windows-1252"},
       1},
  };
  std::set<std::string> covered;
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string file = c.file;
    auto r = RunImporter(ImporterFor(file), ReadFixture(kData + "/glpi/" + file), "glpi/" + file);
    CHECK(r.lines() == c.expected);
    CHECK(r.batch.assets.size() == c.assets);
    covered.insert(file);
  }
  // Every fixture in the folder is in the table.
  for (const auto& entry : std::filesystem::directory_iterator(kData + "/glpi")) {
    INFO(entry.path().filename().string());
    CHECK(covered.count(entry.path().filename().string()) == 1);
  }
}

TEST_CASE("cp1252 bytes in a JSON inventory are read as Windows-1252", "[importers][glpi]") {
  auto r = RunImporter(kJson, ReadFixture(kData + "/glpi/cp1252-bytes.json"), "x.json");
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].name ==
        "GIS-PC\xC3\xA4"
        "9");
}

TEST_CASE("GLPI real files: tests_data_1.xml is one laptop, three VMs and its software",
          "[importers][glpi][real]") {
  auto r = RunImporter(kXml, ReadFixture(kReal + "invfmt__tests_data_1.xml"), "tests_data_1.xml");
  CHECK(r.lines() ==
        std::vector<std::string>{"tests_data_1.xml:1134:7: warning[GLPI012]: install date 'N/A' "
                                 "is not a date; ignored"});
  CHECK(CountKind(r.batch, core::AssetKind::kClient) == 1);
  CHECK(CountKind(r.batch, core::AssetKind::kVm) == 3);
  CHECK(CountKind(r.batch, core::AssetKind::kSoftware) == 42);
  CHECK(r.batch.assets.size() == 46);
  CHECK(CountRelations(r.batch, core::RelationKind::kInstalledOn) == 42);
  CHECK(CountRelations(r.batch, core::RelationKind::kRunsOn) == 3);
  const core::Asset& pc = r.batch.assets[0];
  CHECK(pc.name == "LF014");
  CHECK(pc.role == "laptop");
  CHECK(pc.vendor == "TOSHIBA");
  CHECK(pc.product == "PORTEGE Z30-A");
  CHECK(pc.serial == "9E113232I");
  CHECK(pc.Attr("asset_tag") == nullptr);  // "0000000000" says nothing
  CHECK(*pc.Attr("os") == "Fedora release 25 (Twenty Five)");
  CHECK(*pc.Attr("os_version") == "25");
  CHECK(*pc.Attr("bios_date") == "2014-07-25");  // 07/25/2014, month first
  CHECK(*pc.Attr("ip") == "192.168.1.103,192.168.124.1,192.168.11.96");
  std::vector<std::string> vms;
  for (const core::Relation& rel : r.batch.relations) {
    if (rel.kind == core::RelationKind::kRunsOn) vms.push_back(rel.source + " -> " + rel.target);
  }
  CHECK(vms ==
        std::vector<std::string>{"centos7.0 -> LF014", "fedora23 -> LF014", "win8.1 -> LF014"});
}

TEST_CASE("GLPI real files: every example and test file imports with its counts",
          "[importers][glpi][real]") {
  struct Case {
    const char* file;
    std::size_t assets;
    std::size_t installed_on;
    std::size_t runs_on;
    std::size_t connected_to;
    std::size_t warnings;
    core::AssetKind kind;  // of the first asset
    const char* name;
    const char* role;
  };
  using K = core::AssetKind;
  const Case cases[] = {
      {"invfmt__tests_data_1.xml", 46, 42, 3, 0, 1, K::kClient, "LF014", "laptop"},
      {"invfmt__tests_data_2.xml", 9, 8, 0, 0, 0, K::kClient, "pc-arg-23", "laptop"},
      {"invfmt__tests_data_3.xml", 41, 40, 0, 0, 0, K::kClient, "MacBook-de-teclib", "computer"},
      {"invfmt__tests_data_13.xml", 2, 1, 0, 0, 0, K::kClient, "android-5a30d8711bbadc9d", "phone"},
      {"invfmt__tests_data_10.xml", 1, 0, 0, 0, 0, K::kDevice, "swdc-07-01-dc1", "switch"},
      {"invfmt__tests_data_17.xml", 1, 0, 0, 0, 1, K::kDevice, "J9803A", "switch"},
      {"invfmt__tests_data_6.xml", 1, 0, 0, 5, 0, K::kDevice, "ucs6248up-cluster-pa3-B", "switch"},
      {"invfmt__tests_data_7.xml", 1, 0, 0, 1, 0, K::kDevice, "ucs6248up-cluster-pa3-B", "switch"},
      {"invfmt__tests_data_8.xml", 1, 0, 0, 0, 0, K::kClient, "CE75I09008", "printer"},
      {"invfmt__examples_computer_1.json", 7, 6, 0, 0, 0, K::kClient, "glpixps", "laptop"},
      {"invfmt__examples_computer_2_partial_vms.json", 7, 0, 6, 0, 0, K::kClient, "COMP1",
       "laptop"},
      {"invfmt__examples_networkequipment_3.json", 1, 0, 0, 21, 0, K::kDevice, "HP-2530-48G",
       "switch"},
      {"invfmt__examples_networkequipment_5.json", 1, 0, 0, 1, 0, K::kDevice, "DGS-3420-52T",
       "switch"},
      {"invfmt__examples_phone_1.json", 4, 3, 0, 0, 0, K::kClient, "Mi9TPro-TéléphoneM", "phone"},
      {"invfmt__examples_printer_1.json", 1, 0, 0, 0, 0, K::kClient, "NPIF2BE10", "printer"},
  };
  std::set<std::string> covered;
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string file = c.file;
    auto r = RunImporter(ImporterFor(file), ReadFixture(kReal + file), file, "hylte");
    INFO(Catch::Detail::stringify(r.lines()));
    CHECK_FALSE(r.diagnostics.has_errors());
    CHECK(r.diagnostics.warning_count() == c.warnings);
    CHECK(r.batch.assets.size() == c.assets);
    CHECK(CountRelations(r.batch, core::RelationKind::kInstalledOn) == c.installed_on);
    CHECK(CountRelations(r.batch, core::RelationKind::kRunsOn) == c.runs_on);
    CHECK(CountRelations(r.batch, core::RelationKind::kConnectedTo) == c.connected_to);
    REQUIRE_FALSE(r.batch.assets.empty());
    CHECK(r.batch.assets[0].kind == c.kind);
    CHECK(r.batch.assets[0].name == c.name);
    CHECK(r.batch.assets[0].role == c.role);
    CHECK(r.batch.assets[0].org == "hylte");
    covered.insert(file);
  }
  // Every inventory in the shared folder is in the table (the schema is not an inventory).
  for (const auto& entry : std::filesystem::directory_iterator(kReal)) {
    std::string name = entry.path().filename().string();
    if (name.find("invfmt__tests_data_") == 0 || name.find("invfmt__examples_") == 0) {
      INFO(name);
      CHECK(covered.count(name) == 1);
    }
  }
}

TEST_CASE("GLPI real files: network equipment is cabled only where CDP/LLDP says so",
          "[importers][glpi][real]") {
  // networkequipment_3: 21 ports with "lldp": true (IP phones), 13 ports with learned MAC
  // lists only; those 13 give no relation.
  auto r = RunImporter(kJson, ReadFixture(kReal + "invfmt__examples_networkequipment_3.json"),
                       "ne3.json");
  std::set<std::string> ports;
  for (const core::Relation& rel : r.batch.relations) {
    CHECK(rel.kind == core::RelationKind::kConnectedTo);
    CHECK(rel.source == "HP-2530-48G");
    CHECK(rel.target == "Cisco IP Phone SPA303");
    CHECK(rel.target_port == "Port 1");
    ports.insert(rel.source_port);
  }
  CHECK(ports == std::set<std::string>{"1",  "2",  "3",  "5",  "6",  "9",  "11",
                                       "13", "14", "20", "21", "23", "26", "28",
                                       "29", "31", "33", "40", "42", "47", "48"});
  for (const char* learned :
       {"4", "8", "15", "25", "27", "35", "36", "37", "38", "39", "41", "45", "46"}) {
    CHECK(ports.count(learned) == 0);
  }

  // tests_data_6: 183 ports, CDP on five of them.
  auto x = RunImporter(kXml, ReadFixture(kReal + "invfmt__tests_data_6.xml"), "td6.xml");
  std::vector<std::string> links;
  for (const core::Relation& rel : x.batch.relations) {
    links.push_back(rel.source + "[" + rel.source_port + "] -> " + rel.target + "[" +
                    rel.target_port + "]");
  }
  CHECK(links == std::vector<std::string>{
                     "ucs6248up-cluster-pa3-B[mgmt0] -> sw2-mgmt-eqnx[FastEthernet0/2]",
                     "ucs6248up-cluster-pa3-B[Ethernet1/15] -> n9k-2-pa3[Ethernet1/5]",
                     "ucs6248up-cluster-pa3-B[Ethernet1/16] -> n9k-2-pa3[Ethernet1/6]",
                     "ucs6248up-cluster-pa3-B[Ethernet1/31] -> n9k-1-pa3[Ethernet1/5]",
                     "ucs6248up-cluster-pa3-B[Ethernet1/32] -> n9k-1-pa3[Ethernet1/6]"});
  CHECK(*x.batch.assets[0].Attr("ports") == "183");

  // tests_data_17: one port with two learned MACs and no CDP: no cable; the anonymised MAC
  // is a warning.
  auto m = RunImporter(kXml, ReadFixture(kReal + "invfmt__tests_data_17.xml"), "td17.xml");
  CHECK(m.batch.relations.empty());
  CHECK(m.lines() == std::vector<std::string>{
                         "td17.xml:28:9: warning[GLPI010]: MAC address 'd5:c9:gh:81:cf:80' is "
                         "not six hexadecimal octets; ignored"});
}

TEST_CASE("GLPI real files: the partial VM inventory patches", "[importers][glpi][real]") {
  auto r = RunImporter(kJson, ReadFixture(kReal + "invfmt__examples_computer_2_partial_vms.json"),
                       "partial.json");
  for (const core::Asset& a : r.batch.assets) CHECK(a.mode == core::WriteMode::kPatch);
  std::vector<std::string> names;
  for (const core::Asset& a : r.batch.assets) {
    if (a.kind == core::AssetKind::kVm) names.push_back(a.name + " (" + a.role + ")");
  }
  // Docker containers are named within their host; the VirtualBox VM keeps its own name.
  CHECK(names == std::vector<std::string>{
                     "COMP1/skydive-agent_1 (container)", "COMP1/skydive-analyzer_1 (container)",
                     "COMP1/elasticsearch_1 (container)", "COMP1/a'pache (container)",
                     "COMP1/db (container)", "'T (vm)"});
}
