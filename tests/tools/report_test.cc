#include <algorithm>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "tests/tools/cli_util.h"
#include "tests/tools/zip_reader.h"

using namespace samdrift::testing;

namespace {

std::filesystem::path ReportFixture(const std::string& name) {
  auto dir = ScratchDir(name);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,serial,site,hall,rack,position,u_height,power_w\n"
            "\"<script>alert(1)</script>\",device,server,\"<b>Evil</b> & Co\",X,SN-SECRET-1,"
            "Kommunhuset,Hall A,R1,1,2,500\n"
            "esx02,device,server,Dell,PowerEdge R740,SN-SECRET-2,Kommunhuset,Hall A,R1,3,2,\n");
  WriteText(dir / "relations.csv", "source,relation,target\nesx02,depends_on,ghost-db\n");
  REQUIRE(RunCli(dir, "import --org gnosjo assets.csv relations.csv").exit_code == 0);
  return dir;
}

}  // namespace

TEST_CASE("the report shows every section and escapes inventory text", "[tools][report]") {
  auto dir = ReportFixture("report-html");
  auto r = RunCli(dir, "report --out out --lang en");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "report: out/index.html\nworkbook: out/samdrift.xlsx\ntables: out/csv/\n");
  const std::string html = Slurp(dir / "out" / "index.html");
  for (const char* id : {"id=\"estate\"", "id=\"overlap\"", "id=\"target\"", "id=\"lifecycle\"",
                         "id=\"waves\"", "id=\"halls\"", "id=\"quality\""}) {
    INFO(id);
    CHECK(html.find(id) != std::string::npos);
  }
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;b&gt;Evil&lt;/b&gt; &amp; Co") != std::string::npos);
  CHECK(html.find("ghost-db") != std::string::npos);  // the unresolved relation
  CHECK(html.find("SN-SECRET-1") != std::string::npos);
  // Self-contained: no external resources.
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  // Every inline SVG is well-formed XML.
  std::size_t at = 0, svgs = 0;
  while ((at = html.find("<svg", at)) != std::string::npos) {
    std::size_t end = html.find("</svg>", at);
    REQUIRE(end != std::string::npos);
    pugi::xml_document doc;
    INFO(html.substr(at, 200));
    CHECK(doc.load_string(html.substr(at, end + 6 - at).c_str()));
    at = end;
    ++svgs;
  }
  CHECK(svgs >= 2);
}

TEST_CASE("--redact hides serial numbers and addresses", "[tools][report]") {
  auto dir = ReportFixture("report-redact");
  REQUIRE(RunCli(dir, "report --out out --redact").exit_code == 0);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("SN-SECRET") == std::string::npos);
  CHECK(Slurp(dir / "out" / "csv" / "assets.csv").find("SN-SECRET") == std::string::npos);
  CHECK(html.find("lang=\"sv\"") != std::string::npos);
  CHECK(html.find("Bestånd") != std::string::npos);
}

TEST_CASE("--redact hides whatever text is an address, in every output", "[tools][report]") {
  auto dir = ScratchDir("report-redact-content");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  // Assets named by their address (as NetBox IPAM rows are), a MAC in a free-text column, and a
  // version that looks like an IPv4 address but is none.
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,version,site,hall,rack,position,u_height,power_w\n"
            "10.10.99.10,network,,,,,Kommunhuset,,,,,\n"
            "10.10.98.0/24,network,,,,,Kommunhuset,,,,,\n"
            "2001:db8::10/64,network,,,,,Kommunhuset,,,,,\n"
            "10.10.99.11,device,server,Dell,R650,,Kommunhuset,Hall A,R1,1,1,300\n"
            "alletra01,device,\"mgmt 00:1A:2B:3C:4D:5E, spare 0011.2233.4455.\",HPE,Alletra 6010,"
            "6.1.2.100,Kommunhuset,Hall A,R1,3,2,500\n");
  REQUIRE(RunCli(dir, "import --org gnosjo assets.csv").exit_code == 0);
  // 10.10.98.0/24 is a prefix (part of the address plan, no host): it stays readable.
  const char* kSecrets[] = {"10.10.99.10", "2001:db8::10", "00:1A:2B:3C:4D:5E", "0011.2233.4455",
                            "10.10.99.11"};

  REQUIRE(RunCli(dir, "report --out plain").exit_code == 0);
  const std::string plain = Slurp(dir / "plain" / "csv" / "assets.csv");
  for (const char* secret : kSecrets) {
    INFO(secret);
    CHECK(plain.find(secret) != std::string::npos);
  }
  // The device named by its address is drawn in its rack.
  CHECK(Slurp(dir / "plain" / "index.html").find(">10.10.99.11") != std::string::npos);

  auto r = RunCli(dir, "report --out out --redact");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto zip = ReadZip(Slurp(dir / "out" / "samdrift.xlsx"));
  REQUIRE(zip);
  std::string csvs;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out" / "csv")) {
    csvs += Slurp(entry.path());
  }
  const std::string html = Slurp(dir / "out" / "index.html");
  const std::string strings = zip->at("xl/sharedStrings.xml");
  for (const char* secret : kSecrets) {
    INFO(secret);
    CHECK(html.find(secret) == std::string::npos);
    CHECK(csvs.find(secret) == std::string::npos);
    CHECK(strings.find(secret) == std::string::npos);
  }
  // Only the address goes, not the text around it nor a version that merely looks like one.
  const std::string assets = Slurp(dir / "out" / "csv" / "assets.csv");
  CHECK(assets.find("mgmt \xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2, spare "
                    "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2.") != std::string::npos);
  CHECK(assets.find("6.1.2.100") != std::string::npos);
  CHECK(assets.find("10.10.98.0/24") != std::string::npos);
  CHECK(strings.find("6.1.2.100") != std::string::npos);
}

TEST_CASE("the workbook has a sheet per table, frozen headers and filters", "[tools][report]") {
  auto dir = ReportFixture("report-xlsx");
  REQUIRE(RunCli(dir, "report --out out").exit_code == 0);
  auto zip = ReadZip(Slurp(dir / "out" / "samdrift.xlsx"));
  REQUIRE(zip);
  REQUIRE(zip->count("xl/workbook.xml"));
  pugi::xml_document workbook;
  REQUIRE(workbook.load_string(zip->at("xl/workbook.xml").c_str()));
  std::vector<std::string> sheets;
  for (auto sheet : workbook.child("workbook").child("sheets").children("sheet")) {
    sheets.push_back(sheet.attribute("name").value());
  }
  // A sheet per table, named by its title in the report's language; the summary first.
  REQUIRE(sheets.size() == 37);
  CHECK(sheets[0] == "Nyckeltal");
  // The per-municipality tables (reports/section_orgs.cc).
  for (const char* name :
       {"Nyckeltal per kommun", "Gap per kommun och förmåga", "Risker per kommun"}) {
    INFO(name);
    CHECK(std::find(sheets.begin(), sheets.end(), name) != sheets.end());
  }
  CHECK(sheets[1] == "Maskiner per kommun och");  // cut at a word
  CHECK(sheets[3] == "Alla tillgångar");
  pugi::xml_document assets;
  REQUIRE(assets.load_string(zip->at("xl/worksheets/sheet4.xml").c_str()));
  auto pane = assets.child("worksheet").child("sheetViews").child("sheetView").child("pane");
  CHECK(std::string(pane.attribute("state").value()) == "frozen");
  CHECK(assets.child("worksheet").child("autoFilter"));
  CHECK(zip->at("xl/sharedStrings.xml").find("&lt;script&gt;") != std::string::npos);

  const std::string csv = Slurp(dir / "out" / "csv" / "estate.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("Kommun;datacenter;nätverk;plattform;klient;Maskiner\r\n") != std::string::npos);
}

namespace {

// Two municipalities on 10.10.0.0/16 with VLAN 10 for different things; gnosjo has an address
// in use inside it and one outside its prefixes.
std::filesystem::path NetFixture(const std::string& name) {
  auto dir = ScratchDir(name);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  std::filesystem::create_directories(dir / "gnosjo");
  std::filesystem::create_directories(dir / "varnamo");
  WriteText(dir / "gnosjo" / "networks.csv", "prefix,vlan,name\n10.10.0.0/16,10,<b>Klienter</b>\n");
  WriteText(dir / "gnosjo" / "ip-addresses.csv",
            "address,status,device,dns_name\n10.10.1.5/24,active,pc1,\n"
            "172.31.9.77/24,active,pc-lost,\n");
  WriteText(dir / "varnamo" / "networks.csv", "prefix,vlan,name\n10.10.0.0/16,10,Servrar\n");
  REQUIRE(RunCli(dir, "import --org gnosjo gnosjo").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org varnamo varnamo").exit_code == 0);
  WriteText(dir / "scenario.yaml",
            "name: Nät\naddressing: {supernet: 10.128.0.0/9, per_org_block: /14}\n");
  return dir;
}

std::string Section(const std::string& html, const std::string& id) {
  const std::size_t at = html.find("<section id=\"" + id + "\">");
  REQUIRE(at != std::string::npos);
  return html.substr(at, html.find("</section>", at) - at);
}

}  // namespace

TEST_CASE("the report has the address plans of `samdrift net`", "[tools][report][net]") {
  auto dir = NetFixture("report-net");
  auto r = RunCli(dir, "report --out out --scenario scenario.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("<a href=\"#net\">Adressplaner</a>") != std::string::npos);
  const std::string net = Section(html, "net");
  CHECK(net.find("<h2>Adressplaner</h2>") != std::string::npos);
  CHECK(net.find("<table class=\"sortable\" id=\"t-net-conflicts\">") != std::string::npos);
  // The conflict with both sides and their addresses in use; the VLAN clash per purpose.
  CHECK(net.find("<td>lika</td><td>gnosjo</td><td>10.10.0.0/16</td><td>&lt;b&gt;Klienter&lt;/"
                 "b&gt;</td><td></td><td class=\"num\" data-n=\"1\">1</td><td>varnamo</td>"
                 "<td>10.10.0.0/16</td><td>Servrar</td><td></td><td>okänt</td><td>global</td>"
                 "<td>varnamo</td>") != std::string::npos);
  CHECK(net.find("<td>&quot;Servrar&quot;</td><td>varnamo</td><td>olika syfte</td>") !=
        std::string::npos);
  CHECK(net.find("<b>Klienter") == std::string::npos);
  // The renumbering proposal with its reason, and the address outside every prefix.
  CHECK(net.find("<td>varnamo</td><td>10.10.0.0/16</td><td>Servrar</td>") != std::string::npos);
  CHECK(net.find("10.1") != std::string::npos);
  CHECK(net.find("172.31.9.77") != std::string::npos);

  // The same tables in the workbook's sheets and as CSV (UTF-8 with BOM).
  const std::string csv = Slurp(dir / "out" / "csv" / "net-conflicts.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("lika;gnosjo;10.10.0.0/16;<b>Klienter</b>;;1;varnamo;10.10.0.0/16;Servrar;;okänt;"
                 "global;varnamo\r\n") != std::string::npos);
  const std::string renumber = Slurp(dir / "out" / "csv" / "renumbering.csv");
  // varnamo's files give no addresses: unknown, never 0, and the choice says it rests on that.
  CHECK(renumber.find("varnamo;10.10.0.0/16;Servrar;okänt;0;10.1") != std::string::npos);
  CHECK(renumber.find("(valet vilar på okänd användning: adressdata saknas)") != std::string::npos);
  CHECK(Slurp(dir / "out" / "csv" / "vlan-clashes.csv").find("10;\"\"\"Servrar\"\"\";varnamo;") !=
        std::string::npos);

  // The report and `samdrift net --json` agree: same conflicts and the same new prefixes.
  auto json = RunCli(dir, "net --scenario scenario.yaml --json");
  REQUIRE(json.exit_code == 0);
  const auto to = json.out.find("\"to\": \"");
  REQUIRE(to != std::string::npos);
  const std::string new_prefix = json.out.substr(to + 7, json.out.find('"', to + 7) - to - 7);
  CHECK(renumber.find(";" + new_prefix + ";") != std::string::npos);

  // English on request.
  REQUIRE(RunCli(dir, "report --out en --lang en --scenario scenario.yaml").exit_code == 0);
  const std::string en = Section(Slurp(dir / "en" / "index.html"), "net");
  CHECK(en.find("<h2>Address plans</h2>") != std::string::npos);
  CHECK(en.find("<td>equal</td>") != std::string::npos);
  CHECK(en.find("<td>unknown</td>") != std::string::npos);
}

TEST_CASE("the estate chart counts machines, not software or address records",
          "[tools][report][estate]") {
  auto dir = ScratchDir("report-estate-machines");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,site,hall,rack\n"
            "esx01,device,server,Dell,R640,Kommunhuset,Hall A,R1\n"
            "pc1,client,laptop,Lenovo,T14,,,\n"
            "Office 2019 (pc1),software,,Microsoft,Office,,,\n"
            "7-Zip (pc1),software,,Igor Pavlov,7-Zip,,,\n"
            "Office 2019 (esx01),software,,Microsoft,Office,,,\n");
  WriteText(dir / "ip-addresses.csv",
            "address,status,device,dns_name\n10.10.1.5/24,active,pc1,\n"
            "10.10.1.6/24,active,esx01,\n10.10.1.7/24,active,,\n10.10.1.8/24,active,,\n");
  REQUIRE(RunCli(dir, "import --org gislaved assets.csv ip-addresses.csv").exit_code == 0);
  auto r = RunCli(dir, "report --out out");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Two machines (the server and the laptop); the 3 installs, 4 address rows and the site,
  // hall and rack the server's row implies are measures of their own.
  const std::string machines = Slurp(dir / "out" / "csv" / "estate.csv");
  CHECK(machines.find("gislaved;1;0;0;1;2\r\n") != std::string::npos);
  const std::string measures = Slurp(dir / "out" / "csv" / "estate-measures.csv");
  CHECK(measures.find("Kommun;Enheter;Virtuella servrar;Klienter;Programvaruinstallationer;"
                      "IP-adresser;Nät (prefix, VLAN);Tjänster;Platser, hallar och rack;"
                      "Kluster\r\n") != std::string::npos);
  CHECK(measures.find("gislaved;1;0;1;3;4;0;0;3;0\r\n") != std::string::npos);
}

TEST_CASE("--redact hides host addresses in the address plans, not prefixes",
          "[tools][report][net]") {
  auto dir = NetFixture("report-net-redact");
  REQUIRE(RunCli(dir, "report --out out --redact --scenario scenario.yaml").exit_code == 0);
  const std::string net = Section(Slurp(dir / "out" / "index.html"), "net");
  CHECK(net.find("172.31.9.77") == std::string::npos);
  CHECK(net.find("<td>gnosjo</td><td>\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2</td>") !=
        std::string::npos);
  CHECK(net.find("10.10.0.0/16") != std::string::npos);
  CHECK(Slurp(dir / "out" / "csv" / "addresses-outside.csv").find("172.31") == std::string::npos);
}

TEST_CASE("data quality lists the figures the hall plan estimated", "[tools][report]") {
  auto dir = ReportFixture("report-estimated");
  // esx02 has no power: the hall plan takes the server default. A device type gives sw1 its U.
  WriteText(dir / "more.csv",
            "name,kind,role,vendor,product,site,hall,rack,position\n"
            "sw1,device,access-switch,Cisco,Catalyst 9200,Kommunhuset,Hall A,R1,10\n");
  WriteText(dir / "cisco.yaml",
            "manufacturer: Cisco\nmodel: Catalyst 9200\nslug: c9200\nu_height: 1\n"
            "is_full_depth: false\n");
  auto imported = RunCli(dir, "import --org gnosjo more.csv cisco.yaml");
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  REQUIRE(RunCli(dir, "report --out out --lang en").exit_code == 0);
  const std::string quality = Section(Slurp(dir / "out" / "index.html"), "quality");
  CHECK(quality.find("<td>gnosjo</td><td>esx02</td><td>server</td><td>Dell</td><td>PowerEdge "
                     "R740</td><td class=\"num\" data-n=\"2\">2</td><td>inventory</td>") !=
        std::string::npos);
  CHECK(quality.find("<td>role default (server)</td><td>assets.csv:3</td>") != std::string::npos);
  CHECK(quality.find("<td>gnosjo</td><td>sw1</td><td>access-switch</td><td>Cisco</td>"
                     "<td>Catalyst 9200</td><td class=\"num\" data-n=\"1\">1</td>"
                     "<td>device type Cisco Catalyst 9200</td>") != std::string::npos);
  const std::string csv = Slurp(dir / "out" / "csv" / "estimated.csv");
  CHECK(csv.find("gnosjo;esx02;server;Dell;PowerEdge R740;2;inventory;") != std::string::npos);
  CHECK(csv.find("gnosjo;sw1;") != std::string::npos);
}

TEST_CASE("import warnings are kept in the store and listed in the report", "[tools][report]") {
  auto dir = ReportFixture("report-warnings");
  WriteText(dir / "loops.csv", "source,relation,target\nesx02,depends_on,esx02\n");
  auto imported = RunCli(dir, "import --org gnosjo loops.csv");
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.err == "loops.csv:2:3: warning[CSV017]: 'esx02' depends_on itself; ignored\n");
  auto stats = RunCli(dir, "stats --json");
  CHECK(stats.out.find("\"warnings\": 1") != std::string::npos);
  CHECK(RunCli(dir, "stats").out.find("import warnings: gnosjo 1\n") != std::string::npos);

  REQUIRE(RunCli(dir, "report --out out --lang en").exit_code == 0);
  const std::string quality = Section(Slurp(dir / "out" / "index.html"), "quality");
  // Each warning by its code's meaning, and in English also the importer's message.
  CHECK(quality.find("<td>gnosjo</td><td>CSV017</td><td>a relation from an asset to itself; "
                     "ignored</td><td class=\"num\" data-n=\"1\">1</td>") != std::string::npos);
  CHECK(quality.find("<td>gnosjo</td><td>loops.csv</td><td class=\"num\" data-n=\"2\">2</td>"
                     "<td class=\"num\" data-n=\"3\">3</td><td>CSV017</td><td>a relation from an "
                     "asset to itself; ignored</td><td>&#39;esx02&#39; depends_on itself; "
                     "ignored</td>") != std::string::npos);
  CHECK(Slurp(dir / "out" / "csv" / "import-warnings.csv")
            .find("gnosjo;loops.csv;2;3;CSV017;\"a relation from an asset to itself; ignored\";"
                  "\"'esx02' depends_on itself; ignored\"") != std::string::npos);
  // In Swedish the meaning only: the importer's message is English data.
  REQUIRE(RunCli(dir, "report --out sv").exit_code == 0);
  const std::string sv_warnings = Slurp(dir / "sv" / "csv" / "import-warnings.csv");
  CHECK(sv_warnings.find("gnosjo;loops.csv;2;3;CSV017;\"en relation från en tillgång till sig "
                         "själv; ignoreras\"\r\n") != std::string::npos);
  CHECK(sv_warnings.find("depends_on itself") == std::string::npos);
  // With --redact, values with digits in a message are hidden.
  REQUIRE(RunCli(dir, "report --out red --lang en --redact").exit_code == 0);
  CHECK(Slurp(dir / "red" / "csv" / "import-warnings.csv")
            .find("'\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2' depends_on") != std::string::npos);

  // The file fixed and imported again: its warning is gone.
  WriteText(dir / "loops.csv", "source,relation,target\nesx02,depends_on,esx01\n");
  REQUIRE(RunCli(dir, "import --org gnosjo loops.csv").exit_code == 0);
  CHECK(RunCli(dir, "stats --json").out.find("\"warnings\": 0") != std::string::npos);
  REQUIRE(RunCli(dir, "report --out again --lang en").exit_code == 0);
  CHECK(Slurp(dir / "again" / "csv" / "import-warnings.csv").find("CSV017") == std::string::npos);
}

TEST_CASE("the report shows the store's org names where a person reads, ids in CSV",
          "[tools][report][orgs]") {
  auto dir = ReportFixture("report-names");
  auto unnamed = RunCli(dir, "report --out before --lang en");
  REQUIRE(unnamed.exit_code == 0);
  // No name given: the id, in charts and tables alike (no name of the report's own).
  const std::string before = Slurp(dir / "before" / "index.html");
  CHECK(before.find("Gnosj\xC3\xB6") == std::string::npos);
  CHECK(before.find("<td>gnosjo</td><td>esx02</td>") != std::string::npos);

  REQUIRE(RunCli(dir, "org gnosjo --name 'Gnosj\xC3\xB6 kommun'").exit_code == 0);
  REQUIRE(RunCli(dir, "report --out out --lang en").exit_code == 0);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("<td>gnosjo</td>") == std::string::npos);
  CHECK(Section(html, "estate").find("<td>Gnosj\xC3\xB6 kommun</td><td>device</td>") !=
        std::string::npos);
  CHECK(Section(html, "quality").find("<td>Gnosj\xC3\xB6 kommun</td><td>esx02</td>") !=
        std::string::npos);
  // The chart of the estate labels its bar with the name, and so does the subtitle.
  CHECK(Section(html, "estate").find(">Gnosj\xC3\xB6 kommun</text>") != std::string::npos);
  const std::string csv = Slurp(dir / "out" / "csv" / "estimated.csv");
  CHECK(csv.find("gnosjo;esx02;server;Dell;PowerEdge R740;2;inventory;") != std::string::npos);
  CHECK(csv.find("Gnosj\xC3\xB6") == std::string::npos);
}

namespace {

// The cells of one CSV line (`;` between them, "" for a quote inside quotes), as written.
std::vector<std::string> CsvCells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      cells.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

}  // namespace

TEST_CASE("no CSV cell of the report starts a formula", "[tools][report]") {
  auto dir = ScratchDir("report-csv-injection");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  // Names as an end user's machine may report them (a scan, an agent), in every text column.
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,serial,site,hall,rack,position,u_height,power_w\n"
            "\"=HYPERLINK(\"\"http://x\"\")\",device,server,+1+1,-2+3,@SUM(A1),Kommunhuset,"
            "Hall A,R1,1,2,500\n"
            "+1+1,device,server,Dell,PowerEdge R740,SN-2,Kommunhuset,Hall A,R1,3,2,\n"
            "-2+3,device,server,Dell,PowerEdge R740,SN-3,Kommunhuset,Hall A,R1,5,2,\n"
            "@SUM(A1),device,server,Dell,PowerEdge R740,SN-4,Kommunhuset,Hall A,R1,7,2,\n");
  WriteText(dir / "relations.csv", "source,relation,target\n-2+3,depends_on,=cmd|x\n");
  REQUIRE(RunCli(dir, "import --org gnosjo assets.csv relations.csv").exit_code == 0);
  auto r = RunCli(dir, "report --out out --lang en");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);

  std::size_t files = 0, neutralised = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out" / "csv")) {
    ++files;
    std::istringstream text(Slurp(entry.path()).substr(3));  // past the BOM
    std::string line;
    while (std::getline(text, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      for (const std::string& cell : CsvCells(line)) {
        INFO(entry.path().filename().string() << ": " << line);
        if (cell.empty()) continue;
        if (cell[0] == '\'') ++neutralised;
        bool number = cell.find_first_not_of("-+0123456789, ") == std::string::npos &&
                      cell.find_first_of("0123456789") != std::string::npos;
        CHECK((std::string_view("=+-@\t\r").find(cell[0]) == std::string_view::npos || number));
      }
    }
  }
  CHECK(files > 10);
  CHECK(neutralised >= 7);
  const std::string assets = Slurp(dir / "out" / "csv" / "assets.csv");
  CHECK(assets.find("\"'=HYPERLINK(\"\"http://x\"\")\";") != std::string::npos);
  CHECK(assets.find(";\"'+1+1\";\"'-2+3\";") != std::string::npos);
  CHECK(assets.find("\"'@SUM(A1)\"") != std::string::npos);
  // Numbers stay numbers.
  CHECK(assets.find(";1;2;500") != std::string::npos);
  CHECK(Slurp(dir / "out" / "csv" / "unresolved.csv").find("\"'=cmd|x\"") != std::string::npos);
}

TEST_CASE("data quality shows completeness per municipality and topic; hall kW says its basis",
          "[tools][report][completeness]") {
  auto dir = ReportFixture("report-completeness");
  auto r = RunCli(dir, "report --out out");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Two servers in a rack: one without power; no service, so criticality applies to nothing
  // (unknown, never 0 %).
  const std::string csv = Slurp(dir / "out" / "csv" / "completeness.csv");
  CHECK(csv.find("Kommun;Område;Fält;Gäller;Kända;av;Andel (%)\r\n") != std::string::npos);
  CHECK(csv.find("gnosjo;Hallplanering;power_w;enheter i en hall;1;2;50\r\n") != std::string::npos);
  CHECK(csv.find("gnosjo;Adressplaner;ip;enheter, virtuella servrar, klienter;0;2;0\r\n") !=
        std::string::npos);
  CHECK(csv.find("gnosjo;Tjänster;criticality;tjänster;0;0;okänt\r\n") != std::string::npos);
  // The hall's kW rests on one figure; the other server's is a role default.
  const std::string halls = Section(Slurp(dir / "out" / "index.html"), "halls");
  CHECK(halls.find("gnosjo/Kommunhuset/Hall A: kW från 1 av 2 enheter; 1 utan värde (rollens "
                   "standardvärde).") != std::string::npos);
}

TEST_CASE("a hall without recorded power or cooling shows them unknown, never over",
          "[tools][report][halls]") {
  // The fixture has no halls.csv: Hall A's power and cooling are unknown, and its two servers
  // draw something. The bars must not judge that use against 0.
  auto dir = ReportFixture("report-hall-unknown-capacity");
  auto r = RunCli(dir, "report --out out");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string halls = Section(Slurp(dir / "out" / "index.html"), "halls");
  const std::size_t bars = halls.find("aria-label=\"capacity\"");
  REQUIRE(bars != std::string::npos);
  const std::string figure = halls.substr(bars, halls.find("</svg>", bars) - bars);
  CHECK(figure.find("#d62728") == std::string::npos);  // no red "over" bar
  CHECK(figure.find(" / okänt kW") != std::string::npos);
  const std::string csv = Slurp(dir / "out" / "csv" / "halls.csv");
  CHECK(csv.find(";okänt;") != std::string::npos);
}

TEST_CASE("report --max-rows cuts the page's tables with a count and a link to all rows",
          "[tools][report]") {
  auto dir = ScratchDir("report-max-rows");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  std::string csv = "name,kind,role,vendor,product,site\n";
  for (int i = 0; i < 30; ++i) {
    csv += "pc" + std::to_string(100 + i) + ",device,client,Dell,Latitude 5440,Kommunhuset\n";
  }
  WriteText(dir / "assets.csv", csv);
  REQUIRE(RunCli(dir, "import --org gnosjo assets.csv").exit_code == 0);
  auto r = RunCli(dir, "report --out out --max-rows 10 --lang en");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string html = Slurp(dir / "out" / "index.html");
  CHECK(html.find("<p class=\"cut\">10 of 31 rows are in this page; all rows are in "
                  "<a href=\"csv/assets.csv\">csv/assets.csv</a> and samdrift.xlsx. The page "
                  "holds as many rows of each municipality (every row of one with fewer).</p>") !=
        std::string::npos);
  CHECK(html.find("pc109") != std::string::npos);
  CHECK(html.find("pc110") == std::string::npos);
  // The CSV file and the workbook hold every row: 30 computers and the site they name.
  const std::string assets = Slurp(dir / "out" / "csv" / "assets.csv");
  CHECK(std::count(assets.begin(), assets.end(), '\n') == 32);
  CHECK(assets.find("pc129") != std::string::npos);
  auto zip = ReadZip(Slurp(dir / "out" / "samdrift.xlsx"));
  REQUIRE(zip);
  CHECK(zip->at("xl/sharedStrings.xml").find("pc129") != std::string::npos);

  // The default holds every row of a small estate.
  REQUIRE(RunCli(dir, "report --out all --lang en").exit_code == 0);
  const std::string all = Slurp(dir / "all" / "index.html");
  CHECK(all.find("class=\"cut\"") == std::string::npos);
  CHECK(all.find("pc129") != std::string::npos);
  CHECK(RunCli(dir, "report --out bad --max-rows -1").exit_code == 2);
}
