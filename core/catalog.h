// The technology catalog: vendors, products and version lines with their aliases, patterns,
// capability, category and lifecycle dates, loaded from YAML files (core/catalog/*.yaml, schema
// in core/catalog/README.md). It turns the vendor/product/version strings inventories write
// ("VMware, Inc." / "VMware ESXi" / "7.0 Update 3") into technologies ("vmware-esxi-7").
// yaml-cpp stays in catalog_yaml.cc.
#ifndef SAMDRIFT_CORE_CATALOG_H_
#define SAMDRIFT_CORE_CATALOG_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "core/result.h"

namespace samdrift::core {

struct CatalogVendor {
  std::string id;                    // "vmware"
  std::string name;                  // display name, "VMware"
  std::vector<std::string> aliases;  // as written in the file
};

// A technology: a normalised (vendor, product, version line). Every product also has a
// product-level technology (version empty, id = the product id) that stands for "this product,
// version unknown or not in the catalog".
struct Technology {
  std::string id;          // "vmware-esxi-8"; product level: "vmware-esxi"
  std::string vendor_id;   // "vmware"
  std::string vendor;      // "VMware"
  std::string product_id;  // "vmware-esxi"
  std::string product;     // "ESXi"
  std::string version;     // version line, "8"; empty at product level
  std::string name;        // "VMware ESXi 8"
  std::string capability;  // "hypervisor", "server-os", "core-switch", ...
  Category category = Category::kPlatform;
  // Lifecycle, yyyy-mm-dd or empty when not known. end_of_support is the end of the vendor's
  // normal security fixes (VMware end of general support, Microsoft end of extended support);
  // end_of_extended_support the end of paid extensions (VMware technical guidance, Microsoft
  // ESU). end_of_mainstream is Microsoft's mainstream end where it differs.
  std::string general_availability;
  std::string end_of_mainstream;
  std::string end_of_support;
  std::string end_of_extended_support;
  std::string successor;  // a technology id, or empty
  int rank = 0;           // order of the version lines within the product; higher is newer
  bool hardware = false;  // a physical model: a different one is replaced, never upgraded
  bool product_level() const { return version.empty(); }
};

// How far a (vendor, product, version) triple was recognised.
enum class MatchLevel : std::uint8_t { kNone, kVendor, kProduct, kVersion };
std::string_view ToString(MatchLevel level);

struct TechnologyMatch {
  MatchLevel level = MatchLevel::kNone;
  int vendor = -1;      // index into Catalog::vendors(), or -1
  int technology = -1;  // index for Catalog::technology() (product level when kProduct)
};

// Which fields of an asset a technology was read from.
enum class FacetSource : std::uint8_t {
  kFields,      // vendor / product / version
  kOs,          // attributes os_vendor / os (or os_name) / os_version
  kPlatform,    // attribute platform (NetBox: the OS or hypervisor of a device)
  kHypervisor,  // attributes hypervisor / hypervisor_version
};
std::string_view ToString(FacetSource source);

// One technology an asset runs or is: a host is a server (fields) and runs a hypervisor
// (attribute); a VM's OS may be in its fields or in attributes.
struct AssetFacet {
  FacetSource source = FacetSource::kFields;
  TechnologyMatch match;
  std::string capability;  // of the technology for this asset's kind; empty when unmatched
  std::string vendor;      // the raw strings matched (for the list of unmatched strings)
  std::string product;
  std::string version;
};

class Catalog {
 public:
  Catalog();
  ~Catalog();
  Catalog(Catalog&&) noexcept;
  Catalog& operator=(Catalog&&) noexcept;

  // Adds one YAML catalog file's entries. Entries whose id already exists replace the earlier
  // ones (user files override the bundled ones). Every problem is reported with line and
  // column; returns Invalid when any error was reported (the catalog keeps what was valid).
  Status AddYaml(std::string_view text, const std::string& source, Diagnostics& diagnostics);
  // Reads a file and adds it; a missing file is a usage error.
  Status AddFile(const std::string& path, Diagnostics& diagnostics);

  const std::vector<CatalogVendor>& vendors() const;
  // Technologies by index. Matching may add technologies (a product's `model_pattern` turns
  // "PowerEdge R660" into dell-poweredge-r660 without a YAML entry), so the count can grow;
  // references stay valid for the catalog's lifetime.
  std::size_t technology_count() const;
  const Technology& technology(int index) const;
  const Technology* Find(std::string_view technology_id) const;  // nullptr when unknown
  // The ids closest to `id`, for "did you mean" (empty when none is close).
  std::string ClosestId(std::string_view id) const;
  // The technologies of one product, newest version line first; the product-level one last.
  std::vector<const Technology*> VersionsOf(std::string_view product_id) const;

  // Recognises one triple. Cached by the exact triple: call it for millions of assets. Not
  // thread-safe (the cache is shared).
  TechnologyMatch Match(std::string_view vendor, std::string_view product,
                        std::string_view version) const;
  // Every technology of an asset: its fields, then the OS and hypervisor attributes. Assets
  // that carry no technology (sites, halls, racks, networks) give none; a facet whose strings
  // are all empty is left out.
  std::vector<AssetFacet> Facets(const Asset& asset) const;

 private:
  friend Result<Catalog> LoadCatalog(const std::vector<std::string>& extra_files,
                                     Diagnostics& diagnostics);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Vendor and product text as the catalog compares it: lowercase ASCII letters and digits,
// everything else one space, company suffixes (Inc., Corp., Corporation, Systems, AB, Ltd, GmbH,
// Co., LLC, ...) dropped: "VMware, Inc." -> "vmware", "Cisco Systems, Inc" -> "cisco".
std::string NormaliseVendor(std::string_view text);
// Product text: lowercase, punctuation to spaces, collapsed ("PowerEdge R740xd" ->
// "poweredge r740xd"); no suffixes dropped.
std::string NormaliseName(std::string_view text);
// Version text to dotted numbers where it can: "7.0 Update 3" / "7.0 U3" / "7.0u3" -> "7.0.3",
// "6.7.0 build-8169922" -> "6.7.0", "2012 R2" -> "2012 r2"; otherwise NormaliseName.
std::string NormaliseVersion(std::string_view text);

// Where the bundled catalog files are: $SAMDRIFT_CATALOG_DIR, else share/samdrift/catalog
// beside the executable's bin/, else the source tree, else the configured install dir (compile
// definitions); the first that exists.
std::string BundledCatalogDir();
// The bundled catalog plus `extra_files` in order (later files override earlier entries).
Result<Catalog> LoadCatalog(const std::vector<std::string>& extra_files, Diagnostics& diagnostics);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_CATALOG_H_
