#include "importers/lldpctl_xml.h"

#include <catch2/catch.hpp>

#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::LldpctlXmlImporter;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kReal = std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/lshw/";
const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/lldpctl-xml/";

testing::Imported Run(const std::string& text,
                      const std::string& source = "lldp/lldpctl-vgd-pve01.xml") {
  return RunImporter(LldpctlXmlImporter(), text, source, "vaggeryd");
}

std::string AttrOf(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : std::string("<absent>");
}

std::string Neighbour(const std::string& iface, const std::string& chassis,
                      const std::string& port) {
  return " <interface label=\"Interface\" name=\"" + iface + "\" via=\"LLDP\" rid=\"1\">\n" +
         "  <chassis label=\"Chassis\">" + chassis + "</chassis>\n  <port label=\"Port\">" + port +
         "</port>\n </interface>\n";
}

std::string Lldp(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<lldp label=\"LLDP neighbors\">\n" + body +
         "</lldp>\n";
}

}  // namespace

TEST_CASE("lldpctl neighbours become connections and devices", "[importers][lldp]") {
  struct Case {
    const char* what;
    std::string body;
    const char* source;
    const char* local;
    const char* neighbour;
    const char* local_port;
    const char* remote_port;
    const char* role;
    const char* vendor;
    const char* product;
    const char* version;
  };
  const Case cases[] = {
      {"Cisco neighbour, port named by ifname, host from the file name",
       Neighbour("eno12399np0",
                 "<id type=\"mac\">70:B3:17:D5:72:58</id><name>vgd-core01</name><descr>Cisco IOS "
                 "Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version "
                 "17.9.4a, RELEASE SOFTWARE (fc3)</descr><mgmt-ip>10.30.250.100</mgmt-ip>"
                 "<capability type=\"Bridge\" enabled=\"on\"/><capability type=\"Router\" "
                 "enabled=\"on\"/>",
                 "<id type=\"ifname\">Twe1/0/12</id><descr>TwentyFiveGigE1/0/12</descr>"),
       "vaggeryd/lldp/lldpctl-vgd-pve08.xml", "vgd-pve08", "vgd-core01", "eno12399np0", "Twe1/0/12",
       "switch", "Cisco", "", "17.9.4a"},
      {"Juniper neighbour, port named by its description, FQDN shortened",
       Neighbour("eth0",
                 "<id type=\"mac\">78:19:f7:88:60:c0</id><name>core01.dfw01</name><descr>Juniper "
                 "Networks, Inc. ex4500-40f , version 11.1S1 Build date: 2011-04-21</descr>"
                 "<capability type=\"Bridge\" enabled=\"on\"/>",
                 "<id type=\"local\">616</id><descr>ge-0/0/7.0</descr>"),
       "srv01.xml", "srv01", "core01", "eth0", "ge-0/0/7.0", "switch", "Juniper Networks, Inc.",
       "ex4500-40f", "11.1S1"},
      {"a router without a description, port known only by its id",
       Neighbour("eth1",
                 "<id type=\"mac\">00:11:22:33:44:55</id><name>gw1</name>"
                 "<capability type=\"Bridge\" enabled=\"off\"/><capability type=\"Router\" "
                 "enabled=\"on\"/>",
                 "<id type=\"mac\">00:11:22:33:44:56</id>"),
       "lldp-host7.example.xml", "host7", "gw1", "eth1", "00:11:22:33:44:56", "router", "", "", ""},
      {"the local chassis, when present, names the host",
       "<local-chassis><chassis><name>vgd-pve03.vaggeryd.local</name></chassis></local-chassis>" +
           Neighbour("eth0",
                     "<id type=\"mac\">aa:bb:cc:dd:ee:ff</id><name>ap-12</name>"
                     "<capability type=\"WLAN\" enabled=\"on\"/>",
                     "<id type=\"ifname\">eth0</id>"),
       "dump.xml", "vgd-pve03", "ap-12", "eth0", "eth0", "access-point", "", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto r = Run(Lldp(c.body), c.source);
    CHECK(r.lines().empty());
    REQUIRE(r.batch.relations.size() == 1);
    const core::Relation& link = r.batch.relations[0];
    CHECK(link.org == "vaggeryd");
    CHECK(link.source == c.local);
    CHECK(link.kind == core::RelationKind::kConnectedTo);
    CHECK(link.target == c.neighbour);
    CHECK(link.target_kind == core::AssetKind::kDevice);
    CHECK(link.source_port == c.local_port);
    CHECK(link.target_port == c.remote_port);
    REQUIRE(r.batch.assets.size() == 1);
    const core::Asset& device = r.batch.assets[0];
    CHECK(device.name == c.neighbour);
    CHECK(device.kind == core::AssetKind::kDevice);
    CHECK(device.role == c.role);
    CHECK(device.vendor == c.vendor);
    CHECK(device.product == c.product);
    CHECK(device.version == c.version);
    CHECK(device.mode == core::WriteMode::kFill);
  }
}

TEST_CASE("real lldpctl files", "[importers][lldp][real]") {
  SECTION("single: one neighbour") {
    auto r = Run(ReadFixture(kReal + "collins__lldpctl-single.xml"), "collins__lldpctl-single.xml");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.relations.size() == 1);
    CHECK(r.batch.relations[0].source == "collins__lldpctl-single");
    CHECK(r.batch.relations[0].source_port == "eth0");
    CHECK(r.batch.relations[0].target == "core01");
    CHECK(r.batch.relations[0].target_port == "ge-0/0/7.0");
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].vendor == "Juniper Networks, Inc.");
    CHECK(r.batch.assets[0].product == "ex4500-40f");
    CHECK(r.batch.assets[0].version == "11.1S1");
    CHECK(AttrOf(r.batch.assets[0], "fqdn") == "core01.dfw01");
    CHECK(AttrOf(r.batch.assets[0], "chassis_id") == "78:19:f7:88:60:c0");
  }
  SECTION("four-nic: three neighbours on eth0, eth4, eth5; Juniper re0. prefixes dropped") {
    auto r = Run(ReadFixture(kReal + "collins__lldpctl-four-nic.xml"), "lldpctl-db01.xml");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.relations.size() == 3);
    std::vector<std::string> links;
    for (const auto& l : r.batch.relations) {
      links.push_back(l.source + ":" + l.source_port + " -> " + l.target + ":" + l.target_port);
    }
    CHECK(links == std::vector<std::string>{"db01:eth0 -> oob-switch013:ge-0/0/38.0",
                                            "db01:eth4 -> access-switch01:ge-6/0/19.0",
                                            "db01:eth5 -> access-switch02:ge-6/0/18.0"});
    REQUIRE(r.batch.assets.size() == 3);
    CHECK(r.batch.assets[1].product == "ex8216");
    CHECK(AttrOf(r.batch.assets[1], "ip") == "172.16.255.11");
    CHECK(AttrOf(r.batch.assets[1], "fqdn") == "re0.access-switch01.ewr01");
  }
  SECTION("empty: generated neighbours without a system name are warned about") {
    auto r = Run(ReadFixture(kReal + "collins__lldpctl-empty.xml"), "empty.xml");
    CHECK(r.batch.relations.empty());
    CHECK(r.batch.assets.empty());
    CHECK(r.diagnostics.error_count() == 0);
    REQUIRE(r.lines().size() == 6);
    CHECK(r.lines()[0] ==
          "empty.xml:4:5: warning[LLDP010]: the neighbour on bond0 (chassis 00:25:90:35:E5:62) "
          "sends no system name; its connection is not recorded");
  }
  SECTION("bad: byte for byte the single file (collins' tests damage it in memory)") {
    const std::string bad = ReadFixture(kReal + "collins__lldpctl-bad.xml");
    CHECK(bad == ReadFixture(kReal + "collins__lldpctl-single.xml"));
    auto r = Run(bad, "collins__lldpctl-bad.xml");
    CHECK(r.lines().empty());
    CHECK(r.batch.relations.size() == 1);
  }
}

TEST_CASE("lldpctl defects give located diagnostics", "[importers][lldp]") {
  // One file per damage collins' LldpParserSpec applies to lldpctl-bad.xml, plus XML defects.
  struct Case {
    const char* file;
    std::vector<std::string> expected;
    std::size_t relations;
  };
  const Case cases[] = {
      {"truncated.xml",
       {"truncated.xml:6:38: error[XML001]: malformed XML: Start-end tags mismatch"},
       0},
      {"wrong-root.xml",
       {"wrong-root.xml:2:1: error[LLDP001]: the root element is <list>, not <lldp>; this is "
        "not lldpctl XML output (lldpctl -f xml)"},
       0},
      {"interface-without-name.xml",
       {"interface-without-name.xml:3:2: error[LLDP002]: <interface> has no name attribute; "
        "cannot tell which local port it is"},
       0},
      {"missing-chassis.xml",
       {"missing-chassis.xml:3:2: error[LLDP003]: <interface name=\"eth0\"> has no <chassis>"},
       0},
      {"missing-chassis-id.xml",
       {"missing-chassis-id.xml:4:3: error[LLDP004]: <chassis> on interface eth0 has no <id> "
        "(the chassis ID is mandatory in LLDP)"},
       0},
      {"missing-port-id.xml",
       {"missing-port-id.xml:10:3: error[LLDP005]: <port> on interface eth0 has no <id> (the "
        "port ID is mandatory in LLDP)"},
       0},
      {"show-interfaces-not-neighbours.xml",
       {"show-interfaces-not-neighbours.xml:2:1: error[LLDP006]: this is `lldpcli show "
        "interfaces` output (the local interfaces), not a neighbour list; export `lldpcli -f xml "
        "show neighbors`"},
       0},
      {"show-statistics-not-neighbours.xml",
       {"show-statistics-not-neighbours.xml:2:1: error[LLDP006]: this is `lldpcli show "
        "statistics` output (the per-interface counters), not a neighbour list; export `lldpcli "
        "-f xml show neighbors`"},
       0},
      {"missing-chassis-name.xml",
       {"missing-chassis-name.xml:4:3: warning[LLDP010]: the neighbour on eth0 (chassis "
        "78:19:f7:88:60:c0) sends no system name; its connection is not recorded"},
       0},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Run(ReadFixture(kDir + c.file), c.file);
    CHECK(r.lines() == c.expected);
    CHECK(r.batch.relations.size() == c.relations);
    if (c.relations == 0) CHECK(r.batch.assets.empty());
  }
  // An unknown label is named; a root without one (old lldpctl) is read as neighbours.
  auto other = Run("<lldp label=\"LLDP something\"/>", "x.xml");
  CHECK(other.lines() ==
        std::vector<std::string>{"x.xml:1:1: error[LLDP006]: this is lldpcli output labelled 'LLDP "
                                 "something', not a neighbour list; export `lldpcli -f xml show "
                                 "neighbors`"});
  auto unlabelled =
      Run("<lldp>\n" + Neighbour("eth0", "<id>1</id><name>sw1</name>", "<id>1</id>") + "</lldp>\n");
  CHECK(unlabelled.lines().empty());
  CHECK(unlabelled.batch.relations.size() == 1);
}

TEST_CASE("lldpctl: same short name for two neighbours is warned about", "[importers][lldp]") {
  auto r = Run(Lldp(Neighbour("eth0", "<id>1</id><name>sw1.a.example</name>", "<id>1</id>") +
                    Neighbour("eth1", "<id>2</id><name>sw1.b.example</name>", "<id>2</id>")),
               "h.xml");
  CHECK(r.lines() == std::vector<std::string>{
                         "h.xml:8:3: warning[LLDP011]: neighbours 'sw1.a.example' and "
                         "'sw1.b.example' have the same short name 'sw1'; they are recorded as "
                         "one device"});
  CHECK(r.batch.relations.size() == 2);
  CHECK(r.batch.assets.size() == 1);
}

TEST_CASE("lldpctl detection", "[importers][lldp]") {
  CHECK(LldpctlXmlImporter().Sniff(Lldp("")) == 95);
  CHECK(LldpctlXmlImporter().Sniff("<list/>") == 0);
  CHECK(importers::DetectImporter(Lldp(""))->Name() == "lldpctl-xml");
  auto r = Run(Lldp(""), "lldpctl-idle.xml");  // no neighbours: nothing, and no complaint
  CHECK(r.lines().empty());
  CHECK(r.batch.relations.empty());
}
