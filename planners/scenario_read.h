// Internal to planners/: the scenario's key groups read in files of their own (scenario.cc
// calls them in ReadScenario's order).
#ifndef SAMDRIFT_PLANNERS_SCENARIO_READ_H_
#define SAMDRIFT_PLANNERS_SCENARIO_READ_H_

#include <string>

#include "planners/scenario.h"
#include "planners/yaml_reader.h"

namespace samdrift::planners {

// The study's keys (scenario_study.cc): `alternative`, `pooled`, `costs`, `criteria`.
void ReadStudyKeys(YamlReader& r, const YAML::Node& root, Scenario& s);

// `timeline:` (scenario_timeline.cc): start, hours_per_month, freeze, phases.
void ReadTimelineKeys(YamlReader& r, const YAML::Node& root, Scenario& s);

// Risk (scenario_risk.cc): `sla:` tiers and `availability:` per kind and k_of_n.
void ReadRiskKeys(YamlReader& r, const YAML::Node& root, Scenario& s);

// `siting:` (scenario_siting.cc): count, distances, weights, candidates.
void ReadSiting(YamlReader& r, const YAML::Node& node, Scenario& s);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_SCENARIO_READ_H_
