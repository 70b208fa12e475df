#include "core/graph.h"

#include <catch2/catch.hpp>

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
