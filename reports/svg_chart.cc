#include "reports/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/text.h"
#include "planners/calendar.h"
#include "reports/escape.h"

namespace samdrift::reports {
namespace {

constexpr const char* kPalette[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
constexpr int kLabelWidth = 170;
constexpr int kFont = 12;

std::string Num(double v, int decimals = 0) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

std::string Text(double x, double y, std::string_view text, std::string_view anchor = "start",
                 std::string_view extra = "") {
  return "<text x=\"" + Num(x, 1) + "\" y=\"" + Num(y, 1) + "\" text-anchor=\"" +
         std::string(anchor) + "\" " + std::string(extra) + ">" + HtmlText(text) + "</text>";
}

std::string Rect(double x, double y, double w, double h, std::string_view fill,
                 std::string_view title = "") {
  std::string r = "<rect x=\"" + Num(x, 1) + "\" y=\"" + Num(y, 1) + "\" width=\"" +
                  Num(std::max(0.0, w), 1) + "\" height=\"" + Num(h, 1) + "\" fill=\"" +
                  std::string(fill) + "\"";
  if (title.empty()) return r + "/>";
  return r + "><title>" + HtmlText(title) + "</title></rect>";
}

std::string Open(int width, int height, std::string_view label) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
         std::to_string(height) + "\" role=\"img\" aria-label=\"" + HtmlText(label) +
         "\" font-family=\"sans-serif\" font-size=\"" + std::to_string(kFont) + "\">";
}

// A shade between white and blue for t in [0, 1].
std::string Shade(double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto mix = [&](int from, int to) {
    return static_cast<int>(std::lround(from + (to - from) * t));
  };
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", mix(255, 31), mix(255, 119), mix(255, 180));
  return buffer;
}

}  // namespace

std::string Figure(std::string_view caption, const std::string& svg) {
  return "<figcaption>" + HtmlText(caption) + "</figcaption>" + svg;
}

std::string SeriesColour(std::size_t index) {
  return kPalette[index % (sizeof kPalette / sizeof kPalette[0])];
}

namespace {

double LegendEntryWidth(const std::string& name) {
  return 26 + 7.0 * static_cast<double>(core::DisplayWidth(name));
}

// The series' colours and names in a row above the plot, from x = `left`.
std::string Legend(const std::vector<std::string>& series, double left = kLabelWidth) {
  std::string svg;
  double lx = left;
  for (std::size_t s = 0; s < series.size(); ++s) {
    svg += Rect(lx, 4, 12, 12, SeriesColour(s));
    svg += Text(lx + 16, 14, series[s]);
    lx += LegendEntryWidth(series[s]);
  }
  return svg;
}

std::string ValueText(const StackedBars& chart, double v) {
  return chart.format ? chart.format(v) : Num(v);
}

}  // namespace

std::string StackedBarChart(const StackedBars& chart) {
  const int bar = 22, gap = 8, plot = 460;
  const int legend = 24;
  double max = chart.max;
  for (const auto& row : chart.values) {
    double sum = 0;
    for (double v : row) sum += v;
    max = std::max(max, sum);
  }
  if (max <= 0) max = 1;
  const int height = legend + static_cast<int>(chart.labels.size()) * (bar + gap) + 10;
  const int width = kLabelWidth + plot + 70;
  std::string svg = Open(width, height, "bar chart") + Legend(chart.series);
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double y = legend + static_cast<double>(i) * (bar + gap);
    svg += Text(kLabelWidth - 8, y + bar * 0.7, chart.labels[i], "end");
    double x = kLabelWidth, sum = 0;
    for (std::size_t s = 0; s < chart.series.size() && s < chart.values[i].size(); ++s) {
      const double v = chart.values[i][s];
      const double w = plot * v / max;
      svg += Rect(x, y, w, bar, SeriesColour(s),
                  chart.labels[i] + " " + chart.series[s] + ": " + ValueText(chart, v));
      x += w;
      sum += v;
    }
    svg += Text(x + 6, y + bar * 0.7, ValueText(chart, sum));
  }
  return svg + "</svg>";
}

std::string GroupedBarChart(const StackedBars& chart) {
  const int bar = 14, gap = 12, plot = 460;
  const int legend = 24;
  double max = chart.max;
  for (const auto& row : chart.values) {
    for (double v : row) max = std::max(max, v);
  }
  if (max <= 0) max = 1;
  // Room for the longest label (about 6.5 pixels a character), at least the usual width.
  std::size_t longest = 0;
  for (const std::string& l : chart.labels) longest = std::max(longest, core::DisplayWidth(l));
  const double left = std::max<double>(kLabelWidth, 6.5 * static_cast<double>(longest) + 16);
  const double group = static_cast<double>(chart.series.size()) * bar + gap;
  const int height =
      legend + static_cast<int>(group * static_cast<double>(chart.labels.size())) + 10;
  double legend_width = 0;
  for (const std::string& name : chart.series) legend_width += LegendEntryWidth(name);
  const int width = static_cast<int>(std::max(left + plot + 110, left + legend_width + 10));
  // One series needs no legend: the caption names it.
  std::string svg = Open(width, height, "bar chart") +
                    (chart.series.size() > 1 ? Legend(chart.series, left) : std::string());
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double top = legend + static_cast<double>(i) * group;
    const double middle = top + (group - gap) / 2;
    svg += Text(left - 8, middle + kFont * 0.35, chart.labels[i], "end");
    for (std::size_t s = 0; s < chart.series.size() && s < chart.values[i].size(); ++s) {
      const double v = chart.values[i][s];
      const double y = top + static_cast<double>(s) * bar;
      const double w = plot * v / max;
      svg += Rect(left, y, w, bar - 2, SeriesColour(s),
                  chart.labels[i] + " " + chart.series[s] + ": " + ValueText(chart, v));
      svg += Text(left + w + 6, y + bar * 0.75, ValueText(chart, v), "start", "font-size=\"11\"");
    }
  }
  return svg + "</svg>";
}

std::string HeatMap(const HeatMapData& data) {
  const int cell = 34;
  std::size_t longest = 0;
  for (const std::string& c : data.columns) longest = std::max(longest, c.size());
  // Column labels are turned 55 degrees: their height is about 0.82 of their length.
  const int head = 16 + static_cast<int>(std::min<std::size_t>(longest, 28) * 6);
  double max = data.max;
  for (const auto& row : data.values) {
    for (double v : row) max = std::max(max, v);
  }
  if (max <= 0) max = 1;
  const int width = kLabelWidth + static_cast<int>(data.columns.size()) * cell + 10;
  const int height = head + static_cast<int>(data.rows.size()) * cell + 10;
  std::string svg = Open(width, height, "heat map");
  for (std::size_t c = 0; c < data.columns.size(); ++c) {
    const double x = kLabelWidth + static_cast<double>(c) * cell + cell / 2.0;
    svg += "<text transform=\"translate(" + Num(x, 1) + "," + std::to_string(head - 6) +
           ") rotate(-55)\">" + HtmlText(data.columns[c]) + "</text>";
  }
  for (std::size_t r = 0; r < data.rows.size(); ++r) {
    const double y = head + static_cast<double>(r) * cell;
    svg += Text(kLabelWidth - 8, y + cell * 0.62, data.rows[r], "end");
    for (std::size_t c = 0; c < data.columns.size() && c < data.values[r].size(); ++c) {
      const double v = data.values[r][c];
      const double x = kLabelWidth + static_cast<double>(c) * cell;
      svg += Rect(x, y, cell - 2, cell - 2, Shade(v / max),
                  data.rows[r] + " / " + data.columns[c] + ": " + Num(v, data.decimals));
      if (v != 0) {
        svg += Text(x + (cell - 2) / 2.0, y + cell * 0.6, Num(v, data.decimals), "middle",
                    v / max > 0.55 ? "fill=\"#fff\" font-size=\"10\"" : "font-size=\"10\"");
      }
    }
  }
  return svg + "</svg>";
}

std::string CapacityBars(const std::vector<Gauge>& gauges) {
  const int bar = 20, gap = 12, plot = 420;
  const int height = static_cast<int>(gauges.size()) * (bar + gap) + 8;
  std::string svg = Open(kLabelWidth + plot + 190, height, "capacity");
  double used_max = 0;  // scale of the bars without a capacity
  for (const Gauge& g : gauges) used_max = std::max(used_max, g.used);
  for (std::size_t i = 0; i < gauges.size(); ++i) {
    const Gauge& g = gauges[i];
    const double y = 4 + static_cast<double>(i) * (bar + gap);
    svg += Text(kLabelWidth - 8, y + bar * 0.72, g.label, "end");
    if (!g.capacity) {  // no recorded capacity: the use alone, never judged against 0
      svg += Rect(kLabelWidth, y, used_max > 0 ? plot * g.used / used_max : 0, bar, "#9e9e9e",
                  g.label + ": " + Num(g.used, 1) + " / " + g.unknown_text + " " + g.unit);
      svg += Text(kLabelWidth + plot + 8, y + bar * 0.72,
                  Num(g.used, 1) + " / " + g.unknown_text + " " + g.unit);
      continue;
    }
    const double capacity = *g.capacity;
    const double scale = std::max(capacity, g.used);
    const double used_w = scale > 0 ? plot * g.used / scale : 0;
    const double cap_w = scale > 0 ? plot * capacity / scale : 0;
    svg += Rect(kLabelWidth, y, cap_w, bar, "#e6e6e6");
    const bool over = g.used > capacity + 1e-9;
    svg += Rect(kLabelWidth, y, used_w, bar, over ? "#d62728" : "#2ca02c",
                g.label + ": " + Num(g.used, 1) + " / " + Num(capacity, 1) + " " + g.unit);
    const double pct = capacity > 0 ? 100.0 * g.used / capacity : 0;
    svg += Text(kLabelWidth + plot + 8, y + bar * 0.72,
                Num(g.used, 1) + " / " + Num(capacity, 1) + " " + g.unit + " (" + Num(pct) + " %)");
  }
  return svg + "</svg>";
}

std::string TimelineChart(const Timeline& t) {
  const int row = 24, head = 22;
  const int columns = static_cast<int>(t.waves.size());
  const int cell = std::clamp(columns > 0 ? 760 / columns : 40, 8, 60);
  const int width = kLabelWidth + columns * cell + 20;
  const int height = head + static_cast<int>(t.rows.size()) * row + 40;
  double max = 0;
  for (const auto& r : t.counts) {
    for (double v : r) max = std::max(max, v);
  }
  if (max <= 0) max = 1;
  std::string svg = Open(width, height, "migration timeline");
  const int label_every = std::max(1, 28 / cell);
  for (int c = 0; c < columns; ++c) {
    if (c % label_every == 0) {
      svg += Text(kLabelWidth + c * cell + cell / 2.0, head - 8, t.waves[c], "middle");
    }
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const double y = head + static_cast<double>(r) * row;
    svg += Text(kLabelWidth - 8, y + row * 0.65, t.rows[r], "end");
    svg += Rect(kLabelWidth, y + row - 1, columns * cell, 1, "#ddd");
    for (int c = 0; c < columns && c < static_cast<int>(t.counts[r].size()); ++c) {
      const double v = t.counts[r][c];
      if (v <= 0) continue;
      std::string note = t.rows[r] + ", " + t.waves[c] + ": " + Num(v) + " " + t.items;
      if (c < static_cast<int>(t.wave_notes.size())) note += " (" + t.wave_notes[c] + ")";
      svg +=
          "<g>" + Rect(kLabelWidth + c * cell + 1, y + 3, cell - 2, row - 6, SeriesColour(r), note);
      if (cell >= 22) {
        svg += Text(kLabelWidth + c * cell + cell / 2.0, y + row * 0.66, Num(v), "middle",
                    "fill=\"#fff\" font-size=\"10\"");
      }
      svg += "</g>";
      (void)max;
    }
  }
  return svg + "</svg>";
}

namespace {

// Days since the chart's first day: the x axis of a Gantt chart.
struct DayScale {
  planners::Day first;
  double per_day = 1;
  double left = kLabelWidth;
  double X(const std::string& date) const {
    return left + per_day * static_cast<double>((*planners::ParseDay(date) - first).count());
  }
  // The right edge of `date` (the bar covers the whole day).
  double XEnd(const std::string& date) const { return X(date) + per_day; }
};

constexpr const char* kBands[] = {"#eef3fb", "#fbf3e8", "#eef8ee", "#f6eef8"};

// A milestone's name beside its diamond, on a white halo so that a bar drawn under it stays
// readable; left of the diamond when it would run past the chart's right edge.
std::string MilestoneLabel(double x, double y, const std::string& label, double right) {
  const double width = static_cast<double>(core::DisplayWidth(label)) * 5.6;
  const bool left = x + 9 + width > right && x - 9 - width > kLabelWidth;
  return Text(left ? x - 9 : x + 9, y + 4, label, left ? "end" : "start",
              "font-size=\"10\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\" "
              "stroke-linejoin=\"round\"");
}

}  // namespace

std::string GanttChart(const planners::Gantt& g, planners::Track track, bool milestones,
                       const GanttText& text) {
  if (g.quarters.empty()) return {};
  const int row = 26, plot = 880;
  const int phase_head = g.phases.empty() ? 0 : 20;
  const int head = phase_head + 22;
  const planners::Day first = *planners::ParseDay(g.quarters.front().start);
  const planners::Day last = *planners::ParseDay(g.quarters.back().end);
  DayScale scale{first,
                 static_cast<double>(plot) / static_cast<double>((last - first).count() + 1)};
  const int height = head + static_cast<int>(g.rows.size()) * row + 8;
  std::string svg = Open(kLabelWidth + plot + 20, height, text.label);
  // Phases: bands behind the rows, their names above.
  for (std::size_t i = 0; i < g.phases.size(); ++i) {
    const auto& p = g.phases[i];
    const double x = scale.X(p.start), w = scale.XEnd(p.end) - x;
    svg += Rect(x, 0, w, height, kBands[i % 4], p.name + ": " + p.start + " \xE2\x80\x93 " + p.end);
    svg += Text(x + 4, 14, p.name, "start", "font-size=\"11\"");
  }
  // Quarters: a label each and a line at each start.
  for (const auto& q : g.quarters) {
    const double x = scale.X(q.start);
    svg += Rect(x, phase_head, 1, height - phase_head, "#ccc");
    svg += Text((x + scale.XEnd(q.end)) / 2, phase_head + 15,
                text.quarter + std::to_string(q.number) + " " + std::to_string(q.year), "middle");
  }
  std::map<std::string, std::size_t> row_of;
  for (std::size_t r = 0; r < g.rows.size(); ++r) {
    row_of[g.rows[r]] = r;
    const double y = head + static_cast<double>(r) * row;
    svg += Text(kLabelWidth - 8, y + row * 0.65, g.rows[r], "end");
    svg += Rect(kLabelWidth, y + row - 1, plot, 1, "#ddd");
  }
  for (const auto& b : g.bars) {
    if (b.track != track) continue;
    const double y = head + static_cast<double>(row_of[b.row]) * row;
    const double x = scale.X(b.start);
    svg +=
        Rect(x, y + 5, std::max(2.0, scale.XEnd(b.end) - x), row - 10, SeriesColour(row_of[b.row]),
             b.row + ", " + text.wave + " " + std::to_string(b.wave) + ": " + b.start +
                 " \xE2\x80\x93 " + b.end + ", " + std::to_string(b.items) + " " + text.items +
                 ", " + Num(b.hours) + " h");
  }
  if (!milestones) return svg + "</svg>";
  for (const auto& m : g.milestones) {
    auto it = row_of.find(m.row);
    if (it == row_of.end()) continue;
    const double x = scale.XEnd(m.date),
                 y = head + static_cast<double>(it->second) * row + row / 2.0;
    svg += "<g><path d=\"M" + Num(x, 1) + " " + Num(y - 7, 1) +
           " l7 7 l-7 7 l-7 -7 z\" "
           "fill=\"#222\"><title>" +
           HtmlText(m.label + " " + text.emptied + ": " + m.date + " (" + text.wave + " " +
                    std::to_string(m.wave) + ")") +
           "</title></path>" + MilestoneLabel(x, y, m.label, kLabelWidth + plot) + "</g>";
  }
  return svg + "</svg>";
}

}  // namespace samdrift::reports
