// `samdrift halls --choose` (tools/cmd_halls_choose.cc).
#ifndef SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
#define SAMDRIFT_TOOLS_HALLS_CHOOSE_H_

#include "tools/command.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {

// `halls --choose`: every set of siting.count candidate halls planned and ranked (docs/cli.md).
int RunHallsChoose(const GlobalOptions& global, PlanningOptions options, Format format);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_HALLS_CHOOSE_H_
