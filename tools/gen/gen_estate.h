// samdrift-gen's picture of one municipality before it is written in any file format: sites,
// halls, racks, assets, relations and the address plan, with the statistical shape of the sample
// inventories (shared and unique technologies spelled several ways, redundancy groups, service
// dependencies with a few cycles, versions past end of support, overlapping address plans).
#ifndef SAMDRIFT_TOOLS_GEN_GEN_ESTATE_H_
#define SAMDRIFT_TOOLS_GEN_GEN_ESTATE_H_

#include <cstdint>
#include <string>
#include <vector>

namespace samdrift::tools::gen {

// What an asset is, in the generator's own words; writers map it to each format's vocabulary.
enum class Role : std::uint8_t {
  kCoreSwitch,
  kFirewall,
  kDcSwitch,
  kHypervisorHost,
  kStorage,
  kBackup,
  kUps,
  kPdu,
  kAccessSwitch,
  kAccessPoint,
  kVm,
  kClient,
  kPrinter,
  kService,
  kCluster,
  kHypervisorSoftware,  // the hypervisor installed on a host
  kClientOs,            // the OS of a client, as its own software row
};

struct GenAsset {
  Role role = Role::kVm;
  std::string name;
  std::string vendor;
  std::string product;
  std::string version;
  std::string serial;
  std::string site;
  std::string hall;
  std::string rack;
  int position = 0;  // 0: not in a rack
  int u_height = 0;
  double power_w = 0;  // 0: unknown
  std::string redundancy_group;
  std::string cluster;  // VMs and hosts: their cluster's name
  std::string host;     // VMs: the host they run on; software: the device it is installed on
  std::string eol;      // ISO date when the version is past or near end of support
  int criticality = 0;  // 1 low .. 4 critical
  std::string os;       // VMs and clients: operating system (product and version in one)
  std::string ip;
  std::string mac;
  int vcpus = 0;
  int memory_mb = 0;
  int disk_gb = 0;
  std::string sub_role;  // e.g. "sql", "web", "laptop", "desktop"
};

enum class RelKind : std::uint8_t { kRunsOn, kMemberOf, kDependsOn, kInstalledOn, kConnectedTo };

struct GenRelation {
  std::string source;
  RelKind kind = RelKind::kDependsOn;
  std::string target;
  // connected_to: the ports at both ends (for NetBox cables).
  std::string source_port;
  std::string target_port;
};

struct GenSite {
  std::string name;
  std::string slug;
  bool datacenter = false;
};

struct GenHall {
  std::string site;
  std::string name;
  int positions = 0;
  double power_kw = 0;
  double cooling_kw = 0;
};

struct GenRack {
  std::string site;
  std::string hall;
  std::string name;
  int u_height = 42;
};

struct GenNetwork {
  std::string prefix;  // empty: a VLAN only
  int vlan = 0;        // 0: none
  std::string name;
  std::string site;
  std::string vrf;
  std::string role;
};

struct OrgEstate {
  std::string id;            // "org001"
  std::string display_name;  // "Kommun 001"
  std::string prefix;        // name prefix, e.g. "k001"
  int index = 0;             // 0-based position among the generated orgs
  std::uint64_t seed = 0;    // the run's seed (writers draw their own streams from it)
  std::vector<GenSite> sites;
  std::vector<GenHall> halls;
  std::vector<GenRack> racks;
  std::vector<GenAsset> assets;
  std::vector<GenRelation> relations;
  std::vector<GenNetwork> networks;
};

struct OrgParams {
  int index = 0;  // 0-based
  int width = 3;  // digits of the org number
  std::uint64_t seed = 1;
  int assets = 2000;  // declared assets (site/hall/rack assets the store implies come on top)
};

// The whole estate of one org. Deterministic for (seed, index, assets).
OrgEstate GenerateOrg(const OrgParams& params);

}  // namespace samdrift::tools::gen

#endif  // SAMDRIFT_TOOLS_GEN_GEN_ESTATE_H_
