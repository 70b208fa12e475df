// Internal to the catalog (catalog.cc, catalog_build.cc, catalog_match.cc): the compiled
// matcher behind Catalog. Not part of core's public API.
#ifndef SAMDRIFT_CORE_CATALOG_IMPL_H_
#define SAMDRIFT_CORE_CATALOG_IMPL_H_

#include <deque>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/catalog.h"
#include "core/catalog_defs.h"
#include "core/diagnostics.h"

namespace samdrift::core {
namespace catalog_internal {

using RegexPtr = std::shared_ptr<const std::regex>;

struct Line {
  int tech = -1;
  std::vector<std::vector<std::string>> phrase_sets;  // normalised; all of a set must occur
  std::vector<std::string> prefixes;                  // normalised version prefixes
};

struct Product {
  const ProductDef* def = nullptr;
  int vendor = -1;
  int tech = -1;                     // product level
  std::vector<std::string> aliases;  // normalised
  std::vector<RegexPtr> patterns;
  std::vector<RegexPtr> vendor_patterns;
  RegexPtr model;
  std::vector<Line> lines;
};

bool HasDigit(std::string_view text);

}  // namespace catalog_internal

struct Catalog::Impl {
  using RegexPtr = catalog_internal::RegexPtr;
  using Product = catalog_internal::Product;
  using Line = catalog_internal::Line;
  using Definitions = catalog_internal::Definitions;
  using ProductDef = catalog_internal::ProductDef;

  Definitions defs;
  bool compiled = false;
  std::set<std::string> reported;  // compile problems already reported
  std::map<std::string, RegexPtr> regex_cache;

  std::vector<CatalogVendor> vendors;
  std::unordered_map<std::string, int> vendor_by_alias;
  std::vector<std::vector<int>> related;  // per vendor: itself and its related vendors
  std::vector<Product> products;
  std::vector<int> product_order;  // by priority (high first), then definition order
  std::vector<std::vector<int>> products_of_vendor;  // in product_order
  std::deque<Technology> techs;
  std::vector<int> tech_product;
  std::unordered_map<std::string, int> tech_by_id;

  struct PairMatch {
    int vendor = -1;
    int product = -1;
  };
  std::unordered_map<std::string, PairMatch> pair_cache;
  std::unordered_map<std::string, TechnologyMatch> triple_cache;

  // Building (catalog_build.cc).
  // Reports a problem once (the definitions are compiled again after each file).
  void Report(Diagnostics* diagnostics, const SourceLocation& where, std::string_view code,
              std::string message, Severity severity = Severity::kError);

  // The pattern compiled (case-insensitive) once; null after a CAT004 when it is not valid.
  RegexPtr Compile(const std::string& pattern, const SourceLocation& where,
                   Diagnostics* diagnostics);

  // The technology's index, or -1 when its id is taken.
  int AddTechnology(Technology t, int product);

  // Compiles the definitions into the matching tables: vendors, products with their matchers,
  // technologies; reports what does not hold together (CAT004, CAT006, CAT007, CAT008).
  void Build(Diagnostics* diagnostics);

  // Empties the tables and the match caches.
  void Clear();

  // The vendors, their aliases and related vendors; returns the index of each vendor id.
  std::unordered_map<std::string, int> BuildVendors(Diagnostics* diagnostics);

  // A product of a defined vendor, its technology and its version lines' technologies.
  void AddProduct(const ProductDef& def, const std::unordered_map<std::string, int>& vendor_index,
                  Diagnostics* diagnostics);

  // The product's aliases (normalised) and its compiled patterns.
  void CompileMatchers(const ProductDef& def, const std::string& vendor_name, Product& p,
                       Diagnostics* diagnostics);

  // Successors must exist.
  void CheckSuccessors(Diagnostics* diagnostics);

  // Products by priority (high first), then definition order; and each vendor's in that order.
  void OrderProducts();

  // Matching (catalog_match.cc).
  void EnsureBuilt();  // builds without reporting when no file has built it yet

  // The vendor of a normalised vendor text: an alias, else the longest alias that starts it.
  int FindVendor(const std::string& normalised) const;

  // `vendor_known`: the vendor string named this product's vendor (or a related one), so the
  // product's weaker vendor_patterns apply too.
  bool ProductMatches(const Product& p, const std::string& product_text,
                      const std::string& combined, bool vendor_known) const;

  PairMatch MatchPair(std::string_view vendor, std::string_view product);

  // The version line of `product` for these strings, or -1.
  int MatchLine(Product& p, int product_index, std::string_view product_text,
                std::string_view version_text);

  TechnologyMatch Match(std::string_view vendor, std::string_view product,
                        std::string_view version);
};

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_CATALOG_IMPL_H_
