#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tools/command.h"
#include "tools/json_views.h"

namespace samdrift::tools {

nlohmann::ordered_json OrgsJson(const std::vector<core::OrgInfo>& orgs) {
  nlohmann::ordered_json out;
  out["orgs"] = nlohmann::ordered_json::array();
  for (const core::OrgInfo& o : orgs) {
    out["orgs"].push_back({{"id", o.id}, {"name", o.name}, {"assets", o.assets}});
  }
  return out;
}

Runner SetupOrgs(CLI::App& app, const GlobalOptions& global) {
  auto json = std::make_shared<bool>(false);
  app.description(
      "The municipalities in the store (those with imported files) with their display names, "
      "which tables, charts and the report show; an org without one shows its id. Name one with "
      "'samdrift org ID --name NAME'.");
  app.add_flag("--json", *json, "print JSON");
  return [json, &global]() {
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    auto orgs = (*store)->OrgList();
    if (!orgs.ok()) return Fail(orgs.status());
    if (*json) {
      std::cout << OrgsJson(*orgs).dump(2) << '\n';
      return 0;
    }
    // Ids are ASCII and line up; names (å, ä, ö) come last.
    std::cout << std::left << std::setw(16) << "org" << std::right << std::setw(10) << "assets"
              << "  name\n";
    for (const core::OrgInfo& o : *orgs) {
      std::cout << std::left << std::setw(16) << o.id << std::right << std::setw(10) << o.assets
                << "  " << o.name << '\n';
    }
    return 0;
  };
}

}  // namespace samdrift::tools
