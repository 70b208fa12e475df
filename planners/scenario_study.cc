// The scenario keys that model one of the study's alternatives: which alternative, which areas
// are pooled, where the prices are, and the group's own scores for criteria 1-4.
#include <algorithm>
#include <filesystem>

#include "core/text.h"
#include "planners/scenario_read.h"

namespace samdrift::planners {
namespace {

void ReadAlternative(YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node alternative = root["alternative"]) {
    s.alternative = r.Text(alternative, "alternative").value_or("");
  }
}

// `pooled: [datacenter, network, platform]`: areas of the model vocabulary, each once.
void ReadPooled(YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node pooled = root["pooled"];
  if (!pooled) return;
  if (!pooled.IsSequence()) {
    r.Error(pooled, "pooled: expected a list of areas (datacenter, network, platform, client)");
    return;
  }
  std::vector<std::string> areas;
  for (core::Category c : core::kAllCategories) areas.emplace_back(core::ToString(c));
  std::vector<core::Category> list;
  for (const YAML::Node& item : pooled) {
    auto text = r.Text(item, "pooled");
    if (!text) continue;
    auto area = core::ParseCategory(*text);
    if (!area) {
      const std::string closest = core::ClosestName(*text, areas);
      r.Error(item, "pooled: unknown area '" + *text + "'; expected " + core::Join(areas, ", ") +
                        (closest.empty() ? "" : " (did you mean '" + closest + "'?)"));
      continue;
    }
    if (std::find(list.begin(), list.end(), *area) != list.end()) {
      r.Error(item, "pooled: '" + *text + "' is named twice");
      continue;
    }
    list.push_back(*area);
  }
  s.pooled = std::move(list);
  s.locations["pooled"] = r.At(pooled);
}

void ReadCosts(YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node costs = root["costs"];
  if (!costs) return;
  s.costs = r.Text(costs, "costs").value_or("");
  s.locations["costs"] = r.At(costs);
  if (s.costs.empty()) r.Error(costs, "costs: expected the path of a costs file");
}

// `criteria: {1: {score: 3, note: "..."}}`: the group's scores for the criteria an inventory
// cannot tell (1-4); 5-7 are computed.
void ReadCriterion(YamlReader& r, const YAML::Node& key, const YAML::Node& value, Scenario& s) {
  const std::string text = key.Scalar();
  const auto number = core::ParseInteger(text);
  if (!number || *number < 1 || *number > 7) {
    r.Error(key, "criteria: expected a criterion number 1 to 4, got '" + text + "'");
    return;
  }
  if (*number > 4) {
    r.Error(key, "criteria: " + text +
                     " is computed from the inventory and the plan; enter only criteria 1 to 4");
    return;
  }
  if (!value.IsMap() || !value["score"]) {
    r.Error(value, "criteria: " + text + ": expected {score: 1-4, note: \"...\"}");
    return;
  }
  r.CheckKeys(value, {"score", "note"}, "criteria: " + text);
  EnteredCriterion c;
  c.where = r.At(key);
  const auto score = r.Number(value["score"], "criteria: " + text + ": score", NumberKind::kWhole);
  if (!score) return;
  if (*score < 1 || *score > 4) {
    r.Error(value["score"],
            "criteria: " + text + ": score: must be 1 to 4, got '" + value["score"].Scalar() + "'");
    return;
  }
  c.score = static_cast<int>(*score);
  if (value["note"]) c.note = r.Text(value["note"], "criteria: note").value_or("");
  s.criteria[static_cast<int>(*number)] = std::move(c);
}

void ReadCriteria(YamlReader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node criteria = root["criteria"];
  if (!criteria) return;
  if (!criteria.IsMap()) {
    r.Error(criteria, "criteria: expected 'number: {score, note}' pairs");
    return;
  }
  for (const auto& item : criteria) ReadCriterion(r, item.first, item.second, s);
}

}  // namespace

void ReadStudyKeys(YamlReader& r, const YAML::Node& root, Scenario& s) {
  ReadAlternative(r, root, s);
  ReadPooled(r, root, s);
  ReadCosts(r, root, s);
  ReadCriteria(r, root, s);
}

void ResolveCostsPath(const std::string& scenario_path, Scenario& s) {
  if (s.costs.empty()) return;
  const std::filesystem::path costs(s.costs);
  if (costs.is_absolute()) return;
  s.costs =
      (std::filesystem::path(scenario_path).parent_path() / costs).lexically_normal().string();
}

}  // namespace samdrift::planners
