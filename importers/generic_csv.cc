#include "importers/generic_csv.h"

#include <algorithm>
#include <span>
#include <unordered_map>

#include "core/criticality.h"
#include "core/first_lines.h"
#include "core/text.h"
#include "importers/csv_reader.h"
#include "importers/file_content.h"
#include "importers/ip_cells.h"

namespace samdrift::importers {
namespace {

constexpr int kMaxUHeight = 60;
constexpr std::size_t kMaxReserve = std::size_t{1} << 20;  // records reserved up front, at most

const std::vector<ColumnSpec> kAssetColumns = {
    {"name", {"namn"}},
    {"kind", {"typ", "type"}},
    {"role", {"roll"}},
    {"vendor", {"tillverkare", "manufacturer"}},
    {"product", {"modell", "model"}},
    {"version"},
    {"serial", {"serienummer", "serienr"}},
    {"site", {"plats"}},
    {"hall"},
    {"rack", {"rackskåp", "rackskap"}},
    {"position", {"pos"}},
    {"u_height", {"hojd_u", "höjd_u"}},
    {"power_w", {"effekt_w"}},
    {"redundancy_group", {"redundansgrupp"}},
    {"criticality", {"kritikalitet"}},
    {"eol", {"slut_support", "end_of_support"}},
    {"category", {"kategori"}},
    {"latitude", {"latitud"}},
    {"longitude", {"longitud"}},
};
const std::vector<ColumnSpec> kRelationColumns = {
    {"source", {"kalla", "källa"}},
    {"relation", {"relationstyp"}},
    {"target", {"mal", "mål"}},
};
const std::vector<ColumnSpec> kHallColumns = {
    {"site", {"plats"}},         {"hall"}, {"positions", {"platser"}}, {"power_kw", {"effekt_kw"}},
    {"cooling_kw", {"kyla_kw"}},
};
const std::vector<ColumnSpec> kNetworkColumns = {
    {"prefix"}, {"vlan"}, {"name", {"namn"}}, {"site", {"plats"}}, {"vrf"}, {"role", {"roll"}},
};

class TableReader;

// What each template is, one entry per GenericTable in its order: every place that differs by
// table (the header check, the row reader, the sniffer, the importer's name and help) reads it.
struct TableSpec {
  std::string_view importer;  // the importer's name, also in each record's provenance
  std::span<const ColumnSpec> columns;
  std::vector<std::string_view> required;  // columns a file must have to be this table
  std::vector<std::string_view> one_of;    // when given, a file must have at least one of these
  std::vector<std::string_view> sniffed;   // when given, Sniff wants at least one of these
  std::string_view reads;
  std::string_view produces;
  void (TableReader::*row)(const HeaderMap&, const CsvRecord&);
};

const TableSpec& SpecOf(GenericTable table);

// Asset kinds by the words people put in a "kind" column; role words imply a device.
std::optional<core::AssetKind> KindFromWord(std::string_view word, core::Name* role) {
  std::string w = core::ToLowerAscii(core::Trim(word));
  if (auto kind = core::ParseAssetKind(w)) return kind;
  struct Alias {
    std::string_view word;
    core::AssetKind kind;
  };
  static constexpr Alias kAliases[] = {
      {"plats", core::AssetKind::kSite},         {"serverhall", core::AssetKind::kHall},
      {"rackskåp", core::AssetKind::kRack},      {"rackskap", core::AssetKind::kRack},
      {"enhet", core::AssetKind::kDevice},       {"utrustning", core::AssetKind::kDevice},
      {"kluster", core::AssetKind::kCluster},    {"virtuell server", core::AssetKind::kVm},
      {"virtual machine", core::AssetKind::kVm}, {"klient", core::AssetKind::kClient},
      {"dator", core::AssetKind::kClient},       {"programvara", core::AssetKind::kSoftware},
      {"mjukvara", core::AssetKind::kSoftware},  {"nät", core::AssetKind::kNetwork},
      {"nätverk", core::AssetKind::kNetwork},    {"tjänst", core::AssetKind::kService},
      {"tjanst", core::AssetKind::kService},
  };
  for (const Alias& a : kAliases) {
    if (a.word == w) return a.kind;
  }
  static constexpr std::string_view kDeviceRoles[] = {
      "server",      "switch",        "router",     "firewall",     "brandvägg",   "storage",
      "lagring",     "pdu",           "ups",        "access-point", "accesspunkt", "load-balancer",
      "core-switch", "access-switch", "san-switch", "tape-library", "printer",     "skrivare"};
  for (std::string_view r : kDeviceRoles) {
    if (r == w) {
      if (role && role->empty()) *role = w;
      return (r == "printer" || r == "skrivare") ? core::AssetKind::kClient
                                                 : core::AssetKind::kDevice;
    }
  }
  return std::nullopt;
}

class TableReader {
 public:
  TableReader(GenericTable table, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics)
      : spec_(SpecOf(table)),
        table_(table),
        source_(source),
        options_(options),
        batch_(batch),
        diagnostics_(diagnostics) {}

  void Read(std::string_view content) {
    // The lines are counted in the same pass as the encoding check: one record per line as a
    // rule, reserved once instead of growing (and moving) row by row.
    std::string storage;
    std::size_t lines = 0;
    const std::string_view text = Utf8Text(content, storage, source_, diagnostics_, &lines);
    if (core::Trim(text).empty()) {
      diagnostics_.Error({source_, 1, 0}, "CSV001", "the file is empty");
      return;
    }
    if (lines == 0) lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
    lines = std::min<std::size_t>(lines, kMaxReserve);  // blank lines must not reserve gigabytes
    if (table_ == GenericTable::kRelations) {
      batch_.relations.reserve(batch_.relations.size() + lines);
    } else if (batch_.sink) {
      chunk_.reserve(kChunk);
      seen_.Reserve(lines);
    } else {
      batch_.assets.reserve(batch_.assets.size() + lines);
      seen_.Reserve(lines);
    }
    const char delimiter = DetectDelimiter(text);
    std::optional<HeaderMap> header;
    std::size_t records = 0;
    std::size_t refused = 0;  // records the reader reported and left out (CSV018, CSV019)
    refused = ReadCsv(text, delimiter, source_, diagnostics_, [&](CsvRecord& record) {
      if (!header) {
        header.emplace(record, spec_.columns, source_, diagnostics_);
        CheckHeader(*header, record.line);
        return true;
      }
      ++records;
      if (record.fields.size() != header->width()) {
        diagnostics_.Error({source_, record.line, 0}, "CSV006",
                           "record has " + std::to_string(record.fields.size()) +
                               " fields, the header has " + std::to_string(header->width()));
        return true;
      }
      (this->*spec_.row)(*header, record);
      return true;
    });
    if (header && records + refused == 0) {
      diagnostics_.Error({source_, 1, 0}, "CSV002", "the file has a header but no records");
    }
    if (batch_.sink) batch_.Hand(chunk_);
  }

 private:
  // CSV011 for each column the table needs and the header lacks.
  void CheckHeader(const HeaderMap& header, int line) {
    for (std::string_view required : spec_.required) {
      if (!header.Has(required)) {
        diagnostics_.Error({source_, line, 0}, "CSV011",
                           "missing column '" + std::string(required) + "'");
      }
    }
    if (!spec_.one_of.empty() && std::none_of(spec_.one_of.begin(), spec_.one_of.end(),
                                              [&](std::string_view c) { return header.Has(c); })) {
      std::string names;
      for (std::string_view c : spec_.one_of) {
        names += (names.empty() ? "'" : " or '") + std::string(c) + "'";
      }
      diagnostics_.Error({source_, line, 0}, "CSV011", "missing column " + names);
    }
  }

  core::SourceLocation At(const HeaderMap& h, const CsvRecord& r, std::string_view column) const {
    return {source_, r.line, h.Index(column) + 1};
  }

  // A number in `column`, or nullopt when the cell is empty or bad (bad ones are reported).
  std::optional<double> Number(const HeaderMap& h, const CsvRecord& r, std::string_view column,
                               bool whole) {
    std::string_view cell = h.Get(r, column);
    if (cell.empty()) return std::nullopt;
    std::optional<double> value;
    if (whole) {
      if (auto i = core::ParseInteger(cell)) value = static_cast<double>(*i);
    } else {
      value = core::ParseNumber(cell);
    }
    if (!value) {
      diagnostics_.Error(At(h, r, column), "CSV004",
                         "column '" + std::string(column) + "': expected " +
                             (whole ? "a whole number" : "a number") + ", got '" +
                             std::string(cell) + "'");
      return std::nullopt;
    }
    if (*value < 0) {
      diagnostics_.Error(At(h, r, column), "CSV007",
                         "column '" + std::string(column) + "': must not be negative, got '" +
                             std::string(cell) + "'");
      return std::nullopt;
    }
    return value;
  }

  core::Provenance Prov(const CsvRecord& r) const {
    return {std::string(spec_.importer), source_, r.line};
  }

 public:
  // The row readers, one per table (TableSpec::row).
  void AssetRow(const HeaderMap& h, const CsvRecord& r) {
    core::Asset a;
    a.org = options_.org;
    a.name = std::string(h.Get(r, "name"));
    if (a.name.empty()) {
      diagnostics_.Error(At(h, r, "name"), "CSV012", "column 'name': empty; every asset needs one");
      return;
    }
    a.role = std::string(h.Get(r, "role"));
    std::string_view kind_cell = h.Get(r, "kind");
    if (kind_cell.empty()) {
      a.kind = core::AssetKind::kDevice;
    } else if (auto kind = KindFromWord(kind_cell, &a.role)) {
      a.kind = *kind;
    } else {
      std::vector<std::string> names;
      for (core::AssetKind k : core::kAllAssetKinds) names.emplace_back(core::ToString(k));
      std::string closest = core::ClosestName(kind_cell, names);
      diagnostics_.Error(At(h, r, "kind"), "CSV013",
                         "column 'kind': unknown asset kind '" + std::string(kind_cell) + "'" +
                             (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      return;
    }
    a.vendor = std::string(h.Get(r, "vendor"));
    a.product = std::string(h.Get(r, "product"));
    a.version = std::string(h.Get(r, "version"));
    a.serial = std::string(h.Get(r, "serial"));
    a.site = std::string(h.Get(r, "site"));
    a.hall = std::string(h.Get(r, "hall"));
    a.rack = std::string(h.Get(r, "rack"));
    if (a.kind == core::AssetKind::kSite) a.site.clear();
    if (a.kind == core::AssetKind::kHall) a.hall.clear();
    if (a.kind == core::AssetKind::kRack) a.rack.clear();
    if (auto v = Number(h, r, "position", true)) {
      if (*v < 1) {
        diagnostics_.Error(At(h, r, "position"), "CSV008",
                           "column 'position': rack units start at 1, got '" +
                               std::string(h.Get(r, "position")) + "'");
      } else {
        a.position = static_cast<int>(std::min(*v, 1e6));
      }
    }
    if (auto v = Number(h, r, "u_height", true)) {
      if (*v < 1 || *v > kMaxUHeight) {
        diagnostics_.Error(At(h, r, "u_height"), "CSV008",
                           "column 'u_height': must be 1 to " + std::to_string(kMaxUHeight) +
                               " rack units, got '" + std::string(h.Get(r, "u_height")) + "'");
      } else {
        a.u_height = static_cast<int>(*v);
      }
    }
    a.power_w = Number(h, r, "power_w", false);
    a.redundancy_group = std::string(h.Get(r, "redundancy_group"));
    a.criticality = core::NormaliseCriticality(h.Get(r, "criticality"));
    a.eol = std::string(h.Get(r, "eol"));
    std::string_view category = h.Get(r, "category");
    if (!category.empty()) {
      if (auto c = core::ParseCategory(core::ToLowerAscii(category))) {
        a.category = *c;
      } else {
        diagnostics_.Error(At(h, r, "category"), "CSV016",
                           "column 'category': expected datacenter, network, platform or "
                           "client, got '" +
                               std::string(category) + "'");
        return;
      }
    } else {
      a.category = core::DefaultCategory(a.kind, a.role);
    }
    // A site's position (decimal degrees, checked where it is used: `halls --choose`).
    for (std::string_view column : {"latitude", "longitude"}) {
      std::string_view cell = core::Trim(h.Get(r, column));
      if (!cell.empty()) a.SetAttr(column, std::string(cell));
    }
    a.provenance = Prov(r);
    key_.assign(1, static_cast<char>(a.kind));  // one byte for the kind: 11 million keys
    key_ += a.Key();
    if (std::optional<int> first = seen_.Record(key_, r.line)) {
      diagnostics_.Error(
          At(h, r, "name"), "CSV009",
          "duplicate asset '" + a.name + "': already on line " + std::to_string(*first));
      return;
    }
    Keep(std::move(a));
  }

  void RelationRow(const HeaderMap& h, const CsvRecord& r) {
    core::Relation rel;
    rel.org = options_.org;
    rel.source = std::string(h.Get(r, "source"));
    rel.target = std::string(h.Get(r, "target"));
    std::string_view kind_cell = h.Get(r, "relation");
    bool ok = true;
    if (rel.source.empty()) {
      diagnostics_.Error(At(h, r, "source"), "CSV012", "column 'source': empty");
      ok = false;
    }
    if (rel.target.empty()) {
      diagnostics_.Error(At(h, r, "target"), "CSV012", "column 'target': empty");
      ok = false;
    }
    auto kind = core::ParseRelationKind(core::ToLowerAscii(kind_cell));
    if (!kind) {
      std::vector<std::string> names;
      for (core::RelationKind k : core::kAllRelationKinds) names.emplace_back(core::ToString(k));
      std::string closest = core::ClosestName(kind_cell, names);
      diagnostics_.Error(At(h, r, "relation"), "CSV010",
                         "column 'relation': unknown relation '" + std::string(kind_cell) + "'" +
                             (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      ok = false;
    }
    if (!ok) return;
    if (rel.source == rel.target) {
      diagnostics_.Warning(
          At(h, r, "target"), "CSV017",
          "'" + rel.source + "' " + std::string(core::ToString(*kind)) + " itself; ignored");
      return;
    }
    rel.kind = *kind;
    rel.provenance = Prov(r);
    batch_.relations.push_back(std::move(rel));
  }

  void HallRow(const HeaderMap& h, const CsvRecord& r) {
    core::Asset a;
    a.org = options_.org;
    a.kind = core::AssetKind::kHall;
    a.category = core::Category::kDatacenter;
    a.site = std::string(h.Get(r, "site"));
    a.name = std::string(h.Get(r, "hall"));
    if (a.site.empty() || a.name.empty()) {
      diagnostics_.Error(At(h, r, a.site.empty() ? "site" : "hall"), "CSV012",
                         std::string("column '") + (a.site.empty() ? "site" : "hall") + "': empty");
      return;
    }
    if (auto v = Number(h, r, "positions", true)) {
      // A whole number, but 2^63 - 1 becomes 2^63 as a double: convert back only while exact.
      a.SetAttr("positions", *v < 9007199254740992.0 ? std::to_string(static_cast<long long>(*v))
                                                     : std::string(h.Get(r, "positions")));
    }
    for (std::string_view column : {"power_kw", "cooling_kw"}) {
      if (auto v = Number(h, r, column, false)) {
        std::string text = std::to_string(*v);
        a.SetAttr(column, text);
      }
    }
    a.provenance = Prov(r);
    if (std::optional<int> first = seen_.Record(a.Key(), r.line)) {
      diagnostics_.Error(
          At(h, r, "hall"), "CSV009",
          "duplicate hall '" + a.Key() + "': already on line " + std::to_string(*first));
      return;
    }
    Keep(std::move(a));
  }

  void NetworkRow(const HeaderMap& h, const CsvRecord& r) {
    core::Asset a;
    a.org = options_.org;
    a.kind = core::AssetKind::kNetwork;
    a.category = core::Category::kNetwork;
    std::string prefix(h.Get(r, "prefix"));
    std::string vlan(h.Get(r, "vlan"));
    std::string name(h.Get(r, "name"));
    if (prefix.empty() && vlan.empty()) {
      diagnostics_.Error({source_, r.line, 0}, "CSV012", "neither 'prefix' nor 'vlan' is given");
      return;
    }
    if (!vlan.empty()) {
      auto id = VlanCell(vlan, "vlan", At(h, r, "vlan"), diagnostics_);
      if (!id) return;
      vlan = std::to_string(*id);
      a.SetAttr("vlan", vlan);
    }
    if (!prefix.empty()) {
      // Stored in canonical form ("2001:db8::/32"), so that equal prefixes are equal text.
      auto parsed = PrefixCell(prefix, At(h, r, "prefix"), diagnostics_);
      if (!parsed) return;
      prefix = parsed->ToString();
      a.SetAttr("prefix", prefix);
    }
    std::string vrf(h.Get(r, "vrf"));
    if (!vrf.empty()) a.SetAttr("vrf", vrf);
    if (!name.empty()) a.SetAttr("description", name);
    a.role = std::string(h.Get(r, "role"));
    a.site = std::string(h.Get(r, "site"));
    // The identity: the prefix (in its VRF) or the VLAN; a second declaration of the same one in
    // this file keeps its own identity so that it can be reported, not silently merged.
    a.name = !prefix.empty() ? prefix : "VLAN " + vlan;
    if (!prefix.empty() && !vrf.empty()) a.name += " vrf " + vrf;
    if (std::optional<int> first = seen_.Record(a.name, r.line)) {
      a.SetAttr("duplicate_of_line", std::to_string(*first));
      a.name += " (line " + std::to_string(r.line) + ")";
    }
    a.provenance = Prov(r);
    Keep(std::move(a));
  }

 private:
  // A finished asset: handed to the batch's sink in chunks when the import stores while it
  // parses, else kept in the batch.
  void Keep(core::Asset&& a) {
    if (batch_.sink && core::Batch::CanHand(a)) {
      chunk_.push_back(std::move(a));
      if (chunk_.size() >= kChunk) {
        batch_.Hand(chunk_);
        chunk_.reserve(kChunk);  // a no-op when the sink gave back a recycled chunk
      }
    } else {
      batch_.assets.push_back(std::move(a));
    }
  }

  static constexpr std::size_t kChunk = 8192;
  std::vector<core::Asset> chunk_;
  const TableSpec& spec_;
  GenericTable table_;
  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  core::FirstLines seen_;  // key -> first line, compact: a 1 GB file has 11 million keys
  std::string key_;        // the asset row's key, built in place row after row
};

const TableSpec kTables[] = {
    {"assets-csv",
     kAssetColumns,
     {"name"},
     {},
     {},
     "samdrift assets.csv (name/namn, kind/typ, vendor/tillverkare, ...; , ; or tab)",
     "assets of any kind, with location, power and U height",
     &TableReader::AssetRow},
    {"relations-csv",
     kRelationColumns,
     {"source", "relation", "target"},
     {},
     {},
     "samdrift relations.csv (source/kalla, relation, target/mal)",
     "relations between assets",
     &TableReader::RelationRow},
    {"halls-csv",
     kHallColumns,
     {"site", "hall"},
     {},
     {"positions", "power_kw"},
     "samdrift halls.csv (site/plats, hall, positions/platser, power_kw, cooling_kw)",
     "halls with positions, kW and cooling capacity",
     &TableReader::HallRow},
    {"networks-csv",
     kNetworkColumns,
     {},
     {"prefix", "vlan"},
     {"prefix"},
     "samdrift networks.csv (prefix, vlan, name/namn, site/plats, vrf, role/roll)",
     "network assets (prefixes and VLANs)",
     &TableReader::NetworkRow},
};

const TableSpec& SpecOf(GenericTable table) { return kTables[static_cast<int>(table)]; }

}  // namespace

std::string_view GenericCsvImporter::Name() const { return SpecOf(table_).importer; }

std::string_view GenericCsvImporter::Reads() const { return SpecOf(table_).reads; }

std::string_view GenericCsvImporter::Produces() const { return SpecOf(table_).produces; }

int GenericCsvImporter::Sniff(std::string_view content) const {
  std::string text = core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 8192)));
  if (!text.empty() && (text[0] == '<' || text[0] == '{' || text[0] == '[')) return 0;
  std::vector<std::string> header = ReadHeader(text);
  if (header.empty()) return 0;
  const TableSpec& spec = SpecOf(table_);
  std::span<const ColumnSpec> columns = spec.columns;
  std::size_t known = 0;
  for (const std::string& cell : header) {
    if (std::any_of(columns.begin(), columns.end(),
                    [&](const ColumnSpec& c) { return HeaderMatches(cell, c); })) {
      ++known;
    }
  }
  auto has = [&](std::string_view name) {
    const ColumnSpec* spec = nullptr;
    for (const ColumnSpec& c : columns) {
      if (c.name == name) spec = &c;
    }
    return std::any_of(header.begin(), header.end(),
                       [&](const std::string& cell) { return HeaderMatches(cell, *spec); });
  };
  if (!std::all_of(spec.required.begin(), spec.required.end(), has)) return 0;
  if (!spec.sniffed.empty() && std::none_of(spec.sniffed.begin(), spec.sniffed.end(), has)) {
    return 0;
  }
  // More than half of the header must be this table's: other tools' CSV (NetBox, RVTools) share
  // a few column names ("name", "type") but are not samdrift templates.
  if (known * 2 <= header.size()) return 0;
  // Share of the header this table knows, scaled to 10..90: a file with a typo still goes to the
  // table it mostly matches, so the typo is reported rather than the file refused.
  return static_cast<int>(10 + 80 * known / header.size());
}

void GenericCsvImporter::Import(std::string_view content, const std::string& source,
                                const ImportOptions& options, core::Batch& batch,
                                core::Diagnostics& diagnostics) const {
  TableReader(table_, source, options, batch, diagnostics).Read(content);
}

}  // namespace samdrift::importers
