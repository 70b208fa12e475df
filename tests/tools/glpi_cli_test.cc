// End to end: the samdrift binary imports the sample municipalities' GLPI agent folders.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {
const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
}

TEST_CASE("GLPI agent folders import end to end without errors", "[tools][cli][glpi]") {
  auto dir = ScratchDir("glpi");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  // Gislaved: inventory_format JSON; Värnamo: agent XML.
  auto json = RunCli(dir, "import --org gislaved '" + kSamples + "/gislaved/clients'");
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  CHECK(json.err.find("error[") == std::string::npos);
  CHECK(json.err.find("warning[") == std::string::npos);
  // 60 computers + 4 printers + 2 switches, 10 programs per computer; 600 installed_on and
  // 2 x 2 CDP/LLDP uplinks.
  CHECK(json.out == "imported 66 file(s) for gislaved: 666 assets, 604 relations\n");
  auto xml = RunCli(dir, "import --org varnamo '" + kSamples + "/varnamo/clients'");
  INFO(xml.err);
  REQUIRE(xml.exit_code == 0);
  CHECK(xml.err.find("error[") == std::string::npos);
  CHECK(xml.err.find("warning[") == std::string::npos);
  CHECK(xml.out == "imported 87 file(s) for varnamo: 887 assets, 804 relations\n");

  auto stats = RunCli(dir, "stats --json");
  REQUIRE(stats.exit_code == 0);
  auto s = nlohmann::json::parse(stats.out);
  CHECK(s["orgs"]["gislaved"]["client"] == 664);
  CHECK(s["orgs"]["gislaved"]["network"] == 2);
  CHECK(s["orgs"]["varnamo"]["client"] == 885);
  CHECK(s["orgs"]["varnamo"]["network"] == 2);

  // The same folders again: the same store.
  REQUIRE(RunCli(dir, "import --org gislaved '" + kSamples + "/gislaved/clients'").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org varnamo '" + kSamples + "/varnamo/clients'").exit_code == 0);
  CHECK(RunCli(dir, "stats --json").out == stats.out);

  auto formats = RunCli(dir, "formats");
  CHECK(formats.out.find("glpi-xml") != std::string::npos);
  CHECK(formats.out.find("glpi-json") != std::string::npos);
}

TEST_CASE("a broken GLPI file fails the whole batch with located errors", "[tools][cli][glpi]") {
  auto dir = ScratchDir("glpi-broken");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  auto before = RunCli(dir, "stats --json").out;
  WriteText(
      dir / "good.json",
      R"({"deviceid": "pc1", "itemtype": "Computer", "content": {"hardware": {"name": "pc1"}}})");
  WriteText(dir / "bad.json", "{\n  \"deviceid\": \"pc2\",\n  \"content\": {\"hardware\": }\n}\n");
  auto r = RunCli(dir, "import --org hylte good.json bad.json");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.json:3:27: error[GLPI001]: malformed JSON: syntax error while parsing "
                   "value - unexpected '}'; expected '[', '{', or a literal") != std::string::npos);
  CHECK(RunCli(dir, "stats --json").out == before);
}

TEST_CASE("the import summary counts the assets stored, not the rows read", "[tools][cli][glpi]") {
  auto dir = ScratchDir("summary-stored");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  // An nmap scan that lists one machine twice (two scans of the same address in one file).
  auto host = [](const std::string& ip, const std::string& name) {
    return "<host><status state=\"up\"/><address addr=\"" + ip +
           "\" addrtype=\"ipv4\"/><hostnames><hostname name=\"" + name +
           "\" type=\"PTR\"/></hostnames></host>\n";
  };
  WriteText(dir / "scan.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE nmaprun>\n"
            "<nmaprun scanner=\"nmap\" version=\"7.93\" xmloutputversion=\"1.05\">\n" +
                host("10.0.0.1", "srv1.example") + host("10.0.0.2", "srv2.example") +
                host("10.0.0.1", "srv1.example") + host("10.0.0.3", "srv3.example") +
                "</nmaprun>\n");
  auto scan = RunCli(dir, "import --org vaggeryd scan.xml");
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  CHECK(scan.out == "imported 1 file(s) for vaggeryd: 3 assets, 0 relations\n");

  // One computer in two agent files (the same serial): one computer and its one program.
  const std::string agent =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<REQUEST><CONTENT><BIOS><SSN>S1</SSN></BIOS>"
      "<HARDWARE><NAME>pc1</NAME></HARDWARE><SOFTWARES><NAME>Firefox</NAME></SOFTWARES>"
      "</CONTENT><QUERY>INVENTORY</QUERY></REQUEST>\n";
  WriteText(dir / "pc1.xml", agent);
  WriteText(dir / "pc1-again.xml", agent);
  auto glpi = RunCli(dir, "import --org vaggeryd pc1.xml pc1-again.xml");
  INFO(glpi.err);
  REQUIRE(glpi.exit_code == 0);
  CHECK(glpi.out == "imported 2 file(s) for vaggeryd: 2 assets, 2 relations\n");
  // A dry run stores nothing: it counts the rows it read.
  auto dry = RunCli(dir, "import --dry-run --org vaggeryd pc1.xml pc1-again.xml");
  CHECK(dry.out == "dry run, nothing stored: 2 file(s) for vaggeryd: 4 assets, 2 relations\n");
}
