// samdrift_wave_bench: plans migration waves for a generated national-scale estate and reports
// the time, the peak memory and the waves against the lower bound. Not a test: a measurement.
//
//   samdrift_wave_bench [--items 1000000] [--orgs 290] [--max-items 20000] [--max-kw 600]
//                       [--max-hours 60000] [--seed 1]
//
// Per org, in the proportions of the sample inventories: hosts moved into the joint halls (in
// redundancy pairs, with kW and rack positions), VMs migrated onto one of the joint platforms
// (built first), services replaced after the VMs they need (one to three), and about one service
// in fifty in a dependency cycle of two or three. Every item has effort hours; a third are past
// end of support; criticality is spread over the four levels.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "planners/waves.h"

using namespace samdrift::planners;

namespace {

struct Options {
  long items = 1000000;
  int orgs = 290;
  int max_items = 20000;
  double max_kw = 600;
  double max_hours = 60000;
  unsigned seed = 1;
};

bool ParseArgs(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    auto value = [&](const char* name) -> const char* {
      if (std::strcmp(argv[i], name) != 0 || i + 1 >= argc) return nullptr;
      return argv[++i];
    };
    if (const char* v = value("--items")) {
      o.items = std::atol(v);
    } else if (const char* v = value("--orgs")) {
      o.orgs = std::atoi(v);
    } else if (const char* v = value("--max-items")) {
      o.max_items = std::atoi(v);
    } else if (const char* v = value("--max-kw")) {
      o.max_kw = std::atof(v);
    } else if (const char* v = value("--max-hours")) {
      o.max_hours = std::atof(v);
    } else if (const char* v = value("--seed")) {
      o.seed = static_cast<unsigned>(std::atol(v));
    } else {
      std::fprintf(stderr,
                   "usage: samdrift_wave_bench [--items N] [--orgs N] [--max-items N] "
                   "[--max-kw KW] [--max-hours H] [--seed S]\n");
      return false;
    }
  }
  return o.items >= 100 && o.orgs >= 1 && o.max_items >= 1;
}

std::string Org(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "org%03d", i + 1);
  return buf;
}

WaveProblem Generate(const Options& o) {
  std::mt19937_64 rng(o.seed);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

  WaveProblem problem;
  problem.limits.max_items = o.max_items;
  problem.limits.max_kw = o.max_kw;
  problem.limits.max_hours = o.max_hours;
  problem.items.reserve(static_cast<std::size_t>(o.items));

  // The joint platforms and halls, built before anything moves onto them.
  const int platforms = 8;
  for (int p = 0; p < platforms; ++p) {
    WaveItem build;
    build.id = "joint:platform" + std::to_string(p) + ":build";
    build.org = "joint";
    build.asset = "platform" + std::to_string(p);
    build.action = "replace";
    build.kind = "build";
    build.hours = 400;
    problem.items.push_back(std::move(build));
  }
  const int halls = 8;
  const long per_org = (o.items - platforms) / o.orgs;
  // Hosts are ~3 % of an org's items; each needs about 0.06 of a rack and 0.6 kW.
  const double hall_positions = 0.06 * 0.03 * static_cast<double>(o.items) / halls * 1.3;
  const double hall_kw = 0.6 * 0.03 * static_cast<double>(o.items) / halls * 1.3;
  for (int h = 0; h < halls; ++h) {
    WaveHall hall;
    hall.name = "DC" + std::to_string(h + 1);
    hall.positions = hall_positions;
    hall.power_kw = hall_kw;
    hall.cooling_kw = hall_kw;
    problem.halls.push_back(std::move(hall));
  }

  for (int g = 0; g < o.orgs; ++g) {
    const std::string org = Org(g);
    const long count = g + 1 == o.orgs ? o.items - platforms - per_org * (o.orgs - 1) : per_org;
    const long hosts = std::max<long>(2, count * 3 / 100) & ~1L;  // pairs
    const long services = count / 5;
    const long vms = count - hosts - services;
    const std::string hall = "DC" + std::to_string(g % halls + 1);
    for (long i = 0; i < hosts; ++i) {
      WaveItem host;
      host.id = org + ":host" + std::to_string(i) + ":migrate";
      host.org = org;
      host.asset = org + "-host" + std::to_string(i);
      host.action = "migrate";
      host.kind = "device";
      host.kw = 0.3 + 0.05 * uniform(0, 12);
      host.hours = 6;
      host.criticality = uniform(0, 3);
      host.past_end_of_support = chance(0.3);
      host.redundancy_group = org + ":pair" + std::to_string(i / 2);
      host.hall_in = hall;
      host.hall_kw = host.kw;
      host.hall_positions = 0.05;
      problem.items.push_back(std::move(host));
    }
    const auto first_vm = static_cast<ItemIndex>(problem.items.size());
    for (long i = 0; i < vms; ++i) {
      WaveItem vm;
      vm.id = org + ":vm" + std::to_string(i) + ":migrate";
      vm.org = org;
      vm.asset = org + "-vm" + std::to_string(i);
      vm.action = "migrate";
      vm.kind = "vm";
      vm.hours = 1.5;
      vm.criticality = uniform(0, 3);
      vm.past_end_of_support = chance(0.3);
      vm.depends_on.push_back(static_cast<ItemIndex>(uniform(0, platforms - 1)));  // a build
      problem.items.push_back(std::move(vm));
    }
    for (long i = 0; i < services; ++i) {
      WaveItem service;
      service.id = org + ":svc" + std::to_string(i) + ":replace";
      service.org = org;
      service.asset = org + "-svc" + std::to_string(i);
      service.action = "replace";
      service.kind = "service";
      service.hours = 8 + uniform(0, 32);
      service.criticality = uniform(0, 3);
      service.past_end_of_support = chance(0.3);
      const int needs = uniform(1, 3);
      for (int n = 0; n < needs && vms > 0; ++n) {
        service.depends_on.push_back(first_vm + static_cast<ItemIndex>(uniform(0, int(vms - 1))));
      }
      // One in fifty closes a cycle with the service before it (and sometimes the one before).
      if (i >= 2 && chance(0.02)) {
        const auto self = static_cast<ItemIndex>(problem.items.size());
        service.depends_on.push_back(self - 1);
        problem.items.back().depends_on.push_back(self);
        if (chance(0.3)) problem.items[self - 2].depends_on.push_back(self);
      }
      problem.items.push_back(std::move(service));
    }
  }
  SortDependencies(problem);
  return problem;
}

long PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!ParseArgs(argc, argv, o)) return 2;
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  const WaveProblem problem = Generate(o);
  const auto t1 = Clock::now();
  const long generated_mb = PeakRssMb();
  auto plan = PlanWaves(problem);
  const auto t2 = Clock::now();
  if (!plan.ok()) {
    std::fprintf(stderr, "samdrift_wave_bench: %s\n", plan.status().message().c_str());
    return 1;
  }
  const auto seconds = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::size_t over = 0;
  for (const Wave& w : plan->waves) over += !w.over_limit.empty();
  const LowerBound& b = plan->lower_bound;
  std::printf("items %zu in %d orgs; limits: %d items, %.0f kW, %.0f hours per wave\n",
              problem.items.size(), o.orgs, o.max_items, o.max_kw, o.max_hours);
  std::printf("generate %.2f s; plan %.2f s; peak %ld MB (%ld MB after generating)\n",
              seconds(t0, t1), seconds(t1, t2), PeakRssMb(), generated_mb);
  std::printf(
      "waves %zu, lower bound %d (chain %d, items %d, kW %d, hours %d, redundancy %d); "
      "cycles %zu; waves over a limit %zu\n",
      plan->waves.size(), b.waves, b.by_chain, b.by_items, b.by_kw, b.by_hours, b.by_redundancy,
      plan->cycles.size(), over);
  std::printf("plan_s=%.3f waves=%zu bound=%d peak_mb=%ld\n", seconds(t1, t2), plan->waves.size(),
              b.waves, PeakRssMb());
  return 0;
}
