// `samdrift net` end to end: the real binary on the sample inventories' network files, held to
// the collisions sample-inventories/README.md names (its "Address plans and VLANs" facts).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";

// The README's facts section from `### Address plans and VLANs` on.
std::string AddressFacts() {
  const std::string readme = Slurp(kSamples + "/README.md");
  const std::size_t start = readme.find("### Address plans and VLANs");
  REQUIRE(start != std::string::npos);
  return readme.substr(start);
}

// "kind|a org|a prefix|b org|b prefix|in use a|in use b" per README table row.
std::set<std::string> ReadmeConflicts(const std::string& facts) {
  std::set<std::string> out;
  const std::regex row(
      R"re(\| (equal|contains|within) \| (\w+) ([0-9a-f.:]+/\d+) [^|]*\| (\w+) ([0-9a-f.:]+/\d+) [^|]*\| (\d+|unknown) / (\d+|unknown) \|)re");
  for (std::sregex_iterator it(facts.begin(), facts.end(), row), end; it != end; ++it) {
    const auto& m = *it;
    out.insert(m[1].str() + "|" + m[2].str() + "|" + m[3].str() + "|" + m[4].str() + "|" +
               m[5].str() + "|" + m[6].str() + "|" + m[7].str());
  }
  return out;
}

// Addresses in use per org from the README ("... list none): gislaved 412, gnosjo unknown, ...");
// "unknown" is JSON null.
std::map<std::string, nlohmann::json> ReadmeInUse(const std::string& facts) {
  const std::size_t start = facts.find("Addresses in use per org");
  REQUIRE(start != std::string::npos);
  std::string line = facts.substr(start, facts.find('\n', start) - start);
  line = line.substr(line.find("):") + 2);
  std::map<std::string, nlohmann::json> out;
  const std::regex item(R"re((\w+) (\d+|unknown)[,.])re");
  for (std::sregex_iterator it(line.begin(), line.end(), item), end; it != end; ++it) {
    const std::string n = (*it)[2].str();
    out[(*it)[1].str()] = n == "unknown" ? nlohmann::json(nullptr) : nlohmann::json(std::stoull(n));
  }
  return out;
}

// "vid|org name|org name" with the two sides sorted, from one README line.
std::set<std::string> ReadmeVlans(const std::string& facts, const std::string& heading) {
  const std::size_t start = facts.find(heading);
  REQUIRE(start != std::string::npos);
  const std::string line = facts.substr(start, facts.find('\n', start) - start);
  std::set<std::string> out;
  const std::regex pair(R"re(VLAN (\d+): (\w+) "([^"]*)" / (\w+) "([^"]*)")re");
  for (std::sregex_iterator it(line.begin(), line.end(), pair), end; it != end; ++it) {
    const auto& m = *it;
    std::string a = m[2].str() + " " + m[3].str();
    std::string b = m[4].str() + " " + m[5].str();
    if (b < a) std::swap(a, b);
    out.insert(m[1].str() + "|" + a + "|" + b);
  }
  return out;
}

std::set<std::string> PlanVlans(const nlohmann::json& pairs) {
  std::set<std::string> out;
  for (const auto& p : pairs) {
    std::string a = p["a"]["org"].get<std::string>() + " " + p["a"]["name"].get<std::string>();
    std::string b = p["b"]["org"].get<std::string>() + " " + p["b"]["name"].get<std::string>();
    if (b < a) std::swap(a, b);
    out.insert(std::to_string(p["vlan"].get<int>()) + "|" + a + "|" + b);
  }
  return out;
}

// A count that may be unknown, as the README writes it.
std::string Count(const nlohmann::json& n) {
  return n.is_null() ? "unknown" : std::to_string(n.get<std::uint64_t>());
}

// A store with every org's network files (NetBox IPAM and generic networks.csv) and the GLPI
// agent files of their clients (addresses in use).
std::filesystem::path NetworkStore(const std::string& name) {
  auto dir = ScratchDir(name);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  const std::map<std::string, std::vector<std::string>> files = {
      {"gislaved", {"prefixes.csv", "ip-addresses.csv", "vlans.csv", "clients"}},
      {"varnamo", {"prefixes.csv", "ip-addresses.csv", "vlans.csv", "clients"}},
      {"gnosjo", {"natverk.csv"}},
      {"vaggeryd", {"networks.csv", "clients"}},
      {"hylte", {"networks.csv", "clients"}},
  };
  for (const auto& [org, names] : files) {
    std::string args = "import --org " + org;
    for (const auto& f : names) args += " '" + kSamples + "/" + org + "/" + f + "'";
    auto r = RunCli(dir, args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  return dir;
}

}  // namespace

TEST_CASE("net on the sample inventories finds the collisions their README names",
          "[tools][net][e2e]") {
  auto dir = NetworkStore("net-samples");
  auto r = RunCli(dir, "net --json --scenario '" + kSamples + "/scenario.yaml'");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  auto json = nlohmann::json::parse(r.out);
  const std::string facts = AddressFacts();

  std::set<std::string> conflicts;
  for (const auto& c : json["conflicts"]) {
    conflicts.insert(c["kind"].get<std::string>() + "|" + c["a"]["org"].get<std::string>() + "|" +
                     c["a"]["prefix"].get<std::string>() + "|" + c["b"]["org"].get<std::string>() +
                     "|" + c["b"]["prefix"].get<std::string>() + "|" + Count(c["a"]["in_use"]) +
                     "|" + Count(c["b"]["in_use"]));
    CHECK(c["a"].contains("vrf"));
  }
  const std::set<std::string> expected = ReadmeConflicts(facts);
  CHECK(expected.size() == 18);
  CHECK(conflicts == expected);

  CHECK(PlanVlans(json["vlan_conflicts"]) == ReadmeVlans(facts, "VLAN clashes"));
  CHECK(PlanVlans(json["vlan_matches"]) == ReadmeVlans(facts, "VLAN matches"));

  // Addresses in use per org: NetBox IPAM and GLPI give every org its count except Vaggeryd,
  // whose servers are known from nmap and lshw files (imported by their own importers).
  const auto readme_in_use = ReadmeInUse(facts);
  REQUIRE(readme_in_use.size() == 5);
  for (const auto& [org, count] : readme_in_use) {
    INFO(org);
    if (org == "vaggeryd") {
      CHECK(json["addresses_in_use"][org].get<std::uint64_t>() <= count.get<std::uint64_t>());
    } else {
      CHECK(json["addresses_in_use"][org] == count);
    }
  }

  // Gnosjö renumbers; Vaggeryd's guest WLAN and Hylte's school net move out of Värnamo's ranges.
  std::vector<std::string> renumber;
  for (const auto& m : json["renumber"]) {
    renumber.push_back(m["org"].get<std::string>() + " " + m["prefix"].get<std::string>() + " -> " +
                       m["to"].get<std::string>());
    CHECK(m.contains("hosts"));
    CHECK_FALSE(m["reason"].get<std::string>().empty());
  }
  CHECK(renumber == std::vector<std::string>{"gnosjo 10.10.0.0/16 -> 10.0.0.0/16",
                                             "vaggeryd 10.20.128.0/20 -> 10.28.0.0/20",
                                             "hylte 172.16.8.0/21 -> 10.41.0.0/21"});
  // Declared twice within one org.
  const auto& twice = json["data_quality"]["declared_twice"];
  REQUIRE(twice.size() == 1);
  CHECK(twice[0]["org"] == "gislaved");
  CHECK(twice[0]["prefix"] == "10.10.40.0/24");
  CHECK(twice[0]["times"] == 2);
  CHECK(facts.find("Declared twice within one org: gislaved 10.10.40.0/24 (2 times).") !=
        std::string::npos);
}

TEST_CASE("net: merging VRFs, no scenario, the table and bad scenarios", "[tools][net][e2e]") {
  auto dir = NetworkStore("net-options");
  // Without a scenario: orgs alphabetically, nothing to renumber into.
  auto plain = RunCli(dir, "net --json");
  REQUIRE(plain.exit_code == 0);
  auto json = nlohmann::json::parse(plain.out);
  CHECK(json["orgs"] == nlohmann::json{"gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"});
  CHECK(json["conflicts"].size() == 18);
  for (const auto& m : json["renumber"]) {
    CHECK(m["to"].is_null());
    CHECK(m["reason"].get<std::string>().find("the scenario gives no IPv4 supernet") !=
          std::string::npos);
  }
  // The readable table names the conflicts and the moves.
  auto table = RunCli(dir, "net --scenario '" + kSamples + "/scenario.yaml'");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("Prefix conflicts between orgs: 18") != std::string::npos);
  CHECK(table.out.find("equal     gislaved 10.10.0.0/16 (Gislaved kommunnät)") !=
        std::string::npos);
  CHECK(table.out.find("VLAN clashes (same id, different purpose): 12 pairs of orgs") !=
        std::string::npos);
  CHECK(table.out.find("Renumbering: 3 prefixes move") != std::string::npos);
  CHECK(table.out.find("gislaved 10.10.40.0/24 (2 times)") != std::string::npos);

  WriteText(dir / "merge.yaml",
            "addressing:\n  supernet: 10.0.0.0/8\n  per_org_block: /14\n  merge_vrfs: true\n");
  WriteText(dir / "dmz.csv", "prefix,vrf,name\n10.10.21.0/24,DMZ,Hylte DMZ\n");
  REQUIRE(RunCli(dir, "import --org hylte dmz.csv").exit_code == 0);
  auto apart = nlohmann::json::parse(RunCli(dir, "net --json").out);
  auto merged = nlohmann::json::parse(RunCli(dir, "net --json --scenario merge.yaml").out);
  CHECK(apart["conflicts"].size() == 18);
  REQUIRE(merged["conflicts"].size() == 19);
  bool found = false;
  for (const auto& c : merged["conflicts"]) {
    if (c["domain"] == "vrf DMZ") {
      found = true;
      CHECK(c["kind"] == "equal");
      CHECK(c["a"]["org"] == "gnosjo");
      CHECK(c["b"]["org"] == "hylte");
    }
  }
  CHECK(found);

  WriteText(dir / "bad.yaml", "addressing: {supernet: 10.1.0.0/8, per_org_block: /14}\n");
  auto bad = RunCli(dir, "net --scenario bad.yaml");
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("bad.yaml:1:24: error[SCN001]: addressing: supernet: '10.1.0.0/8' has host "
                     "bits set (did you mean 10.0.0.0/8?)") != std::string::npos);
  CHECK(RunCli(dir, "net --help").exit_code == 0);
  auto missing = RunCli(ScratchDir("net-no-store"), "net");
  CHECK(missing.exit_code == 3);
}

TEST_CASE("net: an org without address data has unknown use, never 0", "[tools][net][unknown]") {
  auto dir = ScratchDir("net-unknown-use");
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  // gislaved: a prefix and two addresses in it (NetBox IPAM); gnosjo: prefixes only.
  WriteText(dir / "networks.csv", "prefix,name\n10.10.0.0/16,Kommunnät\n");
  WriteText(dir / "ip-addresses.csv",
            "address,vrf,tenant,status,role,device,interface,is_primary,dns_name,description\n"
            "10.10.1.1/24,,Gislaved,active,,sw1,Gi0/0,true,,\n"
            "10.10.1.2/24,,Gislaved,active,,sw2,Gi0/0,true,,\n");
  WriteText(dir / "natverk.csv",
            "prefix;namn\n10.10.0.0/16;Gnosjö internt\n10.10.10.0/24;Klienter\n"
            "10.10.20.0/24;Servrar\n");
  REQUIRE(RunCli(dir, "import --org gislaved networks.csv").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org gislaved ip-addresses.csv").exit_code == 0);
  REQUIRE(RunCli(dir, "import --org gnosjo natverk.csv").exit_code == 0);
  auto r = RunCli(dir, "net --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto json = nlohmann::json::parse(r.out);
  REQUIRE(json["conflicts"].size() == 3);
  for (const auto& c : json["conflicts"]) {
    CHECK(c["a"]["org"] == "gislaved");
    CHECK(c["a"]["in_use"] == 2);
    CHECK(c["b"]["org"] == "gnosjo");
    CHECK(c["b"]["in_use"].is_null());
  }
  CHECK(json["addresses_in_use"]["gislaved"] == 2);
  CHECK(json["addresses_in_use"]["gnosjo"].is_null());
  // 2 against unknown is no win: gnosjo declares more prefixes, and gislaved's /16 moves.
  REQUIRE(json["renumber"].size() == 1);
  CHECK(json["renumber"][0]["org"] == "gislaved");
  CHECK(json["renumber"][0]["hosts"] == 2);
  CHECK(json["renumber"][0]["rests_on_unknown_use"] == true);
  CHECK(json["renumber"][0]["reason"].get<std::string>().find(
            "the choice rests on unknown use (no address data: gnosjo)") != std::string::npos);
  auto table = RunCli(dir, "net");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find("2 / unknown") != std::string::npos);
}
