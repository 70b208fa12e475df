#include <catch2/catch.hpp>

#include "core/store.h"
#include "importers/glpi_json.h"
#include "importers/glpi_xml.h"
#include "importers/registry.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
using testing::RunImporter;

namespace {

const importers::GlpiXmlImporter kXml;
const importers::GlpiJsonImporter kJson;

const core::Asset* Find(const core::Batch& batch, core::AssetKind kind, const std::string& name) {
  for (const core::Asset& a : batch.assets) {
    if (a.kind == kind && a.name == name) return &a;
  }
  return nullptr;
}

std::string Attr(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : "<none>";
}

std::vector<std::string> Relations(const core::Batch& batch, core::RelationKind kind) {
  std::vector<std::string> out;
  for (const core::Relation& r : batch.relations) {
    if (r.kind != kind) continue;
    std::string s = r.source;
    if (!r.source_port.empty()) s += "[" + r.source_port + "]";
    s += " -> " + r.target;
    if (!r.target_port.empty()) s += "[" + r.target_port + "]";
    out.push_back(s);
  }
  return out;
}

// One laptop with BIOS, OS, two interfaces (one loopback), two programs and a VM; the same
// facts in both syntaxes.
const std::string kLaptopXml = R"G(<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <BIOS>
      <ASSETTAG>INV-0042</ASSETTAG>
      <BDATE>04/25/2024</BDATE>
      <BMANUFACTURER>HP</BMANUFACTURER>
      <BVERSION>1.17.1</BVERSION>
      <SMANUFACTURER>HP</SMANUFACTURER>
      <SMODEL>HP EliteBook 840 G9</SMODEL>
      <SSN>5CGEVF0Y1M</SSN>
    </BIOS>
    <HARDWARE>
      <CHASSIS_TYPE>Notebook</CHASSIS_TYPE>
      <MEMORY>32656</MEMORY>
      <NAME>VMO-LT1121</NAME>
      <VMSYSTEM>Physical</VMSYSTEM>
      <WORKGROUP>ad.varnamo.example</WORKGROUP>
    </HARDWARE>
    <NETWORKS>
      <DESCRIPTION>lo</DESCRIPTION>
      <IPADDRESS>127.0.0.1</IPADDRESS>
      <MACADDR>00:00:00:00:00:00</MACADDR>
      <TYPE>loopback</TYPE>
      <VIRTUALDEV>1</VIRTUALDEV>
    </NETWORKS>
    <NETWORKS>
      <DESCRIPTION>Intel(R) Ethernet</DESCRIPTION>
      <IPADDRESS>10.20.30.25</IPADDRESS>
      <IPADDRESS6>fe80::1</IPADDRESS6>
      <MACADDR>00:DD:21:00:B7:9B</MACADDR>
      <VIRTUALDEV>0</VIRTUALDEV>
    </NETWORKS>
    <OPERATINGSYSTEM>
      <FULL_NAME>Microsoft Windows 11 Enterprise</FULL_NAME>
      <KERNEL_NAME>MSWin32</KERNEL_NAME>
      <KERNEL_VERSION>10.0.26100.2314</KERNEL_VERSION>
      <NAME>Windows</NAME>
      <VERSION>24H2</VERSION>
    </OPERATINGSYSTEM>
    <SOFTWARES>
      <INSTALLDATE>09/10/2026</INSTALLDATE>
      <NAME>Microsoft Edge</NAME>
      <PUBLISHER>Microsoft Corporation</PUBLISHER>
      <VERSION>131.0.2903.86</VERSION>
    </SOFTWARES>
    <SOFTWARES>
      <NAME>7-Zip 23.01 (x64)</NAME>
      <PUBLISHER>Igor Pavlov</PUBLISHER>
      <VERSION>23.01</VERSION>
    </SOFTWARES>
    <VIRTUALMACHINES>
      <MEMORY>2048</MEMORY>
      <NAME>dev-vm</NAME>
      <STATUS>off</STATUS>
      <VCPU>2</VCPU>
      <VMTYPE>virtualbox</VMTYPE>
    </VIRTUALMACHINES>
  </CONTENT>
  <DEVICEID>VMO-LT1121-2026-11-08-08-07-40</DEVICEID>
  <QUERY>INVENTORY</QUERY>
</REQUEST>
)G";

const std::string kLaptopJson = R"G({
  "action": "inventory",
  "content": {
    "bios": {"assettag": "INV-0042", "bdate": "2024-04-25", "bmanufacturer": "HP",
             "bversion": "1.17.1", "smanufacturer": "HP", "smodel": "HP EliteBook 840 G9",
             "ssn": "5CGEVF0Y1M"},
    "hardware": {"chassis_type": "Notebook", "memory": 32656, "name": "VMO-LT1121",
                 "vmsystem": "Physical", "workgroup": "ad.varnamo.example"},
    "networks": [
      {"description": "lo", "ipaddress": "127.0.0.1", "mac": "00:00:00:00:00:00",
       "type": "loopback", "virtualdev": true},
      {"description": "Intel(R) Ethernet", "ipaddress": "10.20.30.25", "ipaddress6": "fe80::1",
       "mac": "00:DD:21:00:B7:9B", "virtualdev": false}
    ],
    "operatingsystem": {"full_name": "Microsoft Windows 11 Enterprise", "kernel_name": "MSWin32",
                        "kernel_version": "10.0.26100.2314", "name": "Windows",
                        "version": "24H2"},
    "softwares": [
      {"install_date": "2026-10-09", "name": "Microsoft Edge",
       "publisher": "Microsoft Corporation", "version": "131.0.2903.86"},
      {"name": "7-Zip 23.01 (x64)", "publisher": "Igor Pavlov", "version": "23.01"}
    ],
    "virtualmachines": [
      {"memory": 2048, "name": "dev-vm", "status": "off", "vcpu": 2, "vmtype": "virtualbox"}
    ],
    "versionclient": "GLPI-Agent_v1.11"
  },
  "deviceid": "VMO-LT1121-2026-11-08-08-07-40",
  "itemtype": "Computer"
}
)G";

void CheckLaptop(const testing::Imported& r) {
  INFO(Catch::Detail::stringify(r.lines()));
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 4);  // the laptop, two programs, one VM
  const core::Asset* pc = Find(r.batch, core::AssetKind::kClient, "VMO-LT1121");
  REQUIRE(pc);
  CHECK(pc->org == "varnamo");
  CHECK(pc->role == "laptop");
  CHECK(pc->category == core::Category::kClient);
  CHECK(pc->vendor == "HP");
  CHECK(pc->product == "HP EliteBook 840 G9");
  CHECK(pc->serial == "5CGEVF0Y1M");
  CHECK(pc->mode == core::WriteMode::kReplace);
  CHECK(Attr(*pc, "asset_tag") == "INV-0042");
  CHECK(Attr(*pc, "bios_vendor") == "HP");
  CHECK(Attr(*pc, "bios_version") == "1.17.1");
  CHECK(Attr(*pc, "bios_date") == "2024-04-25");
  CHECK(Attr(*pc, "chassis") == "Notebook");
  CHECK(Attr(*pc, "memory_mb") == "32656");
  CHECK(Attr(*pc, "os_vendor") == "Microsoft");
  CHECK(Attr(*pc, "os") == "Microsoft Windows 11 Enterprise");
  CHECK(Attr(*pc, "os_version") == "24H2");
  CHECK(Attr(*pc, "os_build") == "10.0.26100.2314");
  CHECK(Attr(*pc, "ip") == "10.20.30.25");  // not loopback, not link-local
  CHECK(Attr(*pc, "mac") == "00:dd:21:00:b7:9b");
  CHECK(Attr(*pc, "domain") == "ad.varnamo.example");
  CHECK(Attr(*pc, "virtualization") == "<none>");

  const core::Asset* edge = Find(r.batch, core::AssetKind::kSoftware, "VMO-LT1121/Microsoft Edge");
  REQUIRE(edge);
  CHECK(edge->role == "application");
  CHECK(edge->category == core::Category::kClient);
  CHECK(edge->vendor == "Microsoft Corporation");
  CHECK(edge->product == "Microsoft Edge");
  CHECK(edge->version == "131.0.2903.86");
  CHECK(Attr(*edge, "install_date") == "2026-10-09");
  const core::Asset* vm = Find(r.batch, core::AssetKind::kVm, "dev-vm");
  REQUIRE(vm);
  CHECK(vm->role == "vm");
  CHECK(Attr(*vm, "memory_mb") == "2048");
  CHECK(Attr(*vm, "vcpu") == "2");
  CHECK(Attr(*vm, "vm_type") == "virtualbox");

  CHECK(Relations(r.batch, core::RelationKind::kInstalledOn) ==
        std::vector<std::string>{"VMO-LT1121/Microsoft Edge -> VMO-LT1121",
                                 "VMO-LT1121/7-Zip 23.01 (x64) -> VMO-LT1121"});
  CHECK(Relations(r.batch, core::RelationKind::kRunsOn) ==
        std::vector<std::string>{"dev-vm -> VMO-LT1121"});
  for (const core::Relation& rel : r.batch.relations) {
    REQUIRE(rel.target_kind);
    CHECK(*rel.target_kind == core::AssetKind::kClient);
  }
}

}  // namespace

TEST_CASE("a laptop inventory gives the same assets from XML and JSON", "[importers][glpi]") {
  SECTION("XML") {
    auto r = RunImporter(kXml, kLaptopXml, "VMO-LT1121.xml", "varnamo");
    CheckLaptop(r);
    CHECK(Find(r.batch, core::AssetKind::kClient, "VMO-LT1121")->provenance.line == 13);
    CHECK(Find(r.batch, core::AssetKind::kClient, "VMO-LT1121")->provenance.importer == "glpi-xml");
  }
  SECTION("JSON") {
    auto r = RunImporter(kJson, kLaptopJson, "VMO-LT1121.json", "varnamo");
    CheckLaptop(r);
    CHECK(Find(r.batch, core::AssetKind::kClient, "VMO-LT1121")->provenance.line == 7);
    CHECK(Find(r.batch, core::AssetKind::kClient, "VMO-LT1121")->provenance.importer ==
          "glpi-json");
  }
}

TEST_CASE("chassis, virtualisation and OS tell laptops, desktops, servers apart",
          "[importers][glpi]") {
  struct Case {
    const char* chassis;
    const char* vmsystem;
    const char* os;
    const char* model;
    core::AssetKind kind;
    const char* role;
    core::Category category;
  };
  using K = core::AssetKind;
  using C = core::Category;
  const Case cases[] = {
      {"Notebook", "Physical", "Microsoft Windows 11 Pro", "", K::kClient, "laptop", C::kClient},
      {"Laptop", "", "Fedora 31", "", K::kClient, "laptop", C::kClient},
      {"Convertible", "", "", "", K::kClient, "laptop", C::kClient},
      {"Desktop", "Physical", "Microsoft Windows 10 Enterprise", "", K::kClient, "desktop",
       C::kClient},
      {"Mini Tower", "", "", "", K::kClient, "desktop", C::kClient},
      {"All in One", "", "", "", K::kClient, "desktop", C::kClient},
      {"Desktop", "", "HP ThinPro 8", "", K::kClient, "thin-client", C::kClient},
      {"", "", "", "HP t640 Thin Client", K::kClient, "thin-client", C::kClient},
      {"Rack Mount Chassis", "Physical", "Microsoft Windows Server 2019 Standard", "", K::kDevice,
       "server", C::kDatacenter},
      {"Main Server Chassis", "", "Ubuntu 22.04 LTS", "", K::kDevice, "server", C::kDatacenter},
      {"Tower", "Physical", "Microsoft Windows Server 2016 Standard", "", K::kDevice, "server",
       C::kDatacenter},
      {"Other", "VMware", "Microsoft Windows Server 2022 Standard", "", K::kVm, "server",
       C::kPlatform},
      {"", "VMware", "Ubuntu 22.04 LTS", "", K::kVm, "server", C::kPlatform},
      {"", "VMware", "Microsoft Windows 11 Enterprise", "", K::kClient, "virtual-desktop",
       C::kClient},
      {"", "", "Snow Cone Android 12.0", "", K::kClient, "phone", C::kClient},
      {"", "", "Mac OS X", "iMac5,1", K::kClient, "computer", C::kClient},
  };
  for (const Case& c : cases) {
    INFO(std::string(c.chassis) + " / " + c.vmsystem + " / " + c.os + " / " + c.model);
    std::string xml = std::string("<REQUEST><CONTENT><HARDWARE><NAME>host1</NAME><CHASSIS_TYPE>") +
                      c.chassis + "</CHASSIS_TYPE><VMSYSTEM>" + c.vmsystem +
                      "</VMSYSTEM></HARDWARE><BIOS><SMODEL>" + c.model +
                      "</SMODEL></BIOS><OPERATINGSYSTEM><FULL_NAME>" + c.os +
                      "</FULL_NAME></OPERATINGSYSTEM><SOFTWARES><NAME>app</NAME></SOFTWARES>"
                      "</CONTENT><QUERY>INVENTORY</QUERY></REQUEST>";
    auto r = RunImporter(kXml, xml, "x.xml");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 2);
    const core::Asset& host = r.batch.assets[0];
    CHECK(host.name == "host1");
    CHECK(host.kind == c.kind);
    CHECK(host.role == c.role);
    CHECK(host.category == c.category);
    // Software on a client is client estate, on a server platform.
    const core::Asset& app = r.batch.assets[1];
    CHECK(app.category ==
          (c.kind == K::kClient ? core::Category::kClient : core::Category::kPlatform));
  }
}

TEST_CASE("itemtype Phone and the deviceid name a computer when HARDWARE does not",
          "[importers][glpi]") {
  auto r = RunImporter(kJson,
                       R"G({"content": {"bios": {"smanufacturer": "Xiaomi"}, "versionclient": "x"},
                           "deviceid": "Mi9TPro-2019-12-18-14-30-16", "itemtype": "Phone"})G",
                       "phone.json");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].name == "Mi9TPro");
  CHECK(r.batch.assets[0].role == "phone");
  CHECK(r.batch.assets[0].vendor == "Xiaomi");
}

TEST_CASE("only CDP/LLDP neighbours become cables; learned MACs do not", "[importers][glpi]") {
  const std::string xml = R"G(<REQUEST>
  <CONTENT>
    <DEVICE>
      <INFO>
        <IPS><IP>10.20.99.100</IP></IPS>
        <LOCATION>Ljungbiblioteket</LOCATION>
        <MANUFACTURER>Cisco</MANUFACTURER>
        <MODEL>C9300-48P</MODEL>
        <NAME>vmo-sw-01</NAME>
        <SERIAL>FOX23B74A9F</SERIAL>
        <TYPE>NETWORKING</TYPE>
      </INFO>
      <FIRMWARES><TYPE>device</TYPE><VERSION>17.9.4a</VERSION></FIRMWARES>
      <PORTS>
        <PORT>
          <CONNECTIONS>
            <CDP>1</CDP>
            <CONNECTION>
              <IFDESCR>TwentyFiveGigE1/0/33</IFDESCR>
              <SYSNAME>vmo-core01</SYSNAME>
            </CONNECTION>
          </CONNECTIONS>
          <IFDESCR>TenGigabitEthernet1/1/1</IFDESCR>
          <IFNAME>Te1/1/1</IFNAME>
        </PORT>
        <PORT>
          <CONNECTIONS>
            <CONNECTION><MAC>00:21:cc:0e:dc:61</MAC></CONNECTION>
            <CONNECTION><MAC>3c:52:82:db:85:36</MAC></CONNECTION>
          </CONNECTIONS>
          <IFDESCR>GigabitEthernet1/0/7</IFDESCR>
        </PORT>
        <PORT>
          <CONNECTIONS>
            <CONNECTION><SYSNAME>looks-like-cdp-but-is-not-flagged</SYSNAME></CONNECTION>
          </CONNECTIONS>
          <IFDESCR>GigabitEthernet1/0/8</IFDESCR>
        </PORT>
      </PORTS>
    </DEVICE>
  </CONTENT>
  <DEVICEID>vmo-sw-01-2026-11-20-10-05-00</DEVICEID>
  <QUERY>SNMPQUERY</QUERY>
</REQUEST>)G";
  const std::string json = R"G({"action": "netinventory", "itemtype": "NetworkEquipment",
  "deviceid": "vmo-sw-01-2026-11-20-10-05-00",
  "content": {
    "firmwares": [{"type": "device", "version": "17.9.4a"}],
    "network_device": {"ips": ["10.20.99.100"], "location": "Ljungbiblioteket",
      "manufacturer": "Cisco", "model": "C9300-48P", "name": "vmo-sw-01",
      "serial": "FOX23B74A9F", "type": "Networking"},
    "network_ports": [
      {"connections": [{"ifdescr": "TwentyFiveGigE1/0/33", "sysname": "vmo-core01"}],
       "ifdescr": "TenGigabitEthernet1/1/1", "ifname": "Te1/1/1", "lldp": true},
      {"connections": [{"mac": "00:21:cc:0e:dc:61"}, {"mac": ["3c:52:82:db:85:36"]}],
       "ifdescr": "GigabitEthernet1/0/7"},
      {"connections": [{"sysname": "looks-like-cdp-but-is-not-flagged"}],
       "ifdescr": "GigabitEthernet1/0/8", "lldp": false}
    ],
    "versionclient": "x"}})G";
  for (auto [importer, text] :
       {std::pair<const importers::Importer*, std::string>{&kXml, xml}, {&kJson, json}}) {
    INFO(importer->Name());
    auto r = RunImporter(*importer, text, "sw.x");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    const core::Asset& sw = r.batch.assets[0];
    CHECK(sw.kind == core::AssetKind::kDevice);
    CHECK(sw.name == "vmo-sw-01");
    CHECK(sw.role == "switch");
    CHECK(sw.category == core::Category::kNetwork);
    CHECK(sw.vendor == "Cisco");
    CHECK(sw.product == "C9300-48P");
    CHECK(sw.serial == "FOX23B74A9F");
    CHECK(Attr(sw, "firmware") == "17.9.4a");
    CHECK(Attr(sw, "location") == "Ljungbiblioteket");
    CHECK(Attr(sw, "ip") == "10.20.99.100");
    CHECK(Attr(sw, "ports") == "3");
    CHECK(sw.site.empty());  // SNMP locations are free text, not sites
    CHECK(Relations(r.batch, core::RelationKind::kConnectedTo) ==
          std::vector<std::string>{
              "vmo-sw-01[TenGigabitEthernet1/1/1] -> vmo-core01[TwentyFiveGigE1/0/33]"});
  }
}

TEST_CASE("a discovery lists many devices, each named as best it can be", "[importers][glpi]") {
  const std::string xml = R"G(<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE>
      <IP>10.1.0.8</IP>
      <MAC>00:23:04:ee:be:02</MAC>
      <MANUFACTURER>Cisco</MANUFACTURER>
      <MODEL>Cisco Nexus 5596</MODEL>
      <SNMPHOSTNAME>swdc-07</SNMPHOSTNAME>
      <DNSHOSTNAME>swdc-07.example</DNSHOSTNAME>
      <TYPE>NETWORKING</TYPE>
    </DEVICE>
    <DEVICE>
      <IP>10.1.0.20</IP>
      <NETBIOSNAME>KONTOR-PRN</NETBIOSNAME>
      <TYPE>PRINTER</TYPE>
    </DEVICE>
    <DEVICE>
      <IP>10.1.0.30</IP>
      <NETPORTVENDOR>Synology Incorporated</NETPORTVENDOR>
      <TYPE>STORAGE</TYPE>
    </DEVICE>
    <DEVICE>
      <IP>10.1.0.40</IP>
      <MAC>00:15:5d:01:02:03</MAC>
    </DEVICE>
    <DEVICE>
      <IP>10.1.0.50</IP>
      <TYPE>PHONE</TYPE>
      <DNSHOSTNAME>sip-50.example</DNSHOSTNAME>
    </DEVICE>
    <MODULEVERSION>2.3</MODULEVERSION>
  </CONTENT>
  <DEVICEID>scanner-2013-11-14-17-47-17</DEVICEID>
  <QUERY>NETDISCOVERY</QUERY>
</REQUEST>)G";
  auto r = RunImporter(kXml, xml, "discovery.xml");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 5);
  struct Expect {
    const char* name;
    core::AssetKind kind;
    const char* role;
    core::Category category;
    const char* vendor;
  };
  const Expect expected[] = {
      {"swdc-07", core::AssetKind::kDevice, "switch", core::Category::kNetwork, "Cisco"},
      {"KONTOR-PRN", core::AssetKind::kClient, "printer", core::Category::kClient, ""},
      {"10.1.0.30", core::AssetKind::kDevice, "nas", core::Category::kDatacenter,
       "Synology Incorporated"},
      {"10.1.0.40", core::AssetKind::kDevice, "unmanaged", core::Category::kNetwork, ""},
      {"sip-50.example", core::AssetKind::kClient, "phone", core::Category::kClient, ""},
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    const core::Asset& a = r.batch.assets[i];
    INFO(a.name);
    CHECK(a.name == expected[i].name);
    CHECK(a.kind == expected[i].kind);
    CHECK(a.role == expected[i].role);
    CHECK(a.category == expected[i].category);
    CHECK(a.vendor == expected[i].vendor);
    CHECK(a.mode == core::WriteMode::kPatch);  // a discovery adds to what inventories say
    CHECK(Attr(a, "discovered") == "true");
  }
  CHECK(Attr(r.batch.assets[3], "mac") == "00:15:5d:01:02:03");
}

TEST_CASE("JSON printers, unmanaged devices and phones by itemtype", "[importers][glpi]") {
  struct Case {
    const char* itemtype;
    const char* type;
    core::AssetKind kind;
    const char* role;
  };
  const Case cases[] = {
      {"Printer", "Printer", core::AssetKind::kClient, "printer"},
      {"Unmanaged", "", core::AssetKind::kDevice, "unmanaged"},
      {"NetworkEquipment", "Storage", core::AssetKind::kDevice, "nas"},
      {"NetworkEquipment", "Power", core::AssetKind::kDevice, "ups"},
      {"NetworkEquipment", "", core::AssetKind::kDevice, "switch"},
  };
  for (const Case& c : cases) {
    INFO(c.itemtype << " / " << c.type);
    std::string json = std::string(R"G({"deviceid": "d", "itemtype": ")G") + c.itemtype +
                       R"G(", "content": {"network_device": {"name": "dev1", "type": ")G" + c.type +
                       R"G("}, "versionclient": "x"}})G";
    auto r = RunImporter(kJson, json, "d.json");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].kind == c.kind);
    CHECK(r.batch.assets[0].role == c.role);
  }
}

TEST_CASE("partial inventories patch what they name", "[importers][glpi]") {
  const std::string partial_json =
      R"G({"action": "inventory", "deviceid": "COMP1-2021-01-26-14-32-36",
    "itemtype": "Computer", "partial": true,
    "content": {"virtualmachines": [{"name": "db", "vmtype": "docker"},
                                    {"name": "web01", "vmtype": "kvm"}],
                "versionclient": "x"}})G";
  auto r = RunImporter(kJson, partial_json, "partial.json");
  CHECK(r.lines().empty());
  // No host facts: the host is not written, only what the partial inventory names.
  CHECK(Find(r.batch, core::AssetKind::kClient, "COMP1") == nullptr);
  REQUIRE(r.batch.assets.size() == 2);
  for (const core::Asset& a : r.batch.assets) CHECK(a.mode == core::WriteMode::kPatch);
  CHECK(Relations(r.batch, core::RelationKind::kRunsOn) ==
        std::vector<std::string>{"COMP1/db -> COMP1", "web01 -> COMP1"});

  const std::string partial_xml =
      "<REQUEST><PARTIAL>1</PARTIAL><CONTENT><HARDWARE><NAME>COMP1</NAME><MEMORY>16000</MEMORY>"
      "</HARDWARE></CONTENT><QUERY>INVENTORY</QUERY></REQUEST>";
  auto x = RunImporter(kXml, partial_xml, "partial.xml");
  CHECK(x.lines().empty());
  REQUIRE(x.batch.assets.size() == 1);
  CHECK(x.batch.assets[0].mode == core::WriteMode::kPatch);
}

TEST_CASE("a partial inventory leaves the rest of the stored computer", "[importers][glpi]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  auto full = RunImporter(kXml, kLaptopXml, "VMO-LT1121.xml", "varnamo");
  REQUIRE_FALSE(full.diagnostics.has_errors());
  REQUIRE((*store)->Apply(full.batch).ok());
  auto partial = RunImporter(kJson, R"G({"deviceid": "VMO-LT1121-2026-11-09-08-00-00",
      "itemtype": "Computer", "partial": true,
      "content": {"hardware": {"name": "VMO-LT1121", "chassis_type": "Notebook", "memory": 65536},
                  "virtualmachines": [{"name": "dev-vm2", "vmtype": "virtualbox"}],
                  "versionclient": "x"}})G",
                             "VMO-LT1121-partial.json", "varnamo");
  REQUIRE(partial.lines().empty());
  REQUIRE((*store)->Apply(partial.batch).ok());
  auto estate = (*store)->LoadEstate({});
  REQUIRE(estate.ok());
  const core::Asset* pc = nullptr;
  std::size_t vms = 0, software = 0;
  for (const core::Asset& a : estate->assets) {
    if (a.kind == core::AssetKind::kClient && a.name == "VMO-LT1121") pc = &a;
    vms += a.kind == core::AssetKind::kVm;
    software += a.kind == core::AssetKind::kSoftware;
  }
  REQUIRE(pc);
  CHECK(pc->serial == "5CGEVF0Y1M");  // kept from the full inventory
  CHECK(pc->product == "HP EliteBook 840 G9");
  CHECK(vms == 2);       // dev-vm from the full inventory, dev-vm2 from the partial one
  CHECK(software == 2);  // untouched
}

TEST_CASE("GLPI content is detected, other content is not", "[importers][glpi]") {
  CHECK(importers::DetectImporter(kLaptopXml)->Name() == "glpi-xml");
  CHECK(importers::DetectImporter(kLaptopJson)->Name() == "glpi-json");
  CHECK(importers::DetectImporter("\xEF\xBB\xBF<REQUEST><QUERY>SNMPQUERY</QUERY>")->Name() ==
        "glpi-xml");
  CHECK(kXml.Sniff("<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\"/>") == 0);
  CHECK(kXml.Sniff("name,kind\nx,device\n") == 0);
  CHECK(kJson.Sniff("[1, 2]") == 0);
  CHECK(kJson.Sniff("{\"devices\": []}") == 0);
  CHECK(kJson.Sniff("name,kind\nx,device\n") == 0);
  // The deviceid may come after a large content block, past what detection reads.
  CHECK(kJson.Sniff("{\"content\": {\"hardware\": {") >= 50);
}

TEST_CASE("defects are reported with their location", "[importers][glpi]") {
  struct Case {
    const char* name;
    const importers::Importer* importer;
    std::string text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"JSON syntax error",
       &kJson,
       "{\n  \"content\": {\n    \"hardware\": {\"name\": \"pc1\",}\n  }\n}\n",
       {"x:3:32: error[GLPI001]: malformed JSON: syntax error while parsing object key - "
        "unexpected '}'; expected string literal"}},
      {"JSON truncated",
       &kJson,
       "{\"content\": {\"hardware\": {\"name\": \"pc1\"",
       {"x:1:40: error[GLPI001]: malformed JSON: syntax error while parsing object - unexpected "
        "end of input; expected '}'"}},
      {"JSON array at the top",
       &kJson,
       "[{\"content\": {}}]",
       {"x:1:1: error[GLPI002]: a GLPI inventory is an object with \"content\" and \"deviceid\" "
        "(and usually \"itemtype\"); found an array"}},
      {"JSON without content",
       &kJson,
       "{\"deviceid\": \"pc1\",\n \"hardware\": {}}",
       {"x:1:1: error[GLPI002]: a GLPI inventory has \"content\" and \"deviceid\" (and usually "
        "\"itemtype\"); found keys \"deviceid\", \"hardware\""}},
      {"JSON content is an array",
       &kJson,
       "{\"deviceid\": \"pc1\", \"content\": []}",
       {"x:1:32: error[GLPI004]: content: expected an object, found an array"}},
      {"JSON field of the wrong type",
       &kJson,
       "{\"deviceid\": \"pc1\", \"content\": {\"hardware\": {\"name\": [\"pc1\"]},\n"
       "\"softwares\": {\"name\": \"x\"}}}",
       {"x:1:54: error[GLPI004]: content.hardware.name: expected a string, found an array",
        "x:2:14: error[GLPI004]: content.softwares: expected an array, found an object"}},
      {"JSON unknown itemtype",
       &kJson,
       "{\"deviceid\": \"pc1\", \"itemtype\": \"Toaster\", \"content\": {}}",
       {"x:1:33: error[GLPI005]: itemtype 'Toaster' is not one of Computer, Phone, "
        "NetworkEquipment, Printer, Unmanaged"}},
      {"JSON names nothing",
       &kJson,
       "{\"content\": {\"bios\": {\"ssn\": \"X1\"}}}",
       {"x:1:1: error[GLPI007]: the inventory names no computer: no host name (HARDWARE/NAME, "
        "hardware.name) and no deviceid"}},
      {"JSON printer without its device",
       &kJson,
       "{\"deviceid\": \"p\", \"itemtype\": \"Printer\", \"content\": {}}",
       {"x:1:1: error[GLPI009]: an inventory of itemtype 'Printer' needs the device "
        "(network_device / <DEVICE>); there is none"}},
      {"JSON empty", &kJson, "  \n", {"x:1: error[GLPI006]: the file is empty"}},
      {"XML wrong root",
       &kXml,
       "<?xml version=\"1.0\"?>\n<INVENTORY><CONTENT/></INVENTORY>",
       {"x:2:1: error[GLPI002]: the root element is <INVENTORY>; a GLPI agent, FusionInventory "
        "or OCS inventory is a <REQUEST> with <QUERY> and <CONTENT>"}},
      {"XML prolog, not an inventory",
       &kXml,
       "<REQUEST>\n  <DEVICEID>pc1</DEVICEID>\n  <QUERY>PROLOG</QUERY>\n</REQUEST>",
       {"x:1:1: error[GLPI002]: <REQUEST> has no <CONTENT> (QUERY PROLOG); an inventory carries "
        "its data there"}},
      {"XML unknown query",
       &kXml,
       "<REQUEST>\n<CONTENT/>\n<QUERY>WAKEUP</QUERY>\n</REQUEST>",
       {"x:3:1: error[GLPI005]: QUERY 'WAKEUP' is not an inventory; expected INVENTORY, "
        "SNMPQUERY or NETDISCOVERY"}},
      {"XML malformed",
       &kXml,
       "<REQUEST>\n<CONTENT>\n</REQUEST>",
       {"x:3:3: error[XML001]: malformed XML: Start-end tags mismatch"}},
      {"XML empty", &kXml, "", {"x:1: error[GLPI006]: the file is empty"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto r = RunImporter(*c.importer, c.text, "x");
    CHECK(r.lines() == c.expected);
    CHECK(r.batch.assets.empty());
  }
}

TEST_CASE("deeply nested JSON is refused, not recursed into", "[importers][glpi]") {
  std::string text = "{\"content\": ";
  text += std::string(100000, '[');
  auto r = RunImporter(kJson, text, "deep.json");
  REQUIRE(r.lines().size() == 1);
  CHECK(r.lines()[0] ==
        "deep.json:1:268: error[GLPI003]: nested deeper than 256 levels; an inventory never is");
}

TEST_CASE("invalid values are warnings with their location; the rest is imported",
          "[importers][glpi]") {
  const std::string xml = R"G(<REQUEST>
<CONTENT>
<BIOS><BDATE>N/A</BDATE><SSN>To be filled by O.E.M.</SSN></BIOS>
<HARDWARE><NAME>pc9</NAME><MEMORY>lots</MEMORY></HARDWARE>
<NETWORKS><IPADDRESS>10.0.0.300</IPADDRESS><MACADDR>d5:c9:gh:81:cf:80</MACADDR></NETWORKS>
<SOFTWARES><INSTALLDATE>31/02/2020</INSTALLDATE><NAME>app</NAME></SOFTWARES>
<SOFTWARES><VERSION>1.0</VERSION></SOFTWARES>
<VIRTUALMACHINES><NAME>vm1</NAME><VCPU>two</VCPU></VIRTUALMACHINES>
<VIRTUALMACHINES><NAME>vm1</NAME></VIRTUALMACHINES>
</CONTENT>
<QUERY>INVENTORY</QUERY>
</REQUEST>)G";
  auto r = RunImporter(kXml, xml, "pc9.xml");
  CHECK(r.lines() ==
        std::vector<std::string>{
            "pc9.xml:3:7: warning[GLPI012]: BIOS date 'N/A' is not a date; ignored",
            "pc9.xml:4:27: warning[GLPI013]: memory 'lots' is not a size in MB; ignored",
            "pc9.xml:5:11: warning[GLPI011]: IP address '10.0.0.300' is not valid; ignored",
            "pc9.xml:5:44: warning[GLPI010]: MAC address 'd5:c9:gh:81:cf:80' is not six "
            "hexadecimal octets; ignored",
            "pc9.xml:6:12: warning[GLPI012]: install date '31/02/2020' is not a date; ignored",
            "pc9.xml:7:1: warning[GLPI014]: software without a name; skipped",
            "pc9.xml:8:34: warning[GLPI013]: vcpu 'two' is not a whole number; ignored",
            "pc9.xml:9:1: warning[GLPI015]: virtual machine 'vm1' is listed twice; the first is "
            "kept"});
  CHECK_FALSE(r.diagnostics.has_errors());
  REQUIRE(r.batch.assets.size() == 3);  // pc9, pc9/app, vm1
  CHECK(r.batch.assets[0].serial.empty());
  CHECK(r.batch.assets[0].Attr("ip") == nullptr);
}

TEST_CASE("the same program twice is named by its version", "[importers][glpi]") {
  auto r = RunImporter(kJson, R"G({"deviceid": "srv1", "content": {
    "hardware": {"name": "srv1", "chassis_type": "Rack Mount Chassis"},
    "softwares": [{"name": "Java 8", "version": "8.0.401"}, {"name": "Java 8", "version": "8.0.202"},
                  {"name": "Java 8", "version": "8.0.202"}]}})G",
                       "srv1.json");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 3);
  CHECK(r.batch.assets[1].name == "srv1/Java 8");
  CHECK(r.batch.assets[2].name == "srv1/Java 8 8.0.202");
  CHECK(r.batch.assets[2].category == core::Category::kPlatform);
  CHECK(r.batch.relations.size() == 2);
}

TEST_CASE("an inventory cut off anywhere is an error, never a crash", "[importers][glpi]") {
  for (auto [importer, text] :
       {std::pair<const importers::Importer*, const std::string*>{&kXml, &kLaptopXml},
        {&kJson, &kLaptopJson}}) {
    INFO(importer->Name());
    for (std::size_t cut = 0; cut + 2 < text->size(); cut += 7) {
      INFO(cut);
      auto r = RunImporter(*importer, text->substr(0, cut), "cut");
      // A prefix of a well-formed document is never well-formed.
      CHECK(r.diagnostics.has_errors());
      CHECK(r.batch.assets.empty());
    }
  }
}
