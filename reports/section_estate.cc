#include <array>
#include <filesystem>
#include <map>
#include <memory>

#include "core/text.h"
#include "reports/redact.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {

std::string Redacted(const Context& context, const std::string& value) {
  if (context.redaction == Redaction::kNone || value.empty()) return value;
  return std::string(kRedactedText);
}

namespace {

// One machine is one asset: devices, virtual machines and clients. Installed software, address
// records, networks, services and locations are measures of their own, never machines.
bool IsMachine(core::AssetKind kind) {
  return kind == core::AssetKind::kDevice || kind == core::AssetKind::kVm ||
         kind == core::AssetKind::kClient;
}

// The estate's measures per org beside the machines, in the order of the table's columns.
enum Measure {
  kDevices,
  kVms,
  kClients,
  kSoftware,
  kAddresses,
  kNetworks,
  kServices,
  kLocations,
  kClusters,
  kMeasureCount
};
constexpr const char* kMeasureNames[kMeasureCount] = {
    "Devices",      "Virtual machines",           "Clients",  "Software installations",
    "IP addresses", "Networks (prefixes, VLANs)", "Services", "Sites, halls and racks",
    "Clusters"};

Measure MeasureOf(const core::Asset& a) {
  switch (a.kind) {
    case core::AssetKind::kDevice:
      return kDevices;
    case core::AssetKind::kVm:
      return kVms;
    case core::AssetKind::kClient:
      return kClients;
    case core::AssetKind::kSoftware:
      return kSoftware;
    case core::AssetKind::kNetwork:
      return a.Attr("address") ? kAddresses : kNetworks;
    case core::AssetKind::kService:
      return kServices;
    case core::AssetKind::kCluster:
      return kClusters;
    case core::AssetKind::kSite:
    case core::AssetKind::kHall:
    case core::AssetKind::kRack:
      break;
  }
  return kLocations;
}

}  // namespace

std::string ShownSource(const std::string& source) {
  const std::filesystem::path path(source);
  if (!path.is_absolute()) return source;
  const std::filesystem::path parent = path.parent_path().filename();
  return (parent.empty() ? path.filename() : parent / path.filename()).generic_string();
}

std::string ShownSource(const core::Provenance& from) {
  std::string source = ShownSource(from.source);
  if (from.line > 0) source += ":" + std::to_string(from.line);
  return source;
}

Cell OrgCell(const Context& context, const std::string& org) {
  return {core::DisplayName(context.org_names, org), std::nullopt, org};
}

namespace {

// An asset's row of "All assets".
std::vector<Cell> AssetRow(const Context& context, const core::Asset& a) {
  const Lang lang = context.lang;
  const std::string* ip = a.Attr("ip");
  return {
      OrgCell(context, a.org),
      Cell::Text(std::string(core::ToString(a.kind))),
      Cell::Text(std::string(Tr(lang, core::ToString(a.category)))),
      Cell::Text(a.name),
      Cell::Text(a.role),
      Cell::Text(a.vendor),
      Cell::Text(a.product),
      Cell::Text(a.version),
      Cell::Text(Redacted(context, a.serial)),
      Cell::Text(Redacted(context, ip ? *ip : std::string())),
      Cell::Text(a.site),
      Cell::Text(a.hall),
      Cell::Text(a.rack),
      a.position ? Cell::Number(*a.position) : Cell::Text(""),
      a.u_height ? Cell::Number(*a.u_height) : Cell::Text(""),
      a.power_w ? Cell::Number(*a.power_w) : Cell::Text(""),
      Cell::Text(a.redundancy_group),
      Cell::Text(a.criticality),
      Cell::Text(a.eol),
      Cell::Text(ShownSource(a.provenance)),
  };
}

// What the estate holds per org: machines per category, assets per kind, the measures.
struct EstateCounts {
  std::map<std::string, std::map<core::Category, double>> by_category;  // machines only
  std::map<std::string, std::map<core::AssetKind, double>> by_kind;
  std::map<std::string, std::array<double, kMeasureCount>> measures;
};

EstateCounts CountEstate(const core::Estate& estate) {
  EstateCounts counts;
  for (const core::Asset& a : estate.assets) {
    if (IsMachine(a.kind)) counts.by_category[a.org][a.category] += 1;
    counts.by_kind[a.org][a.kind] += 1;
    counts.measures[a.org][MeasureOf(a)] += 1;
  }
  return counts;
}

// Machines per org and category: the stacked bars and the table beside them.
void AddMachines(const Context& context, EstateCounts& estate, Section& section) {
  const Lang lang = context.lang;
  StackedBars chart;
  for (core::Category c : core::kAllCategories)
    chart.series.emplace_back(Tr(lang, core::ToString(c)));
  Table counts;
  counts.id = "estate";
  counts.title = std::string(Tr(lang, "Machines per municipality and category"));
  counts.headers.emplace_back(Tr(lang, "Municipality"));
  for (core::Category c : core::kAllCategories)
    counts.headers.emplace_back(Tr(lang, core::ToString(c)));
  counts.headers.emplace_back(Tr(lang, "Machines"));
  for (const std::string& org : context.orgs) {
    chart.labels.push_back(core::DisplayName(context.org_names, org));
    std::vector<double> row;
    std::vector<Cell> cells{OrgCell(context, org)};
    double total = 0;
    for (core::Category c : core::kAllCategories) {
      double v = estate.by_category[org][c];
      row.push_back(v);
      cells.push_back(Cell::Number(v));
      total += v;
    }
    cells.push_back(Cell::Number(total));
    chart.values.push_back(row);
    counts.rows.push_back(std::move(cells));
  }
  section.figures.push_back(StackedBarChart(chart));
  section.tables.push_back(std::move(counts));
}

Table MeasuresTable(const Context& context, EstateCounts& estate) {
  const Lang lang = context.lang;
  Table other;
  other.id = "estate-measures";
  other.title = std::string(Tr(lang, "What each municipality has, by measure"));
  other.headers.emplace_back(Tr(lang, "Municipality"));
  for (const char* name : kMeasureNames) other.headers.emplace_back(Tr(lang, name));
  for (const std::string& org : context.orgs) {
    std::vector<Cell> cells{OrgCell(context, org)};
    for (double v : estate.measures[org]) cells.push_back(Cell::Number(v));
    other.rows.push_back(std::move(cells));
  }
  return other;
}

std::string KindsHeatMap(const Context& context, EstateCounts& estate) {
  HeatMapData kinds;
  for (const std::string& org : context.orgs)
    kinds.rows.push_back(core::DisplayName(context.org_names, org));
  for (core::AssetKind k : core::kAllAssetKinds) kinds.columns.emplace_back(core::ToString(k));
  for (const std::string& org : context.orgs) {
    std::vector<double> row;
    for (core::AssetKind k : core::kAllAssetKinds) row.push_back(estate.by_kind[org][k]);
    kinds.values.push_back(row);
  }
  return HeatMap(kinds);
}

Table AssetsTable(const Context& context, const core::Estate& estate) {
  const Lang lang = context.lang;
  Table assets;
  assets.id = "assets";
  assets.title = std::string(Tr(lang, "All assets"));
  for (const char* h : {"Municipality",
                        "Kind",
                        "Category",
                        "Name",
                        "Role",
                        "Vendor",
                        "Product",
                        "Version",
                        "Serial",
                        "IP addresses",
                        "Site",
                        "Hall",
                        "Rack",
                        "Position",
                        "U",
                        "Power (W)",
                        "Redundancy group",
                        "Criticality",
                        "End of support",
                        "Source"}) {
    assets.headers.emplace_back(Tr(lang, h));
  }
  assets.no_address_columns = {7};  // Version
  // One row per asset, made as it is written: a national estate has millions.
  assets.made_rows = estate.assets.size();
  assets.org_column = 0;
  assets.make_row = [context = std::make_shared<const Context>(context), assets = &estate.assets](
                        std::size_t i) { return AssetRow(*context, (*assets)[i]); };
  return assets;
}

}  // namespace

Section EstateSection(const Context& context, const core::Estate& estate) {
  const Lang lang = context.lang;
  Section section;
  section.id = "estate";
  section.title = std::string(Tr(lang, "Estate"));
  section.intro = std::string(
      Tr(lang,
         "What each municipality runs today, counted from the imported inventories. The chart "
         "counts machines (devices, virtual machines and clients) per category, one machine "
         "one asset; installed software, IP addresses, networks, services and locations are "
         "measures of their own in the table beside it, not machines."));

  EstateCounts counts = CountEstate(estate);
  AddMachines(context, counts, section);
  section.tables.push_back(MeasuresTable(context, counts));
  section.figures.push_back(KindsHeatMap(context, counts));
  section.tables.push_back(AssetsTable(context, estate));
  return section;
}

}  // namespace samdrift::reports
