#include "planners/hall_input.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>

#include "core/device_types.h"
#include "core/text.h"
#include "planners/hall_stays.h"

namespace samdrift::planners {
namespace {

std::optional<double> NumberAttr(const core::Asset& asset, std::string_view key) {
  const std::string* text = asset.Attr(key);
  if (!text) return std::nullopt;
  return core::ParseNumber(*text);
}

// Hall assets by (org, "Site/Hall"), racks by (org, site, hall).
struct Floor {
  std::map<std::pair<std::string, std::string>, const core::Asset*> halls;
  std::map<std::tuple<std::string, std::string, std::string>, std::vector<ExistingRack>> racks;
};

Floor ReadFloor(const core::Estate& estate, const std::set<std::string>& orgs, int default_u) {
  Floor floor;
  for (const core::Asset& a : estate.assets) {
    if (!orgs.empty() && !orgs.count(a.org)) continue;
    if (a.kind == core::AssetKind::kHall) {
      floor.halls[{a.org, a.Key()}] = &a;
    } else if (a.kind == core::AssetKind::kRack) {
      ExistingRack rack{a.name, default_u};
      if (auto u = NumberAttr(a, "u_height"); u && *u >= 1 && *u <= 100) {
        rack.u = static_cast<int>(*u);
      }
      floor.racks[{a.org, a.site, a.hall}].push_back(rack);
    }
  }
  for (auto& [key, racks] : floor.racks) {
    std::sort(racks.begin(), racks.end(),
              [](const ExistingRack& a, const ExistingRack& b) { return a.name < b.name; });
  }
  return floor;
}

// Capacity the scenario leaves out (0) comes from the existing hall's attributes, else unknown.
void FillCapacity(HallSpec& spec, const TargetHall* target, const core::Asset* hall,
                  std::vector<std::string>& notes) {
  auto pick = [&](double given, std::string_view key) -> double {
    if (given > 0) return given;
    if (hall) {
      if (auto v = NumberAttr(*hall, key); v && *v > 0) return *v;
    }
    return kUnlimited;
  };
  spec.power_kw = pick(target ? target->power_kw : 0, "power_kw");
  spec.cooling_kw = pick(target ? target->cooling_kw : 0, "cooling_kw");
  const double positions = pick(target ? target->positions : 0, "positions");
  if (positions == kUnlimited) {
    spec.positions = static_cast<int>(spec.racks.size());
    notes.push_back(spec.name + ": no rack positions recorded; assumed " +
                    std::to_string(spec.positions) + " (its existing racks)");
  } else {
    spec.positions = static_cast<int>(positions);
  }
  if (spec.power_kw == kUnlimited) notes.push_back(spec.name + ": no power capacity recorded");
  if (spec.cooling_kw == kUnlimited) notes.push_back(spec.name + ": no cooling capacity recorded");
}

// Every existing hall, kept when keep_halls names it (or when nothing moves: `as_is`).
std::vector<TodayHall> TodaysHalls(const Floor& floor, const std::set<std::string>& kept,
                                   bool as_is) {
  std::vector<TodayHall> today;
  for (const auto& [key, hall] : floor.halls) {
    today.push_back(
        {hall->org, hall->site, hall->name, as_is || kept.count(hall->org + "/" + key.second) > 0});
  }
  return today;
}

// Where a device goes when it does not move: into `stays` (a kept hall, or site-bound outside
// the target halls; true), or it stays a device of the plan, site-bound ones pinned (false).
bool Stays(HallDevice& dev, const std::string& bound_why, const std::set<std::string>& kept,
           const std::set<std::string>& target_halls, std::vector<HallDevice>& stays) {
  const std::string hall = dev.org + "/" + core::HallKey(dev.site, dev.hall);
  if (kept.count(hall)) {
    dev.site_bound = bound_why.empty() ? "its hall is kept (keep_halls)" : bound_why;
  } else if (!bound_why.empty()) {
    dev.site_bound = bound_why;
    if (target_halls.count(hall)) return false;
  } else {
    return false;
  }
  stays.push_back(std::move(dev));
  return true;
}

}  // namespace

bool IsPduRole(std::string_view role) {
  std::string words = " ";
  for (char c : role) {
    words += std::isalnum(static_cast<unsigned char>(c))
                 ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                 : ' ';
  }
  words += ' ';
  return words.find(" pdu ") != std::string::npos ||
         words.find(" power distribution unit ") != std::string::npos;
}

bool IsPowerInfrastructureRole(std::string_view role) {
  return core::EqualsIgnoreCase(role, "power-panel") || core::EqualsIgnoreCase(role, "power-feed");
}

core::Result<HallPlanInput> BuildHallInput(const core::Estate& estate,
                                           const std::vector<core::DeviceType>& catalog,
                                           const Scenario& scenario, const AssetNames& retired,
                                           core::Diagnostics& diagnostics) {
  // The datacenter area not pooled: every org keeps its halls, nothing moves (scenario.h).
  if (!scenario.Pooled(core::Category::kDatacenter) && !scenario.halls.empty()) {
    return BuildHallInput(estate, catalog, HallScenario(scenario), retired, diagnostics);
  }
  HallPlanInput input;
  const std::size_t errors_before = diagnostics.error_count();
  const std::set<std::string> orgs(scenario.orgs.begin(), scenario.orgs.end());
  const bool as_is = scenario.halls.empty();
  const Floor floor = ReadFloor(estate, orgs, TargetHall{}.rack_u);
  std::vector<std::string> known;
  for (const auto& [key, hall] : floor.halls) known.push_back(key.first + "/" + key.second);
  const std::set<std::string> kept = KeptHalls(scenario, known, diagnostics);
  const AssetNames named_bound = SiteBoundNames(scenario, estate, diagnostics);
  std::set<std::string> target_halls;
  for (const TargetHall& t : scenario.halls) target_halls.insert(t.from);
  input.today = TodaysHalls(floor, kept, as_is);
  input.margin = scenario.design_margin;

  if (as_is) {
    input.redundancy = RedundancyRule::kNone;
    input.kept = KeptDevices::kAsToday;
    for (const auto& [key, hall] : floor.halls) {
      HallSpec spec;
      spec.name = hall->org + "/" + key.second;
      spec.from_org = hall->org;
      spec.from_site = hall->site;
      spec.from_hall = hall->name;
      if (auto it = floor.racks.find({hall->org, hall->site, hall->name});
          it != floor.racks.end()) {
        spec.racks = it->second;
      }
      spec.rack_power_kw = kUnlimited;
      spec.rack_pdu_u = 0;
      FillCapacity(spec, nullptr, hall, input.notes);
      input.halls.push_back(std::move(spec));
    }
  } else {
    input.redundancy = scenario.redundancy;
    std::map<std::string, std::string> used;  // existing hall -> target hall that takes it
    for (const TargetHall& target : scenario.halls) {
      HallSpec spec;
      spec.name = target.name;
      spec.role = target.role;
      spec.rack_u = target.rack_u;
      spec.rack_power_kw = target.rack_power_kw;
      spec.rack_pdu_u = std::min(target.rack_pdu_u, target.rack_u);
      const core::Asset* hall = nullptr;
      if (!target.from.empty()) {
        const std::size_t slash = target.from.find('/');
        const std::string org = target.from.substr(0, slash);
        const std::string key = slash == std::string::npos ? "" : target.from.substr(slash + 1);
        auto it = floor.halls.find({org, key});
        if (it == floor.halls.end()) {
          std::string closest = core::ClosestName(target.from, known);
          diagnostics.Error(target.where, "HAL001",
                            "hall '" + target.name + "': from: no hall '" + target.from +
                                "' in the store" +
                                (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
          continue;
        }
        if (auto [at, inserted] = used.emplace(target.from, target.name); !inserted) {
          diagnostics.Error(target.where, "HAL002",
                            "hall '" + target.name + "': from: '" + target.from +
                                "' is already the hall '" + at->second + "'");
          continue;
        }
        hall = it->second;
        spec.from_org = hall->org;
        spec.from_site = hall->site;
        spec.from_hall = hall->name;
        if (auto r = floor.racks.find({hall->org, hall->site, hall->name});
            r != floor.racks.end()) {
          spec.racks = r->second;
        }
      }
      FillCapacity(spec, &target, hall, input.notes);
      input.halls.push_back(std::move(spec));
    }
  }
  if (diagnostics.error_count() > errors_before) {
    return core::Status::Invalid(
        "the scenario names halls or devices that are not in the store; nothing planned");
  }

  std::size_t unlocated = 0, estimated = 0;
  for (const core::Asset& asset : estate.assets) {
    if (asset.kind != core::AssetKind::kDevice || asset.category == core::Category::kClient) {
      continue;
    }
    if (!orgs.empty() && !orgs.count(asset.org)) continue;
    if (IsPowerInfrastructureRole(asset.role)) continue;
    if (asset.hall.empty()) {
      if (asset.category == core::Category::kDatacenter) ++unlocated;
      continue;
    }
    core::Asset resolved = asset;
    const core::ResolvedFigures sources = core::ResolveFigures(resolved, catalog);
    const bool pdu = IsPduRole(asset.role);
    HallDevice dev;
    dev.org = asset.org;
    dev.name = asset.name;
    dev.role = asset.role;
    dev.u_height = std::max(0, resolved.u_height.value_or(1));
    // A PDU distributes power and draws none itself: 0 W is its figure, not an estimate.
    dev.kw = pdu ? 0.0 : std::max(0.0, resolved.power_w.value_or(0)) / 1000.0;
    dev.estimated = asset.estimated || sources.u_height == core::FigureSource::kDefault ||
                    (!pdu && sources.power == core::FigureSource::kDefault);
    dev.u_source = sources.u_height;
    dev.power_source = pdu ? core::FigureSource::kNone : sources.power;
    if (sources.type) {
      dev.device_type = sources.type->manufacturer + " " + sources.type->model;
      dev.full_depth = sources.type->full_depth;
    }
    dev.model = std::string(core::Trim(asset.vendor + " " + asset.product));
    if (const std::string* face = asset.Attr("face")) dev.face = core::ToLowerAscii(*face);
    dev.redundancy_group = asset.redundancy_group;
    dev.critical = core::EqualsIgnoreCase(asset.criticality, "critical");
    dev.pdu = pdu;
    dev.site = asset.site;
    dev.hall = asset.hall;
    dev.rack = asset.rack;
    dev.position = asset.position;
    if (retired.count({asset.org, asset.name})) {
      input.retired.push_back(std::move(dev));
      continue;
    }
    if (!as_is) {
      const std::string why = named_bound.count({asset.org, asset.name})
                                  ? "named by the scenario's site_bound"
                                  : SiteBoundWhy(asset.role);
      if (Stays(dev, why, kept, target_halls, input.stays)) continue;
    }
    if (dev.estimated) ++estimated;
    input.devices.push_back(std::move(dev));
  }
  auto by_org_name = [](const HallDevice& a, const HallDevice& b) {
    return std::tie(a.org, a.name) < std::tie(b.org, b.name);
  };
  std::sort(input.devices.begin(), input.devices.end(), by_org_name);
  std::sort(input.retired.begin(), input.retired.end(), by_org_name);
  std::sort(input.stays.begin(), input.stays.end(), by_org_name);
  if (estimated) {
    input.notes.push_back(std::to_string(estimated) +
                          " devices have estimated figures (per-role defaults)");
  }
  if (unlocated) {
    input.notes.push_back(std::to_string(unlocated) +
                          " datacenter devices have no hall in the inventory and are not planned");
  }
  return input;
}

}  // namespace samdrift::planners
