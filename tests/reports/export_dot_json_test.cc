#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/export_dot.h"
#include "reports/export_json.h"
#include "tests/reports/export_util.h"

using namespace samdrift;

namespace {

core::Estate Loaded(const core::Batch& batch) {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  REQUIRE((*store)->Apply(batch).ok());
  auto estate = (*store)->LoadEstate({});
  REQUIRE(estate.ok());
  return std::move(*estate);
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

bool HaveDot() { return std::system("command -v dot >/dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("DOT: nodes per asset, edges per relation, clusters per org", "[planners][export][dot]") {
  core::Estate estate = Loaded(testing::ExportBatch());
  estate.org_names = {{"gnosjo", "Gnosj\xC3\xB6"}};  // the store's display name
  reports::DotExport out = reports::WriteDot(estate, {});
  CHECK(out.nodes == estate.assets.size());
  CHECK(out.unresolved == 1);
  CHECK(out.dot.rfind("digraph samdrift {\n", 0) == 0);
  CHECK(out.dot.substr(out.dot.size() - 2) == "}\n");
  CHECK(Count(out.dot, "subgraph cluster_") == 2);
  CHECK(out.dot.find("label=\"Gnosjö\"") != std::string::npos);
  CHECK(out.dot.find("label=\"varnamo\"") != std::string::npos);  // no name: the id
  // Quotes and backslashes escaped, markup kept as text.
  CHECK(out.dot.find("label=\"<b>Evil</b> & Co \\\"AB\\\" \\\\N\"") != std::string::npos);
  CHECK(Count(out.dot, " -> ") == out.edges);
  CHECK(Count(out.dot, "[label=\"runs_on\"") == 1);
  CHECK(Count(out.dot, "[label=\"powered_by\"") == 1);
  // located_in from the location fields as well as the explicit one.
  CHECK(Count(out.dot, "[label=\"located_in\"") >= 6);
  CHECK(reports::WriteDot(estate, {}).dot == out.dot);
}

TEST_CASE("DOT filters by org, category and relation kind", "[planners][export][dot]") {
  core::Estate estate = Loaded(testing::ExportBatch());
  struct Case {
    const char* name;
    reports::DotFilter filter;
    std::size_t nodes;
    std::size_t edges;
  };
  const Case cases[] = {
      {"org", {{"varnamo"}, {}, {}}, 3, 1},
      {"category", {{}, {core::Category::kPlatform}, {}}, 6, 3},
      {"relation", {{}, {}, {core::RelationKind::kRunsOn}}, 2, 1},
      {"org and relation", {{"varnamo"}, {}, {core::RelationKind::kDependsOn}}, 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    reports::DotExport out = reports::WriteDot(estate, c.filter);
    CHECK(out.nodes == c.nodes);
    CHECK(out.edges == c.edges);
    CHECK(Count(out.dot, " -> ") == c.edges);
  }
}

TEST_CASE("Graphviz renders the DOT", "[planners][export][dot]") {
  if (!HaveDot()) {
    WARN("graphviz 'dot' is not installed (scripts/setup.sh installs it); not rendered");
    return;
  }
  core::Estate estate = Loaded(testing::ExportBatch());
  auto dir = std::filesystem::temp_directory_path() / "samdrift-export-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "model.dot") << reports::WriteDot(estate, {}).dot;
  const std::string command = "dot -Tsvg '" + (dir / "model.dot").string() + "' -o '" +
                              (dir / "model.svg").string() + "' 2>'" + (dir / "dot.err").string() +
                              "'";
  CHECK(std::system(command.c_str()) == 0);
  std::ifstream err(dir / "dot.err");
  std::stringstream errors;
  errors << err.rdbuf();
  CHECK(errors.str().empty());
  std::ifstream in(dir / "model.svg");
  std::stringstream svg;
  svg << in.rdbuf();
  CHECK(svg.str().find("&lt;b&gt;Evil&lt;/b&gt; &amp; Co &quot;AB&quot; \\N") != std::string::npos);
  CHECK(svg.str().find("gno&#45;esx01") != std::string::npos);
}

TEST_CASE("JSON has every field of every asset and relation", "[planners][export][json]") {
  core::Estate estate = Loaded(testing::ExportBatch());
  estate.org_names = {{"gnosjo", "Gnosj\xC3\xB6"}};  // the store's display name
  auto json = nlohmann::ordered_json::parse(reports::WriteJson(estate));
  REQUIRE(json["orgs"].size() == 2);
  CHECK(json["orgs"][0]["id"] == "gnosjo");
  CHECK(json["orgs"][0]["name"] == "Gnosjö");
  CHECK(json["orgs"][1]["relations"] == 1);
  REQUIRE(json["assets"].size() == estate.assets.size());
  const std::vector<std::string> keys = {"org",
                                         "kind",
                                         "key",
                                         "name",
                                         "category",
                                         "role",
                                         "vendor",
                                         "product",
                                         "version",
                                         "serial",
                                         "site",
                                         "hall",
                                         "rack",
                                         "position",
                                         "u_height",
                                         "power_w",
                                         "redundancy_group",
                                         "criticality",
                                         "eol",
                                         "estimated",
                                         "attributes",
                                         "source_file"};
  for (const auto& a : json["assets"]) {
    std::vector<std::string> have;
    for (const auto& [k, v] : a.items()) have.push_back(k);
    CHECK(have == keys);
  }
  auto esx = std::find_if(json["assets"].begin(), json["assets"].end(),
                          [](const auto& a) { return a["name"] == "gno-esx01"; });
  REQUIRE(esx != json["assets"].end());
  CHECK((*esx)["power_w"] == 712.5);
  CHECK((*esx)["position"] == 10);
  CHECK((*esx)["estimated"] == true);
  CHECK((*esx)["attributes"]["mac"] == "aa:bb:cc:dd:ee:ff");
  CHECK((*esx)["key"] == "gno-esx01");
  REQUIRE(json["relations"].size() == estate.relations.size());
  std::size_t unresolved = 0;
  for (const auto& r : json["relations"]) {
    CHECK(r.size() == 11);
    if (!r["resolved"]) ++unresolved;
  }
  CHECK(unresolved == 1);
  auto cable = std::find_if(json["relations"].begin(), json["relations"].end(),
                            [](const auto& r) { return r["kind"] == "connected_to"; });
  CHECK((*cable)["source_port"] == "vmnic0");
  CHECK((*cable)["target_port"] == "Gi1/0/1");
}

TEST_CASE("JSON order does not depend on import order", "[planners][export][json]") {
  core::Batch forward = testing::ExportBatch();
  core::Batch backward = forward;
  std::reverse(backward.assets.begin(), backward.assets.end());
  std::reverse(backward.relations.begin(), backward.relations.end());
  CHECK(reports::WriteJson(Loaded(forward)) == reports::WriteJson(Loaded(backward)));
  auto json = nlohmann::json::parse(reports::WriteJson(Loaded(forward)));
  std::vector<std::string> order;
  for (const auto& a : json["assets"]) {
    order.push_back(a["org"].get<std::string>() + "/" + a["key"].get<std::string>());
  }
  CHECK(order.front() == "gnosjo/Gnosjö kommunhus");
  CHECK(order.back() == "varnamo/Lönesystem");
}
