#include "importers/glpi_model.h"

#include "importers/glpi_assets.h"

namespace samdrift::importers::glpi {
namespace {

constexpr Field<Hardware> kHardwareFields[] = {
    {{"name"}, &Hardware::name},         {{"chassis_type"}, &Hardware::chassis_type},
    {{"vmsystem"}, &Hardware::vmsystem}, {{"uuid"}, &Hardware::uuid},
    {{"memory"}, &Hardware::memory},     {{"workgroup"}, &Hardware::workgroup},
    {{"osname"}, &Hardware::osname},     {{"osversion"}, &Hardware::osversion},
    {{"ipaddr"}, &Hardware::ipaddr},
};
constexpr Field<Bios> kBiosFields[] = {
    {{"assettag"}, &Bios::assettag},
    {{"bdate"}, &Bios::bdate},
    {{"bmanufacturer"}, &Bios::bmanufacturer},
    {{"bversion"}, &Bios::bversion},
    {{"mmanufacturer"}, &Bios::mmanufacturer},
    {{"mmodel"}, &Bios::mmodel},
    {{"msn"}, &Bios::msn},
    {{"smanufacturer"}, &Bios::smanufacturer},
    {{"smodel"}, &Bios::smodel},
    {{"ssn"}, &Bios::ssn},
    {{"skunumber"}, &Bios::skunumber},
};
constexpr Field<OperatingSystem> kOperatingSystemFields[] = {
    {{"name"}, &OperatingSystem::name},
    {{"full_name"}, &OperatingSystem::full_name},
    {{"version"}, &OperatingSystem::version},
    {{"kernel_name"}, &OperatingSystem::kernel_name},
    {{"kernel_version"}, &OperatingSystem::kernel_version},
    {{"service_pack"}, &OperatingSystem::service_pack},
    {{"arch"}, &OperatingSystem::arch},
    {{"fqdn"}, &OperatingSystem::fqdn},
    {{"install_date"}, &OperatingSystem::install_date},
};
constexpr Field<NetworkInterface> kNetworkFields[] = {
    {{"description"}, &NetworkInterface::description},
    {{"mac", "macaddr"}, &NetworkInterface::mac},
    {{"ipaddress"}, &NetworkInterface::ipaddress},
    {{"ipaddress6"}, &NetworkInterface::ipaddress6},
    {{"type"}, &NetworkInterface::type},
    {{"virtualdev"}, &NetworkInterface::virtualdev},
    {{"status"}, &NetworkInterface::status},
};
constexpr Field<Software> kSoftwareFields[] = {
    {{"name"}, &Software::name},
    {{"version"}, &Software::version},
    {{"publisher"}, &Software::publisher},
    {{"install_date", "installdate"}, &Software::install_date},
    {{"arch"}, &Software::arch},
};
constexpr Field<VirtualMachine> kVirtualMachineFields[] = {
    {{"name"}, &VirtualMachine::name},     {{"uuid"}, &VirtualMachine::uuid},
    {{"vmtype"}, &VirtualMachine::vmtype}, {{"subsystem"}, &VirtualMachine::subsystem},
    {{"status"}, &VirtualMachine::status}, {{"memory"}, &VirtualMachine::memory},
    {{"vcpu"}, &VirtualMachine::vcpu},     {{"image"}, &VirtualMachine::image},
};
constexpr Field<Connection> kConnectionFields[] = {
    {{"sysname"}, &Connection::sysname},
    {{"ifdescr"}, &Connection::ifdescr},
    {{"ip"}, &Connection::ip},
    {{"sysmac"}, &Connection::sysmac},
    {{"sysdescr"}, &Connection::sysdescr},
    {{"model"}, &Connection::model},
};
constexpr Field<Port> kPortFields[] = {
    {{"ifname"}, &Port::ifname},
    {{"ifdescr"}, &Port::ifdescr},
    {{"ifnumber"}, &Port::ifnumber},
    {{"mac"}, &Port::mac},
};
constexpr Field<NetworkDevice> kNetworkDeviceFields[] = {
    {{"name"}, &NetworkDevice::name},
    {{"type"}, &NetworkDevice::type},
    {{"manufacturer"}, &NetworkDevice::manufacturer},
    {{"model"}, &NetworkDevice::model},
    {{"serial"}, &NetworkDevice::serial},
    {{"firmware"}, &NetworkDevice::firmware},
    {{"location"}, &NetworkDevice::location},
    {{"mac", "macaddr"}, &NetworkDevice::mac},
    {{"description", "comments"}, &NetworkDevice::description},
    {{"contact"}, &NetworkDevice::contact},
    {{"assettag"}, &NetworkDevice::assettag},
    {{"uptime"}, &NetworkDevice::uptime},
    {{"ip"}, &NetworkDevice::ip},
    {{"snmphostname"}, &NetworkDevice::snmphostname},
    {{"netbiosname"}, &NetworkDevice::netbiosname},
    {{"dnshostname"}, &NetworkDevice::dnshostname},
    {{"netportvendor"}, &NetworkDevice::netportvendor},
};

}  // namespace

std::span<const Field<Hardware>> HardwareFields() { return kHardwareFields; }
std::span<const Field<Bios>> BiosFields() { return kBiosFields; }
std::span<const Field<OperatingSystem>> OperatingSystemFields() { return kOperatingSystemFields; }
std::span<const Field<NetworkInterface>> NetworkFields() { return kNetworkFields; }
std::span<const Field<Software>> SoftwareFields() { return kSoftwareFields; }
std::span<const Field<VirtualMachine>> VirtualMachineFields() { return kVirtualMachineFields; }
std::span<const Field<Connection>> ConnectionFields() { return kConnectionFields; }
std::span<const Field<Port>> PortFields() { return kPortFields; }
std::span<const Field<NetworkDevice>> NetworkDeviceFields() { return kNetworkDeviceFields; }

void AddInventory(const Inventory& inventory, const Context& context, core::Batch& batch,
                  core::Diagnostics& diagnostics) {
  AssetWriter writer(context, batch, diagnostics);
  std::optional<ItemType> itemtype;
  if (!inventory.itemtype.empty()) {
    itemtype = ParseItemType(inventory.itemtype.text);
    if (!itemtype) {
      std::string known;
      for (std::string_view t : kItemTypes) known += (known.empty() ? "" : ", ") + std::string(t);
      diagnostics.Error(context.locator.Locate(inventory.itemtype.where), "GLPI005",
                        "itemtype '" + inventory.itemtype.text + "' is not one of " + known);
      return;
    }
  }
  if (!inventory.devices.empty()) {
    for (const NetworkDevice& device : inventory.devices) {
      // The document's itemtype speaks for its one device (netinventory); a discovery lists
      // many devices, each with its own type.
      std::optional<ItemType> type = inventory.devices.size() == 1 ? itemtype : std::nullopt;
      AddNetworkDevice(inventory, device, type, writer);
    }
    return;
  }
  if (itemtype && *itemtype != ItemType::kComputer && *itemtype != ItemType::kPhone) {
    diagnostics.Error(context.locator.Locate(inventory.where), "GLPI009",
                      "an inventory of itemtype '" + inventory.itemtype.text +
                          "' needs the device (network_device / <DEVICE>); there is none");
    return;
  }
  AddComputer(inventory, itemtype.value_or(ItemType::kComputer), writer);
}

}  // namespace samdrift::importers::glpi
