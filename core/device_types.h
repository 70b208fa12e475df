// The device-type catalog applied to assets: a device whose U height or power is not known takes
// it from its model's catalog entry (manufacturer + model), else from a per-role default, in
// which case the asset is flagged as estimated. Pure functions over values; the store keeps the
// facts as imported, planners call this when they read the estate.
#ifndef SAMDRIFT_CORE_DEVICE_TYPES_H_
#define SAMDRIFT_CORE_DEVICE_TYPES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace samdrift::core {

// Where a figure of a resolved asset came from.
enum class FigureSource : std::uint8_t {
  kAsset,    // the asset already had it (a fact from its source)
  kCatalog,  // the device type of its manufacturer + model
  kDefault,  // the per-role default (an estimate)
  kNone,     // not a rack-mounted kind: nothing to resolve
};

struct ResolvedFigures {
  FigureSource u_height = FigureSource::kNone;
  FigureSource power = FigureSource::kNone;
  const DeviceType* type = nullptr;  // the catalog entry used, into `catalog`; null when none
};

// The default figures for a device role, e.g. a server 2 U and 450 W. Roles are matched by the
// words they contain ("core-switch", "Access Switch", "vsphere-host"); unknown roles get the
// generic device default (1 U, 250 W).
struct RoleDefault {
  std::string_view role_word;
  int u_height;
  double power_w;
};
RoleDefault DefaultFiguresForRole(std::string_view role);

// The manufacturer as device types are matched: NormaliseVendor (core/catalog.h: lowercase,
// company words dropped), then an alias table of the common vendors' other names, so that
// "Hewlett Packard Enterprise", "HP" and "HPE" are one key, as are "Dell Inc.", "Dell EMC" and
// "Dell Technologies", or "Cisco Systems" and "Cisco".
std::string ManufacturerKey(std::string_view vendor);

// The catalog entry of `vendor` + `product`: the model compared case-insensitively (it also
// matches a part number, e.g. "J9777A"), the manufacturer as written or, when no entry matches
// that way, by ManufacturerKey. The first match wins, so a caller that puts the batch's types
// before the store's gets the batch's. nullptr when none matches.
const DeviceType* FindDeviceType(std::string_view vendor, std::string_view product,
                                 const std::vector<DeviceType>& catalog);

// Fills a device's missing u_height and power_w: first from the catalog (power: the allocated
// draw when the type states it, else its maximum draw, as NetBox counts rack power), then from
// DefaultFiguresForRole, setting `estimated` when a default was used. Figures the asset already
// has are kept. Only kind device is resolved; other kinds are returned unchanged (kNone).
ResolvedFigures ResolveFigures(Asset& asset, const std::vector<DeviceType>& catalog);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_DEVICE_TYPES_H_
