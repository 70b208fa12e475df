// Computers, servers and phones from an agent inventory: the host asset with hardware, BIOS,
// OS and address attributes; its installed software as software assets installed_on it; the
// virtual machines and containers it hosts as vm assets runs_on it.
#include <unordered_set>

#include "core/text.h"
#include "importers/glpi_assets.h"

namespace samdrift::importers::glpi {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (text == w) return true;
  }
  return false;
}

bool IsTrue(const Value& v) {
  std::string t = core::ToLowerAscii(v.text);
  return t == "1" || t == "true" || t == "yes";
}

// "glpixps-2018-07-09-09-07-13" -> "glpixps": agents append the inventory time to the host name.
std::string HostFromDeviceId(std::string_view deviceid) {
  constexpr std::string_view kPattern = "-dddd-dd-dd-dd-dd-dd";
  if (deviceid.size() <= kPattern.size()) return std::string(deviceid);
  std::string_view tail = deviceid.substr(deviceid.size() - kPattern.size());
  for (std::size_t i = 0; i < kPattern.size(); ++i) {
    bool digit = tail[i] >= '0' && tail[i] <= '9';
    if ((kPattern[i] == 'd') != digit || (kPattern[i] == '-' && tail[i] != '-')) {
      return std::string(deviceid);
    }
  }
  return std::string(deviceid.substr(0, deviceid.size() - kPattern.size()));
}

struct Form {
  core::AssetKind kind = core::AssetKind::kClient;
  std::string role;
};

// Laptop, desktop, thin client, server, phone, or a VM, from the chassis type (SMBIOS names as
// agents write them), the virtualisation the agent saw, the OS and the model.
Form Classify(const Inventory& inv, ItemType itemtype, std::string_view os_text) {
  const std::string chassis = core::ToLowerAscii(core::Trim(inv.hardware.chassis_type.text));
  const std::string vmsystem = core::ToLowerAscii(core::Trim(inv.hardware.vmsystem.text));
  const std::string os = core::ToLowerAscii(os_text);
  const std::string model = core::ToLowerAscii(inv.bios.smodel.text);
  const bool is_virtual = !vmsystem.empty() && vmsystem != "physical";

  if (itemtype == ItemType::kPhone || Contains(os, "android") || os == "ios" ||
      Contains(os, "iphone")) {
    return {core::AssetKind::kClient, "phone"};
  }
  if (Contains(chassis, "thin") || Contains(model, "thin client") || Contains(os, "thinpro") ||
      Contains(os, "igel") || Contains(os, "thinos") || Contains(os, "elux")) {
    return {core::AssetKind::kClient, "thin-client"};
  }
  const bool laptop =
      IsOneOf(chassis, {"notebook", "laptop", "portable", "sub notebook", "subnotebook",
                        "convertible", "detachable", "tablet", "hand held", "handheld"});
  const bool server_chassis = Contains(chassis, "server") || Contains(chassis, "rack mount") ||
                              Contains(chassis, "blade") || Contains(chassis, "multi-system");
  if (server_chassis || (Contains(os, "server") && !laptop)) {
    return {is_virtual ? core::AssetKind::kVm : core::AssetKind::kDevice, "server"};
  }
  if (is_virtual) {
    // A virtual Windows client is a virtual desktop (VDI); anything else a server VM.
    if (Contains(os, "windows")) return {core::AssetKind::kClient, "virtual-desktop"};
    return {core::AssetKind::kVm, "server"};
  }
  if (laptop) return {core::AssetKind::kClient, "laptop"};
  if (Contains(chassis, "desktop") || Contains(chassis, "tower") ||
      Contains(chassis, "all in one") || Contains(chassis, "all-in-one") ||
      Contains(chassis, "pizza") || Contains(chassis, "space-saving") ||
      Contains(chassis, "lunch") || Contains(chassis, "mini pc") || Contains(chassis, "stick pc") ||
      Contains(chassis, "sealed")) {
    return {core::AssetKind::kClient, "desktop"};
  }
  return {core::AssetKind::kClient, "computer"};  // form factor not stated
}

std::string OsVendor(std::string_view os_name, std::string_view kernel) {
  const std::string os = core::ToLowerAscii(os_name);
  const std::string k = core::ToLowerAscii(kernel);
  struct Prefix {
    std::string_view word;
    std::string_view vendor;
  };
  static constexpr Prefix kVendors[] = {{"microsoft", "Microsoft"},
                                        {"windows", "Microsoft"},
                                        {"mac os", "Apple"},
                                        {"macos", "Apple"},
                                        {"os x", "Apple"},
                                        {"ubuntu", "Canonical"},
                                        {"red hat", "Red Hat"},
                                        {"rhel", "Red Hat"},
                                        {"centos", "CentOS Project"},
                                        {"fedora", "Fedora Project"},
                                        {"debian", "Debian"},
                                        {"suse", "SUSE"},
                                        {"opensuse", "SUSE"},
                                        {"android", "Google"},
                                        {"freebsd", "FreeBSD Project"},
                                        {"rocky", "Rocky Enterprise Software Foundation"},
                                        {"almalinux", "AlmaLinux OS Foundation"},
                                        {"oracle linux", "Oracle"},
                                        {"vmware", "VMware"}};
  for (const Prefix& p : kVendors) {
    if (os.rfind(p.word, 0) == 0) return std::string(p.vendor);
  }
  for (const Prefix& p : kVendors) {
    if (Contains(os, p.word)) return std::string(p.vendor);
  }
  if (k == "mswin32" || k == "win32") return "Microsoft";
  if (k == "darwin") return "Apple";
  return "";
}

bool IsContainer(std::string_view vmtype) {
  const std::string t = core::ToLowerAscii(vmtype);
  return IsOneOf(t, {"docker", "podman", "lxc", "lxd", "containerd", "cri-o", "openvz",
                     "virtuozzo container", "jail", "solariszone", "wsl"});
}

// The host's name: HARDWARE/NAME, else the agent's deviceid without its time stamp.
std::string HostName(const Inventory& inv) {
  std::string name(core::Trim(inv.hardware.name.text));
  if (name.empty() && !inv.deviceid.empty()) name = HostFromDeviceId(core::Trim(inv.deviceid.text));
  return name;
}

struct Os {
  std::string name, version, build, vendor;
};

// The OS as the newer OPERATINGSYSTEM section says it, else as HARDWARE/OSNAME (OCS, old agents).
Os ReadOs(const Inventory& inv) {
  Os os;
  os.name = core::Trim(inv.os.full_name.text);
  if (os.name.empty()) os.name = core::Trim(inv.os.name.text);
  if (os.name.empty()) os.name = core::Trim(inv.hardware.osname.text);
  os.version = core::Trim(inv.os.version.text);
  if (os.version.empty() && inv.os.full_name.empty() && inv.os.name.empty()) {
    os.version = core::Trim(inv.hardware.osversion.text);
  }
  if (os.version.empty() && !inv.os.kernel_version.empty() &&
      core::EqualsIgnoreCase(inv.os.kernel_name.text, "mswin32")) {
    os.version = core::Trim(inv.os.kernel_version.text);
  }
  os.build = core::Trim(inv.os.kernel_version.text);
  if (os.build.empty()) os.build = core::Trim(inv.hardware.osversion.text);
  os.vendor = OsVendor(os.name, inv.os.kernel_name.text);
  return os;
}

// The host asset's identity: kind and role from its form, maker, model and serial from the BIOS.
core::Asset NewHost(const Inventory& inv, ItemType itemtype, const Os& os, std::string name) {
  const Form form = Classify(inv, itemtype, os.name);
  core::Asset host;
  host.kind = form.kind;
  host.name = std::move(name);
  host.role = form.role;
  host.category = core::DefaultCategory(form.kind, form.role);
  if (form.kind == core::AssetKind::kVm && form.role == "server") {
    host.category = core::Category::kPlatform;
  }
  host.vendor = Meaningful(inv.bios.smanufacturer);
  if (host.vendor.empty()) host.vendor = Meaningful(inv.bios.mmanufacturer);
  host.product = Meaningful(inv.bios.smodel);
  if (host.product.empty()) host.product = Meaningful(inv.bios.mmodel);
  host.serial = Meaningful(inv.bios.ssn);
  if (host.serial.empty()) host.serial = Meaningful(inv.bios.msn);
  return host;
}

// BIOS, chassis, virtualisation and memory attributes.
void SetHardwareAttrs(const Inventory& inv, AssetWriter& w, core::Asset& host) {
  if (auto tag = Meaningful(inv.bios.assettag); !tag.empty()) host.SetAttr("asset_tag", tag);
  if (auto v = Meaningful(inv.bios.bmanufacturer); !v.empty()) host.SetAttr("bios_vendor", v);
  if (auto v = Meaningful(inv.bios.bversion); !v.empty()) host.SetAttr("bios_version", v);
  if (auto d = w.Date(inv.bios.bdate, DateOrder::kMonthFirst, "BIOS date"); !d.empty()) {
    host.SetAttr("bios_date", d);
  }
  if (!inv.hardware.chassis_type.empty()) {
    host.SetAttr("chassis", std::string(core::Trim(inv.hardware.chassis_type.text)));
  }
  if (!inv.hardware.vmsystem.empty() &&
      !core::EqualsIgnoreCase(core::Trim(inv.hardware.vmsystem.text), "physical")) {
    host.SetAttr("virtualization", std::string(core::Trim(inv.hardware.vmsystem.text)));
  }
  if (auto v = Meaningful(inv.hardware.uuid); !v.empty()) host.SetAttr("uuid", v);
  if (auto mb = w.Megabytes(inv.hardware.memory, "memory")) {
    host.SetAttr("memory_mb", std::to_string(*mb));
  }
}

// The OS attributes (what the catalog matches), then the names the host has in its network.
void SetOsAttrs(const Inventory& inv, const Os& os, AssetWriter& w, core::Asset& host) {
  if (!os.vendor.empty()) host.SetAttr("os_vendor", os.vendor);
  if (!os.name.empty()) host.SetAttr("os", os.name);
  if (!os.version.empty()) host.SetAttr("os_version", os.version);
  if (!os.build.empty()) host.SetAttr("os_build", os.build);
  if (auto sp = Meaningful(inv.os.service_pack); !sp.empty()) host.SetAttr("os_service_pack", sp);
  if (!inv.os.arch.empty()) host.SetAttr("os_arch", std::string(core::Trim(inv.os.arch.text)));
  if (auto d = w.Date(inv.os.install_date, DateOrder::kDayFirst, "OS install date"); !d.empty()) {
    host.SetAttr("os_install_date", d);
  }
  if (auto v = Meaningful(inv.os.fqdn); !v.empty()) host.SetAttr("fqdn", v);
  if (auto v = Meaningful(inv.hardware.workgroup); !v.empty()) host.SetAttr("domain", v);
}

// The global addresses of HARDWARE/IPADDR: "192.168.1.103/192.168.124.1/192.168.11.96".
void AddHardwareIps(const Value& ipaddr, AssetWriter& w, std::vector<std::string>& ips) {
  std::string_view list = ipaddr.text;
  std::size_t at = 0;
  while (at <= list.size()) {
    std::size_t end = list.find('/', at);
    Value one{std::string(core::Trim(list.substr(
                  at, end == std::string_view::npos ? std::string_view::npos : end - at))),
              ipaddr.where};
    std::string ip = w.Ip(one);
    if (!ip.empty() && ScopeOf(ip) == IpScope::kGlobal) AppendUnique(ips, ip);
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
}

// Addresses: every global address of every interface; MACs of the physical interfaces (of all
// interfaces when none is marked physical, as macOS agents do).
void SetAddresses(const Inventory& inv, AssetWriter& w, core::Asset& host) {
  std::vector<std::string> ips, macs, virtual_macs;
  for (const NetworkInterface& n : inv.networks) {
    const bool loopback = core::EqualsIgnoreCase(n.type.text, "loopback") ||
                          core::EqualsIgnoreCase(n.type.text, "local");
    for (const Value* address : {&n.ipaddress, &n.ipaddress6}) {
      std::string ip = w.Ip(*address);
      if (!ip.empty() && ScopeOf(ip) == IpScope::kGlobal) AppendUnique(ips, ip);
    }
    std::string mac = w.Mac(n.mac);
    if (mac.empty() || mac == "00:00:00:00:00:00" || loopback) continue;
    AppendUnique(IsTrue(n.virtualdev) ? virtual_macs : macs, mac);
  }
  if (inv.networks.empty() && !inv.hardware.ipaddr.empty()) {
    AddHardwareIps(inv.hardware.ipaddr, w, ips);
  }
  if (macs.empty()) macs = virtual_macs;
  if (!ips.empty()) host.SetAttr("ip", JoinComma(ips));
  if (!macs.empty()) host.SetAttr("mac", JoinComma(macs));
}

// What the software and the VMs of one inventory are written against.
struct Host {
  std::string name;  // as the writer named it
  core::AssetKind kind;
  core::Category software_category;
  core::WriteMode mode;
};

// The installed software as software assets installed_on the host.
void AddSoftware(const Inventory& inv, const Host& host, AssetWriter& w) {
  std::unordered_set<std::string> names;
  names.reserve(inv.softwares.size());
  for (const Software& s : inv.softwares) {
    std::string sw_name(core::Trim(s.name.text));
    if (sw_name.empty()) {
      w.Warning(s.where, "GLPI014", "software without a name; skipped");
      continue;
    }
    core::Asset sw;
    sw.kind = core::AssetKind::kSoftware;
    sw.category = host.software_category;
    sw.role = "application";
    sw.name = host.name + "/" + sw_name;
    sw.vendor = core::Trim(s.publisher.text);
    sw.product = sw_name;
    sw.version = core::Trim(s.version.text);
    if (!names.insert(sw.name).second) {
      // The same name twice (several versions installed side by side): name them by version.
      if (sw.version.empty()) continue;
      sw.name += " " + sw.version;
      if (!names.insert(sw.name).second) continue;  // the very same entry twice
    }
    if (auto d = w.Date(s.install_date, DateOrder::kDayFirst, "install date"); !d.empty()) {
      sw.SetAttr("install_date", d);
    }
    w.Relate(sw, core::RelationKind::kInstalledOn, host.name, host.kind, s.where);
    w.Add(std::move(sw), s.where, host.mode);
  }
}

// One hosted VM or container's attributes: its type, size, image and OS.
void SetVmAttrs(const VirtualMachine& v, AssetWriter& w, core::Asset& vm) {
  if (auto uuid = Meaningful(v.uuid); !uuid.empty()) vm.SetAttr("uuid", uuid);
  if (!v.vmtype.empty()) vm.SetAttr("vm_type", std::string(core::Trim(v.vmtype.text)));
  if (!v.subsystem.empty()) vm.SetAttr("subsystem", std::string(core::Trim(v.subsystem.text)));
  if (!v.status.empty()) vm.SetAttr("status", std::string(core::Trim(v.status.text)));
  if (auto mb = w.Megabytes(v.memory, "memory")) vm.SetAttr("memory_mb", std::to_string(*mb));
  if (auto n = w.Count(v.vcpu, "vcpu")) vm.SetAttr("vcpu", std::to_string(*n));
  if (!v.image.empty()) vm.SetAttr("image", std::string(core::Trim(v.image.text)));
  std::string vm_os(core::Trim(v.os.full_name.text));
  if (vm_os.empty()) vm_os = core::Trim(v.os.name.text);
  if (!vm_os.empty()) {
    if (auto vendor = OsVendor(vm_os, v.os.kernel_name.text); !vendor.empty()) {
      vm.SetAttr("os_vendor", vendor);
    }
    vm.SetAttr("os", vm_os);
    if (!v.os.version.empty()) vm.SetAttr("os_version", std::string(core::Trim(v.os.version.text)));
  }
}

// The virtual machines and containers the host runs, as vm assets runs_on it.
void AddVms(const Inventory& inv, const Host& host, AssetWriter& w) {
  std::unordered_set<std::string> vm_names;
  for (const VirtualMachine& v : inv.vms) {
    std::string vm_name(core::Trim(v.name.text));
    if (vm_name.empty()) {
      w.Warning(v.where, "GLPI014", "virtual machine without a name; skipped");
      continue;
    }
    const bool container = IsContainer(v.vmtype.text);
    core::Asset vm;
    vm.kind = core::AssetKind::kVm;
    vm.category = host.software_category;
    vm.role = container ? "container" : "vm";
    // Containers are named only within their host; VMs keep their own (hypervisor-wide) name.
    vm.name = container ? host.name + "/" + vm_name : vm_name;
    if (!vm_names.insert(vm.name).second) {
      w.Warning(v.where, "GLPI015",
                "virtual machine '" + vm.name + "' is listed twice; the first is kept");
      continue;
    }
    SetVmAttrs(v, w, vm);
    w.Relate(vm, core::RelationKind::kRunsOn, host.name, host.kind, v.where);
    w.Add(std::move(vm), v.where, host.mode);
  }
}

}  // namespace

void AddComputer(const Inventory& inv, ItemType itemtype, AssetWriter& w) {
  std::string name = HostName(inv);
  if (name.empty()) {
    w.Error(inv.where, "GLPI007",
            "the inventory names no computer: no host name (HARDWARE/NAME, hardware.name) and no "
            "deviceid");
    return;
  }
  const Where where = inv.has_hardware ? inv.hardware.where : inv.where;
  const Os os = ReadOs(inv);
  core::Asset host = NewHost(inv, itemtype, os, std::move(name));
  SetHardwareAttrs(inv, w, host);
  SetOsAttrs(inv, os, w, host);
  SetAddresses(inv, w, host);
  if (!inv.deviceid.empty()) host.SetAttr("deviceid", std::string(core::Trim(inv.deviceid.text)));

  // Another machine's name (another agent, same host name) is not taken over: this one is
  // named apart, and its software and VMs with it. Software on a client is client estate; on a
  // server or server VM it is platform.
  const Host hosted{
      w.NameMachine(host, where), host.kind,
      host.kind == core::AssetKind::kClient ? core::Category::kClient : core::Category::kPlatform,
      inv.partial ? core::WriteMode::kPatch : core::WriteMode::kReplace};
  // The OS is a facet of its host (attributes os_vendor, os, os_version: what the catalog
  // matches), not an asset of its own: one client counts once for its client-os technology.
  // A partial inventory without any host facts patches nothing on the host itself.
  if (!inv.partial || inv.has_hardware || inv.has_bios || inv.has_os || !inv.networks.empty()) {
    w.Add(std::move(host), where, hosted.mode);
  }
  AddSoftware(inv, hosted, w);
  AddVms(inv, hosted, w);
}

}  // namespace samdrift::importers::glpi
