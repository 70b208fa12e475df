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
