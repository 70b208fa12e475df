// `orgs`, `org ID --name` and `remove` end to end.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

// What the commands answer about the whole store.
std::string Answers(const std::filesystem::path& dir) {
  auto stats = RunCli(dir, "stats --json");
  auto exported = RunCli(dir, "export --format json");
  auto orgs = RunCli(dir, "orgs --json");
  REQUIRE(stats.exit_code == 0);
  REQUIRE(exported.exit_code == 0);
  REQUIRE(orgs.exit_code == 0);
  return stats.out + exported.out + orgs.out;
}

void Import(const std::filesystem::path& dir, const std::string& args) {
  auto r = RunCli(dir, "import " + args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

}  // namespace

TEST_CASE("import A, import B, remove B equals import A alone", "[tools][cli][remove]") {
  auto alone = ScratchDir("remove-alone");
  REQUIRE(RunCli(alone, "init").exit_code == 0);
  Import(alone, "--org gnosjo '" + kSamples + "/gnosjo'");
  REQUIRE(RunCli(alone, "org gnosjo --name 'Gnosjö'").exit_code == 0);

  auto both = ScratchDir("remove-both");
  REQUIRE(RunCli(both, "init").exit_code == 0);
  Import(both, "--org gnosjo '" + kSamples + "/gnosjo'");
  REQUIRE(RunCli(both, "org gnosjo --name 'Gnosjö'").exit_code == 0);
  Import(both, "--org hylte '" + kSamples + "/hylte'");
  REQUIRE(RunCli(both, "org hylte --name Hylte").exit_code == 0);
  const std::string before = Answers(both);
  REQUIRE(before != Answers(alone));

  auto dry = RunCli(both, "remove --org hylte --dry-run");
  INFO(dry.err);
  REQUIRE(dry.exit_code == 0);
  CHECK(dry.out.rfind("dry run, nothing removed: 45 file(s) of hylte: ", 0) == 0);
  CHECK(Answers(both) == before);

  auto removed = RunCli(both, "remove --org hylte");
  INFO(removed.err);
  REQUIRE(removed.exit_code == 0);
  CHECK(removed.out.rfind("removed 45 file(s) of hylte: ", 0) == 0);
  CHECK(removed.out.find("; nothing of hylte is left\n") != std::string::npos);
  CHECK(Answers(both) == Answers(alone));
}

TEST_CASE("remove --source takes out one file of an org", "[tools][cli][remove]") {
  const std::string gnosjo = kSamples + "/gnosjo/";
  auto alone = ScratchDir("remove-source-alone");
  REQUIRE(RunCli(alone, "init").exit_code == 0);
  Import(alone, "--org gnosjo '" + gnosjo + "tillgangar.csv' '" + gnosjo + "hallar.csv' '" +
                    gnosjo + "relationer.csv'");

  auto both = ScratchDir("remove-source-both");
  REQUIRE(RunCli(both, "init").exit_code == 0);
  Import(both, "--org gnosjo '" + gnosjo + "tillgangar.csv' '" + gnosjo + "hallar.csv' '" + gnosjo +
                   "relationer.csv'");
  Import(both, "--org gnosjo '" + gnosjo + "natverk.csv'");
  const std::string before = Answers(both);

  auto unknown = RunCli(both, "remove --org gnosjo --source natverk.cvs");
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err ==
        "samdrift: org 'gnosjo' has no source 'natverk.cvs'; did you mean 'natverk.csv'?\n");
  auto unknown_org = RunCli(both, "remove --org gnosj");
  CHECK(unknown_org.exit_code == 1);
  CHECK(unknown_org.err == "samdrift: the store has no org 'gnosj'; did you mean 'gnosjo'?\n");
  CHECK(Answers(both) == before);

  auto removed = RunCli(both, "remove --org gnosjo --source '" + gnosjo + "natverk.csv'");
  INFO(removed.err);
  REQUIRE(removed.exit_code == 0);
  CHECK(removed.out.rfind("removed 1 file(s) of gnosjo: ", 0) == 0);
  CHECK(Answers(both) == Answers(alone));
}

TEST_CASE("orgs lists the municipalities with their display names", "[tools][cli][orgs]") {
  auto dir = ScratchDir("orgs");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  for (const char* command : {"orgs", "org", "remove"}) {
    INFO(command);
    auto help = RunCli(dir, std::string(command) + " --help");
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("Usage") != std::string::npos);
  }
  CHECK(RunCli(dir, "orgs --json").out == "{\n  \"orgs\": []\n}\n");
  Import(dir, "--org gnosjo '" + kSamples + "/gnosjo'");
  Import(dir, "--org hylte '" + kSamples + "/hylte/assets.csv'");

  auto named = RunCli(dir, "org gnosjo --name 'Gnosjö'");
  CHECK(named.exit_code == 0);
  CHECK(named.out == "gnosjo: Gnosjö\n");
  auto unknown = RunCli(dir, "org gnosj --name 'Gnosjö'");
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "samdrift: the store has no org 'gnosj'; did you mean 'gnosjo'?\n");
  CHECK(RunCli(dir, "org gnosjo").exit_code == 2);  // --name is required

  auto json = RunCli(dir, "orgs --json");
  REQUIRE(json.exit_code == 0);
  auto orgs = nlohmann::json::parse(json.out)["orgs"];
  REQUIRE(orgs.size() == 2);
  CHECK(orgs[0]["id"] == "gnosjo");
  CHECK(orgs[0]["name"] == "Gnosjö");
  CHECK(orgs[0]["assets"].get<int>() > 0);
  CHECK(orgs[1]["id"] == "hylte");
  CHECK(orgs[1]["name"] == "hylte");  // no name: its id

  auto table = RunCli(dir, "orgs");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.rfind("org                 assets  name\ngnosjo    ", 0) == 0);
  CHECK(table.out.find("  Gnosjö\nhylte  ") != std::string::npos);
  CHECK(table.out.substr(table.out.size() - 8) == "  hylte\n");
  // The export's org list carries the name; its rows keep the id.
  auto exported = nlohmann::json::parse(RunCli(dir, "export --format json").out);
  CHECK(exported["orgs"][0]["name"] == "Gnosjö");
  CHECK(exported["assets"][0]["org"] == "gnosjo");
}

TEST_CASE("a version-2 store asks for init, then takes names", "[tools][cli][orgs]") {
  auto dir = ScratchDir("orgs-upgrade");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  Import(dir, "--org gnosjo '" + kSamples + "/gnosjo/tillgangar.csv'");
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "samdrift.db").string().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP TABLE orgs; PRAGMA user_version = 2;", nullptr, nullptr,
                         nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto old = RunCli(dir, "orgs");
  CHECK(old.exit_code == 3);
  CHECK(old.err ==
        "samdrift: store 'samdrift.db' has an older schema; run 'samdrift init' to upgrade it\n");
  // A writing command upgrades in place.
  REQUIRE(RunCli(dir, "org gnosjo --name 'Gnosjö'").exit_code == 0);
  auto orgs = nlohmann::json::parse(RunCli(dir, "orgs --json").out)["orgs"];
  CHECK(orgs[0]["name"] == "Gnosjö");
}

TEST_CASE("remove while another process writes: exit 3, nothing removed", "[tools][cli][remove]") {
  auto dir = ScratchDir("remove-busy");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  Import(dir, "--org gnosjo '" + kSamples + "/gnosjo/tillgangar.csv'");
  const std::string before = Answers(dir);
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open((dir / "samdrift.db").string().c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto busy = RunCli(dir, "remove --org gnosjo");
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  CHECK(busy.exit_code == 3);
  CHECK(busy.err ==
        "samdrift: store 'samdrift.db' is busy: another samdrift process is writing it; nothing "
        "was changed, try again when it has finished\n");
  CHECK(Answers(dir) == before);
}
