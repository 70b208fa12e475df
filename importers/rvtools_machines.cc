// RVTools vInfo (a vm per row) and vHost (a hypervisor device per host): both are machines
// whose rows of one name may be different machines (rvtools_identity.h).
#include <cctype>

#include "core/text.h"
#include "importers/rvtools_identity.h"
#include "importers/rvtools_tab.h"
#include "importers/scan_support.h"

namespace samdrift::importers::rvtools {
namespace {

// "VMware ESXi 7.0.3 build-21930508" -> {"VMware ESXi", "7.0.3", "21930508"}.
struct EsxVersion {
  std::string product;
  std::string version;
  std::string build;
};
EsxVersion ParseEsxVersion(std::string_view text) {
  EsxVersion out;
  std::string_view rest = core::Trim(text);
  if (std::size_t b = rest.find(" build-"); b != std::string_view::npos) {
    out.build = std::string(core::Trim(rest.substr(b + 7)));
    rest = core::Trim(rest.substr(0, b));
  }
  std::size_t space = rest.rfind(' ');
  if (space != std::string_view::npos && space + 1 < rest.size() &&
      std::isdigit(static_cast<unsigned char>(rest[space + 1]))) {
    out.version = std::string(rest.substr(space + 1));
    rest = core::Trim(rest.substr(0, space));
  }
  out.product = std::string(rest);
  return out;
}

// Where a VM (with its folder) or host is: what tells two of one name apart.
std::vector<std::pair<std::string, std::string>> Places(const HeaderMap& h, const CsvRecord& r,
                                                        bool folder) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"datacenter", Clean(h.Get(r, "Datacenter"))}, {"cluster", Clean(h.Get(r, "Cluster"))}};
  if (folder) out.push_back({"folder", Clean(h.Get(r, "Folder"))});
  return out;
}

// A tab of machines: each row's asset is remembered as a Machine, named apart at the end.
class MachineReader : public TabReader {
 public:
  MachineReader(const TabInput& input, MachineKind kind) : TabReader(input), kind_(kind) {}

 protected:
  void Finish() override { NameMachines(machines_, kind_, batch_, diagnostics_); }

  // Keeps the asset, and the relation to what it runs on or belongs to when `target` is set.
  void Keep(core::Asset asset, Machine machine, core::RelationKind kind, const std::string& target,
            core::AssetKind target_kind, int line) {
    if (!target.empty()) {
      machine.relations.push_back(batch_.relations.size());
      Relate(asset, kind, target, target_kind, line);
    }
    batch_.assets.push_back(std::move(asset));
    machines_.push_back(std::move(machine));
  }

 private:
  MachineKind kind_;
  std::vector<Machine> machines_;
};

class VmReader final : public MachineReader {
 public:
  explicit VmReader(const TabInput& input) : MachineReader(input, MachineKind::kVm) {}

 private:
  void Row(const HeaderMap& h, const CsvRecord& r) override {
    std::string name = NameOf(h, r, "VM");
    if (name.empty()) return;
    if (IsTrue(h.Get(r, "Template"))) return;  // templates are not VMs
    core::Asset vm = NewAsset(core::AssetKind::kVm, std::move(name), "", r.line);
    const std::string os_config = Clean(h.Get(r, "OS according to the configuration file"));
    const std::string os_tools = Clean(h.Get(r, "OS according to the VMware Tools"));
    if (!os_tools.empty() || !os_config.empty()) {
      vm.SetAttr("os", os_tools.empty() ? os_config : os_tools);
    }
    if (!os_config.empty()) vm.SetAttr("os_config", os_config);
    if (!os_tools.empty()) vm.SetAttr("os_tools", os_tools);
    TextAttr(vm, h, r, "Powerstate", "power_state");
    NumberAttr(vm, h, r, "CPUs", "cpus");
    NumberAttr(vm, h, r, "Memory", "memory_mib");
    NumberAttr(vm, h, r, "NICs", "nics");
    NumberAttr(vm, h, r, "Disks", "disks");
    NumberAttr(vm, h, r, "Provisioned MiB", "provisioned_mib");
    NumberAttr(vm, h, r, "In Use MiB", "in_use_mib");
    IpAttr(vm, h, r);
    TextAttr(vm, h, r, "DNS Name", "fqdn");
    TextAttr(vm, h, r, "Datacenter", "datacenter");
    TextAttr(vm, h, r, "Cluster", "cluster");
    TextAttr(vm, h, r, "VM ID", "vm_id");
    TextAttr(vm, h, r, "VM UUID", "uuid");
    Machine machine{vm.name,
                    vm.name,
                    Clean(h.Get(r, "VM UUID")),
                    "",
                    Places(h, r, true),
                    At(h, r, "VM"),
                    batch_.assets.size(),
                    {}};
    const std::string host = ShortHostName(h.Get(r, "Host"));
    if (!host.empty()) vm.SetAttr("host", host);
    Keep(std::move(vm), std::move(machine), core::RelationKind::kRunsOn, host,
         core::AssetKind::kDevice, r.line);
  }

  void IpAttr(core::Asset& vm, const HeaderMap& h, const CsvRecord& r) {
    std::string ip = Clean(h.Get(r, "Primary IP Address"));
    if (ip.empty()) return;
    if (IsIpAddress(ip)) {
      vm.SetAttr("ip", ip);
    } else {
      diagnostics_.Error(At(h, r, "Primary IP Address"), "RVT005",
                         "column 'Primary IP Address': '" + ip + "' is not an IP address");
    }
  }
};

class HostReader final : public MachineReader {
 public:
  explicit HostReader(const TabInput& input) : MachineReader(input, MachineKind::kHost) {}

 private:
  void Row(const HeaderMap& h, const CsvRecord& r) override {
    const std::string full = NameOf(h, r, "Host");
    if (full.empty()) return;
    core::Asset host =
        NewAsset(core::AssetKind::kDevice, ShortHostName(full), "hypervisor", r.line);
    if (host.name != full) host.SetAttr("fqdn", full);
    host.vendor = Clean(h.Get(r, "Vendor"));
    host.product = Clean(h.Get(r, "Model"));
    host.serial = Clean(h.Get(r, "Serial number"));
    if (host.serial.empty()) host.serial = Clean(h.Get(r, "Service tag"));
    HypervisorAttrs(host, Clean(h.Get(r, "ESX Version")));
    TextAttr(host, h, r, "CPU Model", "cpu_model");
    NumberAttr(host, h, r, "# CPU", "cpu_count");
    NumberAttr(host, h, r, "# Cores", "cpu_cores");
    NumberAttr(host, h, r, "Speed", "cpu_mhz");
    NumberAttr(host, h, r, "# Memory", "memory_mib");
    NumberAttr(host, h, r, "# NICs", "nics");
    NumberAttr(host, h, r, "# VMs", "vms");
    TextAttr(host, h, r, "Datacenter", "datacenter");
    TextAttr(host, h, r, "BIOS Version", "firmware");
    TextAttr(host, h, r, "UUID", "uuid");
    if (IsTrue(h.Get(r, "in Maintenance Mode"))) host.SetAttr("maintenance", "true");
    Machine machine{host.name,
                    full,
                    Clean(h.Get(r, "UUID")),
                    host.serial,
                    Places(h, r, false),
                    At(h, r, "Host"),
                    batch_.assets.size(),
                    {}};
    const std::string cluster = Clean(h.Get(r, "Cluster"));
    if (!cluster.empty()) host.SetAttr("cluster", cluster);
    Keep(std::move(host), std::move(machine), core::RelationKind::kMemberOf, cluster,
         core::AssetKind::kCluster, r.line);
  }

  // ESX Version as hypervisor attributes (what the catalog matches).
  static void HypervisorAttrs(core::Asset& host, const std::string& esx) {
    if (esx.empty()) return;
    const EsxVersion parsed = ParseEsxVersion(esx);
    host.SetAttr("hypervisor", parsed.product);
    host.SetAttr("hypervisor_vendor", "VMware");
    if (!parsed.version.empty()) host.SetAttr("hypervisor_version", parsed.version);
    if (!parsed.build.empty()) host.SetAttr("hypervisor_build", parsed.build);
    host.SetAttr("esx_version", esx);
  }
};

}  // namespace

void ReadVInfo(const TabInput& input, std::string_view content) { VmReader(input).Read(content); }

void ReadVHost(const TabInput& input, std::string_view content) { HostReader(input).Read(content); }

}  // namespace samdrift::importers::rvtools
