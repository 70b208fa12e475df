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

// Characters, not bytes, of UTF-8 text: where a column starts as a person sees it.
std::size_t Chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

// The lines of `text` from the one that starts with `first` up to the next empty line.
std::vector<std::string> Block(const std::string& text, const std::string& first) {
  std::vector<std::string> lines;
  std::size_t at = text.find(first);
  if (at == std::string::npos) return lines;
  while (at < text.size()) {
    const std::size_t end = text.find('\n', at);
    std::string line = text.substr(at, end == std::string::npos ? end : end - at);
    if (line.empty()) break;
    lines.push_back(std::move(line));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return lines;
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

TEST_CASE("text tables show display names, aligned by characters; JSON keeps ids",
          "[tools][cli][orgs][names]") {
  auto dir = ScratchDir("org-names-tables");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  Import(dir, "--org gnosjo '" + kSamples + "/gnosjo'");
  Import(dir, "--org varnamo '" + kSamples + "/varnamo'");
  REQUIRE(RunCli(dir, "org gnosjo --name 'Gnosjö'").exit_code == 0);
  REQUIRE(RunCli(dir, "org varnamo --name 'Värnamo'").exit_code == 0);

  auto stats = RunCli(dir, "stats");
  REQUIRE(stats.exit_code == 0);
  // The counts table and the completeness table: rows by name, every line as wide as its header.
  auto counts = Block(stats.out, "org ");
  REQUIRE(counts.size() >= 4);  // header, Gnosjö, Värnamo, total; then relations and warnings
  counts.resize(4);
  CHECK(counts[1].rfind("Gnosjö  ", 0) == 0);
  CHECK(counts[2].rfind("Värnamo  ", 0) == 0);
  CHECK(counts[3].rfind("total  ", 0) == 0);
  for (const std::string& line : counts) CHECK(Chars(line) == Chars(counts[0]));
  const auto completeness = Block(stats.out.substr(stats.out.find("completeness")), "org ");
  REQUIRE(completeness.size() == 3);
  CHECK(completeness[1].rfind("Gnosjö  ", 0) == 0);
  CHECK(completeness[2].rfind("Värnamo  ", 0) == 0);
  for (const std::string& line : completeness) CHECK(Chars(line) == Chars(completeness[0]));
  CHECK(stats.out.find("import warnings: Gnosjö ") != std::string::npos);
  CHECK(stats.out.find("gnosjo") == std::string::npos);

  // JSON is for machines: keyed by id.
  auto json = nlohmann::json::parse(RunCli(dir, "stats --json").out);
  CHECK(json["orgs"].contains("gnosjo"));
  CHECK(json["orgs"].contains("varnamo"));
  CHECK_FALSE(json["orgs"].contains("Gnosjö"));

  auto overlap = RunCli(dir, "overlap");
  REQUIRE(overlap.exit_code == 0);
  const auto technologies = Block(overlap.out, "capability ");
  REQUIRE(technologies.size() >= 2);
  CHECK(technologies[0].find("   Gnosjö  Värnamo  orgs  shared") != std::string::npos);
  const auto shared_column = [](const std::string& line) {
    return Chars(line.substr(0, line.rfind("  ")));  // where the last column starts
  };
  for (const std::string& line : technologies) {
    CHECK(shared_column(line) == shared_column(technologies[0]));
  }
  const std::string similarity = overlap.out.substr(overlap.out.find("== Similarity"));
  CHECK(similarity.find("\n             Gnosjö  Värnamo\n"
                        "Gnosjö         1.00     0.") != std::string::npos);
  CHECK(similarity.find("\nVärnamo        0.") != std::string::npos);
  CHECK(overlap.out.find("\nonly Gnosjö:") != std::string::npos);
  CHECK(overlap.out.find("\nVärnamo: ") != std::string::npos);  // coverage
  CHECK(nlohmann::json::parse(RunCli(dir, "overlap --json").out)["orgs"] ==
        nlohmann::json({"gnosjo", "varnamo"}));

  auto halls = RunCli(dir, "halls");
  INFO(halls.err);
  REQUIRE(halls.out.find("gno-bkp01") != std::string::npos);
  // Device lines: the U column starts at the same character whichever org's name is before it.
  std::vector<std::size_t> u_column;
  std::size_t at = 0;
  while ((at = halls.out.find("\n    U", at)) != std::string::npos) {
    const std::size_t end = halls.out.find('\n', at + 1);
    const std::string line = halls.out.substr(at + 1, end - at - 1);
    CHECK((line.find(" Gnosjö ") != std::string::npos ||
           line.find(" Värnamo ") != std::string::npos));
    u_column.push_back(Chars(line.substr(0, line.find(" U "))));
    at = end;
  }
  REQUIRE(u_column.size() > 10);
  for (std::size_t column : u_column) CHECK(column == u_column.front());
}
