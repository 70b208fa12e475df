#include "importers/lldpctl_xml.h"

#include <map>
#include <set>
#include <vector>

#include "core/text.h"
#include "importers/lldp_sysdescr.h"
#include "importers/scan_support.h"
#include "importers/xml_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kName = "lldpctl-xml";

// Capabilities the neighbour has enabled -> its role.
std::string RoleFrom(pugi::xml_node chassis, core::AssetKind* kind) {
  std::set<std::string> enabled;
  for (pugi::xml_node c : chassis.children("capability")) {
    if (std::string_view(c.attribute("enabled").value()) == "on") {
      enabled.insert(core::ToLowerAscii(AttrText(c, "type")));
    }
  }
  *kind = core::AssetKind::kDevice;
  if (enabled.count("wlan")) return "access-point";
  if (enabled.count("bridge")) return "switch";
  if (enabled.count("router")) return "router";
  if (enabled.count("telephone")) {
    *kind = core::AssetKind::kClient;
    return "phone";
  }
  return "";
}

// The port as the neighbour names it: its interface name when the port id is one, else the
// description, else the id (a MAC or an ifIndex).
std::string PortName(pugi::xml_node port) {
  pugi::xml_node id = port.child("id");
  const std::string id_text(core::Trim(id.child_value()));
  const std::string type = AttrText(id, "type");
  const std::string descr = Clean(ChildText(port, "descr"));
  if (type == "ifname" && !id_text.empty()) return id_text;
  return descr.empty() ? id_text : descr;
}

// The neighbour's name as the inventory knows it: the first DNS label, after the routing-engine
// prefix Juniper puts before the host name ("re0.access-switch01.ewr01" -> "access-switch01").
std::string NeighbourName(std::string_view sys_name) {
  std::string_view name = sys_name;
  if (name.size() > 4 && (name.starts_with("re0.") || name.starts_with("re1."))) {
    name.remove_prefix(4);
  }
  return ShortHostName(name);
}

// What lldpcli writes under an <lldp> root besides the neighbour list, by the root's label (lldpd's
// src/client/display.c). A root without a label (old lldpctl) is read as neighbours.
constexpr std::string_view kNeighboursLabel = "LLDP neighbors";
struct OtherOutput {
  std::string_view label;
  std::string_view what;
};
constexpr OtherOutput kOtherOutputs[] = {
    {"LLDP interfaces", "`lldpcli show interfaces` output (the local interfaces)"},
    {"LLDP statistics", "`lldpcli show statistics` output (the per-interface counters)"},
    {"LLDP Global statistics", "`lldpcli show statistics summary` output (the counters)"},
};

// Reports LLDP006 and returns false when the <lldp> root is lldpcli output other than neighbours.
bool IsNeighbourList(const XmlInput& input, core::Diagnostics& diagnostics) {
  pugi::xml_attribute label = input.root().attribute("label");
  if (!label || std::string_view(label.value()) == kNeighboursLabel) return true;
  std::string what = "lldpcli output labelled '" + std::string(label.value()) + "'";
  for (const OtherOutput& other : kOtherOutputs) {
    if (other.label == label.value()) what = other.what;
  }
  diagnostics.Error(
      input.At(input.root()), "LLDP006",
      "this is " + what + ", not a neighbour list; export `lldpcli -f xml show neighbors`");
  return false;
}

}  // namespace

std::string_view LldpctlXmlImporter::Name() const { return kName; }

std::string_view LldpctlXmlImporter::Reads() const {
  return "lldpd neighbours as XML (lldpcli -f xml show neighbors, root <lldp label=\"LLDP "
         "neighbors\">; other lldpcli output is refused); the local host is the file's "
         "<local-chassis> name, else the file name without extension and a leading 'lldpctl-'";
}

std::string_view LldpctlXmlImporter::Produces() const {
  return "a connected_to relation per neighbour from the local host's interface (source_port) "
         "to the neighbour's SysName, short form without a Juniper 're0.' (target_port: the port "
         "name); the neighbour as a "
         "device with vendor/product/version from its SysDescr, role from its capabilities, "
         "attributes chassis_id, ip (management address), sysdescr; fills what other files "
         "leave empty; neighbours without a SysName are skipped with a warning; VLANs ignored";
}

int LldpctlXmlImporter::Sniff(std::string_view content) const {
  return RootElementName(content) == "lldp" ? 95 : 0;
}

void LldpctlXmlImporter::Import(std::string_view content, const std::string& source,
                                const ImportOptions& options, core::Batch& batch,
                                core::Diagnostics& diagnostics) const {
  XmlInput input;
  if (!input.Parse(content, source, diagnostics)) return;
  pugi::xml_node root = input.root();
  if (std::string_view(root.name()) != "lldp") {
    diagnostics.Error(input.At(root), "LLDP001",
                      "the root element is <" + std::string(root.name()) +
                          ">, not <lldp>; this is not lldpctl XML output (lldpctl -f xml)");
    return;
  }
  if (!IsNeighbourList(input, diagnostics)) return;
  std::string local = ChildText(root.child("local-chassis").child("chassis"), "name");
  local = Clean(local);
  if (local.empty()) {
    local = HostFromFileName(source, {"lldpctl-", "lldpctl_", "lldpcli-", "lldp-", "lldp_"});
  }
  local = ShortHostName(local);

  std::set<std::string> neighbours_added;
  std::map<std::string, std::string> full_names;  // short name -> the first SysName seen
  for (pugi::xml_node iface : root.children("interface")) {
    const std::string if_name = AttrText(iface, "name");
    if (if_name.empty()) {
      diagnostics.Error(input.At(iface), "LLDP002",
                        "<interface> has no name attribute; cannot tell which local port it is");
      continue;
    }
    pugi::xml_node chassis = iface.child("chassis");
    pugi::xml_node port = iface.child("port");
    bool ok = true;
    if (!chassis) {
      diagnostics.Error(input.At(iface), "LLDP003",
                        "<interface name=\"" + if_name + "\"> has no <chassis>");
      ok = false;
    } else if (std::string(core::Trim(chassis.child("id").child_value())).empty()) {
      diagnostics.Error(input.At(chassis), "LLDP004",
                        "<chassis> on interface " + if_name +
                            " has no <id> (the chassis ID is mandatory in LLDP)");
      ok = false;
    }
    if (!port) {
      diagnostics.Error(input.At(iface), "LLDP003",
                        "<interface name=\"" + if_name + "\"> has no <port>");
      ok = false;
    } else if (std::string(core::Trim(port.child("id").child_value())).empty()) {
      diagnostics.Error(
          input.At(port), "LLDP005",
          "<port> on interface " + if_name + " has no <id> (the port ID is mandatory in LLDP)");
      ok = false;
    }
    if (!ok) continue;

    const std::string chassis_id(core::Trim(chassis.child("id").child_value()));
    const std::string sys_name = Clean(ChildText(chassis, "name"));
    if (sys_name.empty()) {
      diagnostics.Warning(input.At(chassis), "LLDP010",
                          "the neighbour on " + if_name + " (chassis " + chassis_id +
                              ") sends no system name; its connection is not recorded");
      continue;
    }
    const std::string neighbour = NeighbourName(sys_name);
    auto [named, first] = full_names.emplace(neighbour, sys_name);
    if (!first && named->second != sys_name) {
      diagnostics.Warning(input.At(chassis), "LLDP011",
                          "neighbours '" + named->second + "' and '" + sys_name +
                              "' have the same short name '" + neighbour +
                              "'; they are recorded as one device");
    }
    const int line = input.At(iface).line;

    core::Relation link;
    link.org = options.org;
    link.source = local;
    link.kind = core::RelationKind::kConnectedTo;
    link.target = neighbour;
    link.target_kind = core::AssetKind::kDevice;
    link.source_port = if_name;
    link.target_port = PortName(port);
    link.provenance = {std::string(kName), source, line};
    batch.relations.push_back(std::move(link));

    if (!neighbours_added.insert(neighbour).second) continue;
    core::Asset device;
    device.org = options.org;
    device.name = neighbour;
    device.mode = core::WriteMode::kFill;
    device.provenance = {std::string(kName), source, input.At(chassis).line};
    device.role = RoleFrom(chassis, &device.kind);
    device.category = core::DefaultCategory(device.kind, device.role);
    const std::string descr = Clean(ChildText(chassis, "descr"));
    const SysDescr parsed = ParseSysDescr(descr);
    if (!parsed.vendor.empty()) {
      device.vendor = parsed.vendor;
      device.product = parsed.product;
      device.version = parsed.version;
      if (!parsed.os.empty()) device.SetAttr("os", parsed.os);
    } else if (!parsed.os.empty()) {
      device.SetAttr("os", parsed.os);
      if (!parsed.version.empty()) device.SetAttr("kernel", parsed.version);
    }
    if (neighbour != sys_name) device.SetAttr("fqdn", sys_name);
    device.SetAttr("chassis_id", core::ToLowerAscii(chassis_id));
    std::vector<std::string> ips;
    for (pugi::xml_node ip : chassis.children("mgmt-ip")) {
      std::string text(core::Trim(ip.child_value()));
      if (IsIpAddress(text)) ips.push_back(text);
    }
    if (!ips.empty()) device.SetAttr("ip", JoinUnique(ips, ","));
    if (!descr.empty()) device.SetAttr("sysdescr", descr);
    batch.assets.push_back(std::move(device));
  }
}

}  // namespace samdrift::importers
