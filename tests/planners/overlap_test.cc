#include "planners/overlap.h"

#include <catch2/catch.hpp>

#include "planners/usage.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using testing::MakeAsset;
using testing::MakeRelation;

namespace {

const planners::OverlapRow* Row(const std::vector<planners::OverlapRow>& rows,
                                const std::string& id) {
  for (const auto& r : rows) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("similarity: shares per capability, mean over shared capabilities",
          "[planners][overlap]") {
  using Counts = std::map<std::pair<std::string, std::string>, std::size_t>;
  struct Case {
    const char* name;
    Counts a;
    Counts b;
    double expected;
  };
  const Case cases[] = {
      {"same products, different sizes", {{{"hv", "x"}, 10}}, {{{"hv", "x"}, 2}}, 1.0},
      {"disjoint", {{{"hv", "x"}, 10}}, {{{"hv", "y"}, 10}}, 0.0},
      {"half", {{{"hv", "x"}, 5}, {{"hv", "y"}, 5}}, {{{"hv", "x"}, 4}}, 0.5},
      {"capability only one has is ignored",
       {{{"hv", "x"}, 5}, {{"fw", "f"}, 2}},
       {{{"hv", "x"}, 1}},
       1.0},
      {"mean over capabilities",
       {{{"hv", "x"}, 5}, {{"fw", "f"}, 2}},
       {{{"hv", "x"}, 1}, {{"fw", "g"}, 1}},
       0.5},
      {"nothing in common", {{{"hv", "x"}, 5}}, {{{"fw", "x"}, 5}}, 0.0},
      {"a quarter",
       {{{"os", "w"}, 3}, {{"os", "l"}, 1}},
       {{{"os", "l"}, 3}, {{"os", "w"}, 1}},
       0.5},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(planners::ComputeSimilarity(c.a, c.b) == Approx(c.expected));
    CHECK(planners::ComputeSimilarity(c.b, c.a) == Approx(c.expected));
  }
}

TEST_CASE("overlap counts at three levels, sharing, unmatched strings", "[planners][overlap]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate e;
  // a: 2 VMs on Server OS 2019, 1 on Beta Linux 9; b: 1 VM on Server OS 2016, one on 2019
  // spelled differently; c: 1 VM on Server OS 2019 and a device nobody knows.
  e.assets.push_back(MakeAsset("a", AssetKind::kVm, "a1", "Acme", "Server OS", "2019"));
  e.assets.push_back(MakeAsset("a", AssetKind::kVm, "a2", "Acme Corp.", "Acme Server OS 2019", ""));
  e.assets.push_back(MakeAsset("a", AssetKind::kVm, "a3", "Beta", "Linux", "9.3"));
  e.assets.push_back(MakeAsset("b", AssetKind::kVm, "b1", "", "Acme Server OS", "2016"));
  e.assets.push_back(MakeAsset("b", AssetKind::kVm, "b2", "ACME CORP", "server-os", "2019.4"));
  e.assets.push_back(MakeAsset("c", AssetKind::kVm, "c1", "Acme", "Server OS", "2019"));
  e.assets.push_back(MakeAsset("c", AssetKind::kDevice, "c2", "Frobozz", "Widget 3000"));
  e.assets.push_back(MakeAsset("c", AssetKind::kDevice, "c3", "Acme Corp", "Toaster"));
  // Software installed on a host counts once for the host.
  e.assets.push_back(MakeAsset("c", AssetKind::kDevice, "c-host"));
  e.assets.push_back(MakeAsset("c", AssetKind::kSoftware, "c-host hv", "Acme", "Acme Hyper", "2"));
  e.assets.push_back(
      MakeAsset("c", AssetKind::kSoftware, "c-host hv again", "", "Acme Hyper", "2.0"));
  e.relations.push_back(MakeRelation("c", "c-host hv", RelationKind::kInstalledOn, "c-host"));
  e.relations.push_back(MakeRelation("c", "c-host hv again", RelationKind::kInstalledOn, "c-host"));
  // Sites, racks and networks carry no technology.
  e.assets.push_back(MakeAsset("c", AssetKind::kSite, "Kommunhuset", "Acme", "Server OS"));

  planners::Overlap o = planners::ComputeOverlap(e, catalog);
  CHECK(o.orgs == std::vector<std::string>{"a", "b", "c"});
  const planners::OverlapRow* v2019 = Row(o.technologies, "acme-os-2019");
  REQUIRE(v2019 != nullptr);
  CHECK(v2019->counts == std::vector<std::size_t>{2, 1, 1});
  CHECK(v2019->sharing == planners::Sharing::kAll);
  CHECK(v2019->capability == "server-os");
  CHECK(v2019->category == core::Category::kPlatform);
  const planners::OverlapRow* v2016 = Row(o.technologies, "acme-os-2016");
  REQUIRE(v2016 != nullptr);
  CHECK(v2016->sharing == planners::Sharing::kOne);
  const planners::OverlapRow* product = Row(o.products, "acme-os");
  REQUIRE(product != nullptr);
  CHECK(product->counts == std::vector<std::size_t>{2, 2, 1});
  const planners::OverlapRow* vendor = Row(o.vendors, "acme");
  REQUIRE(vendor != nullptr);
  CHECK(vendor->level == planners::OverlapLevel::kVendor);
  const planners::OverlapRow* hv = Row(o.technologies, "acme-hv-2");
  REQUIRE(hv != nullptr);
  CHECK(hv->counts == std::vector<std::size_t>{0, 0, 1});
  CHECK(hv->total == 1);

  REQUIRE(o.unmatched.size() == 2);
  CHECK(o.unmatched[0].total == 1);
  bool toaster = false, widget = false;
  for (const auto& u : o.unmatched) {
    if (u.product == "Toaster") {
      toaster = true;
      CHECK(u.vendor_id == "acme");
    }
    if (u.product == "Widget 3000") {
      widget = true;
      CHECK(u.vendor_id.empty());
      CHECK(u.counts == std::vector<std::size_t>{0, 0, 1});
    }
  }
  CHECK(toaster);
  CHECK(widget);

  // Similarity at the product level: server-os is the only capability all three have.
  // a: Acme OS 2/3, Beta Linux 1/3; b: Acme OS 1; c: Acme OS 1.
  REQUIRE(o.similarity.size() == 3);
  CHECK(o.similarity[0][0] == 1.0);
  CHECK(o.similarity[0][1] == Approx(2.0 / 3.0));
  CHECK(o.similarity[1][2] == Approx(1.0));
  CHECK(o.similarity[1][0] == o.similarity[0][1]);
  // Version level: a has 2019 x2 + linux, b 2016 + 2019.
  CHECK(o.similarity_by_level[planners::OverlapLevel::kVersion][0][1] == Approx(0.5));
  CHECK(o.matched == std::vector<std::size_t>{3, 2, 2});
  CHECK(o.facets == std::vector<std::size_t>{3, 2, 4});

  // A subset of orgs.
  planners::Overlap sub = planners::ComputeOverlap(e, catalog, {"a", "c"});
  CHECK(sub.orgs == std::vector<std::string>{"a", "c"});
  CHECK(Row(sub.technologies, "acme-os-2019")->sharing == planners::Sharing::kAll);
}

TEST_CASE("a cluster's platform is a hypervisor, counted once with its hosts",
          "[planners][overlap][cluster]") {
  const core::Catalog& catalog = testing::BundledCatalog();
  core::Estate e;
  // a: a generic CSV cluster row (kind=cluster) VMware ESXi 7.0.3.
  e.assets.push_back(MakeAsset("a", AssetKind::kCluster, "a-cl", "VMware", "ESXi", "7.0.3"));
  // b: a NetBox cluster of type "VMware vSphere" (the importer writes VMware / vSphere), with a
  // member host whose hypervisor nobody recorded; and an ArchiMate cluster Node with the
  // hypervisor as SystemSoftware assigned to it (a software row installed_on the cluster).
  e.assets.push_back(MakeAsset("b", AssetKind::kCluster, "b-cl", "VMware", "vSphere"));
  e.assets.push_back(MakeAsset("b", AssetKind::kDevice, "b-h1"));
  e.relations.push_back(MakeRelation("b", "b-h1", RelationKind::kMemberOf, "b-cl"));
  e.assets.push_back(MakeAsset("b", AssetKind::kCluster, "b-node"));
  e.assets.push_back(MakeAsset("b", AssetKind::kSoftware, "b-node esxi", "VMware", "ESXi", "8.0"));
  e.relations.push_back(MakeRelation("b", "b-node esxi", RelationKind::kInstalledOn, "b-node"));
  // c: a vSphere cluster whose two hosts report ESXi themselves (GLPI, lshw): two hosts, not
  // three.
  e.assets.push_back(MakeAsset("c", AssetKind::kCluster, "c-cl", "VMware", "vSphere"));
  for (const char* h : {"c-h1", "c-h2"}) {
    core::Asset host = MakeAsset("c", AssetKind::kDevice, h);
    host.SetAttr("platform", "VMware ESXi 7.0 U3");
    e.assets.push_back(host);
    e.relations.push_back(MakeRelation("c", h, RelationKind::kMemberOf, "c-cl"));
  }
  // d: Hyper-V and Proxmox clusters as NetBox writes their types.
  e.assets.push_back(MakeAsset("d", AssetKind::kCluster, "d-cl1", "Microsoft", "Hyper-V"));
  e.assets.push_back(MakeAsset("d", AssetKind::kCluster, "d-cl2", "Proxmox", "Proxmox VE"));

  planners::Overlap o = planners::ComputeOverlap(e, catalog);
  REQUIRE(o.orgs == std::vector<std::string>{"a", "b", "c", "d"});
  const planners::OverlapRow* esxi = Row(o.products, "vmware-esxi");
  REQUIRE(esxi != nullptr);
  CHECK(esxi->capability == "hypervisor");
  CHECK(esxi->counts == std::vector<std::size_t>{1, 2, 2, 0});
  const planners::OverlapRow* esxi7 = Row(o.technologies, "vmware-esxi-7");
  REQUIRE(esxi7 != nullptr);
  CHECK(esxi7->counts == std::vector<std::size_t>{1, 0, 2, 0});
  const planners::OverlapRow* esxi8 = Row(o.technologies, "vmware-esxi-8");
  REQUIRE(esxi8 != nullptr);
  CHECK(esxi8->counts == std::vector<std::size_t>{0, 1, 0, 0});
  const planners::OverlapRow* hyperv = Row(o.products, "ms-hyperv");
  REQUIRE(hyperv != nullptr);
  CHECK(hyperv->capability == "hypervisor");
  CHECK(hyperv->counts == std::vector<std::size_t>{0, 0, 0, 1});
  const planners::OverlapRow* proxmox = Row(o.products, "proxmox-ve");
  REQUIRE(proxmox != nullptr);
  CHECK(proxmox->counts == std::vector<std::size_t>{0, 0, 0, 1});
  CHECK(o.unmatched.empty());
  // Every org has a hypervisor now: a and c run the same product, d another.
  CHECK(o.similarity[0][2] == Approx(1.0));
  CHECK(o.similarity[0][3] == Approx(0.0));
}

TEST_CASE("a cluster's OS feature and a cluster type the catalog does not know count for nothing",
          "[planners][overlap][cluster]") {
  const core::Catalog& catalog = testing::BundledCatalog();
  core::Estate e;
  e.assets.push_back(MakeAsset("a", AssetKind::kCluster, "a-wsfc", "Microsoft Corporation",
                               "Windows Server Failover Cluster", "2019"));
  e.assets.push_back(MakeAsset("a", AssetKind::kCluster, "a-repl", "", "Lagringsreplikering"));
  e.assets.push_back(MakeAsset("a", AssetKind::kCluster, "a-vcenter", "VMware, Inc.",
                               "vCenter Server", "7.0 Update 3"));
  planners::Overlap o = planners::ComputeOverlap(e, catalog);
  CHECK(Row(o.products, "ms-windows-server") == nullptr);
  CHECK(o.unmatched.empty());
  const planners::OverlapRow* vcenter = Row(o.technologies, "vmware-vcenter-7");
  REQUIRE(vcenter != nullptr);
  CHECK(vcenter->capability == "virtualization-management");
  CHECK(vcenter->counts == std::vector<std::size_t>{1});
}

TEST_CASE("software on a host and its cluster counts for the host",
          "[planners][overlap][cluster]") {
  const core::Catalog& catalog = testing::BundledCatalog();
  core::Estate e;
  // The same Hyper-V row from two sources: installed on the cluster (ArchiMate) and on a host.
  e.assets.push_back(MakeAsset("a", AssetKind::kCluster, "a-cl"));
  e.assets.push_back(MakeAsset("a", AssetKind::kDevice, "a-h1"));
  e.assets.push_back(MakeAsset("a", AssetKind::kDevice, "a-h2"));
  e.relations.push_back(MakeRelation("a", "a-h1", RelationKind::kMemberOf, "a-cl"));
  e.relations.push_back(MakeRelation("a", "a-h2", RelationKind::kMemberOf, "a-cl"));
  e.assets.push_back(MakeAsset("a", AssetKind::kSoftware, "hv", "Microsoft", "Hyper-V", "2019"));
  e.relations.push_back(MakeRelation("a", "hv", RelationKind::kInstalledOn, "a-cl"));
  e.relations.push_back(MakeRelation("a", "hv", RelationKind::kInstalledOn, "a-h1"));
  const core::GraphView graph(e);
  planners::UsageSet usage = planners::CollectUsage(e, graph, catalog, {});
  REQUIRE(usage.usages.size() == 1);  // a-h1; the cluster not again
  CHECK(graph.asset(usage.usages[0].carrier).name == "a-h1");
  CHECK(usage.usages[0].capability == "hypervisor");
}

// The usages come by carrier, then capability (usage.h), whatever order the assets name them in:
// software rows on later hosts first, a host's capabilities collected out of name order (the
// sort works on numbers since session 11).
TEST_CASE("usages are ordered by carrier, then capability", "[planners][overlap]") {
  const core::Catalog catalog = testing::TestCatalog();
  core::Estate e;
  e.assets.push_back(MakeAsset("a", AssetKind::kDevice, "h2"));
  e.assets.push_back(MakeAsset("a", AssetKind::kDevice, "h1"));
  e.assets.push_back(MakeAsset("a", AssetKind::kSoftware, "os", "Acme", "Server OS", "2019"));
  e.assets.push_back(MakeAsset("a", AssetKind::kSoftware, "hv", "Acme", "Hyper", "2"));
  e.assets.push_back(MakeAsset("a", AssetKind::kSoftware, "visor", "Beta", "Visor", "1"));
  e.relations.push_back(MakeRelation("a", "os", RelationKind::kInstalledOn, "h1"));
  e.relations.push_back(MakeRelation("a", "hv", RelationKind::kInstalledOn, "h1"));
  e.relations.push_back(MakeRelation("a", "visor", RelationKind::kInstalledOn, "h2"));
  const core::GraphView graph(e);
  planners::UsageSet usage = planners::CollectUsage(e, graph, catalog, {});
  std::vector<std::string> read;
  for (const planners::Usage& u : usage.usages) {
    read.push_back(graph.asset(u.carrier).name + " " + u.capability + " " +
                   graph.asset(u.source).name);
  }
  CHECK(read ==
        std::vector<std::string>{"h2 hypervisor visor", "h1 hypervisor hv", "h1 server-os os"});
}
