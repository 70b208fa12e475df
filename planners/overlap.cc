#include "planners/overlap.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/graph.h"
#include "planners/usage.h"

namespace samdrift::planners {
namespace {

using CountKey = std::pair<std::string, std::string>;  // (capability, id)

struct Rows {
  std::map<CountKey, OverlapRow> rows;

  OverlapRow& At(OverlapLevel level, const std::string& capability, const std::string& id,
                 const std::string& name, core::Category category, std::size_t orgs) {
    auto [it, inserted] = rows.try_emplace({capability, id});
    if (inserted) {
      it->second.level = level;
      it->second.id = id;
      it->second.name = name;
      it->second.capability = capability;
      it->second.category = category;
      it->second.counts.assign(orgs, 0);
    }
    return it->second;
  }

  std::vector<OverlapRow> Finish(std::size_t orgs) {
    std::vector<OverlapRow> out;
    out.reserve(rows.size());
    for (auto& [key, row] : rows) {
      row.total = 0;
      row.org_count = 0;
      for (std::size_t c : row.counts) {
        row.total += c;
        row.org_count += c > 0 ? 1 : 0;
      }
      row.sharing = row.org_count == orgs && orgs > 1 ? Sharing::kAll
                    : row.org_count > 1               ? Sharing::kSome
                                                      : Sharing::kOne;
      out.push_back(std::move(row));
    }
    std::sort(out.begin(), out.end(), [](const OverlapRow& a, const OverlapRow& b) {
      return std::tuple(a.category, a.capability, -static_cast<long long>(a.org_count),
                        -static_cast<long long>(a.total), a.id) <
             std::tuple(b.category, b.capability, -static_cast<long long>(b.org_count),
                        -static_cast<long long>(b.total), b.id);
    });
    return out;
  }
};

std::vector<std::vector<double>> Matrix(const std::vector<OverlapRow>& rows, std::size_t orgs) {
  std::vector<std::map<CountKey, std::size_t>> per_org(orgs);
  for (const OverlapRow& row : rows) {
    for (std::size_t i = 0; i < orgs; ++i) {
      if (row.counts[i] > 0) per_org[i][{row.capability, row.id}] += row.counts[i];
    }
  }
  std::vector<std::vector<double>> m(orgs, std::vector<double>(orgs, 0.0));
  for (std::size_t i = 0; i < orgs; ++i) {
    m[i][i] = 1.0;
    for (std::size_t j = i + 1; j < orgs; ++j) {
      m[i][j] = m[j][i] = ComputeSimilarity(per_org[i], per_org[j]);
    }
  }
  return m;
}

}  // namespace

std::string_view ToString(OverlapLevel level) {
  switch (level) {
    case OverlapLevel::kVendor:
      return "vendor";
    case OverlapLevel::kProduct:
      return "product";
    case OverlapLevel::kVersion:
      return "version";
  }
  return "version";
}

std::string_view ToString(Sharing sharing) {
  switch (sharing) {
    case Sharing::kAll:
      return "all";
    case Sharing::kSome:
      return "some";
    case Sharing::kOne:
      return "one";
  }
  return "one";
}

double ComputeSimilarity(const std::map<std::pair<std::string, std::string>, std::size_t>& a,
                         const std::map<std::pair<std::string, std::string>, std::size_t>& b) {
  // Totals per capability.
  std::map<std::string, double> total_a, total_b;
  for (const auto& [key, n] : a) total_a[key.first] += static_cast<double>(n);
  for (const auto& [key, n] : b) total_b[key.first] += static_cast<double>(n);
  std::map<std::string, double> score;  // capability -> sum of min(share_a, share_b)
  for (const auto& [capability, t] : total_a) {
    if (t > 0 && total_b.count(capability) && total_b[capability] > 0) score[capability] = 0.0;
  }
  if (score.empty()) return 0.0;
  for (const auto& [key, n] : a) {
    auto it = score.find(key.first);
    if (it == score.end()) continue;
    auto other = b.find(key);
    if (other == b.end()) continue;
    it->second += std::min(static_cast<double>(n) / total_a[key.first],
                           static_cast<double>(other->second) / total_b[key.first]);
  }
  double sum = 0.0;
  for (const auto& [capability, s] : score) sum += s;
  return sum / static_cast<double>(score.size());
}

Overlap ComputeOverlap(const core::Estate& estate, const core::Catalog& catalog,
                       const std::vector<std::string>& orgs) {
  core::GraphView graph(estate);
  UsageSet usage = CollectUsage(estate, graph, catalog, orgs);
  Overlap o;
  o.orgs = usage.orgs;
  const std::size_t n = o.orgs.size();
  std::unordered_map<std::string, std::size_t> org_index;
  for (std::size_t i = 0; i < n; ++i) org_index[o.orgs[i]] = i;
  o.assets.assign(n, 0);
  o.matched.assign(n, 0);
  o.facets.assign(n, 0);

  Rows vendors, products, technologies;
  std::uint32_t last_carrier = UINT32_MAX;
  for (const Usage& u : usage.usages) {
    const core::Asset& carrier = graph.asset(u.carrier);
    auto oi = org_index.find(carrier.org);
    if (oi == org_index.end()) continue;
    const std::size_t i = oi->second;
    if (u.carrier.value != last_carrier) {
      ++o.assets[i];
      last_carrier = u.carrier.value;
    }
    ++o.matched[i];
    ++o.facets[i];
    const core::Technology& t = catalog.technology(u.technology);
    const core::Category category = CategoryFor(t, u.capability);
    OverlapRow& tech = technologies.At(OverlapLevel::kVersion, u.capability, t.id,
                                       t.product_level() && u.level == core::MatchLevel::kProduct
                                           ? t.name + " (version unknown)"
                                           : t.name,
                                       category, n);
    tech.version_unknown = t.product_level() && u.level == core::MatchLevel::kProduct;
    ++tech.counts[i];
    ++products
          .At(OverlapLevel::kProduct, u.capability, t.product_id, t.vendor + " " + t.product,
              category, n)
          .counts[i];
    ++vendors.At(OverlapLevel::kVendor, u.capability, t.vendor_id, t.vendor, category, n).counts[i];
  }

  // Unmatched strings, grouped by their normalised form.
  std::map<std::tuple<bool, std::string, std::string>, UnmatchedString> unmatched;
  for (const UnmatchedFacet& f : usage.unmatched) {
    const core::Asset& a = graph.asset(f.asset);
    auto oi = org_index.find(a.org);
    if (oi == org_index.end()) continue;
    ++o.facets[oi->second];
    const bool software = a.kind == core::AssetKind::kSoftware;
    auto key = std::tuple(software, core::NormaliseVendor(f.facet.vendor),
                          core::NormaliseName(f.facet.product));
    auto [it, inserted] = unmatched.try_emplace(key);
    UnmatchedString& u = it->second;
    if (inserted) {
      u.vendor = f.facet.vendor;
      u.product = f.facet.product;
      u.kind = a.kind;
      if (f.facet.match.vendor >= 0) u.vendor_id = catalog.vendors()[f.facet.match.vendor].id;
      u.counts.assign(n, 0);
    }
    ++u.counts[oi->second];
    ++u.total;
  }
  for (auto& [key, u] : unmatched) o.unmatched.push_back(std::move(u));
  std::stable_sort(o.unmatched.begin(), o.unmatched.end(),
                   [](const UnmatchedString& a, const UnmatchedString& b) {
                     const bool sa = a.kind == core::AssetKind::kSoftware;
                     const bool sb = b.kind == core::AssetKind::kSoftware;
                     if (sa != sb) return sb;
                     return a.total > b.total;
                   });

  o.vendors = vendors.Finish(n);
  o.products = products.Finish(n);
  o.technologies = technologies.Finish(n);
  o.similarity_by_level[OverlapLevel::kVendor] = Matrix(o.vendors, n);
  o.similarity_by_level[OverlapLevel::kProduct] = Matrix(o.products, n);
  o.similarity_by_level[OverlapLevel::kVersion] = Matrix(o.technologies, n);
  o.similarity = o.similarity_by_level[OverlapLevel::kProduct];
  return o;
}

}  // namespace samdrift::planners
