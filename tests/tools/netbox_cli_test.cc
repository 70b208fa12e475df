// End to end: a folder of NetBox exports (CSV, JSON, YAML, a device type) through the real
// samdrift binary, in an order where cables come before the devices they join.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

void WriteNetboxFolder(const fs::path& dir) {
  fs::create_directories(dir / "types");
  WriteText(dir / "a-cables.csv",
            "side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name,"
            "side_b_site,side_b_power_panel,type,status\n"
            "sw-1,dcim.interface,et-0/1/0,sw-2,dcim.interface,et-0/1/0,,,,connected\n"
            "esx-1,interface,vmnic0,sw-1,interface,ge-0/0/1,,,cat6,connected\n"
            "esx-2,interface,vmnic0,sw-2,interface,ge-0/0/1,,,cat6,connected\n"
            "esx-1,dcim.powerport,PSU1,pdu-1,dcim.poweroutlet,Outlet 1,,,power,connected\n"
            "pdu-1,dcim.powerport,Power Port 1,,dcim.powerfeed,Feed A,Stadshuset,PP-1,power,"
            "connected\n");
  WriteText(dir / "b-vms.json",
            R"([{"name": "app-1", "cluster": "vs-kluster", "platform": "Windows Server 2019",
  "vcpus": 4, "memory": 16384, "disk": 200},
 {"name": "db-1", "cluster": "vs-kluster", "device": "esx-1", "platform": "Ubuntu 22.04",
  "vcpus": 8, "memory": 32768}]
)");
  WriteText(dir / "c-devices.csv",
            "name,device_role,manufacturer,device_type,site,location,rack,position,face,"
            "virtual_chassis,vc_position,cluster\n"
            "sw-1,Core Switch,Juniper,EX4300-48P,Stadshuset,Serverhall 1,A01,40,front,core,1,\n"
            "sw-2,Core Switch,Juniper,EX4300-48P,Reservhallen,,B01,40,front,core,2,\n"
            "esx-1,vSphere,HPE,ProLiant DL380 Gen10,Stadshuset,Serverhall 1,A01,10,front,,,"
            "vs-kluster\n"
            "esx-2,vSphere,HPE,ProLiant DL380 Gen10,Reservhallen,Hall B,B01,10,front,,,"
            "vs-kluster\n"
            "pdu-1,PDU,APC,AP7921B,Stadshuset,Serverhall 1,A01,1,rear,,,\n");
  WriteText(dir / "d-racks.yaml",
            "- site: Stadshuset\n  location: Serverhall 1\n  name: A01\n  status: active\n"
            "  u_height: 42\n"
            "- site: Reservhallen\n  location: Hall B\n  name: B01\n  status: active\n"
            "  u_height: 42\n");
  WriteText(dir / "e-sites.csv",
            "name,slug,status,region\nStadshuset,stadshuset,active,Gnosjö\n"
            "Reservhallen,reserv,active,Gnosjö\n");
  WriteText(dir / "f-locations.csv",
            "site,name,slug,status\nStadshuset,Serverhall 1,sh1,active\n"
            "Reservhallen,Hall B,hb,active\n");
  WriteText(dir / "g-clusters.csv",
            "name,type,scope_type,scope_name\nvs-kluster,VMware vSphere,dcim.site,Stadshuset\n");
  WriteText(dir / "h-feeds.csv",
            "site,power_panel,location,rack,name,voltage,amperage,phase,max_utilization\n"
            "Stadshuset,PP-1,Serverhall 1,A01,Feed A,400,16,three-phase,80\n");
  WriteText(dir / "i-panels.csv", "site,location,name\nStadshuset,Serverhall 1,PP-1\n");
  // Power ports update their devices' power (an update: no new assets, categories kept).
  WriteText(dir / "0-power-ports.csv",
            "device,name,type,maximum_draw,allocated_draw\n"
            "sw-1,PSU0,iec-60320-c14,1100,180\nsw-1,PSU1,iec-60320-c14,1100,175\n"
            "esx-1,PSU1,iec-60320-c14,800,\n");
  WriteText(dir / "types" / "ex4300.yaml",
            "manufacturer: Juniper\nmodel: EX4300-48P\nslug: juniper-ex4300-48p\nu_height: 1\n"
            "is_full_depth: true\npower-ports:\n  - name: PSU0\n    maximum_draw: 1100\n"
            "  - name: PSU1\n    maximum_draw: 1100\n");
}

nlohmann::json Stats(const fs::path& dir) {
  auto r = RunCli(dir, "stats --json");
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("a NetBox export folder imports in any file order", "[tools][cli][netbox]") {
  auto dir = ScratchDir("netbox-folder");
  WriteNetboxFolder(dir / "netbox");
  REQUIRE(RunCli(dir, "init").exit_code == 0);

  auto imported = RunCli(dir, "import --org gnosjo netbox");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  // 16 distinct assets stored (stats' 11 + 2 + 3): the power ports update two of the devices.
  CHECK(imported.out ==
        "imported 11 file(s) for gnosjo: 16 assets, 11 relations, 1 device types\n");
  auto json = Stats(dir);
  const auto& gnosjo = json["orgs"]["gnosjo"];
  CHECK(gnosjo["datacenter"] == 11);  // 2 sites, 2 halls, 2 racks, 2 hosts, PDU, panel, feed
  CHECK(gnosjo["network"] == 2);
  CHECK(gnosjo["platform"] == 3);  // the cluster and two VMs
  CHECK(gnosjo["client"] == 0);
  CHECK(gnosjo["total"] == 16);  // sw-2's rack got its hall: no second rack implied
  CHECK(json["total"] == 16);
  CHECK(json["relations"] == 11);
  CHECK(json["unresolved_relations"] == 0);
  CHECK(json["device_types"] == 1);

  // The same files again: the same store.
  REQUIRE(RunCli(dir, "import --org gnosjo netbox").exit_code == 0);
  CHECK(Stats(dir) == json);

  // A cable to a device that is nowhere: a located error, and nothing stored.
  WriteText(dir / "netbox" / "z-more-cables.csv",
            "side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name\n"
            "sw-1,interface,ge-0/0/2,esx-2,interface,vmnic1\n"
            "sw-1,interface,ge-0/0/3,sw-9,interface,ge-0/0/3\n");
  auto broken = RunCli(dir, "import --org gnosjo netbox");
  CHECK(broken.exit_code == 1);
  CHECK(broken.err ==
        "netbox/z-more-cables.csv:3:4: error[NBX010]: side_b_device: no device 'sw-9' in this "
        "import or the store\n"
        "samdrift: 1 error(s); nothing was stored\n");
  CHECK(Stats(dir) == json);
}

TEST_CASE("--org-from tenant splits one NetBox export into orgs", "[tools][cli][netbox]") {
  auto dir = ScratchDir("netbox-tenants");
  fs::create_directories(dir / "export");
  WriteText(dir / "export" / "sites.csv",
            "name,slug,status,tenant\n"
            "Stadshuset Gnosjö,sg,active,Gnosjö\n"
            "Stadshuset Värnamo,sv,active,Värnamo kommun\n"
            "Gemensam,gem,active,\n");
  WriteText(dir / "export" / "devices.csv",
            "name,role,manufacturer,device_type,site,tenant\n"
            "fw-1,Firewall,Fortinet,FG-100F,Stadshuset Gnosjö,Gnosjö\n"
            "fw-2,Firewall,Fortinet,FG-100F,Stadshuset Värnamo,Värnamo kommun\n"
            "fw-3,Firewall,Fortinet,FG-100F,Stadshuset Gnosjö,Värnamo kommun\n");
  WriteText(dir / "map.csv", "tenant,org\nVärnamo kommun,varnamo\n");
  REQUIRE(RunCli(dir, "init").exit_code == 0);

  auto imported = RunCli(dir, "import --org hylte --org-from tenant --tenant-map map.csv export");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  // The summary names the orgs the tenants gave and the site implied in Värnamo's org, so that
  // its counts add up to what stats shows.
  CHECK(imported.out ==
        "imported 2 file(s) for gnosjo, hylte, varnamo: 6 assets, 0 relations (+1 implied: "
        "sites, halls or racks that rows name but no file declares)\n");
  auto json = Stats(dir);
  CHECK(json["orgs"]["gnosjo"]["total"] == 2);
  CHECK(json["orgs"]["gnosjo"]["network"] == 1);
  // fw-3 stands in Gnosjö's site: Värnamo's view of it implies that site in its own org.
  CHECK(json["orgs"]["varnamo"]["total"] == 4);
  CHECK(json["orgs"]["varnamo"]["network"] == 2);
  CHECK(json["orgs"]["hylte"]["total"] == 1);  // no tenant: --org
  CHECK(json["total"] == 7);

  WriteText(dir / "export" / "more.csv", "name,slug,status,tenant\nX,x,active,IT & Drift\n");
  auto broken = RunCli(dir, "import --org hylte --org-from tenant export");
  CHECK(broken.exit_code == 1);
  CHECK(broken.err.find("export/more.csv:2:4: error[NBX005]: tenant: tenant 'IT & Drift' gives "
                        "no org id ('it-&-drift' is not lowercase ASCII); map it with "
                        "--tenant-map\n") == 0);
  CHECK(Stats(dir) == json);
}
