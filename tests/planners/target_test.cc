#include "planners/target.h"

#include <catch2/catch.hpp>
#include <type_traits>

#include "planners/lifecycle.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using core::AssetKind;
using core::RelationKind;
using planners::GapAction;
using testing::MakeAsset;
using testing::MakeRelation;

namespace {

// Org a: two hosts on Acme Hyper 2 (one of them with its hypervisor as an installed software
// row), three VMs; org b: three hosts on Acme Hyper 1 (past end of support); org c: one host
// on Beta Visor with two VMs on it and one VM on a cluster of that host.
core::Estate HypervisorEstate() {
  core::Estate e;
  auto host = [&](const std::string& org, const std::string& name, const std::string& vendor,
                  const std::string& product, const std::string& version) {
    core::Asset a = MakeAsset(org, AssetKind::kDevice, name, "Acme", "SW 100");  // hardware
    a.SetAttr("platform", vendor + " " + product + " " + version);
    e.assets.push_back(a);
  };
  host("a", "a-h1", "Acme", "Hyper", "2.1");
  e.assets.push_back(MakeAsset("a", AssetKind::kDevice, "a-h2"));
  e.assets.push_back(
      MakeAsset("a", AssetKind::kSoftware, "a-h2 hyper", "Acme Corp", "Acme Hyper", "2.0"));
  e.relations.push_back(MakeRelation("a", "a-h2 hyper", RelationKind::kInstalledOn, "a-h2"));
  for (int i = 1; i <= 3; ++i) {
    host("b", "b-h" + std::to_string(i), "Acme", "Hyper", "1.5");
  }
  host("c", "c-h1", "Beta", "Visor", "1.0");
  for (const char* vm : {"a-vm1", "a-vm2", "a-vm3"}) {
    e.assets.push_back(MakeAsset("a", AssetKind::kVm, vm, "Acme", "Server OS", "2019"));
    e.relations.push_back(MakeRelation("a", vm, RelationKind::kRunsOn, "a-h1"));
  }
  for (const char* vm : {"c-vm1", "c-vm2"}) {
    e.assets.push_back(MakeAsset("c", AssetKind::kVm, vm, "Beta", "Linux", "9.2"));
    e.relations.push_back(MakeRelation("c", vm, RelationKind::kRunsOn, "c-h1"));
  }
  e.assets.push_back(MakeAsset("c", AssetKind::kCluster, "c-cluster"));
  e.relations.push_back(MakeRelation("c", "c-h1", RelationKind::kMemberOf, "c-cluster"));
  e.assets.push_back(MakeAsset("c", AssetKind::kVm, "c-vm3", "Acme", "Server OS", "2016"));
  e.relations.push_back(MakeRelation("c", "c-vm3", RelationKind::kRunsOn, "c-cluster"));
  return e;
}

const planners::Standard* StandardOf(const planners::TargetPlan& plan, const std::string& cap) {
  for (const auto& s : plan.standards) {
    if (s.capability == cap) return &s;
  }
  return nullptr;
}

const planners::Gap* GapOf(const planners::TargetPlan& plan, const std::string& asset,
                           const std::string& capability) {
  for (const auto& g : plan.gaps) {
    if (g.asset() == asset && g.capability() == capability) return &g;
  }
  return nullptr;
}

std::string Formatted(const core::Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) out += core::FormatDiagnostic(item) + "\n";
  return out;
}

}  // namespace

TEST_CASE("proposed standards follow the documented rules", "[planners][target]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate estate = HypervisorEstate();
  auto scenario = testing::ParsedScenario("date: 2026-12-01\n");
  core::Diagnostics d;
  auto plan = planners::PlanTarget(estate, catalog, &scenario, d);
  REQUIRE(plan.ok());
  CHECK(d.total() == 0);
  CHECK(plan->date == "2026-12-01");
  CHECK(plan->orgs == std::vector<std::string>{"a", "b", "c"});

  // Acme Hyper: 2 of 3 orgs. Version 1 is past end of support; version 2 is in use and
  // supported; version 3 exists but nobody runs it.
  const planners::Standard* hv = StandardOf(*plan, "hypervisor");
  REQUIRE(hv != nullptr);
  CHECK(hv->technology == "acme-hv-2");
  CHECK(hv->source == planners::StandardSource::kProposed);
  CHECK(hv->orgs_using == 2);
  CHECK(hv->assets == 6);
  CHECK(hv->assets_on_standard == 2);
  CHECK(hv->reason ==
        "Acme Hyper used by 2 of 3 municipalities, 5 of 6 hosts; Acme Hyper 2 is the newest "
        "supported version in use (1 municipality, 2 hosts); supported until 2030-01-01; ahead "
        "of Beta Visor (1 municipality, 1 hosts)");

  // Server OS: Acme Server OS (a and c) over Beta Linux (c): 2016 and 2019 are in use; 2019 is
  // the newest; 2022 is newer but nobody runs it.
  const planners::Standard* os = StandardOf(*plan, "server-os");
  REQUIRE(os != nullptr);
  CHECK(os->technology == "acme-os-2019");

  // The hosts' hardware: one product (model pattern), two orgs... Acme SW 100 everywhere.
  const planners::Standard* sw = StandardOf(*plan, "access-switch");
  REQUIRE(sw != nullptr);
  CHECK(sw->technology == "acme-sw-sw-100");
}

TEST_CASE("gaps: upgrade, replace, migrate with effort and end of support", "[planners][target]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate estate = HypervisorEstate();
  auto scenario = testing::ParsedScenario("date: 2026-12-01\n");
  core::Diagnostics d;
  auto plan = planners::PlanTarget(estate, catalog, &scenario, d);
  REQUIRE(plan.ok());

  // b's hosts: same product, older version: upgrade, past end of support.
  const planners::Gap* b1 = GapOf(*plan, "b-h1", "hypervisor");
  REQUIRE(b1 != nullptr);
  CHECK(b1->action == GapAction::kUpgrade);
  CHECK(b1->from() == "acme-hv-1");
  CHECK(b1->to() == "acme-hv-2");
  CHECK(b1->past_end_of_support);
  CHECK(b1->end_of_support() == "2020-01-01");
  CHECK(b1->effort_hours == 6.0);  // hypervisor row, upgrade
  // a's hosts are on the standard, also the one whose hypervisor is a software row.
  CHECK(GapOf(*plan, "a-h1", "hypervisor") == nullptr);
  CHECK(GapOf(*plan, "a-h2", "hypervisor") == nullptr);
  CHECK(GapOf(*plan, "a-h2 hyper", "hypervisor") == nullptr);
  // c's host: another product in place; its VMs (direct and through the cluster) migrate.
  const planners::Gap* c1 = GapOf(*plan, "c-h1", "hypervisor");
  REQUIRE(c1 != nullptr);
  CHECK(c1->action == GapAction::kReplace);
  CHECK(c1->effort_hours == 16.0);
  CHECK(c1->past_end_of_support);  // Beta Visor 1 ended 2026-06-30
  for (const char* vm : {"c-vm1", "c-vm2", "c-vm3"}) {
    INFO(vm);
    const planners::Gap* g = GapOf(*plan, vm, "hypervisor");
    REQUIRE(g != nullptr);
    CHECK(g->action == GapAction::kMigrate);
    CHECK(g->from() == "beta-hv-1");
    CHECK(g->to() == "acme-hv-2");
    CHECK(g->effort_hours == 2.0);  // vm row, migrate
  }
  CHECK(GapOf(*plan, "c-vm3", "hypervisor")->via() == "c-cluster");
  CHECK(GapOf(*plan, "c-vm1", "hypervisor")->via() == "c-h1");
  // a's VMs stay: their host keeps its product.
  CHECK(GapOf(*plan, "a-vm1", "hypervisor") == nullptr);
  // Server OS: Beta Linux VMs are replaced, the 2016 VM upgraded.
  CHECK(GapOf(*plan, "c-vm1", "server-os")->action == GapAction::kReplace);
  CHECK(GapOf(*plan, "c-vm3", "server-os")->action == GapAction::kUpgrade);
  double total = 0;
  for (const auto& g : plan->gaps) total += g.effort_hours;
  CHECK(plan->total_effort_hours == Approx(total));
  // Gaps are sorted by org, capability, asset.
  CHECK(std::is_sorted(plan->gaps.begin(), plan->gaps.end(), [](const auto& x, const auto& y) {
    return std::tie(x.org(), x.capability(), x.asset()) <
           std::tie(y.org(), y.capability(), y.asset());
  }));
}

TEST_CASE("a scenario fixes standards, overrides effort and retires", "[planners][target]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate estate = HypervisorEstate();
  auto scenario = testing::ParsedScenario(R"(date: 2025-01-01
standards:
  hypervisor: beta-hv-1
  access-switch: none
effort:
  vm/migrate: 3
  hypervisor/replace: 20
  retire: 0.25
)");
  core::Diagnostics d;
  auto plan = planners::PlanTarget(estate, catalog, &scenario, d);
  REQUIRE(plan.ok());
  CHECK(d.total() == 0);
  const planners::Standard* hv = StandardOf(*plan, "hypervisor");
  CHECK(hv->technology == "beta-hv-1");
  CHECK(hv->source == planners::StandardSource::kScenario);
  const planners::Gap* a1 = GapOf(*plan, "a-h1", "hypervisor");
  REQUIRE(a1 != nullptr);
  CHECK(a1->action == GapAction::kReplace);
  CHECK(a1->effort_hours == 20.0);
  const planners::Gap* vm = GapOf(*plan, "a-vm1", "hypervisor");
  REQUIRE(vm != nullptr);
  CHECK(vm->action == GapAction::kMigrate);
  CHECK(vm->effort_hours == 3.0);
  CHECK(GapOf(*plan, "c-vm1", "hypervisor") == nullptr);
  // "none": every switch is retired.
  const planners::Gap* sw = GapOf(*plan, "b-h2", "access-switch");
  REQUIRE(sw != nullptr);
  CHECK(sw->action == GapAction::kRetire);
  CHECK(sw->effort_hours == 0.25);
  CHECK(sw->to().empty());
}

TEST_CASE("scenario standards the catalog cannot honour are located errors", "[planners][target]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate estate = HypervisorEstate();
  struct Case {
    const char* name;
    const char* yaml;
    bool ok;
    const char* expected;
  };
  const Case cases[] = {
      {"unknown technology", "standards:\n  hypervisor: acme-hv-5\n", false,
       "s.yaml:2:3: error[TGT001]: standards: hypervisor: unknown technology 'acme-hv-5'; did "
       "you mean 'acme-hv-1'?\n"},
      {"wrong capability", "standards:\n  hypervisor: acme-os-2019\n", false,
       "s.yaml:2:3: error[TGT004]: standards: hypervisor: 'acme-os-2019' is a server-os "
       "technology, not hypervisor\n"},
      {"past end of support", "date: 2026-12-01\nstandards:\n  hypervisor: acme-hv-1\n", true,
       "s.yaml:3:3: warning[TGT005]: standards: hypervisor: Acme Hyper 1 is past end of support "
       "(2020-01-01) at 2026-12-01\n"},
      {"effort subject", "effort:\n  vmm/migrate: 3\n", false,
       "s.yaml:2:3: error[TGT002]: effort: 'vmm' is neither an asset kind nor a capability; did "
       "you mean 'vm'?\n"},
      {"effort action", "effort:\n  vm/migrat: 3\n", false,
       "s.yaml:2:3: error[TGT003]: effort: unknown action 'migrat' in 'vm/migrat'; did you "
       "mean 'migrate'?\n"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto scenario = testing::ParsedScenario(c.yaml);
    core::Diagnostics d;
    auto plan = planners::PlanTarget(estate, catalog, &scenario, d);
    CHECK(plan.ok() == c.ok);
    CHECK(Formatted(d) == c.expected);
  }
}

TEST_CASE("never propose past end of support; deterministic ties", "[planners][target]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate e;
  // Everyone on Acme Hyper 1 (past): propose the newest supported version the catalog knows
  // with a date (2), not 3 (no dates).
  for (const char* org : {"x", "y"}) {
    core::Asset a = MakeAsset(org, AssetKind::kDevice, std::string(org) + "-h");
    a.SetAttr("hypervisor", "Acme Hyper");
    a.SetAttr("hypervisor_version", "1.0");
    e.assets.push_back(a);
  }
  // Two switch products, one org and one asset each: the id decides (acme-sw < beta-sw).
  e.assets.push_back(MakeAsset("x", AssetKind::kDevice, "x-sw", "Beta", "BSW"));
  e.assets.push_back(MakeAsset("y", AssetKind::kDevice, "y-sw", "Acme", "SW 200"));
  auto scenario = testing::ParsedScenario("date: 2026-12-01\n");
  for (int run = 0; run < 2; ++run) {
    core::Diagnostics d;
    auto plan = planners::PlanTarget(e, catalog, &scenario, d);
    REQUIRE(plan.ok());
    const planners::Standard* hv = StandardOf(*plan, "hypervisor");
    CHECK(hv->technology == "acme-hv-2");
    CHECK(hv->reason.find("nothing in use is supported; Acme Hyper 2 is the newest supported "
                          "version") != std::string::npos);
    CHECK(StandardOf(*plan, "access-switch")->technology == "acme-sw-sw-200");
    CHECK(GapOf(*plan, "x-sw", "access-switch")->action == GapAction::kReplace);
  }
}

TEST_CASE("lifecycle: past and within 12 months, per org, hosts named", "[planners][lifecycle]") {
  core::Catalog catalog = testing::TestCatalog();
  core::Estate estate = HypervisorEstate();
  planners::Lifecycle l = planners::ComputeLifecycle(estate, catalog, {}, "2026-02-01");
  CHECK(l.horizon == "2027-02-01");
  // b: three hosts past (Acme Hyper 1); c: the host reaches end of support 2026-06-30 (soon),
  // c-vm3 runs Server OS 2016 (2027-01-12, soon).
  REQUIRE(l.summary.size() == 3);
  CHECK(l.summary[0].org == "b");
  CHECK(l.summary[0].technology == "acme-hv-1");
  CHECK(l.summary[0].status == planners::LifecycleStatus::kPast);
  CHECK(l.summary[0].assets == 3);
  CHECK(l.summary[1].org == "c");
  CHECK(l.summary[1].technology == "beta-hv-1");
  CHECK(l.summary[1].status == planners::LifecycleStatus::kSoon);
  CHECK(l.summary[2].technology == "acme-os-2016");
  REQUIRE(l.items.size() == 5);
  CHECK(l.items[0].asset == "b-h1");
  // Only org b when asked for b.
  CHECK(planners::ComputeLifecycle(estate, catalog, {"b"}, "2026-02-01").items.size() == 3);
}

TEST_CASE("a cluster's hypervisor has gaps; the VMs on it, its members and their VMs migrate",
          "[planners][target][cluster]") {
  const core::Catalog& catalog = testing::BundledCatalog();
  core::Estate e;
  // h: a NetBox cluster of type "Microsoft Hyper-V" (no host records a hypervisor). One VM runs
  // on the cluster (NetBox), one is a member of it (ArchiMate, generic CSV), one runs on a
  // member host; one VM runs elsewhere.
  e.assets.push_back(MakeAsset("h", AssetKind::kCluster, "h-cl", "Microsoft", "Hyper-V"));
  e.assets.push_back(MakeAsset("h", AssetKind::kDevice, "h-host1"));
  e.relations.push_back(MakeRelation("h", "h-host1", RelationKind::kMemberOf, "h-cl"));
  for (const char* vm : {"h-vm1", "h-vm2", "h-vm3", "h-vm4"}) {
    e.assets.push_back(MakeAsset("h", AssetKind::kVm, vm));
  }
  e.relations.push_back(MakeRelation("h", "h-vm1", RelationKind::kRunsOn, "h-cl"));
  e.relations.push_back(MakeRelation("h", "h-vm2", RelationKind::kMemberOf, "h-cl"));
  e.relations.push_back(MakeRelation("h", "h-vm3", RelationKind::kRunsOn, "h-host1"));
  e.assets.push_back(MakeAsset("h", AssetKind::kDevice, "h-other"));
  e.relations.push_back(MakeRelation("h", "h-vm4", RelationKind::kRunsOn, "h-other"));
  // v: a generic cluster row VMware ESXi 7.0.3: same product, older version.
  e.assets.push_back(MakeAsset("v", AssetKind::kCluster, "v-cl", "VMware", "ESXi", "7.0.3"));
  e.assets.push_back(MakeAsset("v", AssetKind::kVm, "v-vm1"));
  e.relations.push_back(MakeRelation("v", "v-vm1", RelationKind::kRunsOn, "v-cl"));
  auto scenario = testing::ParsedScenario(R"(date: 2026-01-01
standards:
  hypervisor: vmware-esxi-8
)");
  core::Diagnostics d;
  auto plan = planners::PlanTarget(e, catalog, &scenario, d);
  REQUIRE(plan.ok());
  CHECK(Formatted(d).empty());

  const planners::Gap* cl = GapOf(*plan, "h-cl", "hypervisor");
  REQUIRE(cl != nullptr);
  CHECK(cl->kind == AssetKind::kCluster);
  CHECK(cl->action == GapAction::kReplace);
  CHECK(cl->from() == "ms-hyperv");
  CHECK(cl->to() == "vmware-esxi-8");
  CHECK(cl->reason() ==
        "Microsoft Hyper-V -> VMware ESXi 8.0: another product in place; its workloads migrate");
  CHECK(GapOf(*plan, "h-host1", "hypervisor") == nullptr);  // the cluster carries it
  struct Expected {
    const char* vm;
    const char* via;
    const char* reason;
  };
  const Expected migrating[] = {
      {"h-vm1", "h-cl",
       "runs on h-cl (Microsoft Hyper-V), which changes to VMware ESXi 8.0: move the workload to "
       "the standard platform"},
      {"h-vm2", "h-cl",
       "runs on h-cl (Microsoft Hyper-V), which changes to VMware ESXi 8.0: move the workload to "
       "the standard platform"},
      {"h-vm3", "h-host1",
       "runs on h-host1 in cluster h-cl (Microsoft Hyper-V), which changes to VMware ESXi 8.0: "
       "move the workload to the standard platform"},
  };
  for (const Expected& x : migrating) {
    INFO(x.vm);
    const planners::Gap* g = GapOf(*plan, x.vm, "hypervisor");
    REQUIRE(g != nullptr);
    CHECK(g->action == GapAction::kMigrate);
    CHECK(g->from() == "ms-hyperv");
    CHECK(g->to() == "vmware-esxi-8");
    CHECK(g->via() == x.via);
    CHECK(g->reason() == x.reason);
  }
  CHECK(GapOf(*plan, "h-vm4", "hypervisor") == nullptr);

  const planners::Gap* v = GapOf(*plan, "v-cl", "hypervisor");
  REQUIRE(v != nullptr);
  CHECK(v->action == GapAction::kUpgrade);
  CHECK(v->from() == "vmware-esxi-7");
  CHECK(v->past_end_of_support);                          // ESXi 7.0 ended 2025-10-02
  CHECK(GapOf(*plan, "v-vm1", "hypervisor") == nullptr);  // same product: upgraded in place
}

TEST_CASE("a gap refers to its asset and technologies instead of copying their texts",
          "[planners][target]") {
  // Twelve strings made a gap about 400 bytes before its texts' own allocations.
  STATIC_REQUIRE(sizeof(planners::Gap) <= 80);
  STATIC_REQUIRE(std::is_trivially_copyable_v<planners::Gap>);

  const core::Catalog catalog = testing::TestCatalog();
  const core::Estate estate = HypervisorEstate();
  auto scenario = testing::ParsedScenario("date: 2026-12-01\n");
  core::Diagnostics d;
  auto plan = planners::PlanTarget(estate, catalog, &scenario, d);
  REQUIRE(plan.ok());
  REQUIRE_FALSE(plan->gaps.empty());
  for (const planners::Gap& g : plan->gaps) {
    INFO(g.asset());
    // The asset is the estate's own, not a copy; the technologies are the catalog's.
    REQUIRE(g.subject >= estate.assets.data());
    REQUIRE(g.subject < estate.assets.data() + estate.assets.size());
    CHECK(&g.org() == &g.subject->org.str());
    CHECK(&g.asset() == &g.subject->name);
    REQUIRE(g.from_technology != nullptr);
    CHECK(g.from_technology == catalog.Find(g.from()));
    CHECK(&g.from_name() == &g.from_technology->name);
    // One copy of each capability's id for all gaps.
    CHECK(g.capability_id == planners::InternCapability(g.capability()));
  }
}
