// The scenario's `timeline:` key: when the work starts, the hours a month it may take, the
// freezes it must stop for and the named phases.
#include "core/date.h"
#include "core/text.h"
#include "planners/scenario_read.h"

namespace samdrift::planners {
namespace {

using Reader = YamlReader;

// `timeline: phases: [{name, start, end}, ...]`: named periods, both days included.
bool ReadPhases(Reader& r, const YAML::Node& phases, Timeline& t) {
  if (!phases.IsSequence()) {
    r.Error(phases, "timeline: phases: expected a list of {name, start, end}");
    return false;
  }
  bool ok = true;
  for (const YAML::Node& phase : phases) {
    if (!phase.IsMap()) {
      r.Error(phase, "timeline: phases: expected {name, start, end}");
      ok = false;
      continue;
    }
    r.CheckKeys(phase, {"name", "start", "end"}, "a timeline phase");
    TimelinePhase p;
    bool phase_ok = true;
    for (auto [key, value] :
         {std::pair{"name", &p.name}, std::pair{"start", &p.start}, std::pair{"end", &p.end}}) {
      const YAML::Node field = phase[key];
      if (!field) {
        r.Error(phase, std::string("timeline: phases: a phase needs ") + key);
        phase_ok = false;
        continue;
      }
      *value = r.Text(field, "timeline: phases: " + std::string(key)).value_or("");
      if (std::string_view(key) != "name" && !core::IsIsoDate(*value)) {
        r.Error(field, "timeline: phases: " + std::string(key) +
                           ": expected a date written yyyy-mm-dd, got '" + *value + "'");
        phase_ok = false;
      }
    }
    if (phase_ok && p.end < p.start) {
      r.Error(phase["end"], "timeline: phases: '" + p.name + "' ends (" + p.end +
                                ") before it starts (" + p.start + ")");
      phase_ok = false;
    }
    if (phase_ok && p.name.empty()) {
      r.Error(phase["name"], "timeline: phases: a phase needs a name");
      phase_ok = false;
    }
    if (phase_ok) t.phases.push_back(std::move(p));
    ok = ok && phase_ok;
  }
  return ok;
}

// `timeline: {start, hours_per_month, freeze: [FROM..TO, ...], phases: [...]}`.
void ReadTimeline(Reader& r, const YAML::Node& node, Scenario& s) {
  s.locations["timeline"] = r.At(node);
  if (!node.IsMap()) {
    r.Error(node, "timeline: expected start, hours_per_month and freeze");
    return;
  }
  r.CheckKeys(node, {"start", "hours_per_month", "freeze", "phases"}, "timeline");
  Timeline t;
  bool ok = true;
  if (const YAML::Node start = node["start"]) {
    t.start = r.Text(start, "timeline: start").value_or("");
    if (!core::IsIsoDate(t.start)) {
      r.Error(start, "timeline: start: expected a date written yyyy-mm-dd, got '" + t.start + "'");
      ok = false;
    }
  } else {
    r.Error(node, "timeline: needs a start date (start: yyyy-mm-dd)");
    ok = false;
  }
  if (const YAML::Node hours = node["hours_per_month"]) {
    auto v = r.Number(hours, "timeline: hours_per_month", false);
    if (v && *v <= 0) {
      r.Error(hours,
              "timeline: hours_per_month: must be more than 0, got '" + hours.Scalar() + "'");
      ok = false;
    } else if (!v) {
      ok = false;
    } else {
      t.hours_per_month = *v;
    }
  } else {
    r.Error(node, "timeline: needs hours_per_month (the joint team's hours for plan work)");
    ok = false;
  }
  if (const YAML::Node freeze = node["freeze"]) {
    if (!freeze.IsSequence()) {
      r.Error(freeze, "timeline: freeze: expected a list of periods FROM..TO");
      ok = false;
    } else {
      for (const YAML::Node& period : freeze) {
        const std::string text = r.Text(period, "timeline: freeze").value_or("");
        const std::size_t dots = text.find("..");
        const std::string first = dots == std::string::npos ? text : text.substr(0, dots);
        const std::string last = dots == std::string::npos ? "" : text.substr(dots + 2);
        if (dots == std::string::npos || first.empty() || last.empty()) {
          r.Error(period, "timeline: freeze: '" + text +
                              "' needs a first and a last day, written yyyy-mm-dd..yyyy-mm-dd");
          ok = false;
        } else if (!core::IsIsoDate(first) || !core::IsIsoDate(last)) {
          r.Error(period, "timeline: freeze: '" + text +
                              "': expected dates written yyyy-mm-dd..yyyy-mm-dd");
          ok = false;
        } else if (last < first) {
          r.Error(period, "timeline: freeze: '" + text + "' ends before it starts");
          ok = false;
        } else {
          t.freeze.push_back({first, last});
        }
      }
    }
  }
  if (const YAML::Node phases = node["phases"]) ok = ReadPhases(r, phases, t) && ok;
  if (ok) s.timeline = std::move(t);
}

}  // namespace

void ReadTimelineKeys(YamlReader& r, const YAML::Node& root, Scenario& s) {
  if (const YAML::Node timeline = root["timeline"]) ReadTimeline(r, timeline, s);
}

}  // namespace samdrift::planners
