#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "tools/command.h"

namespace samdrift::tools {

int PrintStats(const core::Store& store, bool json) {
  {
    auto stats = store.Stats();
    if (!stats.ok()) return Fail(stats.status());
    if (json) {
      nlohmann::ordered_json out;
      out["orgs"] = nlohmann::ordered_json::object();
      for (const auto& [org, counts] : stats->orgs) {
        nlohmann::ordered_json o;
        for (core::Category c : core::kAllCategories) {
          auto it = counts.by_category.find(c);
          o[std::string(core::ToString(c))] = it == counts.by_category.end() ? 0 : it->second;
        }
        o["total"] = counts.total;
        nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
        for (const auto& [kind, n] : counts.by_kind) kinds[std::string(core::ToString(kind))] = n;
        o["kinds"] = kinds;
        o["warnings"] = counts.warnings;
        out["orgs"][org] = o;
      }
      out["total"] = stats->total;
      out["relations"] = stats->relations;
      out["unresolved_relations"] = stats->unresolved_relations;
      out["device_types"] = stats->device_types;
      out["sources"] = stats->sources;
      out["warnings"] = stats->warnings;
      std::cout << out.dump(2) << '\n';
      return 0;
    }
    std::cout << std::left << std::setw(12) << "org" << std::right;
    for (core::Category c : core::kAllCategories) {
      std::cout << std::setw(12) << core::ToString(c);
    }
    std::cout << std::setw(10) << "total" << '\n';
    for (const auto& [org, counts] : stats->orgs) {
      std::cout << std::left << std::setw(12) << org << std::right;
      for (core::Category c : core::kAllCategories) {
        auto it = counts.by_category.find(c);
        std::cout << std::setw(12) << (it == counts.by_category.end() ? 0 : it->second);
      }
      std::cout << std::setw(10) << counts.total << '\n';
    }
    std::cout << std::left << std::setw(12) << "total" << std::right << std::setw(58)
              << stats->total << '\n';
    std::cout << "relations: " << stats->relations << " (" << stats->unresolved_relations
              << " unresolved)";
    if (stats->device_types) std::cout << "; device types in catalog: " << stats->device_types;
    std::cout << '\n';
    if (stats->warnings) {
      std::cout << "import warnings:";
      const char* sep = " ";
      for (const auto& [org, counts] : stats->orgs) {
        if (!counts.warnings) continue;
        std::cout << sep << org << " " << counts.warnings;
        sep = ", ";
      }
      std::cout << '\n';
    }
    return 0;
  }
}

Runner SetupStats(CLI::App& app, const GlobalOptions& global) {
  auto json = std::make_shared<bool>(false);
  app.description("Counts of assets per municipality and category, and of relations.");
  app.add_flag("--json", *json, "print JSON");
  return [json, &global]() {
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    return PrintStats(**store, *json);
  };
}

}  // namespace samdrift::tools
