// The scenario file (YAML, docs/cli.md): which orgs, fixed standards, target halls, redundancy,
// wave limits and addressing. Parsed with located diagnostics; yaml-cpp stays in scenario.cc.
#ifndef SAMDRIFT_PLANNERS_SCENARIO_H_
#define SAMDRIFT_PLANNERS_SCENARIO_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"

namespace samdrift::planners {

enum class HallRole { kPrimary, kSecondary };
std::string_view ToString(HallRole role);

struct TargetHall {
  std::string name;
  std::string from;  // "org/site/hall" of an existing hall that stays; empty for a new hall
  HallRole role = HallRole::kPrimary;
  int positions = 0;    // rack positions on the floor
  double power_kw = 0;  // usable IT power
  double cooling_kw = 0;
  int rack_u = 42;           // height of new racks
  double rack_power_kw = 8;  // power budget per rack
  int rack_pdu_u = 2;        // U at the bottom of each rack kept for its PDUs
  // Its running cost per year as quoted (a new hall's siting.candidates: running_per_year, kept
  // when a set is taken in): the costs count it instead of per_year.hall, its racks and kW.
  std::optional<double> running_per_year;
  core::SourceLocation where;
};

// How members of one redundancy group are placed: kSplit spreads them over the halls.
enum class RedundancyRule { kNone, kSplit };

struct WaveLimits {
  std::optional<int> max_items;
  std::optional<double> max_kw;
  std::optional<double> max_hours;
};

// A period no wave runs in, both days included (yyyy-mm-dd).
struct FreezePeriod {
  std::string first;
  std::string last;
};

// A phase of the study's schedule (`timeline: phases:`), both days included (yyyy-mm-dd): drawn
// as a band behind the plan's Gantt chart; it does not move any wave.
struct TimelinePhase {
  std::string name;
  std::string start;
  std::string end;
};

// `timeline:` the dates the waves get (planners/calendar.h).
struct Timeline {
  std::string start;           // yyyy-mm-dd: the first wave starts on the first work day from here
  double hours_per_month = 0;  // the joint team's capacity for plan work (more than 0)
  std::vector<FreezePeriod> freeze;
  std::vector<TimelinePhase> phases;  // in the file's order
};

// The joint address plan `net` renumbers into. `supernet` and `per_org_block` are checked
// (a valid prefix, a block length within it); `ipv6:` gives the same for the other family.
struct Addressing {
  std::string supernet;   // e.g. "10.0.0.0/8"; empty when not given
  int per_org_block = 0;  // prefix length of each org's block, e.g. 14; 0 when not given
  std::string supernet6;  // `ipv6: {supernet, per_org_block}`, e.g. "fd00:5a::/32"
  int per_org_block6 = 0;
  bool merge_vrfs = false;               // VRFs of the same name become one routing domain
  std::vector<std::string> merged_vrfs;  // `merge_vrfs: [DMZ, Skola]`: only these (implies true)
};

// An SLA tier (`sla:`): the availability services of one criticality must reach.
struct SlaTier {
  std::string tier;         // "Guld"
  std::string criticality;  // low | medium | high | critical (KLASSA T1-T4 mapped to these)
  double availability = 0;  // in (0, 1]
  std::string hours;        // "24/7", "office"; free text
  core::SourceLocation where;
};

// The criticality a text names: low, medium, high, critical, or SKR KLASSA's availability
// levels T1 (low) to T4 (critical), case-insensitive; nullopt for anything else.
std::optional<std::string> NormalizeCriticality(std::string_view text);

// `criteria:` the group's own 1-4 score for one of the study's criteria 1-4 (what an inventory
// cannot tell; 5-7 are computed, planners/criteria.h).
struct EnteredCriterion {
  int score = 0;  // 1..4, 4 the most positive
  std::string note;
  core::SourceLocation where;
};

// The standard value that leaves a capability to each org (`standards: {client-hw: free}`).
inline constexpr const char* kFreeStandard = "free";

// A new hall `siting.candidates` lists for `halls --choose` (planners/siting.h).
struct SitingCandidate {
  std::string name;
  std::string site;
  std::optional<double> latitude;  // decimal degrees; nullopt when not given
  std::optional<double> longitude;
  int positions = 0;  // 0: not given (a located error when nothing else gives capacity)
  double power_kw = 0;
  double cooling_kw = 0;
  // One-off cost of building or fitting out the hall (currency of the costs file); nullopt:
  // unknown (said, never taken as free).
  std::optional<double> investment;
  // Its running cost per year as quoted (rent, or upkeep with racks and power in it); nullopt:
  // priced as today's halls are, from the costs file's per_year.hall, per_year.rack and kW.
  std::optional<double> running_per_year;
  core::SourceLocation where;
};

// `siting:` the rules and candidates of `halls --choose`.
struct Siting {
  int count = 2;  // halls in a set: the first primary, the rest secondary
  double min_distance_km = 5;
  double max_distance_km = 100;
  double route_factor = 1.5;  // fibre route length over the great-circle distance
  // Score weights (planners/siting.h): per kW moved (unset: 0 when the scenario names a costs
  // file, else 1) and per km between the halls.
  std::optional<double> weight_kw_moved;
  double weight_distance_km = 0;
  std::vector<SitingCandidate> candidates;
  core::SourceLocation where;  // of `siting:` (or of `count:` when given)
};

struct Scenario {
  std::string name = "default";
  // `alternative:` the study's alternative it models ("S", "1-teknik", "1-tjanst", "2", any id).
  std::string alternative;
  // `pooled:` the areas the joint organisation takes over; nullopt: every area (the default).
  // An area not pooled keeps each org's own standards and halls: no gaps, no moves.
  std::optional<std::vector<core::Category>> pooled;
  std::string costs;  // `costs:` the costs file, resolved against the scenario's folder
  std::map<int, EnteredCriterion> criteria;  // `criteria:` by number (1..4)
  std::vector<std::string> orgs;             // empty: every org in the store
  // capability -> technology id, "none" (retire) or kFreeStandard (each org keeps choosing)
  std::map<std::string, std::string> standards;
  std::vector<TargetHall> halls;
  RedundancyRule redundancy = RedundancyRule::kSplit;
  WaveLimits waves;
  Addressing addressing;
  std::optional<Timeline> timeline;  // absent: waves get no dates
  std::string date;                  // planned date (ISO) for support checks; empty: today
  // Effort overrides in hours, keyed "kind/action" (e.g. "vm/migrate") or "action".
  std::map<std::string, double> effort_hours;
  std::vector<SlaTier> sla;  // empty: the default tiers (risk.h)
  // `availability:` per asset kind ("device", "hall", ...), overriding the defaults (risk.h).
  std::map<std::string, double> availability;
  // Today's halls that stay in use beside the target halls (`keep_halls:`, "org/site/hall"):
  // their devices stay where they are. Checked against the store by BuildHallInput (HAL003).
  std::vector<std::string> keep_halls;
  // The share of a hall's and a rack's power and cooling the hall plan may fill (`design_margin`,
  // in (0, 1]); the rest is headroom.
  double design_margin = 0.8;
  // Devices that stay at their site whatever their role (`site_bound:`, "org/asset"), beside
  // those whose role binds them (hall_input.h, SiteBoundWhy). Checked by BuildHallInput (HAL005).
  std::vector<std::string> site_bound;
  // `availability: {k_of_n: {GROUP: K}}`: K members of the redundancy group or cluster GROUP
  // ("org/name", or "name" in any org) must be up, instead of one (risk.h).
  std::map<std::string, int> k_of_n;
  Siting siting;       // `siting:`; defaults when absent
  std::string source;  // the file as the user named it; empty for the default scenario
  // Where values were written, for planners' own checks: "name", "standards.CAPABILITY",
  // "effort.KEY", "date", "orgs.ORG", "halls.NAME.from", "timeline", "availability.KIND",
  // "keep_halls.ORG/SITE/HALL", "site_bound.ORG/ASSET", "availability.k_of_n.GROUP", "pooled",
  // "costs". Absent for the default scenario.
  std::map<std::string, core::SourceLocation> locations;

  // Whether the joint organisation takes over `area` (every area unless `pooled:` says).
  bool Pooled(core::Category area) const;
};

// The scenario the hall plan uses: as given, except that a scenario whose datacenter area is not
// pooled keeps every org's halls as they are (its target halls are dropped: nothing moves).
Scenario HallScenario(const Scenario& scenario);

// A relative `costs:` path is made relative to the folder of the scenario file at
// `scenario_path` (the caller that read the file calls it after ParseScenario).
void ResolveCostsPath(const std::string& scenario_path, Scenario& s);

// Parses scenario YAML text; the caller reads the file, `source` names it in locations. Every
// problem is reported (located); returns nullopt when any is an error.
std::optional<Scenario> ParseScenario(std::string_view text, const std::string& source,
                                      core::Diagnostics& diagnostics);

// The orgs the scenario names against `store_orgs` (the orgs the store has): an id of `orgs:`
// or the org of a hall's `from:` that the store lacks is a located error (SCN010) naming the
// closest org; a `from:` in an org that `orgs:` leaves out is one too (SCN011). Returns false
// when any is reported.
bool CheckScenarioOrgs(const Scenario& scenario, const std::vector<std::string>& store_orgs,
                       core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SCENARIO_H_
