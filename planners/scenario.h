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

// `timeline:` the dates the waves get (planners/calendar.h).
struct Timeline {
  std::string start;           // yyyy-mm-dd: the first wave starts on the first work day from here
  double hours_per_month = 0;  // the joint team's capacity for plan work (more than 0)
  std::vector<FreezePeriod> freeze;
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

struct Scenario {
  std::string name = "default";
  std::vector<std::string> orgs;                 // empty: every org in the store
  std::map<std::string, std::string> standards;  // capability -> technology id
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
  std::string source;  // the file as the user named it; empty for the default scenario
  // Where values were written, for planners' own checks: "standards.CAPABILITY",
  // "effort.KEY", "date", "orgs.ORG", "halls.NAME.from", "timeline", "availability.KIND".
  // Absent for the default scenario.
  std::map<std::string, core::SourceLocation> locations;
};

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
