#include "tools/gen/gen_writers.h"

#include <optional>
#include <unordered_set>

namespace samdrift::tools::gen {
namespace {

// The org's generic CSV style, as in the samples: most English, every fifth a Swedish Excel
// sheet, some with a BOM (a supplier's export).
GenericStyle StyleOf(const OrgEstate& org) {
  switch (org.index % 5) {
    case 1:
      return GenericStyle::kSwedishExcel;
    case 4:
      return GenericStyle::kEnglishBom;
    default:
      return GenericStyle::kEnglish;
  }
}

// Which GLPI format the org's agents send, if any is enabled: XML in even orgs, JSON in odd ones
// (as in the samples, where two orgs have each).
std::optional<GlpiFormat> GlpiOf(const OrgEstate& org, const WriteOptions& options) {
  const bool xml = options.formats.count("glpi-xml") > 0;
  const bool json = options.formats.count("glpi-json") > 0;
  if (xml && json) return org.index % 2 == 0 ? GlpiFormat::kXml : GlpiFormat::kJson;
  if (xml) return GlpiFormat::kXml;
  if (json) return GlpiFormat::kJson;
  return std::nullopt;
}

// Parts a NetBox org keeps in NetBox: its devices (not printers and clients, which agents and
// sheets report), clusters and VMs. Software rows and services stay in the sheet.
bool InNetbox(const GenAsset& a) {
  switch (a.role) {
    case Role::kCoreSwitch:
    case Role::kFirewall:
    case Role::kDcSwitch:
    case Role::kHypervisorHost:
    case Role::kStorage:
    case Role::kBackup:
    case Role::kUps:
    case Role::kPdu:
    case Role::kAccessSwitch:
    case Role::kAccessPoint:
    case Role::kCluster:
    case Role::kVm:
      return true;
    default:
      return false;
  }
}

// Sites, halls and racks as the store has them after the import: those declared (NetBox sites,
// locations and racks; the halls file) and those the other rows name.
void CountLocations(const OrgEstate& org, bool netbox, const std::vector<const GenAsset*>& assets,
                    WriteStats& stats) {
  std::unordered_set<std::string> sites, racks;
  for (const GenHall& h : org.halls) sites.insert(h.site);
  if (netbox) {
    for (const GenSite& s : org.sites) sites.insert(s.name);
    for (const GenRack& r : org.racks) racks.insert(r.site + '/' + r.hall + '/' + r.name);
  }
  for (const GenAsset* a : assets) {
    if (!a->site.empty()) sites.insert(a->site);
    if (!a->rack.empty()) racks.insert(a->site + '/' + a->hall + '/' + a->rack);
  }
  stats.kinds["site"] += sites.size();
  stats.kinds["hall"] += org.halls.size();
  stats.kinds["rack"] += racks.size();
}

}  // namespace

bool RunsNetbox(const OrgEstate& org) { return org.index % 5 == 2 || org.index % 5 == 3; }

WriteStats WriteOrg(const OrgEstate& org, const std::filesystem::path& dir,
                    const WriteOptions& options) {
  WriteStats stats;
  // Clients reported by agents: every k-th client (the fraction asked for), one file each; their
  // rows and OS rows leave the sheet.
  std::vector<const GenAsset*> agents;
  std::unordered_set<std::string> by_agent;
  const std::optional<GlpiFormat> glpi = GlpiOf(org, options);
  if (glpi && options.glpi_fraction > 0) {
    double owed = 0;
    for (const GenAsset& a : org.assets) {
      if (a.role != Role::kClient) continue;
      owed += options.glpi_fraction;
      if (owed >= 1) {
        owed -= 1;
        agents.push_back(&a);
        by_agent.insert(a.name);
      }
    }
  }
  // A NetBox org's devices, clusters and VMs go to NetBox, with the relations NetBox's rows make
  // (hosts in their cluster, VMs on cluster and host, cables); the rest stays in the sheet.
  const bool netbox = options.formats.count("netbox") > 0 && RunsNetbox(org);
  std::vector<const GenAsset*> assets, in_netbox;
  assets.reserve(org.assets.size());
  for (const GenAsset& a : org.assets) {
    if (a.role == Role::kClient && by_agent.count(a.name)) continue;
    if (a.role == Role::kClientOs && by_agent.count(a.host)) continue;
    (netbox && InNetbox(a) ? in_netbox : assets).push_back(&a);
  }
  std::vector<const GenRelation*> relations, cables;
  relations.reserve(org.relations.size());
  for (const GenRelation& r : org.relations) {
    if (r.kind == RelKind::kInstalledOn && by_agent.count(r.target)) continue;
    if (netbox && r.kind == RelKind::kConnectedTo) {
      cables.push_back(&r);
      continue;
    }
    if (netbox && (r.kind == RelKind::kMemberOf || r.kind == RelKind::kRunsOn)) continue;
    relations.push_back(&r);
  }
  stats.formats.insert("generic");
  WriteGeneric(org, assets, relations, true, true, dir, StyleOf(org), stats);
  if (netbox && stats.ok) {
    stats.formats.insert("netbox");
    WriteNetbox(org, in_netbox, cables, dir, stats);
  }
  if (!agents.empty() && stats.ok) {
    stats.formats.insert(*glpi == GlpiFormat::kXml ? "glpi-xml" : "glpi-json");
    WriteGlpi(org, agents, dir / "clients", *glpi, stats);
  }
  assets.insert(assets.end(), in_netbox.begin(), in_netbox.end());
  CountLocations(org, netbox, assets, stats);
  return stats;
}

}  // namespace samdrift::tools::gen
