#include "planners/net_view.h"

#include <map>
#include <set>

#include "core/text.h"
#include "planners/net_input.h"

namespace samdrift::planners {
namespace {

std::optional<AddressPool> Pool(const std::string& supernet, int block) {
  if (supernet.empty() || block == 0) return std::nullopt;
  auto prefix = core::IpPrefix::Parse(supernet);
  if (!prefix.ok()) return std::nullopt;  // the scenario parser has reported it
  return AddressPool{*prefix, block};
}

}  // namespace

NetOptions NetOptionsOf(const Scenario& s) {
  NetOptions o;
  o.org_order = s.orgs;
  o.merge_vrfs = s.addressing.merge_vrfs;
  o.merged_vrfs = s.addressing.merged_vrfs;
  for (auto [supernet, block] : {std::pair{s.addressing.supernet, s.addressing.per_org_block},
                                 std::pair{s.addressing.supernet6, s.addressing.per_org_block6}}) {
    auto pool = Pool(supernet, block);
    if (!pool) continue;
    (pool->supernet.family() == core::IpFamily::kV4 ? o.ipv4 : o.ipv6) = pool;
  }
  return o;
}

core::Result<NetAnalysis> AnalyseNetwork(
    const Scenario& scenario,
    const std::function<core::Status(const std::function<void(const core::Asset&)>&)>& for_each,
    core::Diagnostics& skipped) {
  NetInputBuilder builder(scenario.orgs, skipped);
  core::Status status = for_each([&](const core::Asset& a) { builder.Add(a); });
  if (!status.ok()) return status;
  NetAnalysis out;
  out.input = builder.Take();
  out.plan = PlanNetwork(out.input, NetOptionsOf(scenario));
  return out;
}

std::vector<VlanPurpose> GroupVlanPurposes(const std::vector<VlanPair>& pairs) {
  std::map<int, std::map<std::string, std::set<std::string>>> purposes;
  for (const auto& p : pairs) {
    purposes[p.vid]["\"" + core::Join(p.names_a, ", ") + "\""].insert(p.org_a);
    purposes[p.vid]["\"" + core::Join(p.names_b, ", ") + "\""].insert(p.org_b);
  }
  std::vector<VlanPurpose> out;
  for (auto& [vid, by_purpose] : purposes) {
    for (auto& [purpose, orgs] : by_purpose) {
      out.push_back({vid, purpose, std::vector<std::string>(orgs.begin(), orgs.end())});
    }
  }
  return out;
}

}  // namespace samdrift::planners
