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

TEST_CASE("the Swedish report holds no text of the English table", "[tools][report][lang]") {
  const std::string sv = VisibleText(Slurp(ReportDir() / "sv" / "index.html"));
  for (const auto& [english, swedish] : SwedishTexts()) {
    if (english == swedish || !Phrase(english)) continue;
    INFO(english);
    CHECK(sv.find(std::string(english)) == std::string::npos);
  }
  for (const char* english :
       {"another product in place", "same product, newer version", "its workloads migrate",
        "front view", "(estimated)", "positions free", "(primary)", "(secondary)",
        "one municipality", "all municipalities", "past end of support since",
        // The planners' sentences: the plan items' scheduling and what made them, the hall
        // plan's devices left out, the renumbering, and the importers' messages.
        "nothing to wait for", "the first after its dependencies", "held back by",
        "moves with its dependency cycle", "built first", "so early", "cut-over of the service",
        "outside the plan's filter", "moves from", "a new rack", "positions used",
        "no rack with room", "kW left", "taller than any rack", "power budget in",
        "could not be placed", "which stays", "addresses in use against", "here; they stay",
        "new prefix", "the lowest free", "unknown column", "did you mean", "not valid UTF-8",
        "items placed first", "network core in", "platform in", " items ("}) {
    INFO(english);
    CHECK(sv.find(english) == std::string::npos);
  }
  CHECK(sv.find("en annan produkt i stället") != std::string::npos);
  CHECK(sv.find("klienthårdvara") != std::string::npos);
  // The plan items made from a gap give its reason in Swedish too, and every item why its wave.
  CHECK(sv.find("samma produkt, nyare version") != std::string::npos);
  CHECK(sv.find("våg 1: inget att vänta på") != std::string::npos);
  CHECK(sv.find("men hålls tillbaka av") != std::string::npos);
  CHECK(sv.find("byggs först: det gemensamma kärnnätet i") != std::string::npos);
  CHECK(Slurp(ReportDir() / "sv" / "index.html")
            .find("<td>Gemensamt arbete</td><td>kärnnät i DC1</td>") != std::string::npos);
  // The hall plan's devices left out, the renumbering and the import warnings' meanings.
  CHECK(sv.find("reserv-PDU: PDU-zonen i varje rack som används är full") != std::string::npos);
  CHECK(sv.find("det lägsta lediga blocket, i kommunernas ordning") != std::string::npos);
  CHECK(sv.find(", som står kvar; ") != std::string::npos);
  CHECK(sv.find("Vad den betyder") != std::string::npos);
}

TEST_CASE("the English report holds no text of the Swedish table", "[tools][report][lang]") {
  const std::string en = VisibleText(Slurp(ReportDir() / "en" / "index.html"));
  for (const auto& [english, swedish] : SwedishTexts()) {
    if (english == swedish || !Phrase(swedish)) continue;
    INFO(swedish);
    CHECK(en.find(std::string(swedish)) == std::string::npos);
  }
  // The Swedish renderings of the planners' sentences (reports/i18n_reasons.cc and
  // i18n_warnings.cc), which the table above does not hold.
  for (const char* swedish :
       {"inget att vänta på", "hålls tillbaka av", "beroendecykel", "byggs först",
        "inget rack har plats", "kW kvar", "som står kvar", "nytt prefix", "inget nytt prefix",
        "ett problem i", "hoppas över", "ignoreras", "kunde inte placeras"}) {
    INFO(swedish);
    CHECK(en.find(swedish) == std::string::npos);
  }
  CHECK(en.find("another product in place") != std::string::npos);
  CHECK(en.find("client hardware") != std::string::npos);
  CHECK(en.find("nothing to wait for") != std::string::npos);
  // The importers' own messages: only the English report shows them, labelled so.
  CHECK(en.find("Importer's message") != std::string::npos);
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
  // Hours and gaps grouped by thousands like the amounts ("12 165", a no-break space); the CSV
  // file holds the number.
  const std::size_t hours = text.find("Insats (timmar)");
  REQUIRE(hours != std::string::npos);
  CHECK(std::regex_search(text.substr(hours, 40),
                          std::regex("^Insats \\(timmar\\)\\s+\\d{1,3}\xC2\xA0\\d{3}\\s")));
  const std::string csv = Slurp(ReportDir() / "sv" / "csv" / "summary.csv");
  CHECK(csv.find("Mått;Värde") != std::string::npos);
  CHECK(std::regex_search(csv, std::regex("Insats \\(timmar\\);\\d{4,}\r\n")));
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
