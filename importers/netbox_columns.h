// The NetBox object types samdrift imports and their columns, exactly as NetBox's bulk-import
// forms name them (dcim/forms/bulk_import.py, virtualization/forms/bulk_import.py), plus the
// names older NetBox versions used (device_role before 3.6, rack `type` before form_factor).
// The same names are the keys of NetBox's JSON and YAML import.
#ifndef SAMDRIFT_IMPORTERS_NETBOX_COLUMNS_H_
#define SAMDRIFT_IMPORTERS_NETBOX_COLUMNS_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "importers/csv_reader.h"

namespace samdrift::importers {

enum class NetboxType : std::uint8_t {
  kLookup,  // regions, site groups, tenants, manufacturers, roles, platforms, ...
  kSite,
  kLocation,
  kRack,
  kDevice,
  kVirtualChassis,
  kInterface,
  kCable,
  kPowerPanel,
  kPowerFeed,
  kPowerPort,
  kCluster,
  kVirtualMachine,
};

struct NetboxTable {
  NetboxType type;
  std::string_view importer;  // Importer::Name(), e.g. "netbox-racks"
  std::string_view noun;      // "rack", for messages
  std::string_view reads;
  std::string_view produces;
  std::vector<ColumnSpec> columns;
  std::vector<std::string_view> required;   // a CSV header without one of these is an error
  std::vector<std::string_view> sniff_all;  // content is this type only if all of these are there
  std::vector<std::string_view> sniff_any;  // ... and one of these (when any are listed)
  int score_base = 10;                      // sniff score = base + span * known / keys
  int score_span = 85;
  std::vector<std::string_view> sniff_none = {};  // ... and none of these
};

// Every type, in detection tie-break order.
std::span<const NetboxType> AllNetboxTypes();
const NetboxTable& NetboxTableOf(NetboxType type);

// Custom-field columns (`cf_owner`) are accepted on every type and kept as attributes.
bool IsCustomFieldColumn(std::string_view header);

// How well `keys` (a CSV header or a JSON/YAML object's keys) fit `table`: 0 when the sniff
// columns say it is another type (IPAM objects, prefixes, addresses, VLANs and VRFs, are never
// claimed: they belong to netbox-ipam-csv), else 10..95 by the share of keys the table knows.
int NetboxScore(const NetboxTable& table, const std::vector<std::string>& keys);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NETBOX_COLUMNS_H_
