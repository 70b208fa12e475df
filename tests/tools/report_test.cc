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
  const char* kSecrets[] = {"10.10.99.10",       "10.10.98.0",     "2001:db8::10",
                            "00:1A:2B:3C:4D:5E", "0011.2233.4455", "10.10.99.11"};

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
  CHECK(sheets == std::vector<std::string>{"estate", "assets", "overlap", "similarity", "unmatched",
                                           "standards", "gap-summary", "gaps", "lifecycle",
                                           "wave-loads", "waves", "halls", "placements", "unplaced",
                                           "unresolved", "estimated"});
  pugi::xml_document assets;
  REQUIRE(assets.load_string(zip->at("xl/worksheets/sheet2.xml").c_str()));
  auto pane = assets.child("worksheet").child("sheetViews").child("sheetView").child("pane");
  CHECK(std::string(pane.attribute("state").value()) == "frozen");
  CHECK(assets.child("worksheet").child("autoFilter"));
  CHECK(zip->at("xl/sharedStrings.xml").find("&lt;script&gt;") != std::string::npos);

  const std::string csv = Slurp(dir / "out" / "csv" / "estate.csv");
  CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(csv.find("Kommun;datacenter;nätverk;plattform;klient;Totalt\r\n") != std::string::npos);
}
