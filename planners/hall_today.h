// The fate of every hall in use today under a hall plan and its waves: a target hall, kept
// (keep_halls) or emptied, the wave and date it is emptied, and what stays in it and why.
#ifndef SAMDRIFT_PLANNERS_HALL_TODAY_H_
#define SAMDRIFT_PLANNERS_HALL_TODAY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planners/hall_plan.h"
#include "planners/waves.h"

namespace samdrift::planners {

enum class HallFate { kTarget, kKept, kEmptied };
std::string_view ToString(HallFate fate);  // "target", "kept", "emptied"

struct StayingDevice {
  std::string asset;
  std::string org;
  std::string why;
  // A device the plan could not place (why: "could not be placed: " and its reason): its limit.
  std::optional<Limit> not_placed;
};

struct TodayHallFate {
  std::string org;
  std::string site;
  std::string hall;
  HallFate fate = HallFate::kEmptied;
  std::string target;       // the target hall it becomes (kTarget), else empty
  int emptied_in_wave = 0;  // kEmptied: the wave its last device moves out (or is retired);
                            // 0 when nothing moves out of it or a device could not be placed
  std::string emptied_on;   // that wave's end date (with a timeline), else empty
  std::vector<StayingDevice> stays;  // by org, then asset
};

// Every hall of plan.today, in its order. A hall is emptied when all it holds that may move has
// moved into the target halls or been retired; what is bound to its site stays (listed with
// why), and so does a device the plan could not place (why: the reason). `waves` may be null
// (no wave plan): emptied_in_wave is then 0.
std::vector<TodayHallFate> HallFates(const HallPlan& plan, const WavePlan* waves);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_HALL_TODAY_H_
