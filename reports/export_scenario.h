// The scenario part of the ArchiMate export from the planners' results: the standards become
// planned elements of the target Plateau (with every asset no gap retires), every gap a Gap
// associated with its asset, every wave a Work Package associated with the assets its items
// change. Either plan may be absent (null): its part is then left out.
#ifndef SAMDRIFT_REPORTS_EXPORT_SCENARIO_H_
#define SAMDRIFT_REPORTS_EXPORT_SCENARIO_H_

#include <string>

#include "core/model.h"
#include "planners/target.h"
#include "planners/waves.h"
#include "reports/export_archimate.h"

namespace samdrift::reports {

ArchimateScenario ArchimateScenarioFrom(const core::Estate& estate, const std::string& name,
                                        const planners::TargetPlan* target,
                                        const planners::WavePlan* waves);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_EXPORT_SCENARIO_H_
