// RVTools CSV tabs. No real RVTools export is public: the fixtures in tests/data/rvtools were
// written from the columns RVTools documents (see the README there), and the sample inventory
// sample-inventories/varnamo/RVTools_tab*.csv is generated the same way.
#include "importers/rvtools_csv.h"

#include <catch2/catch.hpp>

#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::RvToolsCsvImporter;
using importers::RvToolsTab;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/rvtools/";
const std::string kVarnamo = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories/varnamo/";

testing::Imported Run(RvToolsTab tab, const std::string& text,
                      const std::string& source = "RVTools_tab.csv") {
  return RunImporter(RvToolsCsvImporter(tab), text, source, "varnamo");
}

std::string AttrOf(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : std::string("<absent>");
}

}  // namespace

TEST_CASE("RVTools rows, table-driven", "[importers][rvtools]") {
  struct Case {
    const char* what;
    RvToolsTab tab;
    std::string text;
    std::size_t assets;
    std::vector<std::pair<const char*, const char*>> attributes;  // of the first asset
    std::vector<std::string> relations;                           // "source kind target"
  };
  const Case cases[] = {
      {"a VM runs on its host; the Tools OS wins over the configured one",
       RvToolsTab::kVInfo,
       "VM,Powerstate,Template,CPUs,Memory,Host,OS according to the configuration file,OS "
       "according to the VMware Tools,Some Future Column\n"
       "vm1,poweredOn,False,2,8192,esx01.example,Microsoft Windows Server 2016 (64-bit),"
       "Microsoft Windows Server 2019 Standard,x\n",
       1,
       {{"os", "Microsoft Windows Server 2019 Standard"},
        {"os_config", "Microsoft Windows Server 2016 (64-bit)"},
        {"cpus", "2"},
        {"memory_mib", "8192"},
        {"host", "esx01"}},
       {"vm1 runs_on esx01"}},
      {"templates are not VMs",
       RvToolsTab::kVInfo,
       "VM,Powerstate,Template,Host\ntpl1,poweredOff,True,esx01\nvm2,poweredOff,false,esx01\n",
       1,
       {{"power_state", "poweredOff"}, {"os", "<absent>"}},
       {"vm2 runs_on esx01"}},
      {"semicolons and a decimal comma",
       RvToolsTab::kVInfo,
       "VM;Powerstate;Template;CPUs;Memory;Provisioned MiB\nvm3;poweredOn;False;4;4096;10240,5\n",
       1,
       {{"provisioned_mib", "10240,5"}},
       {}},
      {"US-locale thousands separators in whole-number columns; a decimal comma is not one",
       RvToolsTab::kVInfo,
       "VM,Powerstate,Template,CPUs,Memory,Provisioned MB,In Use MB\n"
       "vm4,poweredOn,False,4,\"16,384\",\"206,057\",\"1,234,567.0\"\n",
       1,
       {{"memory_mib", "16384"}, {"provisioned_mib", "206057"}, {"in_use_mib", "1234567"}},
       {}},
      {"a decimal comma that is no thousands group keeps the Swedish reading",
       RvToolsTab::kVInfo,
       "VM,Powerstate,Template,Memory,Provisioned MB,In Use MB\n"
       "vm5,poweredOn,False,\"16,38\",\"1,2345\",\"12,5\"\n",
       1,
       {{"memory_mib", "16,38"}, {"provisioned_mib", "1,2345"}, {"in_use_mib", "12,5"}},
       {}},
      {"US-locale thousands in a host's memory and a cluster's bytes",
       RvToolsTab::kVHost,
       "Host,# Memory,Speed\nesx05,\"1,048,576\",\"2,000\"\n",
       1,
       {{"memory_mib", "1048576"}, {"cpu_mhz", "2000"}},
       {}},
      {"a host: ESX version, model, serial from the service tag, cluster",
       RvToolsTab::kVHost,
       "Host,Cluster,ESX Version,Vendor,Model,Serial number,Service tag,# CPU,# Cores,# Memory\n"
       "esx09.varnamo.example,VDI,VMware ESXi 8.0.2 build-22380479,Dell Inc.,PowerEdge R650,,"
       "7NYGN6F,2,56,786432\n",
       1,
       {{"hypervisor", "VMware ESXi"},
        {"hypervisor_version", "8.0.2"},
        {"hypervisor_build", "22380479"},
        {"fqdn", "esx09.varnamo.example"},
        {"cpu_cores", "56"},
        {"memory_mib", "786432"}},
       {"esx09 member_of VDI"}},
      {"a cluster",
       RvToolsTab::kVCluster,
       "Name,NumHosts,TotalCpu,TotalMemory,HA enabled,DRS enabled\nVDI,4,403200,3298534883328,"
       "True,False\n",
       1,
       {{"num_hosts", "4"},
        {"total_memory_bytes", "3298534883328"},
        {"ha", "true"},
        {"drs", "false"}},
       {}},
      {"datastores are attributes of hosts and clusters",
       RvToolsTab::kVDatastore,
       "Name,Type,Capacity MiB,Free MiB,Hosts,Cluster name\n"
       "DS1,VMFS,1000,400,\"esx01.example, esx02.example\",Prod\n"
       "DS2,NFS,500,100,esx01.example,Prod\n",
       3,
       {{"datastores", "DS1,DS2"}},
       {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto r = Run(c.tab, c.text);
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == c.assets);
    const core::Asset& a = r.batch.assets[0];
    CHECK(a.mode == core::WriteMode::kFill);
    CHECK(a.org == "varnamo");
    for (const auto& [key, value] : c.attributes) {
      INFO(key);
      CHECK(AttrOf(a, key) == value);
    }
    std::vector<std::string> relations;
    for (const auto& rel : r.batch.relations) {
      relations.push_back(rel.source + " " + std::string(core::ToString(rel.kind)) + " " +
                          rel.target);
    }
    CHECK(relations == c.relations);
  }
}

TEST_CASE("RVTools: one name, different machines, stay apart", "[importers][rvtools]") {
  auto names = [](const testing::Imported& r) {
    std::vector<std::string> out;
    for (const core::Asset& a : r.batch.assets) out.push_back(a.name);
    return out;
  };
  auto relations = [](const testing::Imported& r) {
    std::vector<std::string> out;
    for (const auto& rel : r.batch.relations) {
      out.push_back(rel.source + " " + std::string(core::ToString(rel.kind)) + " " + rel.target);
    }
    return out;
  };
  SECTION("vInfo: VMs by their VM UUID, told apart by cluster, else folder, else UUID") {
    auto r = Run(RvToolsTab::kVInfo,
                 "VM,Powerstate,Template,Datacenter,Cluster,Folder,Host,VM UUID\n"
                 "59admin,poweredOn,False,DC1,Skola,/vm/Skola,esx01.a.se,uuid-1\n"
                 "59admin,poweredOn,False,DC1,Admin,/vm/Admin,esx02.a.se,uuid-2\n"
                 "app01,poweredOn,False,DC1,Admin,/vm/Admin,esx02.a.se,uuid-3\n"
                 "app01,poweredOn,False,DC1,Admin,/vm/Admin,esx02.a.se,uuid-3\n"
                 "web,poweredOn,False,DC1,Admin,/vm/A,esx02.a.se,uuid-4\n"
                 "web,poweredOn,False,DC1,Admin,/vm/B,esx02.a.se,uuid-5\n"
                 "db,poweredOn,False,DC1,Admin,/vm/A,esx02.a.se,uuid-6\n"
                 "db,poweredOn,False,DC1,Admin,/vm/A,esx02.a.se,uuid-7\n");
    CHECK(r.lines() ==
          std::vector<std::string>{
              "RVTools_tab.csv:3:1: warning[RVT007]: 2 VMs named '59admin' have different VM "
              "UUIDs; they are kept apart as '59admin (cluster Skola)', '59admin (cluster "
              "Admin)'",
              "RVTools_tab.csv:7:1: warning[RVT007]: 2 VMs named 'web' have different VM UUIDs; "
              "they are kept apart as 'web (folder /vm/A)', 'web (folder /vm/B)'",
              "RVTools_tab.csv:9:1: warning[RVT007]: 2 VMs named 'db' have different VM UUIDs; "
              "they are kept apart as 'db (uuid uuid-6)', 'db (uuid uuid-7)'"});
    CHECK(names(r) == std::vector<std::string>{"59admin (cluster Skola)", "59admin (cluster Admin)",
                                               "app01", "app01", "web (folder /vm/A)",
                                               "web (folder /vm/B)", "db (uuid uuid-6)",
                                               "db (uuid uuid-7)"});
    CHECK(relations(r)[0] == "59admin (cluster Skola) runs_on esx01");
    CHECK(relations(r)[1] == "59admin (cluster Admin) runs_on esx02");
  }
  SECTION("vHost: by host name, hardware UUID and serial number") {
    auto r = Run(RvToolsTab::kVHost,
                 "Host,Datacenter,Cluster,Serial number,UUID\n"
                 "esx01.kommun-a.se,DC-A,Prod,SER1,hu-1\n"
                 "esx01.kommun-b.se,DC-B,Prod,SER2,hu-2\n"
                 "esx02.kommun-a.se,DC-A,Prod,SER3,hu-3\n"
                 "esx02.kommun-a.se,DC-A,Prod,SER3,\n"
                 "esx03,DC-A,Prod,SER4,hu-4\n"
                 "esx03,DC-A,Test,SER5,hu-5\n");
    CHECK(r.lines() ==
          std::vector<std::string>{
              "RVTools_tab.csv:3:1: warning[RVT007]: 2 hosts named 'esx01' have different host "
              "names, hardware UUIDs or serial numbers; they are kept apart as "
              "'esx01.kommun-a.se', 'esx01.kommun-b.se'",
              "RVTools_tab.csv:7:1: warning[RVT007]: 2 hosts named 'esx03' have different host "
              "names, hardware UUIDs or serial numbers; they are kept apart as 'esx03 (cluster "
              "Prod)', 'esx03 (cluster Test)'"});
    CHECK(names(r) == std::vector<std::string>{"esx01.kommun-a.se", "esx01.kommun-b.se", "esx02",
                                               "esx02", "esx03 (cluster Prod)",
                                               "esx03 (cluster Test)"});
    CHECK(relations(r)[1] == "esx01.kommun-b.se member_of Prod");
    CHECK(relations(r)[5] == "esx03 (cluster Test) member_of Test");
  }
  SECTION("vDatastore: hosts by their full names where the short one is shared") {
    auto r = Run(RvToolsTab::kVDatastore,
                 "Name,Type,Capacity MiB,Free MiB,Hosts\n"
                 "DS1,VMFS,1000,400,\"esx01.kommun-a.se, esx02.kommun-a.se\"\n"
                 "DS2,VMFS,1000,400,\"esx01.kommun-b.se, ESX02.kommun-a.se\"\n");
    CHECK(r.lines() == std::vector<std::string>{
                           "RVTools_tab.csv:3:5: warning[RVT007]: 2 hosts named 'esx01' have "
                           "different host names; they are kept apart as 'esx01.kommun-a.se', "
                           "'esx01.kommun-b.se'"});
    CHECK(names(r) == std::vector<std::string>{"esx01.kommun-a.se", "esx01.kommun-b.se", "esx02"});
    CHECK(AttrOf(r.batch.assets[2], "datastores") == "DS1,DS2");
  }
}

TEST_CASE("RVTools fixtures with the documented columns", "[importers][rvtools]") {
  SECTION("vInfo") {
    auto r = Run(RvToolsTab::kVInfo, ReadFixture(kDir + "vinfo-documented-columns.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 2);  // the template is skipped
    const core::Asset& app = r.batch.assets[0];
    CHECK(app.name == "app01");
    CHECK(app.kind == core::AssetKind::kVm);
    CHECK(app.category == core::Category::kPlatform);
    CHECK(app.provenance.line == 2);
    CHECK(AttrOf(app, "ip") == "10.1.10.21");
    CHECK(AttrOf(app, "uuid") == "5029a1b2-0000-4c3d-8e9f-000000000001");
    CHECK(AttrOf(app, "provisioned_mib") == "106496");
    CHECK(AttrOf(r.batch.assets[1], "os") == "Red Hat Enterprise Linux 8 (64-bit)");
    CHECK(AttrOf(r.batch.assets[1], "ip") == "<absent>");
    REQUIRE(r.batch.relations.size() == 2);
    CHECK(r.batch.relations[1].target == "esx02");
    CHECK(r.batch.relations[1].target_kind == core::AssetKind::kDevice);
  }
  SECTION("vInfo as RVTools 3.x wrote it (MB columns)") {
    auto r = Run(RvToolsTab::kVInfo, ReadFixture(kDir + "vinfo-rvtools3-mb-columns.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(AttrOf(r.batch.assets[0], "in_use_mib") == "61440");
  }
  SECTION("vInfo saved as UTF-16 with BOM and semicolons") {
    auto r = Run(RvToolsTab::kVInfo, ReadFixture(kDir + "vinfo-utf16le-bom.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].name == "app01");
    CHECK(AttrOf(r.batch.assets[0], "os") == "Microsoft Windows Server 2019 Standard");
  }
  SECTION("vHost") {
    auto r = Run(RvToolsTab::kVHost, ReadFixture(kDir + "vhost-documented-columns.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 3);
    const core::Asset& esx01 = r.batch.assets[0];
    CHECK(esx01.name == "esx01");
    CHECK(esx01.role == "hypervisor");
    CHECK(esx01.vendor == "Dell Inc.");
    CHECK(esx01.product == "PowerEdge R750");
    CHECK(esx01.serial == "9K03WLJ");
    CHECK(AttrOf(esx01, "hypervisor_version") == "7.0.3");
    CHECK(r.batch.assets[1].serial == "CZJ1234ABC");
    CHECK(AttrOf(r.batch.assets[1], "maintenance") == "true");
    CHECK(r.batch.assets[2].name == "10.1.99.13");
    CHECK(AttrOf(r.batch.assets[2], "hypervisor_version") == "6.7.0");
    CHECK(r.batch.relations.size() == 2);  // the third host is in no cluster
  }
  SECTION("vCluster") {
    auto r = Run(RvToolsTab::kVCluster, ReadFixture(kDir + "vcluster-documented-columns.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].kind == core::AssetKind::kCluster);
    CHECK(r.batch.assets[0].product == "vSphere");
    CHECK(AttrOf(r.batch.assets[0], "cpu_cores") == "128");
  }
  SECTION("vDatastore") {
    auto r = Run(RvToolsTab::kVDatastore, ReadFixture(kDir + "vdatastore-documented-columns.csv"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 3);
    const core::Asset& prod = r.batch.assets[2];
    CHECK(prod.kind == core::AssetKind::kCluster);
    CHECK(AttrOf(prod, "datastore_capacity_mib") == "5242880");
    CHECK(AttrOf(prod, "datastore_free_mib") == "2218592");
    CHECK(AttrOf(prod, "datastore_types") == "VMFS,NFS");
  }
}

TEST_CASE("RVTools defects give located diagnostics", "[importers][rvtools]") {
  struct Case {
    RvToolsTab tab;
    const char* file;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {RvToolsTab::kVInfo,
       "missing-vm-column.csv",
       {"missing-vm-column.csv:1: error[RVT002]: missing column 'VM' (RVTools vInfo export)"}},
      {RvToolsTab::kVHost,
       "missing-host-column.csv",
       {"missing-host-column.csv:1: error[RVT002]: missing column 'Host' (RVTools vHost "
        "export)"}},
      {RvToolsTab::kVInfo,
       "bad-cpu-count.csv",
       {"bad-cpu-count.csv:2:4: error[RVT004]: column 'CPUs': expected a non-negative number, got "
        "'four'"}},
      {RvToolsTab::kVInfo,
       "empty-vm-name.csv",
       {"empty-vm-name.csv:2:1: error[RVT003]: column 'VM': empty; every row needs one"}},
      {RvToolsTab::kVInfo,
       "ragged-record.csv",
       {"ragged-record.csv:2: error[RVT006]: record has 7 fields, the header has 8"}},
      {RvToolsTab::kVInfo,
       "bad-primary-ip.csv",
       {"bad-primary-ip.csv:2:6: error[RVT005]: column 'Primary IP Address': '10.1.10.321' is "
        "not an IP address"}},
      {RvToolsTab::kVDatastore,
       "negative-capacity.csv",
       {"negative-capacity.csv:2:3: error[RVT004]: column 'Capacity MiB': expected a non-negative "
        "number, got "
        "'-100'"}},
      {RvToolsTab::kVInfo, "empty.csv", {"empty.csv:1: error[RVT001]: the file is empty"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Run(c.tab, ReadFixture(kDir + c.file), c.file);
    CHECK(r.lines() == c.expected);
  }
}

TEST_CASE("RVTools tabs are told apart by their header", "[importers][rvtools]") {
  struct Case {
    const char* file;
    const char* format;
  };
  const Case cases[] = {
      {"vinfo-documented-columns.csv", "rvtools-vinfo"},
      {"vinfo-rvtools3-mb-columns.csv", "rvtools-vinfo"},
      {"vinfo-utf16le-bom.csv", "rvtools-vinfo"},
      {"vhost-documented-columns.csv", "rvtools-vhost"},
      {"vcluster-documented-columns.csv", "rvtools-vcluster"},
      {"vdatastore-documented-columns.csv", "rvtools-vdatastore"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const importers::Importer* found = importers::DetectImporter(ReadFixture(kDir + c.file));
    REQUIRE(found);
    CHECK(found->Name() == c.format);
  }
  CHECK(RvToolsCsvImporter(RvToolsTab::kVInfo).Sniff("name,kind\nx,device\n") == 0);
  CHECK(RvToolsCsvImporter(RvToolsTab::kVHost).Sniff("<nmaprun/>") == 0);
}

TEST_CASE("Varnamo's RVTools export", "[importers][rvtools][samples]") {
  auto info = Run(RvToolsTab::kVInfo, ReadFixture(kVarnamo + "RVTools_tabvInfo.csv"));
  CHECK(info.lines().empty());
  CHECK(info.batch.assets.size() == 343);  // 347 rows less 4 templates
  CHECK(info.batch.relations.size() == 343);
  auto host = Run(RvToolsTab::kVHost, ReadFixture(kVarnamo + "RVTools_tabvHost.csv"));
  CHECK(host.lines().empty());
  CHECK(host.batch.assets.size() == 16);
  CHECK(host.batch.relations.size() == 16);
  auto cluster = Run(RvToolsTab::kVCluster, ReadFixture(kVarnamo + "RVTools_tabvCluster.csv"));
  CHECK(cluster.lines().empty());
  CHECK(cluster.batch.assets.size() == 3);
  auto ds = Run(RvToolsTab::kVDatastore, ReadFixture(kVarnamo + "RVTools_tabvDatastore.csv"));
  CHECK(ds.lines().empty());
  CHECK(ds.batch.relations.empty());
}

TEST_CASE("RVTools numbers beyond a long long stay as written", "[importers][rvtools][fuzz]") {
  // Found by fuzz_rvtools: a whole number above 2^63 was converted to long long (undefined).
  auto info = Run(RvToolsTab::kVInfo, ReadFixture(kDir + "huge-numbers.csv"), "huge-numbers.csv");
  CHECK(info.lines().empty());
  REQUIRE(info.batch.assets.size() == 1);
  CHECK(AttrOf(info.batch.assets[0], "cpus") == "4");
  CHECK(AttrOf(info.batch.assets[0], "memory_mib") == "99999999999999999999");
  // The fuzzer's own input (tests/data/fuzz/): Memory of 117 digits.
  auto fuzzed =
      Run(RvToolsTab::kVInfo,
          ReadFixture(std::string(SAMDRIFT_TEST_DATA) + "/fuzz/rvtools-vinfo-number-overflow.csv"),
          "rvtools-vinfo-number-overflow.csv");
  REQUIRE(fuzzed.batch.assets.size() == 1);
  CHECK(AttrOf(fuzzed.batch.assets[0], "memory_mib").size() == 117);
  // Datastore capacities summed per cluster beyond a long long are still whole MiB.
  auto ds = Run(RvToolsTab::kVDatastore, ReadFixture(kDir + "vdatastore-huge-capacity.csv"),
                "vdatastore-huge-capacity.csv");
  CHECK(ds.lines().empty());
  const core::Asset* cluster = nullptr;
  for (const core::Asset& a : ds.batch.assets) {
    if (a.kind == core::AssetKind::kCluster) cluster = &a;
  }
  REQUIRE(cluster != nullptr);
  CHECK(AttrOf(*cluster, "datastore_capacity_mib") == "200000000000000000000");
  CHECK(AttrOf(*cluster, "datastore_free_mib") == "2");
}
