#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {

const std::string kHylteModel =
    std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories/hylte/hylte-tjanster.xml";

nlohmann::json Stats(const std::filesystem::path& dir, const std::string& db) {
  auto r = RunCli(dir, "--db " + db + " stats --json");
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("Hylte's ArchiMate model: import, export, import again", "[tools][cli][export]") {
  auto dir = ScratchDir("export-archimate");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  auto imported = RunCli(dir, "import --org hylte '" + kHylteModel + "'");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.err.find("error[") == std::string::npos);
  CHECK(imported.out == "imported 1 file(s) for hylte: 58 assets, 106 relations; 1 warning(s)\n");
  CHECK(RunCli(dir, "formats").out.find("archimate-xml") != std::string::npos);

  auto exported = RunCli(dir, "export --format archimate --out hylte.xml");
  INFO(exported.err);
  REQUIRE(exported.exit_code == 0);
  CHECK(exported.out.empty());
  CHECK(exported.err == "exported archimate: 58 elements, 120 relationships to hylte.xml\n");
  const std::string xml = Slurp(dir / "hylte.xml");
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<model ", 0) == 0);

  // The file reads back into a fresh store with the same counts.
  REQUIRE(RunCli(dir, "--db again.db init").exit_code == 0);
  auto again = RunCli(dir, "--db again.db import --org hylte hylte.xml");
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.empty());
  // The import warnings stay with the source file (the model's duplicate names, ARC012); the
  // exported file, whose names are already unique, brings none.
  auto without_warnings = [](nlohmann::json stats) {
    stats.erase("warnings");
    for (auto& [org, counts] : stats["orgs"].items()) counts.erase("warnings");
    return stats;
  };
  CHECK(without_warnings(Stats(dir, "again.db")) == without_warnings(Stats(dir, "samdrift.db")));
  // ... and exports to the same bytes.
  REQUIRE(RunCli(dir, "--db again.db export --format archimate --out again.xml").exit_code == 0);
  CHECK(Slurp(dir / "again.xml") == xml);
}

TEST_CASE("DOT and JSON exports from the command line", "[tools][cli][export]") {
  auto dir = ScratchDir("export-dot");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org hylte '" + kHylteModel + "'").exit_code == 0);

  // installed_on (11) and member_of (11) join 3 software, the cluster, 6 hosts, the backup
  // server, 3 SQL VMs, 4 network devices and 2 networks.
  auto dot = RunCli(dir, "export --format dot --relation installed_on,member_of");
  REQUIRE(dot.exit_code == 0);
  CHECK(dot.out.rfind("digraph samdrift {", 0) == 0);
  CHECK(dot.err == "exported dot: 20 nodes, 22 edges\n");
  // Platform: 16 VMs, the cluster, 3 software, 21 services; 84 depends_on less the 17 on
  // networks, and 4 installed_on VMs or the cluster.
  auto platform = RunCli(dir, "export --format dot --org hylte --category platform --out p.dot");
  REQUIRE(platform.exit_code == 0);
  CHECK(platform.err == "exported dot: 41 nodes, 71 edges to p.dot\n");
  if (std::system("command -v dot >/dev/null 2>&1") == 0) {
    auto rendered =
        RunCli(dir, "export --format dot --out all.dot && dot -Tsvg all.dot -o all.svg");
    CHECK(rendered.exit_code == 0);
    CHECK(Slurp(dir / "all.svg").find("HYL&#45;HV01") != std::string::npos);
  } else {
    WARN("graphviz 'dot' is not installed (scripts/setup.sh installs it); not rendered");
  }

  auto json = RunCli(dir, "export --format json");
  REQUIRE(json.exit_code == 0);
  auto model = nlohmann::json::parse(json.out);
  CHECK(model["orgs"].size() == 1);
  CHECK(model["assets"].size() == 58);
  CHECK(model["relations"].size() == 106);
}

TEST_CASE("export usage errors exit 2", "[tools][cli][export]") {
  auto dir = ScratchDir("export-usage");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org hylte '" + kHylteModel + "'").exit_code == 0);
  struct Case {
    const char* args;
    const char* message;
  };
  const Case cases[] = {
      {"export --format json --category platform",
       "samdrift: --category and --relation filter the dot format only\n"},
      {"export --format dot --relation runs",
       "samdrift: --relation: unknown value 'runs'; did you mean 'runs_on'?\n"},
      {"export --format dot --category plattform",
       "samdrift: --category: unknown value 'plattform'; did you mean 'platform'?\n"},
      {"export --format json --org hylt",
       "samdrift: --org 'hylt': no such municipality in the store; did you mean 'hylte'?\n"},
      {"export --format dot --name X", "samdrift: --name is for the archimate format only\n"},
  };
  for (const Case& c : cases) {
    INFO(c.args);
    auto r = RunCli(dir, c.args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == c.message);
    CHECK(r.out.empty());
  }
  CHECK(RunCli(dir, "export --format xml").exit_code == 2);
  CHECK(RunCli(dir, "export").exit_code == 2);
  CHECK(RunCli(dir, "--db missing.db export --format json").exit_code == 3);
  auto unwritable = RunCli(dir, "export --format json --out no/such/dir/x.json");
  CHECK(unwritable.exit_code == 1);
  CHECK(unwritable.err == "samdrift: cannot write 'no/such/dir/x.json'\n");
}
