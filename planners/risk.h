// Risk and SLA levels computed from the dependency graph (issue 19): each service's availability
// today and in the target from its dependency chain, the single points of failure, the SLA tier
// it needs and whether it meets it, the components whose improvement buys the most availability
// (Birnbaum importance), and end-of-support exposure per org.
//
// The model (planners/README.md): a component needs what it depends_on, runs_on, is installed_on,
// located_in and powered_by, all in series; targets of one redundancy group are one parallel
// block (1-of-n), and so are two or more power feeds (A and B); a VM that runs_on a host of a
// cluster with more than one host needs the cluster, and a cluster needs its member_of hosts in
// parallel. Components that every member of a parallel block needs (one hall, UPS, SAN) are a
// common cause: they are taken out of the block and put in series with it, once. Dependency cycles
// are one component (all members in series).
#ifndef SAMDRIFT_PLANNERS_RISK_H_
#define SAMDRIFT_PLANNERS_RISK_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/graph.h"
#include "core/model.h"
#include "planners/hall_plan.h"
#include "planners/scenario.h"
#include "planners/target.h"
#include "planners/waves.h"

namespace samdrift::planners {

// The default availability of a component of this kind (planners/README.md), and the one the
// scenario's `availability:` sets.
double DefaultAvailability(core::AssetKind kind);
double ComponentAvailability(core::AssetKind kind, const Scenario* scenario);

// The default SLA tiers: Platina (critical, 0.9999, 24/7), Guld (high, 0.999, 24/7), Silver
// (medium, 0.995, office), Brons (low, 0.99, office).
std::vector<SlaTier> DefaultSlaTiers();
// The scenario's tiers, or the defaults when it names none.
std::vector<SlaTier> SlaTiers(const Scenario* scenario);

struct SinglePoint {
  std::string org;
  std::string asset;  // name as imported
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string why;  // in words
};

struct ServiceRisk {
  std::string org;
  std::string service;
  std::string criticality;         // normalised (low .. critical), or as imported when unknown
  std::string tier;                // empty: no tier for its criticality
  std::optional<double> required;  // the tier's availability
  std::optional<double> availability_today;  // nullopt: unknown (no dependencies)
  std::optional<double> availability_target;
  std::optional<bool> meets_today;  // nullopt when the availability or the tier is unknown
  std::optional<bool> meets_target;
  std::vector<SinglePoint> single_points;         // today, by kind then name
  std::vector<SinglePoint> single_points_target;  // in the target
  std::vector<std::string> limiting_path;         // today: the service, then its weakest need, ...
};

// How much the services' availability depends on one component (today): the sum over the
// services it is a single point of of dA/da (Birnbaum importance, A/a for a component in series).
struct ComponentImportance {
  std::string org;
  std::string asset;
  core::AssetKind kind = core::AssetKind::kDevice;
  double availability = 0;  // its own
  double birnbaum = 0;
  std::size_t services = 0;  // services it is a single point of
};

// End of support per org (and per category): assets past it and reaching it within 12 months at
// the planned date, today and after the plan (the assets the target's gaps change are no longer
// exposed); total: the org's devices, clusters, VMs, clients and software.
struct EosCount {
  std::size_t past = 0;
  std::size_t within_12_months = 0;
  std::size_t past_after_plan = 0;
  std::size_t within_12_months_after_plan = 0;
};
struct EosExposure {
  EosCount all;
  std::map<std::string, EosCount> by_category;  // category name -> counts
  std::size_t total = 0;
};

// Devices, VMs and clients per org (and per category) that no inventory agent or scan saw in
// the import (unmanaged): their importer is a register (CSV, NetBox, ArchiMate), not GLPI, nmap,
// lshw, lldpctl or RVTools, and no scan filled them (IsSeenByAgentOrScan).
struct ManagedCount {
  std::size_t assets = 0;
  std::size_t unmanaged = 0;
};
struct Unmanaged {
  ManagedCount all;
  std::map<std::string, ManagedCount> by_category;  // category name -> counts
};

// Whether an agent or a scan saw the asset: its importer is one (glpi-*, nmap, lshw, lldpctl,
// rvtools-*), or it carries what only they write when they fill an asset a register declared
// (GLPI's `discovered`, nmap's `os_accuracy`/`mac_vendor`, lshw's `cpu_model`, lldpctl's
// `chassis_id`, RVTools' `os_tools`/`esx_version`).
bool IsSeenByAgentOrScan(const core::Asset& asset);

// A standard the target fixes or proposes whose end of support falls before the plan's horizon
// (RiskReport::horizon): the plan moves assets onto something about to lose support.
struct ExpiringStandard {
  std::string capability;
  std::string technology;
  std::string name;
  std::string end_of_support;
  StandardSource source = StandardSource::kProposed;
  core::SourceLocation where;  // the scenario's `standards:` entry of a fixed one
};

// The RSK006 text for a standard that expires before the plan's horizon.
std::string StandardWarning(const ExpiringStandard& standard, const std::string& horizon);

// A wave after which a redundancy group stands in one hall while the plan ends with it in two
// (kind "redundancy_group"), or a cluster's hosts stand in old and new halls at once, mid-move
// (kind "cluster").
struct RiskWindow {
  int wave = 0;
  std::string org;
  std::string group;               // the redundancy group or the cluster's name
  std::string kind;                // "redundancy_group" | "cluster"
  std::vector<std::string> halls;  // where its members stand after the wave
  std::string why;
};

// A hall that is a single point of failure of services in the target but not today: the hall
// plan puts a whole cluster (all its hosts) or both members of a redundancy group in it.
struct HallConcentration {
  std::string hall;
  std::size_t services = 0;        // services it is a new single point of
  std::vector<std::string> holds;  // "org/name" of the clusters and groups wholly in it
};

struct RiskReport {
  std::vector<SlaTier> tiers;
  std::vector<ServiceRisk> services;            // by org, then service
  std::vector<ComponentImportance> importance;  // highest Birnbaum importance first
  std::map<std::string, EosExposure> eos;       // by org
  std::vector<ExpiringStandard> expiring_standards;
  // The plan's duration: 12 months after the planned date, or the last wave's end when later.
  std::string horizon;
  std::map<std::string, Unmanaged> unmanaged;    // by org
  std::vector<std::vector<std::string>> cycles;  // "org/name" members of dependency cycles
  std::vector<RiskWindow> windows;               // by wave, then org and group
  std::vector<HallConcentration> concentration;  // most services first
  bool has_target = false;                       // a hall plan gave the target placement
};

struct RiskInput {
  const core::Estate* estate = nullptr;
  const core::GraphView* graph = nullptr;  // over *estate
  const Scenario* scenario = nullptr;      // may be null (defaults)
  const TargetPlan* target = nullptr;      // may be null: no end-of-support exposure
  // Where the hall plan puts each device; empty: the target is today's estate. A device that
  // moves takes its target hall's location and power instead of today's rack, hall and feeds.
  std::vector<DevicePlacement> placements;
  const WavePlan* waves = nullptr;  // may be null: no risk windows
};

// How many members of a redundancy group or cluster must be up: the scenario's
// `availability: {k_of_n: {GROUP: K}}` for "org/name", else for "name", else 1.
int RequiredUp(const Scenario* scenario, const std::string& org, const std::string& name);

// Computes the report in one pass over the graph per state (today, target). Problems are
// warnings in `diagnostics` (a dependency cycle RSK001, a service without dependencies RSK002,
// an unknown criticality RSK003, a k_of_n larger than its group RSK004 or naming no group
// RSK005, a standard of the target that loses support before the plan's horizon RSK006); it
// never fails.
RiskReport ComputeRisk(const RiskInput& input, core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_RISK_H_
