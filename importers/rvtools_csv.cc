#include "importers/rvtools_csv.h"

#include <algorithm>
#include <vector>

#include "core/text.h"
#include "importers/csv_reader.h"
#include "importers/rvtools_tab.h"

namespace samdrift::importers {
namespace {

using rvtools::Tab;

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

const Tab kTabs[] = {
    {"rvtools-vinfo",
     "vInfo",
     kInfoColumns,
     {"VM"},
     {"VM", "Powerstate"},
     "RVTools vInfo tab as CSV (RVTools_tabvInfo.csv): VM, Powerstate, Template, CPUs, "
     "Memory, Primary IP Address, Cluster, Host, OS according to the configuration "
     "file / VMware Tools, VM UUID, ... (other columns ignored)",
     "a vm per row (templates skipped) runs_on its host; attributes os (VMware Tools, "
     "else configuration file), power_state, cpus, memory_mib, provisioned_mib, ip, "
     "uuid; VMs of one name with different VM UUIDs are kept apart, named with their "
     "cluster, folder or UUID; fills what other files leave empty",
     rvtools::ReadVInfo},
    {"rvtools-vhost",
     "vHost",
     kHostColumns,
     {"Host"},
     {"Host", "ESX Version"},
     "RVTools vHost tab as CSV (RVTools_tabvHost.csv): Host, Cluster, CPU Model, # CPU, "
     "# Cores, # Memory, ESX Version, Vendor, Model, Serial number, Service tag, ... "
     "(other columns ignored)",
     "a device (role hypervisor) per host, member_of its cluster; vendor, product "
     "(Model), serial; attributes hypervisor, hypervisor_version, hypervisor_build (from "
     "ESX Version), cpu_model, cpu_count, cpu_cores, memory_mib; hosts of one short name "
     "that are different machines are kept apart (by full name, else cluster, serial "
     "or UUID); fills what other files leave empty",
     rvtools::ReadVHost},
    {"rvtools-vcluster",
     "vCluster",
     kClusterColumns,
     {"Name"},
     {"Name", "NumHosts"},
     "RVTools vCluster tab as CSV (RVTools_tabvCluster.csv): Name, NumHosts, TotalCpu, "
     "TotalMemory, HA enabled, DRS enabled, ... (other columns ignored)",
     "a cluster (VMware vSphere) per row; attributes num_hosts, total_cpu_mhz, "
     "cpu_cores, total_memory_bytes, ha, drs; fills what other files leave empty",
     rvtools::ReadVCluster},
    {"rvtools-vdatastore",
     "vDatastore",
     kDatastoreColumns,
     {"Name"},
     {"Name", "Capacity MiB"},
     "RVTools vDatastore tab as CSV (RVTools_tabvDatastore.csv): Name, Type, Capacity "
     "MiB, Free MiB, Hosts, Cluster name, ... (other columns ignored)",
     "no assets of their own: attribute datastores on each host using one, and "
     "datastores, datastore_types, datastore_capacity_mib, datastore_free_mib on clusters",
     rvtools::ReadVDatastore},
};

const Tab& TabOf(RvToolsTab tab) { return kTabs[static_cast<int>(tab)]; }

const ColumnSpec& Spec(const Tab& tab, std::string_view name) {
  for (const ColumnSpec& c : tab.columns) {
    if (c.name == name) return c;
  }
  return tab.columns.front();
}

}  // namespace

std::string_view RvToolsCsvImporter::Name() const { return TabOf(tab_).importer; }

std::string_view RvToolsCsvImporter::Reads() const { return TabOf(tab_).reads; }

std::string_view RvToolsCsvImporter::Produces() const { return TabOf(tab_).produces; }

int RvToolsCsvImporter::Sniff(std::string_view content) const {
  const std::string text =
      core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 16384)));
  if (!text.empty() && (text[0] == '<' || text[0] == '{' || text[0] == '[')) return 0;
  const std::vector<std::string> header = ReadHeader(text);
  const Tab& tab = TabOf(tab_);
  for (std::string_view column : tab.signature) {
    const ColumnSpec& spec = Spec(tab, column);
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
  const Tab& tab = TabOf(tab_);
  tab.read({tab, source, options, batch, diagnostics}, content);
}

}  // namespace samdrift::importers
