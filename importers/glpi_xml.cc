#include "importers/glpi_xml.h"

#include <cstring>
#include <vector>

#include "core/text.h"
#include "importers/glpi_model.h"
#include "importers/xml_support.h"

namespace samdrift::importers {
namespace {

using glpi::Value;
using glpi::Where;

constexpr std::string_view kImporter = "glpi-xml";

Where WhereOf(pugi::xml_node node) { return reinterpret_cast<Where>(node.internal_object()); }

class XmlLocator final : public glpi::Locator {
 public:
  explicit XmlLocator(const XmlInput& input) : input_(input) {}
  core::SourceLocation Locate(Where where) const override {
    return input_.At(pugi::xml_node(reinterpret_cast<pugi::xml_node_struct*>(where)));
  }

 private:
  const XmlInput& input_;
};

bool Is(pugi::xml_node node, const char* name) { return std::strcmp(node.name(), name) == 0; }

Value TextOf(pugi::xml_node node) {
  return Value{std::string(core::Trim(node.child_value())), WhereOf(node)};
}

bool IsTrue(std::string_view text) {
  std::string t = core::ToLowerAscii(core::Trim(text));
  return t == "1" || t == "true" || t == "yes";
}

// Fills the fields of `into` from the child elements of `node` (the first of each name wins).
template <typename T>
void ReadFields(pugi::xml_node node, std::span<const glpi::Field<T>> fields, T& into) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    Value T::*member = glpi::FindField(fields, child.name());
    if (!member || !(into.*member).empty()) continue;
    into.*member = TextOf(child);
  }
}

void ReadIps(pugi::xml_node ips, std::vector<Value>& into) {
  for (pugi::xml_node ip = ips.child("IP"); ip; ip = ip.next_sibling("IP")) {
    into.push_back(TextOf(ip));
  }
}

glpi::Port ReadPort(pugi::xml_node node) {
  glpi::Port port;
  port.where = WhereOf(node);
  ReadFields(node, glpi::PortFields(), port);
  for (pugi::xml_node c : node.child("CONNECTIONS").children()) {
    if (Is(c, "CDP") || Is(c, "LLDP")) {
      port.discovery_protocol = port.discovery_protocol || IsTrue(c.child_value());
    } else if (Is(c, "CONNECTION")) {
      glpi::Connection connection;
      connection.where = WhereOf(c);
      ReadFields(c, glpi::ConnectionFields(), connection);
      for (pugi::xml_node mac = c.child("MAC"); mac; mac = mac.next_sibling("MAC")) {
        connection.macs.push_back(TextOf(mac));
      }
      port.connections.push_back(std::move(connection));
    }
  }
  return port;
}

// <DEVICE>: INFO and PORTS (SNMPQUERY), or the fields directly (NETDISCOVERY).
glpi::NetworkDevice ReadDevice(pugi::xml_node node) {
  glpi::NetworkDevice device;
  device.where = WhereOf(node);
  ReadFields(node, glpi::NetworkDeviceFields(), device);
  Value firmware;
  for (pugi::xml_node child : node.children()) {
    if (Is(child, "INFO")) {
      ReadFields(child, glpi::NetworkDeviceFields(), device);
      ReadIps(child.child("IPS"), device.ips);
    } else if (Is(child, "IPS")) {
      ReadIps(child, device.ips);
    } else if (Is(child, "PORTS")) {
      for (pugi::xml_node port = child.child("PORT"); port; port = port.next_sibling("PORT")) {
        device.ports.push_back(ReadPort(port));
      }
    } else if (Is(child, "FIRMWARES") && firmware.empty()) {
      // Agents before 2.3.22 put the version only in INFO/FIRMWARE; later ones list firmwares.
      std::string type = core::ToLowerAscii(core::Trim(child.child_value("TYPE")));
      if (type.empty() || type == "device") firmware = TextOf(child.child("VERSION"));
    }
  }
  if (device.firmware.empty()) device.firmware = firmware;
  return device;
}

void ReadContent(pugi::xml_node content, glpi::Inventory& inv) {
  for (pugi::xml_node child = content.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const char* name = child.name();
    switch (name[0]) {
      case 'B':
        if (Is(child, "BIOS")) {
          ReadFields(child, glpi::BiosFields(), inv.bios);
          inv.has_bios = true;
        }
        break;
      case 'D':
        if (Is(child, "DEVICE")) inv.devices.push_back(ReadDevice(child));
        break;
      case 'H':
        if (Is(child, "HARDWARE")) {
          ReadFields(child, glpi::HardwareFields(), inv.hardware);
          inv.hardware.where = WhereOf(child);
          inv.has_hardware = true;
        }
        break;
      case 'N':
        if (Is(child, "NETWORKS")) {
          glpi::NetworkInterface n;
          ReadFields(child, glpi::NetworkFields(), n);
          inv.networks.push_back(std::move(n));
        }
        break;
      case 'O':
        if (Is(child, "OPERATINGSYSTEM")) {
          ReadFields(child, glpi::OperatingSystemFields(), inv.os);
          inv.has_os = true;
        }
        break;
      case 'S':
        if (Is(child, "SOFTWARES")) {
          glpi::Software s;
          s.where = WhereOf(child);
          ReadFields(child, glpi::SoftwareFields(), s);
          inv.softwares.push_back(std::move(s));
        }
        break;
      case 'V':
        if (Is(child, "VIRTUALMACHINES")) {
          glpi::VirtualMachine vm;
          vm.where = WhereOf(child);
          ReadFields(child, glpi::VirtualMachineFields(), vm);
          inv.vms.push_back(std::move(vm));
        }
        break;
      default:
        break;
    }
  }
}

// Reads REQUEST into `inv`; false (with errors reported) when it is not an inventory.
bool ReadRequest(const XmlInput& input, glpi::Inventory& inv, core::Diagnostics& diagnostics) {
  pugi::xml_node root = input.root();
  if (!Is(root, "REQUEST")) {
    diagnostics.Error(input.At(root), "GLPI002",
                      "the root element is <" + std::string(root.name()) +
                          ">; a GLPI agent, FusionInventory or OCS inventory is a <REQUEST> "
                          "with <QUERY> and <CONTENT>");
    return false;
  }
  inv.where = WhereOf(root);
  Value query;
  std::vector<pugi::xml_node> contents;
  for (pugi::xml_node child = root.first_child(); child; child = child.next_sibling()) {
    if (Is(child, "CONTENT")) {
      contents.push_back(child);
    } else if (Is(child, "QUERY")) {
      query = TextOf(child);
    } else if (Is(child, "DEVICEID")) {
      inv.deviceid = TextOf(child);
    } else if (Is(child, "ITEMTYPE")) {
      inv.itemtype = TextOf(child);
    } else if (Is(child, "PARTIAL")) {
      inv.partial = IsTrue(child.child_value());
    }
  }
  if (contents.empty()) {
    diagnostics.Error(input.At(root), "GLPI002",
                      "<REQUEST> has no <CONTENT>" +
                          (query.empty() ? std::string() : " (QUERY " + query.text + ")") +
                          "; an inventory carries its data there");
    return false;
  }
  const std::string q = core::ToLowerAscii(query.text);
  if (q == "inventory") {
    inv.query = glpi::Query::kInventory;
  } else if (q == "snmpquery" || q == "snmp") {
    inv.query = glpi::Query::kNetInventory;
  } else if (q == "netdiscovery") {
    inv.query = glpi::Query::kNetDiscovery;
  } else if (!q.empty()) {
    diagnostics.Error(
        input.At(pugi::xml_node(reinterpret_cast<pugi::xml_node_struct*>(query.where))), "GLPI005",
        "QUERY '" + query.text +
            "' is not an inventory; expected INVENTORY, SNMPQUERY or NETDISCOVERY");
    return false;
  }
  for (pugi::xml_node content : contents) ReadContent(content, inv);
  if (q.empty() && !inv.devices.empty()) inv.query = glpi::Query::kNetInventory;
  return true;
}

}  // namespace

std::string_view GlpiXmlImporter::Reads() const {
  return "GLPI agent / FusionInventory / OCS inventory XML (REQUEST with QUERY INVENTORY, "
         "SNMPQUERY or NETDISCOVERY)";
}

std::string_view GlpiXmlImporter::Produces() const {
  return "clients, servers and VMs (BIOS, OS, IP, MAC as attributes); software installed_on "
         "them; VMs runs_on them; network devices, printers, phones; CDP/LLDP neighbours "
         "connected_to";
}

int GlpiXmlImporter::Sniff(std::string_view content) const {
  if (RootElementName(content) != "REQUEST") return 0;
  const bool inventory_parts = content.find("<QUERY>") != std::string_view::npos ||
                               content.find("<CONTENT>") != std::string_view::npos;
  return inventory_parts ? 95 : 50;
}

void GlpiXmlImporter::Import(std::string_view content, const std::string& source,
                             const ImportOptions& options, core::Batch& batch,
                             core::Diagnostics& diagnostics) const {
  if (core::Trim(content).empty()) {
    diagnostics.Error({source, 1, 0}, "GLPI006", "the file is empty");
    return;
  }
  XmlInput input;
  if (!input.Parse(content, source, diagnostics)) return;
  glpi::Inventory inventory;
  if (!ReadRequest(input, inventory, diagnostics)) return;
  XmlLocator locator(input);
  glpi::Context context{kImporter, source, options, locator};
  glpi::AddInventory(inventory, context, batch, diagnostics);
}

}  // namespace samdrift::importers
