#include "core/graph.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string_view>

using namespace samdrift::core;

namespace {

Asset Make(AssetKind kind, std::string name, std::string site = "", std::string hall = "",
           std::string rack = "") {
  Asset a;
  a.org = "varnamo";
  a.kind = kind;
  a.name = std::move(name);
  a.site = std::move(site);
  a.hall = std::move(hall);
  a.rack = std::move(rack);
  return a;
}

Relation Rel(std::string from, RelationKind kind, std::string to) {
  Relation r;
  r.org = "varnamo";
  r.source = std::move(from);
  r.kind = kind;
  r.target = std::move(to);
  return r;
}

}  // namespace

TEST_CASE("graph view resolves relations and implied locations", "[core][graph]") {
  Estate estate;
  estate.assets = {
      Make(AssetKind::kSite, "Stadshuset"),
      Make(AssetKind::kHall, "SH1", "Stadshuset"),
      Make(AssetKind::kRack, "R1", "Stadshuset", "SH1"),
      Make(AssetKind::kDevice, "esx01", "Stadshuset", "SH1", "R1"),
      Make(AssetKind::kVm, "lon-app01"),
      Make(AssetKind::kService, "Lön"),
  };
  estate.relations = {
      Rel("lon-app01", RelationKind::kRunsOn, "esx01"),
      Rel("Lön", RelationKind::kDependsOn, "lon-app01"),
      Rel("Lön", RelationKind::kDependsOn, "missing-db"),
  };
  GraphView g(estate);
  CHECK(g.asset_count() == 6);
  REQUIRE(g.unresolved().size() == 1);
  CHECK(g.unresolved()[0] == 2);

  auto esx = g.Find("varnamo", "esx01");
  REQUIRE(esx);
  auto guests = g.Neighbours(*esx, RelationKind::kRunsOn, Direction::kIn);
  REQUIRE(guests.size() == 1);
  CHECK(g.asset(guests[0]).name == "lon-app01");

  auto rack = g.Neighbours(*esx, RelationKind::kLocatedIn, Direction::kOut);
  REQUIRE(rack.size() == 1);
  CHECK(g.asset(rack[0]).kind == AssetKind::kRack);
  auto hall = g.Neighbours(rack[0], RelationKind::kLocatedIn, Direction::kOut);
  REQUIRE(hall.size() == 1);
  CHECK(g.asset(hall[0]).name == "SH1");
  auto site = g.Neighbours(hall[0], RelationKind::kLocatedIn, Direction::kOut);
  REQUIRE(site.size() == 1);
  CHECK(g.asset(site[0]).name == "Stadshuset");

  std::size_t edges = 0;
  g.ForEachEdge([&](AssetId, AssetId, RelationKind) { ++edges; });
  CHECK(edges == g.edge_count());
  CHECK(edges == 5);  // 2 resolved relations + device->rack->hall->site
}

TEST_CASE("find prefers the asset kind asked for", "[core][graph]") {
  Estate estate;
  estate.assets = {Make(AssetKind::kSite, "Hylte"), Make(AssetKind::kService, "Hylte")};
  GraphView g(estate);
  CHECK(g.asset(*g.Find("varnamo", "Hylte")).kind == AssetKind::kService);
  CHECK(g.asset(*g.Find("varnamo", "Hylte", AssetKind::kSite)).kind == AssetKind::kSite);
  CHECK_FALSE(g.Find("varnamo", "Hylte", AssetKind::kVm));
  CHECK_FALSE(g.Find("gnosjo", "Hylte"));
}

TEST_CASE("DNS names resolve to the host's short name", "[core][graph]") {
  CHECK(ShortHostName("vgd-app01.vaggeryd.local") == "vgd-app01");
  CHECK(ShortHostName("vgd-app01").empty());
  CHECK(ShortHostName("10.1.2.3").empty());
  CHECK(ShortHostName("10.0.0.0/8").empty());
  CHECK(ShortHostName("Site/Hall.1").empty());
  Estate estate;
  estate.assets = {Make(AssetKind::kVm, "vgd-app01"), Make(AssetKind::kService, "Skola")};
  estate.relations = {Rel("Skola", RelationKind::kDependsOn, "vgd-app01.vaggeryd.local"),
                      Rel("Skola", RelationKind::kDependsOn, "vgd-db01.vaggeryd.local")};
  GraphView g(estate);
  CHECK(g.unresolved() == std::vector<std::size_t>{1});
}

namespace {

// What GraphView::Find answers, by a scan of every asset in estate order (the rule of
// graph.h: the kind asked for, else the first non-location asset, else the first location).
std::optional<std::uint32_t> FindByScan(const Estate& estate, std::string_view org,
                                        std::string_view key, std::optional<AssetKind> kind) {
  auto exact = [&](std::string_view k) -> std::optional<std::uint32_t> {
    std::optional<std::uint32_t> fallback;
    for (std::uint32_t i = 0; i < estate.assets.size(); ++i) {
      const Asset& a = estate.assets[i];
      if (a.org != org || a.Key() != k) continue;
      const bool location =
          a.kind == AssetKind::kSite || a.kind == AssetKind::kHall || a.kind == AssetKind::kRack;
      if (kind ? a.kind == *kind : !location) return i;
      if (!kind && !fallback) fallback = i;
    }
    return kind ? std::nullopt : fallback;
  };
  if (auto found = exact(key)) return found;
  std::string_view host = ShortHostName(key);
  return host.empty() ? std::nullopt : exact(host);
}

}  // namespace

// The graph's index of keys (an open-addressing table since session 11) answers every lookup as
// a scan of the assets would: keys shared by kinds and orgs, halls and racks whose keys equal
// another asset's name ("S/H"), names that are prefixes of each other, short host names.
TEST_CASE("graph view finds every key as a scan of the assets does", "[core][graph]") {
  const char* orgs[] = {"varnamo", "gnosjo", "hylte"};
  const char* names[] = {"S", "H", "S/H", "S/H/R", "R", "app", "app.x.local", "ap", "S/"};
  const AssetKind kinds[] = {AssetKind::kSite,   AssetKind::kHall, AssetKind::kRack,
                             AssetKind::kDevice, AssetKind::kVm,   AssetKind::kService};
  Estate estate;
  unsigned seed = 7;
  auto next = [&seed](unsigned n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int i = 0; i < 400; ++i) {
    Asset a = Make(kinds[next(6)], names[next(9)], names[next(3)], names[next(3)]);
    a.org = orgs[next(3)];
    estate.assets.push_back(std::move(a));
  }
  GraphView g(estate);
  std::size_t found = 0;
  for (const char* org : {"varnamo", "gnosjo", "hylte", "vaggeryd"}) {
    for (const char* key : {"S", "H", "S/H", "S/H/R", "S/S/S", "H/S/H", "R", "app", "app.x.local",
                            "app.y.local", "ap", "S/", "", "S/H/app"}) {
      const std::optional<AssetKind> asked[] = {std::nullopt,     AssetKind::kSite,
                                                AssetKind::kHall, AssetKind::kRack,
                                                AssetKind::kVm,   AssetKind::kClient};
      for (const std::optional<AssetKind>& k : asked) {
        INFO(org << " " << key << " " << (k ? ToString(*k) : "any"));
        auto want = FindByScan(estate, org, key, k);
        auto got = g.Find(org, key, k);
        REQUIRE(got.has_value() == want.has_value());
        if (got) {
          CHECK(got->value == *want);
          ++found;
        }
      }
    }
  }
  CHECK(found > 100);  // the lookups mostly hit
}
