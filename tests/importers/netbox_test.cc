// NetBox importers on inline strings: detection, what each object type becomes, references.
#include <catch2/catch.hpp>

#include "importers/batch_import.h"
#include "importers/netbox_columns.h"
#include "importers/netbox_importer.h"
#include "importers/registry.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
using importers::NetboxImporter;
using importers::NetboxType;
using testing::RunImporter;

namespace {

testing::Imported Run(NetboxType type, const std::string& text,
                      const std::string& source = "in.csv") {
  return RunImporter(NetboxImporter(type), text, source);
}

const core::Relation* FindRelation(const core::Batch& b, core::RelationKind kind,
                                   const std::string& source) {
  for (const core::Relation& r : b.relations) {
    if (r.kind == kind && r.source == source) return &r;
  }
  return nullptr;
}

std::string Attr(const core::Asset& a, const char* key) {
  const std::string* v = a.Attr(key);
  return v ? *v : "(none)";
}

}  // namespace

TEST_CASE("the NetBox object type is detected from the header or keys", "[importers][netbox]") {
  struct Case {
    const char* content;
    const char* expected;  // "" = no importer
  };
  const Case cases[] = {
      {"name,slug,status,region,group,tenant\n", "netbox-sites"},
      {"name,slug,parent\n", "netbox-lookups"},
      {"name,slug,group,description\n", "netbox-lookups"},
      {"site,name,slug,status,tenant,description\n", "netbox-locations"},
      {"site,location,name,tenant,status,role,from_factor,width,u_height\n", "netbox-racks"},
      {"site,name,status,type,width,u_height\n", "netbox-racks"},
      {"name,role,tenant,manufacturer,device_type,status,site,location,rack,position,face\n",
       "netbox-devices"},
      {"name;device_role;manufacturer;device_type;site\n", "netbox-devices"},
      {"side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name,type\n",
       "netbox-cables"},
      {"site,location,name,description\n", "netbox-power-panels"},
      {"site,power_panel,rack,name,status,type,supply,phase,voltage,amperage,max_utilization\n",
       "netbox-power-feeds"},
      {"name,type,group,status,scope_type,scope_name\n", "netbox-clusters"},
      {"name,type,group,site,status\n", "netbox-clusters"},  // pre-4.2, not a pre-3.6 rack
      {"name,status,cluster,device,platform,vcpus,memory,disk\n", "netbox-virtual-machines"},
      {"name,domain,master\n", "netbox-virtual-chassis"},
      {"device,name,type,mgmt_only,mac_address\n", "netbox-interfaces"},
      {"device,name,label,type,mark_connected,maximum_draw,allocated_draw,description\n",
       "netbox-power-ports"},
      {"virtual_machine,name,enabled,mtu\n", "netbox-interfaces"},
      {"[{\"name\": \"HQ\", \"slug\": \"hq\", \"status\": \"active\"}]", "netbox-sites"},
      {"- name: HQ\n  slug: hq\n  status: active\n- name: B\n", "netbox-sites"},
      {"---\nname: HQ\nstatus: active\n---\nname: B\n", "netbox-sites"},
      {"manufacturer: Cisco\nmodel: ISR4321\nu_height: 1\n", "netbox-device-type"},
      {"name,kind,vendor\n", "assets-csv"},
      {"just some text\n", ""},
  };
  for (const Case& c : cases) {
    INFO(c.content);
    const importers::Importer* found = importers::DetectImporter(c.content);
    CHECK(std::string(found ? found->Name() : "") == c.expected);
  }
}

TEST_CASE("IPAM objects are left to netbox-ipam-csv", "[importers][netbox]") {
  const char* headers[] = {
      "prefix,vrf,tenant,site,vlan,status,role\n",
      "address,vrf,tenant,status,role,device,interface\n",
      "site,group,vid,name,tenant,status,role,description\n",
      "name,rd,tenant,enforce_unique,description\n",
      "[{\"address\": \"10.0.0.1/24\", \"status\": \"active\"}]",
  };
  for (const char* header : headers) {
    INFO(header);
    for (NetboxType type : importers::AllNetboxTypes()) {
      CHECK(NetboxImporter(type).Sniff(header) == 0);
    }
  }
}

TEST_CASE("sites keep their NetBox fields as attributes", "[importers][netbox]") {
  auto r = Run(NetboxType::kSite,
               "name,slug,status,region,group,tenant,cf_kostnadsstalle\n"
               "Stadshuset,stadshuset,active,Jönköpings län,Kommun,IT,4711\n");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 1);
  const core::Asset& a = r.batch.assets[0];
  CHECK(a.kind == core::AssetKind::kSite);
  CHECK(a.name == "Stadshuset");
  CHECK(a.org == "gnosjo");
  CHECK(Attr(a, "region") == "Jönköpings län");
  CHECK(Attr(a, "group") == "Kommun");
  CHECK(Attr(a, "tenant") == "IT");
  CHECK(Attr(a, "cf_kostnadsstalle") == "4711");
  CHECK(a.provenance.importer == "netbox-sites");
  CHECK(a.provenance.line == 2);
}

TEST_CASE("a location is a hall, a rack sits in site and hall", "[importers][netbox]") {
  auto halls = Run(NetboxType::kLocation,
                   "site,name,slug,status,parent\nStadshuset,Serverhall 1,sh1,active,Plan 2\n");
  CHECK(halls.lines().empty());
  REQUIRE(halls.batch.assets.size() == 1);
  CHECK(halls.batch.assets[0].kind == core::AssetKind::kHall);
  CHECK(halls.batch.assets[0].Key() == "Stadshuset/Serverhall 1");
  CHECK(Attr(halls.batch.assets[0], "parent") == "Plan 2");
  REQUIRE(halls.batch.references.size() == 1);
  CHECK(halls.batch.references[0].kind == core::AssetKind::kSite);
  CHECK(halls.batch.references[0].message ==
        "site: no site 'Stadshuset' in this import or the store");

  auto racks = Run(NetboxType::kRack,
                   "site,location,name,status,role,type,width,u_height,serial\n"
                   "Stadshuset,Serverhall 1,A01,active,Compute,4-post-cabinet,19,42,SN1\n"
                   "Stadshuset,,B01,active,,,,,\n");
  CHECK(racks.lines().empty());
  REQUIRE(racks.batch.assets.size() == 2);
  const core::Asset& a = racks.batch.assets[0];
  CHECK(a.kind == core::AssetKind::kRack);
  CHECK(a.Key() == "Stadshuset/Serverhall 1/A01");
  CHECK(a.role == "compute");
  CHECK(a.serial == "SN1");
  CHECK_FALSE(a.u_height);  // the rack's height is capacity, kept as an attribute
  CHECK(Attr(a, "u_height") == "42");
  CHECK(Attr(a, "form_factor") == "4-post-cabinet");  // pre-3.6 `type`
  CHECK(Attr(a, "width") == "19");
  CHECK(racks.batch.assets[1].Key() == "Stadshuset//B01");
  REQUIRE(racks.batch.references.size() == 2);
  CHECK(racks.batch.references[0].kind == core::AssetKind::kHall);
  CHECK(racks.batch.references[0].key == "Stadshuset/Serverhall 1");
  CHECK(racks.batch.references[1].kind == core::AssetKind::kSite);
}

TEST_CASE("devices: vendor, product, place, chassis, cluster, parent", "[importers][netbox]") {
  auto r = Run(NetboxType::kDevice,
               "name,device_role,manufacturer,device_type,site,location,rack,position,face,"
               "virtual_chassis,vc_position,cluster,parent,device_bay,platform,status\n"
               "sw-1,Core Switch,Juniper,EX4300-48P,HQ,Hall,R1,20.0,front,stack-a,1,,,,Junos,"
               "active\n"
               "esx-1,vSphere,HPE,ProLiant DL380 Gen10,HQ,Hall,R1,10.5,front,,,vs-cl,,,,\n"
               "blade-1,Server,HPE,BL460c,HQ,Hall,,,,,,,enc-1,Bay 3,,\n"
               ",Patch Panel,Panduit,CPP48,HQ,Hall,R1,40,rear,,,,,,,\n");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 4);
  const core::Asset& sw = r.batch.assets[0];
  CHECK(sw.kind == core::AssetKind::kDevice);
  CHECK(sw.role == "core-switch");
  CHECK(sw.category == core::Category::kNetwork);
  CHECK(sw.vendor == "Juniper");
  CHECK(sw.product == "EX4300-48P");
  CHECK(sw.site == "HQ");
  CHECK(sw.hall == "Hall");
  CHECK(sw.rack == "R1");
  CHECK(sw.position == 20);
  CHECK(sw.redundancy_group == "vc:stack-a");
  CHECK(Attr(sw, "vc_position") == "1");
  CHECK(Attr(sw, "platform") == "Junos");
  CHECK(Attr(sw, "face") == "front");
  CHECK_FALSE(sw.u_height);  // the store keeps facts; planners resolve figures
  const core::Asset& esx = r.batch.assets[1];
  CHECK(esx.position == 10);
  CHECK(Attr(esx, "position") == "10.5");
  CHECK(esx.category == core::Category::kDatacenter);
  const core::Relation* member = FindRelation(r.batch, core::RelationKind::kMemberOf, "esx-1");
  REQUIRE(member);
  CHECK(member->target == "vs-cl");
  CHECK(member->target_kind == core::AssetKind::kCluster);
  const core::Relation* bay = FindRelation(r.batch, core::RelationKind::kLocatedIn, "blade-1");
  REQUIRE(bay);
  CHECK(bay->target == "enc-1");
  CHECK(bay->target_port == "Bay 3");
  const core::Asset& panel = r.batch.assets[3];
  CHECK(panel.name == "R1 U40 rear");
  CHECK(Attr(panel, "unnamed") == "true");
  // References: the rack (most specific place) per racked device, the hall for the blade,
  // the cluster and the parent.
  std::vector<std::string> refs;
  for (const core::Reference& ref : r.batch.references) refs.push_back(ref.message);
  CHECK(refs == std::vector<std::string>{
                    "rack: no rack 'R1' at site 'HQ' in location 'Hall' in this import or the "
                    "store",
                    "rack: no rack 'R1' at site 'HQ' in location 'Hall' in this import or the "
                    "store",
                    "cluster: no cluster 'vs-cl' in this import or the store",
                    "location: no location 'Hall' at site 'HQ' in this import or the store",
                    "parent: no device 'enc-1' in this import or the store",
                    "rack: no rack 'R1' at site 'HQ' in location 'Hall' in this import or the "
                    "store",
                });
}

TEST_CASE("cables: every termination pairing", "[importers][netbox][cables]") {
  struct Case {
    const char* a_type;
    const char* b_type;
    const char* b_panel;
    const char* kind;  // relation, or a diagnostic
    const char* source = "";
    const char* source_port = "";
    const char* target = "";
    const char* target_port = "";
  };
  const Case cases[] = {
      {"dcim.interface", "dcim.interface", "", "connected_to", "A", "p1", "B", "p2"},
      {"interface", "interface", "", "connected_to", "A", "p1", "B", "p2"},
      {"dcim.interface", "dcim.frontport", "", "connected_to", "A", "p1", "B", "p2"},
      {"rear port", "front port", "", "connected_to", "A", "p1", "B", "p2"},
      {"dcim.consoleport", "dcim.consoleserverport", "", "connected_to", "A", "console:p1", "B",
       "console:p2"},
      {"console port", "console server port", "", "connected_to", "A", "console:p1", "B",
       "console:p2"},
      {"dcim.consoleport", "dcim.rearport", "", "connected_to", "A", "console:p1", "B", "p2"},
      {"dcim.powerport", "dcim.poweroutlet", "", "powered_by", "A", "p1", "B", "p2"},
      {"power outlet", "power port", "", "powered_by", "B", "p2", "A", "p1"},
      {"dcim.powerport", "dcim.powerfeed", "PP-1", "powered_by", "A", "p1", "HQ/PP-1/p2", ""},
      {"dcim.interface", "dcim.powerport", "",
       "in.csv:2:5: error[NBX007]: a cable cannot join "
       "an interface to a power port"},
      {"dcim.consoleport", "dcim.interface", "",
       "in.csv:2:5: error[NBX007]: a cable cannot join "
       "a console port to an interface"},
      {"dcim.interfce", "interface", "",
       "in.csv:2:2: error[NBX004]: side_a_type: unknown "
       "termination type 'dcim.interfce'; did you mean "
       "'dcim.interface'?"},
      {"dcim.interface", "circuits.circuittermination", "",
       "in.csv:2: warning[NBX009]: cable to a circuit termination skipped: circuits (WAN links) "
       "are not modelled"},
      {"dcim.powerport", "dcim.powerfeed", "",
       "in.csv:2:8: error[NBX001]: side_b_power_panel: empty; a power feed is named by its site "
       "and panel"},
  };
  for (const Case& c : cases) {
    INFO(c.a_type << " -> " << c.b_type);
    std::string text =
        "side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name,"
        "side_b_site,side_b_power_panel\n"
        "A," +
        std::string(c.a_type) + ",p1," + (c.b_panel[0] ? "" : "B") + "," + c.b_type + ",p2,HQ," +
        c.b_panel + "\n";
    auto r = Run(NetboxType::kCable, text);
    std::string kind = c.kind;
    if (kind.find("in.csv") == 0) {
      CHECK(r.lines() == std::vector<std::string>{kind});
      CHECK(r.batch.relations.empty());
      continue;
    }
    CHECK(r.lines().empty());
    REQUIRE(r.batch.relations.size() == 1);
    const core::Relation& rel = r.batch.relations[0];
    CHECK(std::string(core::ToString(rel.kind)) == kind);
    CHECK(rel.source == c.source);
    CHECK(rel.source_port == c.source_port);
    CHECK(rel.target == c.target);
    CHECK(rel.target_port == (c.b_panel[0] ? "p2" : c.target_port));
    CHECK(rel.source_kind == core::AssetKind::kDevice);
    CHECK(rel.target_kind == core::AssetKind::kDevice);
    CHECK(r.batch.references.size() == 2);
  }
}

TEST_CASE("power feeds: available kW as NetBox computes it", "[importers][netbox][power]") {
  struct Case {
    const char* row;
    const char* kw;
    std::vector<std::string> diagnostics;
  };
  const Case cases[] = {
      {"230,16,single-phase,80", "2.94", {}},
      {"400,32,three-phase,80", "17.74", {}},
      {"230,10,,100", "2.3", {}},
      {"-48,60,single-phase,50", "1.44", {}},  // DC: the magnitude counts
      {"400,16,3,80", "8.87", {}},
      {",,,",
       "1.44",
       {"in.csv:2: warning[NBX011]: power feed 'A': NetBox's defaults used for voltage 120 V, "
        "amperage 15 A, max_utilization 80 %"}},
      {"230,16,two-phase,80",
       "",
       {"in.csv:2:8: error[NBX004]: phase: expected 'single-phase' or 'three-phase', got "
        "'two-phase'"}},
      {"230,16,single-phase,120",
       "",
       {"in.csv:2:9: error[NBX002]: max_utilization: must be 1 to 100, got '120'"}},
      {"230,16.5,single-phase,80",
       "",
       {"in.csv:2:7: error[NBX002]: amperage: expected a whole number, got '16.5'"}},
  };
  for (const Case& c : cases) {
    INFO(c.row);
    auto r = Run(NetboxType::kPowerFeed,
                 "site,power_panel,location,rack,name,voltage,amperage,phase,max_utilization\n"
                 "HQ,PP-1,Hall,R1,A," +
                     std::string(c.row) + "\n");
    CHECK(r.lines() == c.diagnostics);
    if (std::string(c.kw).empty()) {
      CHECK(r.batch.assets.empty());
      continue;
    }
    REQUIRE(r.batch.assets.size() == 1);
    const core::Asset& feed = r.batch.assets[0];
    CHECK(feed.name == "HQ/PP-1/A");
    CHECK(feed.role == "power-feed");
    CHECK(feed.rack == "R1");
    CHECK(feed.u_height == 0);
    CHECK(feed.power_w == 0.0);
    CHECK(Attr(feed, "available_kw") == c.kw);
    const core::Relation* panel =
        FindRelation(r.batch, core::RelationKind::kPoweredBy, "HQ/PP-1/A");
    REQUIRE(panel);
    CHECK(panel->target == "HQ/PP-1");
  }
}

TEST_CASE("power panels take no rack space", "[importers][netbox][power]") {
  auto r = Run(NetboxType::kPowerPanel, "site,location,name\nHQ,Hall,PP-1\n");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].name == "HQ/PP-1");  // panel names are unique per site only
  CHECK(r.batch.assets[0].role == "power-panel");
  CHECK(r.batch.assets[0].hall == "Hall");
  CHECK(r.batch.assets[0].u_height == 0);
}

TEST_CASE("cluster types become a vendor and product", "[importers][netbox][virtualization]") {
  struct Case {
    const char* type;
    const char* vendor;
    const char* product;
  };
  const Case cases[] = {
      {"VMware vSphere", "VMware", "vSphere"},
      {"vSphere", "VMware", "vSphere"},
      {"ESXi", "VMware", "vSphere"},
      {"Hyper-V", "Microsoft", "Hyper-V"},
      {"Microsoft Hyper-V", "Microsoft", "Hyper-V"},
      {"Proxmox VE", "Proxmox", "Proxmox VE"},
      {"Nutanix AHV", "Nutanix", "AHV"},
      {"Red Hat OpenShift", "Red Hat", "OpenShift"},
      {"Egen plattform", "", "Egen plattform"},
  };
  for (const Case& c : cases) {
    INFO(c.type);
    auto r = Run(NetboxType::kCluster,
                 "name,type,scope_type,scope_name\nkl1," + std::string(c.type) + ",dcim.site,HQ\n");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    const core::Asset& a = r.batch.assets[0];
    CHECK(a.kind == core::AssetKind::kCluster);
    CHECK(a.category == core::Category::kPlatform);
    CHECK(a.vendor == c.vendor);
    CHECK(a.product == c.product);
    CHECK(a.site == "HQ");
    CHECK(Attr(a, "type") == c.type);
  }
}

TEST_CASE("virtual machines: runs_on, OS as the technology",
          "[importers][netbox][virtualization]") {
  struct Case {
    const char* platform;
    const char* vendor;
    const char* product;
    const char* version;
  };
  const Case cases[] = {
      {"Windows Server 2019", "Microsoft", "Windows Server", "2019"},
      {"Windows Server 2022 Datacenter", "Microsoft", "Windows Server", "2022"},
      {"Windows Server 2012 R2", "Microsoft", "Windows Server", "2012 R2"},
      {"Windows Server 2012 R2 Standard", "Microsoft", "Windows Server", "2012 R2"},
      {"Windows Server 2012 Standard", "Microsoft", "Windows Server", "2012"},
      {"Ubuntu 22.04", "Canonical", "Ubuntu", "22.04"},
      {"Red Hat Enterprise Linux 8.9", "Red Hat", "Red Hat Enterprise Linux", "8.9"},
      {"Debian", "Debian", "Debian", ""},
      {"Custom OS 1", "", "Custom OS", "1"},
  };
  for (const Case& c : cases) {
    INFO(c.platform);
    auto r = Run(NetboxType::kVirtualMachine,
                 "name,role,cluster,device,platform,vcpus,memory,disk,status\n"
                 "vm-1,Application Server,kl1,esx-1," +
                     std::string(c.platform) + ",2.5,8192,100,active\n");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    const core::Asset& vm = r.batch.assets[0];
    CHECK(vm.kind == core::AssetKind::kVm);
    CHECK(vm.category == core::Category::kPlatform);
    CHECK(vm.role == "application-server");
    CHECK(vm.vendor == c.vendor);
    CHECK(vm.product == c.product);
    CHECK(vm.version == c.version);
    CHECK(Attr(vm, "os") == c.platform);
    CHECK(Attr(vm, "vcpus") == "2.5");
    CHECK(Attr(vm, "memory_mb") == "8192");
    CHECK(Attr(vm, "disk") == "100");
    REQUIRE(r.batch.relations.size() == 2);
    CHECK(r.batch.relations[0].kind == core::RelationKind::kRunsOn);
    CHECK(r.batch.relations[0].target == "kl1");
    CHECK(r.batch.relations[0].target_kind == core::AssetKind::kCluster);
    CHECK(r.batch.relations[1].target == "esx-1");
    CHECK(r.batch.relations[1].target_kind == core::AssetKind::kDevice);
    REQUIRE(r.batch.references.size() == 2);
    CHECK(r.batch.references[1].message == "device: no device 'esx-1' in this import or the store");
  }
}

TEST_CASE("lookups, virtual chassis and interfaces are read, not stored", "[importers][netbox]") {
  struct Case {
    NetboxType type;
    const char* text;
    const char* warning;
  };
  const Case cases[] = {
      {NetboxType::kLookup, "name,slug,parent\nEurope,europe,\nSweden,sweden,Europe\n",
       "in.csv:1: warning[NBX008]: 2 NetBox lookup object(s) (regions, groups, tenants, roles, "
       "...) read, not stored: the objects that use them carry their names"},
      {NetboxType::kVirtualChassis, "name,domain,master\nstack-a,,sw-1\n",
       "in.csv:1: warning[NBX008]: 1 virtual chassis read, not stored: member devices carry "
       "their chassis as redundancy group 'vc:NAME' (devices' virtual_chassis)"},
      {NetboxType::kInterface, "device,name,type,mgmt_only\nsw-1,ge-0/0/1,1000base-t,false\n",
       "in.csv:1: warning[NBX008]: 1 interface(s) read, not stored: connections come from "
       "cables, addresses from the IPAM import"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = Run(c.type, c.text);
    CHECK(r.lines() == std::vector<std::string>{c.warning});
    CHECK(r.batch.assets.empty());
    CHECK(r.batch.relations.empty());
  }
}

TEST_CASE("power ports give their device its power", "[importers][netbox][power]") {
  auto r = Run(NetboxType::kPowerPort,
               "device,name,type,maximum_draw,allocated_draw\n"
               "esx-1,PSU1,iec-60320-c14,800,300\n"
               "esx-1,PSU2,iec-60320-c14,800,280\n"
               "sw-1,PSU0,iec-60320-c14,150,\n"
               "pdu-1,Inlet,iec-60309,,\n");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);  // pdu-1 states no draw: nothing to update
  const core::Asset& esx = r.batch.assets[0];
  CHECK(esx.name == "esx-1");
  CHECK(esx.mode == core::WriteMode::kPatch);
  CHECK(esx.power_w == 580.0);
  CHECK_FALSE(esx.u_height);
  CHECK(r.batch.assets[1].power_w == 150.0);  // no allocation: the maximum
  REQUIRE(r.batch.references.size() == 2);
  CHECK(core::FormatDiagnostic({r.batch.references[0].where, core::Severity::kError,
                                r.batch.references[0].code, r.batch.references[0].message}) ==
        "in.csv:2:1: error[NBX010]: device: no device 'esx-1' in this import or the store");

  auto bad = Run(NetboxType::kPowerPort, "device,name,maximum_draw\nesx-1,PSU1,800W\n");
  CHECK(bad.lines() == std::vector<std::string>{
                           "in.csv:2:3: error[NBX002]: maximum_draw: expected a whole number, "
                           "got '800W'"});
  CHECK(bad.batch.assets.empty());
}
