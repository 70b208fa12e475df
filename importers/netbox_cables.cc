// NetBox cables: each end is a termination (an interface, a console or power port, a power
// feed, ...) named by type, device (or power panel) and name. Data and console cables become
// connected_to between the devices, power cables powered_by from the inlet's device to the
// outlet's device or the feed.
#include <algorithm>
#include <array>

#include "core/text.h"
#include "importers/netbox_rows.h"

namespace samdrift::importers {
namespace {

enum class End {
  kInterface,
  kFrontPort,
  kRearPort,
  kConsolePort,
  kConsoleServerPort,
  kPowerPort,
  kPowerOutlet,
  kPowerFeed,
  kCircuitTermination,
};

struct EndName {
  std::string_view name;     // NetBox's content type
  std::string_view compact;  // without app label, spaces or underscores
  std::string_view noun;
  End end;
};

constexpr EndName kEnds[] = {
    {"dcim.interface", "interface", "an interface", End::kInterface},
    {"dcim.frontport", "frontport", "a front port", End::kFrontPort},
    {"dcim.rearport", "rearport", "a rear port", End::kRearPort},
    {"dcim.consoleport", "consoleport", "a console port", End::kConsolePort},
    {"dcim.consoleserverport", "consoleserverport", "a console server port",
     End::kConsoleServerPort},
    {"dcim.powerport", "powerport", "a power port", End::kPowerPort},
    {"dcim.poweroutlet", "poweroutlet", "a power outlet", End::kPowerOutlet},
    {"dcim.powerfeed", "powerfeed", "a power feed", End::kPowerFeed},
    {"circuits.circuittermination", "circuittermination", "a circuit termination",
     End::kCircuitTermination},
};

// "dcim.interface", "interface", "Power Port", "console_server_port" -> the end.
const EndName* ParseEnd(std::string_view text) {
  std::string w = core::ToLowerAscii(core::Trim(text));
  for (std::string_view prefix : {"dcim.", "circuits."}) {
    if (w.rfind(prefix, 0) == 0) w = w.substr(prefix.size());
  }
  std::string compact;
  for (char c : w) {
    if (c != ' ' && c != '_' && c != '-') compact += c;
  }
  for (const EndName& e : kEnds) {
    if (e.compact == compact) return &e;
  }
  return nullptr;
}

bool IsPassThrough(End e) { return e == End::kFrontPort || e == End::kRearPort; }
bool IsConsole(End e) { return e == End::kConsolePort || e == End::kConsoleServerPort; }
bool IsPowerSource(End e) { return e == End::kPowerOutlet || e == End::kPowerFeed; }

// What NetBox lets a cable join (patch-panel ports pass anything but power through).
bool Compatible(End a, End b) {
  if (a == End::kPowerPort) return IsPowerSource(b);
  if (b == End::kPowerPort) return IsPowerSource(a);
  if (IsPowerSource(a) || IsPowerSource(b)) return false;
  if (IsPassThrough(a) || IsPassThrough(b)) return true;
  if (a == End::kInterface) return b == End::kInterface;
  if (a == End::kConsolePort) return b == End::kConsoleServerPort;
  if (a == End::kConsoleServerPort) return b == End::kConsolePort;
  return false;
}

}  // namespace

struct NetboxRows::CableSide {
  const EndName* type = nullptr;
  std::string key;     // the device, or PANEL/FEED
  std::string port;    // the termination's name
  std::string column;  // where a missing device is reported
  std::string what;    // "device 'sw-1'"
};

bool NetboxRows::ReadCableSide(const NetboxRecord& r, const std::string& prefix, CableSide& s) {
  std::string_view type = Required(r, prefix + "type");
  std::string_view port = Required(r, prefix + "name");
  if (type.empty() || port.empty()) return false;
  s.type = ParseEnd(type);
  if (!s.type) {
    std::vector<std::string> names;
    for (const EndName& e : kEnds) names.emplace_back(e.name);
    std::string closest = core::ClosestName(type, names);
    diagnostics_.Error(r.At(prefix + "type"), "NBX004",
                       prefix + "type: unknown termination type '" + std::string(type) + "'" +
                           (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
    return false;
  }
  s.port = std::string(port);
  if (s.type->end == End::kCircuitTermination) return true;
  if (s.type->end == End::kPowerFeed) {
    // A feed is named by its site, panel and name (PowerFeedName).
    std::string_view site = r.Get(prefix + "site");
    std::string_view panel = r.Get(prefix + "power_panel");
    if (site.empty() || panel.empty()) {
      const std::string column = prefix + (site.empty() ? "site" : "power_panel");
      diagnostics_.Error(r.At(column), "NBX001",
                         column + ": empty; a power feed is named by its site and panel");
      return false;
    }
    s.key = PowerFeedName(site, panel, s.port);
    s.column = prefix + "name";
    s.what = "power feed '" + s.port + "' of panel '" + std::string(panel) + "' at site '" +
             std::string(site) + "'";
  } else {
    std::string_view device = Required(r, prefix + "device");
    if (device.empty()) return false;
    s.key = std::string(device);
    s.column = prefix + "device";
    s.what = "device '" + s.key + "'";
  }
  return true;
}

void NetboxRows::Cable(const NetboxRecord& r) {
  auto org = Org(r);
  std::array<CableSide, 2> sides;
  bool ok = true;
  for (int i = 0; i < 2; ++i) {
    ok = ReadCableSide(r, i == 0 ? "side_a_" : "side_b_", sides[static_cast<std::size_t>(i)]) && ok;
  }
  if (!ok || RowFailed()) return;
  if (std::any_of(sides.begin(), sides.end(),
                  [](const CableSide& s) { return s.type->end == End::kCircuitTermination; })) {
    diagnostics_.Warning(r.where(), "NBX009",
                         "cable to a circuit termination skipped: circuits (WAN links) are not "
                         "modelled");
    return;
  }
  const End a = sides[0].type->end;
  const End b = sides[1].type->end;
  if (!Compatible(a, b)) {
    diagnostics_.Error(r.At("side_b_type"), "NBX007",
                       "a cable cannot join " + std::string(sides[0].type->noun) + " to " +
                           std::string(sides[1].type->noun));
    return;
  }
  if (sides[0].key == sides[1].key) {
    diagnostics_.Warning(
        r.where(), "NBX012",
        "cable from '" + sides[0].key + "' to itself: not a connection between devices, skipped");
    return;
  }
  for (const CableSide& s : sides) {
    Refer(r, s.column, *org, core::AssetKind::kDevice, s.key, s.what);
  }
  const bool power = a == End::kPowerPort || b == End::kPowerPort;
  // Power flows from the outlet (or feed) to the inlet: the inlet's device is powered_by.
  const CableSide& from = (power && b == End::kPowerPort) ? sides[1] : sides[0];
  const CableSide& to = (power && b == End::kPowerPort) ? sides[0] : sides[1];
  core::Relation rel = NewRelation(
      r, *org, power ? core::RelationKind::kPoweredBy : core::RelationKind::kConnectedTo);
  rel.source = from.key;
  rel.target = to.key;
  rel.source_kind = core::AssetKind::kDevice;
  rel.target_kind = core::AssetKind::kDevice;
  auto port_name = [](const CableSide& s) {
    return IsConsole(s.type->end) ? "console:" + s.port : s.port;
  };
  rel.source_port = port_name(from);
  rel.target_port = port_name(to);
  batch_.relations.push_back(std::move(rel));
}

}  // namespace samdrift::importers
