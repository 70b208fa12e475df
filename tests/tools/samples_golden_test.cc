// The planners end to end on the real sample inventories, held to the facts that
// sample-inventories/README.md states (computed by make_samples.py from the files it writes):
// the hall estate (kW per org, estimated devices, racks needed), the service dependency cycles
// in the plan, the technologies per org and the sensible target. When a planner and the README
// disagree, one of them is wrong: fix the code or the script, never the expectation here.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "tests/test_paths.h"
#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kSamples = std::string(SAMDRIFT_SOURCE_DIR) + "/sample-inventories";
const char* kOrgs[] = {"gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte"};

// The README's text from `heading` to the next `### `.
std::string Section(const std::string& heading) {
  static const std::string readme = Slurp(kSamples + "/README.md");
  const std::size_t start = readme.find(heading);
  REQUIRE(start != std::string::npos);
  const std::size_t end = readme.find("\n### ", start + heading.size());
  return readme.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// One store with every sample imported (by `samdrift demo`), shared by the tests of this binary.
const fs::path& SampleDir() {
  static const fs::path dir = [] {
    const fs::path d = ScratchDir("samples-golden");
    const CliResult r = RunCli(d, "demo --samples '" + kSamples + "' --out out");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return d;
  }();
  return dir;
}

json Run(const std::string& args) {
  const CliResult r = RunCli(SampleDir(), "--db out/samdrift.db " + args);
  INFO(args << "\n" << r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

double Round1(double kw) { return std::round(kw * 10.0) / 10.0; }

struct OrgEstate {
  double kw = 0;
  std::set<std::string> estimated;
};

}  // namespace

TEST_CASE("golden: halls on the samples give the README's estate", "[tools][golden][halls]") {
  const std::string facts = Section("### Halls and the datacenter estate");
  // | org | devices | U | W recorded | W from device type | devices with no figure | kW |
  std::map<std::string, OrgEstate> readme;
  const std::regex row(
      R"re(\| (\w+) \| \d+ \| \d+ \| [\d.]+ \| \d+ \| \d+: ([^(|]*) \(\d+\) \| ([\d.]+) \|)re");
  for (std::sregex_iterator it(facts.begin(), facts.end(), row), end; it != end; ++it) {
    OrgEstate& o = readme[(*it)[1].str()];
    o.kw = std::stod((*it)[3].str());
    const std::string names = (*it)[2].str();
    const std::regex name(R"re([\w-]+)re");
    for (std::sregex_iterator n(names.begin(), names.end(), name), e; n != e; ++n) {
      if (n->str() != "-") o.estimated.insert(n->str());
    }
  }
  REQUIRE(readme.size() == 5);
  std::smatch total;
  REQUIRE(
      std::regex_search(facts, total,
                        std::regex(R"re(\| \*\*total\*\* \| \| \d+ \| [\d.]+ \| \d+ \| (\d+) )re"
                                   R"re(\(\d+\) \| ([\d.]+) \|)re")));
  std::smatch racks;
  REQUIRE(std::regex_search(facts, racks,
                            std::regex(R"re(at least (\d+) racks by U .*?, (\d+) by power)re")));

  const json j = Run("halls --scenario '" + kSamples + "/scenario.yaml' --json");
  CHECK(j["feasible"] == true);
  // Every rack device of the estate: placed, unplaced (spare PDUs) or retired by the target.
  std::map<std::string, OrgEstate> planned;
  std::size_t estimated = 0;
  auto count = [&](const json& d) {
    OrgEstate& o = planned[d["org"].get<std::string>()];
    o.kw += d["kw"].get<double>();
    if (d["estimated"].get<bool>()) {
      o.estimated.insert(d["asset"].get<std::string>());
      ++estimated;
    }
  };
  double used = 0;
  for (const json& hall : j["halls"]) {
    used += hall["power_kw_used"].get<double>();
    CHECK(hall["cooling_kw_used"].get<double>() <= hall["cooling_kw"].get<double>());
    CHECK(hall["power_kw_used"].get<double>() <= hall["power_kw"].get<double>());
    for (const json& rack : hall["racks"]) {
      for (const json& d : rack["devices"]) count(d);
    }
  }
  for (const json& d : j["unplaced"]) {
    CHECK(d["limit"] == "spare_pdu");
    count(d);
  }
  for (const json& d : j["retired"]) count(d);
  for (const json& d : j["staying"]) count(d);  // site-bound, staying at their site

  double total_kw = 0;
  for (const char* org : kOrgs) {
    INFO(org);
    CHECK(Round1(planned[org].kw) == Approx(readme[org].kw));
    CHECK(planned[org].estimated == readme[org].estimated);
    total_kw += planned[org].kw;
  }
  CHECK(Round1(total_kw) == Approx(std::stod(total[2].str())));
  CHECK(estimated == std::stoul(total[1].str()));
  CHECK(j["estimated_devices"] == estimated);
  CHECK(Round1(used) <= Round1(total_kw));
  // Racks: the README's minimum by U and by power is the plan's lower bound, and the plan
  // needs no fewer racks than that.
  CHECK(j["lower_bound"]["by_u"] == std::stoi(racks[1].str()));
  CHECK(j["lower_bound"]["by_kw"] == std::stoi(racks[2].str()));
  CHECK(j["lower_bound_racks"].get<int>() >= std::stoi(racks[2].str()));
  CHECK(j["racks_used"].get<int>() >= j["lower_bound_racks"].get<int>());
}

TEST_CASE("golden: the plan's service cycles are the README's", "[tools][golden][plan]") {
  // "- gislaved: Ekonomisystem <-> HR-system <-> Lönesystem" or "- gnosjo: none"
  const std::string facts = Section("### Dependency cycles between services");
  std::set<std::string> readme;  // "org: a, b, c" with the names sorted
  const std::regex line(R"re(\n- (\w+): ([^\n]+))re");
  for (std::sregex_iterator it(facts.begin(), facts.end(), line), end; it != end; ++it) {
    const std::string org = (*it)[1].str();
    const std::string text = (*it)[2].str();
    if (text == "none") continue;
    std::size_t from = 0;
    while (from != std::string::npos) {  // "; " separates several cycles of one org
      const std::size_t semi = text.find("; ", from);
      std::string cycle = text.substr(from, semi == std::string::npos ? semi : semi - from);
      std::set<std::string> names;
      for (std::size_t p = 0;;) {
        const std::size_t arrow = cycle.find(" <-> ", p);
        names.insert(cycle.substr(p, arrow == std::string::npos ? arrow : arrow - p));
        if (arrow == std::string::npos) break;
        p = arrow + 5;
      }
      std::string key = org + ":";
      for (const std::string& n : names) key += " " + n;
      readme.insert(key);
      from = semi == std::string::npos ? semi : semi + 2;
    }
  }
  REQUIRE(readme.size() == 4);

  // The planned date is fixed (end of support is judged against it), as the README says.
  const json j = Run("plan --scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01 --json");
  std::map<std::string, const json*> item;
  for (const json& i : j["items"]) item[i["id"].get<std::string>()] = &i;
  std::set<std::string> planned;
  for (const json& cycle : j["cycles"]) {
    std::map<std::string, std::set<std::string>> services;  // org -> names in this cycle
    for (const json& id : cycle["members"]) {
      const json& i = *item.at(id.get<std::string>());
      if (i["kind"] == "service") {
        services[i["org"].get<std::string>()].insert(i["asset"].get<std::string>());
      }
    }
    for (const auto& [org, names] : services) {
      std::string key = org + ":";
      for (const std::string& n : names) key += " " + n;
      planned.insert(key);
    }
  }
  CHECK(planned == readme);
  // Every service cut-over waits for something, and the plan reaches its bound's neighbourhood.
  for (const json& i : j["items"]) {
    if (i["kind"] == "service") CHECK_FALSE(i["depends_on"].empty());
  }
  CHECK(j["lower_bound_waves"].get<int>() <= static_cast<int>(j["waves"].size()));
  for (const json& wave : j["waves"]) {
    for (const json& h : wave["halls_after"]) {
      CHECK(h.contains("cooling_kw_used"));
      CHECK(h["cooling_kw_used"] == h["power_kw_used"]);
    }
  }
}

// README rows the planners do not reproduce yet (see the test below): each needs a decision in
// make_samples.py or the catalog, not here.
const std::set<std::string> kKnownDisagreements = {
    // Värnamo's 2 powered-off vmo-old-* VMs exist only in RVTools, whose guest OS type says
    // "Windows Server 2012 (64-bit)" (vSphere's one type for 2012 and 2012 R2); the README
    // counts them as 2012 R2 (27), the files show 25 plus 2 of "Windows Server 2012".
    "ms-windows-server-2012r2",
};

std::map<std::string, std::map<std::string, int>> ReadmeTechnologies() {
  const std::string facts = Section("### Technologies per org");
  // | capability | Name (`id`) | gislaved | gnosjo | varnamo | vaggeryd | hylte | orgs |
  std::map<std::string, std::map<std::string, int>> readme;
  const std::regex row(
      R"re(\| [\w-]+ \| [^|]*\(`([\w.-]+)`\) \|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\|([^|]*)\| \d+ \|)re");
  for (std::sregex_iterator it(facts.begin(), facts.end(), row), end; it != end; ++it) {
    auto& counts = readme[(*it)[1].str()];
    for (int k = 0; k < 5; ++k) {
      const std::string cell = (*it)[k + 2].str();
      if (cell.find_first_of("0123456789") != std::string::npos) counts[kOrgs[k]] = std::stoi(cell);
    }
  }
  return readme;
}

std::map<std::string, std::map<std::string, int>> PlannedTechnologies() {
  const json j = Run("overlap --json");
  std::map<std::string, std::map<std::string, int>> planned;
  for (const json& t : j["technologies"]) {
    for (const auto& [org, n] : t["orgs"].items()) {
      if (n.get<int>() > 0) planned[t["id"].get<std::string>()][org] = n.get<int>();
    }
  }
  return planned;
}

TEST_CASE("golden: overlap counts the README's technologies per org", "[tools][golden][overlap]") {
  const auto readme = ReadmeTechnologies();
  REQUIRE(readme.size() > 50);
  auto planned = PlannedTechnologies();
  for (const auto& [id, counts] : readme) {
    if (kKnownDisagreements.count(id)) continue;
    INFO(id);
    CHECK(planned[id] == counts);
  }
}

TEST_CASE("golden: README technology rows not reproduced yet",
          "[tools][golden][overlap][!mayfail]") {
  const auto readme = ReadmeTechnologies();
  auto planned = PlannedTechnologies();
  for (const std::string& id : kKnownDisagreements) {
    INFO(id);
    CHECK(planned[id] == readme.at(id));
  }
}

TEST_CASE("golden: the target proposes the README's sensible standards",
          "[tools][golden][target]") {
  const json j = Run("target --scenario '" + kSamples + "/scenario.yaml' --json");
  std::map<std::string, json> standard;
  for (const json& s : j["standards"]) standard[s["capability"].get<std::string>()] = s;
  CHECK(standard["hypervisor"]["technology"] == "vmware-esxi-8");
  CHECK(standard["hypervisor"]["source"] == "scenario");
  CHECK(standard["server-os"]["technology"] == "ms-windows-server-2022");
  CHECK(standard["client-os"]["technology"] == "ms-windows-11-24h2");
  CHECK(standard["core-switch"]["technology"] == "cisco-catalyst-9500");
  CHECK(standard["access-switch"]["technology"] == "cisco-catalyst-9300");
  // The README's counts: 50 hypervisor hosts, 16 of them on ESXi 8 (Gislaved 4, Värnamo 12).
  CHECK(standard["hypervisor"]["assets"] == 50);
  CHECK(standard["hypervisor"]["assets_on_standard"] == 16);
}

TEST_CASE("golden: the plan's timeline is the README's", "[tools][golden][plan][timeline]") {
  // "| 1 | 2026-03-02 | 2026-03-13 | 211.5 |"
  const std::string facts = Section("### Waves on the calendar");
  const std::regex row(
      R"re(\n\| (\d+) \| (\d{4}-\d\d-\d\d) \| (\d{4}-\d\d-\d\d) \| ([\d.]+) \|)re");
  std::vector<std::string> readme;
  for (std::sregex_iterator it(facts.begin(), facts.end(), row), end; it != end; ++it) {
    readme.push_back((*it)[1].str() + " " + (*it)[2].str() + " " + (*it)[3].str() + " " +
                     (*it)[4].str());
  }
  REQUIRE_FALSE(readme.empty());
  // The planned date is fixed (end of support is judged against it), as the README says.
  const json j = Run("plan --scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01 --json");
  std::vector<std::string> planned;
  for (const json& wave : j["waves"]) {
    char hours[32];
    std::snprintf(hours, sizeof hours, "%.1f", wave["hours"].get<double>());
    planned.push_back(std::to_string(wave["number"].get<int>()) + " " +
                      wave["start"].get<std::string>() + " " + wave["end"].get<std::string>() +
                      " " + hours);
  }
  CHECK(planned == readme);
  // No wave starts or ends inside a freeze of the samples' scenario.
  for (const json& wave : j["waves"]) {
    for (const char* key : {"start", "end"}) {
      const std::string day = wave[key].get<std::string>();
      CHECK_FALSE((day >= "2026-07-01" && day <= "2026-08-15"));
      CHECK_FALSE((day >= "2026-12-15" && day <= "2027-01-06"));
    }
  }
}

TEST_CASE("plan --only and --actions limit the plan; unknown values are usage errors",
          "[tools][golden][plan][timeline]") {
  const json only =
      Run("plan --scenario '" + kSamples + "/scenario.yaml' --json --only datacenter,platform");
  REQUIRE_FALSE(only["items"].empty());
  for (const json& i : only["items"]) {
    CHECK((i["category"] == "datacenter" || i["category"] == "platform"));
  }
  const json migrate =
      Run("plan --scenario '" + kSamples + "/scenario.yaml' --json --actions migrate");
  REQUIRE_FALSE(migrate["items"].empty());
  for (const json& i : migrate["items"]) CHECK(i["action"] == "migrate");

  CliResult r = RunCli(SampleDir(), "--db out/samdrift.db plan --only datacentre");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "samdrift: --only: unknown category 'datacentre'; did you mean 'datacenter'? (one of "
        "datacenter, network, platform, client)\n");
  r = RunCli(SampleDir(), "--db out/samdrift.db plan --actions move");
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "samdrift: --actions: unknown action 'move' (one of upgrade, replace, migrate, retire)\n");
}

TEST_CASE("a timeline's bad values stop plan with located errors (exit 1)",
          "[tools][golden][plan][timeline]") {
  // A freeze that never ends, hours per month of 0, a start that is not a date: each is
  // reported at its place and nothing is planned.
  const fs::path scenario = SampleDir() / "bad-timeline.yaml";
  std::ofstream(scenario) << "timeline:\n  start: 1 mars 2026\n  hours_per_month: 0\n"
                             "  freeze: [2026-07-01..]\n";
  const CliResult r = RunCli(SampleDir(), "--db out/samdrift.db plan --scenario bad-timeline.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "bad-timeline.yaml:2:10: error[SCN001]: timeline: start: expected a date written "
        "yyyy-mm-dd, got '1 mars 2026'\n"
        "bad-timeline.yaml:3:20: error[SCN001]: timeline: hours_per_month: must be more than 0, "
        "got '0'\n"
        "bad-timeline.yaml:4:12: error[SCN001]: timeline: freeze: '2026-07-01..' needs a first "
        "and a last day, written yyyy-mm-dd..yyyy-mm-dd\n"
        "samdrift: invalid scenario 'bad-timeline.yaml'; nothing planned\n");
}

TEST_CASE("a timeline the waves cannot fit is a located error", "[tools][golden][plan][timeline]") {
  const fs::path scenario = SampleDir() / "frozen.yaml";
  std::ofstream(scenario) << "timeline:\n  start: 2026-03-01\n  hours_per_month: 800\n"
                             "  freeze: [2026-01-01..2199-12-31]\n";
  const CliResult r = RunCli(SampleDir(), "--db out/samdrift.db plan --scenario frozen.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "frozen.yaml:2:3: error[SCN004]: timeline: wave 1 would end more than 50 years after "
        "2026-03-01: the freezes leave no work days, or hours_per_month is too small\n"
        "samdrift: the waves do not fit the scenario's timeline; nothing planned\n");
}

TEST_CASE("golden: today's halls and their fates are the README's", "[tools][golden][halls]") {
  // "| gnosjo | Gnosjö kommunhus / Serverrummet | emptied | 35 | 2027-07-14 | gno-core01, ... |"
  const std::string facts = Section("### Today's halls");
  const std::regex row(
      R"re(\n\| ([a-z]+) \| ([^|]+) / ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|)re");
  std::vector<std::string> readme;
  for (std::sregex_iterator it(facts.begin(), facts.end(), row), end; it != end; ++it) {
    if ((*it)[1].str() == "org") continue;  // the header
    std::string line;
    for (int i = 1; i <= 7; ++i) line += (i > 1 ? " | " : "") + (*it)[i].str();
    readme.push_back(line);
  }
  REQUIRE(readme.size() == 7);
  const json j = Run("halls --scenario '" + kSamples + "/scenario.yaml' --date 2026-09-01 --json");
  std::vector<std::string> planned;
  for (const json& h : j["today"]) {
    std::string stays;
    for (const json& s : h["stays"]) {
      stays += (stays.empty() ? "" : ", ") + s["asset"].get<std::string>();
    }
    const std::string fate =
        h["fate"].get<std::string>() +
        (h["target"].is_null() ? "" : " (" + h["target"].get<std::string>() + ")");
    planned.push_back(
        h["org"].get<std::string>() + " | " + h["site"].get<std::string>() + " | " +
        h["hall"].get<std::string>() + " | " + fate + " | " +
        (h["emptied_in_wave"].is_null() ? "-" : std::to_string(h["emptied_in_wave"].get<int>())) +
        " | " + (h["emptied_on"].is_null() ? "-" : h["emptied_on"].get<std::string>()) + " | " +
        (stays.empty() ? "-" : stays));
  }
  CHECK(planned == readme);
  // Gnosjö's campus core switches, perimeter firewalls and UPS never move into DC1 or DC2.
  for (const json& hall : j["halls"]) {
    for (const json& rack : hall["racks"]) {
      for (const json& d : rack["devices"]) {
        if (d["org"] != "gnosjo") continue;
        const std::string asset = d["asset"].get<std::string>();
        INFO(asset);
        CHECK(asset.find("core") == std::string::npos);
        CHECK(asset.find("-fw") == std::string::npos);
        CHECK(asset.find("ups") == std::string::npos);
      }
    }
  }
}
