#include "planners/scenario.h"

#include <algorithm>

#include "core/date.h"
#include "core/ip.h"
#include "core/model.h"
#include "core/text.h"
#include "planners/scenario_read.h"
#include "planners/yaml_reader.h"

namespace samdrift::planners {
namespace {

using Reader = YamlReader;

constexpr ReaderCodes kScenarioCodes{"SCN001", "SCN002"};

void ReadHall(Reader& r, const YAML::Node& node, Scenario& s) {
  if (!node.IsMap()) {
    r.Error(node, "halls: each hall is a mapping (name, role, positions, ...)");
    return;
  }
  r.CheckKeys(node,
              {"name", "from", "role", "positions", "power_kw", "cooling_kw", "rack_u",
               "rack_power_kw", "rack_pdu_u", "running_per_year"},
              "a hall");
  TargetHall hall;
  hall.where = r.At(node);
  if (node["name"]) hall.name = r.Text(node["name"], "halls: name").value_or("");
  if (hall.name.empty()) {
    r.Error(node, "halls: every hall needs a name");
    return;
  }
  if (node["from"]) {
    hall.from = r.Text(node["from"], "halls: from").value_or("");
    s.locations["halls." + hall.name + ".from"] = r.At(node["from"]);
  }
  if (!hall.from.empty() && std::count(hall.from.begin(), hall.from.end(), '/') < 2) {
    r.Error(node["from"], "halls: from: expected org/site/hall, got '" + hall.from + "'");
  }
  if (node["role"]) {
    std::string role = r.Text(node["role"], "halls: role").value_or("");
    if (role == "primary") {
      hall.role = HallRole::kPrimary;
    } else if (role == "secondary") {
      hall.role = HallRole::kSecondary;
    } else {
      r.Error(node["role"], "halls: role: expected primary or secondary, got '" + role + "'");
    }
  }
  auto number = [&](const char* key, bool whole) -> std::optional<double> {
    if (!node[key]) return std::nullopt;
    return r.Number(node[key], std::string("halls: ") + key, whole);
  };
  if (auto v = number("positions", true)) hall.positions = static_cast<int>(*v);
  if (auto v = number("power_kw", false)) hall.power_kw = *v;
  if (auto v = number("cooling_kw", false)) hall.cooling_kw = *v;
  if (auto v = number("rack_u", true)) {
    if (*v < 1 || *v > 60) {
      r.Error(node["rack_u"],
              "halls: rack_u: must be 1 to 60, got '" + node["rack_u"].Scalar() + "'");
    } else {
      hall.rack_u = static_cast<int>(*v);
    }
  }
  if (auto v = number("rack_power_kw", false)) hall.rack_power_kw = *v;
  if (auto v = number("rack_pdu_u", true)) {
    if (*v > hall.rack_u) {
      r.Error(node["rack_pdu_u"], "halls: rack_pdu_u: must not exceed rack_u (" +
                                      std::to_string(hall.rack_u) + "), got '" +
                                      node["rack_pdu_u"].Scalar() + "'");
    } else {
      hall.rack_pdu_u = static_cast<int>(*v);
    }
  }
  if (node["running_per_year"]) {
    hall.running_per_year = r.Number(node["running_per_year"], "halls: running_per_year", false);
  }
  for (const TargetHall& other : s.halls) {
    if (other.name == hall.name) {
      r.Error(node["name"], "halls: hall '" + hall.name + "' is named twice");
    }
  }
  s.halls.push_back(std::move(hall));
}

// `supernet` (a prefix without host bits) and `per_org_block` ("/14", inside the supernet).
void ReadPool(Reader& r, const YAML::Node& map, const std::string& where, std::string& supernet,
              int& block_length) {
  std::optional<core::IpPrefix> prefix;
  if (const YAML::Node node = map["supernet"]) {
    std::string text = r.Text(node, where + ": supernet").value_or("");
    auto parsed = core::IpPrefix::Parse(text);
    if (!parsed.ok()) {
      r.Error(node, where + ": supernet: " + parsed.status().message());
    } else {
      prefix = *parsed;
      supernet = parsed->ToString();
    }
  }
  if (const YAML::Node block = map["per_org_block"]) {
    std::string text = r.Text(block, where + ": per_org_block").value_or("");
    if (!text.empty() && text[0] == '/') text.erase(0, 1);
    auto length = core::ParseInteger(text);
    if (!length || *length < 0 || *length > 128) {
      r.Error(block, where + ": per_org_block: expected a prefix length like /14, got '" +
                         block.Scalar() + "'");
    } else if (prefix && (*length < prefix->length() || *length > prefix->network().width())) {
      r.Error(block, where + ": per_org_block: /" + std::to_string(*length) +
                         " does not fit inside the supernet " + prefix->ToString() + " (/" +
                         std::to_string(prefix->length()) + " to /" +
                         std::to_string(prefix->network().width()) + ")");
    } else {
      block_length = static_cast<int>(*length);
    }
  } else if (prefix) {
    r.Error(map["supernet"], where + ": a supernet needs per_org_block (e.g. /14)");
  }
}

// A list of "a/b[/c]" names under `key` (keep_halls, site_bound), each with its location.
void ReadNameList(Reader& r, const YAML::Node& list, const std::string& key, int slashes,
                  const std::string& form, std::vector<std::string>& out,
                  std::map<std::string, core::SourceLocation>& locations) {
  if (!list.IsSequence()) {
    r.Error(list, key + ": expected a list of " + form);
    return;
  }
  for (const YAML::Node& node : list) {
    const std::string name = r.Text(node, key).value_or("");
    if (name.empty()) continue;
    if (std::count(name.begin(), name.end(), '/') < slashes) {
      r.Error(node, key + ": expected " + form + ", got '" + name + "'");
      continue;
    }
    out.push_back(name);
    locations[key + "." + name] = r.At(node);
  }
}

// The hall plan's keys: keep_halls, design_margin, site_bound.
void ReadHallKeys(Reader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node keep = root["keep_halls"]) {
    ReadNameList(r, keep, "keep_halls", 2, "org/site/hall", s.keep_halls, s.locations);
  }
  if (const YAML::Node bound = root["site_bound"]) {
    ReadNameList(r, bound, "site_bound", 1, "org/asset", s.site_bound, s.locations);
  }
  if (const YAML::Node margin = root["design_margin"]) {
    if (auto v = r.Number(margin, "design_margin", false)) {
      if (*v <= 0 || *v > 1) {
        r.Error(margin,
                "design_margin: must be more than 0 and at most 1, got '" + margin.Scalar() + "'");
      } else {
        s.design_margin = *v;
      }
    }
  }
}

// The keys a scenario may have, in the order ReadScenario reads them.
const std::vector<std::string>& ScenarioKeys() {
  static const std::vector<std::string> keys = {
      "name",     "alternative", "orgs",          "standards",  "pooled",
      "halls",    "redundancy",  "waves",         "addressing", "date",
      "timeline", "sla",         "availability",  "effort",     "costs",
      "criteria", "keep_halls",  "design_margin", "site_bound", "siting"};
  return keys;
}

void ReadName(Reader& r, const YAML::Node& root, Scenario& s) {
  if (!root["name"]) return;
  s.name = r.Text(root["name"], "name").value_or(s.name);
  s.locations["name"] = r.At(root["name"]);
}

void ReadOrgs(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node orgs = root["orgs"];
  if (!orgs) return;
  if (!orgs.IsSequence()) {
    r.Error(orgs, "orgs: expected a list of municipality ids");
    return;
  }
  for (const YAML::Node& org : orgs) {
    auto id = r.Text(org, "orgs");
    if (!id) continue;
    if (!core::IsValidOrgId(*id)) {
      r.Error(org, "orgs: '" + *id + "' is not a municipality id (lowercase ASCII)");
      continue;
    }
    s.orgs.push_back(*id);
    s.locations.emplace("orgs." + *id, r.At(org));
  }
}

// `standards:` capability -> technology id, `none` or `free` (the catalog checks them: target.h).
void ReadStandards(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node standards = root["standards"];
  if (!standards) return;
  if (!standards.IsMap()) {
    r.Error(standards, "standards: expected capability: technology-id pairs");
    return;
  }
  for (const auto& item : standards) {
    auto capability = r.Text(item.first, "standards");
    auto technology = r.Text(item.second, "standards");
    if (capability && technology) {
      s.standards[*capability] = *technology;
      s.locations["standards." + *capability] = r.At(item.first);
    }
  }
}

void ReadHalls(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node halls = root["halls"];
  if (!halls) return;
  if (!halls.IsSequence()) {
    r.Error(halls, "halls: expected a list of halls");
    return;
  }
  for (const YAML::Node& hall : halls) ReadHall(r, hall, s);
}

void ReadRedundancy(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node redundancy = root["redundancy"];
  if (!redundancy) return;
  std::string value = r.Text(redundancy, "redundancy").value_or("");
  if (value == "split") {
    s.redundancy = RedundancyRule::kSplit;
  } else if (value == "none") {
    s.redundancy = RedundancyRule::kNone;
  } else {
    r.Error(redundancy, "redundancy: expected split or none, got '" + value + "'");
  }
}

void ReadWaves(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node waves = root["waves"];
  if (!waves) return;
  if (!waves.IsMap()) {
    r.Error(waves, "waves: expected max_items, max_kw, max_hours");
    return;
  }
  r.CheckKeys(waves, {"max_items", "max_kw", "max_hours"}, "waves");
  if (waves["max_items"]) {
    if (auto v = r.Number(waves["max_items"], "waves: max_items", true)) {
      if (*v < 1) {
        r.Error(waves["max_items"], "waves: max_items: must be at least 1");
      } else {
        s.waves.max_items = static_cast<int>(*v);
      }
    }
  }
  if (waves["max_kw"]) s.waves.max_kw = r.Number(waves["max_kw"], "waves: max_kw", false);
  if (waves["max_hours"]) {
    s.waves.max_hours = r.Number(waves["max_hours"], "waves: max_hours", false);
  }
}

// `addressing: merge_vrfs:` true, false or a list of VRF names.
void ReadMergeVrfs(Reader& r, const YAML::Node& merge, Scenario& s) {
  if (merge.IsSequence()) {
    s.addressing.merge_vrfs = true;
    for (const YAML::Node& vrf : merge) {
      if (auto name = r.Text(vrf, "addressing: merge_vrfs")) {
        s.addressing.merged_vrfs.push_back(*name);
      }
    }
    return;
  }
  std::string text = core::ToLowerAscii(r.Text(merge, "addressing: merge_vrfs").value_or(""));
  if (text == "true" || text == "yes") {
    s.addressing.merge_vrfs = true;
  } else if (text == "false" || text == "no") {
    s.addressing.merge_vrfs = false;
  } else {
    r.Error(merge, "addressing: merge_vrfs: expected true, false or a list of VRF names");
  }
}

void ReadAddressing(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node addressing = root["addressing"];
  if (!addressing) return;
  if (!addressing.IsMap()) {
    r.Error(addressing, "addressing: expected supernet, per_org_block, merge_vrfs");
    return;
  }
  r.CheckKeys(addressing, {"supernet", "per_org_block", "merge_vrfs", "ipv6"}, "addressing");
  ReadPool(r, addressing, "addressing", s.addressing.supernet, s.addressing.per_org_block);
  if (const YAML::Node v6 = addressing["ipv6"]) {
    if (!v6.IsMap()) {
      r.Error(v6, "addressing: ipv6: expected supernet and per_org_block");
    } else {
      r.CheckKeys(v6, {"supernet", "per_org_block"}, "addressing: ipv6");
      ReadPool(r, v6, "addressing: ipv6", s.addressing.supernet6, s.addressing.per_org_block6);
    }
  }
  if (!s.addressing.supernet.empty() && !s.addressing.supernet6.empty() &&
      (s.addressing.supernet.find(':') == std::string::npos) ==
          (s.addressing.supernet6.find(':') == std::string::npos)) {
    r.Error(addressing["ipv6"]["supernet"],
            "addressing: ipv6: supernet: expected an IPv6 prefix beside the IPv4 supernet");
  }
  if (const YAML::Node merge = addressing["merge_vrfs"]) ReadMergeVrfs(r, merge, s);
}

void ReadDate(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node date = root["date"];
  if (!date) return;
  s.date = r.Text(date, "date").value_or("");
  s.locations["date"] = r.At(date);
  if (!s.date.empty() && !core::IsIsoDate(s.date)) {
    r.Error(date, "date: expected a date written yyyy-mm-dd, got '" + s.date + "'");
    s.date.clear();
  }
}

void ReadEffort(Reader& r, const YAML::Node& root, Scenario& s) {
  const YAML::Node effort = root["effort"];
  if (!effort) return;
  if (!effort.IsMap()) {
    r.Error(effort, "effort: expected 'kind/action: hours' pairs");
    return;
  }
  for (const auto& item : effort) {
    auto key = r.Text(item.first, "effort");
    auto hours = r.Number(item.second, "effort", false);
    if (key && hours) {
      s.effort_hours[*key] = *hours;
      s.locations["effort." + *key] = r.At(item.first);
    }
  }
}

// The scenario, one group of keys at a time.
void ReadScenario(Reader& r, const YAML::Node& root, Scenario& s) {
  r.CheckKeys(root, ScenarioKeys(), "the scenario");
  ReadName(r, root, s);
  ReadOrgs(r, root, s);
  ReadStandards(r, root, s);
  // The study's alternative (scenario_study.cc): alternative, pooled, costs, criteria.
  ReadStudyKeys(r, root, s);
  // Target halls and how they are used: keep_halls, design_margin, site_bound.
  ReadHalls(r, root, s);
  ReadHallKeys(r, root, s);
  if (const YAML::Node siting = root["siting"]) ReadSiting(r, siting, s);  // scenario_siting.cc
  ReadRedundancy(r, root, s);
  ReadWaves(r, root, s);
  ReadAddressing(r, root, s);
  // Dates and effort: the planned date, the timeline, the effort table's overrides.
  ReadDate(r, root, s);
  ReadTimelineKeys(r, root, s);  // scenario_timeline.cc
  ReadEffort(r, root, s);
  // Risk: SLA tiers and component availability.
  ReadRiskKeys(r, root, s);  // scenario_risk.cc
}

}  // namespace

bool Scenario::Pooled(core::Category area) const {
  return !pooled || std::find(pooled->begin(), pooled->end(), area) != pooled->end();
}

Scenario HallScenario(const Scenario& scenario) {
  Scenario halls = scenario;
  if (!scenario.Pooled(core::Category::kDatacenter)) halls.halls.clear();
  return halls;
}

std::string_view ToString(HallRole role) {
  return role == HallRole::kPrimary ? "primary" : "secondary";
}

std::optional<std::string> NormalizeCriticality(std::string_view text) {
  const std::string lower = core::ToLowerAscii(text);
  static const char* const kLevels[] = {"low", "medium", "high", "critical"};
  for (int i = 0; i < 4; ++i) {
    if (lower == kLevels[i] || lower == "t" + std::to_string(i + 1)) return kLevels[i];
  }
  return std::nullopt;
}

std::optional<Scenario> ParseScenario(std::string_view text, const std::string& source,
                                      core::Diagnostics& diagnostics) {
  Scenario scenario;
  scenario.source = source;
  Reader reader(source, diagnostics, kScenarioCodes);
  const bool ok =
      ReadYamlMapping(text, source, diagnostics, {"SCN000", "SCN003"},
                      "a scenario is a YAML mapping (name, orgs, standards, halls, ...)",
                      [&](const YAML::Node& root) { ReadScenario(reader, root, scenario); });
  if (!ok) return std::nullopt;
  return scenario;
}

bool CheckScenarioOrgs(const Scenario& scenario, const std::vector<std::string>& store_orgs,
                       core::Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  auto where = [&](const std::string& key) {
    auto it = scenario.locations.find(key);
    return it != scenario.locations.end() ? it->second
                                          : core::SourceLocation{scenario.source, 0, 0};
  };
  auto in = [](const std::vector<std::string>& list, const std::string& org) {
    return std::find(list.begin(), list.end(), org) != list.end();
  };
  auto unknown = [&](const core::SourceLocation& at, const std::string& what,
                     const std::string& org) {
    const std::string closest = core::ClosestName(org, store_orgs);
    diagnostics.Error(at, "SCN010",
                      what + "no org '" + org + "' in the store" +
                          (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
  };
  for (const std::string& org : scenario.orgs) {
    if (!in(store_orgs, org)) unknown(where("orgs." + org), "orgs: ", org);
  }
  for (const TargetHall& hall : scenario.halls) {
    if (hall.from.empty()) continue;
    const std::string org = hall.from.substr(0, hall.from.find('/'));
    const core::SourceLocation at = where("halls." + hall.name + ".from");
    if (!in(store_orgs, org)) {
      unknown(at, "hall '" + hall.name + "': from: ", org);
    } else if (!scenario.orgs.empty() && !in(scenario.orgs, org)) {
      diagnostics.Error(at, "SCN011",
                        "hall '" + hall.name + "': from: '" + hall.from + "' is in org '" + org +
                            "', which the scenario's orgs leave out");
    }
  }
  return diagnostics.error_count() == errors_before;
}

}  // namespace samdrift::planners
