// The GLPI / FusionInventory / OCS inventory as both of its syntaxes carry it (agent XML with
// REQUEST/CONTENT, GLPI inventory_format JSON), and the one function that turns it into assets
// and relations. The front ends (glpi_xml, glpi_json) only parse into these structs; every
// decision about kinds, roles, names, attributes, links and value checks is made here once.
#ifndef SAMDRIFT_IMPORTERS_GLPI_MODEL_H_
#define SAMDRIFT_IMPORTERS_GLPI_MODEL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/text.h"
#include "importers/importer.h"

namespace samdrift::importers::glpi {

// Where a value was found, in terms only its front end understands (an XML node, a JSON byte
// offset). Turned into a SourceLocation only when a diagnostic or a provenance line needs it.
using Where = std::uintptr_t;

class Locator {
 public:
  virtual ~Locator() = default;
  virtual core::SourceLocation Locate(Where where) const = 0;
};

// One scalar as written (trimmed; numbers and booleans as their text) and where it was.
struct Value {
  std::string text;
  Where where = 0;
  bool empty() const { return text.empty(); }
};

struct Hardware {
  Value name, chassis_type, vmsystem, uuid, memory, workgroup, osname, osversion, ipaddr;
  Where where = 0;
};

struct Bios {
  Value assettag, bdate, bmanufacturer, bversion, mmanufacturer, mmodel, msn, smanufacturer, smodel,
      ssn, skunumber;
};

struct OperatingSystem {
  Value name, full_name, version, kernel_name, kernel_version, service_pack, arch, fqdn,
      install_date;
};

struct NetworkInterface {
  Value description, mac, ipaddress, ipaddress6, type, virtualdev, status;
};

struct Software {
  Value name, version, publisher, install_date, arch;
  Where where = 0;
};

struct VirtualMachine {
  Value name, uuid, vmtype, subsystem, status, memory, vcpu, image;
  OperatingSystem os;  // JSON only (virtualmachines[].operatingsystem)
  Where where = 0;
};

// A CDP/LLDP neighbour block, or a list of MAC addresses learned on the port.
struct Connection {
  Value sysname, ifdescr, ip, sysmac, sysdescr, model;
  std::vector<Value> macs;
  Where where = 0;
};

struct Port {
  Value ifname, ifdescr, ifnumber, mac;
  bool discovery_protocol = false;  // <CDP>1</CDP> / "lldp": true: the connections are neighbours
  std::vector<Connection> connections;
  Where where = 0;
};

// A device seen over SNMP (SNMPQUERY / netinventory: INFO and PORTS) or found by a network
// discovery (NETDISCOVERY / netdiscovery: the fields directly on DEVICE).
struct NetworkDevice {
  Value name, type, manufacturer, model, serial, firmware, location, mac, description, contact,
      assettag, uptime, ip;
  // Discovery names its device by any of these, strongest first after `name`.
  Value snmphostname, netbiosname, dnshostname, netportvendor;
  std::vector<Value> ips;
  std::vector<Port> ports;
  Where where = 0;
};

enum class Query : std::uint8_t { kInventory, kNetInventory, kNetDiscovery };

struct Inventory {
  Value deviceid;
  Value itemtype;  // Computer, Phone, NetworkEquipment, Printer, Unmanaged; empty: guessed
  Query query = Query::kInventory;
  bool partial = false;
  Where where = 0;  // the document (root element / top-level object)

  bool has_hardware = false, has_bios = false, has_os = false;
  Hardware hardware;
  Bios bios;
  OperatingSystem os;
  std::vector<NetworkInterface> networks;
  std::vector<Software> softwares;
  std::vector<VirtualMachine> vms;
  std::vector<NetworkDevice> devices;  // netinventory / netdiscovery
  Value firmware_version;              // first "device" firmwares[] entry (netinventory)
};

// The field names of each section, shared by both syntaxes: JSON writes them in lower case, XML
// in upper case; aliases cover the older XML spellings (MACADDR, INSTALLDATE).
template <typename T>
struct Field {
  std::string_view names[2];
  Value T::*member;
};
std::span<const Field<Hardware>> HardwareFields();
std::span<const Field<Bios>> BiosFields();
std::span<const Field<OperatingSystem>> OperatingSystemFields();
std::span<const Field<NetworkInterface>> NetworkFields();
std::span<const Field<Software>> SoftwareFields();
std::span<const Field<VirtualMachine>> VirtualMachineFields();
std::span<const Field<Connection>> ConnectionFields();  // without MAC (a list)
std::span<const Field<Port>> PortFields();
std::span<const Field<NetworkDevice>> NetworkDeviceFields();  // without IPS (a list)

// The field of `fields` called `name` (case-insensitive), or nullptr.
template <typename T>
Value T::*FindField(std::span<const Field<T>> fields, std::string_view name) {
  for (const Field<T>& field : fields) {
    for (std::string_view candidate : field.names) {
      if (!candidate.empty() && core::EqualsIgnoreCase(candidate, name)) return field.member;
    }
  }
  return nullptr;
}

// The recognised itemtypes, for messages.
inline constexpr std::string_view kItemTypes[] = {"Computer", "Phone", "NetworkEquipment",
                                                  "Printer", "Unmanaged"};

struct Context {
  std::string_view importer;  // Importer::Name()
  const std::string& source;
  const ImportOptions& options;
  const Locator& locator;
};

// Turns one inventory into assets and relations (appended to `batch`). Invalid values (MAC, IP,
// dates) are warnings with their location; an inventory that names no asset is an error.
void AddInventory(const Inventory& inventory, const Context& context, core::Batch& batch,
                  core::Diagnostics& diagnostics);

}  // namespace samdrift::importers::glpi

#endif  // SAMDRIFT_IMPORTERS_GLPI_MODEL_H_
