#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {
const std::string kData = SAMDRIFT_TEST_DATA;
}

TEST_CASE("every command has --help", "[tools][cli]") {
  auto dir = ScratchDir("help");
  for (const char* command : {"init", "import", "formats", "stats", "export", "demo", "serve"}) {
    INFO(command);
    auto r = RunCli(dir, std::string(command) + " --help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("Usage") != std::string::npos);
  }
  auto top = RunCli(dir, "--help");
  CHECK(top.exit_code == 0);
  CHECK(top.out.find("import") != std::string::npos);
}

TEST_CASE("usage errors exit 2 and suggest the closest name", "[tools][cli]") {
  auto dir = ScratchDir("usage");
  auto r = RunCli(dir, "stat");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("samdrift: unknown command 'stat'; did you mean 'stats'?") == 0);
  r = RunCli(dir, "stats --jsn");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("samdrift: unknown option '--jsn' for 'stats'; did you mean '--json'?") == 0);
  r = RunCli(dir, "import x.csv");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--org") != std::string::npos);
  r = RunCli(dir, "");
  CHECK(r.exit_code == 2);
  r = RunCli(dir, "import --org Gnosjö x.csv");
  CHECK(r.exit_code == 2);
}

TEST_CASE("init, import, stats end to end", "[tools][cli]") {
  auto dir = ScratchDir("flow");
  CHECK(RunCli(dir, "init").exit_code == 0);
  CHECK(RunCli(dir, "init").exit_code == 0);  // harmless twice
  auto imported =
      RunCli(dir, "import --org gnosjo '" + kData + "/generic-csv/swedish-excel-cp1252.csv'");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  // The rows name sites, halls and racks no file declares: the store adds them (stats counts them).
  // The file is Windows-1252, as Swedish Excel saves CSV: read so, with a warning.
  CHECK(imported.out ==
        "imported 1 file(s) for gnosjo: 4 assets, 0 relations (+3 implied: sites, halls or racks "
        "that rows name but no file declares); 1 warning(s)\n");
  CHECK(imported.err == kData +
                            "/generic-csv/swedish-excel-cp1252.csv:2: warning[ENC001]: not valid "
                            "UTF-8 (first at byte 162, 0xF6); read as Windows-1252\n");
  auto stats = RunCli(dir, "stats --json");
  REQUIRE(stats.exit_code == 0);
  auto json = nlohmann::json::parse(stats.out);
  // 4 devices + implied rack, hall and site.
  CHECK(json["orgs"]["gnosjo"]["total"] == 7);
  CHECK(json["orgs"]["gnosjo"]["network"] == 1);
  CHECK(json["orgs"]["gnosjo"]["datacenter"] == 6);
  CHECK(json["orgs"]["gnosjo"]["platform"] == 0);
  CHECK(json["orgs"]["gnosjo"]["client"] == 0);
  CHECK(json["total"] == 7);
  // Completeness over the 4 devices in rack A01: no version, serial or address in the sheet,
  // one PDU without power; no service, so criticality applies to nothing (null, not 0).
  const auto& completeness = json["orgs"]["gnosjo"]["completeness"];
  CHECK(completeness["vendor"] == 1.0);
  CHECK(completeness["version"] == 0.0);
  CHECK(completeness["serial"] == 0.0);
  CHECK(completeness["power_w"] == 0.75);
  CHECK(completeness["position"] == 1.0);
  CHECK(completeness["ip"] == 0.0);
  CHECK(completeness["criticality"].is_null());
  CHECK(json["orgs"]["gnosjo"]["completeness_counts"]["power_w"] ==
        nlohmann::json{{"known", 3}, {"applies", 4}});

  // Same file again: same store.
  REQUIRE(RunCli(dir, "import --org gnosjo '" + kData + "/generic-csv/swedish-excel-cp1252.csv'")
              .exit_code == 0);
  CHECK(RunCli(dir, "stats --json").out == stats.out);

  auto table = RunCli(dir, "stats");
  CHECK(table.exit_code == 0);
  CHECK(table.out.find("gnosjo") != std::string::npos);
  CHECK(table.out.find("\ncompleteness (share of the assets a field applies to that have it; - "
                       "where it applies to none)\n"
                       "org            vendor  product  version   serial     site  power_w "
                       "u_height position       ip criticality\n"
                       "gnosjo           100%     100%       0%       0%     100%      75%     "
                       "100%     100%       0%           -\n") != std::string::npos);
}

TEST_CASE("a broken import exits 1, reports every problem, stores nothing", "[tools][cli]") {
  auto dir = ScratchDir("broken");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  auto before = RunCli(dir, "stats --json").out;
  WriteText(dir / "good.csv", "name,kind\nesx01,device\n");
  auto r =
      RunCli(dir, "import --org gnosjo good.csv '" + kData + "/generic-csv/every-problem.csv'");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(kData + "/generic-csv/every-problem.csv:1:5: error[CSV003]: unknown column "
                           "'colour'\n") != std::string::npos);
  CHECK(r.err.find("error[CSV013]") != std::string::npos);
  CHECK(r.err.find("samdrift: 4 error(s); nothing was stored") != std::string::npos);
  CHECK(RunCli(dir, "stats --json").out == before);
}

TEST_CASE("dry run validates and stores nothing", "[tools][cli]") {
  auto dir = ScratchDir("dry");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  auto before = RunCli(dir, "stats --json").out;
  WriteText(dir / "good.csv", "name,kind\nesx01,device\n");
  auto r = RunCli(dir, "import --dry-run --org gnosjo good.csv");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "dry run, nothing stored: 1 file(s) for gnosjo: 1 assets, 0 relations\n");
  CHECK(RunCli(dir, "stats --json").out == before);
}

TEST_CASE("more than 100 problems end in a count line", "[tools][cli]") {
  auto dir = ScratchDir("many");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  std::string csv = "name,kind,u_height\n";
  for (int i = 0; i < 150; ++i) csv += "srv" + std::to_string(i) + ",device,x\n";
  WriteText(dir / "bad.csv", csv);
  auto r = RunCli(dir, "import --org gnosjo bad.csv");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("... and 50 more problems (150 errors and 0 warnings in all)") !=
        std::string::npos);
}

TEST_CASE("store errors exit 3", "[tools][cli]") {
  auto dir = ScratchDir("store");
  auto r = RunCli(dir, "stats");
  CHECK(r.exit_code == 3);
  CHECK(r.err ==
        "samdrift: no samdrift store at 'samdrift.db' (create one with 'samdrift init')\n");
  WriteText(dir / "notes.txt", std::string(2048, 'x'));
  r = RunCli(dir, "--db notes.txt init");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("not a samdrift store") != std::string::npos);
  r = RunCli(dir, "--db notes.txt stats");
  CHECK(r.exit_code == 3);
}

TEST_CASE("formats lists the importers", "[tools][cli]") {
  auto dir = ScratchDir("formats");
  auto r = RunCli(dir, "formats --json");
  REQUIRE(r.exit_code == 0);
  auto json = nlohmann::json::parse(r.out);
  REQUIRE(json.is_array());
  bool has_assets = false;
  for (const auto& f : json) {
    CHECK(f.contains("reads"));
    CHECK(f.contains("produces"));
    if (f["name"] == "assets-csv") has_assets = true;
  }
  CHECK(has_assets);
}

TEST_CASE("demo runs the flow on sample folders", "[tools][cli]") {
  auto dir = ScratchDir("demo");
  auto samples = dir / "samples";
  std::filesystem::create_directories(samples / "gnosjo");
  std::filesystem::create_directories(samples / "hylte");
  std::filesystem::copy_file(kData + "/generic-csv/swedish-excel-cp1252.csv",
                             samples / "gnosjo" / "tillgangar.csv");
  WriteText(samples / "hylte" / "assets.csv", "name,kind,role\nfw1,device,firewall\n");
  auto r = RunCli(dir, "demo --samples samples --out out");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "out" / "samdrift.db"));
  // The tables name the sample municipalities by their display names (stats rows here).
  CHECK(r.out.find("\nGnosj\xC3\xB6  ") != std::string::npos);
  CHECK(r.out.find("\nHylte  ") != std::string::npos);
  CHECK(Slurp(dir / "out" / "model-archimate.xml").find("<name>fw1</name>") != std::string::npos);
  CHECK(Slurp(dir / "out" / "model.dot").find("label=\"fw1\"") != std::string::npos);
  // The sample municipalities have their names.
  auto orgs = RunCli(dir, "--db out/samdrift.db orgs --json");
  CHECK(orgs.out.find("\"id\": \"gnosjo\",\n      \"name\": \"Gnosj\xC3\xB6\"") !=
        std::string::npos);
  CHECK(orgs.out.find("\"id\": \"hylte\",\n      \"name\": \"Hylte\"") != std::string::npos);
}

TEST_CASE("a new org within two edits of one in the store is a usage error", "[tools][cli]") {
  auto dir = ScratchDir("org-typo");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "a.csv", "name,kind,role\nsrv1,device,server\n");
  WriteText(dir / "b.csv", "name,kind,role\nsrv2,device,server\n");
  REQUIRE(RunCli(dir, "import --org gnosjo a.csv").exit_code == 0);
  const std::string kTypo =
      "samdrift: org 'gnosjoo' is not in the store; did you mean 'gnosjo'? (--new-org creates "
      "it)\n";
  for (const char* dry : {"", "--dry-run "}) {
    INFO(dry);
    auto r = RunCli(dir, std::string("import --org gnosjoo ") + dry + "b.csv");
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == kTypo);
  }
  auto stats = nlohmann::json::parse(RunCli(dir, "stats --json").out);
  CHECK_FALSE(stats["orgs"].contains("gnosjoo"));
  // Far from every org in the store, or said to be new: imported.
  auto far = RunCli(dir, "import --org hylte b.csv");
  INFO(far.err);
  CHECK(far.exit_code == 0);
  auto created = RunCli(dir, "import --org gnosjoo --new-org b.csv");
  INFO(created.err);
  CHECK(created.exit_code == 0);
  // Once in the store it is no typo: imports into it need no flag.
  auto again = RunCli(dir, "import --org gnosjoo b.csv");
  INFO(again.err);
  CHECK(again.exit_code == 0);
  stats = nlohmann::json::parse(RunCli(dir, "stats --json").out);
  CHECK(stats["orgs"]["gnosjoo"]["total"] == 1);
}
