#include "importers/netbox_rows.h"

#include <cctype>
#include <cmath>
#include <cstdio>

#include "core/text.h"
#include "importers/tenant_org.h"

namespace samdrift::importers {

std::string RoleSlug(std::string_view role) {
  std::string out;
  for (char c : core::Trim(role)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '_' || c == '\t' || c == '/') {
      if (!out.empty() && out.back() != '-') out += '-';
    } else {
      out += static_cast<char>(std::tolower(u));
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string FormatFigure(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string out = buffer;
  while (!out.empty() && out.back() == '0') out.pop_back();
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out == "-0" ? "0" : out;
}

void NetboxRows::Row(const NetboxRecord& r) {
  errors_before_row_ = diagnostics_.error_count();
  switch (table_.type) {
    case NetboxType::kSite:
      return Site(r);
    case NetboxType::kLocation:
      return Location(r);
    case NetboxType::kRack:
      return Rack(r);
    case NetboxType::kDevice:
      return Device(r);
    case NetboxType::kPowerPanel:
      return PowerPanel(r);
    case NetboxType::kPowerFeed:
      return PowerFeed(r);
    case NetboxType::kPowerPort:
      return PowerPort(r);
    case NetboxType::kCable:
      return Cable(r);
    case NetboxType::kCluster:
      return Cluster(r);
    case NetboxType::kVirtualMachine:
      return VirtualMachine(r);
    case NetboxType::kLookup:
    case NetboxType::kVirtualChassis:
    case NetboxType::kInterface:
      return CheckedOnly(r);
  }
}

void NetboxRows::Finish(std::size_t records) {
  if (table_.type == NetboxType::kPowerPort) FinishPowerPorts();
  if (records == 0) return;
  const std::string count = std::to_string(records);
  switch (table_.type) {
    case NetboxType::kLookup:
      diagnostics_.Warning({source_, 1, 0}, "NBX008",
                           count +
                               " NetBox lookup object(s) (regions, groups, tenants, roles, ...) "
                               "read, not stored: the objects that use them carry their names");
      break;
    case NetboxType::kVirtualChassis:
      diagnostics_.Warning({source_, 1, 0}, "NBX008",
                           count +
                               " virtual chassis read, not stored: member devices carry their "
                               "chassis as redundancy group 'vc:NAME' (devices' virtual_chassis)");
      break;
    case NetboxType::kInterface:
      diagnostics_.Warning({source_, 1, 0}, "NBX008",
                           count +
                               " interface(s) read, not stored: connections come from cables, "
                               "addresses from the IPAM import");
      break;
    default:
      break;
  }
}

std::optional<std::string> NetboxRows::Org(const NetboxRecord& r) {
  std::string error;
  auto org = OrgForTenant(r.Get("tenant"), options_, &error);
  if (!org) diagnostics_.Error(r.At("tenant"), "NBX005", "tenant: " + error);
  return org;
}

std::string_view NetboxRows::Required(const NetboxRecord& r, std::string_view column) {
  std::string_view value = r.Get(column);
  if (value.empty()) {
    diagnostics_.Error(
        r.At(column), "NBX001",
        std::string(column) + ": empty; every " + std::string(table_.noun) + " needs one");
  }
  return value;
}

std::optional<double> NetboxRows::Number(const NetboxRecord& r, std::string_view column,
                                         Whole whole, double min, double max) {
  std::string_view cell = r.Get(column);
  if (cell.empty()) return std::nullopt;
  std::optional<double> value;
  if (whole == Whole::kYes) {
    if (auto i = core::ParseInteger(cell)) value = static_cast<double>(*i);
  } else {
    value = core::ParseNumber(cell);
  }
  if (!value) {
    diagnostics_.Error(r.At(column), "NBX002",
                       std::string(column) + ": expected " +
                           (whole == Whole::kYes ? "a whole number" : "a number") + ", got '" +
                           std::string(cell) + "'");
    return std::nullopt;
  }
  if (*value < min || *value > max) {
    diagnostics_.Error(r.At(column), "NBX002",
                       std::string(column) + ": must be " + FormatFigure(min) + " to " +
                           FormatFigure(max) + ", got '" + std::string(cell) + "'");
    return std::nullopt;
  }
  return value;
}

void NetboxRows::Refer(const NetboxRecord& r, std::string_view column, const std::string& org,
                       core::AssetKind kind, std::string key, std::string what,
                       core::ReferenceScope scope) {
  if (options_.org_source == OrgSource::kTenant && scope == core::ReferenceScope::kOrg) {
    what += " of org '" + org + "'";
  }
  core::Reference ref;
  ref.org = org;
  ref.scope = scope;
  ref.kind = kind;
  ref.key = std::move(key);
  ref.where = r.At(column);
  ref.code = "NBX010";
  ref.message = std::string(column) + ": no " + what + " in this import or the store";
  batch_.references.push_back(std::move(ref));
}

core::ReferenceScope NetboxRows::LocationScope() const {
  return options_.org_source == OrgSource::kTenant ? core::ReferenceScope::kAnyOrg
                                                   : core::ReferenceScope::kOrg;
}

void NetboxRows::ReferLocation(const NetboxRecord& r, const core::Asset& a,
                               std::string_view site_column, std::string_view location_column,
                               std::string_view rack_column) {
  // Only the most specific place is checked: a rack's key holds its site and location, so a
  // wrong site shows up as a missing rack, once per row.
  if (a.site.empty()) return;
  const std::string at_site = " at site '" + a.site + "'";
  if (!a.rack.empty()) {
    Refer(r, rack_column, a.org, core::AssetKind::kRack, core::RackKey(a.site, a.hall, a.rack),
          "rack '" + a.rack + "'" + at_site +
              (a.hall.empty() ? std::string() : " in location '" + a.hall + "'"),
          LocationScope());
  } else if (!a.hall.empty()) {
    Refer(r, location_column, a.org, core::AssetKind::kHall, core::HallKey(a.site, a.hall),
          "location '" + a.hall + "'" + at_site, LocationScope());
  } else {
    Refer(r, site_column, a.org, core::AssetKind::kSite, a.site, "site '" + a.site + "'",
          LocationScope());
  }
}

void NetboxRows::KeepOthers(core::Asset& a, const NetboxRecord& r,
                            std::initializer_list<std::string_view> used) {
  r.ForEachOther(used, [&](std::string_view name, std::string_view value) {
    a.SetAttr(name, std::string(value));
  });
  for (const auto& [key, value] : r.custom_fields()) a.SetAttr(key, value);
}

core::Asset NetboxRows::NewAsset(const NetboxRecord& r, const std::string& org,
                                 core::AssetKind kind) {
  core::Asset a;
  a.org = org;
  a.kind = kind;
  a.provenance = {std::string(table_.importer), source_, r.line()};
  return a;
}

core::Relation NetboxRows::NewRelation(const NetboxRecord& r, const std::string& org,
                                       core::RelationKind kind) {
  core::Relation rel;
  rel.org = org;
  rel.kind = kind;
  rel.provenance = {std::string(table_.importer), source_, r.line()};
  return rel;
}

void NetboxRows::Add(core::Asset a, const NetboxRecord& r, std::string_view column) {
  a.category = core::DefaultCategory(a.kind, a.role);
  std::string identity = a.org + '\0' + std::string(core::ToString(a.kind)) + '\0' + a.Key();
  if (std::optional<int> first = seen_.Record(identity, r.line())) {
    diagnostics_.Error(r.At(column), "NBX006",
                       "duplicate " + std::string(table_.noun) + " '" + a.Key() +
                           "': already on line " + std::to_string(*first));
    return;
  }
  batch_.assets.push_back(std::move(a));
}

void NetboxRows::CheckedOnly(const NetboxRecord& r) {
  if (table_.type == NetboxType::kInterface && r.Get("device").empty() &&
      r.Get("virtual_machine").empty()) {
    diagnostics_.Error(r.At("device"), "NBX001",
                       "device: empty; every interface needs a device or virtual_machine");
  }
  Required(r, "name");
}

void NetboxRows::Site(const NetboxRecord& r) {
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kSite);
  a.name = std::string(name);
  KeepOthers(a, r, {"name"});
  Add(std::move(a), r, "name");
}

void NetboxRows::Location(const NetboxRecord& r) {
  std::string_view site = Required(r, "site");
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kHall);
  a.name = std::string(name);
  a.site = std::string(site);
  KeepOthers(a, r, {"name", "site"});
  ReferLocation(r, a, "site", "", "");
  Add(std::move(a), r, "name");
}

void NetboxRows::Rack(const NetboxRecord& r) {
  std::string_view site = Required(r, "site");
  std::string_view name = Required(r, "name");
  auto org = Org(r);
  // NetBox allows racks of 1 to 100 units.
  auto u_height = Number(r, "u_height", Whole::kYes, 1, 100);
  Number(r, "width", Whole::kYes, 1, 100);
  Number(r, "starting_unit", Whole::kYes, 0, 1000);
  if (RowFailed()) return;
  core::Asset a = NewAsset(r, *org, core::AssetKind::kRack);
  a.name = std::string(name);
  a.site = std::string(site);
  a.hall = std::string(r.Get("location"));
  a.role = RoleSlug(r.Get("role"));
  a.serial = std::string(r.Get("serial"));
  KeepOthers(a, r, {"name", "site", "location", "role", "serial", "u_height"});
  if (u_height) a.SetAttr("u_height", FormatFigure(*u_height));
  ReferLocation(r, a, "site", "location", "");
  Add(std::move(a), r, "name");
}

}  // namespace samdrift::importers
