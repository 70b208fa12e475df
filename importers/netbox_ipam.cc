#include "importers/netbox_ipam.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "core/first_lines.h"
#include "core/text.h"
#include "importers/csv_reader.h"
#include "importers/file_content.h"
#include "importers/ip_cells.h"

// Diagnostic codes beside the shared CSVnnn and NET001-004/009 (importers/ip_cells.h):
// NET005 a value outside NetBox's choices (status, role, scope_type), NET006 a VLAN or VRF
// declared twice, NET007 not a boolean, NET008 is_primary without a device or virtual machine,
// NET010 a header that is no IPAM object, NET011 a tenant that maps to no org.

namespace samdrift::importers {
namespace {

constexpr std::string_view kName = "netbox-ipam-csv";

enum class Object { kPrefix, kAddress, kVlan, kVrf };

// NetBox's IPAM import forms (netbox/ipam/forms/bulk_import.py), newest and older names; "id"
// is NetBox's update key and is accepted everywhere.
const std::vector<ColumnSpec> kPrefixColumns = {
    {"prefix"},  {"vrf"},           {"tenant"},      {"site"},       {"vlan_group"}, {"vlan_site"},
    {"vlan"},    {"status"},        {"role"},        {"scope_type"}, {"scope_id"},   {"scope_name"},
    {"is_pool"}, {"mark_utilized"}, {"description"}, {"owner"},      {"comments"},   {"tags"},
    {"id"},
};
const std::vector<ColumnSpec> kAddressColumns = {
    {"address"},         {"vrf"},       {"tenant"},     {"status"},     {"role"},   {"device"},
    {"virtual_machine"}, {"interface"}, {"fhrp_group"}, {"is_primary"}, {"is_oob"}, {"dns_name"},
    {"description"},     {"owner"},     {"comments"},   {"tags"},       {"id"},
};
const std::vector<ColumnSpec> kVlanColumns = {
    {"site"},        {"group"},     {"vid"},        {"name"},  {"tenant"},   {"status"}, {"role"},
    {"description"}, {"qinq_role"}, {"qinq_svlan"}, {"owner"}, {"comments"}, {"tags"},   {"id"},
};
const std::vector<ColumnSpec> kVrfColumns = {
    {"name"},           {"rd"},          {"tenant"},
    {"enforce_unique"}, {"description"}, {"import_targets"},
    {"export_targets"}, {"owner"},       {"comments"},
    {"tags"},           {"id"},
};

std::span<const ColumnSpec> ColumnsOf(Object object) {
  switch (object) {
    case Object::kPrefix:
      return kPrefixColumns;
    case Object::kAddress:
      return kAddressColumns;
    case Object::kVlan:
      return kVlanColumns;
    case Object::kVrf:
      return kVrfColumns;
  }
  return {};
}

std::string_view RequiredOf(Object object) {
  switch (object) {
    case Object::kPrefix:
      return "prefix";
    case Object::kAddress:
      return "address";
    case Object::kVlan:
      return "vid";
    case Object::kVrf:
      return "name";
  }
  return "";
}

bool HasHeader(const std::vector<std::string>& header, std::string_view name) {
  return std::any_of(header.begin(), header.end(), [&](const std::string& cell) {
    return core::EqualsIgnoreCase(core::Trim(cell), name);
  });
}

// The object type a header row describes, from the column only that type has.
std::optional<Object> ObjectOf(const std::vector<std::string>& header) {
  if (HasHeader(header, "prefix")) return Object::kPrefix;
  if (HasHeader(header, "address")) return Object::kAddress;
  if (HasHeader(header, "vid")) return Object::kVlan;
  if (HasHeader(header, "rd") || HasHeader(header, "enforce_unique") ||
      HasHeader(header, "import_targets") || HasHeader(header, "export_targets")) {
    return Object::kVrf;
  }
  return std::nullopt;
}

// Columns that only NetBox's forms have (samdrift's networks.csv has none of them).
bool HasNetboxOnlyColumn(const std::vector<std::string>& header, Object object) {
  static constexpr std::string_view kTelling[] = {
      "status",         "tenant", "vlan_group",      "scope_type", "is_pool", "mark_utilized",
      "dns_name",       "device", "virtual_machine", "is_primary", "group",   "rd",
      "enforce_unique", "tags"};
  if (object == Object::kVlan || object == Object::kVrf) return true;  // vid / rd are telling
  return std::any_of(std::begin(kTelling), std::end(kTelling),
                     [&](std::string_view name) { return HasHeader(header, name); });
}

// NetBox custom fields arrive as "cf_<name>" columns; they are kept as attributes.
bool IsCustomField(std::string_view header) {
  std::string lower = core::ToLowerAscii(core::Trim(header));
  return lower.size() > 3 && lower.rfind("cf_", 0) == 0;
}

std::optional<bool> ParseBool(std::string_view text) {
  std::string w = core::ToLowerAscii(core::Trim(text));
  if (w == "true" || w == "yes" || w == "1" || w == "ja") return true;
  if (w == "false" || w == "no" || w == "0" || w == "nej") return false;
  return std::nullopt;
}

// "Gnosjö kommun" -> "gnosjo": ASCII-folded, lowercase, without the word "kommun".
std::string OrgIdFromTenant(std::string_view tenant) {
  std::string folded;
  std::string_view t = core::Trim(tenant);
  for (std::size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == 0xC3 && i + 1 < t.size()) {
      unsigned char d = static_cast<unsigned char>(t[i + 1]) | 0x20;  // lower case
      char ascii = d == 0xA5 || d == 0xA4 || d == 0xA0 || d == 0xA1 ? 'a'
                   : d == 0xB6 || d == 0xB8 || d == 0xB3            ? 'o'
                   : d == 0xA9 || d == 0xA8                         ? 'e'
                   : d == 0xBC                                      ? 'u'
                                                                    : '\0';
      if (ascii) {
        folded += ascii;
        ++i;
        continue;
      }
    }
    folded += static_cast<char>(c);
  }
  folded = core::ToLowerAscii(folded);
  for (std::string_view suffix : {" kommun", "s kommun"}) {
    if (folded.size() > suffix.size() &&
        folded.compare(folded.size() - suffix.size(), suffix.size(), suffix) == 0) {
      folded.resize(folded.size() - suffix.size());
      break;
    }
  }
  std::replace(folded.begin(), folded.end(), ' ', '-');
  return folded;
}

class Reader {
 public:
  Reader(const std::string& source, const ImportOptions& options, core::Batch& batch,
         core::Diagnostics& diagnostics)
      : source_(source), options_(options), batch_(batch), diagnostics_(diagnostics) {}

  void Read(std::string_view content) {
    std::string storage;
    const std::string_view text = Utf8Text(content, storage, source_, diagnostics_);
    if (core::Trim(text).empty()) {
      diagnostics_.Error({source_, 1, 0}, "CSV001", "the file is empty");
      return;
    }
    std::optional<HeaderMap> header;
    std::vector<ColumnSpec> columns;
    std::size_t records = 0;
    bool stop = false;
    std::size_t refused = 0;  // records the reader reported and left out (CSV018, CSV019)
    refused = ReadCsv(text, DetectDelimiter(text), source_, diagnostics_, [&](CsvRecord& record) {
      if (!header) {
        auto object = ObjectOf(record.fields);
        if (!object) {
          diagnostics_.Error({source_, record.line, 0}, "NET010",
                             "not a NetBox IPAM import: the header has none of 'prefix', "
                             "'address', 'vid' or 'rd'");
          stop = true;
          return false;
        }
        object_ = *object;
        std::span<const ColumnSpec> known = ColumnsOf(object_);
        columns.assign(known.begin(), known.end());
        for (const std::string& cell : record.fields) {
          if (IsCustomField(cell)) custom_.push_back(core::ToLowerAscii(core::Trim(cell)));
        }
        for (const std::string& cf : custom_) columns.push_back({cf});
        header.emplace(record, columns, source_, diagnostics_);
        std::string_view required = RequiredOf(object_);
        if (!header->Has(required)) {
          diagnostics_.Error({source_, record.line, 0}, "CSV011",
                             std::string("missing column '") + std::string(required) + "'");
          stop = true;
          return false;
        }
        if (object_ == Object::kVlan && !header->Has("name")) {
          diagnostics_.Error({source_, record.line, 0}, "CSV011", "missing column 'name'");
        }
        return true;
      }
      ++records;
      if (record.fields.size() != header->width()) {
        diagnostics_.Error({source_, record.line, 0}, "CSV006",
                           std::string("record has ") + std::to_string(record.fields.size()) +
                               " fields, the header has " + std::to_string(header->width()));
        return true;
      }
      Row(*header, record);
      return true;
    });
    if (header && !stop && records + refused == 0) {
      diagnostics_.Error({source_, 1, 0}, "CSV002", "the file has a header but no records");
    }
  }

 private:
  core::SourceLocation At(const HeaderMap& h, const CsvRecord& r, std::string_view column) const {
    return {source_, r.line, h.Index(column) + 1};
  }

  // The org of a row: its tenant when --org-from tenant and the row has one, else --org.
  std::optional<std::string> Org(const HeaderMap& h, const CsvRecord& r) {
    std::string_view tenant = h.Get(r, "tenant");
    if (options_.org_source != OrgSource::kTenant || tenant.empty()) return options_.org;
    for (const auto& [name, org] : options_.tenant_to_org) {
      if (core::EqualsIgnoreCase(name, tenant)) return org;
    }
    std::string id = OrgIdFromTenant(tenant);
    if (!core::IsValidOrgId(id)) {
      diagnostics_.Error(At(h, r, "tenant"), "NET011",
                         std::string("tenant '") + std::string(tenant) +
                             "' is not an org id; map it with --tenant-map");
      return std::nullopt;
    }
    return id;
  }

  // A NetBox choice (status, role); empty is allowed. Returns false after reporting.
  bool Choice(const HeaderMap& h, const CsvRecord& r, std::string_view column,
              std::span<const std::string_view> allowed, std::string* out) {
    std::string value = core::ToLowerAscii(h.Get(r, column));
    if (value.empty() ||
        std::find(allowed.begin(), allowed.end(), std::string_view(value)) != allowed.end()) {
      *out = value;
      return true;
    }
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    diagnostics_.Error(At(h, r, column), "NET005",
                       std::string("column '") + std::string(column) + "': '" +
                           std::string(h.Get(r, column)) + "' is not one of " + list);
    return false;
  }

  // A boolean column; empty leaves `asset` untouched. Returns false after reporting.
  bool Bool(const HeaderMap& h, const CsvRecord& r, std::string_view column, core::Asset& asset) {
    std::string_view cell = h.Get(r, column);
    if (cell.empty()) return true;
    auto value = ParseBool(cell);
    if (!value) {
      diagnostics_.Error(At(h, r, column), "NET007",
                         std::string("column '") + std::string(column) +
                             "': expected true or false, got '" + std::string(cell) + "'");
      return false;
    }
    asset.SetAttr(column, *value ? "true" : "false");
    return true;
  }

  void Text(const HeaderMap& h, const CsvRecord& r, std::string_view column, core::Asset& asset,
            std::string_view key = {}) {
    std::string_view cell = h.Get(r, column);
    if (!cell.empty()) asset.SetAttr(key.empty() ? column : key, std::string(cell));
  }

  core::Asset NewAsset(const CsvRecord& r, std::string org) const {
    core::Asset a;
    a.org = std::move(org);
    a.kind = core::AssetKind::kNetwork;
    a.category = core::Category::kNetwork;
    a.provenance = {std::string(kName), source_, r.line};
    return a;
  }

  void Custom(const HeaderMap& h, const CsvRecord& r, core::Asset& a) {
    for (const std::string& cf : custom_) Text(h, r, cf, a);
  }

  // Keeps a repeated prefix or address as its own asset so that `net` can report it.
  void AddKeepingDuplicates(core::Asset a, int line) {
    if (std::optional<int> first = seen_.Record(a.org + '\0' + a.name, line)) {
      a.SetAttr("duplicate_of_line", std::to_string(*first));
      a.name += std::string(" (line ") + std::to_string(line) + ")";
    }
    batch_.assets.push_back(std::move(a));
  }

  // VLANs and VRFs are unique in NetBox: a second one is an error.
  void AddUnique(core::Asset a, const core::SourceLocation& where, const std::string& what) {
    if (std::optional<int> first = seen_.Record(a.org + '\0' + a.name, where.line)) {
      diagnostics_.Error(where, "NET006",
                         what + " is already declared on line " + std::to_string(*first));
      return;
    }
    batch_.assets.push_back(std::move(a));
  }

  void Row(const HeaderMap& h, const CsvRecord& r) {
    auto org = Org(h, r);
    if (!org) return;
    switch (object_) {
      case Object::kPrefix:
        PrefixRow(h, r, *org);
        break;
      case Object::kAddress:
        AddressRow(h, r, *org);
        break;
      case Object::kVlan:
        VlanRow(h, r, *org);
        break;
      case Object::kVrf:
        VrfRow(h, r, *org);
        break;
    }
  }

  void PrefixRow(const HeaderMap& h, const CsvRecord& r, std::string org) {
    static constexpr std::string_view kStatus[] = {"container", "active", "reserved", "deprecated"};
    bool ok = true;
    std::optional<core::IpPrefix> prefix;
    std::string_view cell = h.Get(r, "prefix");
    if (cell.empty()) {
      diagnostics_.Error(At(h, r, "prefix"), "CSV012", "column 'prefix': empty");
      ok = false;
    } else {
      prefix = PrefixCell(cell, At(h, r, "prefix"), diagnostics_);
      ok = prefix.has_value();
    }
    core::Asset a = NewAsset(r, std::move(org));
    std::string status;
    ok = Choice(h, r, "status", kStatus, &status) && ok;
    std::optional<int> vlan;
    if (!h.Get(r, "vlan").empty()) {
      vlan = VlanCell(h.Get(r, "vlan"), "vlan", At(h, r, "vlan"), diagnostics_);
      ok = vlan.has_value() && ok;
    }
    ok = Bool(h, r, "is_pool", a) && ok;
    ok = Bool(h, r, "mark_utilized", a) && ok;
    std::string site(h.Get(r, "site"));
    std::string scope_type = core::ToLowerAscii(h.Get(r, "scope_type"));
    if (!scope_type.empty()) {
      static constexpr std::string_view kScopes[] = {"dcim.region", "dcim.sitegroup", "dcim.site",
                                                     "dcim.location"};
      std::string ignored;
      ok = Choice(h, r, "scope_type", kScopes, &ignored) && ok;
      std::string scope(h.Get(r, "scope_name"));
      if (scope.empty() && !h.Get(r, "scope_id").empty()) {
        scope = std::string("#") + std::string(h.Get(r, "scope_id"));
      }
      if (scope_type == "dcim.site" && !scope.empty() && scope[0] != '#' && site.empty()) {
        site = scope;
      } else if (!scope.empty()) {
        a.SetAttr("scope", scope_type + ":" + scope);
      }
    }
    if (!ok) return;
    const std::string vrf(h.Get(r, "vrf"));
    a.name = prefix->ToString() + (vrf.empty() ? "" : std::string(" vrf ") + vrf);
    a.SetAttr("prefix", prefix->ToString());
    if (!vrf.empty()) a.SetAttr("vrf", vrf);
    if (vlan) a.SetAttr("vlan", std::to_string(*vlan));
    Text(h, r, "vlan_group", a);
    a.SetAttr("status", status.empty() ? "active" : status);
    Text(h, r, "description", a);
    Text(h, r, "tenant", a);
    a.role = std::string(h.Get(r, "role"));
    a.site = site;
    Custom(h, r, a);
    AddKeepingDuplicates(std::move(a), r.line);
  }

  void AddressRow(const HeaderMap& h, const CsvRecord& r, std::string org) {
    static constexpr std::string_view kStatus[] = {"active", "reserved", "deprecated", "dhcp",
                                                   "slaac"};
    static constexpr std::string_view kRoles[] = {"loopback", "secondary", "anycast", "vip",
                                                  "vrrp",     "hsrp",      "glbp",    "carp"};
    bool ok = true;
    std::optional<core::InterfaceAddress> address;
    std::string_view cell = h.Get(r, "address");
    if (cell.empty()) {
      diagnostics_.Error(At(h, r, "address"), "CSV012", "column 'address': empty");
      ok = false;
    } else {
      address = InterfaceAddressCell(cell, At(h, r, "address"), diagnostics_);
      ok = address.has_value();
    }
    core::Asset a = NewAsset(r, std::move(org));
    std::string status;
    std::string role;
    ok = Choice(h, r, "status", kStatus, &status) && ok;
    ok = Choice(h, r, "role", kRoles, &role) && ok;
    ok = Bool(h, r, "is_primary", a) && ok;
    ok = Bool(h, r, "is_oob", a) && ok;
    const bool assigned = !h.Get(r, "device").empty() || !h.Get(r, "virtual_machine").empty();
    for (std::string_view flag : {"is_primary", "is_oob"}) {
      const std::string* value = a.Attr(flag);
      if (value && *value == "true" && !assigned) {
        diagnostics_.Error(At(h, r, flag), "NET008",
                           std::string("column '") + std::string(flag) +
                               "': no device or virtual_machine to be the address of");
        ok = false;
      }
    }
    if (!ok) return;
    const std::string vrf(h.Get(r, "vrf"));
    a.name = address->address.ToString() + (vrf.empty() ? "" : std::string(" vrf ") + vrf);
    a.SetAttr("address", address->ToString());
    if (!vrf.empty()) a.SetAttr("vrf", vrf);
    a.SetAttr("status", status.empty() ? "active" : status);
    a.role = role;
    for (std::string_view column : {"device", "virtual_machine", "interface", "fhrp_group",
                                    "dns_name", "description", "tenant"}) {
      Text(h, r, column, a);
    }
    Custom(h, r, a);
    AddKeepingDuplicates(std::move(a), r.line);
  }

  void VlanRow(const HeaderMap& h, const CsvRecord& r, std::string org) {
    static constexpr std::string_view kStatus[] = {"active", "reserved", "deprecated"};
    bool ok = true;
    auto vid = VlanCell(h.Get(r, "vid"), "vid", At(h, r, "vid"), diagnostics_);
    ok = vid.has_value();
    std::string name(h.Get(r, "name"));
    if (name.empty() && h.Has("name")) {
      diagnostics_.Error(At(h, r, "name"), "CSV012", "column 'name': empty; every VLAN has one");
      ok = false;
    }
    core::Asset a = NewAsset(r, std::move(org));
    std::string status;
    ok = Choice(h, r, "status", kStatus, &status) && ok;
    if (!ok) return;
    const std::string group(h.Get(r, "group"));
    const std::string site(h.Get(r, "site"));
    a.name = std::string("VLAN ") + std::to_string(*vid);
    if (!group.empty()) {
      a.name += std::string(" group ") + group;
    } else if (!site.empty()) {
      a.name += std::string(" site ") + site;
    }
    a.SetAttr("vlan", std::to_string(*vid));
    a.SetAttr("description", name);
    if (!group.empty()) a.SetAttr("vlan_group", group);
    a.SetAttr("status", status.empty() ? "active" : status);
    Text(h, r, "description", a, "details");
    Text(h, r, "tenant", a);
    a.role = std::string(h.Get(r, "role"));
    a.site = site;
    Custom(h, r, a);
    const std::string what = a.name;
    AddUnique(std::move(a), At(h, r, "vid"), what);
  }

  void VrfRow(const HeaderMap& h, const CsvRecord& r, std::string org) {
    std::string name(h.Get(r, "name"));
    if (name.empty()) {
      diagnostics_.Error(At(h, r, "name"), "CSV012", "column 'name': empty; every VRF has one");
      return;
    }
    core::Asset a = NewAsset(r, std::move(org));
    if (!Bool(h, r, "enforce_unique", a)) return;
    a.name = std::string("VRF ") + name;
    a.SetAttr("vrf", name);
    for (std::string_view column :
         {"rd", "description", "import_targets", "export_targets", "tenant"}) {
      Text(h, r, column, a);
    }
    Custom(h, r, a);
    const std::string what = a.name;
    AddUnique(std::move(a), At(h, r, "name"), what);
  }

  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  Object object_ = Object::kPrefix;
  std::vector<std::string> custom_;
  core::FirstLines seen_;  // org + name -> first line
};

}  // namespace

std::string_view NetboxIpamImporter::Reads() const {
  return "NetBox IPAM bulk-import CSV: prefixes, IP addresses, VLANs, VRFs (NetBox's columns)";
}

std::string_view NetboxIpamImporter::Produces() const {
  return "network assets: prefixes, VLANs, VRFs and IP addresses (with device and interface)";
}

int NetboxIpamImporter::Sniff(std::string_view content) const {
  std::string text = core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 8192)));
  if (!text.empty() && (text[0] == '<' || text[0] == '{' || text[0] == '[')) return 0;
  std::vector<std::string> header = ReadHeader(text);
  if (header.empty()) return 0;
  auto object = ObjectOf(header);
  if (!object || !HasNetboxOnlyColumn(header, *object)) return 0;
  std::span<const ColumnSpec> columns = ColumnsOf(*object);
  std::size_t known = 0;
  for (const std::string& cell : header) {
    if (IsCustomField(cell) ||
        std::any_of(columns.begin(), columns.end(),
                    [&](const ColumnSpec& c) { return HeaderMatches(cell, c); })) {
      ++known;
    }
  }
  // Above the generic networks.csv (at most 90) whenever NetBox's own columns are there.
  return static_cast<int>(20 + 75 * known / header.size());
}

void NetboxIpamImporter::Import(std::string_view content, const std::string& source,
                                const ImportOptions& options, core::Batch& batch,
                                core::Diagnostics& diagnostics) const {
  Reader(source, options, batch, diagnostics).Read(content);
}

}  // namespace samdrift::importers
