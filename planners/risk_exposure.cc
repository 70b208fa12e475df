// End-of-support exposure, unmanaged assets, expiring standards and risk windows: the parts of
// `samdrift risk` that need no availability model (planners/risk_parts.h).
#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "core/date.h"
#include "core/text.h"
#include "planners/risk_parts.h"

namespace samdrift::planners {
namespace {

// The plan's horizon: 12 months after the planned date, or the last wave's end when later;
// empty without a valid date.
std::string Horizon(const RiskInput& in) {
  if (in.target == nullptr || !core::IsIsoDate(in.target->date)) return "";
  std::string horizon = core::AddMonths(in.target->date, 12);
  if (in.waves != nullptr) {
    for (const Wave& w : in.waves->waves) {
      if (core::IsIsoDate(w.end) && w.end > horizon) horizon = w.end;
    }
  }
  return horizon;
}

core::SourceLocation Where(const Scenario& scenario, const std::string& group) {
  auto it = scenario.locations.find("availability.k_of_n." + group);
  return it == scenario.locations.end() ? core::SourceLocation{} : it->second;
}

}  // namespace

std::string StandardWarning(const ExpiringStandard& s, const std::string& horizon) {
  return std::string(s.source == StandardSource::kScenario ? "the scenario's fixed standard"
                                                           : "the proposed standard") +
         " for " + s.capability + ", " + s.name + " (" + s.technology +
         "), reaches end of support on " + s.end_of_support + ", before the plan's horizon " +
         horizon + "; assets moved onto it lose support during or soon after the plan";
}

bool IsSeenByAgentOrScan(const core::Asset& asset) {
  for (std::string_view prefix : {"glpi-", "nmap", "lshw", "lldpctl", "rvtools"}) {
    if (asset.provenance.importer.rfind(prefix, 0) == 0) return true;
  }
  for (const char* key : {"discovered", "os_accuracy", "mac_vendor", "cpu_model", "chassis_id",
                          "os_tools", "esx_version"}) {
    if (asset.Attr(key) != nullptr) return true;
  }
  return false;
}

namespace risk_parts {

std::map<std::string, Id> ExistingTargetHalls(const RiskInput& in) {
  std::map<std::string, Id> halls;
  if (in.scenario == nullptr) return halls;
  for (const TargetHall& h : in.scenario->halls) {
    const std::size_t slash = h.from.find('/');
    if (slash == std::string::npos) continue;
    auto id = in.graph->Find(h.from.substr(0, slash), h.from.substr(slash + 1), AssetKind::kHall);
    if (id) halls[h.name] = id->value;
  }
  return halls;
}

void ComputeEos(const RiskInput& in, RiskReport& report, core::Diagnostics& diagnostics) {
  const core::GraphView& g = *in.graph;
  for (std::size_t v = 0; v < g.asset_count(); ++v) {
    const core::Asset& a = g.asset(AssetId{static_cast<Id>(v)});
    switch (a.kind) {
      case AssetKind::kDevice:
      case AssetKind::kCluster:
      case AssetKind::kVm:
      case AssetKind::kClient:
      case AssetKind::kSoftware:
        ++report.eos[a.org].total;
        break;
      default:
        break;
    }
  }
  if (in.target == nullptr) return;
  std::set<std::pair<std::string, std::string>> changed;
  for (const Gap& gap : in.target->gaps) changed.insert({gap.org(), gap.key()});
  // One count per asset: past when any of its technologies is past, else soon.
  std::map<std::tuple<std::string, std::string, AssetKind>, bool> exposed;  // -> past
  for (const LifecycleItem& item : in.target->lifecycle.items) {
    bool& past = exposed[{item.org, item.key, item.kind}];
    past = past || item.status == LifecycleStatus::kPast;
  }
  for (const auto& [asset, past] : exposed) {
    const auto& [org, key, kind] = asset;
    const bool stays = !changed.count({org, key});
    std::string category = "unknown";
    if (auto id = g.Find(org, key, kind))
      category = std::string(core::ToString(g.asset(*id).category));
    EosExposure& e = report.eos[org];
    for (EosCount* count : {&e.all, &e.by_category[category]}) {
      (past ? count->past : count->within_12_months) += 1;
      if (stays) (past ? count->past_after_plan : count->within_12_months_after_plan) += 1;
    }
  }
  report.horizon = Horizon(in);
  if (report.horizon.empty()) return;
  for (const Standard& st : in.target->standards) {
    if (st.end_of_support.empty() || st.end_of_support >= report.horizon) continue;
    // A fixed standard at its entry in the scenario; a proposed one at the scenario file.
    core::SourceLocation where;
    if (in.scenario != nullptr) {
      where.source = in.scenario->source;
      auto it = in.scenario->locations.find("standards." + st.capability);
      if (it != in.scenario->locations.end() && st.source == StandardSource::kScenario) {
        where = it->second;
      }
    }
    report.expiring_standards.push_back(
        {st.capability, st.technology, st.name, st.end_of_support, st.source, where});
    diagnostics.Warning(where, "RSK006",
                        StandardWarning(report.expiring_standards.back(), report.horizon));
  }
}

void ComputeWindows(const RiskInput& in, RiskReport& report) {
  if (in.waves == nullptr) return;
  const core::GraphView& g = *in.graph;
  std::map<std::pair<std::string, std::string>, std::pair<int, std::string>> moved;
  for (const PlannedItem& p : in.waves->items) {
    if (!p.item.hall_in.empty()) moved[{p.item.org, p.item.asset}] = {p.wave, p.item.hall_in};
  }
  if (moved.empty()) return;
  // Groups of devices whose members should stand apart (redundancy) or together (cluster).
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<Id>> groups;
  for (Id v = 0; v < g.asset_count(); ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    if (a.kind == AssetKind::kDevice && !a.redundancy_group.empty()) {
      groups[{"redundancy_group", a.org, a.redundancy_group}].push_back(v);
    }
    if (a.kind != AssetKind::kCluster) continue;
    for (AssetId h : g.Neighbours(AssetId{v}, RelationKind::kMemberOf, Direction::kIn)) {
      groups[{"cluster", a.org, a.name}].push_back(h.value);
    }
  }
  for (const auto& [key, members] : groups) {
    const auto& [kind, org, name] = key;
    if (members.size() < 2) continue;
    std::set<int> waves;
    for (Id m : members) {
      auto it = moved.find({g.asset(AssetId{m}).org, g.asset(AssetId{m}).name});
      if (it != moved.end()) waves.insert(it->second.first);
    }
    if (waves.empty()) continue;
    auto halls_after = [&](int wave) {
      std::set<std::string> halls;
      for (Id m : members) {
        const core::Asset& a = g.asset(AssetId{m});
        auto it = moved.find({a.org, a.name});
        if (it != moved.end() && it->second.first <= wave) {
          halls.insert(it->second.second);
        } else if (!a.hall.empty()) {
          halls.insert(core::HallKey(a.site, a.hall));
        }
      }
      return halls;
    };
    const std::set<std::string> final_halls = halls_after(*waves.rbegin());
    std::set<std::string> before = halls_after(0);
    for (auto w = waves.begin(); w != waves.end(); ++w) {
      const std::set<std::string> now = halls_after(*w);
      const bool last = std::next(w) == waves.end();
      const std::string until = last ? "" : std::to_string(*std::next(w));
      std::string why;
      if (kind == "redundancy_group" && now.size() == 1 && final_halls.size() > 1) {
        why = "all members in one hall until wave " + until;
      } else if (kind == "redundancy_group" && now.size() == 1 && before.size() > 1) {
        // The plan ends with the group in one hall: this wave puts it there for good.
        why = "all members in one hall from this wave on, and in the target";
      } else if (kind == "cluster" && !last && now.size() > 1 && now != final_halls) {
        why = "hosts split between old and new halls until wave " + until;
      }
      before = now;
      if (why.empty()) continue;
      report.windows.push_back(
          {*w, org, name, kind, std::vector<std::string>(now.begin(), now.end()), why});
    }
  }
  std::sort(report.windows.begin(), report.windows.end(),
            [](const RiskWindow& a, const RiskWindow& b) {
              return std::tie(a.wave, a.org, a.group) < std::tie(b.wave, b.org, b.group);
            });
}

void ComputeUnmanaged(const RiskInput& in, RiskReport& report) {
  const core::GraphView& g = *in.graph;
  for (Id v = 0; v < g.asset_count(); ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    if (a.kind != AssetKind::kDevice && a.kind != AssetKind::kVm && a.kind != AssetKind::kClient) {
      continue;
    }
    const bool unmanaged = !IsSeenByAgentOrScan(a);
    Unmanaged& u = report.unmanaged[a.org];
    for (ManagedCount* count : {&u.all, &u.by_category[std::string(core::ToString(a.category))]}) {
      ++count->assets;
      if (unmanaged) ++count->unmanaged;
    }
  }
}

void ComputeConcentration(const RiskInput& in, RiskReport& report) {
  std::map<std::string, HallConcentration> halls;
  for (const ServiceRisk& s : report.services) {
    for (const SinglePoint& p : s.single_points_target) {
      if (p.kind != AssetKind::kHall) continue;
      const bool today = std::any_of(s.single_points.begin(), s.single_points.end(),
                                     [&](const SinglePoint& q) { return q.asset == p.asset; });
      if (!today) ++halls[p.asset].services;
    }
  }
  if (halls.empty()) return;
  const core::GraphView& g = *in.graph;
  // A target hall made from an existing hall is named as that hall in the single points.
  std::map<std::string, std::string> shown;  // target hall -> its name among the single points
  for (const auto& [name, id] : ExistingTargetHalls(in)) shown[name] = g.asset(AssetId{id}).name;
  std::map<std::pair<std::string, std::string>, std::string> placed;  // (org, device) -> hall
  for (const DevicePlacement& p : in.placements) {
    auto it = shown.find(p.hall);
    placed[{p.org, p.asset}] = it != shown.end() ? it->second : p.hall;
  }
  // Clusters (their hosts) and redundancy groups of devices, by "org/name".
  std::map<std::string, std::set<std::string>> where;
  auto add = [&](const std::string& key, const core::Asset& device) {
    auto it = placed.find({device.org, device.name});
    // A device of no known hall stands apart (it proves no concentration).
    where[key].insert(it != placed.end()    ? it->second
                      : device.hall.empty() ? "?" + device.name
                                            : core::HallKey(device.site, device.hall));
  };
  std::map<std::string, std::size_t> size;
  for (Id v = 0; v < g.asset_count(); ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    if (a.kind == AssetKind::kDevice && !a.redundancy_group.empty()) {
      const std::string key = a.org + "/" + a.redundancy_group;
      add(key, a);
      ++size[key];
    }
    if (a.kind != AssetKind::kCluster) continue;
    for (AssetId h : g.Neighbours(AssetId{v}, RelationKind::kMemberOf, Direction::kIn)) {
      add(a.org + "/" + a.name, g.asset(h));
      ++size[a.org + "/" + a.name];
    }
  }
  for (const auto& [key, in_halls] : where) {
    if (size[key] < 2 || in_halls.size() != 1) continue;
    auto it = halls.find(*in_halls.begin());
    if (it != halls.end()) it->second.holds.push_back(key);
  }
  for (auto& [name, h] : halls) {
    h.hall = name;
    for (const auto& [target, existing] : shown) {
      if (existing == name) h.hall = name + " (" + target + ")";
    }
    report.concentration.push_back(std::move(h));
  }
  std::stable_sort(report.concentration.begin(), report.concentration.end(),
                   [](const HallConcentration& a, const HallConcentration& b) {
                     return a.services > b.services;
                   });
}

void CheckKOfN(const RiskInput& in, core::Diagnostics& diagnostics) {
  if (in.scenario == nullptr || in.scenario->k_of_n.empty()) return;
  const core::GraphView& g = *in.graph;
  std::map<std::pair<std::string, std::string>, std::size_t> sizes;  // (org, group) -> members
  for (Id v = 0; v < g.asset_count(); ++v) {
    const core::Asset& a = g.asset(AssetId{v});
    if (!a.redundancy_group.empty()) ++sizes[{a.org, a.redundancy_group}];
    if (a.kind == AssetKind::kCluster) {
      sizes[{a.org, a.name}] +=
          g.Neighbours(AssetId{v}, RelationKind::kMemberOf, Direction::kIn).size();
    }
  }
  const auto& k_of_n = in.scenario->k_of_n;
  std::set<std::string> used;
  for (const auto& [group, size] : sizes) {
    const auto& [org, name] = group;
    auto it = k_of_n.find(org + "/" + name);
    if (it == k_of_n.end()) it = k_of_n.find(name);
    if (it == k_of_n.end()) continue;
    used.insert(it->first);
    if (static_cast<std::size_t>(it->second) <= size) continue;
    diagnostics.Warning(Where(*in.scenario, it->first), "RSK004",
                        "availability: k_of_n: " + it->first + " needs " +
                            std::to_string(it->second) + " members up, but " + org + "/" + name +
                            " has " + std::to_string(size) + "; all of them must be up");
  }
  for (const auto& [name, k] : k_of_n) {
    if (used.count(name)) continue;
    diagnostics.Warning(
        Where(*in.scenario, name), "RSK005",
        "availability: k_of_n: no redundancy group or cluster named '" + name + "'; ignored");
  }
}

}  // namespace risk_parts
}  // namespace samdrift::planners
