// samdrift-gen end to end: its output imports through the real binary without a diagnostic, is
// the same for the same seed, and has the shape the planners need.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "importers/netbox_columns.h"
#include "importers/registry.h"
#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

CliResult RunGen(const fs::path& dir, const std::string& args) {
  const auto out = dir / ".gen-stdout";
  const auto err = dir / ".gen-stderr";
  const std::string command = "cd '" + dir.string() + "' && '" + std::string(SAMDRIFT_GEN_BINARY) +
                              "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// Every regular file below `dir`, relative path -> content.
std::map<std::string, std::string> Tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), dir).string()] = Slurp(entry.path());
  }
  return files;
}

std::vector<std::vector<std::string>> Rows(const std::string& text, char delimiter) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> cells;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == delimiter && !quoted) {
        cells.push_back(cell);
        cell.clear();
      } else {
        cell += c;
      }
    }
    cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace

TEST_CASE("samdrift-gen: 20 orgs x 2,000 assets import with no diagnostic", "[tools][gen]") {
  auto dir = ScratchDir("gen-import");
  auto gen = RunGen(dir, "--orgs 20 --assets-per-org 2000 --seed 42 --out estate");
  REQUIRE(gen.exit_code == 0);
  CHECK(gen.out.find("wrote 20 orgs to estate: ") == 0);
  // Two orgs in five keep their devices, clusters and VMs in NetBox (org003, org004, org008, ...).
  const auto manifest = nlohmann::json::parse(Slurp(dir / "estate/manifest.json"));
  REQUIRE(manifest["orgs"].size() == 20);
  int netbox_orgs = 0;
  for (const auto& [org, declared] : manifest["orgs"].items()) {
    INFO(org);
    const auto formats = declared["formats"].get<std::set<std::string>>();
    const bool netbox = formats.count("netbox") > 0;
    netbox_orgs += netbox ? 1 : 0;
    CHECK(fs::exists(dir / "estate" / org / "devices.csv") == netbox);
    CHECK(fs::exists(dir / "estate" / org / "virtual-machines.csv") == netbox);
    CHECK(fs::exists(dir / "estate" / org / "cables.csv") == netbox);
  }
  CHECK(netbox_orgs == 8);
  CHECK(manifest["orgs"]["org003"]["formats"].get<std::set<std::string>>().count("netbox") == 1);
  // Clients come from GLPI agents too: XML in odd-numbered orgs, JSON in even ones.
  auto count = [&](const char* folder, const char* extension) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir / "estate" / folder / "clients"))
      n += e.path().extension() == extension ? 1 : 0;
    return n;
  };
  CHECK(count("org001", ".xml") > 10);
  CHECK(count("org002", ".json") > 10);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  for (int i = 1; i <= 20; ++i) {
    char org[16];
    std::snprintf(org, sizeof org, "org%03d", i);
    INFO(org);
    auto r = RunCli(dir, std::string("import --new-org --org ") + org + " estate/" + org);
    CHECK(r.exit_code == 0);
    // Nothing on stderr but the note that a Swedish Excel sheet (every fifth org writes one, in
    // Windows-1252 as Excel does) was read as Windows-1252.
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
      CHECK(line.find(": warning[ENC001]: not valid UTF-8 (first at byte ") != std::string::npos);
    }
  }
  auto stats = RunCli(dir, "stats --json");
  REQUIRE(stats.exit_code == 0);
  auto json = nlohmann::json::parse(stats.out);
  CHECK(json["orgs"].size() == 20);
  for (const auto& [org, counts] : json["orgs"].items()) {
    INFO(org);
    // 2,000 declared assets plus halls, networks and the sites and racks they imply.
    CHECK(counts["total"].get<int>() > 2000);
    CHECK(counts["client"].get<int>() > 0);
    CHECK(counts["network"].get<int>() > 0);
    // Every kind as the generator declares it, whichever formats the org's files are in.
    const auto& declared = manifest["orgs"][org]["kinds"];
    CHECK(counts["kinds"].dump() == nlohmann::json(declared).dump());
    CHECK(counts["kinds"]["device"].get<int>() > 100);
    CHECK(counts["kinds"]["vm"].get<int>() > 100);
  }
  CHECK(json["relations"].get<int>() > 20 * 1000);
  CHECK(json["unresolved_relations"].get<int>() == 0);
}

TEST_CASE("samdrift-gen: the same seed writes the same bytes", "[tools][gen]") {
  auto dir = ScratchDir("gen-seed");
  REQUIRE(RunGen(dir, "--orgs 3 --assets-per-org 300 --seed 5 --out a --jobs 2").exit_code == 0);
  REQUIRE(RunGen(dir, "--orgs 3 --assets-per-org 300 --seed 5 --out b --jobs 1").exit_code == 0);
  REQUIRE(RunGen(dir, "--orgs 3 --assets-per-org 300 --seed 6 --out c").exit_code == 0);
  auto a = Tree(dir / "a");
  CHECK(a.size() > 3 * 4);  // four CSV files per org and the GLPI agents' files
  CHECK(a == Tree(dir / "b"));
  CHECK(a != Tree(dir / "c"));
  // A second run into a used folder needs --force and then replaces it.
  auto again = RunGen(dir, "--orgs 3 --assets-per-org 300 --seed 6 --out a");
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("samdrift-gen: 'a' is not empty; pass --force") == 0);
  CHECK(RunGen(dir, "--orgs 3 --assets-per-org 300 --seed 6 --out a --force").exit_code == 0);
  CHECK(Tree(dir / "a") == Tree(dir / "c"));
}

TEST_CASE("samdrift-gen: the estate has the samples' shape", "[tools][gen]") {
  auto dir = ScratchDir("gen-shape");
  REQUIRE(RunGen(dir, "--orgs 10 --assets-per-org 1000 --seed 9 --out e").exit_code == 0);
  // Formats as in the samples: English comma UTF-8, a Swedish Excel sheet (semicolons, CRLF,
  // Windows-1252, decimal commas), a supplier's sheet with a BOM.
  const std::string sv = Slurp(dir / "e/org002/tillgangar.csv");
  CHECK(sv.rfind("namn;typ;roll;tillverkare;", 0) == 0);
  CHECK(sv.find("\r\n") != std::string::npos);
  CHECK(sv.find("k\xE4rnswitch") != std::string::npos);  // "kärnswitch" in Windows-1252
  CHECK(Slurp(dir / "e/org005/assets.csv").rfind("\xEF\xBB\xBFname,kind,", 0) == 0);

  std::map<std::string, std::set<std::string>> orgs_by_product;  // vendor/product -> orgs
  std::set<std::string> spellings_of_esxi;
  int eol_rows = 0;
  int cycles = 0;
  int pairs = 0;
  for (int i = 1; i <= 10; ++i) {
    char org[16];
    std::snprintf(org, sizeof org, "org%03d", i);
    const bool swedish = i == 2 || i == 7;
    auto assets = Rows(Slurp(dir / "e" / org / (swedish ? "tillgangar.csv" : "assets.csv")),
                       swedish ? ';' : ',');
    std::map<std::string, int> groups;
    for (std::size_t r = 1; r < assets.size(); ++r) {
      const auto& row = assets[r];
      REQUIRE(row.size() == 16);
      orgs_by_product[row[3] + "/" + row[4]].insert(org);
      if (row[4].find("ESXi") != std::string::npos || row[4].find("vSphere") != std::string::npos)
        spellings_of_esxi.insert(row[3] + "/" + row[4] + "/" + row[5]);
      if (!row[15].empty() && row[15] < "2026-01-01") ++eol_rows;
      if (!row[13].empty()) ++groups[row[13]];
    }
    // NetBox orgs: devices in devices.csv, their pairs as virtual chassis or cluster members.
    if (fs::exists(dir / "e" / org / "devices.csv")) {
      auto devices = Rows(Slurp(dir / "e" / org / "devices.csv"), ',');
      for (std::size_t r = 1; r < devices.size(); ++r) {
        const auto& row = devices[r];
        REQUIRE(row.size() == 20);
        orgs_by_product[row[3] + "/" + row[4]].insert(org);
        if (!row[15].empty()) ++groups[row[15]];
        if (!row[18].empty()) ++groups[row[18]];
      }
    }
    for (const auto& [group, members] : groups) pairs += members >= 2 ? 1 : 0;
    std::set<std::pair<std::string, std::string>> depends;
    for (const auto& row :
         Rows(Slurp(dir / "e" / org / (swedish ? "relationer.csv" : "relations.csv")),
              swedish ? ';' : ',')) {
      if (row.size() == 3 && row[1] == "depends_on") depends.insert({row[0], row[2]});
    }
    for (const auto& [a, b] : depends) cycles += a < b && depends.count({b, a}) ? 1 : 0;
  }
  std::size_t shared = 0, unique = 0;
  for (const auto& [product, orgs] : orgs_by_product) {
    if (product == "/") continue;
    shared += orgs.size() >= 5 ? 1 : 0;
    unique += orgs.size() == 1 ? 1 : 0;
  }
  CHECK(shared >= 5);
  CHECK(unique >= 3);
  CHECK(spellings_of_esxi.size() >= 2);
  CHECK(eol_rows > 100);
  CHECK(pairs >= 10 * 3);  // core, firewall and cluster groups in every org
  CHECK(cycles >= 10);     // at least one two-service cycle per org
}

TEST_CASE("samdrift-gen: NetBox files have the headers the importers accept", "[tools][gen]") {
  auto dir = ScratchDir("gen-netbox");
  REQUIRE(
      RunGen(dir, "--orgs 4 --assets-per-org 600 --seed 3 --formats netbox --out e").exit_code ==
      0);
  // Each file: the importer that claims it, and its header exactly as NetBox's export (and the
  // Gislaved sample) writes it.
  const std::map<std::string, std::string> expected = {
      {"sites.csv", "netbox-sites"},
      {"locations.csv", "netbox-locations"},
      {"racks.csv", "netbox-racks"},
      {"devices.csv", "netbox-devices"},
      {"power-ports.csv", "netbox-power-ports"},
      {"cables.csv", "netbox-cables"},
      {"clusters.csv", "netbox-clusters"},
      {"virtual-machines.csv", "netbox-virtual-machines"}};
  const fs::path sample = fs::path(SAMDRIFT_SOURCE_DIR) / "sample-inventories/gislaved";
  for (const char* org : {"org003", "org004"}) {
    for (const auto& [file, importer] : expected) {
      INFO(org << "/" << file);
      const std::string text = Slurp(dir / "e" / org / file);
      REQUIRE(!text.empty());
      const samdrift::importers::Importer* detected = samdrift::importers::DetectImporter(text);
      REQUIRE(detected != nullptr);
      CHECK(detected->Name() == importer);
      const std::string header = text.substr(0, text.find('\n'));
      const std::string sample_text = Slurp(sample / file);
      CHECK(header == sample_text.substr(0, sample_text.find('\n')));
      // Every column is one the type knows, and the required ones are there.
      const auto columns = Rows(header, ',').front();
      for (auto type : samdrift::importers::AllNetboxTypes()) {
        const auto& table = samdrift::importers::NetboxTableOf(type);
        if (table.importer != importer) continue;
        CHECK(samdrift::importers::NetboxScore(table, columns) ==
              table.score_base + table.score_span);
        for (std::string_view required : table.required) {
          CHECK(std::count(columns.begin(), columns.end(), std::string(required)) == 1);
        }
      }
      // NetBox CSV as exported: UTF-8 without BOM, LF, one row per line with the header's cells.
      CHECK(text.find('\r') == std::string::npos);
      for (const auto& row : Rows(text, ',')) CHECK(row.size() == columns.size());
    }
  }
  // The orgs that keep a sheet write no NetBox files.
  CHECK_FALSE(fs::exists(dir / "e/org001/devices.csv"));
  CHECK(fs::exists(dir / "e/org001/assets.csv"));
}
