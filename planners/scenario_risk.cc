// The scenario's risk keys: `sla:` tiers per criticality and `availability:` per component
// kind and k of n per redundancy group.
#include "core/date.h"
#include "core/text.h"
#include "planners/scenario_read.h"

namespace samdrift::planners {
namespace {

using Reader = YamlReader;

// An availability: a number in (0, 1].
std::optional<double> ReadAvailabilityValue(Reader& r, const YAML::Node& node,
                                            const std::string& what) {
  auto value = r.Number(node, what, false);
  if (!value) return std::nullopt;
  if (*value <= 0 || *value > 1) {
    r.Error(node, what + ": must be in (0, 1], got '" + node.Scalar() + "'");
    return std::nullopt;
  }
  return value;
}

// `sla:` a list of {tier, criticality, availability, hours}, one tier per criticality.
void ReadSla(Reader& r, const YAML::Node& sla, Scenario& s) {
  if (!sla.IsSequence()) {
    r.Error(sla, "sla: expected a list of tiers ({tier, criticality, availability, hours})");
    return;
  }
  for (const YAML::Node& node : sla) {
    if (!node.IsMap()) {
      r.Error(node, "sla: each tier is a mapping (tier, criticality, availability, hours)");
      continue;
    }
    r.CheckKeys(node, {"tier", "criticality", "availability", "hours"}, "an SLA tier");
    SlaTier tier;
    tier.where = r.At(node);
    if (node["tier"]) tier.tier = r.Text(node["tier"], "sla: tier").value_or("");
    if (tier.tier.empty()) {
      r.Error(node, "sla: every tier needs a name (tier)");
      continue;
    }
    bool ok = true;
    if (!node["criticality"]) {
      r.Error(node, "sla: tier '" + tier.tier + "' needs a criticality");
      ok = false;
    } else if (auto text = r.Text(node["criticality"], "sla: criticality")) {
      if (auto level = NormalizeCriticality(*text)) {
        tier.criticality = *level;
        for (const SlaTier& other : s.sla) {
          if (other.criticality != *level) continue;
          r.Error(node["criticality"],
                  "sla: criticality '" + *level + "' already has tier '" + other.tier + "'");
          ok = false;
        }
      } else {
        r.Error(node["criticality"], "sla: criticality: unknown '" + *text +
                                         "'; expected low, medium, high, critical or KLASSA "
                                         "T1-T4");
        ok = false;
      }
    } else {
      ok = false;
    }
    if (!node["availability"]) {
      r.Error(node, "sla: tier '" + tier.tier + "' needs an availability");
      ok = false;
    } else if (auto a = ReadAvailabilityValue(r, node["availability"], "sla: availability")) {
      tier.availability = *a;
    } else {
      ok = false;
    }
    if (node["hours"]) tier.hours = r.Text(node["hours"], "sla: hours").value_or("");
    if (ok) s.sla.push_back(std::move(tier));
  }
}

// `availability: {k_of_n: {GROUP: K}}`: how many members of a group must be up (K >= 1).
void ReadKOfN(Reader& r, const YAML::Node& map, Scenario& s) {
  if (!map.IsMap()) {
    r.Error(map, "availability: k_of_n: expected 'group: members that must be up' pairs (web: 2)");
    return;
  }
  for (const auto& item : map) {
    auto group = r.Text(item.first, "availability: k_of_n");
    if (!group) continue;
    auto k = r.Number(item.second, "availability: k_of_n: " + *group, true);
    if (!k) continue;
    if (*k < 1) {
      r.Error(item.second, "availability: k_of_n: " + *group + ": must be at least 1, got '" +
                               item.second.Scalar() + "'");
      continue;
    }
    s.k_of_n[*group] = static_cast<int>(*k);
    s.locations["availability.k_of_n." + *group] = r.At(item.first);
  }
}

// `availability:` component kind -> availability, overriding the documented defaults.
void ReadAvailability(Reader& r, const YAML::Node& map, Scenario& s) {
  if (!map.IsMap()) {
    r.Error(map, "availability: expected 'kind: availability' pairs (device: 0.999)");
    return;
  }
  std::vector<std::string> kinds;
  for (core::AssetKind kind : core::kAllAssetKinds) kinds.emplace_back(core::ToString(kind));
  kinds.emplace_back("k_of_n");
  for (const auto& item : map) {
    auto kind = r.Text(item.first, "availability");
    if (!kind) continue;
    if (*kind == "k_of_n") {
      ReadKOfN(r, item.second, s);
      continue;
    }
    if (!core::ParseAssetKind(*kind)) {
      std::string closest = core::ClosestName(*kind, kinds);
      r.Error(item.first, "availability: unknown component kind '" + *kind + "'" +
                              (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      continue;
    }
    if (auto a = ReadAvailabilityValue(r, item.second, "availability: " + *kind)) {
      s.availability[*kind] = *a;
      s.locations["availability." + *kind] = r.At(item.first);
    }
  }
}

}  // namespace

void ReadRiskKeys(YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node sla = root["sla"]) ReadSla(r, sla, s);
  if (const YAML::Node availability = root["availability"]) ReadAvailability(r, availability, s);
}

}  // namespace samdrift::planners
