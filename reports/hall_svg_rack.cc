// Rack elevations (reports/hall_svg.h: RackElevationSvg): each rack front and rear, a device
// drawn on the face it is mounted on, and on the other face too when it is full-depth.
#include <algorithm>
#include <set>

#include "reports/hall_svg_draw.h"

namespace samdrift::reports {
using namespace hall_svg;

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

}  // namespace samdrift::reports
