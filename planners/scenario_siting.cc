// The scenario's `siting:` block (halls --choose): count, distances, weights and the candidate
// new halls with their capacity, position and quoted costs.
#include <string>

#include "core/text.h"
#include "planners/scenario_read.h"

namespace samdrift::planners {

using Reader = YamlReader;

namespace {

// A signed decimal within [-limit, limit] (latitude 90, longitude 180).
std::optional<double> ReadDegrees(Reader& r, const YAML::Node& node, const std::string& what,
                                  double limit) {
  auto text = r.Text(node, what);
  if (!text) return std::nullopt;
  std::optional<double> value = core::ParseNumber(*text);
  if (!value || *value < -limit || *value > limit) {
    r.Error(node, what + ": expected decimal degrees from " +
                      std::to_string(static_cast<int>(-limit)) + " to " +
                      std::to_string(static_cast<int>(limit)) + ", got '" + *text + "'");
    return std::nullopt;
  }
  return value;
}

void ReadSitingCandidate(Reader& r, const YAML::Node& node, Siting& siting) {
  if (!node.IsMap()) {
    r.Error(node, "siting: candidates: each candidate is a mapping (name, site, latitude, ...)");
    return;
  }
  r.CheckKeys(node,
              {"name", "site", "latitude", "longitude", "positions", "power_kw", "cooling_kw",
               "investment", "running_per_year"},
              "a siting candidate");
  SitingCandidate c;
  c.where = r.At(node);
  if (node["name"]) c.name = r.Text(node["name"], "siting: candidates: name").value_or("");
  if (c.name.empty()) r.Error(node, "siting: candidates: every candidate needs a name");
  if (node["site"]) c.site = r.Text(node["site"], "siting: candidates: site").value_or("");
  if (node["latitude"]) {
    c.latitude = ReadDegrees(r, node["latitude"], "siting: candidates: latitude", 90);
  }
  if (node["longitude"]) {
    c.longitude = ReadDegrees(r, node["longitude"], "siting: candidates: longitude", 180);
  }
  auto number = [&](const char* key, bool whole) -> double {
    if (!node[key]) return 0;
    return r.Number(node[key], std::string("siting: candidates: ") + key, whole).value_or(0);
  };
  c.positions = static_cast<int>(number("positions", true));
  c.power_kw = number("power_kw", false);
  c.cooling_kw = number("cooling_kw", false);
  if (node["investment"]) {
    c.investment = r.Number(node["investment"], "siting: candidates: investment", false);
  }
  if (node["running_per_year"]) {
    c.running_per_year =
        r.Number(node["running_per_year"], "siting: candidates: running_per_year", false);
  }
  std::vector<std::string> missing;
  if (c.positions <= 0) missing.push_back("positions");
  if (c.power_kw <= 0) missing.push_back("power_kw");
  if (c.cooling_kw <= 0) missing.push_back("cooling_kw");
  if (!missing.empty()) {
    r.Error(node, "siting: candidates: '" + c.name + "' needs " + core::Join(missing, ", ") +
                      " (its capacity: rack positions, IT power and cooling in kW)");
  }
  siting.candidates.push_back(std::move(c));
}

}  // namespace

void ReadSiting(Reader& r, const YAML::Node& node, Scenario& s) {
  Siting& siting = s.siting;
  siting.where = r.At(node);
  if (!node.IsMap()) {
    r.Error(node, "siting: expected count, min_distance_km, max_distance_km, candidates");
    return;
  }
  r.CheckKeys(
      node,
      {"count", "min_distance_km", "max_distance_km", "route_factor", "weights", "candidates"},
      "siting");
  if (node["count"]) {
    siting.where = r.At(node["count"]);
    if (auto v = r.Number(node["count"], "siting: count", true)) {
      if (*v < 1) {
        r.Error(node["count"], "siting: count: must be at least 1");
      } else {
        siting.count = static_cast<int>(*v);
      }
    }
  }
  auto number = [&](const YAML::Node& map, const char* key, std::string_view where, double& out) {
    if (!map[key]) return;
    if (auto v = r.Number(map[key], std::string(where) + key, false)) out = *v;
  };
  number(node, "min_distance_km", "siting: ", siting.min_distance_km);
  number(node, "max_distance_km", "siting: ", siting.max_distance_km);
  number(node, "route_factor", "siting: ", siting.route_factor);
  if (siting.route_factor < 1) {
    r.Error(node["route_factor"],
            "siting: route_factor: must be at least 1 (a fibre route is "
            "never shorter than the great circle)");
    siting.route_factor = 1;
  }
  if (siting.min_distance_km > siting.max_distance_km) {
    r.Error(node, "siting: min_distance_km must not exceed max_distance_km");
  }
  if (const YAML::Node weights = node["weights"]) {
    r.CheckKeys(weights, {"kw_moved", "distance_km"}, "siting: weights");
    double kw_moved = 0;
    if (weights["kw_moved"]) {
      number(weights, "kw_moved", "siting: weights: ", kw_moved);
      siting.weight_kw_moved = kw_moved;
    }
    number(weights, "distance_km", "siting: weights: ", siting.weight_distance_km);
  }
  if (const YAML::Node candidates = node["candidates"]) {
    if (!candidates.IsSequence()) {
      r.Error(candidates, "siting: candidates: expected a list of new halls");
    } else {
      for (const YAML::Node& c : candidates) ReadSitingCandidate(r, c, siting);
    }
  }
}

}  // namespace samdrift::planners
