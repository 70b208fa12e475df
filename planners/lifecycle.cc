#include "planners/lifecycle.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/date.h"

namespace samdrift::planners {

std::string_view ToString(LifecycleStatus status) {
  return status == LifecycleStatus::kPast ? "past" : "soon";
}

Lifecycle LifecycleFromUsage(const UsageSet& usage, const core::GraphView& graph,
                             const core::Catalog& catalog, const std::string& date, int months) {
  Lifecycle out;
  out.date = date;
  out.horizon = core::AddMonths(date, months);
  std::map<std::tuple<std::string, LifecycleStatus, std::string, std::string>, LifecycleSummary>
      summary;
  for (const Usage& u : usage.usages) {
    if (u.level != core::MatchLevel::kVersion) continue;  // version unknown: no date applies
    const core::Technology& t = catalog.technology(u.technology);
    if (t.end_of_support.empty() || t.end_of_support >= out.horizon) continue;
    const core::Asset& a = graph.asset(u.carrier);
    LifecycleItem item;
    item.org = a.org;
    item.asset = a.name;
    item.key = a.Key();
    item.kind = a.kind;
    item.technology = t.id;
    item.name = t.name;
    item.capability = u.capability;
    item.end_of_support = t.end_of_support;
    item.end_of_extended_support = t.end_of_extended_support;
    item.status = t.end_of_support < date ? LifecycleStatus::kPast : LifecycleStatus::kSoon;
    auto [it, inserted] =
        summary.try_emplace({item.org, item.status, item.end_of_support, item.technology});
    if (inserted) {
      it->second = {
          item.org, item.technology, item.name, item.capability, item.end_of_support, item.status,
          0};
    }
    ++it->second.assets;
    out.items.push_back(std::move(item));
  }
  std::sort(out.items.begin(), out.items.end(), [](const LifecycleItem& a, const LifecycleItem& b) {
    return std::tie(a.org, a.status, a.end_of_support, a.asset, a.capability) <
           std::tie(b.org, b.status, b.end_of_support, b.asset, b.capability);
  });
  for (auto& [key, s] : summary) out.summary.push_back(std::move(s));
  return out;
}

Lifecycle ComputeLifecycle(const core::Estate& estate, const core::Catalog& catalog,
                           const std::vector<std::string>& orgs, const std::string& date,
                           int months) {
  core::GraphView graph(estate);
  UsageSet usage = CollectUsage(estate, graph, catalog, orgs);
  return LifecycleFromUsage(usage, graph, catalog, date, months);
}

}  // namespace samdrift::planners
