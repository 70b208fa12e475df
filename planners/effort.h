// The effort table: hours per (asset kind, action), with optional rows per capability that take
// precedence over the kind's row. Defaults are documented in planners/README.md; a scenario's
// `effort:` map overrides cells: `vm/migrate: 3` (kind/action), `core-switch/replace: 24`
// (capability/action), or `migrate: 2` (that action for every kind).
#ifndef SAMDRIFT_PLANNERS_EFFORT_H_
#define SAMDRIFT_PLANNERS_EFFORT_H_

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"

namespace samdrift::planners {

struct Scenario;  // scenario.h

// Hours for the four actions, in the order of GapAction (upgrade, replace, migrate, retire).
using EffortRow = std::array<double, 4>;

class EffortTable {
 public:
  // The documented defaults.
  static EffortTable Defaults();

  // Hours for one gap: the capability's cell when there is one (a negative cell means "not
  // set"), else the kind's.
  // `action` is a GapAction's index (0 upgrade .. 3 retire).
  double Hours(core::AssetKind kind, std::string_view capability, int action) const;

  // Applies the scenario's `effort:` overrides. A key whose subject is neither an asset kind
  // nor one of `capabilities`, or whose action is unknown, is a located error naming the
  // closest name; returns Invalid when there was one.
  core::Status Apply(const Scenario& scenario, const std::vector<std::string>& capabilities,
                     core::Diagnostics& diagnostics);

  const std::map<core::AssetKind, EffortRow>& by_kind() const { return by_kind_; }
  const std::map<std::string, EffortRow, std::less<>>& by_capability() const {
    return by_capability_;
  }

 private:
  std::map<core::AssetKind, EffortRow> by_kind_;
  std::map<std::string, EffortRow, std::less<>> by_capability_;
};

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_EFFORT_H_
