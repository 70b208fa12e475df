#include "core/model.h"

#include <catch2/catch.hpp>

using namespace samdrift::core;

TEST_CASE("contract names round-trip", "[core][model]") {
  for (AssetKind k : kAllAssetKinds) CHECK(ParseAssetKind(ToString(k)) == k);
  for (RelationKind k : kAllRelationKinds) CHECK(ParseRelationKind(ToString(k)) == k);
  for (Category c : kAllCategories) CHECK(ParseCategory(ToString(c)) == c);
  CHECK(ParseAssetKind("server") == std::nullopt);
}

TEST_CASE("keys of located assets include their parents", "[core][model]") {
  Asset rack;
  rack.kind = AssetKind::kRack;
  rack.name = "R1";
  rack.site = "Stadshuset";
  rack.hall = "Serverhall 1";
  CHECK(rack.Key() == "Stadshuset/Serverhall 1/R1");
  Asset hall;
  hall.kind = AssetKind::kHall;
  hall.name = "Serverhall 1";
  hall.site = "Stadshuset";
  CHECK(hall.Key() == "Stadshuset/Serverhall 1");
  Asset server;
  server.name = "esx01";
  server.rack = "R1";
  CHECK(server.Key() == "esx01");
}

TEST_CASE("default categories by kind and role", "[core][model]") {
  CHECK(DefaultCategory(AssetKind::kDevice, "core-switch") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "Firewall") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "server") == Category::kDatacenter);
  CHECK(DefaultCategory(AssetKind::kDevice, "storage") == Category::kDatacenter);
  CHECK(DefaultCategory(AssetKind::kVm, "") == Category::kPlatform);
  CHECK(DefaultCategory(AssetKind::kClient, "laptop") == Category::kClient);
  CHECK(DefaultCategory(AssetKind::kNetwork, "") == Category::kNetwork);
  // Swedish role names as municipalities write them.
  CHECK(DefaultCategory(AssetKind::kDevice, "Accesspunkt") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "accesswitch") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "Kärnswitch") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "Brandvägg") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "AP") == Category::kNetwork);
  CHECK(DefaultCategory(AssetKind::kDevice, "Virtualiseringsvärd") == Category::kDatacenter);
  CHECK(DefaultCategory(AssetKind::kDevice, "Lagring") == Category::kDatacenter);
  CHECK(DefaultCategory(AssetKind::kDevice, "skrivare") == Category::kClient);
  CHECK(DefaultCategory(AssetKind::kDevice, "storage-controller") == Category::kDatacenter);
}

TEST_CASE("attributes replace by key", "[core][model]") {
  Asset a;
  a.SetAttr("cpu", "2");
  a.SetAttr("cpu", "4");
  REQUIRE(a.Attr("cpu"));
  CHECK(*a.Attr("cpu") == "4");
  CHECK(a.Attr("ram") == nullptr);
  CHECK(a.attributes.size() == 1);
}
