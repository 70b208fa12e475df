// The scenario parser's diagnostics as text, for the scenario and timeline tests.
#ifndef SAMDRIFT_TESTS_PLANNERS_SCENARIO_UTIL_H_
#define SAMDRIFT_TESTS_PLANNERS_SCENARIO_UTIL_H_

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "planners/scenario.h"

namespace samdrift::testing {

// The diagnostics of parsing `yaml` as the scenario "s.yaml", one formatted line each.
inline std::vector<std::string> Problems(const std::string& yaml) {
  core::Diagnostics d;
  planners::ParseScenario(yaml, "s.yaml", d);
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  return lines;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_PLANNERS_SCENARIO_UTIL_H_
