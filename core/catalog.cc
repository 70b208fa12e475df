#include "core/catalog.h"

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/catalog_defs.h"
#include "core/text.h"

#ifndef SAMDRIFT_CATALOG_SOURCE_DIR
#define SAMDRIFT_CATALOG_SOURCE_DIR ""
#endif
#ifndef SAMDRIFT_CATALOG_INSTALL_DIR
#define SAMDRIFT_CATALOG_INSTALL_DIR ""
#endif

namespace samdrift::core {
namespace fs = std::filesystem;
using namespace catalog_internal;

namespace {

constexpr std::size_t kMaxMatchText = 256;  // longer strings are cut before regex search

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

bool HasDigit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool ContainsPhrase(const std::string& padded, const std::string& phrase) {
  if (phrase.empty()) return false;
  std::string needle;
  needle.reserve(phrase.size() + 2);
  needle += ' ';
  needle += phrase;
  needle += ' ';
  return padded.find(needle) != std::string::npos;
}

bool VersionHasPrefix(const std::string& version, const std::string& prefix) {
  if (version.empty() || prefix.empty()) return false;
  if (version == prefix) return true;
  if (version.size() > prefix.size() && version.compare(0, prefix.size(), prefix) == 0) {
    char next = version[prefix.size()];
    return next == '.' || next == ' ';
  }
  return prefix == version + ".0";  // "7" is 7.0
}

std::string Display(std::string_view model) {
  // "dl380 gen10 plus" -> "DL380 Gen10 Plus"
  std::string out;
  std::size_t i = 0;
  while (i < model.size()) {
    std::size_t end = model.find(' ', i);
    if (end == std::string_view::npos) end = model.size();
    std::string token(model.substr(i, end - i));
    if (!out.empty()) out += ' ';
    if (token.rfind("gen", 0) == 0 && token.size() > 3) {
      out += "Gen" + token.substr(3);
    } else if (token == "plus") {
      out += "Plus";
    } else {
      for (char& c : token) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      out += token;
    }
    i = end + 1;
  }
  return out;
}

}  // namespace

std::string_view ToString(MatchLevel level) {
  switch (level) {
    case MatchLevel::kNone:
      return "none";
    case MatchLevel::kVendor:
      return "vendor";
    case MatchLevel::kProduct:
      return "product";
    case MatchLevel::kVersion:
      return "version";
  }
  return "none";
}

std::string_view ToString(FacetSource source) {
  switch (source) {
    case FacetSource::kFields:
      return "fields";
    case FacetSource::kOs:
      return "os";
    case FacetSource::kPlatform:
      return "platform";
    case FacetSource::kHypervisor:
      return "hypervisor";
  }
  return "fields";
}

struct Catalog::Impl {
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

  void Report(Diagnostics* diagnostics, const SourceLocation& where, std::string_view code,
              std::string message, Severity severity = Severity::kError) {
    if (!diagnostics) return;
    Diagnostic d{where, severity, std::string(code), std::move(message)};
    if (!reported.insert(FormatDiagnostic(d)).second) return;
    diagnostics->Report(std::move(d));
  }

  RegexPtr Compile(const std::string& pattern, const SourceLocation& where,
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

  int AddTechnology(Technology t, int product) {
    auto [it, inserted] = tech_by_id.emplace(t.id, static_cast<int>(techs.size()));
    if (!inserted) return -1;
    techs.push_back(std::move(t));
    tech_product.push_back(product);
    return it->second;
  }

  void Build(Diagnostics* diagnostics) {
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

    for (const ProductDef& def : defs.products) {
      auto vendor = vendor_index.find(def.vendor);
      if (vendor == vendor_index.end()) {
        std::vector<std::string> ids;
        for (const VendorDef& v : defs.vendors) ids.push_back(v.id);
        std::string closest = ClosestName(def.vendor, ids);
        Report(diagnostics, def.vendor_where, "CAT007",
               "product '" + def.id + "': vendor '" + def.vendor + "' is not defined" +
                   (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
        continue;
      }
      Product p;
      p.def = &def;
      p.vendor = vendor->second;
      const int product_index = static_cast<int>(products.size());
      const std::string& vendor_name = vendors[p.vendor].name;
      for (const std::string& a : def.aliases) p.aliases.push_back(NormaliseName(a));
      p.aliases.push_back(NormaliseName(def.name));
      p.aliases.push_back(NormaliseName(vendor_name + " " + def.name));
      for (std::size_t i = 0; i < def.patterns.size(); ++i) {
        const SourceLocation& where =
            i < def.pattern_where.size() ? def.pattern_where[i] : def.where;
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
      Technology product_tech;
      product_tech.id = def.id;
      product_tech.vendor_id = vendors[p.vendor].id;
      product_tech.vendor = vendor_name;
      product_tech.product_id = def.id;
      product_tech.product = def.name;
      product_tech.name = vendor_name + " " + def.name;
      product_tech.capability = def.capability;
      product_tech.category = def.category;
      product_tech.hardware = def.hardware;
      product_tech.general_availability = def.lifecycle.general_availability;
      product_tech.end_of_mainstream = def.lifecycle.end_of_mainstream;
      product_tech.end_of_support = def.lifecycle.end_of_support;
      product_tech.end_of_extended_support = def.lifecycle.end_of_extended_support;
      product_tech.successor = def.lifecycle.successor;
      p.tech = AddTechnology(std::move(product_tech), product_index);
      if (p.tech < 0) {
        Report(diagnostics, def.where, "CAT006", "technology id '" + def.id + "' is defined twice");
        continue;
      }
      int position = 0;
      for (const VersionDef& v : def.versions) {
        ++position;
        Technology t;
        t.id = v.id.empty() ? def.id + "-" + Slug(v.line) : v.id;
        t.vendor_id = vendors[p.vendor].id;
        t.vendor = vendor_name;
        t.product_id = def.id;
        t.product = def.name;
        t.version = v.line;
        t.name = v.name.empty() ? vendor_name + " " + def.name + " " + v.line : v.name;
        t.capability = v.capability.empty() ? def.capability : v.capability;
        t.category = def.category;
        t.hardware = def.hardware;
        t.general_availability = v.lifecycle.general_availability;
        t.end_of_mainstream = v.lifecycle.end_of_mainstream;
        t.end_of_support = v.lifecycle.end_of_support;
        t.end_of_extended_support = v.lifecycle.end_of_extended_support;
        t.successor = v.lifecycle.successor;
        t.rank = v.rank > 0 ? v.rank : position;
        const std::string id = t.id;
        Line line;
        line.tech = AddTechnology(std::move(t), product_index);
        if (line.tech < 0) {
          Report(diagnostics, v.where, "CAT006", "technology id '" + id + "' is defined twice");
          continue;
        }
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
        for (const std::string& prefix : v.versions)
          line.prefixes.push_back(NormaliseVersion(prefix));
        if (v.match.empty() && v.versions.empty()) {
          if (HasDigit(v.line.substr(0, 1))) {
            line.prefixes.push_back(NormaliseVersion(v.line));
          } else {
            line.phrase_sets.push_back({NormaliseName(v.line)});
          }
        }
        p.lines.push_back(std::move(line));
      }
      products.push_back(std::move(p));
    }

    // Successors must exist.
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

    product_order.resize(products.size());
    for (std::size_t i = 0; i < products.size(); ++i) product_order[i] = static_cast<int>(i);
    std::stable_sort(product_order.begin(), product_order.end(), [&](int a, int b) {
      return products[a].def->priority > products[b].def->priority;
    });
    products_of_vendor.assign(vendors.size(), {});
    for (int index : product_order) products_of_vendor[products[index].vendor].push_back(index);
    compiled = true;
  }

  void EnsureBuilt() {
    if (!compiled) Build(nullptr);
  }

  int FindVendor(const std::string& normalised) const {
    if (normalised.empty()) return -1;
    auto it = vendor_by_alias.find(normalised);
    if (it != vendor_by_alias.end()) return it->second;
    // The longest alias that starts the text at a word boundary: "dell emc poweredge" -> dell.
    int best = -1;
    std::size_t best_length = 0;
    std::size_t space = normalised.find(' ');
    while (space != std::string::npos) {
      auto prefix = vendor_by_alias.find(normalised.substr(0, space));
      if (prefix != vendor_by_alias.end() && space > best_length) {
        best = prefix->second;
        best_length = space;
      }
      space = normalised.find(' ', space + 1);
    }
    return best;
  }

  // `vendor_known`: the vendor string named this product's vendor (or a related one), so the
  // product's weaker vendor_patterns apply too.
  bool ProductMatches(const Product& p, const std::string& product_text,
                      const std::string& combined, bool vendor_known) const {
    // An alias is the whole text, or the text's start followed by a version ("Acme Hyper 2.1").
    auto starts = [](const std::string& text, const std::string& alias) {
      return text.size() > alias.size() + 1 && text.compare(0, alias.size(), alias) == 0 &&
             text[alias.size()] == ' ' &&
             std::isdigit(static_cast<unsigned char>(text[alias.size() + 1]));
    };
    for (const std::string& alias : p.aliases) {
      if (alias.empty()) continue;
      if (alias == product_text || alias == combined) return true;
      if (starts(product_text, alias) || starts(combined, alias)) return true;
    }
    // Patterns look at the product text only: a vendor string that repeats the product family
    // ("Fedora Project" / "gnome-calculator") must not make every package that product.
    auto search = [&](const std::vector<RegexPtr>& patterns) {
      for (const RegexPtr& re : patterns) {
        if (std::regex_search(product_text, *re)) return true;
      }
      return false;
    };
    return search(p.patterns) || (vendor_known && search(p.vendor_patterns));
  }

  PairMatch MatchPair(std::string_view vendor, std::string_view product) {
    std::string key;
    key.reserve(vendor.size() + product.size() + 1);
    key += vendor;
    key += '\x1f';
    key += product;
    auto cached = pair_cache.find(key);
    if (cached != pair_cache.end()) return cached->second;

    PairMatch m;
    std::string nv = NormaliseVendor(vendor.substr(0, kMaxMatchText));
    std::string np = NormaliseName(product.substr(0, kMaxMatchText));
    m.vendor = FindVendor(nv);
    if (m.vendor < 0 && nv.empty()) m.vendor = FindVendor(np);
    std::string combined = nv.empty() ? np : nv + " " + np;
    if (!np.empty()) {
      auto try_products = [&](const std::vector<int>& candidates, bool vendor_known) {
        for (int index : candidates) {
          if (ProductMatches(products[index], np, combined, vendor_known)) {
            m.product = index;
            return true;
          }
        }
        return false;
      };
      // The vendor's own products and its related vendors' in one list, by priority (the
      // vendor's own first among equals), so that a low-priority catch-all of the vendor
      // ("Red Hat distribution packages") never hides a related vendor's named product.
      auto of_vendor_and_related = [&](int vendor) {
        std::vector<int> all;
        for (int v : related[vendor]) {
          all.insert(all.end(), products_of_vendor[v].begin(), products_of_vendor[v].end());
        }
        std::stable_sort(all.begin(), all.end(), [&](int a, int b) {
          return products[a].def->priority > products[b].def->priority;
        });
        return all;
      };
      if (m.vendor >= 0 && !nv.empty()) {
        try_products(of_vendor_and_related(m.vendor), true);
      } else {
        // No vendor string, or one the catalog does not know ("Winbond Electronics" for a
        // PowerEdge): every product, strong patterns only. A vendor named only inside the
        // product text ("VMware ESXi") lets that vendor's weaker patterns apply.
        if (m.vendor >= 0) try_products(of_vendor_and_related(m.vendor), true);
        if (m.product < 0) try_products(product_order, false);
      }
      if (m.product >= 0) m.vendor = products[m.product].vendor;
    }
    pair_cache.emplace(std::move(key), m);
    return m;
  }

  // The version line of `product` for these strings, or -1.
  int MatchLine(Product& p, int product_index, std::string_view product_text,
                std::string_view version_text) {
    const std::string np = NormaliseName(product_text.substr(0, kMaxMatchText));
    const std::string nver = NormaliseName(version_text.substr(0, kMaxMatchText));
    const std::string padded = " " + np + " " + nver + " ";
    std::vector<std::string> versions;
    if (HasDigit(version_text))
      versions.push_back(NormaliseVersion(version_text.substr(0, kMaxMatchText)));
    if (!p.def->hardware && HasDigit(product_text)) {
      versions.push_back(NormaliseVersion(product_text.substr(0, kMaxMatchText)));
    }
    int best = -1;
    std::size_t best_score = 0;
    for (const Line& line : p.lines) {
      std::size_t score = 0;
      for (const auto& set : line.phrase_sets) {
        std::size_t length = 0;
        bool all = true;
        for (const std::string& phrase : set) {
          if (!ContainsPhrase(padded, phrase)) {
            all = false;
            break;
          }
          length += phrase.size();
        }
        if (all) score = std::max(score, length);
      }
      for (const std::string& prefix : line.prefixes) {
        for (const std::string& v : versions) {
          if (VersionHasPrefix(v, prefix)) score = std::max(score, 1000 + prefix.size());
        }
      }
      if (score > best_score) {
        best_score = score;
        best = line.tech;
      }
    }
    if (best >= 0 || !p.model) return best;
    // A model named by the product's model pattern: a known line or a new technology.
    std::smatch match;
    const std::string text = nver.empty() ? np : np + " " + nver;
    if (!std::regex_search(text, match, *p.model) || !match[1].matched) return -1;
    // Every group that took part, in order: "EliteBook 840 14 inch G9" gives "840 g9" when the
    // size between the model and its generation is outside the groups.
    std::string model;
    for (std::size_t g = 1; g < match.size(); ++g) {
      if (!match[g].matched) continue;
      const std::string part = NormaliseName(match[g].str());
      if (!part.empty()) model += (model.empty() ? "" : " ") + part;
    }
    if (model.empty()) return -1;
    const std::string prefix = p.def->model_id_prefix.empty() ? p.def->id : p.def->model_id_prefix;
    const std::string id = prefix + "-" + Slug(model);
    if (auto it = tech_by_id.find(id); it != tech_by_id.end()) return it->second;
    const Technology& base = techs[p.tech];
    Technology t = base;
    t.id = id;
    t.version = Display(model);
    std::string label = p.def->model_label;
    if (label.empty() && p.def->model_id_prefix.empty()) label = p.def->name;
    label = std::string(Trim(label));
    t.name = base.vendor + " " + (label.empty() ? "" : label + " ") + t.version;
    t.general_availability.clear();
    t.end_of_mainstream.clear();
    t.end_of_support.clear();
    t.end_of_extended_support.clear();
    t.successor.clear();
    t.rank = 0;
    return AddTechnology(std::move(t), product_index);
  }

  TechnologyMatch Match(std::string_view vendor, std::string_view product,
                        std::string_view version) {
    EnsureBuilt();
    std::string key;
    key.reserve(vendor.size() + product.size() + version.size() + 2);
    key += vendor;
    key += '\x1f';
    key += product;
    key += '\x1f';
    key += version;
    auto cached = triple_cache.find(key);
    if (cached != triple_cache.end()) return cached->second;
    TechnologyMatch m;
    PairMatch pair = MatchPair(vendor, product);
    m.vendor = pair.vendor;
    if (pair.product >= 0) {
      Product& p = products[pair.product];
      if (p.lines.empty() && !p.model) {
        m.level = MatchLevel::kVersion;
        m.technology = p.tech;
      } else {
        int line = MatchLine(p, pair.product, product, version);
        m.level = line >= 0 ? MatchLevel::kVersion : MatchLevel::kProduct;
        m.technology = line >= 0 ? line : p.tech;
      }
    } else if (pair.vendor >= 0) {
      m.level = MatchLevel::kVendor;
    }
    triple_cache.emplace(std::move(key), m);
    return m;
  }
};

Catalog::Catalog() : impl_(std::make_unique<Impl>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

Status Catalog::AddYaml(std::string_view text, const std::string& source,
                        Diagnostics& diagnostics) {
  const std::size_t errors = diagnostics.error_count();
  ParseCatalogYaml(text, source, impl_->defs, diagnostics);
  impl_->Build(&diagnostics);
  if (diagnostics.error_count() > errors) {
    return Status::Invalid("the catalog file '" + source + "' has errors");
  }
  return Status::Ok();
}

Status Catalog::AddFile(const std::string& path, Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return Status::Usage("cannot read the catalog file '" + path + "': no such file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return Status::Usage("cannot read the catalog file '" + path + "'");
  return AddYaml(content.str(), path, diagnostics);
}

const std::vector<CatalogVendor>& Catalog::vendors() const {
  impl_->EnsureBuilt();
  return impl_->vendors;
}

std::size_t Catalog::technology_count() const {
  impl_->EnsureBuilt();
  return impl_->techs.size();
}

const Technology& Catalog::technology(int index) const {
  return impl_->techs[static_cast<std::size_t>(index)];
}

const Technology* Catalog::Find(std::string_view technology_id) const {
  impl_->EnsureBuilt();
  auto it = impl_->tech_by_id.find(std::string(technology_id));
  return it == impl_->tech_by_id.end() ? nullptr : &impl_->techs[it->second];
}

std::string Catalog::ClosestId(std::string_view id) const {
  impl_->EnsureBuilt();
  std::vector<std::string> ids;
  ids.reserve(impl_->techs.size());
  for (const Technology& t : impl_->techs) ids.push_back(t.id);
  return ClosestName(id, ids);
}

std::vector<const Technology*> Catalog::VersionsOf(std::string_view product_id) const {
  impl_->EnsureBuilt();
  std::vector<const Technology*> out;
  const Technology* product_level = nullptr;
  for (const Technology& t : impl_->techs) {
    if (t.product_id != product_id) continue;
    if (t.product_level()) {
      product_level = &t;
    } else {
      out.push_back(&t);
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Technology* a, const Technology* b) { return a->rank > b->rank; });
  if (product_level) out.push_back(product_level);
  return out;
}

TechnologyMatch Catalog::Match(std::string_view vendor, std::string_view product,
                               std::string_view version) const {
  return impl_->Match(vendor, product, version);
}

std::vector<AssetFacet> Catalog::Facets(const Asset& asset) const {
  std::vector<AssetFacet> out;
  switch (asset.kind) {
    case AssetKind::kDevice:
    case AssetKind::kVm:
    case AssetKind::kClient:
    case AssetKind::kSoftware:
    case AssetKind::kCluster:  // its platform: "VMware vSphere", "Microsoft Hyper-V"
      break;
    default:
      return out;
  }
  auto attr = [&](std::initializer_list<std::string_view> keys) -> std::string_view {
    for (std::string_view key : keys) {
      if (const std::string* value = asset.Attr(key); value && !value->empty()) return *value;
    }
    return {};
  };
  auto add = [&](FacetSource source, std::string_view vendor, std::string_view product,
                 std::string_view version) {
    if (Trim(vendor).empty() && Trim(product).empty()) return;
    AssetFacet f;
    f.source = source;
    f.vendor = std::string(Trim(vendor));
    f.product = std::string(Trim(product));
    f.version = std::string(Trim(version));
    // The same strings twice (a VM's OS in its fields and in attributes) count once.
    for (const AssetFacet& other : out) {
      if (other.vendor == f.vendor && other.product == f.product && other.version == f.version) {
        return;
      }
    }
    f.match = impl_->Match(f.vendor, f.product, f.version);
    if (f.match.technology >= 0) {
      const Technology& t = impl_->techs[f.match.technology];
      f.capability = t.capability;
      const ProductDef& def = *impl_->products[impl_->tech_product[f.match.technology]].def;
      for (const auto& [kind, capability] : def.capability_by_kind) {
        if (kind == asset.kind) f.capability = capability;
      }
    }
    out.push_back(std::move(f));
  };
  add(FacetSource::kFields, asset.vendor, asset.product, asset.version);
  add(FacetSource::kOs, attr({"os_vendor", "os_manufacturer"}),
      attr({"os", "os_name", "operating_system", "os_full_name"}),
      attr({"os_version", "os_build"}));
  add(FacetSource::kPlatform, "", attr({"platform"}), attr({"platform_version"}));
  add(FacetSource::kHypervisor, attr({"hypervisor_vendor"}), attr({"hypervisor"}),
      attr({"hypervisor_version"}));
  // One facet per capability: the best recognised one (the first on a tie).
  std::vector<AssetFacet> kept;
  for (AssetFacet& f : out) {
    if (f.capability.empty()) {
      kept.push_back(std::move(f));
      continue;
    }
    auto same = std::find_if(kept.begin(), kept.end(),
                             [&](const AssetFacet& k) { return k.capability == f.capability; });
    if (same == kept.end()) {
      kept.push_back(std::move(f));
    } else if (f.match.level > same->match.level) {
      *same = std::move(f);
    }
  }
  // An unrecognised facet beside a recognised one from the same strings' source is noise only
  // when it repeats another facet's product text (e.g. platform = os).
  return kept;
}

std::string BundledCatalogDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SAMDRIFT_CATALOG_DIR"); env && *env) {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec)
    candidates.push_back((exe.parent_path().parent_path() / "share/samdrift/catalog").string());
  if (*SAMDRIFT_CATALOG_SOURCE_DIR) candidates.emplace_back(SAMDRIFT_CATALOG_SOURCE_DIR);
  if (*SAMDRIFT_CATALOG_INSTALL_DIR) candidates.emplace_back(SAMDRIFT_CATALOG_INSTALL_DIR);
  for (const std::string& dir : candidates) {
    if (fs::is_directory(dir, ec)) return dir;
  }
  return candidates.empty() ? std::string() : candidates.back();
}

Result<Catalog> LoadCatalog(const std::vector<std::string>& extra_files, Diagnostics& diagnostics) {
  Catalog catalog;
  const std::string dir = BundledCatalogDir();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) {
    return Status::Usage("the bundled technology catalog is missing (looked for '" + dir +
                         "'; set SAMDRIFT_CATALOG_DIR)");
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".yaml" || entry.path().extension() == ".yml") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  bool failed = false;
  Diagnostics* sink = &diagnostics;
  // Parse every file first, build once (building after each file is wasted work).
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::size_t errors = sink->error_count();
    ParseCatalogYaml(content.str(), file.string(), catalog.impl_->defs, *sink);
    failed = failed || sink->error_count() > errors;
  }
  for (const std::string& file : extra_files) {
    std::error_code exists_ec;
    if (!fs::is_regular_file(file, exists_ec)) {
      return Status::Usage("cannot read the catalog file '" + file + "': no such file");
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const std::size_t errors = sink->error_count();
    ParseCatalogYaml(content.str(), file, catalog.impl_->defs, *sink);
    failed = failed || sink->error_count() > errors;
  }
  const std::size_t errors = sink->error_count();
  catalog.impl_->Build(sink);
  failed = failed || sink->error_count() > errors;
  if (failed) return Status::Invalid("the technology catalog has errors");
  return catalog;
}

}  // namespace samdrift::core
