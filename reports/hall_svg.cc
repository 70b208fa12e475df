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

// A file name that keeps letters as written (å, ä, ö stay readable) and replaces what a file
// system or a shell would mind ('/', spaces, quotes, control characters) with '_'.
std::string SafeFileName(std::string_view text) {
  std::string out;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    out += u >= 0x80 || std::isalnum(u) || c == '-' || c == '.' || c == '_' ? c : '_';
  }
  return core::IsValidUtf8(out) ? out : std::string(text.size(), '_');
}

// The name as a case-insensitive file system compares it: ASCII and Å Ä Ö (Latin-1 capitals)
// lowered.
std::string FoldCase(std::string_view name) {
  std::string out = core::ToLowerAscii(name);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(out[i]);
    const unsigned char n = static_cast<unsigned char>(out[i + 1]);
    if (c == 0xC3 && n >= 0x80 && n <= 0x9E && n != 0x97) out[i + 1] = static_cast<char>(n + 0x20);
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

// Fill colour by what the device is (the municipality is the stripe at its left edge).
struct RoleKind {
  const char* label;
  const char* colour;
  std::vector<const char*> words;
};
const std::vector<RoleKind>& RoleKinds() {
  static const std::vector<RoleKind> kinds = {
      {"network (switch, router, firewall)",
       "#a7d3a6",
       {"switch", "router", "firewall", "brandv", "kärnswitch", "fw"}},
      {"storage", "#ffd166", {"storage", "lagring", "san", "nas", "alletra", "nimble"}},
      {"backup, tape", "#cdb4db", {"backup", "tape", "bandbibliotek"}},
      {"power (PDU, UPS)", "#d4a373", {"pdu", "ups"}},
      {"server, hypervisor",
       "#9ecae1",
       {"server", "hypervisor", "host", "värd", "compute", "esxi", "servrar"}},
  };
  return kinds;
}

std::size_t RoleKindOf(const planners::HallDevice& d) {
  const std::string role = core::ToLowerAscii(d.role);
  for (std::size_t i = 0; i < RoleKinds().size(); ++i) {
    for (const char* w : RoleKinds()[i].words) {
      if (role.find(w) != std::string::npos) return i;
    }
  }
  return RoleKinds().size();  // other
}

const char* RoleColour(std::size_t kind) {
  return kind < RoleKinds().size() ? RoleKinds()[kind].colour : "#e5e5e5";
}

// Where the other members of a device's redundancy group are: "gno-fw02 (DC2/DH-01 U30)".
std::string Partners(const planners::HallPlan& plan, const planners::HallDevice& d) {
  if (d.redundancy_group.empty()) return "";
  std::string out;
  for (const planners::PlannedHall& h : plan.halls) {
    for (const planners::PlannedRack& r : h.racks) {
      for (const planners::Placement& p : r.devices) {
        const planners::HallDevice& o = plan.devices[p.device];
        if (&o == &d || o.org != d.org || o.redundancy_group != d.redundancy_group) continue;
        out += (out.empty() ? "" : ", ") + o.name + " (" + h.name + "/" + r.name + " U" +
               std::to_string(p.position) + ")";
      }
    }
  }
  return out;
}

// A device is seen from the front unless it is mounted at the rear and half-depth; from the
// rear when it is mounted there or full-depth (NetBox's face and is_full_depth).
bool Visible(const planners::HallDevice& d, bool rear) {
  const bool at_rear = d.face == "rear";
  return rear ? at_rear || d.full_depth : !at_rear || d.full_depth;
}

std::string Rect(int x, int y, int w, int h, const std::string& rest) {
  return "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
         std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" " + rest + "/>";
}

std::string Text(int x, int y, const std::string& text, const std::string& rest = "") {
  return "<text x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\"" +
         (rest.empty() ? "" : " " + rest) + ">" + XmlText(text) + "</text>";
}

// The colour and display name of `org` (grey and the id for an org the plan did not colour).
OrgMark MarkOf(const OrgColours& colours, const std::string& org) {
  auto it = colours.find(org);
  return it == colours.end() ? OrgMark{"#888888", org} : it->second;
}

std::string T(Lang lang, std::string_view text) { return std::string(Tr(lang, text)); }

// One device in one view: role fill, org stripe, border by whether it moves in, name and model.
std::string DeviceBox(const planners::HallPlan& plan, const planners::PlannedHall& hall,
                      const planners::Placement& p, int left, int rack_bottom, int units, bool rear,
                      const OrgColours& colours, Lang lang, const std::string& est) {
  const planners::HallDevice& d = plan.devices[p.device];
  const int top_unit = std::min(p.position + d.u_height - 1, units);
  const int y = rack_bottom - top_unit * kUnitPx + 1;
  const int h = (top_unit - p.position + 1) * kUnitPx - 2;
  const int x = left + 3, w = kRackWidth - 6;
  // Seen from the other face: the back of a full-depth device, drawn faint.
  const bool back = rear ? d.face != "rear" : d.face == "rear";
  const OrgMark org = MarkOf(colours, d.org);
  const std::string partners = Partners(plan, d);
  const std::string tip =
      d.name + " (" + org.name + ", " + d.role + (d.model.empty() ? "" : ", " + d.model) + ") · U" +
      std::to_string(p.position) + "–" + std::to_string(p.position + d.u_height - 1) + " · " +
      (d.face.empty() ? "" : T(lang, "mounted") + " " + T(lang, d.face) + " · ") +
      T(lang, d.full_depth ? "full depth" : "half depth") + " · " + Num(d.kw, 2) + " kW" +
      (d.estimated ? " (" + T(lang, "estimated") + ")" : "") +
      (!d.site_bound.empty() ? " · " + T(lang, "stays") + ": " + StayReason(lang, d.site_bound)
       : p.kept              ? " · " + T(lang, "already here")
       : d.hall.empty()      ? " · " + T(lang, "moves in")
                             : " · " + T(lang, "moves in from") + " " + d.site + "/" + d.hall +
                              (d.rack.empty() ? "" : "/" + d.rack)) +
      (partners.empty() ? ""
                        : " · " + T(lang, "redundancy group") + " " + d.redundancy_group + " " +
                              T(lang, "with") + " " + partners) +
      " · " + hall.name;
  std::string s = "<g class=\"" + std::string(p.kept ? "kept" : "moves-in") + "\"><title>" +
                  XmlText(tip) + "</title>";
  s += Rect(x, y, w, h,
            "rx=\"2\" fill=\"" + std::string(RoleColour(RoleKindOf(d))) + "\"" +
                (back ? " fill-opacity=\"0.35\"" : "") + " stroke=\"" +
                (p.kept ? "#333" : "#0b5cad") + "\" stroke-width=\"" + (p.kept ? "1" : "2.5") +
                "\"" + (p.kept ? "" : " stroke-dasharray=\"6 3\""));
  if (d.estimated) s += Rect(x, y, w, h, "fill=\"url(#" + XmlAttribute(est) + ")\"");
  s += Rect(x, y, 7, h, "fill=\"" + org.colour + "\"");  // the municipality
  const std::string mark = (p.kept ? "" : "➜ ") + std::string(d.estimated ? "≈ " : "");
  const std::string right = (d.redundancy_group.empty() ? "" : "⇄ ") + org.name;
  const std::string name = back ? "(" + T(lang, "rear of") + ") " + d.name : d.name;
  if (h >= 2 * kUnitPx - 2) {
    s += Text(x + 12, y + h / 2 - 2, mark + Shorten(name, 24), "font-weight=\"bold\"");
    s += Text(x + 12, y + h / 2 + 11,
              Shorten(d.model.empty() ? d.role : d.model, 30) + " · " + Num(d.kw, 2) + " kW",
              "font-size=\"9\" fill=\"#333\"");
  } else {
    // One unit: name and model on one line, in what the label at the right edge leaves (about
    // 6 px a character at 10 px, 5 px at 9 px).
    const int room = (w - 20 - static_cast<int>(core::DisplayWidth(right)) * 5) / 6;
    std::string line = mark + Shorten(name, static_cast<std::size_t>(std::clamp(room - 2, 4, 18)));
    const int rest = room - static_cast<int>(core::DisplayWidth(line)) - 2;
    if (rest >= 6) {
      line += "  " + Shorten(d.model.empty() ? d.role : d.model,
                             static_cast<std::size_t>(std::min(rest, 16)));
    }
    s += Text(x + 12, y + h / 2 + 4, line, "font-size=\"10\"");
  }
  s += Text(x + w - 4, y + h / 2 + 4, right, "text-anchor=\"end\" font-size=\"9\" fill=\"#222\"");
  return s + "</g>\n";
}

// The frame of one view with unit numbers and the PDU zone.
std::string RackFrame(const planners::PlannedRack& rack, int left, int units, bool rear,
                      Lang lang) {
  const int rack_bottom = kTop + units * kUnitPx;
  std::string s =
      Text(left, kTop - 8, T(lang, rear ? "rear" : "front"), "font-weight=\"bold\"") + "\n";
  s += Rect(left, kTop, kRackWidth, units * kUnitPx,
            "fill=\"#f4f4f4\" stroke=\"#333\" stroke-width=\"2\"") +
       "\n";
  if (rack.u_reserved > 0) {
    s += Rect(left, rack_bottom - rack.u_reserved * kUnitPx, kRackWidth, rack.u_reserved * kUnitPx,
              "fill=\"#dddddd\"");
    s += Text(left + kRackWidth - 4, rack_bottom - 4, T(lang, "PDU zone"),
              "text-anchor=\"end\" fill=\"#666\" font-size=\"9\"") +
         "\n";
  }
  for (int unit = 1; unit <= units; ++unit) {
    const int y = rack_bottom - unit * kUnitPx;
    s += Text(left - 6, y + 13, std::to_string(unit),
              "text-anchor=\"end\" fill=\"#555\" font-size=\"10\"");
    s += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(y) + "\" x2=\"" +
         std::to_string(left + kRackWidth) + "\" y2=\"" + std::to_string(y) +
         "\" stroke=\"#ccc\" stroke-width=\"0.5\"/>\n";
  }
  return s;
}

std::string Legend(const std::set<std::string>& orgs, const OrgColours& colours, int y, Lang lang,
                   const std::string& est) {
  std::string s;
  for (std::size_t k = 0; k <= RoleKinds().size(); ++k) {
    const int x = 8 + static_cast<int>(k % 3) * 220, row = y + static_cast<int>(k / 3) * 20;
    s += Rect(x, row, 14, 14, "fill=\"" + std::string(RoleColour(k)) + "\" stroke=\"#333\"");
    s += Text(x + 20, row + 11, T(lang, k < RoleKinds().size() ? RoleKinds()[k].label : "other")) +
         "\n";
  }
  y += 2 * 20 + 6;
  int x = 8;
  for (const std::string& org : orgs) {
    const OrgMark mark = MarkOf(colours, org);
    s += Rect(x, y, 7, 14, "fill=\"" + mark.colour + "\"");
    s += Text(x + 12, y + 11, mark.name) + "\n";
    x += 30 + static_cast<int>(core::DisplayWidth(mark.name)) * 7;
  }
  y += 22;
  s += Rect(8, y, 14, 14, "fill=\"#fff\" stroke=\"#333\"") +
       Text(28, y + 11, T(lang, "already in this rack")) +
       Rect(190, y, 14, 14,
            "fill=\"#fff\" stroke=\"#0b5cad\" stroke-width=\"2.5\" "
            "stroke-dasharray=\"6 3\"") +
       Text(210, y + 11, "➜ " + T(lang, "moves in")) +
       Text(330, y + 11, "⇄ " + T(lang, "redundancy group (hover: partners)")) + "\n";
  y += 20;
  s += Rect(8, y, 14, 14, "fill=\"url(#" + XmlAttribute(est) + ")\" stroke=\"#333\"") +
       Text(28, y + 11,
            "≈ " + T(lang,
                     "estimated U height or power (per-role default); faint: the back of a "
                     "full-depth device")) +
       "\n";
  return s;
}

}  // namespace

std::string RackElevationSvg(const planners::HallPlan& plan, const planners::PlannedHall& hall,
                             const planners::PlannedRack& rack, const OrgColours& colours,
                             Lang lang) {
  std::vector<const planners::Placement*> zero_u;
  std::set<std::string> orgs;
  for (const planners::Placement& p : rack.devices) {
    if (plan.devices[p.device].u_height <= 0) zero_u.push_back(&p);
    orgs.insert(plan.devices[p.device].org);
  }
  const int units = std::max(rack.u, 1);
  const int rack_bottom = kTop + units * kUnitPx;
  const int rear_left = kLeft + kRackWidth + kLeft + 16;
  const int legend_top = rack_bottom + 16 + static_cast<int>(zero_u.size()) * 16;
  const int width = std::max(rear_left + kRackWidth + 16, 660);
  const int height = legend_top + 120;
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
  s += Rect(0, 0, width, height, "fill=\"#ffffff\"") + "\n";
  s += Text(8, 20, hall.name + " / " + rack.name + (rack.is_new ? " (" + T(lang, "new") + ")" : ""),
            "font-size=\"15\" font-weight=\"bold\"") +
       "\n";
  const bool past = planners::PastMargin(rack, plan.margin);
  const bool over = rack.kw_used > rack.kw_budget + 1e-9;
  s += Text(8, 38,
            "U " + std::to_string(rack.u_used) + " / " + std::to_string(rack.u) + " · " +
                Kw(rack.kw_used) + " / " + Kw(rack.kw_budget) + " kW" +
                (over ? " · " + T(lang, "OVER its power budget")
                 : past
                     ? " · " + T(lang, "past the design margin") + " (" +
                           std::to_string(static_cast<int>(std::lround(plan.margin * 100))) + " %)"
                     : ""),
            over ? "fill=\"#d00\" font-weight=\"bold\""
                 : (past ? "fill=\"#b35c00\" font-weight=\"bold\"" : "")) +
       "\n";
  for (bool rear : {false, true}) {
    const int left = rear ? rear_left : kLeft;
    s += RackFrame(rack, left, units, rear, lang);
    for (const planners::Placement& p : rack.devices) {
      const planners::HallDevice& d = plan.devices[p.device];
      if (d.u_height <= 0 || !Visible(d, rear)) continue;
      s += DeviceBox(plan, hall, p, left, rack_bottom, units, rear, colours, lang, est);
    }
  }
  int y = rack_bottom + 16;
  for (const planners::Placement* p : zero_u) {
    const planners::HallDevice& d = plan.devices[p->device];
    s += Text(8, y,
              T(lang, "zero-U") + ": " + d.name + " (" + MarkOf(colours, d.org).name + ", " +
                  Num(d.kw, 2) + " kW)" + (d.estimated ? " ≈" : "")) +
         "\n";
    y += 16;
  }
  s += Legend(orgs, colours, legend_top + 4, lang, est);
  s += "</svg>\n";
  return s;
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
