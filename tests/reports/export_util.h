// A small two-municipality estate with every asset kind, location levels, relation kinds, ports,
// a relation stated twice, one across orgs, one unresolved and names that need escaping; built
// through an in-memory store so that implied sites, halls and racks exist as they do in use.
#ifndef SAMDRIFT_TESTS_REPORTS_EXPORT_UTIL_H_
#define SAMDRIFT_TESTS_REPORTS_EXPORT_UTIL_H_

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "core/model.h"
#include "core/store.h"

namespace samdrift::testing {

inline core::Asset MakeAsset(const std::string& org, core::AssetKind kind, const std::string& name,
                             const std::string& source = "assets.csv") {
  core::Asset a;
  a.org = org;
  a.kind = kind;
  a.name = name;
  a.category = core::DefaultCategory(kind, "");
  a.provenance = {"test", source, 1};
  return a;
}

inline core::Relation MakeRelation(const std::string& org, const std::string& source,
                                   core::RelationKind kind, const std::string& target,
                                   const std::string& file = "relations.csv") {
  core::Relation r;
  r.org = org;
  r.source = source;
  r.kind = kind;
  r.target = target;
  r.provenance = {"test", file, 2};
  return r;
}

inline core::Batch ExportBatch() {
  using core::AssetKind;
  using core::RelationKind;
  core::Batch b;
  core::Asset hall = MakeAsset("gnosjo", AssetKind::kHall, "Serverrummet");
  hall.site = "Gnosjö kommunhus";
  hall.SetAttr("positions", "4");
  hall.SetAttr("power_kw", "12.5");
  b.assets.push_back(hall);
  core::Asset esx = MakeAsset("gnosjo", AssetKind::kDevice, "gno-esx01");
  esx.role = "hypervisor";
  esx.vendor = "Dell Inc.";
  esx.product = "PowerEdge R640";
  esx.version = "2.19.1";
  esx.serial = "GNO1234";
  esx.site = "Gnosjö kommunhus";
  esx.hall = "Serverrummet";
  esx.rack = "R1";
  esx.position = 10;
  esx.u_height = 1;
  esx.power_w = 712.5;
  esx.redundancy_group = "Gnosjö-kluster";
  esx.criticality = "critical";
  esx.eol = "2027-01-31";
  esx.estimated = true;
  esx.SetAttr("mac", "aa:bb:cc:dd:ee:ff");
  b.assets.push_back(esx);
  core::Asset node = MakeAsset("gnosjo", AssetKind::kDevice, "gno-san01");
  node.SetAttr("archimate_type", "Node");  // a Node may not sit in Equipment: placed by its hall
  node.site = "Gnosjö kommunhus";
  node.hall = "Serverrummet";
  node.rack = "R1";
  node.position = 20;
  b.assets.push_back(node);
  core::Asset sw = MakeAsset("gnosjo", AssetKind::kDevice, "gno-sw01");
  sw.role = "access-switch";
  sw.category = core::Category::kNetwork;
  sw.site = "Gnosjö kommunhus";
  b.assets.push_back(sw);
  b.assets.push_back(MakeAsset("gnosjo", AssetKind::kCluster, "Gnosjö-kluster"));
  core::Asset vm = MakeAsset("gnosjo", AssetKind::kVm, "gno-app01");
  vm.site = "Gnosjö kommunhus";
  b.assets.push_back(vm);
  b.assets.push_back(MakeAsset("gnosjo", AssetKind::kClient, "gno-pc01"));
  core::Asset esxi = MakeAsset("gnosjo", AssetKind::kSoftware, "gno-esx01 ESXi");
  esxi.vendor = "VMware";
  esxi.product = "ESXi";
  esxi.version = "6.7";
  b.assets.push_back(esxi);
  core::Asset net = MakeAsset("gnosjo", AssetKind::kNetwork, "10.10.0.0/16");
  net.category = core::Category::kNetwork;
  net.SetAttr("prefix", "10.10.0.0/16");
  net.site = "Gnosjö kommunhus";
  b.assets.push_back(net);
  core::Asset eko = MakeAsset("gnosjo", AssetKind::kService, "Ekonomisystem");
  eko.SetAttr("archimate_type", "ApplicationComponent");
  eko.SetAttr("documentation", "Ekonomi & lön");
  b.assets.push_back(eko);
  core::Asset evil = MakeAsset("gnosjo", AssetKind::kService, "<b>Evil</b> & Co \"AB\" \\N");
  evil.SetAttr("note", "line one\nline two\x01");
  b.assets.push_back(evil);
  b.assets.push_back(MakeAsset("varnamo", AssetKind::kService, "Lönesystem"));
  core::Asset ups = MakeAsset("varnamo", AssetKind::kDevice, "vmo-ups01");
  ups.role = "ups";
  b.assets.push_back(ups);
  b.assets.push_back(MakeAsset("varnamo", AssetKind::kDevice, "vmo-esx01"));

  b.relations.push_back(MakeRelation("gnosjo", "gno-app01", RelationKind::kRunsOn, "gno-esx01"));
  b.relations.push_back(
      MakeRelation("gnosjo", "gno-esx01", RelationKind::kMemberOf, "Gnosjö-kluster"));
  b.relations.push_back(
      MakeRelation("gnosjo", "gno-esx01 ESXi", RelationKind::kInstalledOn, "gno-esx01"));
  b.relations.push_back(
      MakeRelation("gnosjo", "Ekonomisystem", RelationKind::kDependsOn, "gno-app01"));
  b.relations.push_back(  // the same fact from a second file
      MakeRelation("gnosjo", "Ekonomisystem", RelationKind::kDependsOn, "gno-app01", "x.csv"));
  core::Relation cable =
      MakeRelation("gnosjo", "gno-esx01", RelationKind::kConnectedTo, "gno-sw01");
  cable.source_port = "vmnic0";
  cable.target_port = "Gi1/0/1";
  b.relations.push_back(cable);
  b.relations.push_back(
      MakeRelation("gnosjo", "gno-pc01", RelationKind::kLocatedIn, "Gnosjö kommunhus"));
  b.relations.push_back(
      MakeRelation("gnosjo", "gno-app01", RelationKind::kMemberOf, "10.10.0.0/16"));
  b.relations.push_back(MakeRelation("gnosjo", "<b>Evil</b> & Co \"AB\" \\N",
                                     RelationKind::kDependsOn, "Ekonomisystem"));
  core::Relation cross =
      MakeRelation("gnosjo", "Ekonomisystem", RelationKind::kDependsOn, "Lönesystem");
  cross.target_org = "varnamo";
  b.relations.push_back(cross);
  b.relations.push_back(
      MakeRelation("varnamo", "vmo-esx01", RelationKind::kPoweredBy, "vmo-ups01"));
  b.relations.push_back(MakeRelation("gnosjo", "gno-app01", RelationKind::kDependsOn, "gno-dc99"));
  return b;
}

// What survives an export and import: identities and fields of assets, distinct resolved
// relations.
struct AssetFacts {
  std::string org, kind, key, name, category, role, vendor, product, version, serial, site, hall,
      rack;
  int position, u_height;
  double power_w;
  std::string redundancy_group, criticality, eol;
  bool estimated;
  auto Tie() const {
    return std::tie(org, kind, key, name, category, role, vendor, product, version, serial, site,
                    hall, rack, position, u_height, power_w, redundancy_group, criticality, eol,
                    estimated);
  }
  bool operator<(const AssetFacts& o) const { return Tie() < o.Tie(); }
  bool operator==(const AssetFacts& o) const { return Tie() == o.Tie(); }
};

inline std::vector<AssetFacts> Facts(const core::Estate& estate) {
  std::vector<AssetFacts> out;
  for (const core::Asset& a : estate.assets) {
    out.push_back({a.org,
                   std::string(core::ToString(a.kind)),
                   a.Key(),
                   a.name,
                   std::string(core::ToString(a.category)),
                   a.role,
                   a.vendor,
                   a.product,
                   a.version,
                   a.serial,
                   a.site,
                   a.hall,
                   a.rack,
                   a.position.value_or(-1),
                   a.u_height.value_or(-1),
                   a.power_w.value_or(-1),
                   a.redundancy_group,
                   a.criticality,
                   a.eol,
                   a.estimated});
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_REPORTS_EXPORT_UTIL_H_
