#include "importers/device_type_yaml.h"

#include <catch2/catch.hpp>

#include "core/device_types.h"
#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::DeviceTypeYamlImporter;
using testing::ReadFixture;
using testing::RunImporter;

namespace {
const std::string kReal = std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/netbox/";
const std::string kFixtures = std::string(SAMDRIFT_TEST_DATA) + "/netbox/";
}  // namespace

TEST_CASE("every device and module type of the real library imports",
          "[importers][device-type][real]") {
  struct Case {
    const char* file;
    const char* manufacturer;
    const char* model;
    const char* part_number;
    std::optional<int> u;
    bool full_depth;
    std::optional<double> max_w;
  };
  const Case cases[] = {
      {"dtl__device-types__APC__AP7921B.yaml", "APC", "AP7921B", "AP7921B", 1, false,
       std::nullopt},  // power ports without maximum_draw: no draw
      {"dtl__device-types__HPE__Aruba-2530-8G.yaml", "HPE", "Aruba 2530-8G", "J9777A", 1, false,
       19},
      {"dtl__device-types__HPE__ProLiant-DL380-Gen10.yaml", "HPE", "ProLiant DL380 Gen10",
       "P19717-B21", 2, true, std::nullopt},  // PSUs are module bays
      {"dtl__module-types__HPE__865408-B21.yaml", "HPE", "HPE PSU 500W Flex Slot Power Supply",
       "865408-B21", std::nullopt, true, 500},
      {"z2h__3-adding-the-kit__yaml_data__ACS16.yaml", "Avocent", "ACS16", "", 1, false, 35},
      {"z2h__3-adding-the-kit__yaml_data__CPP48HDEWBL.yaml", "Panduit",
       "Mini-Com High Density Patch Panel (48 Port, 1RU)", "CPP48HDEWBL", 1, false, std::nullopt},
      {"z2h__3-adding-the-kit__yaml_data__EX4300-48P.yaml", "Juniper", "EX4300-48P", "", 1, true,
       1100},  // two 1100 W supplies
      {"z2h__3-adding-the-kit__yaml_data__ISR4321.yaml", "Cisco", "ISR4321", "ISR4321/K9", 1, true,
       125},
      {"z2h__3-adding-the-kit__yaml_data__Meraki-MR56.yaml", "Cisco", "MR56", "", 0, false,
       std::nullopt},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string content = ReadFixture(kReal + c.file);
    REQUIRE_FALSE(content.empty());
    const importers::Importer* detected = importers::DetectImporter(content);
    REQUIRE(detected);
    CHECK(detected->Name() == "netbox-device-type");
    auto r = RunImporter(DeviceTypeYamlImporter(), content, c.file);
    CHECK(r.lines().empty());
    CHECK(r.batch.assets.empty());  // a catalog, not an org's things
    REQUIRE(r.batch.device_types.size() == 1);
    const core::DeviceType& t = r.batch.device_types[0];
    CHECK(t.manufacturer == c.manufacturer);
    CHECK(t.model == c.model);
    CHECK(t.part_number == c.part_number);
    CHECK(t.u_height == c.u);
    CHECK(t.full_depth == c.full_depth);
    CHECK(t.max_draw_w == c.max_w);
    CHECK_FALSE(t.allocated_draw_w);
    CHECK(t.provenance.importer == "netbox-device-type");
  }
}

TEST_CASE("device types: allocated draws summed, one supply's maximum, half units rounded up",
          "[importers][device-type]") {
  auto r = RunImporter(DeviceTypeYamlImporter(),
                       "manufacturer: Dell\nmodel: PowerEdge R650\nu_height: 1.5\n"
                       "is_full_depth: true\npower-ports:\n"
                       "  - name: PSU1\n    maximum_draw: 1100\n    allocated_draw: 350\n"
                       "  - name: PSU2\n    maximum_draw: 1100\n    allocated_draw: 350\n"
                       "  - name: Aux\n",
                       "r650.yaml");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.device_types.size() == 1);
  const core::DeviceType& t = r.batch.device_types[0];
  CHECK(t.u_height == 2);
  CHECK(t.max_draw_w == 1100.0);
  CHECK(t.allocated_draw_w == 700.0);
  // The catalog applied: a device of this model gets the allocated draw.
  core::Asset device;
  device.kind = core::AssetKind::kDevice;
  device.vendor = "DELL";
  device.product = "poweredge r650";
  core::ResolveFigures(device, r.batch.device_types);
  CHECK(device.u_height == 2);
  CHECK(device.power_w == 700.0);
  CHECK_FALSE(device.estimated);
}

TEST_CASE("redundant power supplies are not added up", "[importers][device-type]") {
  // Two 750 W supplies, no allocated draw: the device draws at most what one supply gives.
  const std::string file = "device-type-redundant-psus.yaml";
  auto r = RunImporter(DeviceTypeYamlImporter(), ReadFixture(kFixtures + file), file);
  CHECK(r.lines().empty());
  REQUIRE(r.batch.device_types.size() == 1);
  const core::DeviceType& t = r.batch.device_types[0];
  CHECK(t.max_draw_w == 750.0);
  CHECK_FALSE(t.allocated_draw_w);
  core::Asset device;
  device.kind = core::AssetKind::kDevice;
  device.vendor = "Dell Inc.";
  device.product = "PowerEdge R630";
  core::ResolveFigures(device, r.batch.device_types);
  CHECK(device.power_w == 750.0);
  CHECK_FALSE(device.estimated);
}

TEST_CASE("device-type defects give located diagnostics", "[importers][device-type]") {
  struct Case {
    const char* file;
    std::vector<std::string> expected;
    std::size_t types;
  };
  const Case cases[] = {
      {"device-type-bad-u-height.yaml",
       {"device-type-bad-u-height.yaml:3:11: error[DTL006]: u_height: expected a number from 0 "
        "to 100, got 'two'"},
       0},
      {"device-type-missing-model.yaml",
       {"device-type-missing-model.yaml:1:1: error[DTL003]: model: missing; every device or "
        "module type needs one"},
       0},
      {"device-type-bad-draw.yaml",
       {"device-type-bad-draw.yaml:8:19: error[DTL006]: power port 'PSU1' maximum_draw: expected "
        "a number from 0 to 100000, got '1100W'"},
       0},
      {"device-type-unknown-key.yaml",
       {"device-type-unknown-key.yaml:4:1: warning[DTL004]: unknown key 'u_heigth'; did you mean "
        "'u_height'? (ignored)"},
       1},
      {"rack-type.yaml",
       {"rack-type.yaml:1:1: warning[DTL005]: a rack type (it has 'form_factor'), not a device "
        "or module type: skipped"},
       0},
      {"device-type-syntax-error.yaml",
       {"device-type-syntax-error.yaml:4:1: error[DTL001]: YAML: end of map flow not found"},
       0},
      // Found by fuzz_netbox_device_type: yaml-cpp's LoadAll looped forever on a ',' outside a
      // flow collection (importers/yaml_support.h).
      {"device-type-stray-comma.yaml",
       {"device-type-stray-comma.yaml:7:1: error[DTL001]: YAML: unexpected ',' outside a flow "
        "collection ([...] or {...})"},
       0},
      {"../fuzz/device-type-stray-comma-hang.yaml",
       {"../fuzz/device-type-stray-comma-hang.yaml:1:1: error[DTL001]: YAML: unexpected ',' "
        "outside a flow collection ([...] or {...})"},
       0},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = RunImporter(DeviceTypeYamlImporter(), ReadFixture(kFixtures + c.file), c.file);
    CHECK(r.lines() == c.expected);
    CHECK(r.batch.device_types.size() == c.types);
  }
}
