// samdrift overlap: what the municipalities share (docs/cli.md), as a table or JSON.
#include <cmath>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "planners/overlap.h"
#include "tools/command.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using nlohmann::ordered_json;

struct OverlapArgs {
  bool json = false;
  PlanningOptions planning;
  std::size_t unmatched = 25;
};

ordered_json OrgCounts(const std::vector<std::string>& orgs, const std::vector<std::size_t>& c) {
  ordered_json out = ordered_json::object();
  for (std::size_t i = 0; i < orgs.size(); ++i) out[orgs[i]] = c[i];
  return out;
}

ordered_json RowsJson(const planners::Overlap& o, const std::vector<planners::OverlapRow>& rows,
                      const core::Catalog& catalog) {
  ordered_json out = ordered_json::array();
  for (const planners::OverlapRow& r : rows) {
    ordered_json j;
    j["id"] = r.id;
    j["name"] = r.name;
    j["category"] = std::string(core::ToString(r.category));
    j["capability"] = r.capability;
    j["orgs"] = OrgCounts(o.orgs, r.counts);
    j["level"] = std::string(planners::ToString(r.level));
    j["total"] = r.total;
    j["org_count"] = r.org_count;
    j["shared"] = std::string(planners::ToString(r.sharing));
    if (r.level == planners::OverlapLevel::kVersion) {
      if (const core::Technology* t = catalog.Find(r.id)) {
        j["vendor"] = t->vendor;
        j["product"] = t->product_id;
        j["version"] = t->version;
        j["version_unknown"] = r.version_unknown;
        j["end_of_support"] = t->end_of_support;
        j["end_of_extended_support"] = t->end_of_extended_support;
      }
    }
    out.push_back(std::move(j));
  }
  return out;
}

ordered_json Matrix(const std::vector<std::vector<double>>& m) {
  ordered_json out = ordered_json::array();
  for (const auto& row : m) {
    ordered_json r = ordered_json::array();
    for (double x : row) r.push_back(std::round(x * 1000.0) / 1000.0);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

ordered_json OverlapJson(const planners::Overlap& o, const core::Catalog& catalog) {
  ordered_json out;
  out["orgs"] = o.orgs;
  out["similarity"] = Matrix(o.similarity);
  out["technologies"] = RowsJson(o, o.technologies, catalog);
  out["similarity_measure"] =
      "product level: per capability both orgs have, sum over products of min(share of org A's "
      "assets, share of org B's assets); mean over those capabilities";
  ordered_json levels;
  levels["vendor"] = {
      {"rows", RowsJson(o, o.vendors, catalog)},
      {"similarity", Matrix(o.similarity_by_level.at(planners::OverlapLevel::kVendor))}};
  levels["product"] = {
      {"rows", RowsJson(o, o.products, catalog)},
      {"similarity", Matrix(o.similarity_by_level.at(planners::OverlapLevel::kProduct))}};
  levels["version"] = {
      {"similarity", Matrix(o.similarity_by_level.at(planners::OverlapLevel::kVersion))}};
  out["levels"] = levels;
  ordered_json shared = {{"all", ordered_json::array()},
                         {"some", ordered_json::array()},
                         {"one", ordered_json::object()}};
  for (const planners::OverlapRow& r : o.technologies) {
    if (r.sharing == planners::Sharing::kAll) {
      shared["all"].push_back(r.id);
    } else if (r.sharing == planners::Sharing::kSome) {
      shared["some"].push_back(r.id);
    } else {
      for (std::size_t i = 0; i < o.orgs.size(); ++i) {
        if (r.counts[i] > 0) shared["one"][o.orgs[i]].push_back(r.id);
      }
    }
  }
  out["shared"] = shared;
  ordered_json unmatched = ordered_json::array();
  for (const planners::UnmatchedString& u : o.unmatched) {
    unmatched.push_back({{"vendor", u.vendor},
                         {"product", u.product},
                         {"kind", std::string(core::ToString(u.kind))},
                         {"vendor_id", u.vendor_id},
                         {"total", u.total},
                         {"orgs", OrgCounts(o.orgs, u.counts)}});
  }
  out["unmatched"] = unmatched;
  ordered_json coverage = ordered_json::object();
  for (std::size_t i = 0; i < o.orgs.size(); ++i) {
    coverage[o.orgs[i]] = {
        {"assets", o.assets[i]}, {"facets", o.facets[i]}, {"matched", o.matched[i]}};
  }
  out["coverage"] = coverage;
  return out;
}

namespace {

// An org's display name cut to 8 characters (not bytes: names carry å, ä and ö), for columns.
std::string Short(const core::OrgNames& names, const std::string& org) {
  std::string name = core::DisplayName(names, org);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80 && chars++ == 8) {
      name.resize(i);
      break;
    }
  }
  return name;
}

std::string Cut(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  return text.substr(0, width - 1) + "~";
}

void PrintRows(const planners::Overlap& o, const std::vector<planners::OverlapRow>& rows,
               const std::string& title, const core::OrgNames& names) {
  std::cout << title << '\n';
  std::cout << std::left << std::setw(16) << "capability" << std::setw(44) << "technology";
  for (const std::string& org : o.orgs) std::cout << core::PadLeft(Short(names, org), 9);
  std::cout << std::right << std::setw(6) << "orgs"
            << "  shared\n";
  for (const planners::OverlapRow& r : rows) {
    std::cout << std::left << std::setw(16) << Cut(r.capability, 15) << std::setw(44)
              << Cut(r.name, 43);
    for (std::size_t c : r.counts) {
      std::cout << std::right << std::setw(9) << (c ? std::to_string(c) : std::string("."));
    }
    std::cout << std::right << std::setw(6) << r.org_count << "  " << planners::ToString(r.sharing)
              << '\n';
  }
  std::cout << '\n';
}

int PrintTable(const planners::Overlap& o, const core::OrgNames& names,
               std::size_t unmatched_shown) {
  std::cout << "Overlap of " << o.orgs.size() << " municipalities; counts are assets (a host "
            << "and the software on it count once)\n\n";
  PrintRows(o, o.technologies, "== Technologies (version level) ==", names);
  PrintRows(o, o.products, "== Products ==", names);
  PrintRows(o, o.vendors, "== Vendors (per capability) ==", names);

  std::cout << "== Shared ==\n";
  std::cout << "by all:";
  bool any = false;
  for (const planners::OverlapRow& r : o.technologies) {
    if (r.sharing == planners::Sharing::kAll) {
      std::cout << (any ? ", " : " ") << r.name;
      any = true;
    }
  }
  std::cout << (any ? "" : " none") << '\n';
  for (std::size_t i = 0; i < o.orgs.size(); ++i) {
    std::cout << "only " << core::DisplayName(names, o.orgs[i]) << ":";
    bool first = true;
    for (const planners::OverlapRow& r : o.technologies) {
      if (r.sharing == planners::Sharing::kOne && r.counts[i] > 0) {
        std::cout << (first ? " " : ", ") << r.name;
        first = false;
      }
    }
    std::cout << (first ? " none" : "") << '\n';
  }
  std::cout << '\n';

  std::cout << "== Similarity (product level) ==\n"
            << "For each capability two municipalities both have: the sum over products of\n"
            << "min(share of A's assets, share of B's assets); the mean over those capabilities.\n"
            << "1 = the same products in the same proportions; size does not matter.\n";
  std::cout << std::left << std::setw(10) << "";
  for (const std::string& org : o.orgs) std::cout << core::PadLeft(Short(names, org), 9);
  std::cout << '\n';
  for (std::size_t i = 0; i < o.orgs.size(); ++i) {
    std::cout << core::PadRight(Short(names, o.orgs[i]), 10);
    for (std::size_t j = 0; j < o.orgs.size(); ++j) {
      std::cout << std::right << std::setw(9) << std::fixed << std::setprecision(2)
                << o.similarity[i][j];
    }
    std::cout << '\n';
  }
  std::cout << '\n';

  std::cout << "== Coverage ==\n";
  for (std::size_t i = 0; i < o.orgs.size(); ++i) {
    std::cout << core::DisplayName(names, o.orgs[i]) << ": " << o.matched[i] << " of "
              << o.facets[i] << " vendor/product strings recognised\n";
  }
  std::cout << '\n';
  std::cout << "== Unmatched vendor/product strings (" << o.unmatched.size()
            << "; extend the catalog with --catalog FILE) ==\n";
  std::size_t shown = 0;
  for (const planners::UnmatchedString& u : o.unmatched) {
    if (shown == unmatched_shown) {
      std::cout << "... " << o.unmatched.size() - shown << " more (--json lists all)\n";
      break;
    }
    std::cout << std::right << std::setw(7) << u.total << "  " << std::left << std::setw(9)
              << core::ToString(u.kind) << (u.vendor.empty() ? "(no vendor)" : u.vendor) << " / "
              << (u.product.empty() ? "(no product)" : u.product);
    if (!u.vendor_id.empty()) std::cout << "  [vendor " << u.vendor_id << "]";
    std::cout << '\n';
    ++shown;
  }
  return 0;
}

}  // namespace

int PrintOverlap(const planners::Overlap& overlap, const core::Catalog& catalog,
                 const core::OrgNames& names, Format format, std::size_t unmatched_shown) {
  if (format == Format::kJson) {
    std::cout << OverlapJson(overlap, catalog).dump(2) << '\n';
    return 0;
  }
  return PrintTable(overlap, names, unmatched_shown);
}

Runner SetupOverlap(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<OverlapArgs>();
  app.description(
      "What the municipalities share: per capability and technology how many assets each has, "
      "at three levels (vendor, product, version); shared by all, some or one; a similarity "
      "matrix; and the vendor/product strings the catalog does not recognise.\n"
      "Similarity: per capability both municipalities have, each one's assets as shares per "
      "product; the capability scores the sum of min(share A, share B) (the part of both "
      "estates that runs the same thing); the matrix shows the mean over those capabilities. "
      "Shares rather than counts so that a large and a small municipality running the same "
      "products score 1; capabilities only one of them inventoried do not count against them.");
  app.add_flag("--json", args->json, "print JSON");
  app.add_option("--unmatched", args->unmatched, "unmatched strings shown in the table (25)");
  AddPlanningOptions(app, args->planning, false);
  return [args, &global]() {
    core::Diagnostics diagnostics;
    auto in = LoadPlanningInputs(global, args->planning, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!in.ok()) return Fail(in.status());
    const planners::PlanningBase& base = *in->base;
    planners::Overlap o = planners::ComputeOverlap(
        base.estate, base.catalog, in->scenario ? in->scenario->orgs : std::vector<std::string>{});
    return PrintOverlap(o, base.catalog, base.estate.org_names, FormatOf(args->json),
                        args->unmatched);
  };
}

}  // namespace samdrift::tools
