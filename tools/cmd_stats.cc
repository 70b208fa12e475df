#include <algorithm>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "tools/command.h"
#include "tools/json_views.h"

namespace samdrift::tools {
namespace {

// Per field: the share of the assets it applies to that have it (null where it applies to
// none: unknown, never 0), and the counts behind it.
void AddCompleteness(const core::StoreStats::OrgCounts& counts, nlohmann::ordered_json& o) {
  nlohmann::ordered_json shares = nlohmann::ordered_json::object();
  nlohmann::ordered_json numbers = nlohmann::ordered_json::object();
  for (std::size_t f = 0; f < core::kCompletenessFieldCount; ++f) {
    const core::FieldCount& c = counts.completeness[f];
    auto share = c.Share();
    shares[core::kCompletenessFields[f]] =
        share ? nlohmann::ordered_json(*share) : nlohmann::ordered_json(nullptr);
    numbers[core::kCompletenessFields[f]] = {{"known", c.known}, {"applies", c.applies}};
  }
  o["completeness"] = std::move(shares);
  o["completeness_counts"] = std::move(numbers);
}

// "87%", or "-" where the field applies to no asset of the org.
std::string ShareText(const core::FieldCount& c) {
  auto share = c.Share();
  if (!share) return "-";
  return std::to_string(static_cast<int>(*share * 100 + 0.5)) + "%";
}

// The org column: 12 characters, or the longest display name and a gap.
std::size_t OrgWidth(const core::StoreStats& stats, const core::OrgNames& names) {
  std::vector<std::string> orgs;
  for (const auto& entry : stats.orgs) orgs.push_back(entry.first);
  return OrgColumnWidth(names, orgs, 12);
}

void PrintCompleteness(const core::StoreStats& stats, const core::OrgNames& names) {
  const std::size_t org_width = OrgWidth(stats, names);
  std::cout << "\ncompleteness (share of the assets a field applies to that have it; - where it "
               "applies to none)\n";
  std::cout << core::PadRight("org", org_width) << std::right;
  for (const char* field : core::kCompletenessFields) {
    std::cout << std::setw(std::max<int>(9, static_cast<int>(std::strlen(field)) + 1)) << field;
  }
  std::cout << '\n';
  for (const auto& [org, counts] : stats.orgs) {
    std::cout << core::PadRight(core::DisplayName(names, org), org_width) << std::right;
    for (std::size_t f = 0; f < core::kCompletenessFieldCount; ++f) {
      const int width =
          std::max<int>(9, static_cast<int>(std::strlen(core::kCompletenessFields[f])) + 1);
      std::cout << std::setw(width) << ShareText(counts.completeness[f]);
    }
    std::cout << '\n';
  }
}

}  // namespace

core::Result<nlohmann::ordered_json> StatsJson(const core::Store& store) {
  auto stats = store.Stats();
  if (!stats.ok()) return stats.status();
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
    AddCompleteness(counts, o);
    out["orgs"][org] = o;
  }
  out["total"] = stats->total;
  out["relations"] = stats->relations;
  out["unresolved_relations"] = stats->unresolved_relations;
  out["device_types"] = stats->device_types;
  out["sources"] = stats->sources;
  out["warnings"] = stats->warnings;
  return out;
}

int PrintStats(const core::Store& store, Format format) {
  {
    if (format == Format::kJson) {
      auto out = StatsJson(store);
      if (!out.ok()) return Fail(out.status());
      std::cout << out->dump(2) << '\n';
      return 0;
    }
    auto stats = store.Stats();
    if (!stats.ok()) return Fail(stats.status());
    auto names = store.Names();
    if (!names.ok()) return Fail(names.status());
    const std::size_t org_width = OrgWidth(*stats, *names);
    std::cout << core::PadRight("org", org_width) << std::right;
    for (core::Category c : core::kAllCategories) {
      std::cout << std::setw(12) << core::ToString(c);
    }
    std::cout << std::setw(10) << "total" << '\n';
    for (const auto& [org, counts] : stats->orgs) {
      std::cout << core::PadRight(core::DisplayName(*names, org), org_width) << std::right;
      for (core::Category c : core::kAllCategories) {
        auto it = counts.by_category.find(c);
        std::cout << std::setw(12) << (it == counts.by_category.end() ? 0 : it->second);
      }
      std::cout << std::setw(10) << counts.total << '\n';
    }
    std::cout << core::PadRight("total", org_width) << std::setw(58) << stats->total << '\n';
    std::cout << "relations: " << stats->relations << " (" << stats->unresolved_relations
              << " unresolved)";
    if (stats->device_types) std::cout << "; device types in catalog: " << stats->device_types;
    std::cout << '\n';
    if (stats->warnings) {
      std::cout << "import warnings:";
      const char* sep = " ";
      for (const auto& [org, counts] : stats->orgs) {
        if (!counts.warnings) continue;
        std::cout << sep << core::DisplayName(*names, org) << " " << counts.warnings;
        sep = ", ";
      }
      std::cout << '\n';
    }
    PrintCompleteness(*stats, *names);
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
    return PrintStats(**store, FormatOf(*json));
  };
}

}  // namespace samdrift::tools
