#include "importers/rvtools_csv.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <span>
#include <vector>

#include "core/text.h"
#include "importers/csv_reader.h"
#include "importers/file_content.h"
#include "importers/scan_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kNames[] = {"rvtools-vinfo", "rvtools-vhost", "rvtools-vcluster",
                                       "rvtools-vdatastore"};

// RVTools 4.x names MiB columns "... MiB"; 3.x wrote "... MB".
const std::vector<ColumnSpec> kInfoColumns = {
    {"VM"},
    {"Powerstate"},
    {"Template"},
    {"DNS Name"},
    {"CPUs"},
    {"Memory"},
    {"NICs"},
    {"Disks"},
    {"Primary IP Address"},
    {"Provisioned MiB", {"Provisioned MB"}},
    {"In Use MiB", {"In Use MB"}},
    {"Datacenter"},
    {"Cluster"},
    {"Folder"},
    {"Host"},
    {"OS according to the configuration file"},
    {"OS according to the VMware Tools"},
    {"VM ID"},
    {"VM UUID"},
};
const std::vector<ColumnSpec> kHostColumns = {
    {"Host"},        {"Datacenter"},   {"Cluster"}, {"in Maintenance Mode"},
    {"CPU Model"},   {"Speed"},        {"# CPU"},   {"Cores per CPU"},
    {"# Cores"},     {"# Memory"},     {"# NICs"},  {"# VMs"},
    {"ESX Version"}, {"Vendor"},       {"Model"},   {"Serial number"},
    {"Service tag"}, {"BIOS Version"}, {"UUID"},
};
const std::vector<ColumnSpec> kClusterColumns = {
    {"Name"},        {"Datacenter"},  {"NumHosts"},   {"numEffectiveHosts"}, {"TotalCpu"},
    {"NumCpuCores"}, {"TotalMemory"}, {"HA enabled"}, {"DRS enabled"},
};
const std::vector<ColumnSpec> kDatastoreColumns = {
    {"Name"},
    {"Type"},
    {"Capacity MiB", {"Capacity MB"}},
    {"Provisioned MiB", {"Provisioned MB"}},
    {"In Use MiB", {"In Use MB"}},
    {"Free MiB", {"Free MB"}},
    {"# Hosts"},
    {"Hosts"},
    {"Cluster name"},
};

std::span<const ColumnSpec> ColumnsOf(RvToolsTab tab) {
  switch (tab) {
    case RvToolsTab::kVInfo:
      return kInfoColumns;
    case RvToolsTab::kVHost:
      return kHostColumns;
    case RvToolsTab::kVCluster:
      return kClusterColumns;
    case RvToolsTab::kVDatastore:
      return kDatastoreColumns;
  }
  return {};
}

// Columns without which the file cannot be read.
std::vector<std::string_view> RequiredOf(RvToolsTab tab) {
  switch (tab) {
    case RvToolsTab::kVInfo:
      return {"VM"};
    case RvToolsTab::kVHost:
      return {"Host"};
    case RvToolsTab::kVCluster:
    case RvToolsTab::kVDatastore:
      return {"Name"};
  }
  return {};
}

// Columns that tell this tab from the others (and from other CSV files) when sniffing.
std::vector<std::string_view> SignatureOf(RvToolsTab tab) {
  switch (tab) {
    case RvToolsTab::kVInfo:
      return {"VM", "Powerstate"};
    case RvToolsTab::kVHost:
      return {"Host", "ESX Version"};
    case RvToolsTab::kVCluster:
      return {"Name", "NumHosts"};
    case RvToolsTab::kVDatastore:
      return {"Name", "Capacity MiB"};
  }
  return {};
}

const ColumnSpec& Spec(RvToolsTab tab, std::string_view name) {
  for (const ColumnSpec& c : ColumnsOf(tab)) {
    if (c.name == name) return c;
  }
  return ColumnsOf(tab).front();
}

// A US-locale number with thousands separators ("16,384", "1,234,567", "1,234,567.0": groups of
// exactly three digits after each comma) without them; any other text as it is. Every numeric
// column RVTools writes that this importer reads is a whole number (counts, MHz, MiB, bytes), so
// such a comma is a thousands separator there; "10240,5" or "16,38" stay a Swedish decimal comma.
std::string WithoutThousands(std::string_view cell) {
  const std::string_view text = core::Trim(cell);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::size_t first = whole.find(',');
  if (first == std::string_view::npos || first == 0 || first > 3) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if ((whole.size() - i - 1) % 4 != 3 || (i > first && (i - first) % 4 != 0)) {
        return std::string(text);
      }
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::string(text);
    out += c;
  }
  if (point != std::string_view::npos) out += text.substr(point);
  return out;
}

bool IsTrue(std::string_view text) {
  const std::string lower = core::ToLowerAscii(core::Trim(text));
  return lower == "true" || lower == "yes" || lower == "1";
}

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

class TabReader {
 public:
  TabReader(RvToolsTab tab, const std::string& source, const ImportOptions& options,
            core::Batch& batch, core::Diagnostics& diagnostics)
      : tab_(tab), source_(source), options_(options), batch_(batch), diagnostics_(diagnostics) {}

  void Read(std::string_view content) {
    std::string storage;
    const std::string_view text = Utf8Text(content, storage);
    if (core::Trim(text).empty()) {
      diagnostics_.Error({source_, 1, 0}, "RVT001", "the file is empty");
      return;
    }
    std::optional<HeaderMap> header;
    bool usable = true;
    ReadCsv(text, DetectDelimiter(text), source_, diagnostics_, [&](CsvRecord& record) {
      if (!header) {
        header.emplace(record, ColumnsOf(tab_), source_, diagnostics_, UnknownColumns::kIgnore);
        for (std::string_view required : RequiredOf(tab_)) {
          if (!header->Has(required)) {
            diagnostics_.Error({source_, record.line, 0}, "RVT002",
                               "missing column '" + std::string(required) + "' (RVTools " +
                                   std::string(TabName()) + " export)");
            usable = false;
          }
        }
        return usable;
      }
      if (record.fields.size() != header->width()) {
        diagnostics_.Error({source_, record.line, 0}, "RVT006",
                           "record has " + std::to_string(record.fields.size()) +
                               " fields, the header has " + std::to_string(header->width()));
        return true;
      }
      Row(*header, record);
      return true;
    });
    if (tab_ == RvToolsTab::kVDatastore) FlushDatastores();
    if (tab_ == RvToolsTab::kVInfo || tab_ == RvToolsTab::kVHost) NameMachines();
  }

 private:
  std::string_view TabName() const {
    static constexpr std::string_view kTabs[] = {"vInfo", "vHost", "vCluster", "vDatastore"};
    return kTabs[static_cast<int>(tab_)];
  }

  core::SourceLocation At(const HeaderMap& h, const CsvRecord& r, std::string_view column) const {
    return {source_, r.line, h.Index(column) + 1};
  }

  // A non-negative number in `column`, or nullopt when empty or bad (bad ones are reported).
  // US-locale thousands separators are read as such (see WithoutThousands).
  std::optional<double> Number(const HeaderMap& h, const CsvRecord& r, std::string_view column) {
    std::string_view cell = h.Get(r, column);
    if (cell.empty()) return std::nullopt;
    auto value = core::ParseNumber(WithoutThousands(cell));
    if (!value || *value < 0) {
      diagnostics_.Error(At(h, r, column), "RVT004",
                         "column '" + std::string(column) +
                             "': expected a non-negative number, got '" + std::string(cell) + "'");
      return std::nullopt;
    }
    return value;
  }

  // Copies a numeric column into an attribute, as written when it is a valid number.
  void NumberAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r, std::string_view column,
                  std::string_view key) {
    if (auto v = Number(h, r, column)) {
      // Whole numbers are normalised ("1,0" -> "1") only while exact in a double (2^53): a larger
      // one would overflow the conversion (found by fuzz_rvtools), so it stays as written.
      const bool whole = *v < 9007199254740992.0 && std::floor(*v) == *v;
      a.SetAttr(key, whole ? std::to_string(static_cast<long long>(*v))
                           : WithoutThousands(h.Get(r, column)));
    }
  }

  void TextAttr(core::Asset& a, const HeaderMap& h, const CsvRecord& r, std::string_view column,
                std::string_view key) {
    std::string value = Clean(h.Get(r, column));
    if (!value.empty()) a.SetAttr(key, std::move(value));
  }

  core::Asset NewAsset(core::AssetKind kind, std::string name, std::string role, int line) {
    core::Asset a;
    a.org = options_.org;
    a.kind = kind;
    a.name = std::move(name);
    a.role = std::move(role);
    a.category = core::DefaultCategory(a.kind, a.role);
    a.mode = core::WriteMode::kFill;
    a.provenance = {std::string(kNames[static_cast<int>(tab_)]), source_, line};
    return a;
  }

  void Relate(const core::Asset& from, core::RelationKind kind, std::string target,
              core::AssetKind target_kind, int line) {
    core::Relation r;
    r.org = from.org;
    r.source = from.name;
    r.source_kind = from.kind;
    r.kind = kind;
    r.target = std::move(target);
    r.target_kind = target_kind;
    r.provenance = {std::string(kNames[static_cast<int>(tab_)]), source_, line};
    batch_.relations.push_back(std::move(r));
  }

  // The name column of this tab must not be empty.
  std::string NameOf(const HeaderMap& h, const CsvRecord& r, std::string_view column) {
    std::string name(h.Get(r, column));
    if (name.empty()) {
      diagnostics_.Error(At(h, r, column), "RVT003",
                         "column '" + std::string(column) + "': empty; every row needs one");
    }
    return name;
  }

  void Row(const HeaderMap& h, const CsvRecord& r) {
    switch (tab_) {
      case RvToolsTab::kVInfo:
        VmRow(h, r);
        break;
      case RvToolsTab::kVHost:
        HostRow(h, r);
        break;
      case RvToolsTab::kVCluster:
        ClusterRow(h, r);
        break;
      case RvToolsTab::kVDatastore:
        DatastoreRow(h, r);
        break;
    }
  }

  void VmRow(const HeaderMap& h, const CsvRecord& r) {
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
    std::string ip = Clean(h.Get(r, "Primary IP Address"));
    if (!ip.empty()) {
      if (IsIpAddress(ip)) {
        vm.SetAttr("ip", ip);
      } else {
        diagnostics_.Error(At(h, r, "Primary IP Address"), "RVT005",
                           "column 'Primary IP Address': '" + ip + "' is not an IP address");
      }
    }
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
    if (!host.empty()) {
      vm.SetAttr("host", host);
      machine.relations.push_back(batch_.relations.size());
      Relate(vm, core::RelationKind::kRunsOn, host, core::AssetKind::kDevice, r.line);
    }
    batch_.assets.push_back(std::move(vm));
    machines_.push_back(std::move(machine));
  }

  // Where a VM (with its folder) or host is: what tells two of one name apart.
  std::vector<std::pair<std::string, std::string>> Places(const HeaderMap& h, const CsvRecord& r,
                                                          bool folder) {
    std::vector<std::pair<std::string, std::string>> out = {
        {"datacenter", Clean(h.Get(r, "Datacenter"))}, {"cluster", Clean(h.Get(r, "Cluster"))}};
    if (folder) out.push_back({"folder", Clean(h.Get(r, "Folder"))});
    return out;
  }

  void HostRow(const HeaderMap& h, const CsvRecord& r) {
    const std::string full = NameOf(h, r, "Host");
    if (full.empty()) return;
    core::Asset host =
        NewAsset(core::AssetKind::kDevice, ShortHostName(full), "hypervisor", r.line);
    if (host.name != full) host.SetAttr("fqdn", full);
    host.vendor = Clean(h.Get(r, "Vendor"));
    host.product = Clean(h.Get(r, "Model"));
    host.serial = Clean(h.Get(r, "Serial number"));
    if (host.serial.empty()) host.serial = Clean(h.Get(r, "Service tag"));
    const std::string esx = Clean(h.Get(r, "ESX Version"));
    if (!esx.empty()) {
      const EsxVersion parsed = ParseEsxVersion(esx);
      host.SetAttr("hypervisor", parsed.product);
      host.SetAttr("hypervisor_vendor", "VMware");
      if (!parsed.version.empty()) host.SetAttr("hypervisor_version", parsed.version);
      if (!parsed.build.empty()) host.SetAttr("hypervisor_build", parsed.build);
      host.SetAttr("esx_version", esx);
    }
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
    if (!cluster.empty()) {
      host.SetAttr("cluster", cluster);
      machine.relations.push_back(batch_.relations.size());
      Relate(host, core::RelationKind::kMemberOf, cluster, core::AssetKind::kCluster, r.line);
    }
    batch_.assets.push_back(std::move(host));
    machines_.push_back(std::move(machine));
  }

  void ClusterRow(const HeaderMap& h, const CsvRecord& r) {
    std::string name = NameOf(h, r, "Name");
    if (name.empty()) return;
    core::Asset cluster =
        NewAsset(core::AssetKind::kCluster, std::move(name), "vsphere-cluster", r.line);
    cluster.vendor = "VMware";
    cluster.product = "vSphere";
    NumberAttr(cluster, h, r, "NumHosts", "num_hosts");
    NumberAttr(cluster, h, r, "numEffectiveHosts", "effective_hosts");
    NumberAttr(cluster, h, r, "TotalCpu", "total_cpu_mhz");
    NumberAttr(cluster, h, r, "NumCpuCores", "cpu_cores");
    NumberAttr(cluster, h, r, "TotalMemory", "total_memory_bytes");
    TextAttr(cluster, h, r, "Datacenter", "datacenter");
    if (h.Has("HA enabled"))
      cluster.SetAttr("ha", IsTrue(h.Get(r, "HA enabled")) ? "true" : "false");
    if (h.Has("DRS enabled")) {
      cluster.SetAttr("drs", IsTrue(h.Get(r, "DRS enabled")) ? "true" : "false");
    }
    batch_.assets.push_back(std::move(cluster));
  }

  // Datastores are not assets of their own: each host and cluster that uses one gets its name,
  // and clusters the summed capacity, written once per file after the last row.
  struct Usage {
    int line = 0;
    int column = 0;
    std::string full_name;  // hosts: the name as first written
    std::vector<std::string> datastores;
    std::vector<std::string> types;
    double capacity_mib = 0;
    double free_mib = 0;
  };

  void DatastoreRow(const HeaderMap& h, const CsvRecord& r) {
    std::string name = NameOf(h, r, "Name");
    if (name.empty()) return;
    const double capacity = Number(h, r, "Capacity MiB").value_or(0);
    const double free = Number(h, r, "Free MiB").value_or(0);
    const std::string type(h.Get(r, "Type"));
    Number(h, r, "Provisioned MiB");
    Number(h, r, "In Use MiB");
    Number(h, r, "# Hosts");
    std::string_view hosts = h.Get(r, "Hosts");
    while (!hosts.empty()) {
      std::size_t comma = hosts.find(',');
      const std::string host(core::Trim(hosts.substr(0, comma)));
      if (!host.empty()) {
        Usage& u = hosts_[core::ToLowerAscii(host)];
        if (u.line == 0) {
          u.line = r.line;
          u.column = h.Index("Hosts") + 1;
          u.full_name = host;
        }
        u.datastores.push_back(name);
      }
      if (comma == std::string_view::npos) break;
      hosts.remove_prefix(comma + 1);
    }
    const std::string cluster = Clean(h.Get(r, "Cluster name"));
    if (!cluster.empty()) {
      Usage& u = clusters_[cluster];
      if (u.line == 0) u.line = r.line;
      u.datastores.push_back(name);
      if (!type.empty()) u.types.push_back(type);
      u.capacity_mib += capacity;
      u.free_mib += free;
    }
  }

  void FlushDatastores() {
    // Rounded to whole MiB; "%.0f" of the floor, as a sum of capacities may not fit a long long.
    auto mib = [](double v) {
      char text[400];
      std::snprintf(text, sizeof text, "%.0f", std::floor(v + 0.5));
      return std::string(text);
    };
    // A host is named by its short name unless another host of the same short name has a
    // different full name: then both are named by their full names (as vHost names them).
    std::map<std::string, std::vector<std::string>> full_names;  // short name -> full names
    for (auto& [key, u] : hosts_) full_names[ShortHostName(key)].push_back(u.full_name);
    for (auto& [key, u] : hosts_) {
      const std::vector<std::string>& names = full_names[ShortHostName(key)];
      const std::string name = names.size() > 1 ? u.full_name : ShortHostName(u.full_name);
      if (names.size() > 1 && names.back() == u.full_name) {
        std::vector<std::string> quoted;
        for (const std::string& n : names) quoted.push_back("'" + n + "'");
        diagnostics_.Warning(
            {source_, u.line, u.column}, "RVT007",
            std::to_string(names.size()) + " hosts named '" + ShortHostName(u.full_name) +
                "' have different host names; they are kept apart as " + core::Join(quoted, ", "));
      }
      core::Asset host = NewAsset(core::AssetKind::kDevice, name, "hypervisor", u.line);
      host.SetAttr("datastores", JoinUnique(u.datastores, ","));
      batch_.assets.push_back(std::move(host));
    }
    for (auto& [name, u] : clusters_) {
      core::Asset cluster = NewAsset(core::AssetKind::kCluster, name, "vsphere-cluster", u.line);
      cluster.SetAttr("datastores", JoinUnique(u.datastores, ","));
      if (!u.types.empty()) cluster.SetAttr("datastore_types", JoinUnique(u.types, ","));
      cluster.SetAttr("datastore_capacity_mib", mib(u.capacity_mib));
      cluster.SetAttr("datastore_free_mib", mib(u.free_mib));
      batch_.assets.push_back(std::move(cluster));
    }
  }

  // What tells one VM or host from another of the same name. Rows are assets (and relations)
  // in the batch already; NameMachines() renames those of names that turn out ambiguous.
  struct Machine {
    std::string name;       // as named by default: the VM name, the host's short name
    std::string full_name;  // VM name, the host name as written (an FQDN)
    std::string uuid;       // VM UUID, the host's hardware UUID
    std::string serial;     // hosts only
    std::vector<std::pair<std::string, std::string>> places;  // ("cluster", "Prod"), ...
    core::SourceLocation at;
    std::size_t asset = 0;               // index in batch_.assets
    std::vector<std::size_t> relations;  // indices in batch_.relations it is the source of
  };

  static bool SameMachine(const Machine& a, const Machine& b) {
    auto differ = [](const std::string& x, const std::string& y) {
      return !x.empty() && !y.empty() && !core::EqualsIgnoreCase(x, y);
    };
    return core::EqualsIgnoreCase(a.full_name, b.full_name) && !differ(a.uuid, b.uuid) &&
           !differ(a.serial, b.serial);
  }

  // Rows of one name that are different machines (by full name, UUID or serial) stay apart:
  // named by their full names when those differ, else with the first place (datacenter,
  // cluster, folder) that tells them apart, else with the serial or UUID; one warning each.
  void NameMachines() {
    std::map<std::string, std::vector<std::size_t>> by_name;  // name -> indices in machines_
    std::vector<std::string> order;
    for (std::size_t i = 0; i < machines_.size(); ++i) {
      auto& list = by_name[machines_[i].name];
      if (list.empty()) order.push_back(machines_[i].name);
      list.push_back(i);
    }
    for (const std::string& name : order) {
      // The distinct machines of this name: the first row of each, and which each row is.
      std::vector<std::size_t> distinct;
      std::vector<std::size_t> which;
      for (std::size_t i : by_name[name]) {
        std::size_t k = 0;
        while (k < distinct.size() && !SameMachine(machines_[distinct[k]], machines_[i])) ++k;
        if (k == distinct.size()) distinct.push_back(i);
        which.push_back(k);
      }
      if (distinct.size() < 2) continue;
      const std::vector<std::string> names = DistinctNames(distinct);
      const std::vector<std::size_t>& rows = by_name[name];
      for (std::size_t j = 0; j < rows.size(); ++j) {
        Machine& m = machines_[rows[j]];
        batch_.assets[m.asset].name = names[which[j]];
        for (std::size_t rel : m.relations) batch_.relations[rel].source = names[which[j]];
      }
      std::vector<std::string> quoted;
      for (const std::string& n : names) quoted.push_back("'" + n + "'");
      const bool vms = tab_ == RvToolsTab::kVInfo;
      diagnostics_.Warning(machines_[distinct[1]].at, "RVT007",
                           std::to_string(distinct.size()) + (vms ? " VMs" : " hosts") +
                               " named '" + name + "' have different " +
                               (vms ? "VM UUIDs" : "host names, hardware UUIDs or serial numbers") +
                               "; they are kept apart as " + core::Join(quoted, ", "));
    }
  }

  std::vector<std::string> DistinctNames(const std::vector<std::size_t>& distinct) const {
    auto all_differ = [&](auto value_of) {
      std::vector<std::string> seen;
      for (std::size_t i : distinct) {
        std::string v = core::ToLowerAscii(value_of(machines_[i]));
        if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) return false;
        seen.push_back(std::move(v));
      }
      return true;
    };
    std::vector<std::string> out;
    if (all_differ([](const Machine& m) { return m.full_name; })) {
      for (std::size_t i : distinct) out.push_back(machines_[i].full_name);
      return out;
    }
    std::vector<std::pair<std::string, std::string>> labels = machines_[distinct[0]].places;
    labels.push_back({"serial", ""});
    labels.push_back({"uuid", ""});
    for (std::size_t p = 0; p < labels.size(); ++p) {
      auto value_of = [&](const Machine& m) -> std::string {
        if (p < m.places.size()) return m.places[p].second;
        return labels[p].first == "serial" ? m.serial : m.uuid;
      };
      if (!all_differ(value_of)) continue;
      for (std::size_t i : distinct) {
        out.push_back(machines_[i].name + " (" + labels[p].first + " " + value_of(machines_[i]) +
                      ")");
      }
      return out;
    }
    // Told apart by a UUID or serial one row lacks: numbered in file order.
    for (std::size_t k = 0; k < distinct.size(); ++k) {
      out.push_back(machines_[distinct[k]].name + " (" + std::to_string(k + 1) + ")");
    }
    return out;
  }

  RvToolsTab tab_;
  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  std::map<std::string, Usage> hosts_;
  std::map<std::string, Usage> clusters_;
  std::vector<Machine> machines_;
};

}  // namespace

std::string_view RvToolsCsvImporter::Name() const { return kNames[static_cast<int>(tab_)]; }

std::string_view RvToolsCsvImporter::Reads() const {
  switch (tab_) {
    case RvToolsTab::kVInfo:
      return "RVTools vInfo tab as CSV (RVTools_tabvInfo.csv): VM, Powerstate, Template, CPUs, "
             "Memory, Primary IP Address, Cluster, Host, OS according to the configuration "
             "file / VMware Tools, VM UUID, ... (other columns ignored)";
    case RvToolsTab::kVHost:
      return "RVTools vHost tab as CSV (RVTools_tabvHost.csv): Host, Cluster, CPU Model, # CPU, "
             "# Cores, # Memory, ESX Version, Vendor, Model, Serial number, Service tag, ... "
             "(other columns ignored)";
    case RvToolsTab::kVCluster:
      return "RVTools vCluster tab as CSV (RVTools_tabvCluster.csv): Name, NumHosts, TotalCpu, "
             "TotalMemory, HA enabled, DRS enabled, ... (other columns ignored)";
    case RvToolsTab::kVDatastore:
      return "RVTools vDatastore tab as CSV (RVTools_tabvDatastore.csv): Name, Type, Capacity "
             "MiB, Free MiB, Hosts, Cluster name, ... (other columns ignored)";
  }
  return "";
}

std::string_view RvToolsCsvImporter::Produces() const {
  switch (tab_) {
    case RvToolsTab::kVInfo:
      return "a vm per row (templates skipped) runs_on its host; attributes os (VMware Tools, "
             "else configuration file), power_state, cpus, memory_mib, provisioned_mib, ip, "
             "uuid; VMs of one name with different VM UUIDs are kept apart, named with their "
             "cluster, folder or UUID; fills what other files leave empty";
    case RvToolsTab::kVHost:
      return "a device (role hypervisor) per host, member_of its cluster; vendor, product "
             "(Model), serial; attributes hypervisor, hypervisor_version, hypervisor_build (from "
             "ESX Version), cpu_model, cpu_count, cpu_cores, memory_mib; hosts of one short name "
             "that are different machines are kept apart (by full name, else cluster, serial "
             "or UUID); fills what other files leave empty";
    case RvToolsTab::kVCluster:
      return "a cluster (VMware vSphere) per row; attributes num_hosts, total_cpu_mhz, "
             "cpu_cores, total_memory_bytes, ha, drs; fills what other files leave empty";
    case RvToolsTab::kVDatastore:
      return "no assets of their own: attribute datastores on each host using one, and "
             "datastores, datastore_types, datastore_capacity_mib, datastore_free_mib on clusters";
  }
  return "";
}

int RvToolsCsvImporter::Sniff(std::string_view content) const {
  const std::string text =
      core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 16384)));
  if (!text.empty() && (text[0] == '<' || text[0] == '{' || text[0] == '[')) return 0;
  const std::vector<std::string> header = ReadHeader(text);
  for (std::string_view column : SignatureOf(tab_)) {
    const ColumnSpec& spec = Spec(tab_, column);
    if (std::none_of(header.begin(), header.end(),
                     [&](const std::string& cell) { return HeaderMatches(cell, spec); })) {
      return 0;
    }
  }
  return 95;
}

void RvToolsCsvImporter::Import(std::string_view content, const std::string& source,
                                const ImportOptions& options, core::Batch& batch,
                                core::Diagnostics& diagnostics) const {
  TabReader reader(tab_, source, options, batch, diagnostics);
  reader.Read(content);
}

}  // namespace samdrift::importers
