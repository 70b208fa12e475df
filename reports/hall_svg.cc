#include "reports/hall_svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/text.h"
#include "reports/escape.h"
#include "reports/sections.h"

namespace samdrift::reports {
namespace {

// Colour-blind-friendly, readable under black text (Okabe-Ito lightened, then Tableau pastels).
constexpr const char* kPalette[] = {"#8ecae6", "#ffb703", "#90be6d", "#f4978e",
                                    "#cdb4db", "#f9c74f", "#43aa8b", "#e9c46a",
                                    "#a8dadc", "#ffafcc", "#b5e48c", "#d4a373"};

std::string Num(double value, int decimals = 1) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string Kw(double kw) { return std::isfinite(kw) ? Num(kw) : std::string("-"); }

// Length of a UTF-8 prefix holding at most `max_chars` characters.
std::string Shorten(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
    i += len;
  }
  return std::string(text);
}

std::string SafeFileName(std::string_view text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += (std::isalnum(u) && u < 0x80) || c == '-' || c == '.' || c == '_' ? c : '_';
  }
  return out;
}

const char* kHeader =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" ";

constexpr int kUnitPx = 18;
constexpr int kRackWidth = 260;
constexpr int kLeft = 44;  // room for unit numbers
constexpr int kTop = 58;

}  // namespace

OrgColours ColoursForOrgs(const planners::HallPlan& plan) {
  std::set<std::string> orgs;
  for (const planners::HallDevice& d : plan.devices) orgs.insert(d.org);
  OrgColours colours;
  std::size_t i = 0;
  for (const std::string& org : orgs) {
    colours[org] = kPalette[i++ % (sizeof kPalette / sizeof *kPalette)];
  }
  return colours;
}

std::string RackElevationSvg(const planners::HallPlan& plan, const planners::PlannedHall& hall,
                             const planners::PlannedRack& rack, const OrgColours& colours,
                             Lang lang) {
  auto T = [lang](std::string_view text) { return std::string(Tr(lang, text)); };
  std::vector<const planners::Placement*> zero_u;
  std::set<std::string> orgs;
  for (const planners::Placement& p : rack.devices) {
    if (plan.devices[p.device].u_height <= 0) zero_u.push_back(&p);
    orgs.insert(plan.devices[p.device].org);
  }
  const int units = std::max(rack.u, 1);
  const int rack_bottom = kTop + units * kUnitPx;
  const int legend_top = rack_bottom + 16 + static_cast<int>(zero_u.size()) * 16;
  const int width = kLeft + kRackWidth + 40;
  const int height = legend_top + 22 * static_cast<int>(orgs.size() + 1) + 30;
  std::string s = kHeader;
  s += "width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
       "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
       "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
  s += "<title>" + XmlText(hall.name + " / " + rack.name) + "</title>\n";
  // The pattern's id is unique per rack: the report holds every rack's figure in one page.
  const std::string est = "est-" + SafeFileName(hall.name + "-" + rack.name);
  s += "<defs><pattern id=\"" + XmlAttribute(est) +
       "\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
       "patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" "
       "stroke=\"#000\" stroke-opacity=\"0.25\" stroke-width=\"2\"/></pattern></defs>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
       std::to_string(height) + "\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">" +
       XmlText(hall.name + " / " + rack.name) + (rack.is_new ? " (" + T("new") + ")" : "") +
       "</text>\n";
  s += "<text x=\"8\" y=\"40\">" +
       XmlText("U " + std::to_string(rack.u_used) + " / " + std::to_string(rack.u) + " · " +
               Kw(rack.kw_used) + " / " + Kw(rack.kw_budget) + " kW · " + T("front view")) +
       "</text>\n";
  // Frame and units.
  s += "<rect x=\"" + std::to_string(kLeft) + "\" y=\"" + std::to_string(kTop) + "\" width=\"" +
       std::to_string(kRackWidth) + "\" height=\"" + std::to_string(units * kUnitPx) +
       "\" fill=\"#f4f4f4\" stroke=\"#333\" stroke-width=\"2\"/>\n";
  if (rack.u_reserved > 0) {
    s += "<rect x=\"" + std::to_string(kLeft) + "\" y=\"" +
         std::to_string(rack_bottom - rack.u_reserved * kUnitPx) + "\" width=\"" +
         std::to_string(kRackWidth) + "\" height=\"" + std::to_string(rack.u_reserved * kUnitPx) +
         "\" fill=\"#dddddd\"/>\n";
    s += "<text x=\"" + std::to_string(kLeft + kRackWidth - 4) + "\" y=\"" +
         std::to_string(rack_bottom - 4) +
         "\" text-anchor=\"end\" fill=\"#666\" font-size=\"9\">PDU zone</text>\n";
  }
  for (int unit = 1; unit <= units; ++unit) {
    const int y = rack_bottom - unit * kUnitPx;
    s += "<text x=\"" + std::to_string(kLeft - 6) + "\" y=\"" + std::to_string(y + 13) +
         "\" text-anchor=\"end\" fill=\"#555\" font-size=\"10\">" + std::to_string(unit) +
         "</text>\n";
    s += "<line x1=\"" + std::to_string(kLeft) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
         std::to_string(kLeft + kRackWidth) + "\" y2=\"" + std::to_string(y) +
         "\" stroke=\"#ccc\" stroke-width=\"0.5\"/>\n";
  }
  // Devices.
  for (const planners::Placement& p : rack.devices) {
    const planners::HallDevice& d = plan.devices[p.device];
    if (d.u_height <= 0) continue;
    const int top_unit = std::min(p.position + d.u_height - 1, units);
    const int y = rack_bottom - top_unit * kUnitPx + 1;
    const int h = (top_unit - p.position + 1) * kUnitPx - 2;
    auto colour = colours.find(d.org);
    const std::string fill = colour == colours.end() ? "#cccccc" : colour->second;
    std::string tip = d.name + " (" + d.org + ") · U" + std::to_string(p.position) + "–" +
                      std::to_string(p.position + d.u_height - 1) + " · " + Num(d.kw, 2) + " kW" +
                      (d.estimated ? " (" + T("estimated") + ")" : "") +
                      (p.kept           ? " · " + T("stays")
                       : d.hall.empty() ? ""
                                        : " · " + T("from") + " " + d.site + "/" + d.hall +
                                              (d.rack.empty() ? "" : "/" + d.rack));
    s += "<g><title>" + XmlText(tip) + "</title>";
    s += "<rect x=\"" + std::to_string(kLeft + 3) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(kRackWidth - 6) + "\" height=\"" + std::to_string(h) +
         "\" rx=\"2\" fill=\"" + fill + "\" stroke=\"#333\"" +
         (d.estimated ? " stroke-dasharray=\"4 2\"" : "") + "/>";
    if (d.estimated) {
      s += "<rect x=\"" + std::to_string(kLeft + 3) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + std::to_string(kRackWidth - 6) + "\" height=\"" + std::to_string(h) +
           "\" fill=\"url(#" + XmlAttribute(est) + ")\"/>";
    }
    const std::string label =
        (d.estimated ? "≈ " : "") + Shorten(d.name, 30) + "  " + Num(d.kw, 2) + " kW";
    s += "<text x=\"" + std::to_string(kLeft + 9) + "\" y=\"" + std::to_string(y + h / 2 + 4) +
         "\">" + XmlText(label) + "</text></g>\n";
  }
  int y = rack_bottom + 16;
  for (const planners::Placement* p : zero_u) {
    const planners::HallDevice& d = plan.devices[p->device];
    s += "<text x=\"8\" y=\"" + std::to_string(y) + "\">" +
         XmlText(T("zero-U") + ": " + d.name + " (" + d.org + ", " + Num(d.kw, 2) + " kW)" +
                 (d.estimated ? " ≈" : "")) +
         "</text>\n";
    y += 16;
  }
  // Legend.
  y = legend_top + 4;
  for (const std::string& org : orgs) {
    auto colour = colours.find(org);
    s += "<rect x=\"8\" y=\"" + std::to_string(y) + "\" width=\"14\" height=\"14\" fill=\"" +
         (colour == colours.end() ? std::string("#cccccc") : colour->second) +
         "\" stroke=\"#333\"/><text x=\"28\" y=\"" + std::to_string(y + 11) + "\">" + XmlText(org) +
         "</text>\n";
    y += 22;
  }
  s += "<rect x=\"8\" y=\"" + std::to_string(y) + "\" width=\"14\" height=\"14\" fill=\"url(#" +
       XmlAttribute(est) +
       ")\" stroke=\"#333\" "
       "stroke-dasharray=\"4 2\"/><text x=\"28\" y=\"" +
       std::to_string(y + 11) + "\">" +
       XmlText("≈ " + T("estimated U height or power (per-role default)")) + "</text>\n";
  s += "</svg>\n";
  return s;
}

std::string HallFloorSvg(const planners::PlannedHall& hall, Lang lang) {
  auto T = [lang](std::string_view text) { return std::string(Tr(lang, text)); };
  constexpr int kSlotW = 110, kSlotH = 150, kGap = 12, kFloorTop = 84;
  const int positions = std::max({hall.positions, static_cast<int>(hall.racks.size()), 1});
  const int columns = std::min(positions, 8);
  const int rows = (positions + columns - 1) / columns;
  const int width = std::max(16 + columns * (kSlotW + kGap), 520);
  const int height = kFloorTop + rows * (kSlotH + kGap) + 40;
  std::string s = kHeader;
  s += "width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
       "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) +
       "\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n";
  s += "<title>" + XmlText(hall.name) + "</title>\n";
  s += "<rect x=\"0\" y=\"0\" width=\"" + std::to_string(width) + "\" height=\"" +
       std::to_string(height) + "\" fill=\"#ffffff\"/>\n";
  s += "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">" +
       XmlText(hall.name + " (" + RoleName(lang, hall.role) + ")" +
               (hall.from.empty() ? " · " + T("new hall") : " · " + T("from") + " " + hall.from)) +
       "</text>\n";
  // A hall past a capacity says so in red, and none of its racks shows a green bar.
  const std::vector<std::string> over = HallOver(hall);
  s += std::string("<text x=\"8\" y=\"42\"") +
       (over.empty() ? "" : " class=\"over\" fill=\"#d00\" font-weight=\"bold\"") + ">" +
       XmlText(T("positions") + " " + std::to_string(hall.positions_used) + " / " +
               std::to_string(hall.positions) + " · " + T("power") + " " + Kw(hall.power_kw_used) +
               " / " + Kw(hall.power_kw) + " kW · " + T("cooling") + " " +
               Kw(hall.cooling_kw_used) + " / " + Kw(hall.cooling_kw) + " kW" +
               (over.empty() ? "" : " · " + T("OVER") + ": " + core::Join(over, ", "))) +
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
    const std::string bar_colour = !over.empty() || load > 0.9 ? "#e76f51"
                                   : load > 0.7                ? "#f4a261"
                                                               : "#2a9d8f";
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
  s += "<text x=\"8\" y=\"" + std::to_string(height - 14) + "\" fill=\"#555\">" +
       XmlText(T("Each box is a rack position; the bar is the rack's power use against its "
                 "budget. Dashed: free.")) +
       "</text>\n";
  s += "</svg>\n";
  return s;
}

std::vector<SvgFile> HallPlanSvgs(const planners::HallPlan& plan, Lang lang) {
  const OrgColours colours = ColoursForOrgs(plan);
  std::vector<SvgFile> files;
  std::set<std::string> taken;
  auto unique = [&](std::string base) {
    std::string name = base + ".svg";
    for (int n = 2; !taken.insert(name).second; ++n) name = base + "-" + std::to_string(n) + ".svg";
    return name;
  };
  for (const planners::PlannedHall& hall : plan.halls) {
    files.push_back({unique("hall-" + SafeFileName(hall.name)), HallFloorSvg(hall, lang)});
    for (const planners::PlannedRack& rack : hall.racks) {
      files.push_back({unique("rack-" + SafeFileName(hall.name) + "-" + SafeFileName(rack.name)),
                       RackElevationSvg(plan, hall, rack, colours, lang)});
    }
  }
  return files;
}

}  // namespace samdrift::reports
