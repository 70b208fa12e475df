// Overlap, target architecture (standards and gaps) and lifecycle sections.
#include <algorithm>
#include <map>
#include <memory>

#include "core/text.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {
namespace {

// The heat maps draw at most this many municipalities: at national scale (hundreds) a full
// similarity map is a hundred thousand cells that no one can read and that slow the page down.
// The table and the similarity matrix (workbook, CSV) keep every municipality.
constexpr std::size_t kHeatMapOrgs = 40;

// The indices of the orgs the heat maps draw, in the overlap's order: all of them, or the
// kHeatMapOrgs with the most assets (on a tie, the one listed first).
std::vector<std::size_t> HeatMapOrgs(const planners::Overlap& overlap) {
  std::vector<std::size_t> shown(overlap.orgs.size());
  for (std::size_t o = 0; o < shown.size(); ++o) shown[o] = o;
  if (shown.size() <= kHeatMapOrgs) return shown;
  auto assets = [&](std::size_t o) { return o < overlap.assets.size() ? overlap.assets[o] : 0; };
  std::stable_sort(shown.begin(), shown.end(),
                   [&](std::size_t x, std::size_t y) { return assets(x) > assets(y); });
  shown.resize(kHeatMapOrgs);
  std::sort(shown.begin(), shown.end());
  return shown;
}

// Assets per product and org, infrastructure first, the 40 products shared most.
std::string ProductHeatMap(const Context& context, const planners::Overlap& overlap,
                           const std::vector<std::size_t>& orgs) {
  std::vector<const planners::OverlapRow*> products;
  for (const auto& row : overlap.products) products.push_back(&row);
  std::stable_sort(products.begin(), products.end(), [](const auto* a, const auto* b) {
    if (a->category != b->category) return a->category < b->category;  // infrastructure first
    if (a->org_count != b->org_count) return a->org_count > b->org_count;
    return a->total > b->total;
  });
  HeatMapData heat;
  for (std::size_t o : orgs)
    heat.rows.push_back(core::DisplayName(context.org_names, overlap.orgs[o]));
  const std::size_t shown = std::min<std::size_t>(products.size(), 40);
  for (std::size_t p = 0; p < shown; ++p) heat.columns.push_back(products[p]->name);
  for (std::size_t o : orgs) {
    std::vector<double> row;
    for (std::size_t p = 0; p < shown; ++p) {
      row.push_back(o < products[p]->counts.size() ? static_cast<double>(products[p]->counts[o])
                                                   : 0);
    }
    heat.values.push_back(row);
  }
  return HeatMap(heat);
}

std::string SimilarityHeatMap(const Context& context, const planners::Overlap& overlap,
                              const std::vector<std::size_t>& orgs) {
  HeatMapData similarity;
  for (std::size_t o : orgs) {
    similarity.rows.push_back(core::DisplayName(context.org_names, overlap.orgs[o]));
    similarity.columns.push_back(similarity.rows.back());
  }
  for (std::size_t i : orgs) {
    std::vector<double> row;
    for (std::size_t j : orgs) row.push_back(overlap.similarity[i][j]);
    similarity.values.push_back(std::move(row));
  }
  similarity.decimals = 2;
  similarity.max = 1;
  return HeatMap(similarity);
}

Table TechnologiesTable(const Context& context, const planners::Overlap& overlap) {
  const Lang lang = context.lang;
  Table technologies;
  technologies.id = "overlap";
  technologies.title = std::string(Tr(lang, "Technologies per municipality"));
  technologies.headers = {std::string(Tr(lang, "Level")), std::string(Tr(lang, "Capability")),
                          std::string(Tr(lang, "Technology")), std::string(Tr(lang, "Shared by"))};
  for (const std::string& org : overlap.orgs)
    technologies.headers.push_back(core::DisplayName(context.org_names, org));
  technologies.headers.push_back(std::string(Tr(lang, "Total")));
  for (const auto* rows : {&overlap.products, &overlap.technologies, &overlap.vendors}) {
    for (const planners::OverlapRow& row : *rows) {
      std::vector<Cell> cells{
          KeyedCell(LevelName(lang, row.level), std::string(planners::ToString(row.level))),
          KeyedCell(CapabilityName(lang, row.capability), row.capability), Cell::Text(row.name),
          KeyedCell(SharingName(lang, row.sharing), std::string(planners::ToString(row.sharing)))};
      for (std::size_t o = 0; o < overlap.orgs.size(); ++o) {
        cells.push_back(
            Cell::Number(o < row.counts.size() ? static_cast<double>(row.counts[o]) : 0));
      }
      cells.push_back(Cell::Number(static_cast<double>(row.total)));
      technologies.rows.push_back(std::move(cells));
    }
  }
  return technologies;
}

Table SimilarityTable(const Context& context, const planners::Overlap& overlap) {
  Table matrix;
  matrix.id = "similarity";
  matrix.in_html = false;  // the similarity heat map shows the same numbers
  matrix.title = std::string(Tr(context.lang, "Similarity between municipalities"));
  matrix.headers.push_back(std::string(Tr(context.lang, "Municipality")));
  for (const std::string& org : overlap.orgs)
    matrix.headers.push_back(core::DisplayName(context.org_names, org));
  for (std::size_t i = 0; i < overlap.orgs.size(); ++i) {
    std::vector<Cell> cells{OrgCell(context, overlap.orgs[i])};
    for (std::size_t j = 0; j < overlap.orgs.size(); ++j) {
      cells.push_back(Cell::Number(overlap.similarity[i][j], 2));
    }
    matrix.rows.push_back(std::move(cells));
  }
  return matrix;
}

Table UnmatchedTable(const Context& context, const planners::Overlap& overlap) {
  const Lang lang = context.lang;
  Table unmatched;
  unmatched.id = "unmatched";
  unmatched.title = std::string(Tr(lang, "Vendor and product strings the catalog does not know"));
  unmatched.headers = {std::string(Tr(lang, "Vendor")), std::string(Tr(lang, "Product")),
                       std::string(Tr(lang, "Kind")), std::string(Tr(lang, "Count"))};
  for (const auto& u : overlap.unmatched) {
    unmatched.rows.push_back({Cell::Text(u.vendor), Cell::Text(u.product),
                              Cell::Text(std::string(core::ToString(u.kind))),
                              Cell::Number(static_cast<double>(u.total))});
  }
  return unmatched;
}

}  // namespace

Section OverlapSection(const Context& context, const planners::Overlap& overlap) {
  const Lang lang = context.lang;
  Section section;
  section.id = "overlap";
  section.title = std::string(Tr(lang, "Overlap"));
  section.intro = std::string(
      Tr(lang,
         "Which technologies the municipalities share. The heat map counts assets per product "
         "and municipality (infrastructure first: datacenter, network, platform; then the "
         "workplace; within each, products used by more than one municipality first). The "
         "similarity "
         "matrix compares two municipalities capability by capability: the share of their assets "
         "that run the same product (1 = identical mix, 0 = nothing in common)."));
  const std::vector<std::size_t> orgs = HeatMapOrgs(overlap);
  if (orgs.size() < overlap.orgs.size()) {
    section.intro += "\n" + std::string(Tr(lang, "The heat maps show the")) + " " +
                     std::to_string(orgs.size()) + " " + std::string(Tr(lang, "of")) + " " +
                     std::to_string(overlap.orgs.size()) + " " +
                     std::string(Tr(lang,
                                    "municipalities with the most assets; the table below holds "
                                    "every municipality, and the whole similarity matrix is in "
                                    "csv/similarity.csv and the workbook."));
  }
  section.figures.push_back(ProductHeatMap(context, overlap, orgs));
  section.figures.push_back(SimilarityHeatMap(context, overlap, orgs));
  section.tables.push_back(TechnologiesTable(context, overlap));
  section.tables.push_back(SimilarityTable(context, overlap));
  section.tables.push_back(UnmatchedTable(context, overlap));
  return section;
}

namespace {

// A standard most municipalities or many assets already run is an inheritance; one resting on a
// single municipality or a handful of assets is a choice, shown with its basis.
constexpr std::size_t kHandful = 5;

std::string Basis(Lang lang, const planners::Standard& s, std::size_t orgs) {
  const bool choice = s.source == planners::StandardSource::kProposed &&
                      (s.orgs_using <= 1 || s.assets_on_standard < kHandful);
  return std::string(Tr(lang, choice ? "a choice" : "inherited")) + ": " +
         std::to_string(s.orgs_using) + " " + std::string(Tr(lang, "of")) + " " +
         std::to_string(orgs) + " " + std::string(Tr(lang, "municipalities")) + ", " +
         std::to_string(s.assets_on_standard) + " " + std::string(Tr(lang, "of")) + " " +
         std::to_string(s.assets) + " " + std::string(Tr(lang, "assets"));
}

// Why the standard: the planner's sentence in English; in Swedish its source and support date
// (the basis column gives the counts).
std::string StandardReason(Lang lang, const planners::Standard& s) {
  if (lang == Lang::kEn) return s.reason;
  const std::string source = s.source == planners::StandardSource::kScenario
                                 ? "fastställd i scenariot"
                                 : "föreslagen: det flest kommuner och tillgångar redan kör";
  return source + "; " +
         (s.end_of_support.empty() ? "supportslut okänt" : "stöds till " + s.end_of_support);
}

// The infrastructure standards (datacenter, network, platform), or the workplace's (clients and
// their software), which the page shows collapsed under "Arbetsplats".
Table StandardsTable(const Context& context, const planners::TargetPlan& target, bool workplace) {
  const Lang lang = context.lang;
  Table table;
  table.id = workplace ? "standards-workplace" : "standards";
  table.title = std::string(Tr(lang, workplace ? "Workplace" : "Standards"));
  table.collapsed = workplace;
  table.headers = {std::string(Tr(lang, "Capability")), std::string(Tr(lang, "Standard")),
                   std::string(Tr(lang, "Source")), std::string(Tr(lang, "Basis")),
                   std::string(Tr(lang, "Reason"))};
  for (const planners::Standard& s : target.standards) {
    if ((s.category == core::Category::kClient) != workplace) continue;
    table.rows.push_back({KeyedCell(CapabilityName(lang, s.capability), s.capability),
                          Cell::Text(s.name + " (" + s.technology + ")"),
                          Cell::Text(std::string(Tr(lang, planners::ToString(s.source)))),
                          Cell::Text(Basis(lang, s, target.orgs.size())),
                          Cell::Text(StandardReason(lang, s))});
  }
  return table;
}

}  // namespace

namespace {

// A gap's row of "Gaps".
std::vector<Cell> GapRow(const Context& context, const planners::Gap& g) {
  const Lang lang = context.lang;
  return {OrgCell(context, g.org()),
          Cell::Text(g.asset()),
          Cell::Text(std::string(core::ToString(g.kind))),
          KeyedCell(CapabilityName(lang, g.capability()), g.capability()),
          Cell::Text(g.from_name().empty() ? g.from() : g.from_name()),
          KeyedCell(g.to_name().empty() ? g.to() : g.to_name(), g.to()),
          Cell::Text(std::string(Tr(lang, planners::ToString(g.action)))),
          Cell::Number(g.effort_hours, 0),
          Cell::Text(g.past_end_of_support ? std::string(Tr(lang, "yes")) : ""),
          Cell::Text(GapReason(lang, g))};
}

}  // namespace

Section TargetSection(const Context& context, const planners::TargetPlan& target) {
  const Lang lang = context.lang;
  Section section;
  section.id = "target";
  section.title = std::string(Tr(lang, "Target architecture"));
  section.intro = std::string(
      Tr(lang,
         "One standard per capability: fixed by the scenario, or proposed (what most "
         "municipalities and assets already run, never past end of standard support at the "
         "planned date, the latest supported version). Below: what each municipality must "
         "change to reach it, with the effort in hours."));
  section.tables.push_back(StandardsTable(context, target, false));
  section.tables.push_back(StandardsTable(context, target, true));

  // Gaps per org and action: a chart and the full list.
  StackedBars chart;
  for (planners::GapAction action : planners::kAllGapActions) {
    chart.series.emplace_back(Tr(lang, planners::ToString(action)));
  }
  std::map<std::string, std::vector<double>> per_org;
  std::map<std::string, double> hours;
  for (const planners::Gap& gap : target.gaps) {
    auto& row = per_org[gap.org()];
    row.resize(chart.series.size());
    row[static_cast<std::size_t>(gap.action)] += 1;
    hours[gap.org()] += gap.effort_hours;
  }
  Table summary;
  summary.id = "gap-summary";
  summary.title = std::string(Tr(lang, "Gaps per municipality"));
  summary.headers = {std::string(Tr(lang, "Municipality"))};
  for (const std::string& s : chart.series) summary.headers.push_back(s);
  summary.headers.push_back(std::string(Tr(lang, "Effort (hours)")));
  for (const std::string& org : context.orgs) {
    std::vector<double> row = per_org[org];
    row.resize(chart.series.size());
    chart.labels.push_back(core::DisplayName(context.org_names, org));
    chart.values.push_back(row);
    std::vector<Cell> cells{OrgCell(context, org)};
    for (double v : row) cells.push_back(Cell::Number(v));
    cells.push_back(Cell::Number(hours[org]));
    summary.rows.push_back(std::move(cells));
  }
  section.figures.push_back(StackedBarChart(chart));
  section.tables.push_back(std::move(summary));

  Table gaps;
  gaps.id = "gaps";
  gaps.title = std::string(Tr(lang, "Gaps"));
  gaps.headers = {std::string(Tr(lang, "Municipality")),
                  std::string(Tr(lang, "Asset")),
                  std::string(Tr(lang, "Kind")),
                  std::string(Tr(lang, "Capability")),
                  std::string(Tr(lang, "From")),
                  std::string(Tr(lang, "To")),
                  std::string(Tr(lang, "Action")),
                  std::string(Tr(lang, "Effort (hours)")),
                  std::string(Tr(lang, "Past end of support")),
                  std::string(Tr(lang, "Reason"))};
  // One row per gap, made as it is written: a national estate has millions.
  gaps.made_rows = target.gaps.size();
  gaps.org_column = 0;
  gaps.make_row = [context = std::make_shared<const Context>(context),
                   list = &target.gaps](std::size_t i) { return GapRow(*context, (*list)[i]); };
  section.tables.push_back(std::move(gaps));
  return section;
}

Section LifecycleSection(const Context& context, const planners::Lifecycle& lifecycle) {
  const Lang lang = context.lang;
  Section section;
  section.id = "lifecycle";
  section.title = std::string(Tr(lang, "Lifecycle"));
  section.intro = std::string(Tr(lang,
                                 "What is past end of support at the planned date, or "
                                 "reaches it within twelve months.")) +
                  " (" + lifecycle.date + " \xE2\x80\x93 " + lifecycle.horizon + ")";
  StackedBars chart;
  chart.series = {std::string(Tr(lang, "past end of support")),
                  std::string(Tr(lang, "within 12 months"))};
  std::map<std::string, std::vector<double>> per_org;
  for (const auto& item : lifecycle.items) {
    auto& row = per_org[item.org];
    row.resize(2);
    row[item.status == planners::LifecycleStatus::kPast ? 0 : 1] += 1;
  }
  for (const std::string& org : context.orgs) {
    std::vector<double> row = per_org[org];
    row.resize(2);
    chart.labels.push_back(core::DisplayName(context.org_names, org));
    chart.values.push_back(row);
  }
  section.figures.push_back(StackedBarChart(chart));
  Table summary;
  summary.id = "lifecycle";
  summary.title = std::string(Tr(lang, "Lifecycle per municipality and technology"));
  summary.headers = {std::string(Tr(lang, "Municipality")), std::string(Tr(lang, "Technology")),
                     std::string(Tr(lang, "Capability")),   std::string(Tr(lang, "End of support")),
                     std::string(Tr(lang, "Status")),       std::string(Tr(lang, "Count"))};
  for (const auto& s : lifecycle.summary) {
    summary.rows.push_back({OrgCell(context, s.org), Cell::Text(s.name), Cell::Text(s.capability),
                            Cell::Text(s.end_of_support),
                            Cell::Text(s.status == planners::LifecycleStatus::kPast
                                           ? std::string(Tr(lang, "past end of support"))
                                           : std::string(Tr(lang, "within 12 months"))),
                            Cell::Number(static_cast<double>(s.assets))});
  }
  section.tables.push_back(std::move(summary));
  return section;
}

}  // namespace samdrift::reports
