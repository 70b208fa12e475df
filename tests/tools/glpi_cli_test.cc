// End to end: the samdrift binary imports the sample municipalities' GLPI agent folders.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/tools/cli_util.h"
#include "tests/test_paths.h"

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
