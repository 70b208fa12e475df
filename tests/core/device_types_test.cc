#include "core/device_types.h"

#include <catch2/catch.hpp>

using namespace samdrift;
using core::FigureSource;

namespace {

core::DeviceType Type(std::string manufacturer, std::string model, std::optional<int> u,
                      std::optional<double> max_w, std::optional<double> allocated_w = {},
                      std::string part = "") {
  core::DeviceType t;
  t.manufacturer = std::move(manufacturer);
  t.model = std::move(model);
  t.part_number = std::move(part);
  t.u_height = u;
  t.max_draw_w = max_w;
  t.allocated_draw_w = allocated_w;
  return t;
}

core::Asset Device(std::string role, std::string vendor, std::string product) {
  core::Asset a;
  a.kind = core::AssetKind::kDevice;
  a.name = "x";
  a.role = std::move(role);
  a.vendor = std::move(vendor);
  a.product = std::move(product);
  return a;
}

}  // namespace

TEST_CASE("per-role defaults match whole words", "[core][device_types]") {
  struct Case {
    const char* role;
    int u;
    double w;
  };
  const Case cases[] = {
      {"server", 2, 450},
      {"Core Switch", 2, 400},
      {"access-switch", 1, 150},
      {"core_switch", 2, 400},
      {"Router", 1, 200},
      {"PDU", 1, 0},
      {"vSphere", 2, 450},
      {"power-feed", 0, 0},
      {"Patch Panel", 1, 0},
      {"backups", 1, 250},  // not "ups": whole words only
      {"", 1, 250},
      {"Console Server", 1, 30},
      {"storage", 2, 600},
      // Swedish role names as the municipalities write them.
      {"K\xC3\x84rnswitch", 2, 400},
      {"Accesswitch", 1, 150},
      {"Accesspunkt", 0, 0},
      {"Brandv\xC3\xA4gg", 1, 250},
      {"Virtualiseringsv\xC3\xA4rd", 2, 450},
      {"Lagring", 2, 600},
  };
  for (const Case& c : cases) {
    INFO(c.role);
    core::RoleDefault d = core::DefaultFiguresForRole(c.role);
    CHECK(d.u_height == c.u);
    CHECK(d.power_w == c.w);
  }
}

TEST_CASE("ResolveFigures: facts, catalog, defaults", "[core][device_types]") {
  const std::vector<core::DeviceType> catalog = {
      Type("Juniper", "EX4300-48P", 1, 2200),
      Type("HPE", "ProLiant DL380 Gen10", 2, std::nullopt),
      Type("HPE", "Aruba 2530-8G", 1, 19, std::nullopt, "J9777A"),
      Type("APC", "AP7921B", 1, std::nullopt),
      Type("Dell", "R650", 1, 1100, 400),
      Type("juniper", "EX4300-48P", 5, 1),  // a later duplicate: the first wins
  };
  struct Case {
    const char* name;
    core::Asset asset;
    std::optional<int> u;
    std::optional<double> w;
    FigureSource u_source;
    FigureSource w_source;
    bool estimated;
  };
  core::Asset known = Device("server", "HPE", "ProLiant DL380 Gen10");
  known.u_height = 4;
  known.power_w = 321;
  core::Asset vm = Device("", "", "");
  vm.kind = core::AssetKind::kVm;
  const Case cases[] = {
      {"catalog gives both", Device("access-switch", "juniper", "ex4300-48p"), 1, 2200,
       FigureSource::kCatalog, FigureSource::kCatalog, false},
      {"catalog U, default power", Device("server", "HPE", "ProLiant DL380 Gen10"), 2, 450,
       FigureSource::kCatalog, FigureSource::kDefault, true},
      {"part number matches", Device("switch", "HPE", "J9777A"), 1, 19, FigureSource::kCatalog,
       FigureSource::kCatalog, false},
      {"allocated draw before maximum", Device("server", "Dell", "R650"), 1, 400,
       FigureSource::kCatalog, FigureSource::kCatalog, false},
      {"not in the catalog", Device("vSphere", "HPE", "ProLiant DL380 Gen9"), 2, 450,
       FigureSource::kDefault, FigureSource::kDefault, true},
      {"a PDU's own draw is 0", Device("PDU", "APC", "AP7921B"), 1, 0, FigureSource::kCatalog,
       FigureSource::kDefault, true},
      {"facts are kept", known, 4, 321, FigureSource::kAsset, FigureSource::kAsset, false},
      {"other kinds untouched", vm, std::nullopt, std::nullopt, FigureSource::kNone,
       FigureSource::kNone, false},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    core::Asset a = c.asset;
    core::ResolvedFigures r = core::ResolveFigures(a, catalog);
    CHECK(a.u_height == c.u);
    CHECK(a.power_w == c.w);
    CHECK(r.u_height == c.u_source);
    CHECK(r.power == c.w_source);
    CHECK(a.estimated == c.estimated);
  }
}

TEST_CASE("FindDeviceType: first match wins, needs vendor and product", "[core][device_types]") {
  const std::vector<core::DeviceType> catalog = {Type("Cisco", "ISR4321", 1, 125),
                                                 Type("CISCO", "isr4321", 2, 1)};
  const core::DeviceType* t = core::FindDeviceType(" cisco ", "ISR4321", catalog);
  REQUIRE(t);
  CHECK(t == &catalog[0]);
  CHECK_FALSE(core::FindDeviceType("", "ISR4321", catalog));
  CHECK_FALSE(core::FindDeviceType("Cisco", "", catalog));
  CHECK_FALSE(core::FindDeviceType("Juniper", "ISR4321", catalog));
}

TEST_CASE("FindDeviceType: a vendor's other names find its entries", "[core][device_types]") {
  const std::vector<core::DeviceType> catalog = {
      Type("HPE", "ProLiant DL380 Gen10 Plus", 2, 1000, 1000),
      Type("Dell", "PowerEdge R650", 1, 800, 800),
      Type("Cisco", "C9500-24Y4C", 1, 650),
      Type("Juniper Networks", "EX4300-48P", 1, 2200),
      Type("Palo Alto", "PA-3220", 1, 400),
      Type("Supermicro", "SYS-1029P", 1, 500),
      Type("HPE Aruba", "8325-48Y8C", 1, 600),
  };
  struct Case {
    const char* vendor;
    const char* product;
    int entry;  // index into catalog, -1 for none
  };
  const Case cases[] = {
      {"Hewlett Packard Enterprise", "ProLiant DL380 Gen10 Plus", 0},
      {"Hewlett-Packard Enterprise Company", "ProLiant DL380 Gen10 Plus", 0},
      {"HP", "ProLiant DL380 Gen10 Plus", 0},
      {"HPE", "ProLiant DL380 Gen10 Plus", 0},
      {"Dell Inc.", "PowerEdge R650", 1},
      {"Dell EMC", "PowerEdge R650", 1},
      {"Dell Technologies", "PowerEdge R650", 1},
      {"Cisco Systems, Inc.", "C9500-24Y4C", 2},
      {"Juniper", "EX4300-48P", 3},
      {"Palo Alto Networks", "PA-3220", 4},
      {"Super Micro Computer", "SYS-1029P", 5},
      {"HPE Aruba", "8325-48Y8C", 6},
      {"Aruba", "8325-48Y8C", -1},                  // not one of the table's vendors: as written
      {"HPE", "8325-48Y8C", -1},                    // Aruba is not HPE here
      {"Lenovo", "ProLiant DL380 Gen10 Plus", -1},  // the model must match too
      {"Dell", "ProLiant DL380 Gen10 Plus", -1},
  };
  for (const Case& c : cases) {
    INFO(c.vendor << " / " << c.product);
    const core::DeviceType* t = core::FindDeviceType(c.vendor, c.product, catalog);
    if (c.entry < 0) {
      CHECK(t == nullptr);
    } else {
      CHECK(t == &catalog[static_cast<std::size_t>(c.entry)]);
    }
  }
  CHECK(core::ManufacturerKey("Hewlett Packard Enterprise") == core::ManufacturerKey("HP"));
  CHECK(core::ManufacturerKey("Dell Inc.") == core::ManufacturerKey("Dell EMC"));
  CHECK(core::ManufacturerKey("Lenovo Group Ltd") == "lenovo");
}
