// NetBox clusters and virtual machines. A cluster's type names its hypervisor technology; a VM's
// platform names its operating system, which becomes the VM's vendor/product/version so that
// the catalog can match it like any other technology.
#include <cctype>

#include "core/text.h"
#include "importers/netbox_rows.h"

namespace samdrift::importers {
namespace {

struct Technology {
  std::string vendor;
  std::string product;
  std::string version;
};

struct KnownName {
  std::string_view word;  // lowercase, matched against the start of the name
  std::string_view vendor;
  std::string_view product;  // empty: the name itself minus a leading vendor word
};

// Cluster types as people name them in NetBox.
constexpr KnownName kClusterTypes[] = {
    {"vmware vsphere", "VMware", "vSphere"},
    {"vsphere", "VMware", "vSphere"},
    {"vmware esxi", "VMware", "vSphere"},
    {"esxi", "VMware", "vSphere"},
    {"vmware", "VMware", "vSphere"},
    {"microsoft hyper-v", "Microsoft", "Hyper-V"},
    {"hyper-v", "Microsoft", "Hyper-V"},
    {"hyperv", "Microsoft", "Hyper-V"},
    {"proxmox", "Proxmox", "Proxmox VE"},
    {"nutanix", "Nutanix", "AHV"},
    {"ahv", "Nutanix", "AHV"},
    {"xcp-ng", "Vates", "XCP-ng"},
    {"citrix", "Citrix", "Hypervisor"},
    {"xenserver", "Citrix", "Hypervisor"},
    {"red hat", "Red Hat", ""},
    {"openstack", "OpenInfra", "OpenStack"},
    {"ovirt", "oVirt", "oVirt"},
    {"kvm", "", "KVM"},
};

// Operating systems by their first word(s); the product keeps the name as written.
constexpr KnownName kOsVendors[] = {
    {"windows", "Microsoft", ""}, {"microsoft", "Microsoft", ""}, {"ubuntu", "Canonical", ""},
    {"red hat", "Red Hat", ""},   {"rhel", "Red Hat", ""},        {"centos", "Red Hat", ""},
    {"suse", "SUSE", ""},         {"sles", "SUSE", ""},           {"oracle", "Oracle", ""},
    {"debian", "Debian", ""},     {"rocky", "Rocky", ""},         {"almalinux", "AlmaLinux", ""},
    {"vmware", "VMware", ""},     {"freebsd", "FreeBSD", ""},
};

bool StartsWithWord(std::string_view lower, std::string_view word) {
  return lower.rfind(word, 0) == 0 &&
         (lower.size() == word.size() || lower[word.size()] == ' ' || lower[word.size()] == '-');
}

Technology ClusterTechnology(std::string_view type) {
  type = core::Trim(type);
  const std::string lower = core::ToLowerAscii(type);
  for (const KnownName& k : kClusterTypes) {
    if (!StartsWithWord(lower, k.word)) continue;
    if (!k.product.empty()) return {std::string(k.vendor), std::string(k.product), ""};
    std::string_view rest = core::Trim(type.substr(std::min(type.size(), k.word.size())));
    return {std::string(k.vendor), std::string(rest.empty() ? type : rest), ""};
  }
  return {"", std::string(type), ""};
}

// "Windows Server 2019 Datacenter" -> Microsoft, "Windows Server", "2019": the version is the
// first word after the first that starts with a digit, with a release word after it ("2012 R2",
// "2008 R2": another version than "2012"); the product is the words before it.
Technology OsTechnology(std::string_view platform) {
  platform = core::Trim(platform);
  Technology t;
  const std::string lower = core::ToLowerAscii(platform);
  for (const KnownName& k : kOsVendors) {
    if (StartsWithWord(lower, k.word)) {
      t.vendor = std::string(k.vendor);
      break;
    }
  }
  std::size_t pos = platform.find(' ');
  while (pos != std::string_view::npos) {
    std::size_t start = pos + 1;
    std::size_t end = platform.find(' ', start);
    std::string_view word = platform.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word[0]))) {
      t.product = std::string(core::Trim(platform.substr(0, pos)));
      t.version = std::string(word);
      if (end != std::string_view::npos) {
        std::string_view next = platform.substr(end + 1);
        next = next.substr(0, next.find(' '));
        if (next.size() == 2 && (next[0] == 'R' || next[0] == 'r') &&
            std::isdigit(static_cast<unsigned char>(next[1]))) {
          t.version += " " + std::string(next);
        }
      }
      return t;
    }
    pos = end;
  }
  t.product = std::string(platform);
  return t;
}

}  // namespace

void NetboxRows::Cluster(const NetboxRecord& r) {
  std::string_view name = Required(r, "name");
  std::string_view type = Required(r, "type");
  auto org = Org(r);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kCluster);
  a.name = std::string(name);
  Technology t = ClusterTechnology(type);
  a.vendor = t.vendor;
  a.product = t.product;
  // The site: NetBox 4.2+ scopes a cluster (scope_type dcim.site), earlier versions name it.
  a.site = std::string(r.Get("site"));
  if (a.site.empty() && core::EqualsIgnoreCase(r.Get("scope_type"), "dcim.site")) {
    a.site = std::string(r.Get("scope_name"));
  }
  KeepOthers(a, r, {"name", "site"});
  ReferLocation(r, a, r.Get("site").empty() ? "scope_name" : "site", "", "");
  Add(std::move(a), r, "name");
}

void NetboxRows::VirtualMachine(const NetboxRecord& r) {
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  auto vcpus = Number(r, "vcpus", Whole::kNo, 0.01, 100000);
  auto memory = Number(r, "memory", Whole::kYes, 0, 1e12);
  auto disk = Number(r, "disk", Whole::kYes, 0, 1e15);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kVm);
  a.name = std::string(name);
  a.role = RoleSlug(r.Get("role"));
  a.site = std::string(r.Get("site"));
  a.serial = std::string(r.Get("serial"));
  if (std::string_view platform = r.Get("platform"); !platform.empty()) {
    Technology os = OsTechnology(platform);
    a.vendor = os.vendor;
    a.product = os.product;
    a.version = os.version;
    a.SetAttr("os", std::string(platform));
    if (!os.version.empty()) a.SetAttr("os_version", os.version);
  }
  KeepOthers(a, r,
             {"name", "role", "site", "serial", "vcpus", "memory", "disk", "cluster", "device"});
  if (vcpus) a.SetAttr("vcpus", FormatFigure(*vcpus));
  if (memory) a.SetAttr("memory_mb", FormatFigure(*memory));
  // NetBox before 4.1 states disk in GB, since 4.1 in MB; kept as the file says.
  if (disk) a.SetAttr("disk", FormatFigure(*disk));
  ReferLocation(r, a, "site", "", "");
  for (auto [column, kind, noun] : {std::tuple{"cluster", core::AssetKind::kCluster, "cluster"},
                                    std::tuple{"device", core::AssetKind::kDevice, "device"}}) {
    std::string target(r.Get(column));
    if (target.empty()) continue;
    core::Relation rel = NewRelation(r, *org, core::RelationKind::kRunsOn);
    rel.source = a.name;
    rel.source_kind = core::AssetKind::kVm;
    rel.target = target;
    rel.target_kind = kind;
    batch_.relations.push_back(std::move(rel));
    Refer(r, column, *org, kind, target, std::string(noun) + " '" + target + "'");
  }
  Add(std::move(a), r, "name");
}

}  // namespace samdrift::importers
