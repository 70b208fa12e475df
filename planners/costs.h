// The plan turned into money (docs/cli.md, "compare"): first the quantities a scenario's plan
// needs (what is bought, hours of work, halls, racks, kW and licensed units today and in the
// target, per org and joint), then those quantities priced with a costs file. Pure functions:
// the same plan and prices give the same figures. A price the file lacks leaves its item out of
// the totals and names it in `unknown`; it is never counted as zero.
#ifndef SAMDRIFT_PLANNERS_COSTS_H_
#define SAMDRIFT_PLANNERS_COSTS_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/graph.h"
#include "core/model.h"
#include "planners/costs_file.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/usage.h"
#include "planners/waves.h"

namespace samdrift::planners {

// Halls, racks and IT power (kW) paid for by one org, or jointly.
struct Facilities {
  std::size_t halls = 0;
  std::size_t racks = 0;
  double kw = 0;
  // Running cost per year quoted outright (a new hall's siting.candidates: running_per_year),
  // for halls whose halls, racks and kW are therefore not counted above.
  double quoted_per_year = 0;
};

// Licensed units of one technology for one org, in one state (today or target).
struct LicenceUse {
  std::string technology;  // id
  std::string product;     // the product's id (a licence may be priced per product)
  std::string capability;
  bool hardware = false;          // a physical model: unpriced, it is not listed as unknown
  std::size_t hosts = 0;          // carriers of kind device or cluster
  std::size_t vms = 0;            // carriers of kind vm
  std::size_t clients = 0;        // carriers of kind client
  std::size_t units = 0;          // every carrier
  double cores = 0;               // cores of the carriers that state them (attribute cpu_cores)
  std::size_t cores_unknown = 0;  // carriers without a core count
};

// One target technology to buy for one org (the target's replace gaps).
struct Purchase {
  std::string org;
  std::string technology;  // the standard's id
  std::string capability;
  std::size_t units = 0;
};

// Share moved (0..1, cumulative) by the end of each calendar year of the migration.
struct CurvePoint {
  int year = 0;
  double moved = 0;
};

struct CostQuantities {
  std::vector<std::string> orgs;              // sorted
  std::map<std::string, std::size_t> assets;  // per org: what the `assets` share key weighs
  std::vector<Purchase> purchases;            // by org, technology
  std::map<std::string, double> hours;        // per org; kJointOrg for what is built jointly
  std::map<std::string, Facilities> today;    // per org: each org's own halls today
  std::map<std::string, Facilities> target;   // per org (halls kept or not pooled), kJointOrg
  std::map<std::string, std::vector<LicenceUse>> licences_today;  // per org, by technology
  std::map<std::string, std::vector<LicenceUse>> licences_target;
  std::vector<CurvePoint> curve;        // empty: nothing moves
  std::size_t devices = 0;              // datacenter devices in halls today
  std::size_t devices_power_known = 0;  // of those, power from the inventory or device types
  // Hardware the plan replaces or retires before its end of support, and the years of support
  // it had left (the remaining book life the inventory can tell).
  std::size_t replaced_early = 0;
  double support_years_left = 0;
};

// Everything that CollectCostQuantities reads: the plan of one scenario over one estate.
struct PlanView {
  const core::Estate* estate = nullptr;
  const core::GraphView* graph = nullptr;  // over *estate
  const core::Catalog* catalog = nullptr;
  const Scenario* scenario = nullptr;
  const TargetPlan* target = nullptr;
  const HallPlan* halls = nullptr;
  const WavePlan* waves = nullptr;
  // The base's match of the estate (PlanningBase::usage), shared with the target; null: matched
  // here again.
  UsageMemo* usage = nullptr;
};

CostQuantities CollectCostQuantities(const PlanView& plan);

// The target's halls, racks and kW per org (CostQuantities::target) for a hall plan of
// `scenario`: its halls are joint (kJointOrg) when the datacenter area is pooled. A hall named in
// `quoted` (its running cost per year), or a joint hall whose scenario entry has
// `running_per_year`, counts that amount instead of itself, its racks and kW.
std::map<std::string, Facilities> TargetFacilities(const Scenario& scenario, const HallPlan& halls,
                                                   std::map<std::string, double> quoted = {});

// One planned hall: 1 hall, its racks holding a device other than a PDU, its kW used.
Facilities HallFacilities(const HallPlan& plan, const PlannedHall& hall);

// The running cost per year of `f` at the file's prices (halls, racks, kW × 8760 × pue ×
// electricity_kwh, plus what is quoted); nullopt when a price it needs is missing.
std::optional<double> PriceFacilities(const Facilities& f, const CostsFile& costs);

// One org's part: its own costs plus its share of the joint ones.
struct OrgCosts {
  double share = 0;  // of the joint costs, 0..1
  double investment = 0;
  double running_today = 0;
  double running_target = 0;
};

struct CostSummary {
  std::string currency;
  double investment = 0;  // purchases plus work
  double purchases = 0;
  double work = 0;
  double running_today = 0;  // per year
  double running_target = 0;
  double dual_running = 0;              // paid on top while old and new run side by side
  std::vector<double> years;            // running cost in each of the first five years
  double five_year_total = 0;           // investment plus the five years' running cost
  std::optional<double> payback_years;  // nullopt: the target costs no less than today
  std::optional<double> npv;            // nullopt without a discount rate
  std::map<std::string, OrgCosts> per_org;
  OrgCosts joint;                    // before it is shared
  std::vector<std::string> unknown;  // the items left out, each with what it would count
  double priced_share = 0;           // of the cost items, the share the file prices
  double data_completeness = 0;      // of the datacenter devices, the share with known power
  int confidence = 1;                // 1..5 from the smaller of the two shares
};

// Prices the quantities (formulas in docs/cli.md, "compare").
CostSummary PriceCosts(const CostQuantities& quantities, const CostsFile& costs);

// 1..5 for a share 0..1: up to 0.2 is 1, up to 0.4 is 2, ..., above 0.8 is 5.
int ConfidenceLevel(double share);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_COSTS_H_
