// CollectCostQuantities (costs.h): counts what a scenario's plan needs, before any price.
#include <algorithm>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "planners/calendar.h"
#include "planners/costs.h"
#include "planners/migration.h"
#include "planners/usage.h"

namespace samdrift::planners {
namespace {

std::string GapKey(std::string_view org, std::string_view key, std::string_view capability) {
  std::string k(org);
  k.append(1, '\0').append(key).append(1, '\0').append(capability);
  return k;
}

void CountAssets(const PlanView& p, CostQuantities& q) {
  const std::set<std::string> orgs(q.orgs.begin(), q.orgs.end());
  for (const core::Asset& a : p.estate->assets) {
    if (!orgs.count(a.org)) continue;
    switch (a.kind) {
      case core::AssetKind::kSite:
      case core::AssetKind::kHall:
      case core::AssetKind::kRack:
      case core::AssetKind::kNetwork:
        continue;
      default:
        ++q.assets[a.org];
    }
  }
}

// A replace gap to a hardware standard buys one unit of it (software that replaces software
// is paid by its licence, priced as running cost).
void CountPurchases(const TargetPlan& target, const core::Catalog& catalog, CostQuantities& q) {
  std::map<std::pair<std::string, std::string>, Purchase> by;
  for (const Gap& g : target.gaps) {
    if (g.action != GapAction::kReplace || g.to().empty()) continue;
    const core::Technology* to = catalog.Find(g.to());
    if (!to || !to->hardware) continue;
    Purchase& p = by[{g.org(), g.to()}];
    p.org = g.org();
    p.technology = g.to();
    p.capability = g.capability();
    ++p.units;
  }
  for (auto& [key, p] : by) q.purchases.push_back(std::move(p));
}

// Hardware replaced or retired while still supported, with the support it had left.
void CountEarlyReplacement(const TargetPlan& target, const core::Catalog& catalog,
                           CostQuantities& q) {
  const auto planned = ParseDay(target.date);
  for (const Gap& g : target.gaps) {
    if (g.action != GapAction::kReplace && g.action != GapAction::kRetire) continue;
    const core::Technology* from = catalog.Find(g.from());
    if (!from || !from->hardware || g.past_end_of_support || g.end_of_support().empty()) continue;
    const auto end = ParseDay(g.end_of_support());
    if (!planned || !end) continue;
    ++q.replaced_early;
    q.support_years_left += (*end - *planned).count() / 365.25;
  }
}

void CountHours(const WavePlan& waves, CostQuantities& q) {
  for (const PlannedItem& item : waves.items) q.hours[item.item.org] += item.item.hours;
}

// Share of the plan's hours done by the end of each year (a wave counts in the year it ends);
// without dates, everything in the planned date's year.
void MigrationCurve(const WavePlan& waves, const std::string& date, CostQuantities& q) {
  double total = 0;
  std::map<int, double> by_year;
  for (const Wave& w : waves.waves) {
    total += w.hours;
    const std::string& when = w.end.empty() ? date : w.end;
    by_year[std::stoi(when.substr(0, 4))] += w.hours;
  }
  if (waves.waves.empty()) return;
  double done = 0;
  for (int year = by_year.begin()->first; year <= by_year.rbegin()->first; ++year) {
    done += by_year.count(year) ? by_year[year] : 0;
    q.curve.push_back({year, total > 0 ? done / total : 1.0});
  }
}

// Today: each org's halls and racks with devices in them, and their power.
void CountToday(const HallPlan& halls, CostQuantities& q) {
  std::set<std::string> seen_halls, seen_racks;
  auto add = [&](const HallDevice& d) {
    if (d.hall.empty()) return;
    Facilities& f = q.today[d.org];
    if (!d.pdu && seen_halls.insert(d.org + "/" + d.site + "/" + d.hall).second) ++f.halls;
    if (!d.pdu && !d.rack.empty() &&
        seen_racks.insert(d.org + "/" + d.site + "/" + d.hall + "/" + d.rack).second) {
      ++f.racks;
    }
    f.kw += d.kw;
    ++q.devices;
    if (d.power_source != core::FigureSource::kDefault) ++q.devices_power_known;
  };
  for (const HallDevice& d : halls.devices) add(d);
  for (const HallDevice& d : halls.retired) add(d);
  for (const HallDevice& d : halls.stays) add(d);  // site-bound: in today's halls too
}

void AddLicence(std::vector<LicenceUse>& list, const core::Technology& t,
                const std::string& capability, const core::Asset& carrier) {
  auto it = std::find_if(list.begin(), list.end(),
                         [&](const LicenceUse& l) { return l.technology == t.id; });
  if (it == list.end()) {
    list.push_back({t.id, t.product_id, capability, t.hardware});
    it = list.end() - 1;
  }
  ++it->units;
  switch (carrier.kind) {
    case core::AssetKind::kVm:
      ++it->vms;
      break;
    case core::AssetKind::kClient:
      ++it->clients;
      break;
    default:
      ++it->hosts;
  }
  const std::string* cores = carrier.Attr("cpu_cores");
  if (!cores) cores = carrier.Attr("cores");
  const auto n = cores ? core::ParseNumber(*cores) : std::nullopt;
  if (n && *n > 0) {
    it->cores += *n;
  } else {
    ++it->cores_unknown;
  }
}

// Licensed units per org and technology: today as used; in the target with each gap applied
// (replaced or upgraded to the standard, retired gone; a retired host takes its software along).
void CountLicences(const PlanView& p, CostQuantities& q) {
  std::unordered_map<std::string, const Gap*> gaps;
  std::set<std::pair<std::string, std::string>> retired;  // (org, key)
  for (const Gap& g : p.target->gaps) {
    gaps.emplace(GapKey(g.org(), g.key(), g.capability()), &g);
    if (g.action == GapAction::kRetire) retired.insert({g.org(), g.key()});
  }
  UsageSet own;
  const UsageSet& usage = p.usage ? p.usage->Get(*p.estate, *p.graph, *p.catalog, q.orgs)
                                  : (own = CollectUsage(*p.estate, *p.graph, *p.catalog, q.orgs));
  for (const Usage& u : usage.usages) {
    const core::Asset& carrier = p.graph->asset(u.carrier);
    const core::Technology& t = p.catalog->technology(u.technology);
    AddLicence(q.licences_today[carrier.org], t, u.capability, carrier);
    if (retired.count({carrier.org, carrier.Key()})) continue;
    const core::Technology* after = &t;
    auto g = gaps.find(GapKey(carrier.org, carrier.Key(), u.capability));
    if (g != gaps.end() && g->second->action != GapAction::kMigrate) {
      after = p.catalog->Find(g->second->to());
      if (!after) continue;
    }
    AddLicence(q.licences_target[carrier.org], *after, u.capability, carrier);
  }
}

}  // namespace

// Target: the scenario's halls are joint when the datacenter area is pooled; any other hall in
// the plan (kept, or today's when nothing is pooled) stays with the org it belongs to.
Facilities HallFacilities(const HallPlan& plan, const PlannedHall& hall) {
  Facilities f;
  f.halls = 1;
  for (const PlannedRack& rack : hall.racks) {
    f.racks += std::any_of(rack.devices.begin(), rack.devices.end(),
                           [&](const Placement& p) { return !plan.devices[p.device].pdu; });
  }
  f.kw = hall.power_kw_used;
  return f;
}

std::map<std::string, Facilities> TargetFacilities(const Scenario& scenario, const HallPlan& halls,
                                                   std::map<std::string, double> quoted) {
  std::map<std::string, Facilities> target;
  std::set<std::string> joint_halls;
  if (scenario.Pooled(core::Category::kDatacenter)) {
    for (const TargetHall& h : scenario.halls) {
      joint_halls.insert(h.name);
      if (h.running_per_year) quoted.emplace(h.name, *h.running_per_year);  // `quoted` first
    }
  }
  for (const PlannedHall& hall : halls.halls) {
    const bool joint = joint_halls.count(hall.name) > 0;
    const std::string owner = joint ? kJointOrg : hall.from.substr(0, hall.from.find('/'));
    const Facilities used = HallFacilities(halls, hall);
    if (!joint && used.racks == 0) continue;  // a hall of today's that the plan leaves empty
    Facilities& f = target[owner];
    if (auto q = quoted.find(hall.name); q != quoted.end()) {
      f.quoted_per_year += q->second;
      continue;
    }
    f.halls += used.halls;
    f.racks += used.racks;
    f.kw += used.kw;
  }
  // Site-bound devices stay where they are and keep drawing power there (not a hall the plan
  // keeps: a wiring closet's switch is not a server hall's running cost).
  for (const HallDevice& d : halls.stays) target[d.org].kw += d.kw;
  return target;
}

CostQuantities CollectCostQuantities(const PlanView& p) {
  CostQuantities q;
  q.orgs = p.target->orgs;
  CountAssets(p, q);
  CountPurchases(*p.target, *p.catalog, q);
  CountEarlyReplacement(*p.target, *p.catalog, q);
  CountHours(*p.waves, q);
  MigrationCurve(*p.waves, p.target->date, q);
  CountToday(*p.halls, q);
  q.target = TargetFacilities(*p.scenario, *p.halls);
  CountLicences(p, q);
  return q;
}

}  // namespace samdrift::planners
