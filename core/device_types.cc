#include "core/device_types.h"

#include <cctype>
#include <string>

#include "core/catalog.h"
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
    {"patchpanel", 1, 0},
    {"cable-manager", 1, 0},
    {"cable-management", 1, 0},
    {"console-server", 1, 30},
    {"konsolserver", 1, 30},
    {"kvm", 1, 20},
    {"access-point", 0, 0},
    {"accesspunkt", 0, 0},
    {"ap", 0, 0},
    {"core-switch", 2, 400},
    {"k\xC3\xA4rnswitch", 2, 400},  // kärnswitch
    {"san-switch", 1, 150},
    {"switch", 1, 150},
    {"accesswitch", 1, 150},
    {"accessswitch", 1, 150},
    {"distributionsswitch", 1, 150},
    {"router", 1, 200},
    {"firewall", 1, 250},
    {"brandv\xC3\xA4gg", 1, 250},  // brandvägg
    {"load-balancer", 1, 300},
    {"lastbalanserare", 1, 300},
    {"wireless-controller", 1, 150},
    {"blade-chassis", 10, 3000},
    {"chassis", 10, 3000},
    {"enclosure", 10, 3000},
    {"tape-library", 4, 400},
    {"bandbibliotek", 4, 400},
    {"tape", 4, 400},
    {"storage", 2, 600},
    {"lagring", 2, 600},
    {"san", 2, 600},
    {"nas", 2, 400},
    {"backup", 2, 500},
    {"server", 2, 450},
    {"servrar", 2, 450},
    {"host", 2, 450},
    {"hypervisor", 2, 450},
    {"virtualiseringsv\xC3\xA4rd", 2, 450},  // virtualiseringsvärd
    {"v\xC3\xA4rd", 2, 450},                 // värd
    {"vsphere", 2, 450},
    {"esxi", 2, 450},
    {"compute", 2, 450},
};
constexpr RoleDefault kGenericDefault = {"device", 1, 250};

// "Core Switch" / "core_switch" -> "-core-switch-", so entries match whole words only. Bytes of
// UTF-8 sequences are word characters; Å, Ä, Ö (and the other Latin-1 capitals) are lowered.
std::string Words(std::string_view role) {
  std::string out = "-";
  for (std::size_t i = 0; i < role.size(); ++i) {
    unsigned char u = static_cast<unsigned char>(role[i]);
    if (u == 0xC3 && i + 1 < role.size()) {
      unsigned char next = static_cast<unsigned char>(role[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next += 0x20;
      out += static_cast<char>(u);
      out += static_cast<char>(next);
      ++i;
    } else if (u >= 0x80 || std::isalnum(u)) {
      out += static_cast<char>(u >= 0x80 ? u : std::tolower(u));
    } else if (out.back() != '-') {
      out += '-';
    }
  }
  if (out.back() != '-') out += '-';
  return out;
}

// Spellings of one manufacturer, as NormaliseVendor leaves them (lowercase, company words such as
// Inc., Systems, Technologies dropped), and the name they stand for. The device-type library
// files its models under one name (HPE, Dell, Cisco) while inventories write the company's
// other names; HP and HPE share the ProLiant line, so they are one manufacturer here (the model
// still has to match).
struct VendorAlias {
  std::string_view spelling;
  std::string_view vendor;
};
constexpr VendorAlias kVendorAliases[] = {
    {"hpe", "hpe"},
    {"hewlett packard enterprise", "hpe"},
    {"hewlett packard enterprise company", "hpe"},
    {"hp enterprise", "hpe"},
    {"hp", "hpe"},
    {"hewlett packard", "hpe"},
    {"hp inc", "hpe"},
    {"dell", "dell"},
    {"dell emc", "dell"},
    {"emc", "dell"},
    {"dell products", "dell"},
    {"dell computer", "dell"},
    {"cisco", "cisco"},
    {"ciscosystems", "cisco"},
    {"lenovo", "lenovo"},
    {"lenovo group", "lenovo"},
    {"juniper", "juniper"},
    {"juniper networks", "juniper"},
    {"fortinet", "fortinet"},
    {"palo alto networks", "paloalto"},
    {"palo alto", "paloalto"},
    {"paloalto", "paloalto"},
    {"paloalto networks", "paloalto"},
    {"netapp", "netapp"},
    {"network appliance", "netapp"},
    {"pure storage", "pure"},
    {"purestorage", "pure"},
    {"supermicro", "supermicro"},
    {"super micro", "supermicro"},
    {"super micro computer", "supermicro"},
};

}  // namespace

std::string ManufacturerKey(std::string_view vendor) {
  std::string normal = NormaliseVendor(vendor);
  for (const VendorAlias& alias : kVendorAliases) {
    if (alias.spelling == normal) return std::string(alias.vendor);
  }
  return normal;
}

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
  // The manufacturer as written first (cheap), then by its normalised name: the model must
  // match before the names are normalised, so a miss costs no normalisation per entry.
  std::string key;
  auto same_vendor = [&](const DeviceType& t, bool exact) {
    if (exact) return EqualsIgnoreCase(t.manufacturer, vendor);
    if (key.empty()) key = ManufacturerKey(vendor);
    return !key.empty() && ManufacturerKey(t.manufacturer) == key;
  };
  for (bool exact : {true, false}) {
    for (const DeviceType& t : catalog) {
      if (EqualsIgnoreCase(t.model, product) && same_vendor(t, exact)) return &t;
    }
    for (const DeviceType& t : catalog) {
      if (!t.part_number.empty() && EqualsIgnoreCase(t.part_number, product) &&
          same_vendor(t, exact)) {
        return &t;
      }
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
