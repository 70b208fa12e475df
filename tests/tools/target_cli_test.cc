// End-to-end: overlap, target and lifecycle through the real binary, on small generic-CSV
// estates written here.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/tools/cli_util.h"

using namespace samdrift::testing;
using nlohmann::json;

namespace {

const char* kAssetsA = R"(name,kind,role,vendor,product,version
esx1,device,hypervisor,VMware Inc.,VMware ESXi,7.0 Update 3
esx2,device,hypervisor,VMware,ESXi,8.0.2
vm1,vm,,Microsoft,Windows Server 2019 Standard,
vm2,vm,,Microsoft,Windows Server,2012 R2
sw1,device,access-switch,Cisco,C9300-48P,
mystery,device,server,Frobozz,Widget 3000,
)";
const char* kRelationsA = R"(source,relation,target
vm1,runs_on,esx1
vm2,runs_on,esx1
)";
const char* kAssetsB = R"(namn;typ;roll;tillverkare;modell;version
hv1;device;hypervisor;Microsoft Corporation;Hyper-V;Windows Server 2019 Datacenter
vm3;vm;;Microsoft Corporation;MS Windows Server 2019 Datacenter;10.0.17763
sw2;device;access-switch;Cisco Systems;Catalyst 9300;
)";
const char* kRelationsB = "kalla;relation;mal\nvm3;runs_on;hv1\n";

std::filesystem::path Estate(const std::string& name) {
  auto dir = ScratchDir(name);
  WriteText(dir / "a-assets.csv", kAssetsA);
  WriteText(dir / "a-relations.csv", kRelationsA);
  WriteText(dir / "b-assets.csv", kAssetsB);
  WriteText(dir / "b-relations.csv", kRelationsB);
  REQUIRE(RunCli(dir, "init").exit_code == 0);
  CliResult a = RunCli(dir, "import --org a a-assets.csv a-relations.csv");
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  // 'b' is one edit from 'a': a new org, not a typo of 'a'.
  CliResult b = RunCli(dir, "import --org b --new-org b-assets.csv b-relations.csv");
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  return dir;
}

const json* Find(const json& array, const std::string& key, const std::string& value) {
  for (const json& item : array) {
    if (item.value(key, "") == value) return &item;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("overlap --json has the contract's keys and counts", "[tools][overlap]") {
  auto dir = Estate("overlap-json");
  CliResult r = RunCli(dir, "overlap --json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["orgs"] == json::array({"a", "b"}));
  REQUIRE(j["similarity"].size() == 2);
  CHECK(j["similarity"][0][0] == 1.0);
  CHECK(j["similarity"][0][1] == j["similarity"][1][0]);
  const json* c9300 = Find(j["technologies"], "id", "cisco-catalyst-9300");
  REQUIRE(c9300 != nullptr);
  CHECK((*c9300)["name"] == "Cisco Catalyst 9300");
  CHECK((*c9300)["category"] == "network");
  CHECK((*c9300)["capability"] == "access-switch");
  CHECK((*c9300)["orgs"] == json{{"a", 1}, {"b", 1}});
  CHECK((*c9300)["shared"] == "all");
  const json* ws2019 = Find(j["technologies"], "id", "ms-windows-server-2019");
  REQUIRE(ws2019 != nullptr);
  CHECK((*ws2019)["orgs"] == json{{"a", 1}, {"b", 1}});
  const json* esxi7 = Find(j["technologies"], "id", "vmware-esxi-7");
  REQUIRE(esxi7 != nullptr);
  CHECK((*esxi7)["end_of_support"] == "2025-10-02");
  REQUIRE(j["unmatched"].size() == 1);
  CHECK(j["unmatched"][0]["product"] == "Widget 3000");
  CHECK(j["unmatched"][0]["orgs"]["a"] == 1);
  CHECK(j["levels"]["product"]["rows"].is_array());

  // The table names the same things.
  CliResult t = RunCli(dir, "overlap");
  REQUIRE(t.exit_code == 0);
  CHECK(t.out.find("Cisco Catalyst 9300") != std::string::npos);
  CHECK(t.out.find("Frobozz / Widget 3000") != std::string::npos);
  CHECK(t.out.find("== Similarity (product level) ==") != std::string::npos);
}

TEST_CASE("target --json: standards, gaps, lifecycle", "[tools][target]") {
  auto dir = Estate("target-json");
  CliResult r = RunCli(dir, "target --json --date 2026-12-01");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["date"] == "2026-12-01");
  const json* hv = Find(j["standards"], "capability", "hypervisor");
  REQUIRE(hv != nullptr);
  // ESXi (1 org, 2 hosts) ahead of Hyper-V (1 org, 1 host); 8.0 is the supported version.
  CHECK((*hv)["technology"] == "vmware-esxi-8");
  CHECK((*hv)["source"] == "proposed");
  CHECK((*hv)["reason"].get<std::string>().rfind(
            "VMware ESXi used by 1 of 2 municipalities, 2 of 3 hosts", 0) == 0);
  const json* os = Find(j["standards"], "capability", "server-os");
  REQUIRE(os != nullptr);
  CHECK((*os)["technology"] == "ms-windows-server-2019");
  // Gaps: esx1 upgrades (past end of support), hv1 is replaced, vm3 migrates, vm2 upgrades.
  auto gap = [&](const std::string& asset, const std::string& capability) -> const json* {
    for (const json& g : j["gaps"]) {
      if (g["asset"] == asset && g["capability"] == capability) return &g;
    }
    return nullptr;
  };
  REQUIRE(gap("esx1", "hypervisor") != nullptr);
  CHECK((*gap("esx1", "hypervisor"))["action"] == "upgrade");
  CHECK((*gap("esx1", "hypervisor"))["from"] == "vmware-esxi-7");
  CHECK((*gap("esx1", "hypervisor"))["to"] == "vmware-esxi-8");
  CHECK((*gap("esx1", "hypervisor"))["past_end_of_support"] == true);
  CHECK((*gap("esx1", "hypervisor"))["org"] == "a");
  REQUIRE(gap("hv1", "hypervisor") != nullptr);
  CHECK((*gap("hv1", "hypervisor"))["action"] == "replace");
  REQUIRE(gap("vm3", "hypervisor") != nullptr);
  CHECK((*gap("vm3", "hypervisor"))["action"] == "migrate");
  CHECK((*gap("vm3", "hypervisor"))["effort_hours"] == 2.0);
  REQUIRE(gap("vm2", "server-os") != nullptr);
  CHECK((*gap("vm2", "server-os"))["action"] == "upgrade");
  CHECK(gap("vm1", "hypervisor") == nullptr);  // esx1 keeps its product
  // esx1 (ESXi 7.0) and vm2 (2012 R2) past, esx2 (ESXi 8.0, 2027-10-11) within 12 months.
  CHECK(j["lifecycle"]["items"].size() == 3);
  CHECK(j["summary"]["a"]["upgrade"] == 2);
}

TEST_CASE("target with a scenario; errors are located, usage errors exit 2", "[tools][target]") {
  auto dir = Estate("target-scenario");
  WriteText(dir / "s.yaml", "date: 2026-12-01\nstandards:\n  hypervisor: ms-hyperv-2022\n");
  CliResult r = RunCli(dir, "target --json --scenario s.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  const json* hv = Find(j["standards"], "capability", "hypervisor");
  CHECK((*hv)["technology"] == "ms-hyperv-2022");
  CHECK((*hv)["source"] == "scenario");
  int migrations = 0;
  for (const json& g : j["gaps"]) migrations += g["action"] == "migrate" ? 1 : 0;
  CHECK(migrations == 2);  // vm1 and vm2 leave esx1 (ESXi -> Hyper-V)

  WriteText(dir / "bad.yaml", "standards:\n  hypervisor: vmware-esx-8\n");
  r = RunCli(dir, "target --scenario bad.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("bad.yaml:2:3: error[TGT001]: standards: hypervisor: unknown technology "
                   "'vmware-esx-8'; did you mean 'vmware-esxi-8'?") != std::string::npos);
  r = RunCli(dir, "target --date 2026-13-01");
  CHECK(r.exit_code == 2);
  r = RunCli(dir, "target --scenario missing.yaml");
  CHECK(r.exit_code == 2);
  r = RunCli(dir, "overlap --catalog missing.yaml");
  CHECK(r.exit_code == 2);
}

TEST_CASE("a user catalog recognises what the bundled one does not", "[tools][overlap]") {
  auto dir = Estate("overlap-user-catalog");
  WriteText(dir / "mine.yaml", R"(vendors:
  - {id: frobozz, name: Frobozz Magic, aliases: [Frobozz]}
products:
  - id: frobozz-widget
    vendor: frobozz
    name: Widget
    capability: server
    category: datacenter
    hardware: true
    patterns: ['\bwidget\b']
    model_pattern: '\bwidget (\d+)\b'
)");
  CliResult r = RunCli(dir, "overlap --json --catalog mine.yaml");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["unmatched"].empty());
  CHECK(Find(j["technologies"], "id", "frobozz-widget-3000") != nullptr);
  WriteText(dir / "broken.yaml",
            "products:\n  - {id: x, vendor: nobody, name: X, capability: y}\n");
  r = RunCli(dir, "overlap --catalog broken.yaml");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("broken.yaml:2:21: error[CAT007]: product 'x': vendor 'nobody' is not "
                   "defined") != std::string::npos);
}

TEST_CASE("lifecycle lists what is past or near end of support", "[tools][lifecycle]") {
  auto dir = Estate("lifecycle");
  CliResult r = RunCli(dir, "lifecycle --date 2026-12-01");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("a           past  2023-10-10  Windows Server 2012 R2") != std::string::npos);
  CHECK(r.out.find("a: esx1 (VMware ESXi 7.0)") != std::string::npos);
  r = RunCli(dir, "lifecycle --json --date 2026-12-01 --months 36");
  REQUIRE(r.exit_code == 0);
  json j = json::parse(r.out);
  CHECK(j["horizon"] == "2029-12-01");
  // Within 36 months: ESXi 8.0 (2027-10-11) and Windows Server 2019 (2029-01-09) too.
  CHECK(j["items"].size() == 6);
}

TEST_CASE("a name the scenario gives that the store lacks stops every planning command",
          "[tools][scenario]") {
  auto dir = Estate("scenario-unknown-org");
  WriteText(dir / "orgs.yaml", "name: Typo\norgs: [a, bb]\n");
  WriteText(dir / "from.yaml", "halls:\n  - name: DC1\n    from: aa/Huset/Hall A\n");
  const std::string kOrgs =
      "orgs.yaml:2:11: error[SCN010]: orgs: no org 'bb' in the store; did you mean 'b'?\n"
      "samdrift: the scenario names orgs that are not in the store; nothing planned\n";
  const std::string kFrom =
      "from.yaml:3:11: error[SCN010]: hall 'DC1': from: no org 'aa' in the store; did you mean "
      "'a'?\n"
      "samdrift: the scenario names orgs that are not in the store; nothing planned\n";
  for (const char* command : {"overlap", "target", "lifecycle", "plan", "halls", "net",
                              "export --format archimate", "report --out out"}) {
    INFO(command);
    CliResult r = RunCli(dir, std::string(command) + " --scenario orgs.yaml");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == kOrgs);
    r = RunCli(dir, std::string(command) + " --scenario from.yaml");
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == kFrom);
  }
  CHECK_FALSE(std::filesystem::exists(dir / "out" / "index.html"));
}
