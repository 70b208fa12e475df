#include "planners/scenario.h"

#include <catch2/catch.hpp>

using namespace samdrift;
using planners::ParseScenario;

namespace {

std::string Formatted(const core::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += core::FormatDiagnostic(item) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the contract's scenario parses", "[planners][scenario]") {
  const char* text = R"(name: Alternativ 1
orgs: [gislaved, gnosjo, varnamo, vaggeryd, hylte]   # optional subset
standards:                 # capability: technology id
  hypervisor: vmware-esxi-8
  server-os: microsoft-windows-server-2022
halls:                     # the target halls
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
    positions: 8
    power_kw: 40,5
redundancy: split
waves:
  max_items: 150
  max_kw: 20
  max_hours: 300
addressing: {supernet: 10.0.0.0/8, per_org_block: /14}
date: 2027-01-01
effort:
  vm: {migrate: 3}
  core-switch: {replace: 24.5}
)";
  core::Diagnostics d;
  auto s = ParseScenario(text, "scenario.yaml", d);
  INFO(Formatted(d));
  REQUIRE(s.ok());
  CHECK(d.total() == 0);
  CHECK(s->name == "Alternativ 1");
  CHECK(s->orgs == std::vector<std::string>{"gislaved", "gnosjo", "varnamo", "vaggeryd", "hylte"});
  REQUIRE(s->standards.size() == 2);
  CHECK(s->standards[0].capability == "hypervisor");
  CHECK(s->standards[0].technology == "vmware-esxi-8");
  CHECK(s->standards[0].where.line == 4);
  CHECK(s->standards[0].where.column == 3);
  REQUIRE(s->StandardFor("server-os") != nullptr);
  CHECK(s->StandardFor("storage") == nullptr);
  REQUIRE(s->halls.size() == 2);
  CHECK(s->halls[0].from == "varnamo/Stadshuset/Serverhall 1");
  CHECK(s->halls[0].role == planners::HallRole::kPrimary);
  CHECK(s->halls[0].positions == 12);
  CHECK(s->halls[0].rack_power_kw == 8.0);
  CHECK(s->halls[1].role == planners::HallRole::kSecondary);
  CHECK(s->halls[1].power_kw == 40.5);
  CHECK_FALSE(s->halls[1].rack_u.has_value());
  CHECK(s->redundancy == planners::Redundancy::kSplit);
  CHECK(s->waves.max_items == 150);
  CHECK(s->waves.max_hours == 300.0);
  REQUIRE(s->addressing.has_value());
  CHECK(s->addressing->supernet == "10.0.0.0/8");
  CHECK(s->addressing->per_org_block == "/14");
  CHECK(s->date == "2027-01-01");
  REQUIRE(s->effort.size() == 2);
  CHECK(s->effort[1].subject == "core-switch");
  CHECK(s->effort[1].action == "replace");
  CHECK(s->effort[1].hours == 24.5);
}

TEST_CASE("scenario errors are located, every one reported", "[planners][scenario]") {
  struct Case {
    const char* name;
    const char* text;
    const char* expected;
  };
  const Case cases[] = {
      {"unknown key", "name: x\nhals: []\n",
       "s.yaml:2:1: error[SCN002]: unknown key 'hals'; did you mean 'halls'?\n"},
      {"unknown hall key", "halls:\n  - name: DC1\n    power: 60\n",
       "s.yaml:3:5: error[SCN002]: unknown key 'power' in a hall; did you mean 'power_kw'?\n"},
      {"bad number", "waves:\n  max_items: many\n",
       "s.yaml:2:14: error[SCN004]: waves: max_items: expected a whole number, got 'many'\n"},
      {"negative", "halls:\n  - {name: A, power_kw: -5}\n",
       "s.yaml:2:25: error[SCN004]: halls: power_kw: must not be negative, got '-5'\n"},
      {"bad role and missing name", "halls:\n  - role: tertiary\n",
       "s.yaml:2:11: error[SCN004]: halls: role: expected 'primary' or 'secondary', got "
       "'tertiary'\n"
       "s.yaml:2:5: error[SCN005]: halls: a hall needs a 'name'\n"},
      {"bad date", "date: 2027-02-30\n",
       "s.yaml:1:7: error[SCN004]: date: expected a date written yyyy-mm-dd, got '2027-02-30'\n"},
      {"bad effort action", "effort:\n  vm: {move: 2}\n",
       "s.yaml:2:8: error[SCN002]: unknown key 'move' in effort: vm; known keys: upgrade, replace, "
       "migrate, retire\n"},
      {"duplicate standard", "standards:\n  hypervisor: a\n  hypervisor: b\n",
       "s.yaml:3:3: error[SCN006]: standards: capability 'hypervisor' appears twice\n"},
      {"bad org", "orgs: [Gnosjo, gnosjo, gnosjo]\n",
       "s.yaml:1:8: error[SCN004]: orgs: 'Gnosjo' is not an org id (lowercase letters, digits, "
       "'-', '_')\n"
       "s.yaml:1:24: error[SCN006]: orgs: 'gnosjo' is listed twice\n"},
      {"syntax", "name: [unclosed\n",
       "s.yaml:2:1: error[SCN001]: not valid YAML: end of sequence flow not found\n"},
      {"not a map", "- a\n- b\n",
       "s.yaml:1:1: error[SCN003]: expected a map at the top level (name:, standards:, halls:, "
       "...)\n"},
      {"redundancy", "redundancy: mirror\n",
       "s.yaml:1:13: error[SCN004]: redundancy: expected 'split' or 'none', got 'mirror'\n"},
      {"hall from", "halls:\n  - name: A\n    from: Serverhall 1\n",
       "s.yaml:3:11: error[SCN004]: halls: from: expected org/site/hall, got 'Serverhall 1'\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    core::Diagnostics d;
    auto s = ParseScenario(c.text, "s.yaml", d);
    CHECK_FALSE(s.ok());
    CHECK(Formatted(d) == c.expected);
  }
}

TEST_CASE("an empty scenario section is allowed, an empty file is not", "[planners][scenario]") {
  core::Diagnostics d;
  CHECK(ParseScenario("name: x\nstandards:\nhalls:\n", "s.yaml", d).ok());
  CHECK(d.total() == 0);
  CHECK_FALSE(ParseScenario("", "s.yaml", d).ok());
  CHECK(Formatted(d) ==
        "s.yaml:1: error[SCN003]: the scenario is empty; expected a map with keys like 'name', "
        "'standards', 'halls'\n");
}
