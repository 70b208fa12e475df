// samdrift serve's speed measures, each by what it changes: the planning base loaded at the start
// (the first view finds it kept), a scenario planned once for its views, compare and diff (the
// workspace keeps the run), and an asset's concerns planned only when asked for.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/tools/serve_util.h"
#include "tools/serve/scenario_diff.h"
#include "tools/serve/workspace.h"

using namespace samdrift::testing;
using samdrift::tools::serve::Workspace;

TEST_CASE("serve: the planning base loads at the start, and the first view finds it",
          "[serve][speed]") {
  for (const bool preload : {true, false}) {
    INFO("preload " << preload);
    ServeOptions options = Options(DemoDir(), "out/samdrift.db");
    options.preload = preload;
    auto server = Start(options);
    auto client = ClientOf(*server);
    auto r = client->Get("/api/overlap?scenario=scenario");
    REQUIRE(r);
    CHECK(r->status == 200);
    // Server-Timing's first step: the base loaded by this request, or kept from the start.
    const std::string timing = r->get_header_value("Server-Timing");
    CHECK(timing.substr(0, timing.find(';')) == (preload ? "base-kept" : "base"));
  }
}

TEST_CASE("serve: a scenario is planned once for its views, compare and diff", "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-plan-once");
  std::string changed = Slurp(dir / "scenarios" / "scenario.yaml");
  const std::string hours = "  max_hours: 300\n";
  REQUIRE(changed.find(hours) != std::string::npos);
  changed.replace(changed.find(hours), hours.size(), "  max_hours: 150\n");
  WriteText(dir / "scenarios" / "prov.yaml", changed);
  Workspace workspace((dir / "samdrift.db").string(), dir / "scenarios");
  auto lock = workspace.Lock();
  REQUIRE(workspace.Load().ok());
  CHECK_FALSE(workspace.HasPlan({"scenario"}));
  // The target alone plans the target only; any other view plans every step, once.
  CHECK(workspace.View("target", {"scenario"}).status == 200);
  CHECK(workspace.plans() == 1);
  CHECK_FALSE(workspace.HasPlan({"scenario"}));
  for (const char* view : {"plan", "halls", "risk", "compare"}) {
    INFO(view);
    CHECK(workspace.View(view, {"scenario"}).status == 200);
    CHECK(workspace.plans() == 2);
  }
  CHECK(workspace.HasPlan({"scenario"}));
  CHECK(workspace.View("target", {"scenario"}, "sv").status == 200);  // from the kept run
  CHECK(workspace.plans() == 2);
  // "Save as new, then its figures and diff": the new scenario's compare plans it, the diff
  // reuses that run and the origin's kept answers.
  CHECK(workspace.View("compare", {"prov"}).status == 200);
  CHECK(workspace.plans() == 3);
  const auto diff = samdrift::tools::serve::ScenarioDiff(workspace, "scenario", "prov");
  REQUIRE(diff.status == 200);
  CHECK(workspace.plans() == 3);
  CHECK(json::parse(diff.body)["to"] == "prov");
  // It reads the views as the workspace keeps them parsed: each of both scenarios' plan, halls,
  // target and compare once; a second diff parses and plans nothing and answers the same.
  CHECK(workspace.parses() == 8);
  const auto again = samdrift::tools::serve::ScenarioDiff(workspace, "scenario", "prov");
  CHECK(again.body == diff.body);
  CHECK(workspace.parses() == 8);
  CHECK(workspace.plans() == 3);
}

TEST_CASE("serve: the scenario a diff comes from stays planned while others are planned",
          "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-runs-kept");
  const std::string text = Slurp(dir / "scenarios" / "scenario.yaml");
  const std::string hours = "  max_hours: 300\n";
  REQUIRE(text.find(hours) != std::string::npos);
  Workspace workspace((dir / "samdrift.db").string(), dir / "scenarios");
  auto lock = workspace.Lock();
  REQUIRE(workspace.Load().ok());
  REQUIRE(workspace.View("plan", {"scenario"}).status == 200);
  // Eight tries of the hours in a wave (the runs kept at most), the origin's halls asked after
  // each: it is the run asked last, so it is kept and never planned again.
  for (int i = 0; i < 8; ++i) {
    std::string changed = text;
    changed.replace(changed.find(hours), hours.size(),
                    "  max_hours: " + std::to_string(200 + i) + "\n");
    WriteText(dir / "scenarios" / "try.yaml", changed);
    REQUIRE(workspace.View("plan", {"try"}).status == 200);
    const std::size_t plans = workspace.plans();
    REQUIRE(workspace.View(i % 2 ? "risk" : "halls", {"scenario"}).status == 200);
    CHECK(workspace.plans() == plans);
  }
  CHECK(workspace.plans() == 9);
  CHECK(workspace.HasPlan({"scenario"}));
  // The diff of the last try against it plans neither.
  REQUIRE(samdrift::tools::serve::ScenarioDiff(workspace, "scenario", "try").status == 200);
  CHECK(workspace.plans() == 9);
}

TEST_CASE("serve: an asset's concerns are planned only when asked for (concerns=kept, then 1)",
          "[serve][speed]") {
  ServeOptions options = Options(DemoDir(), "out/samdrift.db");
  options.preload = false;
  auto server = Start(options);
  auto client = ClientOf(*server);
  const json page = Body(client->Get("/api/assets?limit=1&sort=name&category=platform"));
  REQUIRE(page["rows"].size() == 1);
  const json& row = page["rows"][0];
  const std::string path = "/api/assets/" + row["org"].get<std::string>() + "/" +
                           row["kind"].get<std::string>() + "/" +
                           httplib::detail::encode_query_param(row["key"].get<std::string>());
  const json asked = Body(client->Get(path + "?concerns=kept&scenario=scenario"));
  CHECK(asked["concerns_planned"] == false);
  CHECK_FALSE(asked.contains("gaps"));
  CHECK(asked["asset"] == row);
  const json planned = Body(client->Get(path + "?concerns=1&scenario=scenario"));
  REQUIRE(planned.contains("gaps"));
  CHECK_FALSE(planned.contains("concerns_planned"));
  // Once the plan is kept, concerns=kept answers them at once, the same as concerns=1.
  CHECK(Body(client->Get(path + "?concerns=kept&scenario=scenario")) == planned);
}
