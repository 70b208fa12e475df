// Builders of the report's sections, one per planner result. Each returns a finished Section.
#ifndef SAMDRIFT_REPORTS_SECTIONS_H_
#define SAMDRIFT_REPORTS_SECTIONS_H_

#include <string>
#include <unordered_map>

#include "core/graph.h"
#include "core/store.h"
#include "planners/compare.h"
#include "planners/gantt.h"
#include "planners/hall_plan.h"
#include "planners/net_view.h"
#include "planners/overlap.h"
#include "planners/risk.h"
#include "planners/target.h"
#include "planners/waves.h"
#include "reports/build.h"
#include "reports/report.h"

namespace samdrift::reports {

struct Context {
  Lang lang = Lang::kSv;
  Redaction redaction = Redaction::kNone;
  std::vector<std::string> orgs;  // the report's orgs, sorted
  core::OrgNames org_names;       // the store's display names: core::DisplayName()
};

// Sammanfattning, the report's first page: the scenario's key figures (halls kept, new and
// closed; gaps, hours, waves and end date; top risks) and what the figures do not know.
Section SummarySection(const Context& context, const ReportInput& input);

// Counts per org and category (chart), assets by kind, and the full asset list.
Section EstateSection(const Context& context, const core::Estate& estate);
// Data completeness per municipality and topic (`stats`' shares), unresolved relations,
// estimated figures (the hall plan's, and assets stored as estimated) and the import warnings
// stored with the sources (`warnings`: counts and the first kWarningLines).
Section QualitySection(const Context& context, const core::Estate& estate,
                       const core::GraphView& graph, const planners::HallPlan& halls,
                       const core::StoredWarnings& warnings, const core::StoreStats& stats);

// Heat map of products per org, the similarity matrix, technologies and unmatched strings.
Section OverlapSection(const Context& context, const planners::Overlap& overlap);
// Standards with reasons, gaps per org (chart and list) with effort.
Section TargetSection(const Context& context, const planners::TargetPlan& target);
// Past or near end of support, per org.
Section LifecycleSection(const Context& context, const planners::Lifecycle& lifecycle);

// The waves as a timeline per org, loads per wave, every item with its reason; an item made from
// a gap of `target` takes the gap's reason in the report's language. With `gantt` and `hours` (a
// dated plan; both or neither) also the physical migration and the harmonisation work each as a
// Gantt chart by quarter with its dates, the hall closures, and hours per org and month (chart
// and table).
Section WavesSection(const Context& context, const planners::WavePlan& plan,
                     const planners::TargetPlan& target, const planners::Gantt* gantt,
                     const planners::MonthlyHours* hours);

// Hall capacity against use, floor views, rack elevations, placements and what did not fit; with
// `siting` first the table "Which halls should remain" (SitingTable).
Section HallsSection(const Context& context, const planners::HallPlan& plan,
                     const SitingRanking* siting = nullptr);

// section_siting.cc: the ranked sets of halls, one row each (rank, halls, fits, kW and devices
// moved, racks bought, distance, round trip, investment, running cost per year, five-year cost,
// rules broken, reason in words); the section's sentence on the search; the chosen set in words
// ("A + B (cost over five years 1 234 kr)"), or that no set fits and keeps the rules.
Table SitingTable(const Context& context, const SitingRanking& siting);
std::string SitingIntro(const Context& context, const SitingRanking& siting);
std::string ChosenSetText(const Context& context, const SitingRanking& siting);

// Address plans (`samdrift net`'s analysis): prefix conflicts, VLAN clashes, renumbering, blocks
// and data quality. Host addresses follow the redaction; prefixes are always shown.
Section NetSection(const Context& context, const planners::NetAnalysis& net);

// An org's cell: its display name, and its id in CSV files (where machines read it).
Cell OrgCell(const Context& context, const std::string& org);
// SLA tiers met and not met, single points of failure with the asset and why, end of support
// per org as a chart (planners/risk.h).
Section RiskSection(const Context& context, const planners::RiskReport& risk);

// A source file as a reader may see it: as the user named it when that was relative; an
// absolute path (from the importing machine) shortened to its folder and file name, so no
// report shows the importing machine's folders. The Provenance form adds ":line".
std::string ShownSource(const std::string& source);
std::string ShownSource(const core::Provenance& from);

// The planners' facts in the report's language (i18n_facts.cc): a capability id's name ("client
// hardware", "klienthårdvara"; an unknown id as it is), a gap's reason from its GapWhy, overlap
// sharing and level, a hall's role.
std::string CapabilityName(Lang lang, std::string_view capability);
std::string GapReason(Lang lang, const planners::Gap& gap);
std::string SharingName(Lang lang, planners::Sharing sharing);
std::string LevelName(Lang lang, planners::OverlapLevel level);
std::string RoleName(Lang lang, planners::HallRole role);
// Why a device stays at its site (planners' StayingDevice::why), as it is when not known.
std::string StayReason(Lang lang, std::string_view why);
// Why an org's address block is where it is (planners' OrgBlock::reason), as it is when not known.
std::string BlockReason(Lang lang, std::string_view why);
// The planners' sentences in the report's language (i18n_reasons.cc), rendered from their facts;
// in English the planner's own sentence. A plan item's reason (its gap's, when made from `gap`,
// then why this wave), a device the hall plan left out and its limit, a renumbered prefix.
std::string PlanItemReason(Lang lang, const planners::WavePlan& plan,
                           const planners::PlannedItem& item, const planners::Gap* gap);
// The gaps of `target` by the id of the plan item each made (planners::GapItemId), for
// PlanItemReason.
using GapsByItem = std::unordered_map<std::string, const planners::Gap*>;
GapsByItem GapsByItemId(const planners::TargetPlan& target);
// The asset of a plan item; what the plan builds named in `lang` ("kärnnät i DC1").
std::string PlanItemAsset(Lang lang, const planners::PlannedItem& item);
// A wave's oversized move group: "move group 4 exceeds the wave's item limit (2)".
std::string OverLimitText(Lang lang, int move_group, const planners::WaveBlock& limit);
std::string UnplacedReason(Lang lang, const planners::HallPlan& plan,
                           const planners::Unplaced& unplaced);
std::string LimitName(Lang lang, planners::Limit limit);
std::string RenumberReason(const Context& context, const planners::NetInput& input,
                           const planners::Renumbering& renumbering);
// What an import warning's code means (i18n_warnings.cc): "en okänd kolumn; ignoreras" for
// CSV003; a code the catalog does not list by its family ("ett problem i en CSV-fil").
std::string WarningMeaning(Lang lang, std::string_view code);
// A cell that shows `text` and holds `key` in CSV files (an id machines read).
inline Cell KeyedCell(std::string text, std::string key) {
  return {std::move(text), std::nullopt, std::move(key)};
}

// The compared alternatives (`samdrift compare`'s figures): a table of the seven criteria, the
// costs, hours, waves, end date and halls, and bar charts of investment, running cost per year
// and the criteria. `list` holds two or more, each with its seven criteria.
Section ComparisonSection(const Context& context,
                          const std::vector<planners::ScenarioComparison>& list);
// A whole amount with no-break spaces between groups of three digits: "1 234 567".
std::string GroupedAmount(double amount);
// The unit the money of `list` is shown in: "kr" for SEK in Swedish, else the costs file's
// currency.
std::string CurrencyUnit(Lang lang, const std::vector<planners::ScenarioComparison>& list);
// "5 stordriftsfördelar och ekonomisk nytta": the criterion's number and title in `lang`.
std::string CriterionLabel(Lang lang, const planners::Criterion& criterion);

// "•••" for a redacted value, else the value.
std::string Redacted(const Context& context, const std::string& value);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_SECTIONS_H_
