#include "reports/hall_svg.h"

#include <catch2/catch.hpp>
#include <pugixml.hpp>
#include <set>

using namespace samdrift;
using planners::HallDevice;

namespace {

// Every text node of the document, concatenated with '|'.
std::string AllText(const pugi::xml_document& doc) {
  std::string out;
  for (const pugi::xpath_node& n : doc.select_nodes("//text()")) {
    out += n.node().value();
    out += '|';
  }
  return out;
}

planners::HallPlanInput Awkward() {
  planners::HallPlanInput in;
  planners::HallSpec dc1;
  dc1.name = "DC <1> & \"A\"";
  dc1.positions = 3;
  dc1.power_kw = 40;
  dc1.cooling_kw = 40;
  dc1.from_org = "gnosjo";
  dc1.from_site = "S";
  dc1.from_hall = "H";
  dc1.racks = {{"R/1 'x'", 42}};
  planners::HallSpec dc2 = dc1;
  dc2.name = "DC2";
  dc2.role = planners::HallRole::kSecondary;
  dc2.from_org.clear();
  dc2.racks.clear();
  in.halls = {dc1, dc2};
  auto device = [](std::string name, int u, double kw) {
    HallDevice d;
    d.org = "gnosjo";
    d.name = std::move(name);
    d.role = "server";
    d.u_height = u;
    d.kw = kw;
    return d;
  };
  HallDevice kept = device("srv <&> \"quoted\" 'single'", 2, 0.5);
  kept.site = "S";
  kept.hall = "H";
  kept.rack = "R/1 'x'";
  kept.position = 10;
  in.devices.push_back(kept);
  HallDevice bad_bytes = device(std::string("bad\xff\xfe name \x01 end"), 1, 0.3);
  bad_bytes.estimated = true;
  in.devices.push_back(bad_bytes);
  HallDevice swedish = device("Kärnswitch-Gnosjö-ÅÄÖ-with-a-really-long-name-that-goes-on", 1, 0.2);
  swedish.org = "varnamo";
  in.devices.push_back(swedish);
  in.devices.push_back(device("pdu-strip", 0, 0));
  in.devices.push_back(device("tall", 8, 1.5));
  return in;
}

}  // namespace

TEST_CASE("every SVG of a plan is well-formed and names what it shows", "[reports][svg]") {
  const planners::HallPlanInput in = Awkward();
  const planners::HallPlan plan = planners::PlanHalls(in);
  const auto files = reports::HallPlanSvgs(plan);
  std::set<std::string> names;
  std::size_t racks = 0;
  for (const auto& hall : plan.halls) racks += hall.racks.size();
  REQUIRE(files.size() == plan.halls.size() + racks);
  std::string every_text;
  for (const auto& file : files) {
    INFO(file.name);
    CHECK(names.insert(file.name).second);
    CHECK(file.name.find_first_of("/\\ \"'<>:|?*&") == std::string::npos);
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_string(file.svg.c_str());
    REQUIRE(parsed);
    CHECK(std::string(doc.document_element().name()) == "svg");
    CHECK(std::string(doc.document_element().attribute("xmlns").value()) ==
          "http://www.w3.org/2000/svg");
    CHECK(doc.document_element().attribute("viewBox"));
    every_text += AllText(doc);
  }
  CHECK(names.count("hall-DC__1_____A_.svg") == 1);
  CHECK(names.count("rack-DC__1_____A_-R_1__x_.svg") == 1);
  CHECK(every_text.find("srv <&> \"quoted\" 'single'") != std::string::npos);
  // Bytes that are not UTF-8 and control characters: U+FFFD, as everywhere (reports/escape.h).
  CHECK(every_text.find("bad\uFFFD\uFFFD name \uFFFD end") != std::string::npos);
  CHECK(every_text.find("Kärnswitch-Gnosjö-ÅÄÖ") != std::string::npos);
  CHECK(every_text.find("zero-U: pdu-strip") != std::string::npos);
  CHECK(every_text.find("free") != std::string::npos);
}

TEST_CASE("a rack elevation draws each device at its units", "[reports][svg]") {
  const planners::HallPlanInput in = Awkward();
  const planners::HallPlan plan = planners::PlanHalls(in);
  const auto colours = reports::ColoursForOrgs(plan);
  CHECK(colours.size() == 2);
  const planners::PlannedHall& hall = plan.halls[0];
  const planners::PlannedRack& rack = hall.racks[0];  // the existing rack, device kept at U10
  REQUIRE(rack.name == "R/1 'x'");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(reports::RackElevationSvg(plan, hall, rack, colours).c_str()));
  // The kept 2 U device at U10-U11: 18 px per unit, units counted up from the rack's bottom.
  const int bottom = 58 + 42 * 18;
  bool found = false;
  for (const pugi::xpath_node& g : doc.select_nodes("//g")) {
    const std::string title = g.node().child_value("title");
    if (title.rfind("srv <&>", 0) != 0) continue;
    found = true;
    const pugi::xml_node box = g.node().child("rect");
    CHECK(box.attribute("y").as_int() == bottom - 11 * 18 + 1);
    CHECK(box.attribute("height").as_int() == 2 * 18 - 2);
    // Filled by role; the municipality is the stripe at the left edge.
    CHECK(std::string(box.attribute("fill").value()) != colours.at("gnosjo").colour);
    CHECK(std::string(box.next_sibling("rect").attribute("fill").value()) ==
          colours.at("gnosjo").colour);
    CHECK(title.find("U10–11") != std::string::npos);
    CHECK(title.find("already here") != std::string::npos);
  }
  CHECK(found);
  // One unit label per unit.
  int labels = 0;
  for (const pugi::xpath_node& t : doc.select_nodes("//text")) {
    const std::string v = t.node().child_value();
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos) ++labels;
  }
  CHECK(labels == 2 * 42);  // front and rear
}

TEST_CASE("rack elevations: front and rear, moving in, partners, file names", "[planners][svg]") {
  planners::HallPlanInput in;
  planners::HallSpec hall;
  hall.name = "Gnosjö";
  hall.positions = 2;
  hall.power_kw = hall.cooling_kw = 20;
  planners::HallSpec upper = hall;
  upper.name = "GNOSJÖ";  // differs only by case
  in.halls = {hall, upper};
  in.redundancy = planners::RedundancyRule::kNone;
  HallDevice pdu;
  pdu.org = "gnosjo";
  pdu.name = "pdu-a";
  pdu.role = "pdu";
  pdu.pdu = true;
  pdu.face = "rear";
  pdu.full_depth = false;
  HallDevice fw = pdu;
  fw.name = "fw01";
  fw.role = "firewall";
  fw.pdu = false;
  fw.face = "front";
  fw.model = "Fortinet FortiGate 100F";
  fw.redundancy_group = "fw";
  fw.kw = 0.1;
  HallDevice fw2 = fw;
  fw2.name = "fw02";
  in.devices = {fw, fw2, pdu};
  const planners::HallPlan plan = planners::PlanHalls(in);
  REQUIRE(plan.unplaced.empty());
  std::set<std::string> names;
  for (const auto& f : reports::HallPlanSvgs(plan)) names.insert(f.name);
  CHECK(names.count("hall-Gnosjö.svg") == 1);
  CHECK(names.count("hall-GNOSJÖ-2.svg") == 1);  // not a second file of the same name on macOS

  const planners::PlannedRack& rack = plan.halls[0].racks[0];
  pugi::xml_document doc;
  REQUIRE(doc.load_string(
      reports::RackElevationSvg(plan, plan.halls[0], rack, reports::ColoursForOrgs(plan)).c_str()));
  const int rear_left = 44 + 260 + 44 + 16;
  int pdu_front = 0, pdu_rear = 0, fw_front = 0;
  for (const pugi::xpath_node& g : doc.select_nodes("//g")) {
    const std::string title = g.node().child_value("title");
    const int x = g.node().child("rect").attribute("x").as_int();
    if (title.rfind("pdu-a", 0) == 0) (x >= rear_left ? pdu_rear : pdu_front)++;
    if (title.rfind("fw01", 0) == 0) {
      fw_front += x < rear_left;
      CHECK(std::string(g.node().attribute("class").value()) == "moves-in");
      CHECK(title.find("redundancy group fw with fw02 (Gnosjö/") != std::string::npos);
    }
  }
  CHECK(pdu_front == 0);  // a half-depth PDU at the rear is drawn at the rear only
  CHECK(pdu_rear == 1);
  CHECK(fw_front == 1);
  const std::string text = AllText(doc);
  CHECK(text.find("Fortinet FortiGate 100F") != std::string::npos);
  CHECK(text.find("⇄ gnosjo") != std::string::npos);
  CHECK(text.find("rear") != std::string::npos);
}

TEST_CASE("rack elevations name each municipality as a person reads it, not by its id",
          "[reports][svg]") {
  const planners::HallPlan plan = planners::PlanHalls(Awkward());
  const core::OrgNames names = {{"gnosjo", "Gnosjö"}, {"varnamo", "Värnamo"}};
  std::string every_text;
  for (const auto& f : reports::HallPlanSvgs(plan, reports::Lang::kEn, names)) {
    if (f.name.rfind("rack-", 0) != 0) continue;
    pugi::xml_document doc;
    REQUIRE(doc.load_string(f.svg.c_str()));
    every_text += AllText(doc);
  }
  // On the devices (the label at the right edge and the tooltip), under the rack (zero-U) and in
  // the legend: the display names; the ids nowhere.
  CHECK(every_text.find("|Gnosjö|") != std::string::npos);  // a device's label, the legend
  CHECK(every_text.find("|Värnamo|") != std::string::npos);
  CHECK(every_text.find("(Gnosjö, server)") != std::string::npos);  // a tooltip
  CHECK(every_text.find("zero-U: pdu-strip (Gnosjö, ") != std::string::npos);
  CHECK(every_text.find("gnosjo") == std::string::npos);
  CHECK(every_text.find("varnamo") == std::string::npos);

  // The floor view of a hall made from an org's hall names the org; a key says what the bar
  // colours mean.
  pugi::xml_document floor;
  REQUIRE(floor.load_string(
      reports::HallFloorSvg(plan.halls[0], 0.8, reports::Lang::kEn, names).c_str()));
  const std::string floor_text = AllText(floor);
  CHECK(floor_text.find("DC <1> & \"A\" (primary) · from Gnosjö/S/H|") != std::string::npos);
  CHECK(floor_text.find("|≤ 70 % of the power budget|> 70 % or past the margin (80 %)|> 90 % or "
                        "hall over capacity|") != std::string::npos);
}

TEST_CASE("a site-bound device's tooltip says why it stays in the drawing's language",
          "[reports][svg]") {
  planners::HallPlanInput in = Awkward();
  in.devices[0].site_bound = "the site's core switch: it carries the site's own network";
  const planners::HallPlan plan = planners::PlanHalls(in);
  auto tooltips = [&](reports::Lang lang) {
    std::string text;
    for (const auto& f : reports::HallPlanSvgs(plan, lang, {})) {
      if (f.name.rfind("rack-", 0) == 0) text += f.svg;
    }
    return text;
  };
  const std::string sv = tooltips(reports::Lang::kSv);
  CHECK(sv.find("står kvar: platsens kärnväxel: den bär platsens eget nät") != std::string::npos);
  CHECK(sv.find("carries the site") == std::string::npos);
  CHECK(tooltips(reports::Lang::kEn)
            .find("stays: the site's core switch: it carries the site's own network") !=
        std::string::npos);
}
