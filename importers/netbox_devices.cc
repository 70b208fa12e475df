// NetBox devices, power panels and power feeds.
#include <cmath>

#include "core/text.h"
#include "importers/netbox_rows.h"

namespace samdrift::importers {
namespace {

// NetBox's defaults for a power feed field left out (POWERFEED_DEFAULT_*).
constexpr double kDefaultVoltage = 120;
constexpr double kDefaultAmperage = 15;
constexpr double kDefaultMaxUtilization = 80;

enum class Phase { kSingle, kThree };

std::optional<Phase> ParsePhase(std::string_view text) {
  std::string w = core::ToLowerAscii(core::Trim(text));
  for (char& c : w) {
    if (c == ' ' || c == '_') c = '-';
  }
  if (w == "single-phase" || w == "single" || w == "1" || w == "1-phase") return Phase::kSingle;
  if (w == "three-phase" || w == "three" || w == "3" || w == "3-phase") return Phase::kThree;
  return std::nullopt;
}

}  // namespace

std::string PowerPanelName(std::string_view site, std::string_view panel) {
  return std::string(site) + "/" + std::string(panel);
}

std::string PowerFeedName(std::string_view site, std::string_view panel, std::string_view feed) {
  return PowerPanelName(site, panel) + "/" + std::string(feed);
}

void NetboxRows::Device(const NetboxRecord& r) {
  std::string_view role = Required(r, "role");
  std::string_view type = Required(r, "device_type");
  std::string_view site = Required(r, "site");
  auto org = Org(r);
  // NetBox positions are decimal (half units), starting at 1 unless the rack says otherwise.
  const std::optional<double> parsed_position = Number(r, "position", Whole::kNo, 0.5, 1000);
  Number(r, "vc_position", Whole::kYes, 0, 255);
  Number(r, "vc_priority", Whole::kYes, 0, 255);
  std::string_view rack = r.Get("rack");
  if (parsed_position && rack.empty()) {
    diagnostics_.Error(r.At("position"), "NBX013", "position: a position needs a rack");
  }
  // A plain double and a flag: GCC 12 misreads an optional<double> reset on one path as unset.
  const bool placed = parsed_position.has_value() && !rack.empty();
  const double position = parsed_position.value_or(0.0);
  std::string name(r.Get("name"));
  const bool unnamed = name.empty();
  if (unnamed) {
    if (!placed) {
      diagnostics_.Error(r.At("name"), "NBX001",
                         "name: empty; a device needs a name, or a rack and position to be "
                         "named by");
      return;
    }
    // NetBox allows unnamed devices (patch panels, shelves): name them by where they are.
    name = std::string(rack) + " U" + FormatFigure(position);
    if (!r.Get("face").empty()) name += " " + std::string(r.Get("face"));
  }
  if (RowFailed()) return;

  core::Asset a = NewAsset(r, *org, core::AssetKind::kDevice);
  a.name = name;
  a.role = RoleSlug(role);
  a.vendor = std::string(r.Get("manufacturer"));
  a.product = std::string(type);
  a.serial = std::string(r.Get("serial"));
  a.site = std::string(site);
  a.hall = std::string(r.Get("location"));
  a.rack = std::string(rack);
  if (placed) {
    a.position = std::max(1, static_cast<int>(std::floor(position)));
    if (position != std::floor(position)) a.SetAttr("position", FormatFigure(position));
  }
  if (!r.Get("virtual_chassis").empty()) {
    a.redundancy_group = "vc:" + std::string(r.Get("virtual_chassis"));
  }
  KeepOthers(a, r,
             {"name", "role", "manufacturer", "device_type", "serial", "site", "location", "rack",
              "position", "cluster", "parent"});
  if (unnamed) a.SetAttr("unnamed", "true");
  ReferLocation(r, a, "site", "location", "rack");

  if (std::string cluster(r.Get("cluster")); !cluster.empty()) {
    core::Relation rel = NewRelation(r, *org, core::RelationKind::kMemberOf);
    rel.source = a.name;
    rel.source_kind = core::AssetKind::kDevice;
    rel.target = cluster;
    rel.target_kind = core::AssetKind::kCluster;
    batch_.relations.push_back(std::move(rel));
    Refer(r, "cluster", *org, core::AssetKind::kCluster, cluster, "cluster '" + cluster + "'");
  }
  if (std::string parent(r.Get("parent")); !parent.empty()) {
    // A child device sits in a bay of its parent (a blade in its chassis).
    core::Relation rel = NewRelation(r, *org, core::RelationKind::kLocatedIn);
    rel.source = a.name;
    rel.source_kind = core::AssetKind::kDevice;
    rel.target = parent;
    rel.target_kind = core::AssetKind::kDevice;
    rel.target_port = std::string(r.Get("device_bay"));
    batch_.relations.push_back(std::move(rel));
    Refer(r, "parent", *org, core::AssetKind::kDevice, parent, "device '" + parent + "'");
  }
  Add(std::move(a), r, "name");
}

void NetboxRows::PowerPanel(const NetboxRecord& r) {
  std::string_view site = Required(r, "site");
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kDevice);
  // Panel names are unique per site only ("Elcentral A" in every building): SITE/PANEL.
  a.name = PowerPanelName(site, name);
  a.role = "power-panel";
  a.site = std::string(site);
  a.hall = std::string(r.Get("location"));
  a.u_height = 0;  // a wall panel: no rack space, and it draws nothing itself
  a.power_w = 0;
  KeepOthers(a, r, {"site", "location"});
  ReferLocation(r, a, "site", "location", "");
  Add(std::move(a), r, "name");
}

void NetboxRows::PowerFeed(const NetboxRecord& r) {
  std::string_view site = Required(r, "site");
  std::string_view panel = Required(r, "power_panel");
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  auto voltage = Number(r, "voltage", Whole::kYes, -32768, 32767);  // DC feeds are negative
  auto amperage = Number(r, "amperage", Whole::kYes, 1, 32767);
  auto utilization = Number(r, "max_utilization", Whole::kYes, 1, 100);
  std::optional<Phase> phase = Phase::kSingle;
  if (std::string_view cell = r.Get("phase"); !cell.empty()) {
    phase = ParsePhase(cell);
    if (!phase) {
      diagnostics_.Error(
          r.At("phase"), "NBX004",
          "phase: expected 'single-phase' or 'three-phase', got '" + std::string(cell) + "'");
    }
  }
  if (RowFailed()) return;
  std::vector<std::string> defaulted;
  if (!voltage) {
    voltage = kDefaultVoltage;
    defaulted.push_back("voltage 120 V");
  }
  if (!amperage) {
    amperage = kDefaultAmperage;
    defaulted.push_back("amperage 15 A");
  }
  if (!utilization) {
    utilization = kDefaultMaxUtilization;
    defaulted.push_back("max_utilization 80 %");
  }
  if (!defaulted.empty()) {
    std::string list;
    for (const std::string& d : defaulted) list += (list.empty() ? "" : ", ") + d;
    diagnostics_.Warning(
        r.where(), "NBX011",
        "power feed '" + std::string(name) + "': NetBox's defaults used for " + list);
  }
  // NetBox's available power: V x A x utilisation, times sqrt(3) for three-phase.
  double kw = std::fabs(*voltage) * *amperage * (*utilization / 100.0) / 1000.0;
  if (*phase == Phase::kThree) kw *= std::sqrt(3.0);

  core::Asset a = NewAsset(r, *org, core::AssetKind::kDevice);
  // Feed names are unique per panel only: SITE/PANEL/FEED.
  a.name = PowerFeedName(site, panel, name);
  a.role = "power-feed";
  a.site = std::string(site);
  a.hall = std::string(r.Get("location"));
  a.rack = std::string(r.Get("rack"));
  a.u_height = 0;  // supplies power, takes no rack space
  a.power_w = 0;
  KeepOthers(a, r, {"site", "location", "rack", "voltage", "amperage", "max_utilization", "phase"});
  a.SetAttr("voltage", FormatFigure(*voltage));
  a.SetAttr("amperage", FormatFigure(*amperage));
  a.SetAttr("max_utilization", FormatFigure(*utilization));
  a.SetAttr("phase", *phase == Phase::kThree ? "three-phase" : "single-phase");
  a.SetAttr("available_kw", FormatFigure(kw));
  ReferLocation(r, a, "site", "location", "rack");
  const std::string panel_name = PowerPanelName(site, panel);
  Refer(r, "power_panel", *org, core::AssetKind::kDevice, panel_name,
        "power panel '" + std::string(panel) + "' at site '" + std::string(site) + "'");

  core::Relation rel = NewRelation(r, *org, core::RelationKind::kPoweredBy);
  rel.source = a.name;
  rel.source_kind = core::AssetKind::kDevice;
  rel.target = panel_name;
  rel.target_kind = core::AssetKind::kDevice;
  batch_.relations.push_back(std::move(rel));
  Add(std::move(a), r, "name");
}

void NetboxRows::PowerPort(const NetboxRecord& r) {
  std::string_view device = Required(r, "device");
  Required(r, "name");
  auto org = Org(r);
  // NetBox states draws in whole watts.
  auto maximum = Number(r, "maximum_draw", Whole::kYes, 0, 1000000);
  auto allocated = Number(r, "allocated_draw", Whole::kYes, 0, 1000000);
  if (RowFailed()) return;
  if (!maximum && !allocated) return;
  auto [it, inserted] =
      power_ports_.try_emplace({*org, std::string(device)}, PortDraw{r.At("device"), 0, 0});
  if (inserted) power_port_order_.push_back(it->first);
  it->second.watts += allocated ? *allocated : *maximum;
  ++it->second.ports;
}

void NetboxRows::FinishPowerPorts() {
  // One update per device: its power is the allocated draw of its ports (the maximum draw of
  // a port that states no allocation), as NetBox sums a device's power utilisation.
  for (const auto& key : power_port_order_) {
    const PortDraw& draw = power_ports_.at(key);
    const auto& [org, device] = key;
    core::Asset a;
    a.org = org;
    a.kind = core::AssetKind::kDevice;
    a.name = device;
    a.mode = core::WriteMode::kPatch;
    a.power_w = draw.watts;
    a.provenance = {std::string(table_.importer), source_, draw.where.line};
    batch_.assets.push_back(std::move(a));
    core::Reference ref;
    ref.org = org;
    ref.kind = core::AssetKind::kDevice;
    ref.key = device;
    ref.where = draw.where;
    ref.code = "NBX010";
    ref.message = "device: no device '" + device + "'" +
                  (options_.org_source == OrgSource::kTenant ? " of org '" + org + "'" : "") +
                  " in this import or the store";
    batch_.references.push_back(std::move(ref));
  }
}

}  // namespace samdrift::importers
