// GET /api/diff?from=A&to=B: what changes from scenario A to scenario B, built from the views'
// own JSON (target, halls, plan, compare): the standards, the gap counts per org and action, the
// halls' use, the costs and figures, and the plan items whose wave moves.
#ifndef SAMDRIFT_TOOLS_SERVE_SCENARIO_DIFF_H_
#define SAMDRIFT_TOOLS_SERVE_SCENARIO_DIFF_H_

#include <string>

#include "tools/serve/answer.h"
#include "tools/serve/workspace.h"

namespace samdrift::tools::serve {

// Call with the workspace's lock held.
Answer ScenarioDiff(Workspace& workspace, const std::string& from, const std::string& to);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_SCENARIO_DIFF_H_
