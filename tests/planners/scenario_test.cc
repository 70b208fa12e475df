#include "planners/scenario.h"

#include <catch2/catch.hpp>

#include "tests/planners/scenario_util.h"

using namespace samdrift;
using samdrift::testing::Problems;

TEST_CASE("the contract's scenario parses", "[planners][scenario]") {
  const std::string yaml = R"(name: Alternativ 1
orgs: [gislaved, gnosjo, varnamo, vaggeryd, hylte]
standards:
  hypervisor: vmware-esxi-8
halls:
  - name: DC1
    from: varnamo/Stadshuset/Serverhall 1
    role: primary
    positions: 12
    power_kw: 60
    cooling_kw: 70
    rack_u: 42
    rack_power_kw: 8
  - name: DC2
    role: secondary
    positions: 10
    power_kw: 50,5
    cooling_kw: 55
redundancy: split
waves:
  max_items: 150
  max_kw: 20
  max_hours: 300
addressing: {supernet: 10.0.0.0/8, per_org_block: /14}
)";
  core::Diagnostics d;
  auto s = planners::ParseScenario(yaml, "s.yaml", d);
  REQUIRE(s);
  CHECK(d.total() == 0);
  CHECK(s->name == "Alternativ 1");
  CHECK(s->orgs.size() == 5);
  CHECK(s->standards.at("hypervisor") == "vmware-esxi-8");
  REQUIRE(s->halls.size() == 2);
  CHECK(s->halls[0].from == "varnamo/Stadshuset/Serverhall 1");
  CHECK(s->halls[0].role == planners::HallRole::kPrimary);
  CHECK(s->halls[1].role == planners::HallRole::kSecondary);
  CHECK(s->halls[1].power_kw == 50.5);
  CHECK(s->halls[1].rack_u == 42);
  CHECK(s->redundancy == planners::RedundancyRule::kSplit);
  CHECK(s->waves.max_items == 150);
  CHECK(s->waves.max_kw == 20.0);
  CHECK(s->addressing.supernet == "10.0.0.0/8");
  CHECK(s->addressing.per_org_block == 14);
}

TEST_CASE("scenario problems are located and all reported", "[planners][scenario]") {
  CHECK(Problems("name: x\nhals: []\nwaves:\n  max_itms: 3\n") ==
        std::vector<std::string>{
            "s.yaml:2:1: error[SCN002]: unknown key 'hals' in the scenario; did you mean 'halls'?",
            "s.yaml:4:3: error[SCN002]: unknown key 'max_itms' in waves; did you mean "
            "'max_items'?"});
  CHECK(Problems("halls:\n  - name: DC1\n    role: tertiary\n    positions: -2\n") ==
        std::vector<std::string>{
            "s.yaml:3:11: error[SCN001]: halls: role: expected primary or secondary, got "
            "'tertiary'",
            "s.yaml:4:16: error[SCN001]: halls: positions: must not be negative, got '-2'"});
  // Found by fuzz_scenario: a whole number past int range was cast (undefined behaviour).
  CHECK(Problems("waves:\n  max_items: 6148914691236517205\n") ==
        std::vector<std::string>{"s.yaml:2:14: error[SCN001]: waves: max_items: too large, got "
                                 "'6148914691236517205'"});
  CHECK(Problems("orgs: [Gnosjö]\n") ==
        std::vector<std::string>{"s.yaml:1:8: error[SCN001]: orgs: 'Gnosjö' is not a "
                                 "municipality id (lowercase ASCII)"});
  CHECK(Problems("name: [unclosed\n").size() == 1);
  CHECK(Problems("- a\n- b\n") ==
        std::vector<std::string>{"s.yaml:1: error[SCN003]: a scenario is a YAML mapping (name, "
                                 "orgs, standards, halls, ...)"});
}

TEST_CASE("addressing: supernets, blocks and merged VRFs", "[planners][scenario][net]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(
      "addressing:\n  supernet: 10.0.0.0/8\n  per_org_block: /14\n  merge_vrfs: [DMZ, Skola]\n"
      "  ipv6: {supernet: 'FD00:5A::/32', per_org_block: 40}\n",
      "s.yaml", d);
  REQUIRE(s);
  CHECK(d.total() == 0);
  CHECK(s->addressing.supernet6 == "fd00:5a::/32");
  CHECK(s->addressing.per_org_block6 == 40);
  CHECK(s->addressing.merge_vrfs);
  CHECK(s->addressing.merged_vrfs == std::vector<std::string>{"DMZ", "Skola"});

  CHECK(Problems("addressing: {supernet: 10.1.0.0/8, per_org_block: /14}\n") ==
        std::vector<std::string>{
            "s.yaml:1:24: error[SCN001]: addressing: supernet: '10.1.0.0/8' has host bits set "
            "(did you mean 10.0.0.0/8?)"});
  CHECK(Problems("addressing: {supernet: 10.0.0.0/8, per_org_block: /6}\n") ==
        std::vector<std::string>{
            "s.yaml:1:51: error[SCN001]: addressing: per_org_block: /6 does not fit inside the "
            "supernet 10.0.0.0/8 (/8 to /32)"});
  CHECK(Problems("addressing: {supernet: 10.0.0.0/33, per_org_block: /14}\n") ==
        std::vector<std::string>{
            "s.yaml:1:24: error[SCN001]: addressing: supernet: '10.0.0.0/33': prefix length 33 "
            "is out of range for IPv4 (0-32)"});
  CHECK(Problems("addressing: {supernet: 10.0.0.0/8}\n") ==
        std::vector<std::string>{"s.yaml:1:24: error[SCN001]: addressing: a supernet needs "
                                 "per_org_block (e.g. /14)"});
  CHECK(Problems("addressing:\n  merge_vrfs: sometimes\n") ==
        std::vector<std::string>{"s.yaml:2:15: error[SCN001]: addressing: merge_vrfs: expected "
                                 "true, false or a list of VRF names"});
  CHECK(Problems("addressing:\n  supernet: 10.0.0.0/8\n  per_org_block: 14\n  ipv6:\n"
                 "    supernet: 172.16.0.0/12\n    per_org_block: 16\n") ==
        std::vector<std::string>{"s.yaml:5:15: error[SCN001]: addressing: ipv6: supernet: "
                                 "expected an IPv6 prefix beside the IPv4 supernet"});
}

TEST_CASE("halls may keep U for PDUs at the bottom of each rack", "[planners][scenario]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario("halls:\n  - name: DC1\n    rack_pdu_u: 0\n  - name: DC2\n",
                                   "s.yaml", d);
  REQUIRE(s);
  CHECK(s->halls[0].rack_pdu_u == 0);
  CHECK(s->halls[1].rack_pdu_u == 2);
  CHECK(Problems("halls:\n  - name: DC1\n    rack_u: 24\n    rack_pdu_u: 30\n") ==
        std::vector<std::string>{
            "s.yaml:4:17: error[SCN001]: halls: rack_pdu_u: must not exceed rack_u (24), got "
            "'30'"});
}

TEST_CASE("a hall may quote its running cost per year", "[planners][scenario]") {
  core::Diagnostics d;
  auto s = planners::ParseScenario(
      "halls:\n  - name: DC1\n    running_per_year: 1200,5\n  - {name: DC2, running_per_year: 0}\n"
      "  - name: DC3\n",
      "s.yaml", d);
  REQUIRE(s);
  CHECK(d.total() == 0);
  REQUIRE(s->halls.size() == 3);
  CHECK(s->halls[0].running_per_year == 1200.5);
  CHECK(s->halls[1].running_per_year == 0.0);
  CHECK_FALSE(s->halls[2].running_per_year);
  CHECK(Problems("halls:\n  - name: DC1\n    running_per_year: -5\n  - name: DC2\n"
                 "    running_per_year: mycket\n") ==
        std::vector<std::string>{
            "s.yaml:3:23: error[SCN001]: halls: running_per_year: must not be negative, got '-5'",
            "s.yaml:5:23: error[SCN001]: halls: running_per_year: expected a number, got "
            "'mycket'"});
}

TEST_CASE("orgs the store lacks are located errors naming the closest", "[planners][scenario]") {
  const std::vector<std::string> store = {"gislaved", "gnosjo", "hylte", "vaggeryd", "varnamo"};
  core::Diagnostics d;
  auto s = planners::ParseScenario(
      "orgs: [gislaved, gnosjoo, varnamo]\n"
      "halls:\n"
      "  - name: DC1\n"
      "    from: varnam/Stadshuset/Serverhall 1\n"
      "  - name: DC2\n"
      "    from: hylte/Rådhuset/Serverrum\n",
      "s.yaml", d);
  REQUIRE(s);
  CHECK_FALSE(planners::CheckScenarioOrgs(*s, store, d));
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  CHECK(lines ==
        std::vector<std::string>{
            "s.yaml:1:18: error[SCN010]: orgs: no org 'gnosjoo' in the store; did you mean "
            "'gnosjo'?",
            "s.yaml:4:11: error[SCN010]: hall 'DC1': from: no org 'varnam' in the store; did "
            "you mean 'varnamo'?",
            "s.yaml:6:11: error[SCN011]: hall 'DC2': from: 'hylte/Rådhuset/Serverrum' is in "
            "org 'hylte', which the scenario's orgs leave out"});

  core::Diagnostics fine;
  auto known = planners::ParseScenario(
      "orgs: [gnosjo, hylte]\nhalls:\n  - name: DC1\n    from: hylte/Rådhuset/Serverrum\n",
      "s.yaml", fine);
  REQUIRE(known);
  CHECK(planners::CheckScenarioOrgs(*known, store, fine));
  CHECK(fine.total() == 0);
}
