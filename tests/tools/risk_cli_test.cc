// samdrift risk end to end on the sample inventories: the services the samples' README lists
// (section "### Single points of failure") have that single point of failure today and not in
// the target; the JSON keys of the contract.
#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

// The "- `...`" lines of the README's section under `heading`.
std::vector<std::string> ReadmeItems(const std::string& heading) {
  const std::string readme = Slurp(kSamples + "/README.md");
  std::size_t at = readme.find(heading);
  REQUIRE(at != std::string::npos);
  const std::size_t end = std::min(readme.find("\n### ", at + heading.size()),
                                   readme.find("\n## ", at + heading.size()));
  std::istringstream in(readme.substr(at, end == std::string::npos ? std::string::npos : end - at));
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("- `", 0) == 0) out.push_back(line);
  }
  return out;
}

// "- org/service: asset" lines of the README's section.
std::vector<std::array<std::string, 3>> ReadmeSpofs() {
  std::vector<std::array<std::string, 3>> out;
  for (const std::string& line : ReadmeItems("### Single points of failure")) {
    // - `org/service`: `asset`
    const std::size_t slash = line.find('/');
    const std::size_t close = line.find('`', slash);
    const std::size_t open = line.find('`', close + 1);
    const std::size_t last = line.find('`', open + 1);
    out.push_back({line.substr(3, slash - 3), line.substr(slash + 1, close - slash - 1),
                   line.substr(open + 1, last - open - 1)});
  }
  return out;
}

bool Has(const json& points, const std::string& asset) {
  for (const json& p : points) {
    if (p["asset"] == asset) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("risk on the samples: the README's single points of failure go in the target",
          "[cli][risk]") {
  const fs::path dir = ScratchDir("risk-samples");
  const CliResult demo = RunCli(dir, "demo --samples '" + kSamples + "' --out out");
  INFO(demo.err);
  REQUIRE(demo.exit_code == 0);
  const CliResult r =
      RunCli(dir, "--db out/samdrift.db risk --json --scenario '" + kSamples + "/scenario.yaml'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const json out = json::parse(r.out);
  REQUIRE(out["services"].size() > 0);
  for (const char* key : {"org", "service", "criticality", "tier", "required", "availability_today",
                          "availability_target", "meets_today", "meets_target", "single_points"}) {
    CHECK(out["services"][0].contains(key));
  }
  REQUIRE(out["eos"].contains("gislaved"));
  for (const char* key : {"past", "within_12_months", "total"}) {
    CHECK(out["eos"]["gislaved"].contains(key));
  }
  // The samples' clusters move host by host: some wave leaves one split between halls.
  REQUIRE(out["risk_windows"].size() > 0);
  CHECK(out["risk_windows"][0]["kind"] == "cluster");
  const auto listed = ReadmeSpofs();
  REQUIRE(listed.size() >= 3);
  for (const auto& [org, service, asset] : listed) {
    INFO(org << "/" << service << ": " << asset);
    bool found = false;
    for (const json& s : out["services"]) {
      if (s["org"] != org || s["service"] != service) continue;
      found = true;
      CHECK(Has(s["single_points"], asset));
      CHECK_FALSE(Has(s["single_points_target"], asset));
    }
    CHECK(found);
  }
  // The halls the hall plan makes new single points (whole clusters in one hall), as listed.
  std::vector<std::string> halls;
  for (const json& h : out["hall_concentration"]) {
    halls.push_back("- `" + h["hall"].get<std::string>() +
                    "`: " + std::to_string(h["services"].get<int>()) + " services");
  }
  CHECK(halls == ReadmeItems("### Halls that become single points in the target"));
}

TEST_CASE("risk with a bad sla tier is invalid input, located", "[cli][risk]") {
  const fs::path dir = ScratchDir("risk-bad-sla");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  WriteText(dir / "s.yaml", "sla:\n  - {tier: Guld, criticality: viktig, availability: 0.999}\n");
  const CliResult r = RunCli(dir, "risk --scenario s.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("s.yaml:2:31: error[SCN001]: sla: criticality: unknown 'viktig'; expected "
                   "low, medium, high, critical or KLASSA T1-T4") != std::string::npos);
}
