// The Gantt chart's milestones: readable over the bars, inside the chart.
#include "reports/svg_chart.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <string>

using namespace samdrift;

namespace {

planners::Gantt OneYear() {
  planners::Gantt g;
  g.rows = {"Värnamo"};
  for (int q = 1; q <= 4; ++q) {
    const std::string start = "2027-" + std::string(q < 4 ? "0" : "") + std::to_string(q * 3 - 2);
    const std::string end = q == 1   ? "2027-03-31"
                            : q == 2 ? "2027-06-30"
                            : q == 3 ? "2027-09-30"
                                     : "2027-12-31";
    g.quarters.push_back({2027, q, start + "-01", end});
  }
  // A bar after the first closure, where its label runs; a closure at the chart's end.
  g.bars.push_back({"Värnamo", planners::Track::kPhysical, 2, "2027-04-10", "2027-04-20", 3, 40});
  g.milestones.push_back({"Värnamo", "Räddningsstationen/Serverhall 2", "2027-03-31", 1});
  g.milestones.push_back({"Värnamo", "Stadshuset/Serverhall 1", "2027-12-20", 3});
  return g;
}

}  // namespace

TEST_CASE("Gantt milestones: labels on a halo above the bars, left of a late diamond",
          "[reports][svg][gantt]") {
  const std::string svg = reports::GanttChart(OneYear(), planners::Track::kPhysical, true,
                                              {"Gantt", "Q", "items", "wave", "emptied"});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  int labels = 0;
  for (const pugi::xpath_node& n : doc.select_nodes("//g/text")) {
    const pugi::xml_node text = n.node();
    const std::string label = text.child_value();
    if (label.find("Serverhall") == std::string::npos) continue;
    ++labels;
    // A white outline drawn under the letters: a bar below stays readable.
    CHECK(std::string(text.attribute("stroke").value()) == "#fff");
    CHECK(std::string(text.attribute("paint-order").value()) == "stroke");
    const bool late = label.rfind("Stadshuset", 0) == 0;
    CHECK(std::string(text.attribute("text-anchor").value()) == (late ? "end" : "start"));
  }
  CHECK(labels == 2);
  // The bar comes before the labels in the document: drawn under them.
  CHECK(svg.find("wave 2") < svg.find("Räddningsstationen/Serverhall 2<"));
}
