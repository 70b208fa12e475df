// A gap's texts, made when read from its facts: the asset's in the estate, the technologies'
// in the catalog, the reason from `why` and its figures.
#include <mutex>
#include <set>

#include "planners/target.h"

namespace samdrift::planners {
namespace {

const std::string& Empty() {
  static const std::string empty;
  return empty;
}

const std::string& NameOf(const core::Technology* t) { return t ? t->name : Empty(); }

// The sentence of `why` with the names of what the asset has and the standard.
std::string WhyText(const Gap& g) {
  const std::string& from = g.from_name();
  const std::string& to = g.to_name();
  switch (g.why) {
    case GapWhy::kNoTarget:
      return from + ": the target has no " + g.capability();
    case GapWhy::kVersionUnknown:
      return from + ", model or version not recognised: check it against " + to;
    case GapWhy::kOtherModel:
      return from + " -> " + to + ": another model, replaced";
    case GapWhy::kNewerVersion:
      return from + " -> " + to + ": same product, newer version";
    case GapWhy::kNewerThanStandard:
      return from + " is newer than the standard " + to +
             ": reinstall the standard or raise the standard";
    case GapWhy::kPlatformPastSupport:
      return from + " -> " + to +
             ": another platform on hardware past end of support; retire the host, its "
             "workloads migrate";
    case GapWhy::kOtherProduct:
      return from + " -> " + to + ": another product in place";
    case GapWhy::kOtherPlatform:
      return from + " -> " + to + ": another product in place; its workloads migrate";
    case GapWhy::kWorkloadMoves:
      break;
  }
  const std::string cluster = g.via_cluster_asset ? " in cluster " + g.via_cluster() : "";
  return "runs on " + g.via() + cluster + " (" + from + "), which changes to " + to +
         ": move the workload to the standard platform";
}

}  // namespace

const std::string& Gap::org() const { return subject->org.str(); }
const std::string& Gap::asset() const { return subject->name; }
std::string Gap::key() const { return subject->Key(); }
const std::string& Gap::capability() const { return capability_id ? *capability_id : Empty(); }
const std::string& Gap::from() const { return from_technology ? from_technology->id : Empty(); }
const std::string& Gap::from_name() const { return NameOf(from_technology); }
const std::string& Gap::to() const { return to_technology ? to_technology->id : Empty(); }
const std::string& Gap::to_name() const { return NameOf(to_technology); }
const std::string& Gap::end_of_support() const {
  return from_technology ? from_technology->end_of_support : Empty();
}
std::string Gap::via() const { return via_asset ? via_asset->Key() : std::string(); }
std::string Gap::via_cluster() const {
  return via_cluster_asset ? via_cluster_asset->Key() : std::string();
}

std::string Gap::reason() const {
  std::string text = WhyText(*this);
  if (why != GapWhy::kWorkloadMoves && past_end_of_support) {
    text += "; past end of support since " + end_of_support();
  }
  return text;
}

const std::string* InternCapability(std::string_view capability) {
  static std::mutex mutex;
  static std::set<std::string, std::less<>> capabilities;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = capabilities.find(capability);
  if (it == capabilities.end()) it = capabilities.emplace(capability).first;
  return &*it;
}

}  // namespace samdrift::planners
