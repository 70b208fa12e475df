// One machine is one asset: records of the same name but different serials, UUIDs or FQDNs (GLPI
// agents, lshw dumps) stay apart within one import and against the store; records of one machine
// from several files stay one asset.
#include "importers/machine_names.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/store.h"
#include "importers/batch_import.h"
#include "importers/glpi_xml.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
namespace fs = std::filesystem;

namespace {

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "samdrift-machine-names-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// A GLPI agent XML inventory of one computer with one program.
std::string AgentXml(const std::string& name, const std::string& uuid, const std::string& serial,
                     const std::string& fqdn) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST>\n<CONTENT>\n"
         "<BIOS><SSN>" +
         serial + "</SSN></BIOS>\n<HARDWARE><NAME>" + name + "</NAME><UUID>" + uuid +
         "</UUID><CHASSIS_TYPE>Notebook</CHASSIS_TYPE></HARDWARE>\n"
         "<OPERATINGSYSTEM><FQDN>" +
         fqdn + "</FQDN></OPERATINGSYSTEM>\n<SOFTWARES><NAME>Firefox</NAME></SOFTWARES>\n" +
         "</CONTENT>\n<DEVICEID>" + name + "-2026-11-02-08-00-00</DEVICEID>\n" +
         "<QUERY>INVENTORY</QUERY>\n</REQUEST>\n";
}

// The same in GLPI inventory_format JSON; `partial` gives only the hardware section.
std::string AgentJson(const std::string& name, const std::string& uuid, const std::string& serial,
                      bool partial = false) {
  if (partial) {
    return R"({"deviceid": ")" + name + R"(-2026-11-09", "itemtype": "Computer", "partial": true,
  "content": {"hardware": {"name": ")" +
           name + R"(", "uuid": ")" + uuid + R"(", "memory": 65536}, "versionclient": "x"}})";
  }
  return R"({"deviceid": ")" + name + R"(-2026-11-02", "itemtype": "Computer",
  "content": {"bios": {"ssn": ")" +
         serial + R"("},
              "hardware": {"name": ")" +
         name + R"(", "uuid": ")" + uuid + R"(", "chassis_type": "Notebook"},
              "softwares": [{"name": "Firefox"}], "versionclient": "x"}})";
}

// lshw -xml of one machine.
std::string Lshw(const std::string& id, const std::string& serial, const std::string& uuid) {
  return "<?xml version=\"1.0\" standalone=\"yes\" ?>\n<node id=\"" + id +
         "\" claimed=\"true\" class=\"system\" handle=\"DMI:0100\">\n"
         " <description>Rack Mount Chassis</description>\n <product>PowerEdge R740</product>\n"
         " <vendor>Dell Inc.</vendor>\n <serial>" +
         serial + "</serial>\n <configuration>\n  <setting id=\"uuid\" value=\"" + uuid +
         "\" />\n </configuration>\n</node>\n";
}

struct Imported {
  bool ok = false;
  core::ApplySummary stored;
  std::vector<std::string> lines;
};

Imported Import(core::Store& store, const std::vector<fs::path>& paths,
                const std::string& org = "varnamo") {
  importers::ImportRequest request;
  for (const fs::path& p : paths) request.paths.push_back(p.string());
  request.options.org = org;
  core::Diagnostics d;
  auto report = importers::RunImport(request, &store, d);
  Imported out;
  out.ok = report.ok();
  if (report.ok()) out.stored = report->stored;
  out.lines = testing::Formatted(d);
  return out;
}

// Every stored asset and relation as "kind name serial <- file" and "source -> target".
std::vector<std::string> Rows(const core::Store& store) {
  auto estate = store.LoadEstate({});
  REQUIRE(estate.ok());
  std::vector<std::string> rows;
  for (const core::Asset& a : estate->assets) {
    rows.push_back(std::string(core::ToString(a.kind)) + " " + a.name + " " + a.serial + " <- " +
                   a.provenance.source);
  }
  for (const core::Relation& r : estate->relations) {
    rows.push_back(r.source + " " + std::string(core::ToString(r.kind)) + " " + r.target);
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::unique_ptr<core::Store> NewStore() {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  return std::move(*store);
}

}  // namespace

TEST_CASE("machine identity: one machine by serial or UUID, others by what differs",
          "[importers][machines]") {
  struct Case {
    const char* what;
    importers::MachineIdentity a, b;
    bool same;
  };
  const Case cases[] = {
      {"nothing to compare", {}, {"S1", "u1", "", ""}, true},
      {"same UUID, other serial (a new board)", {"S1", "u1", "", ""}, {"S2", "u1", "", ""}, true},
      {"same serial, other FQDN (renamed domain)",
       {"S1", "", "pc1.a.example", ""},
       {"S1", "", "pc1.b.example", ""},
       true},
      {"other UUID", {"", "u1", "", ""}, {"", "u2", "", ""}, false},
      {"other serial", {"S1", "", "", ""}, {"S2", "", "", ""}, false},
      {"other FQDN", {"", "", "pc1.a.example", ""}, {"", "", "pc1.b.example", ""}, false},
      {"other MAC", {"", "", "", "00:00:00:00:00:01"}, {"", "", "", "00:00:00:00:00:02"}, false},
      {"UUID here, serial there", {"", "u1", "", ""}, {"S2", "", "", ""}, true},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(c.a.SameMachine(c.b) == c.same);
    CHECK(c.b.SameMachine(c.a) == c.same);
  }
}

TEST_CASE("machine names: the FQDN, else the serial, else a short UUID tells them apart",
          "[importers][machines]") {
  importers::MachineNames names;
  auto machine = [](const std::string& serial, const std::string& uuid, const std::string& fqdn,
                    const std::string& source) {
    core::Asset a;
    a.org = "varnamo";
    a.kind = core::AssetKind::kClient;
    a.name = "pc1";
    a.serial = serial;
    if (!uuid.empty()) a.SetAttr("uuid", uuid);
    if (!fqdn.empty()) a.SetAttr("fqdn", fqdn);
    a.provenance.source = source;
    return a;
  };
  CHECK(names.Claim(machine("S1", "11111111-aaaa", "pc1.a.example", "a.xml")).warning.empty());
  auto b = names.Claim(machine("S2", "", "pc1.b.example", "b.xml"));
  CHECK(b.name == "pc1.b.example");
  CHECK(b.warning ==
        "'pc1' (serial S2) is not the machine 'pc1' of a.xml (serial S1); it is recorded as "
        "'pc1.b.example'");
  CHECK(names.Claim(machine("S3", "", "", "c.xml")).name == "pc1 (serial S3)");
  CHECK(names.Claim(machine("", "ABCDEF12-3456", "", "d.xml")).name == "pc1 (UUID abcdef12)");
  // The same machines again: their names, without a warning.
  CHECK(names.Claim(machine("S2", "", "pc1.b.example", "b2.xml")).name == "pc1.b.example");
  auto again = names.Claim(machine("", "abcdef12-3456", "", "d2.xml"));
  CHECK(again.name == "pc1 (UUID abcdef12)");
  CHECK(again.warning.find("'pc1 (UUID abcdef12)'") != std::string::npos);  // pc1 is S1's
  // A machine that says nothing about itself is the one of its name.
  CHECK(names.Claim(machine("", "", "", "e.xml")).name == "pc1");
  // Other orgs and kinds have names of their own.
  core::Asset other_org = machine("S9", "", "", "f.xml");
  other_org.org = "hylte";
  CHECK(names.Claim(other_org).name == "pc1");
}

TEST_CASE("GLPI: two agents with one host name and different UUIDs are two machines",
          "[importers][machines][glpi]") {
  auto dir = Scratch("glpi-two-agents");
  Write(dir / "pc1-a.xml", AgentXml("pc1", "1111AAAA-0001", "S1", "pc1.a.example"));
  Write(dir / "pc1-b.xml", AgentXml("pc1", "2222BBBB-0002", "S2", "pc1.b.example"));
  Write(dir / "pc2-a.json", AgentJson("pc2", "3333CCCC-0003", "S3"));
  Write(dir / "pc2-b.json", AgentJson("pc2", "4444DDDD-0004", "S4"));
  auto store = NewStore();
  auto first = Import(*store, {dir});
  REQUIRE(first.ok);
  CHECK(first.lines ==
        std::vector<std::string>{
            (dir / "pc1-b.xml").string() +
                ":5:1: warning[GLPI019]: 'pc1' (UUID 2222bbbb-0002) is not the machine 'pc1' of " +
                (dir / "pc1-a.xml").string() +
                " (UUID 1111aaaa-0001); it is recorded as 'pc1.b.example'",
            (dir / "pc2-b.json").string() +
                ":3:27: warning[GLPI019]: 'pc2' (UUID 4444dddd-0004) is not the machine 'pc2' of " +
                (dir / "pc2-a.json").string() +
                " (UUID 3333cccc-0003); it is recorded as 'pc2 (serial S4)'"});
  const std::vector<std::string> expected = {
      "client pc1 S1 <- pc1-a.xml",
      "client pc1.b.example S2 <- pc1-b.xml",
      "client pc2 (serial S4) S4 <- pc2-b.json",
      "client pc2 S3 <- pc2-a.json",
      "pc1.b.example/Firefox installed_on pc1.b.example",
      "pc1/Firefox installed_on pc1",
      "pc2 (serial S4)/Firefox installed_on pc2 (serial S4)",
      "pc2/Firefox installed_on pc2",
      "software pc1.b.example/Firefox  <- pc1-b.xml",
      "software pc1/Firefox  <- pc1-a.xml",
      "software pc2 (serial S4)/Firefox  <- pc2-b.json",
      "software pc2/Firefox  <- pc2-a.json",
  };
  CHECK(Rows(*store) == expected);
  CHECK(first.stored.assets_stored == 8);

  // The same files again: the same store (their earlier rows do not hold the names).
  auto again = Import(*store, {dir});
  REQUIRE(again.ok);
  CHECK(again.lines == first.lines);
  CHECK(Rows(*store) == expected);
}

TEST_CASE("GLPI: one machine in several files stays one asset", "[importers][machines][glpi]") {
  auto dir = Scratch("glpi-one-machine");
  Write(dir / "pc1.xml", AgentXml("pc1", "1111AAAA-0001", "S1", "pc1.a.example"));
  Write(dir / "pc1-partial.json", AgentJson("pc1", "1111aaaa-0001", "", true));
  Write(dir / "pc1-copy.xml", AgentXml("pc1", "1111AAAA-0001", "S1", "pc1.a.example"));
  auto store = NewStore();
  auto imported = Import(*store, {dir});
  REQUIRE(imported.ok);
  CHECK(imported.lines.empty());
  CHECK(Rows(*store) == std::vector<std::string>{
                            "client pc1 S1 <- pc1.xml", "pc1/Firefox installed_on pc1",
                            "pc1/Firefox installed_on pc1", "software pc1/Firefox  <- pc1.xml"});
  CHECK(imported.stored.assets_stored == 2);
}

TEST_CASE("GLPI: a machine of a stored machine's name is named apart in a later import",
          "[importers][machines][glpi]") {
  auto dir = Scratch("glpi-against-store");
  Write(dir / "pc1-a.xml", AgentXml("pc1", "1111AAAA-0001", "S1", "pc1.a.example"));
  Write(dir / "pc1-b.xml", AgentXml("pc1", "2222BBBB-0002", "S2", "pc1.b.example"));
  auto store = NewStore();
  REQUIRE(Import(*store, {dir / "pc1-a.xml"}).ok);
  auto b = Import(*store, {dir / "pc1-b.xml"});
  REQUIRE(b.ok);
  CHECK(b.lines == std::vector<std::string>{
                       (dir / "pc1-b.xml").string() +
                       ":5:1: warning[GLPI019]: 'pc1' (UUID 2222bbbb-0002) is not the machine "
                       "'pc1' of pc1-a.xml (UUID 1111aaaa-0001); it is recorded as "
                       "'pc1.b.example'"});
  const auto both = Rows(*store);
  CHECK(std::count(both.begin(), both.end(), "client pc1 S1 <- pc1-a.xml") == 1);
  CHECK(std::count(both.begin(), both.end(), "client pc1.b.example S2 <- pc1-b.xml") == 1);
  // Either file again on its own: the same store.
  REQUIRE(Import(*store, {dir / "pc1-b.xml"}).ok);
  CHECK(Rows(*store) == both);
  auto a = Import(*store, {dir / "pc1-a.xml"});
  REQUIRE(a.ok);
  CHECK(a.lines.empty());
  CHECK(Rows(*store) == both);
  // A file's own earlier rows hold nothing against it: pc1-a.xml now from a new machine.
  Write(dir / "pc1-a.xml", AgentXml("pc1", "5555EEEE-0005", "S5", "pc1.a.example"));
  auto replaced = Import(*store, {dir / "pc1-a.xml"});
  REQUIRE(replaced.ok);
  CHECK(replaced.lines.empty());
  const auto now = Rows(*store);
  CHECK(std::count(now.begin(), now.end(), "client pc1 S5 <- pc1-a.xml") == 1);
}

TEST_CASE("lshw: two machines of one host name in other domains are two machines",
          "[importers][machines][lshw]") {
  auto dir = Scratch("lshw-two-machines");
  Write(dir / "lshw-web1-a.xml", Lshw("web1.a.example", "SRV1", "11111111-aaaa"));
  Write(dir / "lshw-web1-b.xml", Lshw("web1.b.example", "SRV2", "22222222-bbbb"));
  Write(dir / "lshw-web1-again.xml", Lshw("web1.a.example", "SRV1", "11111111-aaaa"));
  auto store = NewStore();
  auto imported = Import(*store, {dir}, "vaggeryd");
  REQUIRE(imported.ok);
  CHECK(imported.lines ==
        std::vector<std::string>{
            (dir / "lshw-web1-b.xml").string() +
            ":2:1: warning[LSHW011]: 'web1' (UUID 22222222-bbbb) is not the machine 'web1' of " +
            (dir / "lshw-web1-a.xml").string() +
            " (UUID 11111111-aaaa); it is recorded as 'web1.b.example'"});
  CHECK(Rows(*store) == std::vector<std::string>{"device web1 SRV1 <- lshw-web1-a.xml",
                                                 "device web1.b.example SRV2 <- lshw-web1-b.xml"});
  CHECK(imported.stored.assets_stored == 2);
  auto again = Import(*store, {dir}, "vaggeryd");
  REQUIRE(again.ok);
  CHECK(Rows(*store) == std::vector<std::string>{"device web1 SRV1 <- lshw-web1-a.xml",
                                                 "device web1.b.example SRV2 <- lshw-web1-b.xml"});
}

TEST_CASE("GLPI: two switches of one name in a discovery are told apart by their MACs",
          "[importers][machines][glpi]") {
  const std::string xml = R"G(<?xml version="1.0" encoding="UTF-8" ?>
<REQUEST>
  <CONTENT>
    <DEVICE>
      <IP>10.1.0.1</IP>
      <MAC>00:1a:2b:00:00:01</MAC>
      <SNMPHOSTNAME>sw-access</SNMPHOSTNAME>
      <TYPE>NETWORKING</TYPE>
    </DEVICE>
    <DEVICE>
      <IP>10.2.0.1</IP>
      <MAC>00:1a:2b:00:00:02</MAC>
      <SNMPHOSTNAME>sw-access</SNMPHOSTNAME>
      <TYPE>NETWORKING</TYPE>
    </DEVICE>
  </CONTENT>
  <DEVICEID>scanner-2013-11-14-17-47-17</DEVICEID>
  <QUERY>NETDISCOVERY</QUERY>
</REQUEST>)G";
  auto r = testing::RunImporter(importers::GlpiXmlImporter(), xml, "discovery.xml");
  CHECK(r.lines() ==
        std::vector<std::string>{
            "discovery.xml:10:5: warning[GLPI019]: 'sw-access' (MAC "
            "00:1a:2b:00:00:02) is not the machine 'sw-access' of discovery.xml (MAC "
            "00:1a:2b:00:00:01); it is recorded as 'sw-access (MAC 00:1a:2b:00:00:02)'"});
  REQUIRE(r.batch.assets.size() == 2);
  CHECK(r.batch.assets[0].name == "sw-access");
  CHECK(r.batch.assets[1].name == "sw-access (MAC 00:1a:2b:00:00:02)");
}
