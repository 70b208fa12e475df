#include "importers/netbox_columns.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace samdrift::importers {
namespace {

constexpr NetboxType kOrder[] = {
    NetboxType::kSite,      NetboxType::kLocation,       NetboxType::kRack,
    NetboxType::kDevice,    NetboxType::kVirtualChassis, NetboxType::kInterface,
    NetboxType::kCable,     NetboxType::kPowerPanel,     NetboxType::kPowerFeed,
    NetboxType::kPowerPort, NetboxType::kCluster,        NetboxType::kVirtualMachine,
    NetboxType::kLookup,
};

std::map<NetboxType, NetboxTable> BuildTables() {
  std::map<NetboxType, NetboxTable> t;
  t[NetboxType::kLookup] = {
      NetboxType::kLookup,
      "netbox-lookups",
      "object",
      "NetBox lookup tables: regions, site and tenant groups, tenants, manufacturers, device and "
      "rack roles, platforms, cluster types and groups (name, slug, parent, ...; CSV/JSON/YAML)",
      "nothing: checked, then skipped with a warning (the rows that use them carry the names; a "
      "site keeps its region and group as attributes)",
      {{"id"},
       {"name"},
       {"slug"},
       {"parent"},
       {"group"},
       {"description"},
       {"comments"},
       {"tags"},
       {"color"},
       {"vm_role"},
       {"manufacturer"},
       {"config_template"},
       {"napalm_driver"},
       {"napalm_args"},
       {"owner"}},
      {"name"},
      {"name", "slug"},
      {},
      10,
      70};
  t[NetboxType::kSite] = {
      NetboxType::kSite,
      "netbox-sites",
      "site",
      "NetBox sites (name, slug, status, region, group, tenant, facility, ...; CSV/JSON/YAML)",
      "site assets; region, group, facility, status, address, tenant and cf_* as attributes",
      {{"id"},
       {"name"},
       {"slug"},
       {"status"},
       {"region"},
       {"group"},
       {"tenant"},
       {"facility"},
       {"time_zone"},
       {"description"},
       {"physical_address"},
       {"shipping_address"},
       {"latitude"},
       {"longitude"},
       {"owner"},
       {"comments"},
       {"tags"},
       {"asn"},
       {"contact_name"},
       {"contact_phone"},
       {"contact_email"}},
      {"name"},
      {"name"},
      {"status", "region", "facility", "time_zone", "physical_address", "shipping_address",
       "latitude", "longitude", "tenant", "asn"}};
  t[NetboxType::kSite].sniff_none = {"site"};
  t[NetboxType::kLocation] = {
      NetboxType::kLocation,
      "netbox-locations",
      "location",
      "NetBox locations (site, parent, name, slug, status, tenant, ...; CSV/JSON/YAML)",
      "hall assets (a location is a server room) at their site; parent, status, tenant as "
      "attributes",
      {{"id"},
       {"site"},
       {"parent"},
       {"name"},
       {"slug"},
       {"status"},
       {"tenant"},
       {"facility"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"site", "name"},
      {"site", "name"},
      {"slug", "parent", "status", "tenant", "facility"}};
  t[NetboxType::kRack] = {
      NetboxType::kRack,
      "netbox-racks",
      "rack",
      "NetBox racks (site, location, name, status, role, form_factor or pre-3.6 type, width, "
      "u_height, ...; CSV/JSON/YAML)",
      "rack assets in site + hall (location); u_height, width, form_factor, status as attributes",
      {{"id"},
       {"site"},
       {"location"},
       {"group"},
       {"name"},
       {"facility_id"},
       {"tenant"},
       {"status"},
       {"role"},
       {"rack_type"},
       {"form_factor", {"type"}},
       {"serial"},
       {"asset_tag"},
       {"width"},
       {"u_height"},
       {"starting_unit"},
       {"desc_units"},
       {"outer_width"},
       {"outer_height"},
       {"outer_depth"},
       {"outer_unit"},
       {"mounting_depth"},
       {"airflow"},
       {"weight"},
       {"max_weight"},
       {"weight_unit"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"site", "name"},
      {"site", "name"},
      {"facility_id", "status", "role", "rack_type", "form_factor", "type", "serial", "asset_tag",
       "width", "u_height", "starting_unit", "desc_units", "outer_width", "outer_height",
       "outer_depth", "mounting_depth", "tenant", "group"}};
  t[NetboxType::kDevice] = {
      NetboxType::kDevice,
      "netbox-devices",
      "device",
      "NetBox devices (name, role or pre-3.6 device_role, manufacturer, device_type, site, "
      "location, rack, position, ...; CSV/JSON/YAML)",
      "device assets (manufacturer -> vendor, device_type -> product, rack position); cluster -> "
      "member_of; virtual_chassis -> redundancy group 'vc:NAME'; parent -> located_in",
      {{"id"},
       {"name"},
       {"role", {"device_role"}},
       {"tenant"},
       {"manufacturer"},
       {"device_type"},
       {"platform"},
       {"serial"},
       {"asset_tag"},
       {"status"},
       {"site"},
       {"location"},
       {"rack"},
       {"position"},
       {"face"},
       {"latitude"},
       {"longitude"},
       {"parent"},
       {"device_bay"},
       {"airflow"},
       {"virtual_chassis"},
       {"vc_position"},
       {"vc_priority"},
       {"cluster"},
       {"description"},
       {"config_template"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"role", "device_type", "site"},
      {},
      {"device_type", "device_role", "face", "vc_position", "vc_priority", "device_bay",
       "virtual_chassis"}};
  t[NetboxType::kVirtualChassis] = {
      NetboxType::kVirtualChassis,
      "netbox-virtual-chassis",
      "virtual chassis",
      "NetBox virtual chassis (name, domain, master, ...; CSV/JSON/YAML)",
      "nothing: checked, then skipped with a warning (members carry the chassis as their "
      "redundancy group 'vc:NAME' from the devices' virtual_chassis column)",
      {{"id"},
       {"name"},
       {"domain"},
       {"master"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"name"},
      {"name"},
      {"domain", "master"}};
  t[NetboxType::kInterface] = {
      NetboxType::kInterface,
      "netbox-interfaces",
      "interface",
      "NetBox device and VM interfaces (device or virtual_machine, name, type, speed, mac, ...; "
      "CSV/JSON/YAML)",
      "nothing: checked, then skipped with a warning (connections come from cables, addresses "
      "from the IPAM import)",
      {{"id"},
       {"device"},
       {"virtual_machine"},
       {"module"},
       {"name"},
       {"label"},
       {"parent"},
       {"bridge"},
       {"lag"},
       {"type"},
       {"speed"},
       {"duplex"},
       {"enabled"},
       {"mark_connected"},
       {"mac_address"},
       {"wwn"},
       {"vdcs"},
       {"mtu"},
       {"mgmt_only"},
       {"description"},
       {"poe_mode"},
       {"poe_type"},
       {"mode"},
       {"vlan_group"},
       {"untagged_vlan"},
       {"tagged_vlans"},
       {"qinq_svlan"},
       {"vrf"},
       {"rf_role"},
       {"rf_channel"},
       {"rf_channel_frequency"},
       {"rf_channel_width"},
       {"tx_power"},
       {"owner"},
       {"tags"}},
      {"name"},
      {"name"},
      {"mgmt_only", "mtu", "lag", "speed", "duplex", "mac_address", "enabled", "mode", "wwn",
       "poe_mode", "untagged_vlan", "tagged_vlans", "bridge", "mark_connected", "virtual_machine",
       "label"}};
  t[NetboxType::kCable] = {
      NetboxType::kCable,
      "netbox-cables",
      "cable",
      "NetBox cables (side_a_device, side_a_type, side_a_name, side_b_*, type, status, ...; "
      "dcim.interface style or the older bare type names; CSV/JSON/YAML)",
      "connected_to between devices with ports (console cables: ports 'console:NAME'); power "
      "cables -> powered_by the outlet's device or the power feed",
      {{"id"},
       {"side_a_site"},
       {"side_a_device"},
       {"side_a_power_panel"},
       {"side_a_type"},
       {"side_a_name"},
       {"side_b_site"},
       {"side_b_device"},
       {"side_b_power_panel"},
       {"side_b_type"},
       {"side_b_name"},
       {"type"},
       {"status"},
       {"profile"},
       {"tenant"},
       {"bundle"},
       {"label"},
       {"color"},
       {"length"},
       {"length_unit"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"side_a_type", "side_a_name", "side_b_type", "side_b_name"},
      {},
      {"side_a_type", "side_b_type", "side_a_device", "side_b_device"}};
  t[NetboxType::kPowerPanel] = {NetboxType::kPowerPanel,
                                "netbox-power-panels",
                                "power panel",
                                "NetBox power panels (site, location, name, ...; CSV/JSON/YAML)",
                                "device assets of role power-panel at site + hall (0 U, 0 W)",
                                {{"id"},
                                 {"site"},
                                 {"location"},
                                 {"name"},
                                 {"description"},
                                 {"owner"},
                                 {"comments"},
                                 {"tags"}},
                                {"site", "name"},
                                {"site", "name"},
                                {},
                                10,
                                75};
  t[NetboxType::kPowerFeed] = {
      NetboxType::kPowerFeed,
      "netbox-power-feeds",
      "power feed",
      "NetBox power feeds (site, power_panel, location, rack, name, supply, phase, voltage, "
      "amperage, max_utilization, ...; CSV/JSON/YAML)",
      "device assets 'PANEL/FEED' of role power-feed in their rack, powered_by the panel; "
      "available_kw = V x A x (sqrt 3 if three-phase) x max_utilization",
      {{"id"},
       {"site"},
       {"power_panel"},
       {"location"},
       {"rack"},
       {"name"},
       {"status"},
       {"type"},
       {"mark_connected"},
       {"supply"},
       {"phase"},
       {"voltage"},
       {"amperage"},
       {"max_utilization"},
       {"tenant"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"site", "power_panel", "name"},
      {"name"},
      {"power_panel", "supply", "phase", "voltage", "amperage", "max_utilization"}};
  t[NetboxType::kPowerPort] = {
      NetboxType::kPowerPort,
      "netbox-power-ports",
      "power port",
      "NetBox power ports (device, name, type, maximum_draw, allocated_draw, ...; CSV/JSON/YAML)",
      "the device's power_w (an update of a device that must exist): allocated draw summed over "
      "its ports, a port's maximum draw where it states no allocation",
      {{"id"},
       {"device"},
       {"module"},
       {"name"},
       {"label"},
       {"type"},
       {"mark_connected"},
       {"maximum_draw"},
       {"allocated_draw"},
       {"description"},
       {"owner"},
       {"tags"}},
      {"device", "name"},
      {"device", "name"},
      {"maximum_draw", "allocated_draw"}};
  t[NetboxType::kCluster] = {
      NetboxType::kCluster,
      "netbox-clusters",
      "cluster",
      "NetBox clusters (name, type, group, status, scope_type/scope_name or pre-4.2 site, ...; "
      "CSV/JSON/YAML)",
      "cluster assets; type (e.g. 'VMware vSphere') -> vendor + product; site from the scope",
      {{"id"},
       {"name"},
       {"type"},
       {"group"},
       {"status"},
       {"scope_type"},
       {"scope_name"},
       {"scope_id"},
       {"site"},
       {"tenant"},
       {"description"},
       {"owner"},
       {"comments"},
       {"tags"}},
      {"name", "type"},
      {"name", "type"},
      {},
      // One above racks: a pre-4.2 cluster header (name, type, group, site, status) is also a
      // complete pre-3.6 rack header; a real rack export adds u_height, width or location, which
      // clusters do not know, and then the rack scores higher.
      11};
  t[NetboxType::kVirtualMachine] = {
      NetboxType::kVirtualMachine,
      "netbox-virtual-machines",
      "virtual machine",
      "NetBox virtual machines (name, role, status, site, cluster, device, platform, vcpus, "
      "memory, disk, ...; CSV/JSON/YAML)",
      "vm assets runs_on their cluster and/or host device; platform -> the OS as vendor/product/"
      "version; vcpus, memory_mb, disk as attributes",
      {{"id"},       {"name"},           {"virtual_machine_type"},
       {"role"},     {"status"},         {"start_on_boot"},
       {"site"},     {"cluster"},        {"device"},
       {"platform"}, {"vcpus"},          {"memory"},
       {"disk"},     {"description"},    {"serial"},
       {"tenant"},   {"owner"},          {"comments"},
       {"tags"},     {"config_template"}},
      {"name"},
      {"name"},
      {"vcpus", "memory", "disk", "virtual_machine_type", "start_on_boot", "cluster", "device"}};
  return t;
}

const std::map<NetboxType, NetboxTable>& Tables() {
  static const std::map<NetboxType, NetboxTable> kTables = BuildTables();
  return kTables;
}

bool Known(const NetboxTable& table, std::string_view key) {
  if (IsCustomFieldColumn(key)) return true;
  return std::any_of(table.columns.begin(), table.columns.end(),
                     [&](const ColumnSpec& c) { return HeaderMatches(key, c); });
}

bool HasColumn(const std::vector<std::string>& keys, std::string_view name) {
  return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
    return core::EqualsIgnoreCase(core::Trim(k), name);
  });
}

}  // namespace

std::span<const NetboxType> AllNetboxTypes() { return kOrder; }

const NetboxTable& NetboxTableOf(NetboxType type) { return Tables().at(type); }

bool IsCustomFieldColumn(std::string_view header) {
  header = core::Trim(header);
  return header.size() > 3 && core::EqualsIgnoreCase(header.substr(0, 3), "cf_");
}

// Columns only NetBox's IPAM objects have (prefixes, IP addresses and ranges, VLANs, VRFs,
// route targets, FHRP groups).
constexpr std::string_view kIpamColumns[] = {"prefix",
                                             "address",
                                             "vid",
                                             "rd",
                                             "start_address",
                                             "end_address",
                                             "is_pool",
                                             "dns_name",
                                             "enforce_unique",
                                             "import_targets",
                                             "export_targets",
                                             "mark_utilized",
                                             "min_vid",
                                             "max_vid",
                                             "qinq_role",
                                             "fhrp_group",
                                             "is_primary",
                                             "assigned_object_type",
                                             "protocol",
                                             "auth_type"};

int NetboxScore(const NetboxTable& table, const std::vector<std::string>& keys) {
  if (keys.empty()) return 0;
  for (std::string_view column : kIpamColumns) {
    if (HasColumn(keys, column)) return 0;
  }
  for (std::string_view column : table.sniff_none) {
    if (HasColumn(keys, column)) return 0;
  }
  for (std::string_view column : table.sniff_all) {
    if (!HasColumn(keys, column)) return 0;
  }
  if (!table.sniff_any.empty() &&
      std::none_of(table.sniff_any.begin(), table.sniff_any.end(),
                   [&](std::string_view column) { return HasColumn(keys, column); })) {
    return 0;
  }
  std::size_t known = 0;
  for (const std::string& key : keys) {
    if (Known(table, key)) ++known;
  }
  return table.score_base + static_cast<int>(table.score_span * known / keys.size());
}

}  // namespace samdrift::importers
