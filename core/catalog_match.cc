// Matching vendor, product and version strings against the compiled catalog.
#include <algorithm>
#include <cctype>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog_impl.h"
#include "core/text.h"

namespace samdrift::core {
using namespace catalog_internal;

namespace {

constexpr std::size_t kMaxMatchText = 256;  // longer strings are cut before regex search

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

void Catalog::Impl::EnsureBuilt() {
  if (!compiled) Build(nullptr);
}

int Catalog::Impl::FindVendor(const std::string& normalised) const {
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

bool Catalog::Impl::ProductMatches(const Product& p, const std::string& product_text,
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

Catalog::Impl::PairMatch Catalog::Impl::MatchPair(std::string_view vendor,
                                                  std::string_view product) {
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

int Catalog::Impl::MatchLine(Product& p, int product_index, std::string_view product_text,
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

TechnologyMatch Catalog::Impl::Match(std::string_view vendor, std::string_view product,
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

}  // namespace samdrift::core
