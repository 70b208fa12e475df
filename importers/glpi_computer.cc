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

}  // namespace

void AddComputer(const Inventory& inv, ItemType itemtype, AssetWriter& w) {
  std::string name(core::Trim(inv.hardware.name.text));
  if (name.empty() && !inv.deviceid.empty()) name = HostFromDeviceId(core::Trim(inv.deviceid.text));
  if (name.empty()) {
    w.Error(inv.where, "GLPI007",
            "the inventory names no computer: no host name (HARDWARE/NAME, hardware.name) and no "
            "deviceid");
    return;
  }
  const Where where = inv.has_hardware ? inv.hardware.where : inv.where;
  const core::WriteMode mode = inv.partial ? core::WriteMode::kPatch : core::WriteMode::kReplace;

  // The OS as the newer OPERATINGSYSTEM section says it, else as HARDWARE/OSNAME (OCS, old agents).
  std::string os_name(core::Trim(inv.os.full_name.text));
  if (os_name.empty()) os_name = core::Trim(inv.os.name.text);
  if (os_name.empty()) os_name = core::Trim(inv.hardware.osname.text);
  std::string os_version(core::Trim(inv.os.version.text));
  if (os_version.empty() && inv.os.full_name.empty() && inv.os.name.empty()) {
    os_version = core::Trim(inv.hardware.osversion.text);
  }
  if (os_version.empty() && !inv.os.kernel_version.empty() &&
      core::EqualsIgnoreCase(inv.os.kernel_name.text, "mswin32")) {
    os_version = core::Trim(inv.os.kernel_version.text);
  }
  std::string os_build(core::Trim(inv.os.kernel_version.text));
  if (os_build.empty()) os_build = core::Trim(inv.hardware.osversion.text);
  const std::string os_vendor = OsVendor(os_name, inv.os.kernel_name.text);

  const Form form = Classify(inv, itemtype, os_name);
  core::Asset host;
  host.kind = form.kind;
  host.name = name;
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
  if (!os_vendor.empty()) host.SetAttr("os_vendor", os_vendor);
  if (!os_name.empty()) host.SetAttr("os", os_name);
  if (!os_version.empty()) host.SetAttr("os_version", os_version);
  if (!os_build.empty()) host.SetAttr("os_build", os_build);
  if (auto sp = Meaningful(inv.os.service_pack); !sp.empty()) host.SetAttr("os_service_pack", sp);
  if (!inv.os.arch.empty()) host.SetAttr("os_arch", std::string(core::Trim(inv.os.arch.text)));
  if (auto d = w.Date(inv.os.install_date, DateOrder::kDayFirst, "OS install date"); !d.empty()) {
    host.SetAttr("os_install_date", d);
  }
  if (auto v = Meaningful(inv.os.fqdn); !v.empty()) host.SetAttr("fqdn", v);
  if (auto v = Meaningful(inv.hardware.workgroup); !v.empty()) host.SetAttr("domain", v);

  // Addresses: every global address of every interface; MACs of the physical interfaces (of all
  // interfaces when none is marked physical, as macOS agents do).
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
    // HARDWARE/IPADDR: "192.168.1.103/192.168.124.1/192.168.11.96".
    std::string_view list = inv.hardware.ipaddr.text;
    std::size_t at = 0;
    while (at <= list.size()) {
      std::size_t end = list.find('/', at);
      Value one{std::string(core::Trim(list.substr(
                    at, end == std::string_view::npos ? std::string_view::npos : end - at))),
                inv.hardware.ipaddr.where};
      std::string ip = w.Ip(one);
      if (!ip.empty() && ScopeOf(ip) == IpScope::kGlobal) AppendUnique(ips, ip);
      if (end == std::string_view::npos) break;
      at = end + 1;
    }
  }
  if (macs.empty()) macs = virtual_macs;
  if (!ips.empty()) host.SetAttr("ip", JoinComma(ips));
  if (!macs.empty()) host.SetAttr("mac", JoinComma(macs));
  if (!inv.deviceid.empty()) host.SetAttr("deviceid", std::string(core::Trim(inv.deviceid.text)));
  // Another machine's name (another agent, same host name) is not taken over: this one is
  // named apart, and its software and VMs with it.
  name = w.NameMachine(host, where);

  // Software on a client is client estate; on a server or server VM it is platform.
  const core::Category software_category =
      host.kind == core::AssetKind::kClient ? core::Category::kClient : core::Category::kPlatform;
  const core::AssetKind host_kind = host.kind;
  // A partial inventory without any host facts patches nothing on the host itself.
  const bool write_host =
      !inv.partial || inv.has_hardware || inv.has_bios || inv.has_os || !inv.networks.empty();
  std::unordered_set<std::string> names;
  names.reserve(inv.softwares.size());

  // The OS is a facet of its host (attributes os_vendor, os, os_version: what the catalog
  // matches), not an asset of its own: one client counts once for its client-os technology.
  if (write_host) w.Add(std::move(host), where, mode);

  for (const Software& s : inv.softwares) {
    std::string sw_name(core::Trim(s.name.text));
    if (sw_name.empty()) {
      w.Warning(s.where, "GLPI014", "software without a name; skipped");
      continue;
    }
    core::Asset sw;
    sw.kind = core::AssetKind::kSoftware;
    sw.category = software_category;
    sw.role = "application";
    sw.name = name + "/" + sw_name;
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
    w.Relate(sw, core::RelationKind::kInstalledOn, name, host_kind, s.where);
    w.Add(std::move(sw), s.where, mode);
  }

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
    vm.category = software_category;
    vm.role = container ? "container" : "vm";
    // Containers are named only within their host; VMs keep their own (hypervisor-wide) name.
    vm.name = container ? name + "/" + vm_name : vm_name;
    if (!vm_names.insert(vm.name).second) {
      w.Warning(v.where, "GLPI015",
                "virtual machine '" + vm.name + "' is listed twice; the first is kept");
      continue;
    }
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
      if (!v.os.version.empty())
        vm.SetAttr("os_version", std::string(core::Trim(v.os.version.text)));
    }
    w.Relate(vm, core::RelationKind::kRunsOn, name, host_kind, v.where);
    w.Add(std::move(vm), v.where, mode);
  }
}

}  // namespace samdrift::importers::glpi
