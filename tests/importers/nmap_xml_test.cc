#include "importers/nmap_xml.h"

#include <catch2/catch.hpp>
#include <set>

#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::NmapXmlImporter;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kReal = std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/nmap/";
const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/nmap-xml/";

std::string Scan(const std::string& hosts) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
         "<nmaprun scanner=\"nmap\" version=\"7.93\" xmloutputversion=\"1.05\">\n" +
         hosts + "</nmaprun>\n";
}

testing::Imported Run(const std::string& text, const std::string& source = "scan.xml") {
  return RunImporter(NmapXmlImporter(), text, source, "vaggeryd");
}

const core::Asset* Find(const core::Batch& batch, const std::string& name) {
  for (const core::Asset& a : batch.assets) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string AttrOf(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : std::string("<absent>");
}

std::size_t CountKind(const core::Batch& batch, core::AssetKind kind) {
  std::size_t n = 0;
  for (const core::Asset& a : batch.assets) n += a.kind == kind ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("nmap hosts: names, addresses, kinds", "[importers][nmap]") {
  struct Case {
    const char* what;
    std::string host;
    const char* name;  // "" when no asset is expected
    core::AssetKind kind;
    const char* role;
    std::vector<std::pair<const char*, const char*>> attributes;
  };
  const Case cases[] = {
      {"a down host is not imported",
       "<host><status state=\"down\"/><address addr=\"10.0.0.9\" addrtype=\"ipv4\"/></host>\n",
       "",
       core::AssetKind::kDevice,
       "",
       {}},
      {"short name from the PTR, full name kept",
       "<host><status state=\"up\"/><address addr=\"10.30.250.100\" addrtype=\"ipv4\"/>"
       "<address addr=\"70:B3:17:E4:3E:AB\" addrtype=\"mac\" vendor=\"Cisco Systems\"/>"
       "<hostnames><hostname name=\"core-a.example\" type=\"user\"/>"
       "<hostname name=\"vgd-core01.vaggeryd.local\" type=\"PTR\"/></hostnames>"
       "<os><osmatch name=\"Cisco IOS XE 16.X - 17.X\" accuracy=\"93\">"
       "<osclass type=\"switch\" vendor=\"Cisco\" osfamily=\"IOS\" osgen=\"17.X\" accuracy=\"93\">"
       "<cpe>cpe:/o:cisco:ios</cpe></osclass></osmatch></os></host>\n",
       "vgd-core01",
       core::AssetKind::kDevice,
       "switch",
       {{"fqdn", "vgd-core01.vaggeryd.local"},
        {"hostnames", "core-a.example"},
        {"ip", "10.30.250.100"},
        {"mac", "70:b3:17:e4:3e:ab"},
        {"mac_vendor", "Cisco Systems"},
        {"os", "Cisco IOS XE 16.X - 17.X"},
        {"os_vendor", "Cisco"},
        {"os_version", "17"},
        {"os_accuracy", "93"},
        {"device_type", "switch"}}},
      {"no host name: the address names it; IPv4 and IPv6 both kept",
       "<host><status state=\"up\"/><address addr=\"192.168.1.7\" addrtype=\"ipv4\"/>"
       "<address addr=\"fe80::1\" addrtype=\"ipv6\"/><hostnames/></host>\n",
       "192.168.1.7",
       core::AssetKind::kDevice,
       "",
       {{"ip", "192.168.1.7,fe80::1"}, {"fqdn", "<absent>"}, {"os", "<absent>"}}},
      {"only a MAC address",
       "<host><status state=\"up\"/><address addr=\"AA:BB:CC:00:11:22\" addrtype=\"mac\"/>"
       "</host>\n",
       "aa:bb:cc:00:11:22",
       core::AssetKind::kDevice,
       "",
       {{"mac", "aa:bb:cc:00:11:22"}, {"ip", "<absent>"}}},
      {"nested layout: the most accurate osmatch and its best osclass",
       "<host><status state=\"up\"/><address addr=\"10.0.0.2\" addrtype=\"ipv4\"/><os>"
       "<osmatch name=\"Linux 4.15\" accuracy=\"88\"><osclass type=\"general purpose\" "
       "vendor=\"Linux\" osfamily=\"Linux\" osgen=\"4.X\" accuracy=\"88\"/></osmatch>"
       "<osmatch name=\"Microsoft Windows 10 1809\" accuracy=\"96\">"
       "<osclass type=\"general purpose\" vendor=\"Microsoft\" osfamily=\"Windows\" osgen=\"10\" "
       "accuracy=\"90\"/><osclass type=\"phone\" vendor=\"Microsoft\" osfamily=\"Windows\" "
       "osgen=\"Phone\" accuracy=\"96\"/></osmatch></os></host>\n",
       "10.0.0.2",
       core::AssetKind::kClient,
       "phone",
       {{"os", "Microsoft Windows 10 1809"}, {"os_accuracy", "96"}, {"device_type", "phone"}}},
      {"old layout: osclass beside osmatch",
       "<host><status state=\"up\"/><address addr=\"10.0.0.3\" addrtype=\"ipv4\"/><os>"
       "<osclass type=\"WAP\" vendor=\"Netgear\" osfamily=\"embedded\" accuracy=\"91\"/>"
       "<osclass type=\"printer\" vendor=\"HP\" osfamily=\"embedded\" accuracy=\"95\"/>"
       "<osmatch name=\"HP LaserJet M507\" accuracy=\"95\" line=\"1\"/></os></host>\n",
       "10.0.0.3",
       core::AssetKind::kClient,
       "printer",
       {{"os", "HP LaserJet M507"}, {"os_vendor", "HP"}, {"os_accuracy", "95"}}},
      {"a Proxmox NIC makes a VM; the SSH banner names the distribution",
       "<host><status state=\"up\"/><address addr=\"10.30.10.10\" addrtype=\"ipv4\"/>"
       "<address addr=\"BC:24:11:89:7D:3E\" addrtype=\"mac\" vendor=\"Proxmox Server Solutions "
       "GmbH\"/><hostnames><hostname name=\"vgd-app-eko.vaggeryd.local\" type=\"PTR\"/>"
       "</hostnames><ports><port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/>"
       "<service name=\"ssh\" product=\"OpenSSH\" version=\"8.9p1 Ubuntu 3ubuntu0.10\" "
       "extrainfo=\"Ubuntu Linux; protocol 2.0\"/></port></ports><os>"
       "<osmatch name=\"Linux 5.0 - 5.14\" accuracy=\"100\"><osclass type=\"general purpose\" "
       "vendor=\"Linux\" osfamily=\"Linux\" osgen=\"5.X\" accuracy=\"100\"/></osmatch></os>"
       "</host>\n",
       "vgd-app-eko",
       core::AssetKind::kVm,
       "server",
       {{"os", "Ubuntu 22.04"},
        {"os_vendor", "Canonical"},
        {"os_version", "22.04"},
        {"os_kernel", "Linux 5.0 - 5.14"},
        {"ports", "22/tcp ssh"}}},
      {"ESXi is the hypervisor, versioned by its SOAP API",
       "<host><status state=\"up\"/><address addr=\"10.30.10.250\" addrtype=\"ipv4\"/>"
       "<hostnames><hostname name=\"vgd-esx01.vaggeryd.local\" type=\"PTR\"/></hostnames><ports>"
       "<port protocol=\"tcp\" portid=\"443\"><state state=\"open\"/><service name=\"http\" "
       "product=\"VMware ESXi SOAP API\" version=\"7.0.3\"/></port></ports><os>"
       "<osmatch name=\"VMware ESXi 6.5.0 - 7.0.3\" accuracy=\"95\"><osclass type=\"specialized\" "
       "vendor=\"VMware\" osfamily=\"ESXi\" osgen=\"7.X\" accuracy=\"95\"/></osmatch></os>"
       "</host>\n",
       "vgd-esx01",
       core::AssetKind::kDevice,
       "hypervisor",
       {{"hypervisor", "VMware ESXi"},
        {"hypervisor_vendor", "VMware"},
        {"hypervisor_version", "7.0.3"},
        {"os", "<absent>"}}},
      {"without an OS guess a service's device type decides",
       "<host><status state=\"up\"/><address addr=\"10.0.0.4\" addrtype=\"ipv4\"/><ports>"
       "<port protocol=\"tcp\" portid=\"23\"><state state=\"open\"/><service name=\"telnet\" "
       "product=\"Sagem router telnetd\" devicetype=\"router\"/></port>"
       "<port protocol=\"tcp\" portid=\"25\"><state state=\"closed\"/><service name=\"smtp\"/>"
       "</port></ports></host>\n",
       "10.0.0.4",
       core::AssetKind::kDevice,
       "router",
       {{"ports", "23/tcp telnet"}, {"device_type", "router"}}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto r = Run(Scan(c.host));
    CHECK(r.lines().empty());
    std::vector<const core::Asset*> hosts;
    for (const core::Asset& a : r.batch.assets) {
      if (a.kind != core::AssetKind::kSoftware) hosts.push_back(&a);
    }
    if (std::string(c.name).empty()) {
      CHECK(hosts.empty());
      continue;
    }
    REQUIRE(hosts.size() == 1);
    const core::Asset& a = *hosts[0];
    CHECK(a.name == c.name);
    CHECK(a.kind == c.kind);
    CHECK(a.role == c.role);
    CHECK(a.org == "vaggeryd");
    CHECK(a.mode == core::WriteMode::kFill);
    CHECK(a.category == core::DefaultCategory(c.kind, c.role));
    CHECK(a.provenance.line == 4);
    for (const auto& [key, value] : c.attributes) {
      INFO(key);
      CHECK(AttrOf(a, key) == value);
    }
  }
}

TEST_CASE("open services become software installed on the host", "[importers][nmap]") {
  auto r = Run(Scan(
      "<host><status state=\"up\"/><address addr=\"10.30.10.11\" addrtype=\"ipv4\"/>"
      "<hostnames><hostname name=\"vgd-sql-eko.vaggeryd.local\" type=\"PTR\"/></hostnames>\n"
      "<ports>\n"
      "<port protocol=\"tcp\" portid=\"1433\"><state state=\"open\"/><service name=\"ms-sql-s\" "
      "product=\"Microsoft SQL Server 2019\" version=\"15.00.4385.00\" extrainfo=\"RTM+\">"
      "<cpe>cpe:/a:microsoft:sql_server:2019</cpe></service></port>\n"
      "<port protocol=\"tcp\" portid=\"445\"><state state=\"open\"/>"
      "<service name=\"microsoft-ds\" method=\"table\" conf=\"3\"/></port>\n"
      "<port protocol=\"tcp\" portid=\"135\"><state state=\"open\"/><service name=\"msrpc\" "
      "product=\"Microsoft Windows RPC\" ostype=\"Windows\"/></port>\n"
      "<port protocol=\"tcp\" portid=\"22\"><state state=\"open\"/><service name=\"ssh\" "
      "product=\"OpenSSH\" version=\"for_Windows_8.1\"><cpe>cpe:/o:microsoft:windows</cpe>"
      "</service></port>\n"
      "<port protocol=\"udp\" portid=\"161\"><state state=\"open|filtered\"/>"
      "<service name=\"snmp\" product=\"net-snmp\"/></port>\n"
      "</ports></host>\n"));
  CHECK(r.lines().empty());
  // The host, SQL Server, RPC and OpenSSH: a table guess names no product; a service nmap tags
  // with the OS it runs on (ostype, an OS CPE) is still a service of its own.
  REQUIRE(r.batch.assets.size() == 4);
  const core::Asset* sql = Find(r.batch, "vgd-sql-eko:1433/tcp");
  REQUIRE(sql);
  CHECK(sql->kind == core::AssetKind::kSoftware);
  CHECK(sql->vendor == "microsoft");
  CHECK(sql->product == "Microsoft SQL Server 2019");
  CHECK(sql->version == "15.00.4385.00");
  CHECK(AttrOf(*sql, "extrainfo") == "RTM+");
  CHECK(sql->provenance.line == 6);
  const core::Asset* rpc = Find(r.batch, "vgd-sql-eko:135/tcp");
  REQUIRE(rpc);
  CHECK(rpc->product == "Microsoft Windows RPC");
  const core::Asset* ssh = Find(r.batch, "vgd-sql-eko:22/tcp");
  REQUIRE(ssh);
  CHECK(ssh->product == "OpenSSH");
  CHECK(ssh->version == "for_Windows_8.1");
  REQUIRE(r.batch.relations.size() == 3);
  const core::Relation& rel = r.batch.relations[0];
  CHECK(rel.source == "vgd-sql-eko:1433/tcp");
  CHECK(rel.kind == core::RelationKind::kInstalledOn);
  CHECK(rel.target == "vgd-sql-eko");
  CHECK(rel.target_kind == core::AssetKind::kDevice);
  CHECK(AttrOf(*Find(r.batch, "vgd-sql-eko"), "ports") ==
        "1433/tcp ms-sql-s, 445/tcp microsoft-ds, 135/tcp msrpc, 22/tcp ssh");
}

TEST_CASE("nmap: hosts with one short name but different full names stay apart",
          "[importers][nmap]") {
  auto host = [](const std::string& name, const std::string& ip, const std::string& port,
                 const std::string& product) {
    return "<host><status state=\"up\"/><address addr=\"" + ip +
           "\" addrtype=\"ipv4\"/><hostnames><hostname name=\"" + name +
           "\" type=\"PTR\"/></hostnames><ports><port protocol=\"tcp\" portid=\"" + port +
           "\"><state state=\"open\"/><service name=\"http\" product=\"" + product +
           "\"/></port></ports></host>\n";
  };
  auto r = Run(Scan(host("www.kommun-a.se", "10.0.0.1", "80", "nginx") +
                    host("www.kommun-b.se", "10.0.0.2", "443", "Apache httpd") +
                    host("mail.kommun-a.se", "10.0.0.3", "25", "Postfix smtpd") +
                    host("WWW.kommun-a.se", "10.0.0.4", "8080", "Jetty")));
  // The clashing ones are named by their full names; the unambiguous one keeps its short name;
  // the same full name (in any case) is one machine.
  CHECK(r.lines() == std::vector<std::string>{
                         "scan.xml:5:1: warning[NMAP008]: hosts 'www.kommun-a.se' and "
                         "'www.kommun-b.se' have the same short name 'www'; they are different "
                         "machines, kept apart under their full names"});
  const core::Asset* a = Find(r.batch, "www.kommun-a.se");
  const core::Asset* b = Find(r.batch, "www.kommun-b.se");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(AttrOf(*a, "ip") == "10.0.0.1");
  CHECK(AttrOf(*a, "fqdn") == "www.kommun-a.se");
  CHECK(AttrOf(*b, "ip") == "10.0.0.2");
  CHECK(AttrOf(*b, "fqdn") == "www.kommun-b.se");
  CHECK(Find(r.batch, "www") == nullptr);
  REQUIRE(Find(r.batch, "mail"));
  CHECK(AttrOf(*Find(r.batch, "mail"), "fqdn") == "mail.kommun-a.se");
  CHECK(Find(r.batch, "WWW.kommun-a.se") == nullptr);  // spelled as first seen
  CHECK(Find(r.batch, "www.kommun-a.se:80/tcp"));
  CHECK(Find(r.batch, "www.kommun-b.se:443/tcp"));
  CHECK(Find(r.batch, "www.kommun-a.se:8080/tcp"));
  std::vector<std::string> relations;
  for (const core::Relation& rel : r.batch.relations) relations.push_back(rel.target);
  CHECK(relations ==
        std::vector<std::string>{"www.kommun-a.se", "www.kommun-b.se", "mail", "www.kommun-a.se"});
}

TEST_CASE("real nmap files import with the hosts that are up", "[importers][nmap][real]") {
  SECTION("full_sudo6: a /24 with 4 of 256 hosts up") {
    auto r = Run(ReadFixture(kReal + "libnmap__full_sudo6.xml"));
    CHECK(r.lines().empty());
    std::set<std::string> hosts;
    for (const auto& a : r.batch.assets) {
      if (a.kind != core::AssetKind::kSoftware) hosts.insert(a.name);
    }
    CHECK(hosts ==
          std::set<std::string>{"192.168.1.1", "192.168.1.2", "192.168.1.3", "192.168.1.5"});
    // Every identified service is kept, also those nmap tags with the OS they run on (ostype,
    // an OS CPE: Microsoft HTTPAPI, VirtualBox RDP, Apple's VNC): 7 of 7.
    std::set<std::string> software;
    for (const auto& a : r.batch.assets) {
      if (a.kind == core::AssetKind::kSoftware) software.insert(a.name + " " + a.product);
    }
    CHECK(software ==
          std::set<std::string>{
              "192.168.1.1:23/tcp Sagem router telnetd", "192.168.1.1:992/tcp Sagem router telnetd",
              "192.168.1.5:2869/tcp Microsoft HTTPAPI httpd",
              "192.168.1.5:5357/tcp Microsoft HTTPAPI httpd", "192.168.1.3:88/tcp Heimdal Kerberos",
              "192.168.1.3:3389/tcp VirtualBox VM Remote Desktop Service",
              "192.168.1.3:5900/tcp Apple remote desktop vnc"});
    CHECK(r.batch.relations.size() == 7);
    CHECK(Find(r.batch, "192.168.1.1")->role == "access-point");
    CHECK(Find(r.batch, "192.168.1.3")->kind == core::AssetKind::kClient);
    CHECK(AttrOf(*Find(r.batch, "192.168.1.5"), "os") == "Microsoft Windows Server 2008 Beta 3");
  }
  SECTION("os_scan5: the old layout, osclass beside osmatch") {
    auto r = Run(ReadFixture(kReal + "libnmap__os_scan5.xml"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 4);
    const core::Asset* radio = Find(r.batch, "192.168.1.1");
    REQUIRE(radio);
    CHECK(AttrOf(*radio, "os") == "Chumby Internet radio");
    CHECK(AttrOf(*radio, "device_type") == "media device");
    CHECK(radio->kind == core::AssetKind::kClient);
    const core::Asset* linux_host = Find(r.batch, "192.168.1.4");
    REQUIRE(linux_host);
    CHECK(AttrOf(*linux_host, "os") == "Linux 2.6.X");
    CHECK(AttrOf(*linux_host, "os_accuracy") == "95");
  }
  SECTION("test_osclass: an anonymised address is skipped with a warning") {
    auto r = Run(ReadFixture(kReal + "libnmap__test_osclass.xml"), "test_osclass.xml");
    CHECK(r.lines() == std::vector<std::string>{
                           "test_osclass.xml:14:1: warning[NMAP007]: <address> addr 'IP' is not "
                           "an IP address; ignored"});
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].name == "localhost");
    CHECK(AttrOf(r.batch.assets[0], "os") == "Linux 3.7 - 3.15");
    CHECK(AttrOf(r.batch.assets[0], "ports") ==
          "22/tcp ssh, 53/tcp domain, 80/tcp http, 631/tcp ipp, 3306/tcp mysql, 8000/tcp "
          "http-alt, 9418/tcp git");
  }
  SECTION("2_hosts_version: two hosts; port-table guesses are ports, not software") {
    auto r = Run(ReadFixture(kReal + "libnmap__2_hosts_version.xml"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 2);
    CHECK(Find(r.batch, "localhost"));
    const core::Asset* scanme = Find(r.batch, "scanme");
    REQUIRE(scanme);
    CHECK(AttrOf(*scanme, "fqdn") == "scanme.nmap.org");
    CHECK(AttrOf(*scanme, "os") == "Netgear DG834G WAP");
    CHECK(AttrOf(*scanme, "ports") == "22/tcp ssh, 80/tcp http, 9929/tcp nping-echo");
  }
  SECTION("1_host_ping: a ping scan has no ports and no OS") {
    auto r = Run(ReadFixture(kReal + "libnmap__1_host_ping.xml"));
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].name == "dionaea");
    CHECK(AttrOf(r.batch.assets[0], "ip") == "172.28.1.3");
    CHECK(AttrOf(r.batch.assets[0], "mac") == "02:42:ac:1c:01:03");
    CHECK(r.batch.assets[0].role.empty());
  }
  SECTION("dionaea_scan: hosthint elements are not hosts; versions of services") {
    auto r = Run(ReadFixture(kReal + "libnmap__dionaea_scan.xml"));
    CHECK(r.lines().empty());
    CHECK(CountKind(r.batch, core::AssetKind::kDevice) == 1);
    CHECK(CountKind(r.batch, core::AssetKind::kSoftware) == 7);
    const core::Asset* mysql = Find(r.batch, "dionaea:3306/tcp");
    REQUIRE(mysql);
    CHECK(mysql->product == "MySQL");
    CHECK(mysql->version == "5.7.16");
    CHECK(mysql->vendor == "mysql");
  }
  SECTION("defused_et_included: not an nmap file at all") {
    const std::string text = ReadFixture(kReal + "libnmap__defused_et_included.xml");
    CHECK(NmapXmlImporter().Sniff(text) == 0);
    auto r = Run(text, "defused_et_included.xml");
    CHECK(r.lines() == std::vector<std::string>{
                           "defused_et_included.xml:2:1: error[NMAP001]: the root element is "
                           "<root>, not <nmaprun>; this is not nmap XML output (nmap -oX)"});
    CHECK(r.batch.assets.empty());
  }
}

TEST_CASE("nmap defects give located diagnostics", "[importers][nmap]") {
  struct Case {
    const char* file;
    std::vector<std::string> expected;
    std::size_t assets;
  };
  const Case cases[] = {
      {"truncated-mid-tag.xml",
       {"truncated-mid-tag.xml:7:17: error[XML001]: malformed XML: Error parsing element "
        "attribute"},
       0},
      {"truncated-before-end.xml",
       {"truncated-before-end.xml:5:8: error[XML001]: malformed XML: Start-end tags mismatch"},
       0},
      {"wrong-root.xml",
       {"wrong-root.xml:2:1: error[NMAP001]: the root element is <nmap>, not <nmaprun>; this is "
        "not nmap XML output (nmap -oX)"},
       0},
      {"host-without-status.xml",
       {"host-without-status.xml:3:1: error[NMAP002]: <host> has no <status>; cannot tell "
        "whether it is up"},
       0},
      {"address-without-addr.xml",
       {"address-without-addr.xml:4:1: error[NMAP003]: <address> has no addr"},
       0},
      {"host-without-address.xml",
       {"host-without-address.xml:3:1: error[NMAP004]: <host> is up but has neither an address "
        "nor a host name"},
       0},
      {"bad-accuracy.xml",
       {"bad-accuracy.xml:6:1: error[NMAP005]: <osmatch> accuracy: expected a whole number from "
        "0 to 100, got 'high'"},
       1},
      {"bad-port-number.xml",
       {"bad-port-number.xml:6:1: error[NMAP006]: <port> portid: expected a port number from 0 "
        "to 65535, got '70000'"},
       1},
      {"external-entity-doctype.xml",
       {"external-entity-doctype.xml:2:1: warning[XML002]: DOCTYPE ignored: its entities are "
        "never resolved or expanded"},
       1},
      {"billion-laughs.xml",
       {"billion-laughs.xml:2:1: warning[XML002]: DOCTYPE ignored: its entities are never "
        "resolved or expanded"},
       1},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Run(ReadFixture(kDir + c.file), c.file);
    CHECK(r.lines() == c.expected);
    CHECK(r.batch.assets.size() == c.assets);
  }
}

TEST_CASE("entities in a DOCTYPE are never expanded", "[importers][nmap]") {
  auto external = Run(ReadFixture(kDir + "external-entity-doctype.xml"));
  REQUIRE(external.batch.assets.size() == 1);
  CHECK(external.batch.assets[0].name == "&ee;");
  auto laughs = Run(ReadFixture(kDir + "billion-laughs.xml"));
  REQUIRE(laughs.batch.assets.size() == 1);
  CHECK(laughs.batch.assets[0].name == "&lol9;");
}

TEST_CASE("nmap detection is by the root element", "[importers][nmap]") {
  CHECK(NmapXmlImporter().Sniff(Scan("")) == 100);
  CHECK(NmapXmlImporter().Sniff("<?xml version=\"1.0\"?><list><node/></list>") == 0);
  CHECK(NmapXmlImporter().Sniff("name,kind\nx,device\n") == 0);
  CHECK(importers::DetectImporter(Scan(""))->Name() == "nmap-xml");
  CHECK(importers::FindImporter("nmap-xml"));
}

TEST_CASE("nmap: a million nested elements inside a host do not overflow the stack",
          "[importers][nmap]") {
  const int depth = 1000000;
  std::string text = Scan("");
  text.resize(text.size() - std::string("</nmaprun>\n").size());
  text += "<host><status state=\"up\"/><address addr=\"10.0.0.1\" addrtype=\"ipv4\"/>";
  text.reserve(text.size() + depth * 7 + 100);
  for (int i = 0; i < depth; ++i) text += "<x>";
  for (int i = 0; i < depth; ++i) text += "</x>";
  text += "</host></nmaprun>\n";
  auto r = Run(text);
  CHECK(r.lines().empty());
  CHECK(r.batch.assets.size() == 1);
}
