// The report's page per municipality ("Vad detta innebär för Gnosjö") on the sample
// inventories: one per org in both languages, reachable from the summary, and its figures the
// planners' own (`target --json`, `halls --json` with the same scenario and date).
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
const std::string kPlan =
    "--db demo/samdrift.db {} --scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01";

std::string Command(const std::string& command) {
  std::string args = kPlan;
  args.replace(args.find("{}"), 2, command);
  return args;
}

// The samples imported by `samdrift demo`, then `report` in Swedish and in English.
const fs::path& Dir() {
  static const fs::path dir = [] {
    const fs::path d = ScratchDir("report-orgs");
    CliResult r = RunCli(d, "demo --samples '" + kSamples + "' --out demo");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* lang : {"sv", "en"}) {
      r = RunCli(d, Command("report") + " --lang " + lang + " --out " + lang);
      INFO(lang << "\n" << r.err);
      REQUIRE(r.exit_code == 0);
    }
    return d;
  }();
  return dir;
}

json JsonOf(const std::string& command) {
  CliResult r = RunCli(Dir(), Command(command) + " --json");
  INFO(command << "\n" << r.err);
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));  // halls: 1 when a device is not placed
  return json::parse(r.out);
}

// A CSV file of the report (UTF-8 with BOM, `;`, quotes around a field holding one) as rows of
// fields; the header row first.
std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::string text = Slurp(path);
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ';') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

// One org's page in the HTML: from its anchor to the end of its block.
std::string PageOf(const std::string& html, const std::string& org) {
  const std::size_t at = html.find("<div class=\"org-page\" id=\"org-" + org + "\"");
  if (at == std::string::npos) return "";
  return html.substr(at, html.find("</div>\n", html.find("href=\"#orgs\"", at)) - at);
}

std::map<std::string, std::string> OrgNames() {
  std::map<std::string, std::string> names;
  CliResult r = RunCli(Dir(), "--db demo/samdrift.db orgs --json");
  REQUIRE(r.exit_code == 0);
  const json orgs = json::parse(r.out);
  for (const json& o : orgs["orgs"]) names[o["id"]] = o["name"];
  return names;
}

}  // namespace

TEST_CASE("the report has a page per municipality in both languages, linked from the summary",
          "[tools][report][orgs]") {
  const std::string sv = Slurp(Dir() / "sv" / "index.html");
  const std::string en = Slurp(Dir() / "en" / "index.html");
  const std::map<std::string, std::string> names = OrgNames();
  REQUIRE(names.size() == 5);
  const std::size_t summary_end = sv.find("<section id=\"estate\"");
  for (const auto& [org, name] : names) {
    INFO(org);
    CHECK(sv.find("id=\"org-" + org + "\"") != std::string::npos);
    CHECK(sv.find("Vad detta innebär för " + name + "</h3>") != std::string::npos);
    CHECK(en.find("What this means for " + name + "</h3>") != std::string::npos);
    // The summary links to it.
    CHECK(sv.find("href=\"#org-" + org + "\"") < summary_end);
  }
  CHECK(sv.find("<a href=\"#orgs\">Per kommun</a>") != std::string::npos);  // the navigation
  CHECK(en.find("<a href=\"#orgs\">Per municipality</a>") != std::string::npos);
}

TEST_CASE("each municipality's figures are the planners' own", "[tools][report][orgs]") {
  const json target = JsonOf("target");
  const json halls = JsonOf("halls");
  std::map<std::string, double> gaps, today, emptied;
  for (const json& g : target["gaps"]) ++gaps[g["org"]];
  for (const json& h : halls["today"]) {
    ++today[h["org"]];
    if (h["fate"] == "emptied" && !h["emptied_in_wave"].is_null()) ++emptied[h["org"]];
  }
  REQUIRE(gaps.size() == 5);

  // The table of key figures (CSV: org ids; Swedish headers).
  const auto rows = ReadCsv(Dir() / "sv" / "csv" / "orgs.csv");
  REQUIRE(rows.size() == 6);
  CHECK(rows[0][0] == "Kommun");
  CHECK(rows[0][1] == "Gap");
  CHECK(rows[0][4] == "Hallar i dag");
  CHECK(rows[0][5] == "Hallar som töms");
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::string& org = rows[r][0];
    INFO(org);
    CHECK(std::stod(rows[r][1]) == gaps[org]);
    CHECK(std::stod(rows[r][4]) == today[org]);
    CHECK(std::stod(rows[r][5]) == emptied[org]);
  }
  // Gaps by capability add up to the org's gaps; today's halls are listed one by one.
  std::map<std::string, double> by_capability, hall_rows;
  for (const auto& row : ReadCsv(Dir() / "sv" / "csv" / "org-gaps.csv")) {
    if (row[0] != "Kommun") by_capability[row[0]] += std::stod(row[2]);
  }
  CHECK(by_capability == gaps);
  for (const auto& row : ReadCsv(Dir() / "sv" / "csv" / "org-halls.csv")) {
    if (row[0] != "Kommun") ++hall_rows[row[0]];
  }
  CHECK(hall_rows == today);

  // The page says the same in words.
  const std::string sv = Slurp(Dir() / "sv" / "index.html");
  for (const auto& [org, count] : gaps) {
    INFO(org);
    const std::string page = PageOf(sv, org);
    REQUIRE(!page.empty());
    CHECK(page.find("standarderna:</strong> " + std::to_string(static_cast<int>(count)) +
                    " gap,") != std::string::npos);
    CHECK(page.find("<strong>Hallar:</strong> " + std::to_string(static_cast<int>(today[org])) +
                    " i dag, " + std::to_string(static_cast<int>(emptied[org])) +
                    " töms av planen") != std::string::npos);
  }
}

TEST_CASE("a municipality's page shows only its own rows", "[tools][report][orgs]") {
  const std::string sv = Slurp(Dir() / "sv" / "index.html");
  const std::string page = PageOf(sv, "gnosjo");
  REQUIRE(!page.empty());
  CHECK(page.find("Serverrummet") != std::string::npos);  // Gnosjö's hall
  CHECK(page.find("gno-esx01") != std::string::npos);     // a device that leaves it
  CHECK(page.find("Reservhallen") == std::string::npos);  // Gislaved's hall
  CHECK(page.find("gis-") == std::string::npos);
  // The site-bound devices that stay, and why, in Swedish.
  CHECK(page.find("platsens kärnväxel: den bär platsens eget nät (gno-core01, gno-core02)") !=
        std::string::npos);
  // The link that shows all its gaps in the gap table.
  CHECK(page.find("<a class=\"org-filter\" href=\"#t-gaps\" data-org=\"Gnosjö\">") !=
        std::string::npos);
}

namespace {

double CsvNumber(std::string text) {
  for (char& c : text) {
    if (c == ',') c = '.';
  }
  return std::stod(text);
}

}  // namespace

// The hall section's table "Vilka hallar ska finnas kvar" (the scenario has a `siting:` block)
// holds `halls --choose --json`'s sets in its order, with their figures; the summary names the
// chosen set; both languages carry their own words.
TEST_CASE("report: the ranking of halls is halls --choose's, row by row", "[report][siting]") {
  const json choice = JsonOf("halls --choose");
  const json& sets = choice["sets"];
  const auto rows = ReadCsv(Dir() / "sv" / "csv" / "siting.csv");
  REQUIRE(rows.size() == sets.size() + 1);
  CHECK(rows[0] == std::vector<std::string>{"Rang", "Hallar", "Får plats", "kW som flyttas",
                                            "Enheter som flyttas", "Rack som köps",
                                            "Avstånd (km)", "Tur och retur (ms)",
                                            "Investering (kr)", "Driftkostnad per år (kr)",
                                            "Kostnad över fem år (kr)", "Regler som bryts",
                                            "Motivering"});
  for (std::size_t i = 0; i < sets.size(); ++i) {
    const json& s = sets[i];
    const auto& row = rows[i + 1];
    INFO("rank " << i + 1);
    std::string halls;
    for (const json& h : s["halls"]) {
      if (!halls.empty()) halls += " + ";
      halls += h.contains("name") ? h["name"].get<std::string>()
                                  : h["org"].get<std::string>() + "/" +
                                        h["site"].get<std::string>() + "/" +
                                        h["hall"].get<std::string>();
    }
    CHECK(CsvNumber(row[0]) == i + 1);
    CHECK(row[1] == halls);
    CHECK(row[2] == (s["fits"].get<bool>() ? "yes" : "no"));
    CHECK(CsvNumber(row[3]) == Approx(s["moved_kw"].get<double>()).margin(0.05));
    CHECK(CsvNumber(row[4]) == s["moved_devices"].get<double>());
    CHECK(CsvNumber(row[5]) == s["racks_bought"].get<double>());
    CHECK(CsvNumber(row[6]) == Approx(s["distance_km"].get<double>()).margin(0.05));
    CHECK(CsvNumber(row[7]) == Approx(s["rtt_ms"].get<double>()).margin(0.005));
    CHECK(CsvNumber(row[8]) == Approx(s["investment"].get<double>()).margin(0.5));
    CHECK(CsvNumber(row[9]) == Approx(s["running_per_year"].get<double>()).margin(0.5));
    CHECK(CsvNumber(row[10]) == Approx(s["five_year"].get<double>()).margin(0.5));
    std::string breaks;
    for (const json& b : s["breaks"]) breaks += (breaks.empty() ? "" : ", ") + b.get<std::string>();
    CHECK(row[11] == breaks);
    CHECK_FALSE(row[12].empty());
  }
  REQUIRE(sets[0]["chosen_possible"].get<bool>());
  CHECK(rows[1][12].rfind("vald: lägst poäng", 0) == 0);

  // The summary names the chosen set by the halls' display names, in each language.
  const std::string sv = Slurp(Dir() / "sv" / "index.html");
  const std::string en = Slurp(Dir() / "en" / "index.html");
  CHECK(sv.find("Vilka hallar ska finnas kvar") != std::string::npos);
  CHECK(en.find("Which halls should remain") != std::string::npos);
  const auto summary = ReadCsv(Dir() / "sv" / "csv" / "summary.csv");
  std::string chosen;
  for (const auto& row : summary) {
    if (row[0] == "Hallar som rangordningen väljer") chosen = row[1];
  }
  INFO(chosen);
  CHECK(chosen.rfind("Värnamo Stadshuset/Serverhall 1 + Gislaved Kommunhuset/Datahallen "
                     "(kostnad över fem år ",
                     0) == 0);
}
