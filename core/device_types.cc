#include "core/device_types.h"

#include <cctype>
#include <string>

#include "core/text.h"

namespace samdrift::core {
namespace {

// Per-role defaults, first match wins (so "core-switch" before "switch"). Power is what the
// device itself draws: PDUs, UPSes and power feeds distribute power and count 0 W so that a
// rack's load is not counted twice; things outside racks (access points) take 0 U.
constexpr RoleDefault kRoleDefaults[] = {
    {"power-feed", 0, 0},
    {"power-panel", 0, 0},
    {"pdu", 1, 0},
    {"ups", 2, 0},
    {"patch-panel", 1, 0},
    {"cable-manager", 1, 0},
    {"cable-management", 1, 0},
    {"console-server", 1, 30},
    {"kvm", 1, 20},
    {"access-point", 0, 0},
    {"ap", 0, 0},
    {"core-switch", 2, 400},
    {"san-switch", 1, 150},
    {"switch", 1, 150},
    {"router", 1, 200},
    {"firewall", 1, 250},
    {"load-balancer", 1, 300},
    {"wireless-controller", 1, 150},
    {"blade-chassis", 10, 3000},
    {"chassis", 10, 3000},
    {"enclosure", 10, 3000},
    {"tape-library", 4, 400},
    {"tape", 4, 400},
    {"storage", 2, 600},
    {"san", 2, 600},
    {"nas", 2, 400},
    {"backup", 2, 500},
    {"server", 2, 450},
    {"host", 2, 450},
    {"hypervisor", 2, 450},
    {"vsphere", 2, 450},
    {"esxi", 2, 450},
    {"compute", 2, 450},
};
constexpr RoleDefault kGenericDefault = {"device", 1, 250};

// "Core Switch" / "core_switch" -> "-core-switch-", so entries match whole words only.
std::string Words(std::string_view role) {
  std::string out = "-";
  for (char c : role) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      out += static_cast<char>(std::tolower(u));
    } else if (out.back() != '-') {
      out += '-';
    }
  }
  if (out.back() != '-') out += '-';
  return out;
}

}  // namespace

RoleDefault DefaultFiguresForRole(std::string_view role) {
  const std::string words = Words(role);
  for (const RoleDefault& d : kRoleDefaults) {
    std::string needle = "-" + std::string(d.role_word) + "-";
    if (words.find(needle) != std::string::npos) return d;
  }
  return kGenericDefault;
}

const DeviceType* FindDeviceType(std::string_view vendor, std::string_view product,
                                 const std::vector<DeviceType>& catalog) {
  vendor = Trim(vendor);
  product = Trim(product);
  if (vendor.empty() || product.empty()) return nullptr;
  for (const DeviceType& t : catalog) {
    if (EqualsIgnoreCase(t.manufacturer, vendor) && EqualsIgnoreCase(t.model, product)) return &t;
  }
  for (const DeviceType& t : catalog) {
    if (!t.part_number.empty() && EqualsIgnoreCase(t.manufacturer, vendor) &&
        EqualsIgnoreCase(t.part_number, product)) {
      return &t;
    }
  }
  return nullptr;
}

ResolvedFigures ResolveFigures(Asset& asset, const std::vector<DeviceType>& catalog) {
  ResolvedFigures out;
  if (asset.kind != AssetKind::kDevice) return out;
  out.type = FindDeviceType(asset.vendor, asset.product, catalog);
  const RoleDefault fallback = DefaultFiguresForRole(asset.role);

  if (asset.u_height) {
    out.u_height = FigureSource::kAsset;
  } else if (out.type && out.type->u_height) {
    asset.u_height = out.type->u_height;
    out.u_height = FigureSource::kCatalog;
  } else {
    asset.u_height = fallback.u_height;
    out.u_height = FigureSource::kDefault;
  }

  if (asset.power_w) {
    out.power = FigureSource::kAsset;
  } else if (out.type && (out.type->allocated_draw_w || out.type->max_draw_w)) {
    asset.power_w =
        out.type->allocated_draw_w ? *out.type->allocated_draw_w : *out.type->max_draw_w;
    out.power = FigureSource::kCatalog;
  } else {
    asset.power_w = fallback.power_w;
    out.power = FigureSource::kDefault;
  }

  if (out.u_height == FigureSource::kDefault || out.power == FigureSource::kDefault) {
    asset.estimated = true;
  }
  return out;
}

}  // namespace samdrift::core
