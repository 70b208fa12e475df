// The records `samdrift net` works on, read from stored assets: prefixes (network assets with
// attribute `prefix`), VLANs (network assets with `vlan` and no `prefix`; prefixes naming a
// VLAN), IPAM addresses (network assets with `address`, not deprecated) and the addresses any
// asset carries in its `ip` attribute (the importers' convention: a comma-separated list).
#ifndef SAMDRIFT_PLANNERS_NET_INPUT_H_
#define SAMDRIFT_PLANNERS_NET_INPUT_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "planners/net_plan.h"

namespace samdrift::planners {

class NetInputBuilder {
 public:
  // `orgs`: only these orgs' assets are read (empty: all). Stored values that do not parse are
  // reported to `diagnostics` as warnings (NET020) at the asset's provenance, and skipped.
  NetInputBuilder(const std::vector<std::string>& orgs, core::Diagnostics& diagnostics);

  void Add(const core::Asset& asset);
  NetInput Take() { return std::move(input_); }

 private:
  void AddAddresses(const core::Asset& asset, const std::string& list);
  void Warn(const core::Asset& asset, const std::string& message);

  std::unordered_set<std::string> orgs_;
  core::Diagnostics& diagnostics_;
  NetInput input_;
};

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_NET_INPUT_H_
