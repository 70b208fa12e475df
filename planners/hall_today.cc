#include "planners/hall_today.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "core/model.h"

namespace samdrift::planners {
namespace {

using DeviceKey = std::pair<std::string, std::string>;  // (org, asset)

std::string HallOf(const HallDevice& d) { return d.org + "/" + core::HallKey(d.site, d.hall); }

// Per hall ("org/site/hall"): the last wave a device leaves it in (a move or a retirement).
std::map<std::string, int> LastWaveOut(const HallPlan& plan, const WavePlan& waves) {
  std::map<DeviceKey, std::string> hall_of;
  for (const HallDevice& d : plan.devices) hall_of[{d.org, d.name}] = HallOf(d);
  for (const HallDevice& d : plan.retired) hall_of[{d.org, d.name}] = HallOf(d);
  std::map<std::string, int> last;
  for (const PlannedItem& p : waves.items) {
    const WaveItem& item = p.item;
    if (item.kind != "device" ||
        (item.action != "retire" && item.id != item.org + ":" + item.asset + ":move")) {
      continue;
    }
    auto it = hall_of.find({item.org, item.asset});
    if (it == hall_of.end()) continue;
    int& wave = last[it->second];
    wave = std::max(wave, p.wave);
  }
  return last;
}

// What stays in each hall: the plan's stays, the site-bound devices kept in a target hall, and
// devices that could not be placed.
std::map<std::string, std::vector<StayingDevice>> Staying(const HallPlan& plan) {
  std::map<std::string, std::vector<StayingDevice>> stays;
  for (const HallDevice& d : plan.stays)
    stays[HallOf(d)].push_back({d.name, d.org, d.site_bound, std::nullopt});
  for (const PlannedHall& hall : plan.halls) {
    for (const PlannedRack& rack : hall.racks) {
      for (const Placement& p : rack.devices) {
        const HallDevice& d = plan.devices[p.device];
        if (p.kept && !d.site_bound.empty())
          stays[HallOf(d)].push_back({d.name, d.org, d.site_bound, std::nullopt});
      }
    }
  }
  for (const Unplaced& u : plan.unplaced) {
    if (u.limit == Limit::kSparePdu) continue;
    const HallDevice& d = plan.devices[u.device];
    if (d.hall.empty()) continue;
    stays[HallOf(d)].push_back({d.name, d.org, "could not be placed: " + u.reason, u.limit});
  }
  for (auto& [hall, list] : stays) {
    std::sort(list.begin(), list.end(), [](const StayingDevice& a, const StayingDevice& b) {
      return std::tie(a.org, a.asset) < std::tie(b.org, b.asset);
    });
  }
  return stays;
}

}  // namespace

std::string_view ToString(HallFate fate) {
  switch (fate) {
    case HallFate::kTarget:
      return "target";
    case HallFate::kKept:
      return "kept";
    case HallFate::kEmptied:
      return "emptied";
  }
  return "";
}

std::vector<TodayHallFate> HallFates(const HallPlan& plan, const WavePlan* waves) {
  std::map<std::string, std::string> target_of;  // "org/site/hall" -> target hall
  for (const PlannedHall& h : plan.halls) {
    if (!h.from.empty()) target_of[h.from] = h.name;
  }
  const std::map<std::string, int> last =
      waves ? LastWaveOut(plan, *waves) : std::map<std::string, int>{};
  auto stays = Staying(plan);
  std::vector<TodayHallFate> out;
  for (const TodayHall& today : plan.today) {
    TodayHallFate fate;
    fate.org = today.org;
    fate.site = today.site;
    fate.hall = today.hall;
    const std::string key = today.org + "/" + core::HallKey(today.site, today.hall);
    if (today.kept) {
      fate.fate = HallFate::kKept;
    } else if (auto t = target_of.find(key); t != target_of.end()) {
      fate.fate = HallFate::kTarget;
      fate.target = t->second;
    }
    if (auto s = stays.find(key); s != stays.end()) fate.stays = std::move(s->second);
    const bool stuck = std::any_of(
        fate.stays.begin(), fate.stays.end(),
        [](const StayingDevice& s) { return s.why.rfind("could not be placed", 0) == 0; });
    if (fate.fate == HallFate::kEmptied && !stuck) {
      if (auto w = last.find(key); w != last.end() && w->second > 0) {
        fate.emptied_in_wave = w->second;
        const auto& list = waves->waves;
        if (w->second <= static_cast<int>(list.size())) fate.emptied_on = list[w->second - 1].end;
      }
    }
    out.push_back(std::move(fate));
  }
  return out;
}

}  // namespace samdrift::planners
