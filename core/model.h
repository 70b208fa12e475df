// The domain model: assets and the relations between them, as importers produce them and the
// store keeps them. Plain values; no third-party types.
#ifndef SAMDRIFT_CORE_MODEL_H_
#define SAMDRIFT_CORE_MODEL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compact.h"
#include "core/diagnostics.h"
#include "core/name.h"

namespace samdrift::core {

// The study's areas A1-A4.
enum class Category : std::uint8_t { kDatacenter, kNetwork, kPlatform, kClient };
inline constexpr Category kAllCategories[] = {Category::kDatacenter, Category::kNetwork,
                                              Category::kPlatform, Category::kClient};

enum class AssetKind : std::uint8_t {
  kSite,
  kHall,
  kRack,
  kDevice,
  kCluster,
  kVm,
  kClient,
  kSoftware,
  kNetwork,  // an IP prefix or VLAN
  kService,
};
inline constexpr AssetKind kAllAssetKinds[] = {
    AssetKind::kSite,    AssetKind::kHall,   AssetKind::kRack,   AssetKind::kDevice,
    AssetKind::kCluster, AssetKind::kVm,     AssetKind::kClient, AssetKind::kSoftware,
    AssetKind::kNetwork, AssetKind::kService};

enum class RelationKind : std::uint8_t {
  kLocatedIn,
  kConnectedTo,
  kRunsOn,
  kMemberOf,
  kDependsOn,
  kInstalledOn,
  kPoweredBy,
};
inline constexpr RelationKind kAllRelationKinds[] = {
    RelationKind::kLocatedIn, RelationKind::kConnectedTo, RelationKind::kRunsOn,
    RelationKind::kMemberOf,  RelationKind::kDependsOn,   RelationKind::kInstalledOn,
    RelationKind::kPoweredBy};

// Lowercase contract names ("datacenter", "vm", "depends_on") and their parsers.
std::string_view ToString(Category category);
std::string_view ToString(AssetKind kind);
std::string_view ToString(RelationKind kind);
std::optional<Category> ParseCategory(std::string_view text);
std::optional<AssetKind> ParseAssetKind(std::string_view text);
std::optional<RelationKind> ParseRelationKind(std::string_view text);

// The category an asset of this kind and role belongs to when its source does not say:
// switches, routers, firewalls and access points are network; clusters, VMs and services are
// platform; clients client; sites, halls, racks, servers, storage and power datacenter.
Category DefaultCategory(AssetKind kind, std::string_view role);

// Where a stored fact came from.
struct Provenance {
  Name importer;  // Importer::Name()
  Name source;    // the file as the user named it
  int line = 0;   // 1-based; 0 when not line-oriented
};

// kPatch updates the named fields of an existing asset with the same key and leaves the rest
// (GLPI partial inventories, ArchiMate models describing assets an inventory also lists, NetBox
// power ports); the existing asset keeps its category, its source file and importer. When no such
// asset exists it is inserted like kReplace. kFill is for what scanners observe (nmap, lshw,
// lldpctl, RVTools): it only fills the fields and attribute keys an existing asset with the same
// key leaves empty, and the asset stays with the file that declared it; when no such asset exists
// it is inserted like kReplace.
enum class WriteMode : std::uint8_t { kReplace, kPatch, kFill };

// The repeated texts are interned (core::Name, 4 bytes each: a national estate holds a few
// thousand distinct vendors, sites or versions among millions of assets); the name, unique per
// asset, is a string of its own. Rack units are optional ints in 4 bytes, the attributes one
// pointer (core/compact.h), and the attributes come last so that the 4-byte members pack:
// sizeof(Asset) is 128 (tests/core/compact_test.cc).
struct Asset {
  Name org;  // lowercase municipality id, e.g. "gnosjo"
  AssetKind kind = AssetKind::kDevice;
  Category category = Category::kDatacenter;
  bool estimated = false;  // power or U height are estimates, not facts
  WriteMode mode = WriteMode::kReplace;
  std::string name;  // as imported
  Name role;         // e.g. "server", "core-switch", "firewall", "laptop"
  Name vendor;
  Name product;
  Name version;
  Name serial;
  // Location: a row that names site/hall/rack implies those assets (the store creates them).
  Name site;
  Name hall;
  Name rack;
  PackedOptionalInt position;  // lowest rack unit occupied, 1-based
  PackedOptionalInt u_height;
  std::optional<double> power_w;
  Name redundancy_group;
  Name criticality;  // low | medium | high | critical, or empty
  Name eol;          // end of support as the source states it (ISO date)
  Provenance provenance;
  Attributes attributes;

  // The identity within (org, kind): sites "Site", halls "Site/Hall", racks "Site/Hall/Rack",
  // everything else its name.
  std::string Key() const;
  const std::string* Attr(std::string_view key) const;    // nullptr when absent
  void SetAttr(std::string_view key, std::string value);  // replaces an existing value
};

std::string HallKey(std::string_view site, std::string_view hall);
// The host part of a DNS name ("vgd-app01.vaggeryd.local" -> "vgd-app01"), the fallback under
// which a relation's endpoint resolves when no asset has the full name; empty when `key` is not a
// DNS name (no dot, starts with a digit, or holds '/' or ':').
std::string_view ShortHostName(std::string_view key);
std::string RackKey(std::string_view site, std::string_view hall, std::string_view rack);

// A directed relation between two assets named by key. Endpoints are resolved by the store and
// the graph view, so a relation may arrive before its target does (it stays unresolved).
struct Relation {
  Name org;  // the source asset's org
  RelationKind kind = RelationKind::kDependsOn;
  std::optional<AssetKind> source_kind;  // disambiguates when several kinds share a key
  std::optional<AssetKind> target_kind;
  std::string source;
  std::string target;
  Name target_org;   // empty: same org as the source
  Name source_port;  // interface or port, for connected_to and powered_by
  Name target_port;
  Provenance provenance;

  const std::string& TargetOrg() const { return target_org.empty() ? org.str() : target_org.str(); }
};

// A hardware model from a device-type library: describes models, belongs to no org.
struct DeviceType {
  std::string manufacturer;
  std::string model;
  std::string part_number;
  std::optional<int> u_height;
  bool full_depth = true;
  std::optional<double> max_draw_w;        // one supply's: the largest over the power ports
  std::optional<double> allocated_draw_w;  // typical draw: summed over the power ports
  Provenance provenance;
};

// Where a reference may be found: in its own org, or in any org (a NetBox rack of one tenant
// may stand in a site another tenant declared).
enum class ReferenceScope : std::uint8_t { kOrg, kAnyOrg };

// Something a batch says must exist (in the batch itself or already in the store), e.g. the
// device a cable ends on. Unresolved references are reported as errors with `message`.
struct Reference {
  std::string org;
  ReferenceScope scope = ReferenceScope::kOrg;
  AssetKind kind = AssetKind::kDevice;
  std::string key;
  SourceLocation where;
  std::string code;     // diagnostic code, e.g. "NBX010"
  std::string message;  // full diagnostic text when the reference does not resolve
};

// What one import call produces: every file's assets, relations and catalog entries. Stored in
// one transaction, or not at all.
struct Batch {
  std::vector<Asset> assets;
  std::vector<Relation> relations;
  std::vector<DeviceType> device_types;
  std::vector<Reference> references;
  // Set by an import that stores while it parses: an importer may hand finished assets over in
  // chunks (Hand) instead of keeping them. Only assets that no later step of the batch changes
  // may go: not racks, not rows that name a rack without its hall (see CompleteRackHalls).
  // The sink takes the chunk's assets and leaves it empty (perhaps with a spare capacity).
  std::function<void(std::vector<Asset>&)> sink;
  std::size_t handed_over = 0;  // assets given to `sink`
  // Relations may go the same way, a file's at a time (no later step of the batch changes
  // them); the sink takes them all and leaves the vector empty.
  std::function<void(std::vector<Relation>&)> relation_sink;

  // Gives `chunk` to the sink (which must be set) and empties it.
  void Hand(std::vector<Asset>& chunk);
  // May this asset go to the sink before the batch is complete?
  static bool CanHand(const Asset& a);
  void Append(Batch&& other);
};

// Display names of orgs by id ("gnosjo" -> "Gnosjö"); orgs without one are absent.
using OrgNames = std::map<std::string, std::string, std::less<>>;
// The display name of `org`, else the id itself: what a person reads (tables, charts, report).
std::string DisplayName(const OrgNames& names, std::string_view org);

// Everything a planner needs: the assets and relations of the orgs asked for (the store reads
// it in one go, Store::LoadEstate).
struct Estate {
  std::vector<Asset> assets;
  std::vector<Relation> relations;
  OrgNames org_names = {};  // of every named org in the store
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_MODEL_H_
