// samdrift_hall_bench: plans a generated national-scale datacenter estate into target halls and
// reports the time and the racks used against the lower bound. Not a test: a measurement.
//
//   samdrift_hall_bench [--orgs 290] [--devices 300] [--halls 8] [--stay] [--seed 1]
//
// Each org has one or two halls of 42 U racks holding its devices (from U3; two PDUs per rack at
// U1-U2): hypervisor clusters of 4-8, storage, core switch and firewall pairs, servers, backup,
// tape and a UPS, about a third of them critical. The target halls (half primary, half
// secondary) are sized to fit: 25 % more positions, power and cooling than the estate needs.
// With --stay, half of the target halls are existing halls that stay (their devices keep their
// places where the rules allow).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <random>
#include <string>

#include "planners/hall_plan.h"

using namespace samdrift::planners;

namespace {

struct Options {
  int orgs = 290;
  int devices = 300;
  int halls = 8;
  bool stay = false;
  unsigned seed = 1;
};

struct Kind {
  const char* role;
  int u_lo, u_hi;
  double kw_lo, kw_hi;
  int group;  // members per redundancy group; 0: none
};

constexpr Kind kKinds[] = {
    {"hypervisor", 1, 2, 0.35, 0.9, 6},   {"storage", 2, 4, 0.5, 1.2, 2},
    {"core-switch", 1, 1, 0.25, 0.45, 2}, {"firewall", 1, 1, 0.08, 0.3, 2},
    {"server", 1, 2, 0.15, 0.5, 0},       {"backup", 2, 2, 0.35, 0.6, 0},
    {"tape", 4, 4, 0.1, 0.4, 0},          {"ups", 2, 3, 0.3, 0.6, 0},
};
constexpr int kWeights[] = {38, 8, 3, 3, 38, 4, 2, 4};

HallPlanInput Generate(const Options& o, double* total_kw) {
  std::mt19937_64 rng(o.seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::discrete_distribution<int> kind_of(std::begin(kWeights), std::end(kWeights));
  HallPlanInput in;
  in.redundancy = RedundancyRule::kSplit;
  *total_kw = 0;
  std::vector<HallSpec> existing;  // one per org hall, for --stay
  for (int org = 0; org < o.orgs; ++org) {
    const std::string org_id = "org" + std::to_string(org);
    const int halls = unit(rng) < 0.4 ? 2 : 1;
    std::vector<HallSpec> org_halls(static_cast<std::size_t>(halls));
    for (int h = 0; h < halls; ++h) {
      org_halls[h].from_org = org_id;
      org_halls[h].from_site = "Site" + std::to_string(h);
      org_halls[h].from_hall = "Hall";
    }
    std::vector<int> next_u;  // per rack of the current hall
    int made = 0, group_left = 0, group_no = 0;
    const Kind* group_kind = nullptr;
    while (made < o.devices) {
      const Kind* kind = group_left > 0 ? group_kind : &kKinds[kind_of(rng)];
      HallDevice d;
      d.org = org_id;
      d.name = org_id + "-" + kind->role + std::to_string(made);
      d.role = kind->role;
      d.u_height = kind->u_lo + static_cast<int>(unit(rng) * (kind->u_hi - kind->u_lo + 1));
      d.kw = kind->kw_lo + unit(rng) * (kind->kw_hi - kind->kw_lo);
      d.estimated = unit(rng) < 0.05;
      if (kind->group > 0) {
        if (group_left == 0) {
          group_kind = kind;
          group_left = kind->group == 6 ? 4 + static_cast<int>(unit(rng) * 5) : kind->group;
          ++group_no;
        }
        d.redundancy_group = "g" + std::to_string(group_no);
        --group_left;
      }
      d.critical = kind->group > 0 || unit(rng) < 0.1;
      // Where it stands now: fill racks of the org's halls in turn.
      HallSpec& hall = org_halls[static_cast<std::size_t>(made % halls)];
      if (hall.racks.empty() || next_u.size() < hall.racks.size() ||
          next_u[hall.racks.size() - 1] + d.u_height > 42) {
        hall.racks.push_back({"R" + std::to_string(hall.racks.size() + 1), 42});
      }
      next_u.resize(std::max(next_u.size(), hall.racks.size()), 3);
      int& u = next_u[hall.racks.size() - 1];
      d.site = hall.from_site;
      d.hall = hall.from_hall;
      d.rack = hall.racks.back().name;
      d.position = u;
      u += d.u_height;
      *total_kw += d.kw;
      in.devices.push_back(d);
      ++made;
    }
    for (HallSpec& h : org_halls) {
      for (const ExistingRack& r : h.racks) {
        for (const char* side : {"a", "b"}) {
          HallDevice pdu;
          pdu.org = org_id;
          pdu.name = org_id + "-pdu-" + h.from_site + "-" + r.name + side;
          pdu.role = "PDU";
          pdu.pdu = true;
          pdu.u_height = 1;
          pdu.site = h.from_site;
          pdu.hall = h.from_hall;
          pdu.rack = r.name;
          pdu.position = side[0] == 'a' ? 1 : 2;
          in.devices.push_back(pdu);
        }
      }
      existing.push_back(h);
    }
  }
  // Target halls sized to fit with 25 % to spare.
  const double need_racks = std::ceil(*total_kw / 8.0);
  for (int h = 0; h < o.halls; ++h) {
    HallSpec spec;
    if (o.stay && h % 2 == 0 && static_cast<std::size_t>(h) < existing.size()) {
      spec = existing[static_cast<std::size_t>(h) * existing.size() / o.halls];
    }
    spec.name = "DC" + std::to_string(h + 1);
    spec.role = h % 2 == 0 ? HallRole::kPrimary : HallRole::kSecondary;
    spec.positions = static_cast<int>(std::ceil(need_racks * 1.25 / o.halls)) +
                     static_cast<int>(spec.racks.size());
    spec.power_kw = *total_kw * 1.25 / o.halls;
    spec.cooling_kw = spec.power_kw;
    in.halls.push_back(spec);
  }
  return in;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", argv[i]);
        std::exit(2);
      }
      return argv[++i];
    };
    if (!std::strcmp(argv[i], "--orgs")) {
      o.orgs = std::atoi(value());
    } else if (!std::strcmp(argv[i], "--devices")) {
      o.devices = std::atoi(value());
    } else if (!std::strcmp(argv[i], "--halls")) {
      o.halls = std::atoi(value());
    } else if (!std::strcmp(argv[i], "--seed")) {
      o.seed = static_cast<unsigned>(std::atoi(value()));
    } else if (!std::strcmp(argv[i], "--stay")) {
      o.stay = true;
    } else {
      std::fprintf(stderr,
                   "usage: samdrift_hall_bench [--orgs N] [--devices N] [--halls N] [--stay] "
                   "[--seed N]\n");
      return 2;
    }
  }
  double total_kw = 0;
  auto start = std::chrono::steady_clock::now();
  const HallPlanInput input = Generate(o, &total_kw);
  const double generate_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  const HallPlan plan = PlanHalls(input);
  const double plan_cpu_s = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double plan_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::size_t kept = 0, placed = 0;
  for (const PlannedHall& h : plan.halls) {
    for (const PlannedRack& r : h.racks) {
      for (const Placement& p : r.devices) {
        ++placed;
        kept += p.kept;
      }
    }
  }
  std::size_t stuck = 0;
  for (const Unplaced& u : plan.unplaced) stuck += u.limit != Limit::kSparePdu;
  const RackBound& b = plan.lower_bound;
  std::printf(
      "orgs=%d devices=%zu kw=%.1f halls=%d stay=%d generate_s=%.3f plan_s=%.3f plan_cpu_s=%.3f "
      "placed=%zu "
      "kept=%zu unplaced=%zu spare_pdus=%zu racks_used=%d new_racks=%d lower_bound=%d "
      "(u=%d kw=%d split=%d) over_bound=%.1f%%\n",
      o.orgs, input.devices.size(), total_kw, o.halls, o.stay ? 1 : 0, generate_s, plan_s,
      plan_cpu_s, placed, kept, stuck, plan.unplaced.size() - stuck, plan.racks_used,
      plan.new_racks, b.value, b.by_u, b.by_kw, b.by_split,
      b.value > 0 ? 100.0 * (plan.racks_used - b.value) / b.value : 0.0);
  return stuck == 0 ? 0 : 1;
}
