// PriceCosts (costs.h): the quantities of a plan times the prices of a costs file.
#include "planners/costs.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/text.h"
#include "planners/migration.h"

namespace samdrift::planners {
namespace {

constexpr double kHoursPerYear = 8760;
constexpr int kYears = 5;

std::string Count(double n, const std::string& unit) {
  std::string text = std::to_string(static_cast<long long>(std::llround(n)));
  return text + " " + unit;
}

// Sums priced items and remembers the ones the file does not price.
class Ledger {
 public:
  // Adds `quantity` times `price` to `into`, or names the item as unknown when there is no price.
  void Add(double& into, double quantity, std::optional<double> price, const std::string& what,
           const std::string& counted) {
    if (quantity <= 0) return;
    ++items_;
    if (price) {
      ++priced_;
      into += quantity * *price;
    } else {
      unknown_.insert(what + " (" + counted + ")");
    }
  }
  void Unknown(const std::string& what) {
    ++items_;
    unknown_.insert(what);
  }
  double PricedShare() const { return items_ == 0 ? 1.0 : double(priced_) / double(items_); }
  std::vector<std::string> unknown() const { return {unknown_.begin(), unknown_.end()}; }

 private:
  std::size_t items_ = 0;
  std::size_t priced_ = 0;
  std::set<std::string> unknown_;
};

std::optional<double> BuyPrice(const CostsFile& c, const Purchase& p) {
  if (auto it = c.buy.find(p.technology); it != c.buy.end()) return it->second;
  if (auto it = c.buy.find(p.capability); it != c.buy.end()) return it->second;
  return std::nullopt;
}

const LicencePrice* LicenceFor(const CostsFile& c, const LicenceUse& l) {
  for (const std::string* key : {&l.technology, &l.product, &l.capability}) {
    if (auto it = c.licence.find(*key); it != c.licence.end()) return &it->second;
  }
  return nullptr;
}

// The running cost of facilities for a year: halls, racks, and power times PUE.
double FacilityCost(Ledger& ledger, const Facilities& f, const CostsFile& c) {
  double cost = f.quoted_per_year;
  ledger.Add(cost, double(f.halls), c.hall, "per_year.hall", Count(f.halls, "halls"));
  ledger.Add(cost, double(f.racks), c.rack, "per_year.rack", Count(f.racks, "racks"));
  std::optional<double> kw_year;
  if (c.electricity_kwh && c.pue) kw_year = kHoursPerYear * *c.pue * *c.electricity_kwh;
  if (!c.electricity_kwh) {
    ledger.Add(cost, f.kw, kw_year, "electricity_kwh", Count(f.kw, "kW"));
  } else {
    ledger.Add(cost, f.kw, kw_year, "pue", Count(f.kw, "kW"));
  }
  return cost;
}

// The capabilities the file licenses: named as a key, or the capability of a technology or
// product it prices. A technology of such a capability without a price is unknown; the file
// says nothing about the licences of other capabilities (open source, bundled, hardware).
std::set<std::string> LicensedCapabilities(const CostQuantities& q, const CostsFile& c) {
  std::set<std::string> capabilities;
  for (const auto* by_org : {&q.licences_today, &q.licences_target}) {
    for (const auto& [org, uses] : *by_org) {
      for (const LicenceUse& l : uses) {
        if (LicenceFor(c, l)) capabilities.insert(l.capability);
      }
    }
  }
  for (const auto& [key, price] : c.licence) capabilities.insert(key);
  return capabilities;
}

double LicenceCost(Ledger& ledger, const std::vector<LicenceUse>& uses, const CostsFile& c,
                   const std::set<std::string>& licensed) {
  double cost = 0;
  for (const LicenceUse& l : uses) {
    const LicencePrice* price = LicenceFor(c, l);
    if (!price) {
      if (licensed.count(l.capability)) {
        ledger.Unknown("licence: " + l.technology + " (" + l.capability + ")");
      }
      continue;
    }
    double units = 0;
    switch (price->per) {
      case LicenceUnit::kCore:
        units = l.cores;
        if (l.cores_unknown > 0) {
          ledger.Unknown("licence: " + l.technology + " (cores of " +
                         Count(double(l.cores_unknown), "carriers") + ")");
        }
        break;
      case LicenceUnit::kHost:
        units = double(l.hosts);
        break;
      case LicenceUnit::kVm:
        units = double(l.vms);
        break;
      case LicenceUnit::kClient:
        units = double(l.clients);
        break;
      case LicenceUnit::kUnit:
        units = double(l.units);
        break;
    }
    ledger.Add(cost, units, price->amount, "licence: " + l.technology, "");
  }
  return cost;
}

// Each org's share of the joint costs under the file's key.
std::map<std::string, double> Shares(const CostQuantities& q, const CostsFile& c) {
  std::map<std::string, double> weight;
  for (const std::string& org : q.orgs) {
    switch (c.share) {
      case ShareKey::kAssets:
        weight[org] = q.assets.count(org) ? double(q.assets.at(org)) : 0;
        break;
      case ShareKey::kEqual:
        weight[org] = 1;
        break;
      case ShareKey::kWeights:
        weight[org] = c.share_weights.count(org) ? c.share_weights.at(org) : 0;
        break;
    }
  }
  double total = 0;
  for (const auto& [org, w] : weight) total += w;
  for (auto& [org, w] : weight) w = total > 0 ? w / total : 1.0 / double(weight.size());
  return weight;
}

void PriceInvestment(Ledger& ledger, const CostQuantities& q, const CostsFile& c, CostSummary& s) {
  std::map<std::string, std::size_t> units;  // per technology, over the orgs
  for (const Purchase& p : q.purchases) units[p.technology] += p.units;
  for (const Purchase& p : q.purchases) {
    double cost = 0;
    ledger.Add(cost, double(p.units), BuyPrice(c, p), "buy: " + p.technology,
               Count(double(units[p.technology]), "units"));
    s.purchases += cost;
    (p.org == kJointOrg ? s.joint : s.per_org[p.org]).investment += cost;
  }
  for (const auto& [org, hours] : q.hours) {
    double cost = 0;
    ledger.Add(cost, hours, c.hour, "hour", Count(hours, "hours of " + org));
    s.work += cost;
    (org == kJointOrg ? s.joint : s.per_org[org]).investment += cost;
  }
  s.investment = s.purchases + s.work;
}

void PriceRunning(Ledger& ledger, const CostQuantities& q, const CostsFile& c, CostSummary& s) {
  for (const auto& [org, f] : q.today) s.per_org[org].running_today += FacilityCost(ledger, f, c);
  for (const auto& [org, f] : q.target) {
    (org == kJointOrg ? s.joint : s.per_org[org]).running_target += FacilityCost(ledger, f, c);
  }
  const std::set<std::string> licensed = LicensedCapabilities(q, c);
  for (const auto& [org, uses] : q.licences_today) {
    s.per_org[org].running_today += LicenceCost(ledger, uses, c, licensed);
  }
  for (const auto& [org, uses] : q.licences_target) {
    s.per_org[org].running_target += LicenceCost(ledger, uses, c, licensed);
  }
  s.running_target = s.joint.running_target;
  for (const auto& [org, o] : s.per_org) {
    s.running_today += o.running_today;
    s.running_target += o.running_target;
  }
}

// Five years from the migration's first year: while it runs the old estate is paid in full and
// the new side as far as it has been moved (mean of the year's start and end); after it, the
// target alone.
void PriceYears(const CostQuantities& q, const CostsFile& c, CostSummary& s) {
  double moved_before = q.curve.empty() ? 1.0 : 0.0;
  for (int i = 0; i < kYears; ++i) {
    const double moved_after = i < static_cast<int>(q.curve.size()) ? q.curve[i].moved : 1.0;
    double cost = s.running_target;
    if (moved_before < 1.0) {
      const double dual = s.running_target * (moved_before + moved_after) / 2;
      s.dual_running += dual;
      cost = s.running_today + dual;
    }
    s.years.push_back(cost);
    moved_before = moved_after;
  }
  s.five_year_total = s.investment;
  for (double y : s.years) s.five_year_total += y;
  // A saving under one unit a year is no saving: it is the rounding of sums of many figures
  // (today's and the target's costs of the same halls), and would pay back in 10^13 years.
  const double saving = s.running_today - s.running_target;
  if (saving >= 1) s.payback_years = s.investment / saving;
  if (c.discount_rate) {
    double npv = -s.investment;
    for (int i = 0; i < kYears; ++i) {
      npv += (s.running_today - s.years[i]) / std::pow(1 + *c.discount_rate, i + 1);
    }
    s.npv = npv;
  }
}

void ShareJoint(const CostQuantities& q, const CostsFile& c, CostSummary& s) {
  for (const auto& [org, share] : Shares(q, c)) {
    OrgCosts& o = s.per_org[org];
    o.share = share;
    o.investment += share * s.joint.investment;
    o.running_target += share * s.joint.running_target;
  }
}

}  // namespace

std::optional<double> PriceFacilities(const Facilities& f, const CostsFile& costs) {
  Ledger ledger;
  const double cost = FacilityCost(ledger, f, costs);
  if (!ledger.unknown().empty()) return std::nullopt;
  return cost;
}

int ConfidenceLevel(double share) {
  return std::clamp(static_cast<int>(std::ceil(share * 5 - 1e-9)), 1, 5);
}

CostSummary PriceCosts(const CostQuantities& q, const CostsFile& c) {
  CostSummary s;
  s.currency = c.currency;
  Ledger ledger;
  for (const std::string& org : q.orgs) s.per_org[org];
  PriceInvestment(ledger, q, c, s);
  PriceRunning(ledger, q, c, s);
  if (!c.discount_rate) ledger.Unknown("discount_rate (net present value)");
  PriceYears(q, c, s);
  ShareJoint(q, c, s);
  s.unknown = ledger.unknown();
  s.priced_share = ledger.PricedShare();
  s.data_completeness = q.devices == 0 ? 1.0 : double(q.devices_power_known) / double(q.devices);
  s.confidence = ConfidenceLevel(std::min(s.priced_share, s.data_completeness));
  return s;
}

}  // namespace samdrift::planners
