// graph_bench: builds core::GraphView over a synthetic estate (default 5 million assets and 10
// million relations, as issue 2 asks) and reports build time and memory. Prints one line of
// key=value pairs for bench/run.sh.
//
//   graph_bench [--assets N] [--relations M] [--orgs K]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include "core/graph.h"

using namespace samdrift::core;

namespace {

// Resident set size now, in MB (from /proc/self/statm).
double RssMb() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * 4096.0 / 1048576.0;
}

double PeakMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t Mix(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  return x ^ (x >> 33);
}

}  // namespace

int main(int argc, char** argv) {
  long long assets = 5'000'000;
  long long relations = 10'000'000;
  long long orgs = 290;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--assets")) assets = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--relations")) relations = std::atoll(argv[i + 1]);
    if (!std::strcmp(argv[i], "--orgs")) orgs = std::atoll(argv[i + 1]);
  }
  const double rss_start = RssMb();
  auto start = std::chrono::steady_clock::now();

  // Per org: one site, one hall, racks of 20 devices; the rest VMs and clients. Names as the
  // generator writes them ("k001-vm0000123").
  Estate estate;
  estate.assets.reserve(static_cast<std::size_t>(assets));
  const long long per_org = std::max(10LL, assets / orgs);
  std::vector<std::string> org_ids;
  for (long long o = 0; o < orgs; ++o) {
    char id[32];
    std::snprintf(id, sizeof id, "org%03lld", o + 1);
    org_ids.emplace_back(id);
  }
  for (long long i = 0; i < assets; ++i) {
    const long long o = (i / per_org) % orgs;
    const long long local = i % per_org;
    Asset a;
    a.org = org_ids[static_cast<std::size_t>(o)];
    char name[64];
    if (local == 0) {
      a.kind = AssetKind::kSite;
      a.name = "Kommunhuset";
    } else if (local == 1) {
      a.kind = AssetKind::kHall;
      a.name = "Serverhall 1";
      a.site = "Kommunhuset";
    } else if (local % 400 == 2) {
      a.kind = AssetKind::kRack;
      std::snprintf(name, sizeof name, "R%04lld", local / 400);
      a.name = name;
      a.site = "Kommunhuset";
      a.hall = "Serverhall 1";
    } else if (local % 20 == 3) {
      a.kind = AssetKind::kDevice;
      std::snprintf(name, sizeof name, "k%03lld-hv%07lld", o + 1, local);
      a.name = name;
      a.site = "Kommunhuset";
      a.hall = "Serverhall 1";
      std::snprintf(name, sizeof name, "R%04lld", local / 400);
      a.rack = name;
    } else {
      a.kind = local % 2 ? AssetKind::kVm : AssetKind::kClient;
      std::snprintf(name, sizeof name, "k%03lld-vm%07lld", o + 1, local);
      a.name = name;
    }
    estate.assets.push_back(std::move(a));
  }
  // Relations between assets of the same org, by key, with the kinds' real mix.
  estate.relations.reserve(static_cast<std::size_t>(relations));
  static constexpr RelationKind kKinds[] = {RelationKind::kRunsOn, RelationKind::kDependsOn,
                                            RelationKind::kConnectedTo, RelationKind::kMemberOf,
                                            RelationKind::kInstalledOn};
  for (long long r = 0; r < relations; ++r) {
    const std::uint64_t h = Mix(static_cast<std::uint64_t>(r) + 1);
    const std::size_t from = static_cast<std::size_t>(h % static_cast<std::uint64_t>(assets));
    const std::size_t block = from - from % static_cast<std::size_t>(per_org);
    std::size_t to =
        block + static_cast<std::size_t>((h >> 32) % static_cast<std::uint64_t>(per_org));
    if (to >= estate.assets.size()) to = from;
    Relation rel;
    rel.org = estate.assets[from].org;
    rel.source = estate.assets[from].Key();
    rel.kind = kKinds[(h >> 20) % 5];
    rel.target = estate.assets[to].Key();
    estate.relations.push_back(std::move(rel));
  }
  const double estate_s = Since(start);
  const double rss_estate = RssMb();

  start = std::chrono::steady_clock::now();
  GraphView graph(estate);
  const double build_s = Since(start);
  const double rss_graph = RssMb();

  // A query pass: every asset's out-neighbours over runs_on (touches the whole CSR).
  start = std::chrono::steady_clock::now();
  std::size_t reached = 0;
  for (std::uint32_t i = 0; i < graph.asset_count(); ++i) {
    reached += graph.Neighbours(AssetId{i}, RelationKind::kRunsOn, Direction::kOut).size();
  }
  const double query_s = Since(start);

  std::printf(
      "assets=%lld relations=%lld edges=%zu unresolved=%zu estate_s=%.2f estate_mb=%.0f "
      "build_s=%.2f graph_mb=%.0f peak_mb=%.0f query_s=%.2f reached=%zu\n",
      assets, relations, graph.edge_count(), graph.unresolved().size(), estate_s,
      rss_estate - rss_start, build_s, rss_graph - rss_estate, PeakMb(), query_s, reached);
  return 0;
}
