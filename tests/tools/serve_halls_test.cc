// samdrift serve's Hallar page API (tools/serve/routes_halls.cc): the hall ranking of
// `halls --choose`, a set taken into a scenario (its new halls' quoted running cost with it).
#include <catch2/catch.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/tools/serve_util.h"

using namespace samdrift::testing;

namespace {

// The `halls:` block of `scenario_halls`, as the Hallar page's button writes it (yaml_halls.js).
std::string HallsYaml(const json& scenario_halls) {
  std::string halls = "halls:\n";
  for (const json& h : scenario_halls) {
    halls += "  - name: " + h["name"].dump() + "\n";
    if (h.contains("from")) halls += "    from: " + h["from"].dump() + "\n";
    halls += "    role: " + h["role"].get<std::string>() + "\n";
    for (const char* key : {"positions", "power_kw", "cooling_kw", "running_per_year"}) {
      if (h.contains(key)) halls += std::string("    ") + key + ": " + h[key].dump() + "\n";
    }
  }
  return halls;
}

// `yaml` with its top-level `halls:` block (up to `redundancy:`) replaced by `halls`.
std::string WithHalls(std::string yaml, const std::string& halls) {
  const std::size_t from = yaml.find("\nhalls:\n") + 1;
  const std::size_t to = yaml.find("\nredundancy:", from) + 1;
  REQUIRE(to > from);
  return yaml.replace(from, to - from, halls);
}

}  // namespace

// Which halls should remain: the route answers what `halls --choose --json` answers, and a set's
// `scenario_halls` written as the scenario's `halls:` make the hall plan that set's.
TEST_CASE("serve: /api/halls/choose answers halls --choose, and a set taken in re-plans",
          "[serve][siting]") {
  const fs::path dir = WritableCopy("serve-choose");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const CliResult cli = RunCli(dir, "--db samdrift.db halls --choose --json --scenario '" +
                                        (dir / "scenarios" / "scenario.yaml").string() + "'");
  INFO(cli.err);
  REQUIRE(cli.exit_code == 0);
  auto start = std::chrono::steady_clock::now();
  const json choice = Body(client->Get("/api/halls/choose?scenario=scenario"));
  std::cout << "serve timing: GET /api/halls/choose?scenario=scenario: " << Millis(start)
            << " ms\n";
  CHECK(choice == json::parse(cli.out));
  CHECK(client->Get("/api/halls/choose?scenario=nope")->status == 404);
  CHECK(client->Get("/api/halls/choose?scenario=../x")->status == 400);

  // The second-ranked set into a copy of the scenario, as the Hallar page's button does.
  const json& second = choice["sets"][1];
  const std::string yaml =
      WithHalls(Slurp(dir / "scenarios" / "scenario.yaml"), HallsYaml(second["scenario_halls"]));
  auto put = client->Put("/api/scenarios/second", WithToken(*server), yaml, "text/yaml");
  REQUIRE(put);
  INFO(put->body);
  REQUIRE(put->status == 201);
  const json plan = Body(client->Get("/api/halls?scenario=second"));
  REQUIRE(plan["halls"].size() == second["scenario_halls"].size());
  for (std::size_t i = 0; i < plan["halls"].size(); ++i) {
    CHECK(plan["halls"][i]["name"] == second["scenario_halls"][i]["name"]);
  }
  CHECK(plan["buy"]["racks"] == second["racks_bought"]);
}

// A new hall's quoted running cost (siting.candidates: running_per_year) goes with the set into
// the scenario's `halls:` and compare prices the hall at it, as the ranking did.
TEST_CASE("serve: a set taken in keeps its new hall's running_per_year for compare's costs",
          "[serve][siting]") {
  const fs::path dir = WritableCopy("serve-choose-quoted");
  std::string scenario = Slurp(dir / "scenarios" / "scenario.yaml");
  const std::string investment = "investment: 6000000}";
  REQUIRE(scenario.find(investment) != std::string::npos);
  scenario.replace(scenario.find(investment), investment.size(),
                   "investment: 6000000, running_per_year: 250000}");
  WriteText(dir / "scenarios" / "quoted.yaml", scenario);
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const json choice = Body(client->Get("/api/halls/choose?scenario=quoted"));
  const json* with_new = nullptr;
  for (const json& set : choice["sets"]) {
    for (const json& h : set["scenario_halls"]) {
      if (!h.contains("from") && !with_new) with_new = &set;
    }
  }
  REQUIRE(with_new);
  const json& set = *with_new;
  for (const json& h : set["scenario_halls"]) {
    if (h.contains("from")) {
      CHECK_FALSE(h.contains("running_per_year"));
    } else {
      CHECK(h["running_per_year"] == 250000);
    }
  }
  auto put = client->Put("/api/scenarios/taken", WithToken(*server),
                         WithHalls(scenario, HallsYaml(set["scenario_halls"])), "text/yaml");
  REQUIRE(put);
  INFO(put->body);
  REQUIRE(put->status == 201);
  CHECK(Slurp(dir / "scenarios" / "taken.yaml").find("    running_per_year: 250000") !=
        std::string::npos);
  const json compare = Body(client->Get("/api/compare?scenario=taken"));
  INFO(compare.dump());
  const json& costs = compare["scenarios"][0]["costs"];
  // The set's running cost was priced with the quote; the taken-in scenario's is the same.
  // (the ranking rounds to whole units; without the key the new hall would be priced at
  // per_year.hall, its racks and power instead, not the quote).
  CHECK(costs["running_per_year_target"].get<double>() ==
        Approx(set["running_per_year"].get<double>()).margin(1));
}
