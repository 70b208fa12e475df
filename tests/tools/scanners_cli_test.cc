// End to end: the real samdrift binary imports the sample inventories written by scanners
// (Vaggeryd's nmap, lshw and lldpctl dumps, Värnamo's RVTools export), detecting each format
// from the content.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/tools/cli_util.h"
#include "tests/test_paths.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

std::vector<std::string> Lines(const std::string& text, std::string_view containing) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.find(containing) != std::string::npos) out.push_back(line);
  }
  return out;
}

nlohmann::json Stats(const fs::path& dir) {
  auto r = RunCli(dir, "--db s.db stats --json");
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("Vaggeryd: the whole sample folder, formats mixed", "[tools][cli][scanners]") {
  auto dir = ScratchDir("scanners-vaggeryd-all");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  auto r = RunCli(dir, "--db s.db import --org vaggeryd '" + kSamples + "/vaggeryd'");
  INFO(r.err);
  // Every format in the folder must import without errors. Until every importer is on main,
  // only files of formats that have none (the GLPI client inventories) may be refused.
  for (const std::string& line : Lines(r.err, "error[")) {
    INFO(line);
    CHECK(line.find("/clients/") != std::string::npos);
    CHECK(line.find("error[FMT001]") != std::string::npos);
  }
  if (r.exit_code == 0) CHECK(Stats(dir)["orgs"]["vaggeryd"]["total"].get<int>() > 1041);
}

TEST_CASE("Vaggeryd: generic CSV plus nmap, lshw and lldpctl", "[tools][cli][scanners]") {
  auto dir = ScratchDir("scanners-vaggeryd");
  const fs::path in = dir / "vaggeryd";
  fs::create_directories(in);
  for (const char* item :
       {"assets.csv", "relations.csv", "halls.csv", "networks.csv", "nmap", "lshw", "lldp"}) {
    fs::copy(fs::path(kSamples) / "vaggeryd" / item, in / item, fs::copy_options::recursive);
  }
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  auto r = RunCli(dir, "--db s.db import --org vaggeryd vaggeryd");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Lines(r.err, "error[").empty());
  CHECK(Lines(r.err, "warning[").empty());
  auto stats = Stats(dir)["orgs"]["vaggeryd"];
  // assets.csv (devices, services, hypervisor software), 150 VMs and 680 identified services
  // from nmap (every service nmap names a product for: SQL Server and nginx, and also those it
  // tags with the OS they run on, such as Windows RPC, OpenSSH, Cisco SSH); lshw, lldpctl and
  // nmap's view of the switches and hosts fill the same assets.
  CHECK(stats["datacenter"] == 32);
  CHECK(stats["network"] == 156);
  CHECK(stats["platform"] == 853);
  CHECK(stats["total"] == 1041);

  // Importing the same files again gives the same store.
  auto again = RunCli(dir, "--db s.db import --org vaggeryd vaggeryd");
  REQUIRE(again.exit_code == 0);
  CHECK(Stats(dir)["orgs"]["vaggeryd"] == stats);
}

TEST_CASE("Varnamo: the RVTools export", "[tools][cli][scanners]") {
  auto dir = ScratchDir("scanners-varnamo");
  REQUIRE(RunCli(dir, "--db s.db init").exit_code == 0);
  std::string files;
  for (const char* tab : {"vInfo", "vHost", "vCluster", "vDatastore"}) {
    files += " '" + kSamples + "/varnamo/RVTools_tab" + tab + ".csv'";
  }
  auto r = RunCli(dir, "--db s.db import --org varnamo" + files);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Lines(r.err, "error[").empty());
  CHECK(Lines(r.err, "warning[").empty());
  auto stats = Stats(dir)["orgs"]["varnamo"];
  CHECK(stats["datacenter"] == 16);  // the ESXi hosts
  CHECK(stats["platform"] == 346);   // 343 VMs (templates skipped) and 3 clusters
  CHECK(stats["total"] == 362);
}

TEST_CASE("formats lists the scanner importers", "[tools][cli][scanners]") {
  auto dir = ScratchDir("scanners-formats");
  auto r = RunCli(dir, "formats --json");
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> names;
  for (const auto& f : nlohmann::json::parse(r.out)) {
    names.push_back(f["name"]);
    CHECK_FALSE(f["reads"].get<std::string>().empty());
    CHECK_FALSE(f["produces"].get<std::string>().empty());
  }
  for (const char* name : {"nmap-xml", "lshw-xml", "lldpctl-xml", "rvtools-vinfo", "rvtools-vhost",
                           "rvtools-vcluster", "rvtools-vdatastore"}) {
    INFO(name);
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
  }
}
