#include "reports/hall_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/hall_svg_draw.h"
#include "reports/sections.h"

namespace samdrift::reports {
using namespace hall_svg;
namespace {

// Colour-blind-friendly, readable under black text (Okabe-Ito lightened, then Tableau pastels).
constexpr const char* kPalette[] = {"#8ecae6", "#ffb703", "#90be6d", "#f4978e",
                                    "#cdb4db", "#f9c74f", "#43aa8b", "#e9c46a",
                                    "#a8dadc", "#ffafcc", "#b5e48c", "#d4a373"};

}  // namespace

OrgColours ColoursForOrgs(const planners::HallPlan& plan, const core::OrgNames& names) {
  std::set<std::string> orgs;
  for (const planners::HallDevice& d : plan.devices) orgs.insert(d.org);
  OrgColours colours;
  std::size_t i = 0;
  for (const std::string& org : orgs) {
    colours[org] = {kPalette[i++ % (sizeof kPalette / sizeof *kPalette)],
                    core::DisplayName(names, org)};
  }
  return colours;
}

namespace {

constexpr const char* kBarGreen = "#2a9d8f";
constexpr const char* kBarAmber = "#f4a261";
constexpr const char* kBarRed = "#e76f51";

// "varnamo/Stadshuset/Serverhall 1" with the org's display name: "Värnamo/Stadshuset/...".
std::string FromWithName(const std::string& from, const core::OrgNames& names) {
  const std::size_t slash = from.find('/');
  if (slash == std::string::npos) return from;
  return core::DisplayName(names, from.substr(0, slash)) + from.substr(slash);
}

// What the floor's bar colours mean, in one line of swatches.
std::string BarKey(int y, double margin, Lang lang) {
  const std::string percent = std::to_string(static_cast<int>(std::lround(margin * 100)));
  const std::pair<const char*, std::string> keys[] = {
      {kBarGreen, "≤ 70 % " + T(lang, "of the power budget")},
      {kBarAmber, "> 70 % " + T(lang, "or past the margin") + " (" + percent + " %)"},
      {kBarRed, "> 90 % " + T(lang, "or hall over capacity")}};
  std::string s;
  int x = 8;
  for (const auto& [colour, label] : keys) {
    s += Rect(x, y, 12, 12, "fill=\"" + std::string(colour) + "\"") +
         Text(x + 17, y + 10, label, "fill=\"#555\"") + "\n";
    x += 30 + static_cast<int>(core::DisplayWidth(label)) * 6;
  }
  return s;
}

}  // namespace

std::string HallFloorSvg(const planners::PlannedHall& hall, double margin, Lang lang,
                         const core::OrgNames& names) {
  auto T = [lang](std::string_view text) { return std::string(Tr(lang, text)); };
  constexpr int kSlotW = 110, kSlotH = 150, kGap = 12, kFloorTop = 84;
  const int positions = std::max({hall.positions, static_cast<int>(hall.racks.size()), 1});
  const int columns = std::min(positions, 8);
  const int rows = (positions + columns - 1) / columns;
  const int width = std::max(16 + columns * (kSlotW + kGap), 620);  // the key fits
  const int height = kFloorTop + rows * (kSlotH + kGap) + 58;
  std::string s = kHeader;
  s += "width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
       "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
       "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
  s += "<title>" + XmlText(hall.name) + "</title>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
       std::to_string(height) + "\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">" +
       XmlText(hall.name + " (" + RoleName(lang, hall.role) + ")" +
               (hall.from.empty() ? " · " + T("new hall")
                                  : " · " + T("from") + " " + FromWithName(hall.from, names))) +
       "</text>\n";
  // A hall past a capacity says so in red, and none of its racks shows a green bar.
  std::vector<std::string> over = HallOver(hall);  // "positions", "power", "cooling"
  for (std::string& what : over) what = T(what);
  const std::vector<std::string> past = planners::PastMargin(hall, margin);
  s += std::string("<text x=\"8\" y=\"42\"") +
       (!over.empty()   ? " class=\"over\" fill=\"#d00\" font-weight=\"bold\""
        : !past.empty() ? " class=\"past-margin\" fill=\"#b35c00\" font-weight=\"bold\""
                        : "") +
       ">" +
       XmlText(T("positions") + " " + std::to_string(hall.positions_used) + " / " +
               std::to_string(hall.positions) + " · " + T("power") + " " + Kw(hall.power_kw_used) +
               " / " + Kw(hall.power_kw) + " kW · " + T("cooling") + " " +
               Kw(hall.cooling_kw_used) + " / " + Kw(hall.cooling_kw) + " kW" +
               (over.empty() ? "" : " · " + T("OVER") + ": " + core::Join(over, ", ")) +
               (past.empty() ? ""
                             : " · " + T("past the design margin") + " (" +
                                   std::to_string(static_cast<int>(std::lround(margin * 100))) +
                                   " %): " + core::Join(past, ", "))) +
       "</text>\n";
  s += "<text x=\"8\" y=\"60\" fill=\"#555\">" +
       XmlText(std::to_string(hall.new_racks) + " " + T("new racks") + " · " +
               std::to_string(hall.positions - hall.positions_used) + " " + T("positions free") +
               " · " + T("headroom") + " " + Kw(hall.power_kw - hall.power_kw_used) + " kW " +
               T("power") + ", " + Kw(hall.cooling_kw - hall.cooling_kw_used) + " kW " +
               T("cooling")) +
       "</text>\n";
  for (int slot = 1; slot <= positions; ++slot) {
    const int x = 8 + ((slot - 1) % columns) * (kSlotW + kGap);
    const int y = kFloorTop + ((slot - 1) / columns) * (kSlotH + kGap);
    const planners::PlannedRack* rack = nullptr;
    for (const planners::PlannedRack& r : hall.racks) {
      if (r.slot == slot) rack = &r;
    }
    const bool past_positions = slot > hall.positions;
    if (!rack) {
      s += "<g><title>" + XmlText(T("position") + " " + std::to_string(slot) + ": " + T("free")) +
           "</title><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + std::to_string(kSlotW) + "\" height=\"" + std::to_string(kSlotH) +
           "\" fill=\"none\" stroke=\"#999\" stroke-dasharray=\"6 4\"/><text x=\"" +
           std::to_string(x + kSlotW / 2) + "\" y=\"" + std::to_string(y + kSlotH / 2) +
           "\" text-anchor=\"middle\" fill=\"#999\">" + T("free") + "</text></g>\n";
      continue;
    }
    const double load = rack->kw_budget > 0 && std::isfinite(rack->kw_budget)
                            ? std::min(1.0, rack->kw_used / rack->kw_budget)
                            : 0.0;
    const int bar = static_cast<int>(std::lround(load * (kSlotH - 70)));
    // Past the design margin (the hall's or the rack's) is never green.
    const bool past =
        !planners::PastMargin(hall, margin).empty() || planners::PastMargin(*rack, margin);
    const std::string bar_colour = !over.empty() || load > 0.9 ? kBarRed
                                   : past || load > 0.7        ? kBarAmber
                                                               : kBarGreen;
    s += "<g><title>" +
         XmlText(rack->name + ": U " + std::to_string(rack->u_used) + "/" +
                 std::to_string(rack->u) + ", " + Kw(rack->kw_used) + "/" + Kw(rack->kw_budget) +
                 " kW, " + std::to_string(rack->devices.size()) + " " + T("devices")) +
         "</title>";
    s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(kSlotW) + "\" height=\"" + std::to_string(kSlotH) + "\" fill=\"" +
         (rack->is_new ? "#eef6ff" : "#f4f4f4") + "\" stroke=\"" +
         (past_positions ? "#d00" : "#333") + "\" stroke-width=\"2\"/>";
    s += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 16) +
         "\" font-weight=\"bold\">" + XmlText(Shorten(rack->name, 14)) + "</text>";
    s += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 30) +
         "\" fill=\"#555\">" + T(rack->is_new ? "new" : "existing") + "</text>";
    s += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 46) + "\">" +
         XmlText("U " + std::to_string(rack->u_used) + "/" + std::to_string(rack->u)) + "</text>";
    s += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(y + 60) + "\">" +
         XmlText(Kw(rack->kw_used) + "/" + Kw(rack->kw_budget) + " kW") + "</text>";
    const int bar_bottom = y + kSlotH - 6;
    s += "<rect x=\"" + std::to_string(x + kSlotW - 24) + "\" y=\"" + std::to_string(y + 64) +
         "\" width=\"16\" height=\"" + std::to_string(kSlotH - 70) +
         "\" fill=\"#fff\" stroke=\"#999\"/>";
    s += "<rect x=\"" + std::to_string(x + kSlotW - 24) + "\" y=\"" +
         std::to_string(bar_bottom - bar) + "\" width=\"16\" height=\"" + std::to_string(bar) +
         "\" fill=\"" + bar_colour + "\"/>";
    s += "<text x=\"" + std::to_string(x + 6) + "\" y=\"" + std::to_string(bar_bottom) +
         "\" fill=\"#555\">" + std::to_string(static_cast<int>(std::lround(load * 100))) +
         " % kW</text></g>\n";
  }
  s += "<text x=\"8\" y=\"" + std::to_string(height - 32) + "\" fill=\"#555\">" +
       XmlText(T("Each box is a rack position; the bar is the rack's power use against its "
                 "budget. Dashed: free.")) +
       "</text>\n";
  s += BarKey(height - 24, margin, lang);
  s += "</svg>\n";
  return s;
}

std::vector<SvgFile> HallPlanSvgs(const planners::HallPlan& plan, Lang lang,
                                  const core::OrgNames& names) {
  const OrgColours colours = ColoursForOrgs(plan, names);
  std::vector<SvgFile> files;
  std::set<std::string> taken;
  auto unique = [&](std::string base) {
    std::string name = base + ".svg";
    for (int n = 2; !taken.insert(FoldCase(name)).second; ++n) {
      name = base + "-" + std::to_string(n) + ".svg";
    }
    return name;
  };
  for (const planners::PlannedHall& hall : plan.halls) {
    files.push_back(
        {unique("hall-" + SafeFileName(hall.name)), HallFloorSvg(hall, plan.margin, lang, names)});
    for (const planners::PlannedRack& rack : hall.racks) {
      files.push_back({unique("rack-" + SafeFileName(hall.name) + "-" + SafeFileName(rack.name)),
                       RackElevationSvg(plan, hall, rack, colours, lang)});
    }
  }
  return files;
}

}  // namespace samdrift::reports
