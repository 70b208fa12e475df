// The compact members of core::Asset (core/compact.h): the struct's size, the range of rack
// units it holds, and the attributes as the vector they replace.
#include "core/compact.h"

#include <catch2/catch.hpp>
#include <climits>
#include <optional>
#include <stdexcept>

#include "core/model.h"
#include "core/store.h"

using namespace samdrift::core;

TEST_CASE("an asset takes 128 bytes", "[core][compact]") {
  // Issue 23: at most 200 bytes per asset in memory, of which the struct is the most.
  CHECK(sizeof(PackedOptionalInt) == 4);
  CHECK(sizeof(Attributes) == 8);
  CHECK(sizeof(Asset) == 128);
}

TEST_CASE("a packed optional int reads like std::optional<int>", "[core][compact]") {
  PackedOptionalInt none;
  CHECK_FALSE(none.has_value());
  CHECK_FALSE(static_cast<bool>(none));
  CHECK(none == std::nullopt);
  CHECK(none.value_or(7) == 7);
  CHECK_THROWS_AS(none.value(), std::bad_optional_access);
  CHECK(std::optional<int>(none) == std::nullopt);
  // Against a std::optional<int>, either side: empty equals empty, as optionals compare.
  const std::optional<int> empty, five = 5;
  CHECK(none == empty);
  CHECK(empty == none);
  CHECK_FALSE(none != empty);
  CHECK(PackedOptionalInt(5) == five);
  CHECK(five == PackedOptionalInt(5));
  CHECK(none != five);
  CHECK(five != none);
  CHECK(none < five);
  CHECK(empty < PackedOptionalInt(5));
  CHECK(PackedOptionalInt(5) == 5);
  CHECK(5 == PackedOptionalInt(5));
  CHECK(none != 0);
  CHECK(none < 0);
  CHECK(std::nullopt == none);
  CHECK(PackedOptionalInt(0) != std::nullopt);

  PackedOptionalInt zero = 0;  // a zero-height device (a wall panel, a PDU) is not "none"
  CHECK(zero.has_value());
  CHECK(*zero == 0);
  CHECK(zero != none);
  CHECK(none < zero);  // as optional orders: none first
  CHECK(PackedOptionalInt(3) < PackedOptionalInt(42));

  const std::optional<int> from = 12;
  PackedOptionalInt copy = from;
  CHECK(*copy == 12);
  copy = std::nullopt;
  CHECK_FALSE(copy.has_value());
  copy = std::optional<int>();
  CHECK_FALSE(copy.has_value());
}

TEST_CASE("rack units hold every value the importers give, and more", "[core][compact]") {
  // The importers give positions of 1 to 1,000,000 (generic CSV clamps there, ArchiMate
  // rejects more) and heights of 0 to 1,000,000: beyond a 16-bit field (65,535), which would
  // wrap 70,000 to 4,464. The packed int holds every int but INT_MIN, which reads as none.
  for (int units : {0, 1, 42, 65535, 65536, 70000, 1000000, INT_MAX, INT_MIN + 1}) {
    PackedOptionalInt packed = units;
    CHECK(packed.has_value());
    CHECK(*packed == units);
  }
  CHECK_FALSE(PackedOptionalInt(INT_MIN).has_value());

  // And through the store: what is written is what is loaded.
  auto store = Store::OpenInMemory();
  REQUIRE(store.ok());
  Batch batch;
  const std::optional<int> values[] = {std::nullopt, 1, 70000, 1000000, INT_MAX};
  for (int i = 0; i < 5; ++i) {
    Asset a;
    a.org = "gnosjo";
    a.name = "dev" + std::to_string(i);
    a.position = values[i];
    a.u_height = i == 0 ? std::optional<int>(0) : values[i];
    a.provenance = {"test", "a.csv", i + 1};
    batch.assets.push_back(a);
  }
  REQUIRE((*store)->Apply(batch).ok());
  auto estate = (*store)->LoadEstate({});
  REQUIRE(estate.ok());
  REQUIRE(estate->assets.size() == 5);
  for (const Asset& a : estate->assets) {
    const int i = a.name.back() - '0';
    INFO(a.name);
    CHECK(std::optional<int>(a.position) == values[i]);
    CHECK(std::optional<int>(a.u_height) == (i == 0 ? std::optional<int>(0) : values[i]));
  }
}

TEST_CASE("attributes behave as the vector they replace", "[core][compact]") {
  Attributes none;
  CHECK(none.empty());
  CHECK(none.begin() == none.end());
  CHECK(none == Attributes{});

  Attributes a{{"os", "Windows Server 2019"}, {"ip", "10.0.0.1"}};
  CHECK(a.size() == 2);
  for (int i = 0; i < 10; ++i) a.push_back(a[0]);  // its own item, while it grows
  CHECK(a.size() == 12);
  CHECK(a.capacity() >= 12);
  CHECK(a[11] == Attribute{"os", "Windows Server 2019"});
  CHECK(a[1].value == "10.0.0.1");

  Attributes copy = a;  // deep: changing one leaves the other
  copy[1].value = "10.0.0.2";
  CHECK(a[1].value == "10.0.0.1");
  CHECK_FALSE(copy == a);
  Attributes moved = std::move(copy);
  CHECK(copy.empty());  // NOLINT: moved-from is empty, as the asset code relies on
  CHECK(moved.size() == 12);
  moved = a;
  CHECK(moved == a);
  moved.clear();
  CHECK(moved.empty());

  Asset asset;
  asset.SetAttr("os", "Debian 12");
  asset.SetAttr("os", "Debian 13");
  asset.SetAttr("ram", "16 GB");
  REQUIRE(asset.attributes.size() == 2);
  CHECK(*asset.Attr("os") == "Debian 13");

  // Read back from the store's text sized exactly: no spare room per asset.
  auto store = Store::OpenInMemory();
  REQUIRE(store.ok());
  asset.org = "gnosjo";
  asset.name = "srv1";
  asset.provenance = {"test", "a.csv", 1};
  Batch batch;
  batch.assets.push_back(asset);
  REQUIRE((*store)->Apply(batch).ok());
  auto estate = (*store)->LoadEstate({});
  REQUIRE(estate.ok());
  REQUIRE(estate->assets.size() == 1);
  const Attributes& loaded = estate->assets[0].attributes;
  CHECK(loaded == asset.attributes);
  CHECK(loaded.capacity() == 2);
}
