// estate_bench: loads a store's estate as the planners do (Store::LoadEstate, every org, with
// attributes) and reports what it holds in memory: the heap the assets take (the vector, the
// strings they own and the interned texts they point to) per asset, against issue 23's goal of
// 200 bytes (pool_bytes_per_asset: the interned texts' share of it), and the same for the
// relations. Prints one line of key=value pairs for bench/run.sh.
//
//   estate_bench --db STORE
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/store.h"

using namespace samdrift::core;

namespace {

// Bytes the program has taken from malloc (the main arena and separately mapped blocks; the
// estate is read on the main thread).
double HeapBytes() {
  const struct mallinfo2 info = mallinfo2();
  return static_cast<double>(info.uordblks + info.hblkhd);
}

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
  }
  if (db.empty()) {
    std::fprintf(stderr, "usage: estate_bench --db STORE\n");
    return 2;
  }
  auto store = Store::Open(db, OpenMode::kReadOnly);
  if (!store.ok()) {
    std::fprintf(stderr, "estate_bench: %s\n", store.status().message().c_str());
    return 3;
  }
  AssetQuery query;
  query.with_relations = false;
  const double heap_start = HeapBytes();
  auto start = std::chrono::steady_clock::now();
  auto estate = (*store)->LoadEstate(query);
  if (!estate.ok()) {
    std::fprintf(stderr, "estate_bench: %s\n", estate.status().message().c_str());
    return 3;
  }
  const double assets_s = Since(start);
  const double assets_heap = HeapBytes() - heap_start;
  const std::size_t assets = estate->assets.size();
  const Name::PoolStats pool = Name::Stats();  // the interned texts, part of assets_heap

  std::vector<Relation> relations;
  start = std::chrono::steady_clock::now();
  Status s =
      (*store)->ForEachRelation({}, [&](Relation&& r) { relations.push_back(std::move(r)); });
  if (!s.ok()) {
    std::fprintf(stderr, "estate_bench: %s\n", s.message().c_str());
    return 3;
  }
  relations.shrink_to_fit();
  const double relations_s = Since(start);
  const double relations_heap = HeapBytes() - heap_start - assets_heap;

  const double per_asset = assets ? assets_heap / static_cast<double>(assets) : 0;
  const double per_relation =
      relations.empty() ? 0 : relations_heap / static_cast<double>(relations.size());
  std::printf(
      "assets=%zu asset_bytes=%.0f sizeof_asset=%zu pool_strings=%zu pool_bytes_per_asset=%.0f "
      "load_s=%.2f relations=%zu relation_bytes=%.0f sizeof_relation=%zu relations_s=%.2f "
      "estate_mb=%.0f\n",
      assets, per_asset, sizeof(Asset), pool.strings,
      assets ? static_cast<double>(pool.bytes) / static_cast<double>(assets) : 0, assets_s,
      relations.size(), per_relation, sizeof(Relation), relations_s,
      (assets_heap + relations_heap) / 1048576.0);
  return 0;
}
