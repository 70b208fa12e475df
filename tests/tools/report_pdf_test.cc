// `report --pdf`: report.pdf through headless Chromium, or a warning when there is none.
#include <catch2/catch.hpp>
#include <cstdlib>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {

std::filesystem::path PdfFixture(const std::string& name) {
  auto dir = ScratchDir(name);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "assets.csv",
            "name,kind,role,vendor,product,site,hall,rack,position,u_height,power_w\n"
            "esx01,device,server,Dell,PowerEdge R740,Kommunhuset,Hall A,R1,1,2,500\n");
  REQUIRE(RunCli(dir, "import --org gnosjo assets.csv").exit_code == 0);
  return dir;
}

// Sets SAMDRIFT_CHROMIUM for one scope.
struct ChromiumEnv {
  explicit ChromiumEnv(const char* value) { setenv("SAMDRIFT_CHROMIUM", value, 1); }
  ~ChromiumEnv() { unsetenv("SAMDRIFT_CHROMIUM"); }
};

}  // namespace

TEST_CASE("report --pdf without Chromium warns, writes the report and exits 0",
          "[tools][report][pdf]") {
  auto dir = PdfFixture("report-pdf-none");
  ChromiumEnv none("/nonexistent/chromium");
  auto r = RunCli(dir, "report --out out --pdf");
  CHECK(r.exit_code == 0);
  CHECK(r.err ==
        "out/report.pdf: warning[PDF001]: no PDF written: Chromium is not installed (apt-get "
        "install chromium); open index.html and print it instead\n");
  CHECK(r.out == "report: out/index.html\nworkbook: out/samdrift.xlsx\ntables: out/csv/\n");
  CHECK(std::filesystem::exists(dir / "out" / "index.html"));
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "report.pdf"));
}

// scripts/setup.sh installs chromium.
TEST_CASE("report --pdf prints report.pdf with Chromium", "[tools][report][pdf]") {
  auto dir = PdfFixture("report-pdf");
  ChromiumEnv chromium("/usr/bin/chromium");
  auto r = RunCli(dir, "report --out out --pdf");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "report: out/index.html\nworkbook: out/samdrift.xlsx\ntables: out/csv/\n"
        "pdf: out/report.pdf\n");
  CHECK(Slurp(dir / "out" / "report.pdf").rfind("%PDF-", 0) == 0);
}

TEST_CASE("report without --pdf writes no PDF", "[tools][report][pdf]") {
  auto dir = PdfFixture("report-no-pdf");
  REQUIRE(RunCli(dir, "report --out out").exit_code == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "report.pdf"));
}
