// The views in the language of the page that asks (`GET /api/VIEW?lang=sv`): the same JSON as
// the command's --json, with the planners' sentences rendered from their facts by the reports
// library, as the Swedish report shows them.
#ifndef SAMDRIFT_TOOLS_SERVE_VIEW_LANG_H_
#define SAMDRIFT_TOOLS_SERVE_VIEW_LANG_H_

#include <nlohmann/json.hpp>
#include <string_view>

#include "planners/pipeline.h"

namespace samdrift::tools::serve {

// Rewrites in Swedish the gaps' reasons (`target`), the plan items' reasons and the waves'
// over-limit notes (`plan`) and the reasons of what the hall plan left out (`halls`) of `json`,
// the view `view` made from `result`. Other views and keys are left as they are.
void ReasonsInSwedish(nlohmann::ordered_json& json, std::string_view view,
                      const planners::PipelineResult& result);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_VIEW_LANG_H_
