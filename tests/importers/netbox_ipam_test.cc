#include "importers/netbox_ipam.h"

#include <catch2/catch.hpp>

#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::NetboxIpamImporter;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/netbox-ipam/";

testing::Imported Fixture(const std::string& name) {
  return RunImporter(NetboxIpamImporter(), ReadFixture(kDir + name), name);
}

std::string Attr(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : "<none>";
}

}  // namespace

TEST_CASE("NetBox prefixes become network assets", "[importers][netbox-ipam]") {
  auto r = Fixture("prefixes.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 6);
  const auto& plan = r.batch.assets[0];
  CHECK(plan.name == "10.0.0.0/8");
  CHECK(plan.kind == core::AssetKind::kNetwork);
  CHECK(plan.category == core::Category::kNetwork);
  CHECK(plan.org == "gnosjo");
  CHECK(Attr(plan, "status") == "container");
  CHECK(Attr(plan, "is_pool") == "false");
  CHECK(plan.provenance.importer == "netbox-ipam-csv");
  CHECK(plan.provenance.line == 2);
  const auto& clients = r.batch.assets[1];
  CHECK(clients.name == "10.10.0.0/16");
  CHECK(Attr(clients, "prefix") == "10.10.0.0/16");
  CHECK(Attr(clients, "vlan") == "10");
  CHECK(clients.role == "Klienter");
  CHECK(clients.site == "Kommunhuset");
  CHECK(Attr(clients, "description") == "Klientnät kommunhuset");
  CHECK(Attr(clients, "vrf") == "<none>");
  CHECK(Attr(r.batch.assets[2], "vlan_group") == "Campus");
  CHECK(r.batch.assets[3].name == "2001:db8:10::/48");  // canonical text
  const auto& vrf = r.batch.assets[4];
  CHECK(vrf.name == "172.16.0.0/24 vrf Förvaltning");
  CHECK(Attr(vrf, "vrf") == "Förvaltning");
  CHECK(Attr(vrf, "status") == "reserved");
  // Declared twice in one file: kept, marked, reported later by `net`.
  const auto& again = r.batch.assets[5];
  CHECK(again.name == "10.10.0.0/16 (line 7)");
  CHECK(Attr(again, "duplicate_of_line") == "3");
  CHECK(Attr(again, "prefix") == "10.10.0.0/16");
}

TEST_CASE("newer NetBox scopes prefixes with scope_type and scope_name or scope_id",
          "[importers][netbox-ipam]") {
  auto r = Fixture("prefixes-scope.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 3);
  CHECK(r.batch.assets[0].site == "Stadshuset");
  CHECK(Attr(r.batch.assets[0], "scope") == "<none>");
  CHECK(Attr(r.batch.assets[0], "cf_ansvarig") == "Anna");
  CHECK(r.batch.assets[1].site.empty());
  CHECK(Attr(r.batch.assets[1], "scope") == "dcim.location:Serverhall 1");
  CHECK(Attr(r.batch.assets[2], "scope") == "dcim.site:#7");
}

TEST_CASE("NetBox IP addresses keep device, interface and VRF", "[importers][netbox-ipam]") {
  auto r = Fixture("ip-addresses.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 6);
  const auto& sw = r.batch.assets[0];
  CHECK(sw.name == "10.10.0.5");
  CHECK(Attr(sw, "address") == "10.10.0.5/16");
  CHECK(Attr(sw, "device") == "sw-core-01");
  CHECK(Attr(sw, "interface") == "Vlan10");
  CHECK(Attr(sw, "is_primary") == "true");
  CHECK(Attr(sw, "dns_name") == "sw-core-01.gnosjo.se");
  CHECK(Attr(r.batch.assets[1], "virtual_machine") == "srv-app-01");
  CHECK(r.batch.assets[2].role == "vip");
  CHECK(r.batch.assets[3].name == "172.16.0.9 vrf Förvaltning");
  CHECK(Attr(r.batch.assets[3], "status") == "dhcp");
  CHECK(r.batch.assets[4].name == "2001:db8:10::5");
  CHECK(r.batch.assets[5].name == "10.10.0.5 (line 7)");
  CHECK(Attr(r.batch.assets[5], "status") == "deprecated");
}

TEST_CASE("NetBox VLANs and VRFs", "[importers][netbox-ipam]") {
  auto v = Fixture("vlans.csv");
  CHECK(v.lines().empty());
  REQUIRE(v.batch.assets.size() == 4);
  CHECK(v.batch.assets[0].name == "VLAN 10 site Kommunhuset");
  CHECK(Attr(v.batch.assets[0], "vlan") == "10");
  CHECK(Attr(v.batch.assets[0], "description") == "Klienter");
  CHECK(Attr(v.batch.assets[0], "details") == "Klientnätet");
  CHECK(v.batch.assets[0].role == "Klienter");
  CHECK(v.batch.assets[1].name == "VLAN 20 group Campus");
  CHECK(Attr(v.batch.assets[1], "vlan_group") == "Campus");
  CHECK(v.batch.assets[2].name == "VLAN 10 site Skolan");
  CHECK(v.batch.assets[3].name == "VLAN 99");
  CHECK(Attr(v.batch.assets[3], "status") == "reserved");

  auto f = Fixture("vrfs.csv");
  CHECK(f.lines().empty());
  REQUIRE(f.batch.assets.size() == 2);
  CHECK(f.batch.assets[0].name == "VRF Förvaltning");
  CHECK(Attr(f.batch.assets[0], "rd") == "65000:10");
  CHECK(Attr(f.batch.assets[0], "enforce_unique") == "true");
  CHECK(Attr(f.batch.assets[1], "vrf") == "Skola");
}

TEST_CASE("each defect is a located error", "[importers][netbox-ipam]") {
  struct Case {
    const char* file;
    const char* diagnostic;
  };
  const Case cases[] = {
      {"prefix-host-bits-set.csv",
       "prefix-host-bits-set.csv:4:1: error[NET001]: '10.1.2.3/16' has host bits set (did you "
       "mean 10.1.0.0/16?)"},
      {"prefix-length-33.csv",
       "prefix-length-33.csv:2:1: error[NET002]: '10.0.0.0/33': prefix length 33 is out of "
       "range for IPv4 (0-32)"},
      {"prefix-text.csv",
       "prefix-text.csv:2:1: error[NET003]: 'Skolnätet' is not an IP prefix (expected e.g. "
       "10.1.0.0/16 or 2001:db8::/32)"},
      {"prefix-unknown-header.csv",
       "prefix-unknown-header.csv:1:3: error[CSV003]: unknown column 'vlan_grup'; did you mean "
       "'vlan_group'?"},
      {"prefix-bad-status.csv",
       "prefix-bad-status.csv:2:2: error[NET005]: column 'status': 'aktiv' is not one of "
       "container, active, reserved, deprecated"},
      {"prefix-not-boolean.csv",
       "prefix-not-boolean.csv:2:3: error[NET007]: column 'is_pool': expected true or false, "
       "got 'kanske'"},
      {"address-without-length.csv",
       "address-without-length.csv:2:1: error[NET009]: '10.1.2.3' has no prefix length (e.g. "
       "10.1.2.3/24)"},
      {"address-primary-without-device.csv",
       "address-primary-without-device.csv:2:3: error[NET008]: column 'is_primary': no device "
       "or virtual_machine to be the address of"},
      {"vlan-id-out-of-range.csv",
       "vlan-id-out-of-range.csv:2:1: error[NET004]: column 'vid': expected a VLAN id 1-4094, "
       "got '4095'"},
      {"vlan-declared-twice.csv",
       "vlan-declared-twice.csv:3:2: error[NET006]: VLAN 10 group Campus is already declared on "
       "line 2"},
      {"vrf-declared-twice.csv",
       "vrf-declared-twice.csv:3:1: error[NET006]: VRF Skola is already declared on line 2"},
      {"no-ipam-object.csv",
       "no-ipam-object.csv:1: error[NET010]: not a NetBox IPAM import: the header has none of "
       "'prefix', 'address', 'vid' or 'rd'"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Fixture(c.file);
    CHECK(r.lines() == std::vector<std::string>{c.diagnostic});
  }
}

TEST_CASE("rows go to the org of their tenant on request", "[importers][netbox-ipam]") {
  importers::ImportOptions options;
  options.org = "fallback";
  options.org_source = importers::OrgSource::kTenant;
  options.tenant_to_org = {{"IT-avdelningen", "hylte"}};
  testing::Imported r;
  NetboxIpamImporter().Import(
      "prefix,tenant,status\n10.1.0.0/16,Gnosjö kommun,active\n10.2.0.0/16,Värnamo,active\n"
      "10.3.0.0/16,it-avdelningen,active\n10.4.0.0/16,,active\n",
      "prefixes.csv", options, r.batch, r.diagnostics);
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 4);
  CHECK(r.batch.assets[0].org == "gnosjo");
  CHECK(r.batch.assets[1].org == "varnamo");
  CHECK(r.batch.assets[2].org == "hylte");
  CHECK(r.batch.assets[3].org == "fallback");

  testing::Imported bad;
  NetboxIpamImporter().Import(ReadFixture(kDir + "tenant-without-org.csv"),
                              "tenant-without-org.csv", options, bad.batch, bad.diagnostics);
  CHECK(bad.lines() ==
        std::vector<std::string>{"tenant-without-org.csv:2:2: error[NET011]: tenant 'Region "
                                 "Jönköpings län (IT)' is not an org id; map it with "
                                 "--tenant-map"});
}

TEST_CASE("every problem in a file is reported", "[importers][netbox-ipam]") {
  auto r = RunImporter(NetboxIpamImporter(),
                       "prefix;status;vlan\n10.1.2.3/16;active;10\n10.0.0.0/8;aktiv;5000\n"
                       "10.0.0.0/8;active\n",
                       "p.csv");
  CHECK(r.lines() ==
        std::vector<std::string>{
            "p.csv:2:1: error[NET001]: '10.1.2.3/16' has host bits set (did you mean "
            "10.1.0.0/16?)",
            "p.csv:3:2: error[NET005]: column 'status': 'aktiv' is not one of container, active, "
            "reserved, deprecated",
            "p.csv:3:3: error[NET004]: column 'vlan': expected a VLAN id 1-4094, got '5000'",
            "p.csv:4: error[CSV006]: record has 2 fields, the header has 3"});
  CHECK(r.batch.assets.empty());
}

TEST_CASE("detection tells NetBox IPAM from samdrift's networks.csv", "[importers][netbox-ipam]") {
  auto name_of = [](const std::string& content) {
    const importers::Importer* i = importers::DetectImporter(content);
    return i ? std::string(i->Name()) : std::string("none");
  };
  CHECK(name_of("prefix,vrf,tenant,site,vlan,status,role,description\n") == "netbox-ipam-csv");
  CHECK(name_of("prefix,status\n") == "netbox-ipam-csv");
  CHECK(name_of("prefix,vfr,status\n") == "netbox-ipam-csv");  // a typo is still NetBox
  CHECK(name_of("address,vrf,status,device,interface\n") == "netbox-ipam-csv");
  CHECK(name_of("site,group,vid,name,status\n") == "netbox-ipam-csv");
  CHECK(name_of("name,rd,tenant,enforce_unique,description\n") == "netbox-ipam-csv");
  CHECK(name_of("prefix,vlan,name,site,vrf,role\n") == "networks-csv");
  CHECK(name_of("prefix;vlan;namn;plats\n") == "networks-csv");
}
