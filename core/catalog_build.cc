// Compiling the catalog's definitions into the matcher: vendors, products and their matchers,
// technologies, and the checks that they hold together (CAT004, CAT006, CAT007, CAT008).
#include <algorithm>
#include <regex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/catalog_impl.h"
#include "core/text.h"

namespace samdrift::core {
using namespace catalog_internal;

namespace catalog_internal {

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace catalog_internal

namespace {

// The technology of a product as a whole (matched when no version line is).
Technology ProductTechnology(const ProductDef& def, const CatalogVendor& vendor) {
  Technology t;
  t.id = def.id;
  t.vendor_id = vendor.id;
  t.vendor = vendor.name;
  t.product_id = def.id;
  t.product = def.name;
  t.name = vendor.name + " " + def.name;
  t.capability = def.capability;
  t.category = def.category;
  t.hardware = def.hardware;
  t.general_availability = def.lifecycle.general_availability;
  t.end_of_mainstream = def.lifecycle.end_of_mainstream;
  t.end_of_support = def.lifecycle.end_of_support;
  t.end_of_extended_support = def.lifecycle.end_of_extended_support;
  t.successor = def.lifecycle.successor;
  return t;
}

// The technology of a version line, the `position`th (1-based) of its product.
Technology VersionTechnology(const ProductDef& def, const VersionDef& v,
                             const CatalogVendor& vendor, int position) {
  Technology t;
  t.id = v.id.empty() ? def.id + "-" + Slug(v.line) : v.id;
  t.vendor_id = vendor.id;
  t.vendor = vendor.name;
  t.product_id = def.id;
  t.product = def.name;
  t.version = v.line;
  t.name = v.name.empty() ? vendor.name + " " + def.name + " " + v.line : v.name;
  t.capability = v.capability.empty() ? def.capability : v.capability;
  t.category = def.category;
  t.hardware = def.hardware;
  t.general_availability = v.lifecycle.general_availability;
  t.end_of_mainstream = v.lifecycle.end_of_mainstream;
  t.end_of_support = v.lifecycle.end_of_support;
  t.end_of_extended_support = v.lifecycle.end_of_extended_support;
  t.successor = v.lifecycle.successor;
  t.rank = v.rank > 0 ? v.rank : position;
  return t;
}

// How a version line is recognised: its `match` phrases ("a & b": all of a set), its version
// prefixes; a line with neither is matched by its name (a version number, or a phrase).
Line LineMatchers(const VersionDef& v) {
  Line line;
  for (const std::string& m : v.match) {
    std::vector<std::string> set;
    std::size_t start = 0;
    while (start <= m.size()) {
      std::size_t amp = m.find('&', start);
      if (amp == std::string::npos) amp = m.size();
      std::string phrase = NormaliseName(m.substr(start, amp - start));
      if (!phrase.empty()) set.push_back(phrase);
      start = amp + 1;
    }
    if (!set.empty()) line.phrase_sets.push_back(std::move(set));
  }
  for (const std::string& prefix : v.versions) line.prefixes.push_back(NormaliseVersion(prefix));
  if (v.match.empty() && v.versions.empty()) {
    if (HasDigit(v.line.substr(0, 1))) {
      line.prefixes.push_back(NormaliseVersion(v.line));
    } else {
      line.phrase_sets.push_back({NormaliseName(v.line)});
    }
  }
  return line;
}

}  // namespace

void Catalog::Impl::Report(Diagnostics* diagnostics, const SourceLocation& where,
                           std::string_view code, std::string message, Severity severity) {
  if (!diagnostics) return;
  Diagnostic d{where, severity, std::string(code), std::move(message)};
  if (!reported.insert(FormatDiagnostic(d)).second) return;
  diagnostics->Report(std::move(d));
}

RegexPtr Catalog::Impl::Compile(const std::string& pattern, const SourceLocation& where,
                                Diagnostics* diagnostics) {
  auto it = regex_cache.find(pattern);
  if (it != regex_cache.end()) return it->second;
  RegexPtr re;
  try {
    re = std::make_shared<const std::regex>(
        pattern, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
  } catch (const std::regex_error& e) {
    Report(diagnostics, where, "CAT004",
           "not a valid regular expression '" + pattern + "': " + e.what());
  }
  regex_cache.emplace(pattern, re);
  return re;
}

int Catalog::Impl::AddTechnology(Technology t, int product) {
  auto [it, inserted] = tech_by_id.emplace(t.id, static_cast<int>(techs.size()));
  if (!inserted) return -1;
  techs.push_back(std::move(t));
  tech_product.push_back(product);
  return it->second;
}

void Catalog::Impl::Build(Diagnostics* diagnostics) {
  Clear();
  const std::unordered_map<std::string, int> vendor_index = BuildVendors(diagnostics);
  for (const ProductDef& def : defs.products) AddProduct(def, vendor_index, diagnostics);
  CheckSuccessors(diagnostics);
  OrderProducts();
  compiled = true;
}

void Catalog::Impl::Clear() {
  vendors.clear();
  vendor_by_alias.clear();
  related.clear();
  products.clear();
  product_order.clear();
  products_of_vendor.clear();
  techs.clear();
  tech_product.clear();
  tech_by_id.clear();
  pair_cache.clear();
  triple_cache.clear();
}

std::unordered_map<std::string, int> Catalog::Impl::BuildVendors(Diagnostics* diagnostics) {
  std::unordered_map<std::string, int> vendor_index;
  for (const VendorDef& v : defs.vendors) {
    const int index = static_cast<int>(vendors.size());
    vendor_index.emplace(v.id, index);
    vendors.push_back({v.id, v.name, v.aliases});
    for (const std::string& alias : v.aliases) {
      vendor_by_alias.emplace(NormaliseVendor(alias), index);
    }
    vendor_by_alias.emplace(NormaliseVendor(v.name), index);
    vendor_by_alias.emplace(NormaliseVendor(v.id), index);
  }
  related.resize(vendors.size());
  for (std::size_t i = 0; i < defs.vendors.size(); ++i) {
    related[i].push_back(static_cast<int>(i));
    for (const std::string& r : defs.vendors[i].related) {
      auto it = vendor_index.find(r);
      if (it == vendor_index.end()) {
        Report(diagnostics, defs.vendors[i].where, "CAT007",
               "vendor '" + defs.vendors[i].id + "': related vendor '" + r + "' is not defined");
        continue;
      }
      related[i].push_back(it->second);
    }
  }
  return vendor_index;
}

void Catalog::Impl::AddProduct(const ProductDef& def,
                               const std::unordered_map<std::string, int>& vendor_index,
                               Diagnostics* diagnostics) {
  auto vendor = vendor_index.find(def.vendor);
  if (vendor == vendor_index.end()) {
    std::vector<std::string> ids;
    for (const VendorDef& v : defs.vendors) ids.push_back(v.id);
    std::string closest = ClosestName(def.vendor, ids);
    Report(diagnostics, def.vendor_where, "CAT007",
           "product '" + def.id + "': vendor '" + def.vendor + "' is not defined" +
               (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
    return;
  }
  Product p;
  p.def = &def;
  p.vendor = vendor->second;
  const int product_index = static_cast<int>(products.size());
  const CatalogVendor& vendor_def = vendors[p.vendor];
  CompileMatchers(def, vendor_def.name, p, diagnostics);
  p.tech = AddTechnology(ProductTechnology(def, vendor_def), product_index);
  if (p.tech < 0) {
    Report(diagnostics, def.where, "CAT006", "technology id '" + def.id + "' is defined twice");
    return;
  }
  int position = 0;
  for (const VersionDef& v : def.versions) {
    ++position;
    Technology t = VersionTechnology(def, v, vendor_def, position);
    const std::string id = t.id;
    Line line = LineMatchers(v);
    line.tech = AddTechnology(std::move(t), product_index);
    if (line.tech < 0) {
      Report(diagnostics, v.where, "CAT006", "technology id '" + id + "' is defined twice");
      continue;
    }
    p.lines.push_back(std::move(line));
  }
  products.push_back(std::move(p));
}

void Catalog::Impl::CompileMatchers(const ProductDef& def, const std::string& vendor_name,
                                    Product& p, Diagnostics* diagnostics) {
  for (const std::string& a : def.aliases) p.aliases.push_back(NormaliseName(a));
  p.aliases.push_back(NormaliseName(def.name));
  p.aliases.push_back(NormaliseName(vendor_name + " " + def.name));
  for (std::size_t i = 0; i < def.patterns.size(); ++i) {
    const SourceLocation& where = i < def.pattern_where.size() ? def.pattern_where[i] : def.where;
    if (RegexPtr re = Compile(def.patterns[i], where, diagnostics)) p.patterns.push_back(re);
  }
  for (std::size_t i = 0; i < def.vendor_patterns.size(); ++i) {
    const SourceLocation& where =
        i < def.vendor_pattern_where.size() ? def.vendor_pattern_where[i] : def.where;
    if (RegexPtr re = Compile(def.vendor_patterns[i], where, diagnostics)) {
      p.vendor_patterns.push_back(re);
    }
  }
  if (!def.model_pattern.empty()) {
    p.model = Compile(def.model_pattern, def.model_pattern_where, diagnostics);
    if (p.model && p.model->mark_count() < 1) {
      Report(diagnostics, def.model_pattern_where, "CAT004",
             "model_pattern of '" + def.id + "' needs a group ( ) around the model");
      p.model.reset();
    }
  }
}

void Catalog::Impl::CheckSuccessors(Diagnostics* diagnostics) {
  for (std::size_t i = 0; i < techs.size(); ++i) {
    const Technology& t = techs[i];
    if (t.successor.empty() || tech_by_id.count(t.successor)) continue;
    const ProductDef& def = *products[tech_product[i]].def;
    SourceLocation where = def.lifecycle.successor_where;
    for (const VersionDef& v : def.versions) {
      if (v.lifecycle.successor == t.successor) where = v.lifecycle.successor_where;
    }
    Report(diagnostics, where, "CAT008",
           "successor '" + t.successor + "' of '" + t.id + "' is not in the catalog",
           Severity::kWarning);
  }
}

void Catalog::Impl::OrderProducts() {
  product_order.resize(products.size());
  for (std::size_t i = 0; i < products.size(); ++i) product_order[i] = static_cast<int>(i);
  std::stable_sort(product_order.begin(), product_order.end(), [&](int a, int b) {
    return products[a].def->priority > products[b].def->priority;
  });
  products_of_vendor.assign(vendors.size(), {});
  for (int index : product_order) products_of_vendor[products[index].vendor].push_back(index);
}

}  // namespace samdrift::core
