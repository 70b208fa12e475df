// The parts of the risk report that need no availability model (planners/risk.cc computes
// that): end-of-support exposure, unmanaged assets, expiring standards, risk windows and the
// scenario's k_of_n checks. Internal to planners/risk*.cc.
#ifndef SAMDRIFT_PLANNERS_RISK_PARTS_H_
#define SAMDRIFT_PLANNERS_RISK_PARTS_H_

#include <cstdint>
#include <map>
#include <string>

#include "core/diagnostics.h"
#include "core/graph.h"
#include "core/model.h"
#include "planners/risk.h"

namespace samdrift::planners {

// The names risk.cc and risk_exposure.cc share (this header is theirs alone).
using core::AssetId;
using core::AssetKind;
using core::Direction;
using core::RelationKind;
using Id = std::uint32_t;  // an AssetId's value, or a vertex of the risk model

namespace risk_parts {

// The target halls the scenario makes `from` an existing hall ("org/site/hall"), by name: one
// room, so one component, the existing hall's vertex (not a second hall in series with it).
std::map<std::string, Id> ExistingTargetHalls(const RiskInput& in);
// End of support per org and category, today and after the plan; the standards that expire
// before the horizon (warned as RSK006, at the scenario's entry for a fixed one).
void ComputeEos(const RiskInput& in, RiskReport& report, core::Diagnostics& diagnostics);
// Devices, VMs and clients no agent or scan saw, per org and category.
void ComputeUnmanaged(const RiskInput& in, RiskReport& report);
// Waves after which a redundancy group stands in one hall or a cluster is split mid-move.
void ComputeWindows(const RiskInput& in, RiskReport& report);
// The halls that are new single points of services in the target, and what they hold wholly
// (after report.services is filled).
void ComputeConcentration(const RiskInput& in, RiskReport& report);
// RSK004 (K larger than the group) and RSK005 (no such group or cluster).
void CheckKOfN(const RiskInput& in, core::Diagnostics& diagnostics);

}  // namespace risk_parts
}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_RISK_PARTS_H_
