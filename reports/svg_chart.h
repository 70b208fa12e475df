// Charts as inline SVG, drawn by the project (no chart library at view time). Every label is
// escaped; the output is a standalone <svg> element.
#ifndef SAMDRIFT_REPORTS_SVG_CHART_H_
#define SAMDRIFT_REPORTS_SVG_CHART_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "planners/gantt.h"

namespace samdrift::reports {

// A chart with its caption above it, for Section::figures.
std::string Figure(std::string_view caption, const std::string& svg);

// A colour per series index (orgs, categories), stable and readable in print.
std::string SeriesColour(std::size_t index);

// Horizontal stacked bars: one row per label, one segment per series, with a legend.
struct StackedBars {
  std::vector<std::string> series;
  std::vector<std::string> labels;
  std::vector<std::vector<double>> values;    // [label][series]
  std::function<std::string(double)> format;  // a value's text; null: the whole number
  double max = 0;                             // the scale's end; 0: the largest bar
};
std::string StackedBarChart(const StackedBars& chart);
// The same data as a group of bars per label, one bar per series side by side (for values
// that do not add up, such as scores or this year's and next year's cost).
std::string GroupedBarChart(const StackedBars& chart);

// A matrix of values shaded from white to `colour`; cells show the value with `decimals`.
struct HeatMapData {
  std::vector<std::string> rows;
  std::vector<std::string> columns;
  std::vector<std::vector<double>> values;  // [row][column]
  int decimals = 0;
  double max = 0;  // 0: the largest value
};
std::string HeatMap(const HeatMapData& data);

// Used against capacity, one bar each; bars over capacity are drawn red.
struct Gauge {
  std::string label;
  double used = 0;
  std::optional<double> capacity;  // unknown: the bar is grey and says so, never "over"
  std::string unit;
  std::string unknown_text = "unknown";  // in the report's language
};
std::string CapacityBars(const std::vector<Gauge>& gauges);

// Waves on the x axis, one row per org, a block where the org has items in the wave (the
// count inside), and the wave's total load in a line under the axis.
struct Timeline {
  std::vector<std::string> rows;            // orgs
  std::vector<std::string> waves;           // column labels
  std::vector<std::vector<double>> counts;  // [row][wave]
  std::vector<std::string> wave_notes;      // per wave, e.g. "12 items, 8.5 kW"
  std::string items = "items";              // for the tooltips, in the report's language
};
std::string TimelineChart(const Timeline& timeline);

// A Gantt chart by quarter of one track of `gantt` (its rows as given: display names): a bar per
// row and wave of that track, the phases as bands behind the rows with their names on top, and
// with `milestones` the hall closures as diamonds on their row, labelled. `quarter` is the word
// before the quarter's number ("Q" gives "Q1 2026").
struct GanttText {
  std::string label;    // the chart's accessible name
  std::string quarter;  // "Q", "kv"
  std::string items;    // "items", for the tooltips
  std::string wave;     // "wave"
  std::string emptied;  // "emptied" (a closure's tooltip)
};
std::string GanttChart(const planners::Gantt& gantt, planners::Track track, bool milestones,
                       const GanttText& text);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_SVG_CHART_H_
