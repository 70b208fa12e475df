// What the orgs share: per capability and technology how many assets each org has, at three
// levels (vendor, product, version line); which technologies all, some or one org use; a
// similarity matrix between orgs; and the strings the catalog did not recognise.
#ifndef SAMDRIFT_PLANNERS_OVERLAP_H_
#define SAMDRIFT_PLANNERS_OVERLAP_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/model.h"

namespace samdrift::planners {

enum class OverlapLevel : std::uint8_t { kVendor, kProduct, kVersion };
inline constexpr OverlapLevel kAllOverlapLevels[] = {OverlapLevel::kVendor, OverlapLevel::kProduct,
                                                     OverlapLevel::kVersion};
std::string_view ToString(OverlapLevel level);

enum class Sharing : std::uint8_t { kAll, kSome, kOne };  // "all" | "some" | "one"
std::string_view ToString(Sharing sharing);

// One row: a vendor (per capability), a product, or a version-line technology.
struct OverlapRow {
  OverlapLevel level = OverlapLevel::kVersion;
  std::string id;    // vendor id ("vmware"), product id ("vmware-esxi"), technology id
  std::string name;  // "VMware", "VMware ESXi", "VMware ESXi 8"
  std::string capability;
  core::Category category = core::Category::kPlatform;
  std::vector<std::size_t> counts;  // per org, aligned with Overlap::orgs
  std::size_t total = 0;
  std::size_t org_count = 0;  // orgs with count > 0
  Sharing sharing = Sharing::kOne;
  bool version_unknown = false;  // version level: the product's assets whose version is unknown
};

// Vendor/product strings that matched no product (level kNone or kVendor).
struct UnmatchedString {
  std::string vendor;  // as imported (the first spelling seen of its normalised form)
  std::string product;
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string vendor_id;            // the catalog vendor when only the vendor was recognised
  std::vector<std::size_t> counts;  // per org
  std::size_t total = 0;
};

struct Overlap {
  std::vector<std::string> orgs;         // sorted
  std::vector<OverlapRow> vendors;       // per (capability, vendor)
  std::vector<OverlapRow> products;      // per product
  std::vector<OverlapRow> technologies;  // per version line (and product-level "version unknown")
  // similarity[i][j] in [0,1], symmetric, 1 on the diagonal; computed at the product level.
  // See ComputeSimilarity for the measure.
  std::vector<std::vector<double>> similarity;
  std::map<OverlapLevel, std::vector<std::vector<double>>> similarity_by_level;
  std::vector<UnmatchedString> unmatched;  // most frequent first (software rows last)
  std::vector<std::size_t> assets;         // per org: assets with a technology facet
  std::vector<std::size_t> matched;        // per org: facets matched at product level or better
  std::vector<std::size_t> facets;         // per org: facets considered
};

// Computes the overlap of the estate's orgs (`orgs` empty: all). Assets of kinds without a
// technology (site, hall, rack, network, cluster, service) are skipped; software installed on a
// host counts for the host.
Overlap ComputeOverlap(const core::Estate& estate, const core::Catalog& catalog,
                       const std::vector<std::string>& orgs = {});

// The similarity of two orgs at one level: for every capability both orgs have, the share of
// each org's assets per technology (so an org's size does not matter); the capability's score is
// the sum over technologies of min(share_a, share_b) (1 - total variation distance: the part of
// the estates that runs the same thing); the result is the mean over those capabilities, 0 when
// they have none in common. `counts_a`/`counts_b` map (capability, id) -> assets.
double ComputeSimilarity(
    const std::map<std::pair<std::string, std::string>, std::size_t>& counts_a,
    const std::map<std::pair<std::string, std::string>, std::size_t>& counts_b);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_OVERLAP_H_
