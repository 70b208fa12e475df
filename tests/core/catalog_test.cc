#include "core/catalog.h"

#include <catch2/catch.hpp>
#include <set>

using namespace samdrift::core;

namespace {

const Catalog& Bundled() {
  static const Catalog catalog = [] {
    Diagnostics d;
    auto c = LoadCatalog({}, d);
    for (const auto& item : d.items()) FAIL_CHECK(FormatDiagnostic(item));
    REQUIRE(c.ok());
    return std::move(c).value();
  }();
  return catalog;
}

std::string Formatted(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += FormatDiagnostic(item) + "\n";
  return out;
}

}  // namespace

TEST_CASE("vendor, product and version normalisation", "[core][catalog]") {
  struct Case {
    const char* text;
    const char* vendor;
  };
  const Case vendors[] = {
      {"VMware, Inc.", "vmware"},
      {"Cisco Systems, Inc", "cisco"},
      {"Microsoft Corporation", "microsoft"},
      {"Dell Inc.", "dell"},
      {"Hewlett-Packard Company", "hewlett packard"},
      {"Proxmox Server Solutions GmbH", "proxmox server solutions"},
      {"Konica Minolta Business Solutions Sweden AB", "konica minolta business solutions sweden"},
      {"LENOVO", "lenovo"},
      {"  Fortinet, Inc ", "fortinet"},
      {"Systems", "systems"},
      {"Intel(R) Corporation", "intel r"},
      {"Intel\xC2\xAE Corporation", "intel"},
  };
  for (const Case& c : vendors) {
    INFO(c.text);
    CHECK(NormaliseVendor(c.text) == c.vendor);
  }
  struct Version {
    const char* text;
    const char* normalised;
  };
  const Version versions[] = {
      {"7.0 Update 3", "7.0.3"},
      {"7.0 U3", "7.0.3"},
      {"7.0.3", "7.0.3"},
      {"7.0U3f", "7.0.3"},
      {"VMware ESXi 7.0.3 build-21930508", "7.0.3"},
      {"6.7.0 build-8169922", "6.7.0"},
      {"8.0 U2", "8.0.2"},
      {"2012 R2", "2012 r2"},
      {"24H2", "24h2"},
      {"10.0.17763", "10.0.17763"},
      {"12 SP5", "12.5"},
      {"Twenty Five", "twenty five"},
  };
  for (const Version& v : versions) {
    INFO(v.text);
    CHECK(NormaliseVersion(v.text) == v.normalised);
  }
  CHECK(NormaliseName("PowerEdge R740xd") == "poweredge r740xd");
  CHECK(NormaliseName("2930F-48G-PoE+-4SFP+") == "2930f 48g poe plus 4sfp plus");
  // Accents fold, whether composed (U+00E7) or, as macOS writes them, decomposed (c + U+0327).
  CHECK(NormaliseName("Aper\xC3\xA7u") == "apercu");
  CHECK(NormaliseName("Aperc\xCC\xA7u") == "apercu");
  CHECK(NormaliseName("Préférences Système") == "preferences systeme");
  CHECK(NormaliseName("Räddningstjänsten Å") == "raddningstjansten a");
  CHECK(NormaliseName("Straße") == "straße");  // no single base letter
}

// Real spellings, as the tools write them: GLPI (agent XML/JSON), nmap, lshw, RVTools, NetBox
// (manufacturer / device type / platform), and Excel sheets.
TEST_CASE("real-world spellings are recognised", "[core][catalog]") {
  struct Case {
    const char* vendor;
    const char* product;
    const char* version;
    const char* technology;  // expected id, "" when only the vendor (or nothing) is known
    MatchLevel level;
  };
  const Case cases[] = {
      // Hypervisors
      {"VMware, Inc.", "VMware vSphere Hypervisor", "7.0 Update 3", "vmware-esxi-7",
       MatchLevel::kVersion},
      {"VMware", "ESXi", "7.0.3", "vmware-esxi-7", MatchLevel::kVersion},
      {"", "VMware ESXi 7.0 U3", "", "vmware-esxi-7", MatchLevel::kVersion},
      {"", "VMware ESXi 8.0.2 build-22380479", "", "vmware-esxi-8", MatchLevel::kVersion},
      {"VMware, Inc.", "VMware ESXi", "6.7.0 build-8169922", "vmware-esxi-6.7",
       MatchLevel::kVersion},
      {"", "VMware ESXi SOAP API", "7.0.3", "vmware-esxi-7", MatchLevel::kVersion},
      {"Broadcom", "ESXi", "6.5.0", "vmware-esxi-6.5", MatchLevel::kVersion},
      {"VMware", "ESXi", "", "vmware-esxi", MatchLevel::kProduct},
      {"Microsoft Corporation", "Hyper-V", "Windows Server 2019 Datacenter", "ms-hyperv-2019",
       MatchLevel::kVersion},
      {"", "Microsoft Hyper-V Server 2016", "", "ms-hyperv-2016", MatchLevel::kVersion},
      {"Proxmox Server Solutions GmbH", "Proxmox VE", "9.0.10", "proxmox-ve-9",
       MatchLevel::kVersion},
      {"", "pve-manager", "8.2.4", "proxmox-ve-8", MatchLevel::kVersion},
      {"Nutanix", "AHV", "20230302.100173", "nutanix-ahv", MatchLevel::kVersion},
      // Windows Server, as GLPI, RVTools, NetBox platforms and Excel write it
      {"Microsoft Corporation", "Microsoft Windows Server 2019 Standard", "10.0.17763",
       "ms-windows-server-2019", MatchLevel::kVersion},
      {"", "Microsoft Windows Server 2019 (64-bit)", "", "ms-windows-server-2019",
       MatchLevel::kVersion},
      {"Microsoft", "Windows Server 2019 Std", "", "ms-windows-server-2019", MatchLevel::kVersion},
      {"Microsoft Corporation", "MS Windows Server 2019 Datacenter", "10.0.17763",
       "ms-windows-server-2019", MatchLevel::kVersion},
      {"Microsoft", "Windows Server", "2012 R2", "ms-windows-server-2012r2", MatchLevel::kVersion},
      {"Microsoft Corporation", "Windows Server 2012 R2 Standard", "6.3.9600",
       "ms-windows-server-2012r2", MatchLevel::kVersion},
      {"", "Windows Server 2012 R2", "", "ms-windows-server-2012r2", MatchLevel::kVersion},
      {"", "Microsoft Windows Server 2012 (64-bit)", "", "ms-windows-server-2012",
       MatchLevel::kVersion},
      {"", "Windows Server 2022 Datacenter: Azure Edition", "", "ms-windows-server-2022",
       MatchLevel::kVersion},
      {"", "Microsoft Windows Server 2016 or later (64-bit)", "", "ms-windows-server-2016",
       MatchLevel::kVersion},
      {"", "Microsoft Windows Server 2008 Beta 3", "", "ms-windows-server-2008",
       MatchLevel::kVersion},
      {"", "Windows Server 2025", "10.0.26100", "ms-windows-server-2025", MatchLevel::kVersion},
      // Windows clients
      {"", "Microsoft Windows 11 Enterprise", "24H2", "ms-windows-11-24h2", MatchLevel::kVersion},
      {"", "Microsoft Windows 11 Education", "10.0.26100", "ms-windows-11-24h2",
       MatchLevel::kVersion},
      {"Microsoft", "Windows 11 Pro", "23H2", "ms-windows-11-23h2", MatchLevel::kVersion},
      {"", "Microsoft Windows 10 Pro", "22H2", "ms-windows-10", MatchLevel::kVersion},
      {"", "Microsoft Windows 10 Enterprise", "10.0.19045", "ms-windows-10", MatchLevel::kVersion},
      {"", "Microsoft Windows 8.1 Professionnel", "", "ms-windows-8.1", MatchLevel::kVersion},
      {"", "Microsoft Windows 7 Professional", "", "ms-windows-7", MatchLevel::kVersion},
      {"", "Windows 11 Pro", "", "ms-windows-11", MatchLevel::kVersion},
      // Linux and others
      {"", "CentOS Linux release 7.9.2009 (Core)", "", "centos-7", MatchLevel::kVersion},
      {"", "CentOS 7 (64-bit)", "", "centos-7", MatchLevel::kVersion},
      {"", "Red Hat Enterprise Linux 8 (64-bit)", "", "rhel-8", MatchLevel::kVersion},
      {"Red Hat", "Red Hat Enterprise Linux Server", "7.9", "rhel-7", MatchLevel::kVersion},
      {"", "Ubuntu 22.04.4 LTS", "", "ubuntu-22.04", MatchLevel::kVersion},
      {"Canonical", "Ubuntu", "20.04", "ubuntu-20.04", MatchLevel::kVersion},
      {"", "Ubuntu Linux (64-bit)", "", "ubuntu", MatchLevel::kProduct},
      {"", "Debian GNU/Linux 12 (bookworm)", "", "debian-12", MatchLevel::kVersion},
      {"", "Fedora release 25 (Twenty Five)", "25", "fedora-25", MatchLevel::kVersion},
      {"", "Linux 4.15 - 5.6", "", "linux-kernel", MatchLevel::kVersion},
      {"", "Mac OS X", "10.6.8 (10K549)", "apple-macos-10.6", MatchLevel::kVersion},
      {"", "Snow Cone Android 12.0 api 31", "31", "google-android-12", MatchLevel::kVersion},
      {"", "Q Android 10.0 api 29", "29", "google-android-10", MatchLevel::kVersion},
      // Servers (lshw system vendor/product, RVTools host Vendor/Model, NetBox device types)
      {"Dell Inc.", "PowerEdge R650", "", "dell-poweredge-r650", MatchLevel::kVersion},
      {"Dell Inc.", "PowerEdge R650 (SKU=0A6F;ModelName=PowerEdge R650)", "", "dell-poweredge-r650",
       MatchLevel::kVersion},
      {"Dell", "PowerEdge R740xd2", "", "dell-poweredge-r740xd2", MatchLevel::kVersion},
      {"Winbond Electronics", "PowerEdge R620 ()", "", "dell-poweredge-r620", MatchLevel::kVersion},
      {"Dell Inc.", "PowerEdge C6105 (N/A)", "", "dell-poweredge-c6105", MatchLevel::kVersion},
      {"HPE", "ProLiant DL380 Gen10 Plus", "", "hpe-proliant-dl380-gen10-plus",
       MatchLevel::kVersion},
      {"Hewlett Packard Enterprise", "ProLiant DL380 Gen10 Plus", "",
       "hpe-proliant-dl380-gen10-plus", MatchLevel::kVersion},
      {"HP", "ProLiant DL360 Gen9", "", "hpe-proliant-dl360-gen9", MatchLevel::kVersion},
      {"HPE", "ProLiant DL380 Gen10", "", "hpe-proliant-dl380-gen10", MatchLevel::kVersion},
      {"Lenovo", "ThinkSystem SR650 V2", "", "lenovo-thinksystem-sr650-v2", MatchLevel::kVersion},
      {"Supermicro", "X8DTN", "", "supermicro-server-x8dtn", MatchLevel::kVersion},
      {"Cisco", "UCS 6248UP 48-Port", "5.0(3)N2(4.02b)", "cisco-ucs-6248up", MatchLevel::kVersion},
      // Storage
      {"Dell", "PowerStore 1200T", "", "dell-powerstore-1200t", MatchLevel::kVersion},
      {"Dell EMC", "Unity 300", "", "dell-unity-300", MatchLevel::kVersion},
      {"Dell", "Unity XT 380", "", "dell-unity-xt-380", MatchLevel::kVersion},
      {"HPE", "Nimble Storage HF40", "", "hpe-nimble-hf40", MatchLevel::kVersion},
      {"HPE", "Alletra 6010", "", "hpe-alletra-6010", MatchLevel::kVersion},
      {"Synology", "RS3621xs+", "", "synology-rs3621xs", MatchLevel::kVersion},
      {"NetApp", "FAS2750", "9.12.1", "netapp-fas-fas2750", MatchLevel::kVersion},
      // Network (NetBox device types, GLPI SNMP, Excel)
      {"Cisco", "C9300-48P", "", "cisco-catalyst-9300", MatchLevel::kVersion},
      {"Cisco", "Catalyst 9300", "", "cisco-catalyst-9300", MatchLevel::kVersion},
      {"Cisco Systems", "C9500-24Y4C", "17.9.4a", "cisco-catalyst-9500", MatchLevel::kVersion},
      {"Cisco", "WS-C2960X-48FPD-L", "", "cisco-catalyst-2960x", MatchLevel::kVersion},
      {"Cisco", "WS-C3750X-48P-S", "", "cisco-catalyst-3750x", MatchLevel::kVersion},
      {"Cisco", "N9K-C93180YC-FX3", "", "cisco-nexus-93180yc-fx3", MatchLevel::kVersion},
      {"Cisco", "ISR4321", "", "cisco-isr-4000", MatchLevel::kVersion},
      {"Cisco", "MR56", "", "cisco-meraki-mr56", MatchLevel::kVersion},
      {"Cisco Meraki", "MR46", "", "cisco-meraki-mr46", MatchLevel::kVersion},
      {"Cisco", "C9120AXI-E", "", "cisco-catalyst-9120", MatchLevel::kVersion},
      {"HPE", "Aruba 2530-8G", "", "aruba-2530", MatchLevel::kVersion},
      {"Hewlett-Packard", "2530-48G", "YA.15.12.0015", "aruba-2530", MatchLevel::kVersion},
      {"HPE Aruba", "2930F-48G-PoE+-4SFP+", "", "aruba-2930f", MatchLevel::kVersion},
      {"Aruba", "AP-505", "", "aruba-ap-505", MatchLevel::kVersion},
      {"HPE Aruba", "8325-48Y8C", "", "aruba-cx-8325", MatchLevel::kVersion},
      {"Juniper", "EX4300-48P", "", "juniper-ex4300-48p", MatchLevel::kVersion},
      {"Extreme Networks", "X440-G2-48p-10G4", "", "extreme-x440-g2", MatchLevel::kVersion},
      {"Extreme Networks", "X690-48x-2q-4c", "", "extreme-x690", MatchLevel::kVersion},
      {"Extreme Networks", "AP305C", "", "extreme-ap305c", MatchLevel::kVersion},
      {"D-Link", "DGS-3420-52T", "1.50B032", "dlink-dgs-3420-52t", MatchLevel::kVersion},
      {"Fortinet", "FG-200F", "", "fortinet-fortigate-200f", MatchLevel::kVersion},
      {"Fortinet", "FortiGate 100F", "v7.2.8", "fortinet-fortigate-100f", MatchLevel::kVersion},
      {"Palo Alto", "PA-3220", "", "paloalto-pa-3220", MatchLevel::kVersion},
      {"", "Check Point VPN-1 UTM appliance", "", "checkpoint", MatchLevel::kProduct},
      // Printers, clients, power
      {"Konica Minolta", "bizhub C300i", "", "konica-bizhub-c300i", MatchLevel::kVersion},
      {"Canon", "imageRUNNER ADVANCE C5535i", "", "canon-iradv-c5535", MatchLevel::kVersion},
      {"Hewlett-Packard", "HP LaserJet M507", "2409048_052887", "hp-laserjet-m507",
       MatchLevel::kVersion},
      {"Brother", "Brother HL-5350DN series", "", "brother-hl-5350dn", MatchLevel::kVersion},
      {"Dell Inc.", "Latitude 5440", "", "dell-latitude-5440", MatchLevel::kVersion},
      {"HP", "HP EliteBook 840 G9 Notebook PC", "", "hp-elitebook-840-g9", MatchLevel::kVersion},
      // GLPI's wording: the screen size between model and generation.
      {"HP", "HP EliteBook 840 14 inch G9 Notebook PC", "", "hp-elitebook-840-g9",
       MatchLevel::kVersion},
      {"LENOVO", "ThinkPad T14 Gen 3", "", "lenovo-thinkpad-t14-gen3", MatchLevel::kVersion},
      {"Dell Inc.", "XPS 13 9350", "", "dell-xps-13-9350", MatchLevel::kVersion},
      {"Apple Computer, Inc.", "iMac5,1", "", "apple-mac", MatchLevel::kVersion},
      {"APC", "AP7921B", "", "apc-ap7921b", MatchLevel::kVersion},
      {"Eaton", "9PX6KIRTN", "", "eaton-9px", MatchLevel::kVersion},
      {"Avocent", "ACS16", "", "avocent-console", MatchLevel::kVersion},
      // Backup and server software
      {"Veeam Software Group GmbH", "Veeam Backup & Replication", "12.1.2.172", "veeam-br-12",
       MatchLevel::kVersion},
      {"", "Microsoft SQL Server 2000", "8.00.528.00; SP1+", "ms-sql-server-2000",
       MatchLevel::kVersion},
      {"", "MySQL", "5.7.16", "mysql-5.7", MatchLevel::kVersion},
      // Network operating systems, client applications, distribution packages
      {"", "Cisco IOS XE 17.6", "", "cisco-ios-xe-17", MatchLevel::kVersion},
      {"Cisco", "Cisco IOS 15.0 - 15.2", "", "cisco-ios-15", MatchLevel::kVersion},
      {"Cisco", "IOS XE", "", "cisco-ios-xe", MatchLevel::kProduct},
      {"Juniper Networks", "JUNOS", "21.4R3", "juniper-junos", MatchLevel::kVersion},
      // A machine type the catalog names is that model; any other is kept as its machine type.
      {"LENOVO", "21AH00BUMX", "", "lenovo-thinkpad-t14-gen3", MatchLevel::kVersion},
      {"Lenovo", "ThinkPad T14 Gen 3", "", "lenovo-thinkpad-t14-gen3", MatchLevel::kVersion},
      {"LENOVO", "20N2S0AB00", "", "lenovo-mt-20n2", MatchLevel::kVersion},
      {"Google LLC", "Google Chrome", "131.0.6778.86", "google-chrome", MatchLevel::kVersion},
      {"Adobe", "Adobe Acrobat Reader (64-bit)", "24.004", "adobe-acrobat-reader",
       MatchLevel::kVersion},
      {"Teclib'", "GLPI Agent 1.11", "1.11", "teclib-glpi-agent", MatchLevel::kVersion},
      {"Fedora Project", "gnome-calculator", "3.34.1-1.fc31", "fedora-packages",
       MatchLevel::kVersion},
      {"Red Hat", "CentOS", "7.9", "centos-7", MatchLevel::kVersion},
      // Vendor only, or nothing
      {"VMware, Inc.", "VMware Virtual Platform", "", "", MatchLevel::kVendor},
      {"Intel Corporation", "82576 Gigabit Network Connection", "", "", MatchLevel::kVendor},
      {"Microsoft Corporation", "Virtual Machine", "", "", MatchLevel::kVendor},
      {"Frobozz Magic", "Widget 3000", "", "", MatchLevel::kNone},
      {"", "", "", "", MatchLevel::kNone},
      // GLPI agents on macOS: bundles with "_0" suffixes, decomposed accents, and the bundle's
      // "Get Info" text where the publisher would be (../shared/real-inventories/glpi)
      {"5.0.1, Copyright 2002-2009 Apple Inc.", "Aperc\xCC\xA7u", "5.0.3", "apple-macos-bundled",
       MatchLevel::kVersion},
      {"",
       "Agent de la borne d\xE2\x80\x99\x61\xCC\x80"
       "cces AirPort_0",
       "1.5", "apple-macos-bundled", MatchLevel::kVersion},
      {"", "Grapher_0", "2.1", "apple-macos-bundled", MatchLevel::kVersion},
      {"SystemUIServer version 1.5.5, Copyright 2000-2009 Apple Computer, Inc.", "SystemUIServer_1",
       "1.5.5", "apple-macos-bundled", MatchLevel::kVersion},
      {"2.5.4, \xC2\xA9 001-2006 Python Software Foundation", "Python Launcher_0", "2.5.4",
       "python", MatchLevel::kVersion},
      {"", "OpenVPN 2.3.8-I001", "2.3.8-I001", "openvpn", MatchLevel::kVersion},
      {"Piriform", "CCleaner", "5.32", "piriform-ccleaner", MatchLevel::kVersion},
      {"Microsoft Corporation", "Microsoft Visual Studio 2010 Tools for Office Runtime (x64)",
       "10.0.50903", "microsoft-vsto-runtime", MatchLevel::kVersion},
      {"", "KB4019215", "", "microsoft-windows-update", MatchLevel::kVersion},
      {"", "Safari", "5.0.3", "apple-safari", MatchLevel::kVersion},
  };
  const Catalog& catalog = Bundled();
  int count = 0;
  for (const Case& c : cases) {
    INFO(std::string(c.vendor) + " / " + c.product + " / " + c.version);
    TechnologyMatch m = catalog.Match(c.vendor, c.product, c.version);
    CHECK(m.level == c.level);
    std::string id = m.technology >= 0 ? catalog.technology(m.technology).id : "";
    CHECK(id == c.technology);
    ++count;
  }
  CHECK(count >= 50);
}

TEST_CASE("lifecycle dates of the bundled catalog", "[core][catalog]") {
  const Catalog& catalog = Bundled();
  struct Case {
    const char* id;
    const char* end_of_support;
  };
  const Case cases[] = {
      {"vmware-esxi-6.7", "2022-10-15"},        {"vmware-esxi-7", "2025-10-02"},
      {"vmware-esxi-8", "2027-10-11"},          {"ms-windows-server-2012r2", "2023-10-10"},
      {"ms-windows-server-2016", "2027-01-12"}, {"ms-windows-10", "2025-10-14"},
      {"ms-windows-11-24h2", "2027-10-12"},     {"centos-7", "2024-06-30"},
      {"ubuntu-20.04", "2025-05-31"},           {"cisco-catalyst-3750x", "2021-10-31"},
      {"cisco-catalyst-2960x", "2027-10-31"},
  };
  for (const Case& c : cases) {
    INFO(c.id);
    const Technology* t = catalog.Find(c.id);
    REQUIRE(t != nullptr);
    CHECK(t->end_of_support == c.end_of_support);
  }
  const Technology* esxi = catalog.Find("vmware-esxi-8");
  CHECK(esxi->capability == "hypervisor");
  CHECK(esxi->category == Category::kPlatform);
  CHECK(esxi->name == "VMware ESXi 8.0");
  auto versions = catalog.VersionsOf("vmware-esxi");
  REQUIRE(versions.size() >= 6);
  CHECK(versions.front()->id == "vmware-esxi-9");
  CHECK(versions.back()->id == "vmware-esxi");
  CHECK(catalog.ClosestId("vmware-esx-8") == "vmware-esxi-8");
  // Every technology's successor exists, every id is unique.
  std::set<std::string> ids;
  for (std::size_t i = 0; i < catalog.technology_count(); ++i) {
    const Technology& t = catalog.technology(static_cast<int>(i));
    CHECK(ids.insert(t.id).second);
    if (!t.successor.empty()) CHECK(catalog.Find(t.successor) != nullptr);
  }
}

TEST_CASE("an asset's facets: fields, OS and platform attributes", "[core][catalog]") {
  const Catalog& catalog = Bundled();
  Asset host;
  host.kind = AssetKind::kDevice;
  host.vendor = "Dell";
  host.product = "PowerEdge R650";
  host.SetAttr("platform", "VMware ESXi 7.0 U3");
  auto facets = catalog.Facets(host);
  REQUIRE(facets.size() == 2);
  CHECK(facets[0].capability == "server");
  CHECK(facets[1].capability == "hypervisor");
  CHECK(facets[1].source == FacetSource::kPlatform);

  Asset vm;  // NetBox VM: the OS in the fields and again in attributes
  vm.kind = AssetKind::kVm;
  vm.vendor = "Microsoft";
  vm.product = "Windows Server";
  vm.version = "2019";
  vm.SetAttr("os", "Windows Server 2019 Standard");
  vm.SetAttr("os_version", "2019");
  facets = catalog.Facets(vm);
  REQUIRE(facets.size() == 1);
  CHECK(catalog.technology(facets[0].match.technology).id == "ms-windows-server-2019");

  Asset laptop;  // GLPI: hardware in the fields, OS in attributes
  laptop.kind = AssetKind::kClient;
  laptop.vendor = "Dell Inc.";
  laptop.product = "Latitude 5440";
  laptop.SetAttr("os", "Microsoft Windows 11 Enterprise");
  laptop.SetAttr("os_version", "24H2");
  facets = catalog.Facets(laptop);
  REQUIRE(facets.size() == 2);
  CHECK(facets[0].capability == "client-hw");
  CHECK(catalog.technology(facets[1].match.technology).id == "ms-windows-11-24h2");

  Asset ubuntu_client;  // capability_by_kind: Ubuntu on a client is a client OS
  ubuntu_client.kind = AssetKind::kClient;
  ubuntu_client.product = "Ubuntu 22.04 LTS";
  facets = catalog.Facets(ubuntu_client);
  REQUIRE(facets.size() == 1);
  CHECK(facets[0].capability == "client-os");

  Asset rack;
  rack.kind = AssetKind::kRack;
  rack.vendor = "APC";
  CHECK(catalog.Facets(rack).empty());
}

TEST_CASE("user catalog files extend and override, with located errors", "[core][catalog]") {
  Catalog catalog;
  Diagnostics d;
  CHECK(catalog
            .AddYaml(R"(vendors:
  - {id: acme, name: ACME, aliases: [Acme Widgets]}
products:
  - id: acme-router
    vendor: acme
    name: RoadRunner
    capability: router
    category: network
    patterns: ['\broad ?runner\b']
    versions:
      - {line: "1", end_of_support: 2020-01-31}
      - {line: "2", successor: acme-router-3}
)",
                     "acme.yaml", d)
            .ok());
  CHECK(Formatted(d) ==
        "acme.yaml:12:32: warning[CAT008]: successor 'acme-router-3' of 'acme-router-2' is not "
        "in the catalog\n");
  TechnologyMatch m = catalog.Match("Acme Widgets Ltd", "Road Runner", "1.4");
  REQUIRE(m.level == MatchLevel::kVersion);
  CHECK(catalog.technology(m.technology).id == "acme-router-1");
  CHECK(catalog.technology(m.technology).end_of_support == "2020-01-31");
  CHECK(catalog.technology(m.technology).name == "ACME RoadRunner 1");

  struct Bad {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Bad bad[] = {
      {"unknown key", "products:\n  - {id: x, vendor: acme, name: X, capabilty: router}\n",
       "bad.yaml:2:36: error[CAT002]: unknown key 'capabilty' in a product; did you mean "
       "'capability'?\n"
       "bad.yaml:2:5: error[CAT005]: product 'x' needs a 'capability'\n"},
      {"bad date",
       "products:\n  - {id: x, vendor: acme, name: X, capability: router, end_of_support: "
       "2020-13-01}\n",
       "bad.yaml:2:72: error[CAT004]: end_of_support: expected a date written yyyy-mm-dd, got "
       "'2020-13-01'\n"},
      {"bad regex",
       "products:\n  - {id: x, vendor: acme, name: X, capability: router, patterns: ['(']}\n",
       "bad.yaml:2:67: error[CAT004]: not a valid regular expression '(': Mismatched '(' and "
       "')' in regular expression\n"},
      {"unknown vendor", "products:\n  - {id: x, vendor: acmee, name: X, capability: router}\n",
       "bad.yaml:2:21: error[CAT007]: product 'x': vendor 'acmee' is not defined; did you mean "
       "'acme'?\n"},
      {"syntax", "products: [\n",
       "bad.yaml:2:1: error[CAT001]: not valid YAML: end of sequence flow not found\n"},
  };
  for (const Bad& b : bad) {
    INFO(b.name);
    Diagnostics bd;
    CHECK_FALSE(catalog.AddYaml(b.text, "bad.yaml", bd).ok());
    CHECK(Formatted(bd) == b.expected);
  }
}

TEST_CASE("repeated lookups give the same answer", "[core][catalog]") {
  const Catalog& catalog = Bundled();
  std::size_t matched = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string version = "7.0." + std::to_string(i % 300);
    TechnologyMatch m = catalog.Match("VMware, Inc.", "VMware ESXi", version);
    matched +=
        m.level == MatchLevel::kVersion && catalog.technology(m.technology).id == "vmware-esxi-7";
  }
  CHECK(matched == 20000);
}

TEST_CASE("a cluster's platform: cluster types as the NetBox importer writes them, cluster rows",
          "[core][catalog][cluster]") {
  const Catalog& catalog = Bundled();
  struct Case {
    const char* vendor;
    const char* product;
    const char* version;
    const char* technology;
  };
  // NetBox cluster types ("VMware vSphere", "VMware ESXi", "Microsoft Hyper-V", "Proxmox",
  // "Nutanix AHV", "XCP-ng", "Citrix XenServer", "oVirt", "KVM") and generic CSV cluster rows.
  const Case cases[] = {
      {"VMware", "vSphere", "", "vmware-esxi"},
      {"Microsoft", "Hyper-V", "", "ms-hyperv"},
      {"Proxmox", "Proxmox VE", "", "proxmox-ve"},
      {"Nutanix", "AHV", "", "nutanix-ahv"},
      {"Vates", "XCP-ng", "", "citrix-hypervisor"},
      {"Citrix", "Hypervisor", "", "citrix-hypervisor"},
      {"oVirt", "oVirt", "", "kvm"},
      {"", "KVM", "", "kvm"},
      {"VMware", "ESXi", "7.0.3", "vmware-esxi-7"},
      {"Proxmox Server Solutions GmbH", "Proxmox VE", "9.0.10", "proxmox-ve-9"},
  };
  for (const Case& c : cases) {
    INFO(c.vendor << " / " << c.product << " / " << c.version);
    Asset cluster;
    cluster.kind = AssetKind::kCluster;
    cluster.vendor = c.vendor;
    cluster.product = c.product;
    cluster.version = c.version;
    auto facets = catalog.Facets(cluster);
    REQUIRE(facets.size() == 1);
    REQUIRE(facets[0].match.technology >= 0);
    CHECK(catalog.technology(facets[0].match.technology).id == c.technology);
    CHECK(facets[0].capability == "hypervisor");
  }
}
