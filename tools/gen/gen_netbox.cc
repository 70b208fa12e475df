// NetBox CSV as its bulk export writes it and as the samples (Gislaved, Värnamo) have it: one file
// per object type, the export's column names and order, UTF-8, commas, LF, Swedish role names.
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "tools/gen/gen_output.h"
#include "tools/gen/gen_writers.h"

namespace samdrift::tools::gen {
namespace {

// NetBox device roles as the samples name them; every one maps to samdrift's category by its
// words (switch, brandvägg, accesspunkt: network; the rest: datacenter).
std::string_view DeviceRole(Role role) {
  switch (role) {
    case Role::kCoreSwitch:
      return "Kärnswitch";
    case Role::kFirewall:
      return "Brandvägg";
    case Role::kDcSwitch:
      return "Datacenterswitch";
    case Role::kHypervisorHost:
      return "Virtualiseringsvärd";
    case Role::kStorage:
      return "Lagring";
    case Role::kBackup:
      return "Backup";
    case Role::kUps:
      return "UPS";
    case Role::kPdu:
      return "PDU";
    case Role::kAccessSwitch:
      return "Accesswitch";
    case Role::kAccessPoint:
      return "Accesspunkt";
    default:
      return "";
  }
}

// The cable type NetBox would have for the link from a device of this role.
std::string_view CableType(Role role) {
  switch (role) {
    case Role::kHypervisorHost:
      return "dac-passive";
    case Role::kAccessSwitch:
      return "smf";
    default:
      return "cat6";
  }
}

// A NetBox slug: lowercase ASCII letters, digits and dashes (å, ä, ö as a, a, o).
std::string Slug(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      const auto d = static_cast<unsigned char>(name[++i]);
      out += (d == 0xA5 || d == 0xA4 || d == 0x85 || d == 0x84) ? 'a' : (d == 0xA9 ? 'e' : 'o');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// A NetBox cluster type from the hypervisor's vendor and product cells: "VMware ESXi",
// "Microsoft Hyper-V", "Proxmox VE" (the vendor's first word unless the product starts with it).
std::string ClusterType(const GenAsset& cluster) {
  std::string_view vendor = cluster.vendor;
  const std::size_t cut = vendor.find_first_of(" ,");
  vendor = vendor.substr(0, cut);
  if (vendor.empty() || cluster.product.rfind(vendor, 0) == 0) return cluster.product;
  return std::string(vendor) + " " + cluster.product;
}

void Finish(const std::filesystem::path& path, const CsvOut& csv, WriteStats& stats) {
  if (!stats.ok) return;
  if (!WriteFile(path, csv.text(), Encoding::kUtf8)) {
    stats.ok = false;
    stats.error = "cannot write " + path.string();
    return;
  }
  ++stats.files;
  stats.bytes += csv.text().size();
}

CsvOut NewCsv(std::size_t rows, std::size_t row_bytes) {
  CsvOut csv(',', LineEnd::kLf, NumberStyle::kPlain);
  csv.Reserve(rows * row_bytes + 256);
  return csv;
}

}  // namespace

void WriteNetbox(const OrgEstate& org, const std::vector<const GenAsset*>& assets,
                 const std::vector<const GenRelation*>& cables, const std::filesystem::path& dir,
                 WriteStats& stats) {
  const std::string& tenant = org.display_name;
  std::vector<const GenAsset*> devices, clusters, vms;
  for (const GenAsset* a : assets) {
    if (a->role == Role::kCluster) {
      clusters.push_back(a);
    } else if (a->role == Role::kVm) {
      vms.push_back(a);
    } else if (!DeviceRole(a->role).empty()) {
      devices.push_back(a);
    }
  }

  {
    CsvOut csv = NewCsv(org.sites.size(), 120);
    // latitude/longitude as NetBox exports them; the generator has no geography: left empty.
    csv.Header(
        "name,slug,status,region,group,tenant,facility,time_zone,description,latitude,"
        "longitude");
    for (const GenSite& s : org.sites) {
      csv.Cell(s.name).Cell(s.slug).Cell("active").Cell("").Cell(
          s.datacenter ? "Serverhallar" : "Verksamhetslokaler");
      csv.Cell(tenant).Cell("").Cell("Europe/Stockholm").Cell(s.datacenter ? "Serverhall" : "");
      csv.Cell("").Cell("");
      csv.EndRow();
    }
    Finish(dir / "sites.csv", csv, stats);
  }
  {
    CsvOut csv = NewCsv(org.halls.size(), 100);
    csv.Header("site,parent,name,slug,status,tenant,facility,description");
    for (const GenHall& h : org.halls) {
      csv.Cell(h.site).Cell("").Cell(h.name).Cell(Slug(h.name)).Cell("active").Cell(tenant);
      csv.Cell("").Cell("Serverhall, " + std::to_string(h.positions) + " rackplatser");
      csv.EndRow();
    }
    Finish(dir / "locations.csv", csv, stats);
  }
  {
    CsvOut csv = NewCsv(org.racks.size(), 120);
    csv.Header(
        "site,location,name,facility_id,tenant,status,role,form_factor,width,u_height,desc_units,"
        "outer_depth,outer_unit,airflow,description");
    for (const GenRack& r : org.racks) {
      csv.Cell(r.site).Cell(r.hall).Cell(r.name).Cell("").Cell(tenant).Cell("active");
      csv.Cell("Server").Cell("4-post-cabinet").Integer(19).Integer(r.u_height).Cell("false");
      csv.Integer(1200).Cell("mm").Cell("front-to-rear").Cell("");
      csv.EndRow();
    }
    Finish(dir / "racks.csv", csv, stats);
  }
  // Hypervisor hosts name their hypervisor as platform, as the samples do.
  std::unordered_map<std::string_view, const GenAsset*> cluster_by_name;
  for (const GenAsset* c : clusters) cluster_by_name.emplace(c->name, c);
  std::unordered_map<std::string_view, const GenAsset*> device_by_name;
  device_by_name.reserve(devices.size());
  {
    CsvOut csv = NewCsv(devices.size(), 200);
    csv.Header(
        "name,role,tenant,manufacturer,device_type,platform,serial,asset_tag,status,site,"
        "location,rack,position,face,airflow,virtual_chassis,vc_position,vc_priority,cluster,"
        "description");
    std::unordered_map<std::string_view, int> chassis_members;
    for (const GenAsset* a : devices) {
      device_by_name.emplace(a->name, a);
      std::string platform;
      if (a->role == Role::kHypervisorHost) {
        auto it = cluster_by_name.find(a->cluster);
        if (it != cluster_by_name.end()) {
          // The hypervisor and its release, as in "VMware ESXi 7.0 U3".
          platform = ClusterType(*it->second);
          if (!it->second->version.empty()) platform += " " + it->second->version;
        }
      }
      csv.Cell(a->name).Cell(DeviceRole(a->role)).Cell(tenant).Cell(a->vendor).Cell(a->product);
      csv.Cell(platform).Cell(a->serial).Cell("").Cell("active").Cell(a->site).Cell(a->hall);
      csv.Cell(a->rack);
      const bool racked = !a->rack.empty() && a->position > 0;
      csv.Integer(racked ? a->position : 0);
      csv.Cell(racked ? "front" : "").Cell(racked ? "front-to-rear" : "");
      // Redundant pairs are virtual chassis (as the samples' core switches and firewalls); the
      // hosts' group is their cluster.
      const bool chassis = !a->redundancy_group.empty() && a->role != Role::kHypervisorHost;
      if (chassis) {
        const int member = ++chassis_members[a->redundancy_group];
        csv.Cell(a->redundancy_group).Integer(member).Integer(member == 1 ? 255 : 128);
      } else {
        csv.Cell("").Cell("").Cell("");
      }
      csv.Cell(a->role == Role::kHypervisorHost ? std::string_view(a->cluster) : "").Cell("");
      csv.EndRow();
    }
    Finish(dir / "devices.csv", csv, stats);
  }
  {
    // The draw of each racked device over its two supplies (NetBox states whole watts).
    CsvOut csv = NewCsv(devices.size() * 2, 48);
    csv.Header("device,name,label,type,mark_connected,maximum_draw,allocated_draw,description");
    std::size_t rows = 0;
    for (const GenAsset* a : devices) {
      const long long watts = std::llround(a->power_w);
      if (watts <= 0) continue;
      const long long first = (watts + 1) / 2;
      for (int psu = 1; psu <= 2; ++psu) {
        csv.Cell(a->name).Cell(psu == 1 ? "PSU1" : "PSU2").Cell("").Cell("iec-60320-c14");
        csv.Cell("false").Cell("").Integer(psu == 1 ? first : watts - first, false).Cell("");
        csv.EndRow();
        ++rows;
      }
    }
    if (rows > 0) Finish(dir / "power-ports.csv", csv, stats);
  }
  if (!cables.empty()) {
    CsvOut csv = NewCsv(cables.size(), 160);
    csv.Header(
        "side_a_site,side_a_device,side_a_type,side_a_name,side_b_site,side_b_device,"
        "side_b_power_panel,side_b_type,side_b_name,type,status,length,length_unit");
    for (const GenRelation* r : cables) {
      auto a = device_by_name.find(r->source);
      auto b = device_by_name.find(r->target);
      const GenAsset* from = a == device_by_name.end() ? nullptr : a->second;
      const GenAsset* to = b == device_by_name.end() ? nullptr : b->second;
      csv.Cell(from ? std::string_view(from->site) : "").Cell(r->source).Cell("dcim.interface");
      csv.Cell(r->source_port).Cell(to ? std::string_view(to->site) : "").Cell(r->target).Cell("");
      csv.Cell("dcim.interface").Cell(r->target_port);
      csv.Cell(CableType(from ? from->role : Role::kAccessPoint)).Cell("connected");
      const bool same_room = from && to && !from->hall.empty() && from->hall == to->hall;
      csv.Integer(same_room ? 3 : 0).Cell(same_room ? "m" : "");
      csv.EndRow();
    }
    Finish(dir / "cables.csv", csv, stats);
  }
  if (!clusters.empty()) {
    CsvOut csv = NewCsv(clusters.size(), 100);
    csv.Header("name,type,group,status,scope_type,scope_name,description");
    for (const GenAsset* c : clusters) {
      csv.Cell(c->name).Cell(ClusterType(*c)).Cell(tenant).Cell("active");
      csv.Cell(c->site.empty() ? "" : "dcim.site").Cell(c->site).Cell("");
      csv.EndRow();
    }
    Finish(dir / "clusters.csv", csv, stats);
  }
  if (!vms.empty()) {
    // NetBox 4.1 and later state memory and disk in MB.
    CsvOut csv = NewCsv(vms.size(), 110);
    csv.Header("name,status,role,site,cluster,device,platform,vcpus,memory,disk,description");
    for (const GenAsset* v : vms) {
      csv.Cell(v->name).Cell("active").Cell(v->sub_role).Cell("").Cell(v->cluster).Cell(v->host);
      csv.Cell(v->os)
          .Integer(v->vcpus)
          .Integer(v->memory_mb)
          .Integer(static_cast<long long>(v->disk_gb) * 1024);
      csv.Cell("");
      csv.EndRow();
    }
    Finish(dir / "virtual-machines.csv", csv, stats);
  }
  stats.assets += devices.size() + clusters.size() + vms.size();
  // Relations the rows make: cables, hosts member_of their cluster, VMs runs_on cluster and host.
  stats.relations += cables.size();
  for (const GenAsset* d : devices) stats.relations += d->role == Role::kHypervisorHost ? 1 : 0;
  for (const GenAsset* v : vms)
    stats.relations += (v->cluster.empty() ? 0 : 1) + (v->host.empty() ? 0 : 1);
  stats.kinds["device"] += devices.size();
  stats.kinds["cluster"] += clusters.size();
  stats.kinds["vm"] += vms.size();
}

}  // namespace samdrift::tools::gen
