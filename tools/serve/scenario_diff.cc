#include "tools/serve/scenario_diff.h"

#include <map>

namespace samdrift::tools::serve {
using nlohmann::json;
using View = nlohmann::ordered_json;  // a view's answer as the workspace keeps it parsed

namespace {

// A pair when the two differ; null when they are the same.
json Changed(const View& a, const View& b) {
  if (a == b) return nullptr;
  return {{"from", json(a)}, {"to", json(b)}};
}

json Standards(const View& a, const View& b) {
  std::map<std::string, std::pair<json, json>> by_capability;
  for (const View& s : a["standards"]) by_capability[s["capability"]].first = json(s);
  for (const View& s : b["standards"]) by_capability[s["capability"]].second = json(s);
  json out = json::array();
  for (const auto& [capability, pair] : by_capability) {
    const json from = pair.first.is_null() ? json(nullptr) : pair.first["technology"];
    const json to = pair.second.is_null() ? json(nullptr) : pair.second["technology"];
    if (from != to) out.push_back({{"capability", capability}, {"from", from}, {"to", to}});
  }
  return out;
}

// Gaps per org and action.
json GapCounts(const View& target) {
  json out = json::object();
  for (const View& g : target["gaps"]) {
    json& n = out[g["org"].get<std::string>()][g["action"].get<std::string>()];
    n = n.is_null() ? 1 : n.get<int>() + 1;
  }
  return out;
}

json Gaps(const View& a, const View& b) {
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

json Halls(const View& a, const View& b) {
  std::map<std::string, std::pair<json, json>> by_name;
  auto summary = [](const View& h) {
    json s = json(h);
    s.erase("racks");
    s["racks"] = h["racks"].size();
    return s;
  };
  for (const View& h : a["halls"]) by_name[h["name"]].first = summary(h);
  for (const View& h : b["halls"]) by_name[h["name"]].second = summary(h);
  json out = json::array();
  for (const auto& [name, pair] : by_name) {
    if (pair.first == pair.second) continue;
    out.push_back({{"name", name}, {"from", pair.first}, {"to", pair.second}});
  }
  return out;
}

// The plan items whose wave differs (or that only one plan has), by id.
json Waves(const View& a, const View& b) {
  std::map<std::string, std::pair<json, json>> by_id;
  for (const View& i : a["items"]) by_id[i["id"].dump()].first = json(i["wave"]);
  for (const View& i : b["items"]) by_id[i["id"].dump()].second = json(i["wave"]);
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
json Figures(const View& compare_a, const View& compare_b) {
  const View& a = compare_a["scenarios"][0];
  const View& b = compare_b["scenarios"][0];
  json out = json::object();
  for (const char* key : {"costs", "halls_in_use", "technologies", "hours", "waves", "end"}) {
    json changed = Changed(a.value(key, View(nullptr)), b.value(key, View(nullptr)));
    if (!changed.is_null()) out[key] = changed;
  }
  return out;
}

}  // namespace

Answer ScenarioDiff(Workspace& workspace, const std::string& from, const std::string& to) {
  // Each view as the workspace keeps it parsed. The plan first: its run (every step) is kept and
  // the halls, the target and compare reuse it.
  std::map<std::string, std::pair<std::shared_ptr<const View>, std::shared_ptr<const View>>> views;
  for (const char* view : {"plan", "halls", "target", "compare"}) {
    Answer failed;
    auto a = workspace.Parsed(view, {from}, failed);
    if (!a) return failed;
    auto b = workspace.Parsed(view, {to}, failed);
    if (!b) return failed;
    views[view] = {a, b};
  }
  const auto& [target_a, target_b] = views["target"];
  const auto& [halls_a, halls_b] = views["halls"];
  const auto& [plan_a, plan_b] = views["plan"];
  const auto& [compare_a, compare_b] = views["compare"];
  return Ok(nlohmann::ordered_json{{"from", from},
                                   {"to", to},
                                   {"standards", Standards(*target_a, *target_b)},
                                   {"gaps", Gaps(*target_a, *target_b)},
                                   {"halls", Halls(*halls_a, *halls_b)},
                                   {"plan", Waves(*plan_a, *plan_b)},
                                   {"figures", Figures(*compare_a, *compare_b)}});
}

}  // namespace samdrift::tools::serve
