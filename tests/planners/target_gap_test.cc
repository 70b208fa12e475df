// A gap holds facts, not texts: its asset is the estate's, its technologies the catalog's, and
// its texts (names, end of support, the reason) are made when read, the same as before.
#include <catch2/catch.hpp>

#include "planners/target.h"
#include "tests/planners/estate_util.h"

using namespace samdrift;
using planners::Gap;
using planners::GapWhy;

namespace {

core::Technology Tech(std::string id, std::string name, std::string end_of_support = "") {
  core::Technology t;
  t.id = std::move(id);
  t.name = std::move(name);
  t.end_of_support = std::move(end_of_support);
  return t;
}

}  // namespace

TEST_CASE("a gap's reason is made from its why and figures, as the planner wrote it",
          "[planners][target]") {
  core::Asset vm, host, cluster;
  vm.org = "a";
  vm.kind = core::AssetKind::kVm;
  vm.name = "a-vm1";
  host.org = "a";
  host.name = "a-h1";
  cluster.org = "a";
  cluster.kind = core::AssetKind::kCluster;
  cluster.name = "a-cl";
  const core::Technology old = Tech("acme-hv-1", "Acme Hyper 1", "2020-01-01");
  const core::Technology standard = Tech("beta-hv-2", "Beta Visor 2");
  Gap g;
  g.subject = &host;
  g.capability_id = planners::InternCapability("hypervisor");
  g.from_technology = &old;
  g.to_technology = &standard;
  struct Case {
    GapWhy why;
    const char* reason;
  };
  const Case cases[] = {
      {GapWhy::kVersionUnknown,
       "Acme Hyper 1, model or version not recognised: check it against Beta Visor 2"},
      {GapWhy::kOtherModel, "Acme Hyper 1 -> Beta Visor 2: another model, replaced"},
      {GapWhy::kNewerVersion, "Acme Hyper 1 -> Beta Visor 2: same product, newer version"},
      {GapWhy::kNewerThanStandard,
       "Acme Hyper 1 is newer than the standard Beta Visor 2: reinstall the standard or raise "
       "the standard"},
      {GapWhy::kPlatformPastSupport,
       "Acme Hyper 1 -> Beta Visor 2: another platform on hardware past end of support; retire "
       "the host, its workloads migrate"},
      {GapWhy::kOtherProduct, "Acme Hyper 1 -> Beta Visor 2: another product in place"},
      {GapWhy::kOtherPlatform,
       "Acme Hyper 1 -> Beta Visor 2: another product in place; its workloads migrate"},
  };
  for (const Case& c : cases) {
    INFO(c.reason);
    g.why = c.why;
    g.past_end_of_support = false;
    CHECK(g.reason() == c.reason);
    g.past_end_of_support = true;
    CHECK(g.reason() == std::string(c.reason) + "; past end of support since 2020-01-01");
  }

  g.why = GapWhy::kNoTarget;
  g.to_technology = nullptr;
  g.past_end_of_support = false;
  CHECK(g.reason() == "Acme Hyper 1: the target has no hypervisor");
  CHECK(g.to().empty());
  CHECK(g.to_name().empty());

  // A workload that moves: the host (and its cluster) it leaves, by key; never the suffix.
  g.subject = &vm;
  g.why = GapWhy::kWorkloadMoves;
  g.to_technology = &standard;
  g.via_asset = &host;
  g.past_end_of_support = true;
  CHECK(g.reason() ==
        "runs on a-h1 (Acme Hyper 1), which changes to Beta Visor 2: move the workload to the "
        "standard platform");
  g.via_cluster_asset = &cluster;
  CHECK(g.via_cluster() == "a-cl");
  CHECK(g.reason() ==
        "runs on a-h1 in cluster a-cl (Acme Hyper 1), which changes to Beta Visor 2: move the "
        "workload to the standard platform");
  CHECK(g.end_of_support() == "2020-01-01");
  CHECK(g.key() == "a-vm1");
}
