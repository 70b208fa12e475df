// Devices from a network inventory (SNMP: switches, routers, printers, UPSes, ...) or a network
// discovery (anything that answered): one asset each, and connected_to relations for the ports
// whose neighbours CDP or LLDP names. MAC addresses learned on a port are not a cable.
#include "core/text.h"
#include "importers/glpi_assets.h"

namespace samdrift::importers::glpi {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

struct DeviceClass {
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string role;
  std::optional<core::Category> category;  // when DefaultCategory would not say it
};

// A networking device's role from what it says about itself.
std::string NetworkingRole(const NetworkDevice& d) {
  const std::string text = core::ToLowerAscii(d.model.text + " " + d.description.text);
  if (Contains(text, "fortigate") || Contains(text, "fortios") || Contains(text, "pan-os") ||
      Contains(text, "palo alto") || Contains(text, "adaptive security appliance") ||
      Contains(text, "firewall")) {
    return "firewall";
  }
  if (Contains(text, "wireless lan controller") || Contains(text, "mobility controller")) {
    return "wireless-controller";
  }
  if (Contains(text, "aironet") || Contains(text, "access point")) return "access-point";
  if (Contains(text, "router") || Contains(text, "isr4") || Contains(text, "asr1")) {
    return "router";
  }
  return "switch";
}

// What a device is, from the document's itemtype when it names this device, else its TYPE.
DeviceClass Classify(const NetworkDevice& d, std::optional<ItemType> itemtype, AssetWriter& w) {
  const std::string type = core::ToLowerAscii(core::Trim(d.type.text));
  if (itemtype == ItemType::kPrinter) return DeviceClass{core::AssetKind::kClient, "printer", {}};
  if (itemtype == ItemType::kPhone) return DeviceClass{core::AssetKind::kClient, "phone", {}};
  if (itemtype == ItemType::kComputer) {
    return DeviceClass{core::AssetKind::kClient, "computer", {}};
  }
  if (itemtype == ItemType::kUnmanaged) {
    return DeviceClass{core::AssetKind::kDevice, "unmanaged", core::Category::kNetwork};
  }
  if (type == "networking" || (itemtype == ItemType::kNetworkEquipment && type.empty())) {
    return DeviceClass{core::AssetKind::kDevice, NetworkingRole(d), {}};
  }
  if (type == "printer") return DeviceClass{core::AssetKind::kClient, "printer", {}};
  if (type == "phone") return DeviceClass{core::AssetKind::kClient, "phone", {}};
  if (type == "computer") return DeviceClass{core::AssetKind::kClient, "computer", {}};
  if (type == "storage") return DeviceClass{core::AssetKind::kDevice, "nas", {}};
  if (type == "power") return DeviceClass{core::AssetKind::kDevice, "ups", {}};
  if (type == "video") {
    return DeviceClass{core::AssetKind::kDevice, "video", core::Category::kClient};
  }
  if (type == "kvm") return DeviceClass{core::AssetKind::kDevice, "kvm", {}};
  if (!type.empty() && type != "unmanaged") {
    w.Warning(d.type.where, "GLPI017",
              "device type '" + d.type.text +
                  "' is not one of Networking, Printer, Storage, Power, Phone, Video, KVM, "
                  "Computer, Unmanaged; imported as unmanaged");
  }
  return DeviceClass{core::AssetKind::kDevice, "unmanaged", core::Category::kNetwork};
}

// The port's name as the other end's CDP/LLDP would write it: the interface description when
// it is one word ("TenGigabitEthernet1/1/1"), else the short name ("1/1" on D-Link, whose
// description is a sentence).
std::string PortName(const Port& p) {
  std::string_view descr = core::Trim(p.ifdescr.text);
  if (!descr.empty() && descr.find_first_of(" \t") == std::string_view::npos) {
    return std::string(descr);
  }
  std::string_view name = core::Trim(p.ifname.text);
  if (!name.empty()) return std::string(name);
  if (!descr.empty()) return std::string(descr);
  return std::string(core::Trim(p.ifnumber.text));
}

}  // namespace

void AddNetworkDevice(const Inventory& inv, const NetworkDevice& d,
                      std::optional<ItemType> itemtype, AssetWriter& w) {
  const bool discovery = inv.query == Query::kNetDiscovery;
  std::vector<std::string> ips;
  if (std::string normal = w.Ip(d.ip); !normal.empty() && ScopeOf(normal) == IpScope::kGlobal) {
    AppendUnique(ips, normal);
  }
  for (const Value& ip : d.ips) {
    std::string normal = w.Ip(ip);
    if (!normal.empty() && ScopeOf(normal) == IpScope::kGlobal) AppendUnique(ips, normal);
  }
  std::string mac = w.Mac(d.mac);
  if (mac == "00:00:00:00:00:00") mac.clear();

  // Discovery names a device by SNMP, NetBIOS or DNS name, strongest first; an unnamed one by
  // its address.
  std::string name;
  for (const Value* candidate : {&d.name, &d.snmphostname, &d.netbiosname, &d.dnshostname}) {
    name = core::Trim(candidate->text);
    if (!name.empty()) break;
  }
  if (name.empty() && !ips.empty()) name = ips.front();
  if (name.empty()) name = mac;
  if (name.empty()) {
    w.Warning(d.where, "GLPI008", "device with no name, IP or MAC address; skipped");
    return;
  }
  const DeviceClass cls = Classify(d, itemtype, w);

  core::Asset a;
  a.kind = cls.kind;
  a.name = name;
  a.role = cls.role;
  a.category = cls.category.value_or(core::DefaultCategory(cls.kind, cls.role));
  a.vendor = Meaningful(d.manufacturer);
  if (a.vendor.empty()) a.vendor = Meaningful(d.netportvendor);
  a.product = Meaningful(d.model);
  a.serial = Meaningful(d.serial);
  std::string firmware(core::Trim(d.firmware.text));
  if (firmware.empty() && inv.devices.size() == 1) firmware = core::Trim(inv.firmware_version.text);
  if (!firmware.empty()) a.SetAttr("firmware", firmware);
  if (auto v = Meaningful(d.assettag); !v.empty()) a.SetAttr("asset_tag", v);
  if (auto v = Meaningful(d.location); !v.empty()) a.SetAttr("location", v);
  if (!d.type.empty()) a.SetAttr("device_type", std::string(core::Trim(d.type.text)));
  if (!ips.empty()) a.SetAttr("ip", JoinComma(ips));
  if (!mac.empty()) a.SetAttr("mac", mac);
  if (!d.description.empty()) a.SetAttr("sysdescr", std::string(core::Trim(d.description.text)));
  if (!d.ports.empty()) a.SetAttr("ports", std::to_string(d.ports.size()));
  if (discovery) a.SetAttr("discovered", "true");

  w.NameMachine(a, d.where);  // before its connections name it

  std::size_t neighbours = 0;
  for (const Port& port : d.ports) {
    // Only a port the device says has CDP/LLDP neighbours is cabled to them; the other
    // CONNECTIONS are MAC addresses the switch learned there (hosts behind it, not cables).
    if (!port.discovery_protocol) continue;
    const std::string local = PortName(port);
    for (const Connection& c : port.connections) {
      std::string ip = w.Ip(c.ip);
      std::string sysmac = w.Mac(c.sysmac);
      std::string neighbour(core::Trim(c.sysname.text));
      if (neighbour.empty()) neighbour = ip;
      if (neighbour.empty()) neighbour = sysmac;
      if (neighbour.empty()) {
        w.Warning(c.where ? c.where : port.where, "GLPI016",
                  "CDP/LLDP neighbour on port '" + local +
                      "' has no name, IP or MAC address; no connection recorded");
        continue;
      }
      w.Relate(a, core::RelationKind::kConnectedTo, neighbour, std::nullopt,
               c.where ? c.where : port.where, local, std::string(core::Trim(c.ifdescr.text)));
      ++neighbours;
    }
  }
  if (neighbours) a.SetAttr("neighbours", std::to_string(neighbours));
  // A discovery sees a device from outside: it adds to what an inventory of it says.
  w.Add(std::move(a), d.where,
        discovery || inv.partial ? core::WriteMode::kPatch : core::WriteMode::kReplace);
}

}  // namespace samdrift::importers::glpi
