#include "importers/rack_halls.h"

#include <catch2/catch.hpp>

#include "importers/batch_import.h"
#include "importers/netbox_importer.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
using importers::NetboxImporter;
using importers::NetboxType;
using testing::Formatted;

namespace {

core::Asset Rack(const std::string& org, const std::string& site, const std::string& hall,
                 const std::string& name) {
  core::Asset a;
  a.org = org;
  a.kind = core::AssetKind::kRack;
  a.site = site;
  a.hall = hall;
  a.name = name;
  a.provenance = {"test", "racks.csv", 2};
  return a;
}

// Devices naming rack R1 at HQ without a location, as NetBox allows.
core::Batch DevicesWithoutHall(const std::string& org = "gnosjo") {
  core::Batch batch;
  core::Diagnostics diagnostics;
  importers::ImportOptions options;
  options.org = org;
  NetboxImporter(NetboxType::kDevice)
      .Import("name,role,device_type,site,rack,position\nsw-1,switch,X,HQ,R1,4\n", "devices.csv",
              options, batch, diagnostics);
  REQUIRE(Formatted(diagnostics).empty());
  REQUIRE(batch.references.size() == 1);
  REQUIRE(batch.references[0].key == "HQ//R1");
  return batch;
}

}  // namespace

TEST_CASE("a rack named without its location gets the hall of the one rack",
          "[importers][netbox][racks]") {
  core::Batch batch = DevicesWithoutHall();
  batch.assets.push_back(Rack("gnosjo", "HQ", "Hall A", "R1"));
  batch.assets.push_back(Rack("gnosjo", "Branch", "Hall B", "R1"));  // another site
  core::Diagnostics diagnostics;
  importers::CompleteRackHalls(batch, nullptr, diagnostics);
  importers::CheckReferences(batch, nullptr, diagnostics);
  CHECK(Formatted(diagnostics).empty());
  CHECK(batch.assets[0].hall == "Hall A");
  CHECK(batch.references[0].key == "HQ/Hall A/R1");
}

TEST_CASE("a rack name used in two locations of a site is ambiguous",
          "[importers][netbox][racks]") {
  core::Batch batch = DevicesWithoutHall();
  batch.assets.push_back(Rack("gnosjo", "HQ", "Hall A", "R1"));
  batch.assets.push_back(Rack("gnosjo", "HQ", "Hall B", "R1"));
  core::Diagnostics diagnostics;
  importers::CompleteRackHalls(batch, nullptr, diagnostics);
  CHECK(Formatted(diagnostics) ==
        std::vector<std::string>{"devices.csv:2: error[NBX014]: rack 'R1' at site 'HQ' is in "
                                 "several locations ('Hall A', 'Hall B'); name the location"});
  CHECK(batch.assets[0].hall.empty());
}

TEST_CASE("the rack may come from the store, or another org's", "[importers][netbox][racks]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  core::Batch earlier;
  earlier.assets.push_back(Rack("varnamo", "HQ", "Serverhall", "R1"));
  REQUIRE((*store)->Apply(earlier).ok());

  core::Batch batch = DevicesWithoutHall();
  core::Diagnostics diagnostics;
  importers::CompleteRackHalls(batch, store->get(), diagnostics);
  CHECK(batch.assets[0].hall == "Serverhall");
  // The reference is in the device's org: only --org-from tenant looks in any org.
  importers::CheckReferences(batch, store->get(), diagnostics);
  CHECK(Formatted(diagnostics) ==
        std::vector<std::string>{"devices.csv:2:5: error[NBX010]: rack: no rack 'R1' at site "
                                 "'HQ' in this import or the store"});
  core::Diagnostics any_org;
  batch.references[0].scope = core::ReferenceScope::kAnyOrg;
  importers::CheckReferences(batch, store->get(), any_org);
  CHECK(Formatted(any_org).empty());
}
