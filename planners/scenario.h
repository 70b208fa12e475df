// The scenario file (CONTRACT.md, YAML): which orgs, the standards fixed per capability, the
// target halls, redundancy, wave limits, addressing, the planned date and effort overrides.
// Shared by every planner. yaml-cpp stays in scenario.cc.
#ifndef SAMDRIFT_PLANNERS_SCENARIO_H_
#define SAMDRIFT_PLANNERS_SCENARIO_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"

namespace samdrift::planners {

// `standards: {capability: technology-id}`, in file order.
struct ScenarioStandard {
  std::string capability;  // e.g. "hypervisor"
  std::string technology;  // a catalog technology id, e.g. "vmware-esxi-8" (checked by target)
  core::SourceLocation where;
};

enum class HallRole { kPrimary, kSecondary };
std::string_view ToString(HallRole role);

// A target hall: an existing one (`from: org/site/hall`) that stays, or a new one.
struct ScenarioHall {
  std::string name;
  std::string from;  // "varnamo/Stadshuset/Serverhall 1", or empty for a new hall
  HallRole role = HallRole::kPrimary;
  std::optional<int> positions;    // rack positions on the floor
  std::optional<double> power_kw;  // usable IT power
  std::optional<double> cooling_kw;
  std::optional<int> rack_u;            // height of new racks
  std::optional<double> rack_power_kw;  // power budget per rack
  core::SourceLocation where;
};

// `redundancy: split` spreads the members of a redundancy group over the halls.
enum class Redundancy { kNone, kSplit };
std::string_view ToString(Redundancy redundancy);

struct WaveLimits {
  std::optional<int> max_items;
  std::optional<double> max_kw;
  std::optional<double> max_hours;
};

// `addressing: {supernet: 10.0.0.0/8, per_org_block: /14, merge_vrfs: true}`. Syntax of the
// prefixes is checked by the network planner, not here.
struct Addressing {
  std::string supernet;
  std::string per_org_block;
  std::optional<bool> merge_vrfs;
  core::SourceLocation where;
};

// `effort: {SUBJECT: {ACTION: hours}}`: SUBJECT is an asset kind (vm, device, client, ...) or a
// capability (core-switch, hypervisor, ...); ACTION is upgrade|replace|migrate|retire (checked
// here). Which subjects exist is checked by the target planner.
struct EffortOverride {
  std::string subject;
  std::string action;
  double hours = 0;
  core::SourceLocation where;
};

struct Scenario {
  std::string source;  // the file as the user named it
  std::string name;
  std::vector<std::string> orgs;  // empty: all orgs in the store
  std::vector<ScenarioStandard> standards;
  std::vector<ScenarioHall> halls;
  std::optional<Redundancy> redundancy;
  WaveLimits waves;
  std::optional<Addressing> addressing;
  std::string date;  // planned date, yyyy-mm-dd (checked with core::IsIsoDate); empty: today
  std::vector<EffortOverride> effort;
  std::vector<std::string> catalogs;  // extra catalog files, resolved against the scenario's folder

  // The standard fixed for `capability`, or nullptr.
  const ScenarioStandard* StandardFor(std::string_view capability) const;
};

// Parses scenario YAML. Every problem is reported to `diagnostics` with line and column
// (`scenario.yaml:7:3: error[SCN002]: unknown key 'hals'; did you mean 'halls'?`); the result
// fails with Status::Invalid when any error was reported.
core::Result<Scenario> ParseScenario(std::string_view text, const std::string& source,
                                     core::Diagnostics& diagnostics);

// Reads and parses a scenario file; a missing or unreadable file is a usage error.
core::Result<Scenario> LoadScenario(const std::string& path, core::Diagnostics& diagnostics);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SCENARIO_H_
