// Internal to the catalog (catalog.cc, catalog_yaml.cc): the definitions as read from YAML,
// before they are compiled into the matcher. Not part of core's public API.
#ifndef SAMDRIFT_CORE_CATALOG_DEFS_H_
#define SAMDRIFT_CORE_CATALOG_DEFS_H_

#include <string>
#include <utility>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/model.h"

namespace samdrift::core::catalog_internal {

struct Lifecycle {
  std::string general_availability;
  std::string end_of_mainstream;
  std::string end_of_support;
  std::string end_of_extended_support;
  std::string successor;
  SourceLocation successor_where;
};

struct VersionDef {
  std::string line;                   // "6.7", "2012 R2", "24H2", "DL380 Gen10 Plus"
  std::string id;                     // empty: product id + "-" + slug(line)
  std::string name;                   // empty: vendor + product + line
  std::vector<std::string> match;     // phrases ("a & b" = both), as written
  std::vector<std::string> versions;  // dotted version prefixes, as written
  std::string capability;             // empty: the product's
  int rank = 0;                       // 0: position in the list (1-based)
  Lifecycle lifecycle;
  SourceLocation where;
};

struct ProductDef {
  std::string id;
  std::string vendor;  // vendor id
  std::string name;
  std::string capability;
  Category category = Category::kPlatform;
  bool hardware = false;
  int priority = 0;
  std::vector<std::string> aliases;
  std::vector<std::string> patterns;  // match whatever the vendor string says
  std::vector<SourceLocation> pattern_where;
  std::vector<std::string> vendor_patterns;  // only when the vendor string names this vendor
  std::vector<SourceLocation> vendor_pattern_where;
  std::string model_pattern;
  SourceLocation model_pattern_where;
  std::string model_id_prefix;  // ids of models found by the pattern; empty: the product id
  std::string model_label;      // their names: vendor + label + model; empty: see catalog.cc
  std::vector<std::pair<AssetKind, std::string>> capability_by_kind;
  std::vector<VersionDef> versions;
  Lifecycle lifecycle;  // of the product-level technology (products without versions)
  SourceLocation where;
  SourceLocation vendor_where;
};

struct VendorDef {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::vector<std::string> related;  // vendor ids whose products this vendor's name may sell
  SourceLocation where;
};

struct Definitions {
  std::vector<VendorDef> vendors;
  std::vector<ProductDef> products;
};

// Parses one YAML file into `out` (entries with an id already present replace the earlier
// ones). Problems go to `diagnostics`.
void ParseCatalogYaml(std::string_view text, const std::string& source, Definitions& out,
                      Diagnostics& diagnostics);

// "VMware ESXi 6.7" -> "vmware-esxi-6.7": lowercase, runs of other characters to one '-'.
std::string Slug(std::string_view text);

}  // namespace samdrift::core::catalog_internal

#endif  // SAMDRIFT_CORE_CATALOG_DEFS_H_
