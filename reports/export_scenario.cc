#include "reports/export_scenario.h"

#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "core/text.h"

namespace samdrift::reports {
namespace {

// The action words of docs/cli.md (target.cc has the same; kept here so that this file needs only
// the plan's values).
std::string_view ActionText(planners::GapAction action) {
  switch (action) {
    case planners::GapAction::kUpgrade:
      return "upgrade";
    case planners::GapAction::kReplace:
      return "replace";
    case planners::GapAction::kMigrate:
      return "migrate";
    case planners::GapAction::kRetire:
      return "retire";
  }
  return "";
}

// Software capabilities become SystemSoftware, hardware ones Device.
std::string ElementTypeFor(const std::string& capability) {
  const bool software = capability == "hypervisor" || capability.find("-os") != std::string::npos ||
                        capability.find("software") != std::string::npos ||
                        capability.find("directory") != std::string::npos ||
                        capability.find("database") != std::string::npos;
  return software ? "SystemSoftware" : "Device";
}

std::string Number(double v) {
  std::ostringstream s;
  s.precision(6);
  s << v;
  return s.str();
}

}  // namespace

ArchimateScenario ArchimateScenarioFrom(const core::Estate& estate, const std::string& name,
                                        const planners::TargetPlan* target,
                                        const planners::WavePlan* waves) {
  ArchimateScenario out;
  out.name = name;
  std::set<std::tuple<std::string, int, std::string>> retired;
  std::map<std::string, std::string> standard_names;  // technology id -> name
  if (target) {
    out.documentation = "Målarkitektur per " + target->date + " för " +
                        std::to_string(target->orgs.size()) + " kommuner";
    for (const planners::Standard& s : target->standards) {
      standard_names[s.technology] = s.name;
      std::vector<core::Attribute> props = {
          {"capability", s.capability},
          {"technology", s.technology},
          {"source", s.source == planners::StandardSource::kScenario ? "scenario" : "proposed"}};
      if (!s.end_of_support.empty()) props.push_back({"end_of_support", s.end_of_support});
      out.target_elements.push_back({s.name, ElementTypeFor(s.capability), s.reason, props});
    }
    for (const planners::Gap& g : target->gaps) {
      if (g.action == planners::GapAction::kRetire)
        retired.insert({g.org(), static_cast<int>(g.kind), g.key()});
      auto to = standard_names.find(g.to());
      const std::string to_name = to == standard_names.end() ? g.to() : to->second;
      ArchimateScenario::Gap gap;
      gap.name = g.asset() + ": " + (g.from_name().empty() ? g.from() : g.from_name()) + " → " +
                 (g.action == planners::GapAction::kRetire ? std::string("avvecklas") : to_name);
      gap.documentation = g.reason();
      gap.affected = {{g.org(), g.kind, g.key()}};
      gap.properties = {{"org", g.org()},
                        {"capability", g.capability()},
                        {"action", std::string(ActionText(g.action))},
                        {"from", g.from()},
                        {"to", g.to()},
                        {"effort_hours", Number(g.effort_hours)}};
      if (g.past_end_of_support) gap.properties.push_back({"past_end_of_support", "true"});
      out.gaps.push_back(std::move(gap));
    }
    for (const core::Asset& a : estate.assets) {
      if (!retired.count({a.org, static_cast<int>(a.kind), a.Key()})) {
        out.target_assets.push_back({a.org, a.kind, a.Key()});
      }
    }
  }
  if (waves) {
    for (const planners::Wave& w : waves->waves) {
      ArchimateScenario::WorkPackage wp;
      wp.name = "Våg " + std::to_string(w.number);
      std::set<std::tuple<std::string, int, std::string>> seen;
      std::vector<std::string> built;
      for (const planners::ItemIndex i : w.items) {
        const planners::WaveItem& item = waves->items[i].item;
        auto kind = core::ParseAssetKind(item.kind);
        if (!kind) {  // something built first, not an asset of the estate
          built.push_back(item.asset);
          continue;
        }
        if (seen.insert({item.org, static_cast<int>(*kind), item.asset}).second) {
          wp.items.push_back({item.org, *kind, item.asset});
        }
      }
      wp.documentation = std::to_string(w.items.size()) + " åtgärder, " + Number(w.kw) + " kW, " +
                         Number(w.hours) + " timmar";
      if (!built.empty()) {
        wp.documentation += "; byggs först:";
        for (const std::string& b : built) wp.documentation += " " + b + ";";
        wp.documentation.pop_back();
      }
      std::string orgs;
      for (const std::string& o : w.orgs) orgs += (orgs.empty() ? "" : ", ") + o;
      wp.properties = {{"wave", std::to_string(w.number)},
                       {"items", std::to_string(w.items.size())},
                       {"kw", Number(w.kw)},
                       {"hours", Number(w.hours)},
                       {"orgs", orgs}};
      out.work_packages.push_back(std::move(wp));
    }
  }
  return out;
}

}  // namespace samdrift::reports
