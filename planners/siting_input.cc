#include "planners/siting_input.h"

#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "core/text.h"

namespace samdrift::planners {
namespace {

struct Coordinates {
  std::optional<double> latitude;
  std::optional<double> longitude;
  bool invalid = false;  // given but not decimal degrees (SIT001 said so)
};

using SiteKey = std::pair<std::string, std::string>;  // (org, site)

core::SourceLocation Where(const core::Asset& asset) {
  return {asset.provenance.source, asset.provenance.line, 0};
}

std::optional<double> Degrees(const core::Asset& site, std::string_view key, double limit,
                              core::Diagnostics& diagnostics) {
  const std::string* text = site.Attr(key);
  if (!text || core::Trim(*text).empty()) return std::nullopt;
  std::optional<double> value = core::ParseNumber(*text);
  if (!value || *value < -limit || *value > limit) {
    diagnostics.Warning(Where(site), "SIT001",
                        "site '" + site.name + "' (" + site.org + "): " + std::string(key) + " '" +
                            *text + "' is not decimal degrees from -" +
                            std::to_string(static_cast<int>(limit)) + " to " +
                            std::to_string(static_cast<int>(limit)) + "; its distance is unknown");
    return std::nullopt;
  }
  return value;
}

std::map<SiteKey, Coordinates> ReadSites(const core::Estate& estate,
                                         const std::set<std::string>& orgs,
                                         core::Diagnostics& diagnostics) {
  std::map<SiteKey, Coordinates> sites;
  for (const core::Asset& a : estate.assets) {
    if (a.kind != core::AssetKind::kSite || (!orgs.empty() && !orgs.count(a.org))) continue;
    const std::size_t before = diagnostics.total();
    Coordinates c{Degrees(a, "latitude", 90, diagnostics),
                  Degrees(a, "longitude", 180, diagnostics)};
    if (!c.latitude || !c.longitude) c = {std::nullopt, std::nullopt, diagnostics.total() > before};
    sites[{a.org, a.name}] = c;
  }
  return sites;
}

// Today's halls of the scenario's orgs, by org and "Site/Hall"; warns about missing capacity.
std::vector<const core::Asset*> ExistingHalls(const core::Estate& estate,
                                              const std::set<std::string>& orgs,
                                              core::Diagnostics& diagnostics) {
  std::map<std::pair<std::string, std::string>, const core::Asset*> halls;
  for (const core::Asset& a : estate.assets) {
    if (a.kind != core::AssetKind::kHall || (!orgs.empty() && !orgs.count(a.org))) continue;
    halls[{a.org, a.Key()}] = &a;
  }
  std::vector<const core::Asset*> out;
  for (const auto& [key, hall] : halls) {
    std::vector<std::string> missing;
    for (const char* field : {"positions", "power_kw", "cooling_kw"}) {
      const std::string* v = hall->Attr(field);
      if (!v || !core::ParseNumber(*v) || *core::ParseNumber(*v) <= 0) missing.push_back(field);
    }
    if (!missing.empty()) {
      diagnostics.Warning(Where(*hall), "SIT003",
                          "hall '" + key.first + "/" + key.second + "' has no " +
                              core::Join(missing, ", ") +
                              " recorded: as a candidate its positions are its racks and "
                              "its power or cooling is taken as unlimited");
    }
    out.push_back(hall);
  }
  return out;
}

TargetHall ExistingTarget(const core::Asset& hall) {
  TargetHall t;
  t.name = hall.org + "/" + hall.Key();
  t.from = t.name;
  return t;
}

TargetHall NewTarget(const SitingCandidate& c) {
  TargetHall t;
  t.name = c.name;
  t.positions = c.positions;
  t.power_kw = c.power_kw;
  t.cooling_kw = c.cooling_kw;
  t.where = c.where;
  return t;
}

}  // namespace

core::Result<SitingInput> BuildSitingInput(const core::Estate& estate,
                                           const std::vector<core::DeviceType>& catalog,
                                           const Scenario& scenario, const AssetNames& retired,
                                           core::Diagnostics& diagnostics) {
  const std::set<std::string> orgs(scenario.orgs.begin(), scenario.orgs.end());
  const std::map<SiteKey, Coordinates> sites = ReadSites(estate, orgs, diagnostics);
  const std::vector<const core::Asset*> halls = ExistingHalls(estate, orgs, diagnostics);
  Scenario all = scenario;
  all.halls.clear();
  std::vector<Coordinates> where;
  std::vector<std::optional<double>> investment(halls.size());
  std::vector<std::optional<double>> running(halls.size());
  for (const core::Asset* hall : halls) {
    all.halls.push_back(ExistingTarget(*hall));
    auto it = sites.find({hall->org, hall->site});
    where.push_back(it == sites.end() ? Coordinates{} : it->second);
    if (!where.back().latitude && !where.back().invalid) {
      diagnostics.Warning(Where(*hall), "SIT002",
                          "hall '" + all.halls.back().name + "': site '" + hall->site +
                              "' has no latitude/longitude; distances to it are unknown");
    }
  }
  for (const SitingCandidate& c : scenario.siting.candidates) {
    all.halls.push_back(NewTarget(c));
    where.push_back({c.latitude, c.longitude, false});
    investment.push_back(c.investment);
    running.push_back(c.running_per_year);
    if (!c.latitude || !c.longitude) {
      diagnostics.Warning(
          c.where, "SIT002",
          "candidate '" + c.name + "' has no latitude/longitude; distances to it are unknown");
    }
  }
  if (static_cast<std::size_t>(scenario.siting.count) > all.halls.size()) {
    diagnostics.Error(
        scenario.siting.where.source.empty() ? core::SourceLocation{scenario.source, 0, 0}
                                             : scenario.siting.where,
        "SIT004",
        "siting: count " + std::to_string(scenario.siting.count) + " is more than the " +
            std::to_string(all.halls.size()) + " candidate halls");
    return core::Status::Invalid("fewer candidate halls than siting.count");
  }
  auto input = BuildHallInput(estate, catalog, all, retired, diagnostics);
  if (!input.ok()) return input.status();
  SitingInput out;
  out.rules = scenario.siting;
  for (std::size_t i = 0; i < input->halls.size(); ++i) {
    out.candidates.push_back(
        {input->halls[i], where[i].latitude, where[i].longitude, investment[i], running[i]});
  }
  out.base = std::move(*input);
  out.base.halls.clear();
  return out;
}

Scenario ScenarioForSet(const Scenario& scenario, const std::vector<HallCandidate>& candidates,
                        const std::vector<std::size_t>& set) {
  Scenario out = scenario;
  out.halls.clear();
  for (std::size_t k = 0; k < set.size(); ++k) {
    const HallSpec& spec = candidates[set[k]].spec;
    TargetHall t;
    t.name = spec.name;
    t.from = spec.From();
    if (t.from.empty()) {
      t.positions = spec.positions;
      t.power_kw = std::isfinite(spec.power_kw) ? spec.power_kw : 0;
      t.cooling_kw = std::isfinite(spec.cooling_kw) ? spec.cooling_kw : 0;
      t.running_per_year = candidates[set[k]].running_per_year;
    }
    t.role = k == 0 ? HallRole::kPrimary : HallRole::kSecondary;
    out.halls.push_back(std::move(t));
  }
  return out;
}

}  // namespace samdrift::planners
