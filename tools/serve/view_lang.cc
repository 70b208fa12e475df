#include "tools/serve/view_lang.h"

#include <string>
#include <unordered_map>

#include "reports/sections.h"

namespace samdrift::tools::serve {
namespace {

using nlohmann::ordered_json;
using reports::Lang;

void GapReasons(ordered_json& json, const planners::TargetPlan& target) {
  ordered_json& gaps = json["gaps"];
  for (std::size_t i = 0; i < target.gaps.size() && i < gaps.size(); ++i) {
    gaps[i]["reason"] = reports::GapReason(Lang::kSv, target.gaps[i]);
  }
}

// An item made from a gap starts with the gap's reason (the report's plan items do the same).
void PlanReasons(ordered_json& json, const planners::WavePlan& plan,
                 const planners::TargetPlan* target) {
  const reports::GapsByItem gaps = target ? reports::GapsByItemId(*target) : reports::GapsByItem{};
  ordered_json& items = json["items"];
  for (std::size_t i = 0; i < plan.items.size() && i < items.size(); ++i) {
    const planners::PlannedItem& p = plan.items[i];
    const auto gap = gaps.find(p.item.id);
    items[i]["reason"] =
        reports::PlanItemReason(Lang::kSv, plan, p, gap == gaps.end() ? nullptr : gap->second);
  }
  ordered_json& waves = json["waves"];
  for (std::size_t i = 0; i < plan.waves.size() && i < waves.size(); ++i) {
    const planners::Wave& w = plan.waves[i];
    if (w.over_limit_why.size() != w.over_limit.size()) continue;  // no facts: as planned
    ordered_json notes = ordered_json::array();
    for (const auto& [group, limit] : w.over_limit_why) {
      notes.push_back(reports::OverLimitText(Lang::kSv, group, limit));
    }
    waves[i]["over_limit"] = std::move(notes);
  }
}

void UnplacedReasons(ordered_json& json, const planners::HallPlan& plan) {
  ordered_json& unplaced = json["unplaced"];
  for (std::size_t i = 0; i < plan.unplaced.size() && i < unplaced.size(); ++i) {
    unplaced[i]["reason"] = reports::UnplacedReason(Lang::kSv, plan, plan.unplaced[i]);
  }
}

}  // namespace

void ReasonsInSwedish(ordered_json& json, std::string_view view,
                      const planners::PipelineResult& result) {
  if (view == "target" && result.target) GapReasons(json, *result.target);
  if (view == "plan" && result.waves) {
    PlanReasons(json, *result.waves, result.target ? &*result.target : nullptr);
  }
  if (view == "halls" && result.halls) UnplacedReasons(json, *result.halls);
}

}  // namespace samdrift::tools::serve
