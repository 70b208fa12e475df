// The report on the sample inventories as a reader gets it: one language throughout (no text of
// the other language's table, no known English phrase in the Swedish report), the summary first,
// every HTML id unique, the similarity matrix once, source files never as absolute paths.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "reports/report.h"
#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;
using samdrift::reports::SwedishTexts;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

// The samples imported by `samdrift demo` (absolute source paths, as a demo on any machine),
// then `report` (scenario.yaml detailed, the four alternatives compared) in Swedish, in English
// and redacted.
const fs::path& ReportDir() {
  static const fs::path dir = [] {
    const fs::path d = ScratchDir("report-lang");
    CliResult r = RunCli(d, "demo --samples '" + kSamples + "' --out demo");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    // The four alternatives compared too: the comparison's texts are checked with the rest.
    std::string plan = "--db demo/samdrift.db report --scenario '" + kSamples +
                       "/scenario.yaml' --date 2026-09-01";
    for (const char* a : {"s", "1-teknik", "1-tjanst", "2"}) {
      plan += " --scenario '" + kSamples + "/alternativ-" + a + ".yaml'";
    }
    plan += " --out ";
    for (const char* args : {"sv --lang sv", "en --lang en", "redacted --lang sv --redact"}) {
      r = RunCli(d, plan + args);
      INFO(args << "\n" << r.err);
      REQUIRE(r.exit_code == 0);
    }
    return d;
  }();
  return dir;
}

// What a reader sees: the page without style, code and tags, entities decoded. The rows a table
// holds as JSON (shown page by page by the page's script) are kept: a reader reaches them all.
// Written without std::regex, whose matcher recurses per character and overflows the stack on a
// page of several megabytes.
std::string VisibleText(const std::string& html) {
  std::string out;
  out.reserve(html.size());
  std::size_t at = 0;
  while (at < html.size()) {
    if (html[at] != '<') {
      out += html[at++];
      continue;
    }
    const std::size_t close = html.find('>', at);
    if (close == std::string::npos) break;
    const std::string tag = html.substr(at, close - at + 1);
    at = close + 1;
    out += ' ';
    for (const char* element : {"style", "script"}) {
      if (tag.rfind(std::string("<") + element, 0) != 0) continue;
      const std::size_t end = html.find(std::string("</") + element, at);
      if (end == std::string::npos) break;
      if (tag.find("application/json") != std::string::npos) out += html.substr(at, end - at);
      at = end;
    }
  }
  for (const auto& [entity, text] : std::map<std::string, std::string>{
           {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}) {
    for (std::size_t pos = out.find(entity); pos != std::string::npos;
         pos = out.find(entity, pos + text.size())) {
      out.replace(pos, entity.size(), text);
    }
  }
  return out;
}

// A text worth looking for: two words or more (a single word may be a product's name).
bool Phrase(std::string_view text) { return text.find(' ') != std::string_view::npos; }

}  // namespace

// The page without the tables whose text is still a planner's or an importer's English sentence
// (docs/cli.md says so): the plan items' scheduling ("wave 2: ready in wave 1 but held back by
// ..."), the renumbering reasons of the address plan, the hall plan's reasons for what it leaves
// out ("spare PDU: ...") and the import warnings as the importers wrote them. Each table goes with
// the JSON of its rows. The plan items' gap part is checked below.
std::string WithoutPlannerSentences(std::string html) {
  for (const char* table :
       {"t-waves", "t-renumbering", "t-unplaced", "t-warning-counts", "t-import-warnings"}) {
    const std::string id = std::string("id=\"") + table + "\"";
    if (const std::size_t at = html.find(id); at != std::string::npos) {
      const std::size_t start = html.rfind("<table", at);
      html.erase(start, html.find("</table>", at) + 8 - start);
    }
    const std::string rows = std::string("data-table=\"") + table + "\"";
    if (const std::size_t at = html.find(rows); at != std::string::npos) {
      const std::size_t start = html.rfind("<script", at);
      html.erase(start, html.find("</script>", at) + 9 - start);
    }
  }
  return html;
}

TEST_CASE("the Swedish report holds no text of the English table", "[tools][report][lang]") {
  const std::string page = Slurp(ReportDir() / "sv" / "index.html");
  const std::string sv = VisibleText(WithoutPlannerSentences(page));
  for (const auto& [english, swedish] : SwedishTexts()) {
    if (english == swedish || !Phrase(english)) continue;
    INFO(english);
    CHECK(sv.find(std::string(english)) == std::string::npos);
  }
  for (const char* english :
       {"another product in place", "same product, newer version", "its workloads migrate",
        "front view", "(estimated)", "positions free", "(primary)", "(secondary)",
        "one municipality", "all municipalities", "past end of support since"}) {
    INFO(english);
    CHECK(sv.find(english) == std::string::npos);
  }
  CHECK(sv.find("en annan produkt i stället") != std::string::npos);
  CHECK(sv.find("klienthårdvara") != std::string::npos);
  // The plan items made from a gap give its reason in Swedish too.
  const std::string items = VisibleText(page);
  CHECK(items.find("another product in place") == std::string::npos);
  CHECK(items.find("samma produkt, nyare version") != std::string::npos);
}

TEST_CASE("the English report holds no text of the Swedish table", "[tools][report][lang]") {
  const std::string en = VisibleText(Slurp(ReportDir() / "en" / "index.html"));
  for (const auto& [english, swedish] : SwedishTexts()) {
    if (english == swedish || !Phrase(swedish)) continue;
    INFO(swedish);
    CHECK(en.find(std::string(swedish)) == std::string::npos);
  }
  CHECK(en.find("another product in place") != std::string::npos);
  CHECK(en.find("client hardware") != std::string::npos);
}

TEST_CASE("the report opens with the summary and its key figures", "[tools][report][lang]") {
  const std::string html = Slurp(ReportDir() / "sv" / "index.html");
  const std::size_t summary = html.find("<section id=\"summary\">");
  REQUIRE(summary != std::string::npos);
  CHECK(summary < html.find("<section id=\"estate\">"));
  const std::string text = VisibleText(html.substr(summary, html.find("</section>", summary)));
  for (const char* label : {"Sammanfattning", "Hallar som behålls", "Hallar som stängs",
                            "Insats (timmar)", "Klart", "Viktigaste enskilda felpunkter",
                            "Uppgifter som är kända för färre än 80 % av tillgångarna",
                            "Jämförda alternativ", "Lägst kostnad över fem år först"}) {
    INFO(label);
    CHECK(text.find(label) != std::string::npos);
  }
  const std::string csv = Slurp(ReportDir() / "sv" / "csv" / "summary.csv");
  CHECK(csv.find("Mått;Värde") != std::string::npos);
}

TEST_CASE("every id of the report is unique and the similarity matrix shows once",
          "[tools][report][lang]") {
  const std::string html = Slurp(ReportDir() / "en" / "index.html");
  std::map<std::string, int> ids;
  const std::regex id("\\sid=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
       ++it) {
    ++ids[(*it)[1]];
  }
  CHECK(ids.size() > 10);
  for (const auto& [name, count] : ids) {
    INFO(name);
    CHECK(count == 1);
  }
  CHECK(ids.count("t-similarity") == 0);  // the heat map above it shows the same numbers
  CHECK(fs::exists(ReportDir() / "en" / "csv" / "similarity.csv"));
}

TEST_CASE("the report names source files without the importing machine's folders",
          "[tools][report][lang]") {
  for (const char* out : {"sv", "redacted"}) {
    INFO(out);
    std::string all = Slurp(ReportDir() / out / "index.html");
    for (const auto& entry : fs::directory_iterator(ReportDir() / out / "csv")) {
      all += Slurp(entry.path());
    }
    CHECK(all.find(kSamples) == std::string::npos);
    CHECK(all.find("gnosjo/") != std::string::npos);  // "gnosjo/assets.csv:12"
  }
}

TEST_CASE("halls.csv names what each of its columns counts", "[tools][report][lang]") {
  const std::string csv = Slurp(ReportDir() / "sv" / "csv" / "halls.csv");
  const std::string header = csv.substr(0, csv.find("\r\n"));
  CHECK(header.find("Platser som används;Effekt (kW);Effekt som används (kW);Kyla (kW);"
                    "Kyla som används (kW);Nya rack") != std::string::npos);
}
