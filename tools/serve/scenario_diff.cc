#include "tools/serve/scenario_diff.h"

#include <map>

namespace samdrift::tools::serve {
using nlohmann::json;

namespace {

// A pair when the two differ; null when they are the same.
json Changed(const json& a, const json& b) {
  if (a == b) return nullptr;
  return {{"from", a}, {"to", b}};
}

json Standards(const json& a, const json& b) {
  std::map<std::string, std::pair<json, json>> by_capability;
  for (const json& s : a["standards"]) by_capability[s["capability"]].first = s;
  for (const json& s : b["standards"]) by_capability[s["capability"]].second = s;
  json out = json::array();
  for (const auto& [capability, pair] : by_capability) {
    const json from = pair.first.is_null() ? json(nullptr) : pair.first["technology"];
    const json to = pair.second.is_null() ? json(nullptr) : pair.second["technology"];
    if (from != to) out.push_back({{"capability", capability}, {"from", from}, {"to", to}});
  }
  return out;
}

// Gaps per org and action.
json GapCounts(const json& target) {
  json out = json::object();
  for (const json& g : target["gaps"]) {
    json& n = out[g["org"].get<std::string>()][g["action"].get<std::string>()];
    n = n.is_null() ? 1 : n.get<int>() + 1;
  }
  return out;
}

json Gaps(const json& a, const json& b) {
  const json from = GapCounts(a), to = GapCounts(b);
  json out = json::object();
  for (const json* side : {&from, &to}) {
    for (const auto& [org, counts] : side->items()) {
      const json x = from.value(org, json::object()), y = to.value(org, json::object());
      if (x != y) out[org] = {{"from", x}, {"to", y}};
    }
  }
  return out;
}

json Halls(const json& a, const json& b) {
  std::map<std::string, std::pair<json, json>> by_name;
  auto summary = [](const json& h) {
    json s = h;
    s.erase("racks");
    s["racks"] = h["racks"].size();
    return s;
  };
  for (const json& h : a["halls"]) by_name[h["name"]].first = summary(h);
  for (const json& h : b["halls"]) by_name[h["name"]].second = summary(h);
  json out = json::array();
  for (const auto& [name, pair] : by_name) {
    if (pair.first == pair.second) continue;
    out.push_back({{"name", name}, {"from", pair.first}, {"to", pair.second}});
  }
  return out;
}

// The plan items whose wave differs (or that only one plan has), by id.
json Waves(const json& a, const json& b) {
  std::map<std::string, std::pair<json, json>> by_id;
  for (const json& i : a["items"]) by_id[i["id"].dump()].first = i["wave"];
  for (const json& i : b["items"]) by_id[i["id"].dump()].second = i["wave"];
  json moved = json::array();
  for (const auto& [id, pair] : by_id) {
    if (pair.first != pair.second) {
      moved.push_back({{"id", json::parse(id)}, {"from", pair.first}, {"to", pair.second}});
    }
  }
  return {{"waves", Changed(a["waves"].size(), b["waves"].size())}, {"items_moved", moved}};
}

// Each scenario compared alone (a scenario saved from another often keeps its name, which a
// comparison of the two refuses).
json Figures(const json& compare_a, const json& compare_b) {
  const json& a = compare_a["scenarios"][0];
  const json& b = compare_b["scenarios"][0];
  json out = json::object();
  for (const char* key : {"costs", "halls_in_use", "technologies", "hours", "waves", "end"}) {
    json changed = Changed(a.value(key, json(nullptr)), b.value(key, json(nullptr)));
    if (!changed.is_null()) out[key] = changed;
  }
  return out;
}

}  // namespace

Answer ScenarioDiff(Workspace& workspace, const std::string& from, const std::string& to) {
  std::map<std::string, std::pair<json, json>> views;
  // The plan first: its run (every step) is kept and the halls, the target and compare reuse it.
  for (const char* view : {"plan", "halls", "target"}) {
    Answer a = workspace.View(view, {from});
    if (a.status != 200) return a;
    Answer b = workspace.View(view, {to});
    if (b.status != 200) return b;
    views[view] = {json::parse(a.body), json::parse(b.body)};
  }
  Answer compare_a = workspace.View("compare", {from});
  if (compare_a.status != 200) return compare_a;
  Answer compare_b = workspace.View("compare", {to});
  if (compare_b.status != 200) return compare_b;
  const auto& [target_a, target_b] = views["target"];
  const auto& [halls_a, halls_b] = views["halls"];
  const auto& [plan_a, plan_b] = views["plan"];
  return Ok(nlohmann::ordered_json{
      {"from", from},
      {"to", to},
      {"standards", Standards(target_a, target_b)},
      {"gaps", Gaps(target_a, target_b)},
      {"halls", Halls(halls_a, halls_b)},
      {"plan", Waves(plan_a, plan_b)},
      {"figures", Figures(json::parse(compare_a.body), json::parse(compare_b.body))}});
}

}  // namespace samdrift::tools::serve
