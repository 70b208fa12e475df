// Hall plan section: capacity against use, floor views, rack elevations, placements.
#include <cmath>

#include "core/text.h"
#include "reports/hall_svg.h"
#include "reports/sections.h"
#include "reports/svg_chart.h"

namespace samdrift::reports {
namespace {

// An inline <svg> element from a standalone SVG document (drops the XML declaration).
std::string Inline(const std::string& document) {
  std::size_t at = document.find("<svg");
  return at == std::string::npos ? document : document.substr(at);
}

// A capacity the inventory does not give (kUnlimited) is unknown, never 0.
std::optional<double> Known(double v) {
  return std::isfinite(v) ? std::optional<double>(v) : std::nullopt;
}
Cell KwCell(Lang lang, double kw) {
  return std::isfinite(kw) ? Cell::Number(kw, 1) : Cell::Text(std::string(Tr(lang, "unknown")));
}

// How much of a hall's kW rests on figures: devices whose power the inventory or the device-type
// catalog gives, against those drawn with a per-role default (PDUs draw nothing of their own).
// "DC1: kW from 34 of 40 devices; 6 without a figure (role defaults)."
std::string PowerBasis(Lang lang, const planners::HallPlan& plan,
                       const planners::PlannedHall& hall) {
  std::size_t with = 0, without = 0;
  for (const planners::PlannedRack& rack : hall.racks) {
    for (const planners::Placement& p : rack.devices) {
      const planners::HallDevice& d = plan.devices[p.device];
      if (d.pdu || d.power_source == core::FigureSource::kNone) continue;
      (d.power_source == core::FigureSource::kDefault ? without : with) += 1;
    }
  }
  std::string out = hall.name + ": " + std::string(Tr(lang, "kW from")) + " " +
                    std::to_string(with) + " " + std::string(Tr(lang, "of")) + " " +
                    std::to_string(with + without) + " " + std::string(Tr(lang, "devices")) + "; " +
                    std::to_string(without) + " " +
                    std::string(Tr(lang, "without a figure (role defaults)")) + ".";
  return out;
}

constexpr std::size_t kMaxElevations = 80;

}  // namespace

Section HallsSection(const Context& context, const planners::HallPlan& plan) {
  const Lang lang = context.lang;
  Section section;
  section.id = "halls";
  section.title = std::string(Tr(lang, "Hall plan"));
  // What did not fit, and a hall past a capacity, come first: never only in a table below.
  std::size_t stuck = 0;
  for (const planners::Unplaced& u : plan.unplaced) stuck += u.limit != planners::Limit::kSparePdu;
  if (stuck) {
    section.intro += std::string(Tr(lang, "Not placed")) + ": " + std::to_string(stuck) + " " +
                     std::string(Tr(lang,
                                    "devices fit in no target hall (the table 'Not placed' "
                                    "below says why).")) +
                     "\n";
  }
  for (const planners::PlannedHall& hall : plan.halls) {
    std::vector<std::string> over;
    for (const std::string& limit : planners::HallOver(hall)) {
      over.push_back(std::string(Tr(lang, limit)));
    }
    if (over.empty()) continue;
    section.intro += hall.name + ": " + std::string(Tr(lang, "over capacity")) + " (" +
                     core::Join(over, ", ") + ").\n";
  }
  section.intro += std::string(
      Tr(lang,
         "Where the datacenter equipment goes in the target halls: positions, power and cooling "
         "used against capacity, the floor of each hall and the front of each rack (devices in "
         "their municipality's colour; hatched figures are estimates). Redundant pairs are split "
         "between the primary and the secondary hall."));
  section.intro += " " + std::string(Tr(lang, "Racks used")) + ": " +
                   std::to_string(plan.racks_used) + " (" + std::string(Tr(lang, "lower bound")) +
                   " " + std::to_string(plan.lower_bound.value) + "), " +
                   std::string(Tr(lang, "new racks")) + ": " + std::to_string(plan.new_racks) + ".";
  for (const planners::PlannedHall& hall : plan.halls) {
    section.intro += " " + PowerBasis(lang, plan, hall);
  }
  std::vector<Gauge> gauges;
  for (const planners::PlannedHall& hall : plan.halls) {
    const std::string unknown(Tr(lang, "unknown"));
    gauges.push_back({hall.name + " " + std::string(Tr(lang, "positions")),
                      static_cast<double>(hall.positions_used), static_cast<double>(hall.positions),
                      "", unknown});
    gauges.push_back({hall.name + " kW", hall.power_kw_used, Known(hall.power_kw), "kW", unknown});
    gauges.push_back({hall.name + " " + std::string(Tr(lang, "cooling")), hall.cooling_kw_used,
                      Known(hall.cooling_kw), "kW", unknown});
  }
  section.figures.push_back(CapacityBars(gauges));
  for (const planners::PlannedHall& hall : plan.halls) {
    section.figures.push_back(Inline(HallFloorSvg(hall, plan.margin, lang, context.org_names)));
  }
  const OrgColours colours = ColoursForOrgs(plan, context.org_names);
  std::size_t drawn = 0;
  std::string elevations = "<div style=\"display:flex;flex-wrap:wrap;gap:8px\">";
  for (const planners::PlannedHall& hall : plan.halls) {
    for (const planners::PlannedRack& rack : hall.racks) {
      if (rack.devices.empty() || drawn++ >= kMaxElevations) continue;
      elevations += "<div>" + Inline(RackElevationSvg(plan, hall, rack, colours, lang)) + "</div>";
    }
  }
  elevations += "</div>";
  section.figures.push_back(elevations);

  Table halls;
  halls.id = "halls";
  halls.title = std::string(Tr(lang, "Halls"));
  for (const char* h : {"Hall", "Role", "From", "Positions", "Positions used", "Power (kW)",
                        "Power used (kW)", "Cooling (kW)", "Cooling used (kW)", "New racks"}) {
    halls.headers.emplace_back(Tr(lang, h));
  }
  for (const planners::PlannedHall& h : plan.halls) {
    halls.rows.push_back(
        {Cell::Text(h.name),
         KeyedCell(RoleName(lang, h.role), std::string(planners::ToString(h.role))),
         Cell::Text(h.from), Cell::Number(h.positions), Cell::Number(h.positions_used),
         KwCell(lang, h.power_kw), Cell::Number(h.power_kw_used, 1), KwCell(lang, h.cooling_kw),
         Cell::Number(h.cooling_kw_used, 1), Cell::Number(h.new_racks)});
  }
  section.tables.push_back(std::move(halls));

  Table placements;
  placements.id = "placements";
  placements.title = std::string(Tr(lang, "Placements"));
  placements.headers = {std::string(Tr(lang, "Municipality")),
                        std::string(Tr(lang, "Asset")),
                        std::string(Tr(lang, "Hall")),
                        std::string(Tr(lang, "Rack")),
                        std::string(Tr(lang, "Position")),
                        std::string(Tr(lang, "U")),
                        "kW",
                        std::string(Tr(lang, "Estimated figures")),
                        std::string(Tr(lang, "From"))};
  for (const planners::PlannedHall& hall : plan.halls) {
    for (const planners::PlannedRack& rack : hall.racks) {
      for (const planners::Placement& p : rack.devices) {
        const planners::HallDevice& d = plan.devices[p.device];
        placements.rows.push_back(
            {OrgCell(context, d.org), Cell::Text(d.name), Cell::Text(hall.name),
             Cell::Text(rack.name), Cell::Number(p.position), Cell::Number(d.u_height),
             Cell::Number(d.kw, 1), Cell::Text(d.estimated ? "\xE2\x89\x88" : ""),
             Cell::Text(p.kept ? std::string(Tr(lang, "stays"))
                               : d.site + "/" + d.hall + "/" + d.rack)});
      }
    }
  }
  section.tables.push_back(std::move(placements));

  Table unplaced;
  unplaced.id = "unplaced";
  unplaced.title = std::string(Tr(lang, "Not placed"));
  unplaced.headers = {std::string(Tr(lang, "Municipality")), std::string(Tr(lang, "Asset")),
                      std::string(Tr(lang, "Limit")), std::string(Tr(lang, "Reason"))};
  for (const planners::Unplaced& u : plan.unplaced) {
    const planners::HallDevice& d = plan.devices[u.device];
    unplaced.rows.push_back(
        {OrgCell(context, d.org), Cell::Text(d.name),
         KeyedCell(LimitName(lang, u.limit), std::string(planners::ToString(u.limit))),
         Cell::Text(UnplacedReason(lang, plan, u))});
  }
  section.tables.push_back(std::move(unplaced));
  return section;
}

}  // namespace samdrift::reports
