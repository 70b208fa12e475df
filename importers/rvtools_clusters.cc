// RVTools vCluster (a cluster per row) and vDatastore (no assets of their own: the datastores'
// names and capacity on the hosts and clusters that use them).
#include <cmath>
#include <cstdio>
#include <map>

#include "core/text.h"
#include "importers/rvtools_tab.h"
#include "importers/scan_support.h"

namespace samdrift::importers::rvtools {
namespace {

class ClusterReader final : public TabReader {
 public:
  using TabReader::TabReader;

 private:
  void Row(const HeaderMap& h, const CsvRecord& r) override {
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
};

// Rounded to whole MiB; "%.0f" of the floor, as a sum of capacities may not fit a long long.
std::string Mib(double v) {
  char text[400];
  std::snprintf(text, sizeof text, "%.0f", std::floor(v + 0.5));
  return std::string(text);
}

// Datastores are not assets of their own: each host and cluster that uses one gets its name,
// and clusters the summed capacity, written once per file after the last row.
class DatastoreReader final : public TabReader {
 public:
  using TabReader::TabReader;

 private:
  struct Usage {
    int line = 0;
    int column = 0;
    std::string full_name;  // hosts: the name as first written
    std::vector<std::string> datastores;
    std::vector<std::string> types;
    double capacity_mib = 0;
    double free_mib = 0;
  };

  void Row(const HeaderMap& h, const CsvRecord& r) override {
    std::string name = NameOf(h, r, "Name");
    if (name.empty()) return;
    const double capacity = Number(h, r, "Capacity MiB").value_or(0);
    const double free = Number(h, r, "Free MiB").value_or(0);
    const std::string type(h.Get(r, "Type"));
    Number(h, r, "Provisioned MiB");
    Number(h, r, "In Use MiB");
    Number(h, r, "# Hosts");
    UsedByHosts(h, r, name);
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

  // The hosts of the "Hosts" column, comma-separated.
  void UsedByHosts(const HeaderMap& h, const CsvRecord& r, const std::string& datastore) {
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
        u.datastores.push_back(datastore);
      }
      if (comma == std::string_view::npos) break;
      hosts.remove_prefix(comma + 1);
    }
  }

  void Finish() override {
    FlushHosts();
    FlushClusters();
  }

  // A host is named by its short name unless another host of the same short name has a
  // different full name: then both are named by their full names (as vHost names them).
  void FlushHosts() {
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
  }

  void FlushClusters() {
    for (auto& [name, u] : clusters_) {
      core::Asset cluster = NewAsset(core::AssetKind::kCluster, name, "vsphere-cluster", u.line);
      cluster.SetAttr("datastores", JoinUnique(u.datastores, ","));
      if (!u.types.empty()) cluster.SetAttr("datastore_types", JoinUnique(u.types, ","));
      cluster.SetAttr("datastore_capacity_mib", Mib(u.capacity_mib));
      cluster.SetAttr("datastore_free_mib", Mib(u.free_mib));
      batch_.assets.push_back(std::move(cluster));
    }
  }

  std::map<std::string, Usage> hosts_;
  std::map<std::string, Usage> clusters_;
};

}  // namespace

void ReadVCluster(const TabInput& input, std::string_view content) {
  ClusterReader(input).Read(content);
}

void ReadVDatastore(const TabInput& input, std::string_view content) {
  DatastoreReader(input).Read(content);
}

}  // namespace samdrift::importers::rvtools
