// samdrift_net_bench: finds the prefix conflicts, VLAN clashes and the renumbering of a generated
// national estate of address plans and reports the time. Not a test: a measurement.
//
//   samdrift_net_bench [--orgs 290] [--prefixes 1000000] [--hosts 5000] [--seed 1]
//                      [--supernet 10.0.0.0/8] [--block 17]
//
// Each org picks its ranges as municipalities do, on its own: an aggregate of /17 to /19 at a
// random place in 10.0.0.0/8 (so that orgs collide by chance, as 290 orgs in 10/8 do), often a
// 172.16.0.0/12 school net of /18 to /20 and a few 192.168.x.0/24 site nets, a ULA /48 for IPv6;
// every aggregate is split into sites (/20 to /22), subnets (/24 to /26) and links (/29 to /30)
// until the org has its share of the prefixes. A tenth of the subnets live in a VRF ("DMZ",
// "Skola"). Hosts are spread over the subnets; each org has about 60 VLANs with common names.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "planners/net_plan.h"

using namespace samdrift;

namespace {

struct Options {
  int orgs = 290;
  long prefixes = 1000000;
  int hosts = 5000;
  unsigned seed = 1;
  std::string supernet = "10.0.0.0/8";
  int block = 17;
};

core::IpPrefix P(const char* text) { return *core::IpPrefix::Parse(text); }

core::IpPrefix Random(const core::IpPrefix& outer, int length, std::mt19937_64& rng) {
  const int bits = length - outer.length();
  const std::uint64_t count = bits >= 63 ? ~std::uint64_t{0} : std::uint64_t{1} << bits;
  return *outer.Subprefix(length, rng() % count);
}

int Between(std::mt19937_64& rng, int lo, int hi) {
  return lo + static_cast<int>(rng() % static_cast<unsigned>(hi - lo + 1));
}

planners::NetInput Generate(const Options& o) {
  std::mt19937_64 rng(o.seed);
  planners::NetInput in;
  in.prefixes.reserve(static_cast<std::size_t>(o.prefixes) + 1000);
  in.addresses.reserve(static_cast<std::size_t>(o.orgs) * o.hosts);
  const long per_org = o.prefixes / o.orgs;
  static const char* kVlanNames[] = {"Servrar",   "Klienter", "Management", "Skrivare", "WLAN",
                                     "Gäst",      "Elever",   "Personal",   "VoIP",     "Kameror",
                                     "Fastighet", "DMZ",      "Lagring",    "vMotion",  "Backup"};
  for (int k = 0; k < o.orgs; ++k) {
    const std::string org = "org" + std::to_string(1000 + k);
    std::vector<core::IpPrefix> aggregates = {Random(P("10.0.0.0/8"), Between(rng, 17, 19), rng)};
    if (rng() % 3 != 0) aggregates.push_back(Random(P("172.16.0.0/12"), Between(rng, 18, 20), rng));
    for (int s = Between(rng, 1, 4); s > 0; --s) {
      aggregates.push_back(Random(P("192.168.0.0/16"), 24, rng));
    }
    aggregates.push_back(Random(P("fd00::/8"), 48, rng));
    long made = 0;
    std::vector<std::pair<core::IpPrefix, std::string>> subnets;
    auto add = [&](const core::IpPrefix& p, const std::string& vrf) {
      planners::NetPrefix np;
      np.org = org;
      np.prefix = p;
      np.vrf = vrf;
      np.name = p.ToString();
      in.prefixes.push_back(std::move(np));
      ++made;
    };
    for (const core::IpPrefix& a : aggregates) add(a, "");
    // Split the aggregates until this org has its share.
    std::size_t turn = 0;
    while (made < per_org) {
      const core::IpPrefix& a = aggregates[turn++ % aggregates.size()];
      const bool v6 = a.family() == core::IpFamily::kV6;
      const int site_len = v6 ? 56 : std::min(a.length() + Between(rng, 1, 3), 24);
      const core::IpPrefix site = Random(a, site_len, rng);
      add(site, "");
      for (int n = Between(rng, 4, 12); n > 0 && made < per_org; --n) {
        const int sub_len = v6 ? 64 : std::max(site_len, Between(rng, 24, 26));
        const core::IpPrefix subnet = Random(site, sub_len, rng);
        const std::string vrf = rng() % 10 == 0 ? (rng() % 2 ? "DMZ" : "Skola") : "";
        add(subnet, vrf);
        subnets.emplace_back(subnet, vrf);
        for (int l = Between(rng, 0, 3); l > 0 && made < per_org && !v6; --l) {
          add(Random(subnet, Between(rng, 29, 30), rng), vrf);
        }
      }
    }
    for (int h = 0; h < o.hosts && !subnets.empty(); ++h) {
      const auto& [subnet, vrf] = subnets[rng() % subnets.size()];
      in.addresses.push_back({org, Random(subnet, subnet.network().width(), rng).network(),
                              rng() % 2 ? vrf : "", "host"});
    }
    for (int v = 0; v < 60; ++v) {
      in.vlans.push_back({org, Between(rng, 1, 400), kVlanNames[rng() % std::size(kVlanNames)], "",
                          "", "", false});
    }
  }
  return in;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--orgs") {
      o.orgs = std::atoi(value);
    } else if (flag == "--prefixes") {
      o.prefixes = std::atol(value);
    } else if (flag == "--hosts") {
      o.hosts = std::atoi(value);
    } else if (flag == "--seed") {
      o.seed = static_cast<unsigned>(std::atoi(value));
    } else if (flag == "--supernet") {
      o.supernet = value;
    } else if (flag == "--block") {
      o.block = std::atoi(value);
    } else {
      std::fprintf(stderr, "samdrift_net_bench: unknown option %s\n", flag.c_str());
      return 2;
    }
  }
  auto supernet = core::IpPrefix::Parse(o.supernet);
  if (o.orgs < 1 || o.prefixes < o.orgs || !supernet.ok()) {
    std::fprintf(stderr, "samdrift_net_bench: bad options\n");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  planners::NetInput input = Generate(o);
  const double generate_s = Seconds(start);

  planners::NetOptions options;
  options.merge_vrfs = true;
  options.ipv4 = planners::AddressPool{*supernet, o.block};
  options.ipv6 = planners::AddressPool{P("fd00::/8"), 40};
  start = std::chrono::steady_clock::now();
  planners::NetPlan plan = planners::PlanNetwork(input, options);
  const double plan_s = Seconds(start);

  std::size_t placed = 0;
  std::uint64_t hosts = 0;
  for (const auto& r : plan.renumber) {
    placed += r.to.has_value();
    hosts += r.hosts.value_or(0);  // the known ones
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("orgs %d, prefixes %zu, addresses %zu, vlans %zu (generated in %.2f s)\n", o.orgs,
              input.prefixes.size(), input.addresses.size(), input.vlans.size(), generate_s);
  std::printf("conflicts %zu, vlan clashes %zu, declared twice %zu, addresses outside %zu\n",
              plan.conflicts.size(), plan.vlan_conflicts.size(), plan.duplicates.size(),
              plan.unplanned.size());
  std::printf("renumber %zu roots (%llu hosts), %zu placed in %s /%d blocks, %zu blocks given\n",
              plan.renumber.size(), static_cast<unsigned long long>(hosts), placed,
              o.supernet.c_str(), o.block, plan.blocks.size());
  std::printf("plan (conflicts, counts, keep set, renumbering, VLANs): %.2f s; peak RSS %ld MB\n",
              plan_s, usage.ru_maxrss / 1024);
  for (const auto& [step, seconds] : plan.timings) {
    std::printf("  %-26s %6.2f s\n", step.c_str(), seconds);
  }
  return 0;
}
