// The costs file (YAML, docs/formats.md): prices in one currency for work hours, electricity,
// halls, racks, licences and purchases, a discount rate, and the key that splits joint costs
// between orgs. A price the file does not give stays unknown (nullopt / absent), never zero.
#ifndef SAMDRIFT_PLANNERS_COSTS_FILE_H_
#define SAMDRIFT_PLANNERS_COSTS_FILE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.h"
#include "core/diagnostics.h"
#include "core/result.h"

namespace samdrift::planners {

// What one licence price is counted per.
enum class LicenceUnit : std::uint8_t { kCore, kHost, kVm, kClient, kUnit };
std::string_view ToString(LicenceUnit unit);  // "core", "host", "vm", "client", "unit"

struct LicencePrice {
  LicenceUnit per = LicenceUnit::kUnit;
  double amount = 0;
};

// How joint costs are split: by the orgs' asset counts, equally, or by the weights given.
enum class ShareKey : std::uint8_t { kAssets, kEqual, kWeights };
std::string_view ToString(ShareKey key);  // "assets", "equal", "weights"

struct CostsFile {
  std::string source;  // the file as named; empty when there is none
  std::string currency = "SEK";
  std::optional<double> hour;             // one hour of work
  std::optional<double> electricity_kwh;  // per kWh
  std::optional<double> pue;              // the halls' power usage effectiveness (1 or more)
  std::optional<double> hall;             // per_year: a hall kept in use
  std::optional<double> rack;             // per_year: a rack in use
  std::optional<double> discount_rate;    // per year, for the net present value (0.04 = 4 %)
  // per_year: licence: by technology id, product id or capability.
  std::map<std::string, LicencePrice> licence;
  std::map<std::string, double> buy;  // one unit of a target technology, by id or capability
  ShareKey share = ShareKey::kAssets;
  std::map<std::string, double> share_weights;  // org -> weight, with ShareKey::kWeights
  // Where names were written: "licence.KEY", "buy.KEY", "share.ORG".
  std::map<std::string, core::SourceLocation> locations;
};

// Parses costs YAML; every problem is a located error (CST000-CST003). nullopt on any error.
std::optional<CostsFile> ParseCosts(std::string_view text, const std::string& source,
                                    core::Diagnostics& diagnostics);
// Reads and parses a file; a file that cannot be read is Invalid too.
core::Result<CostsFile> LoadCosts(const std::string& path, core::Diagnostics& diagnostics);

// The names the file gives, checked: a licence or buy key that is neither a technology id nor a
// capability of `catalog` (CST010, naming the closest), a share weight for an org not in
// `store_orgs` (CST011). Returns false when any is reported.
bool CheckCosts(const CostsFile& costs, const core::Catalog& catalog,
                const std::vector<std::string>& store_orgs, core::Diagnostics& diagnostics);

// Every single price of the file by name ("hour", "electricity_kwh", "pue", "per_year.hall",
// "per_year.rack", "licence.KEY", "buy.KEY"), for the sensitivity of a comparison.
std::vector<std::string> PriceNames(const CostsFile& costs);
// The file with the price `name` times `factor` (unchanged when it has no such price).
CostsFile ScalePrice(const CostsFile& costs, std::string_view name, double factor);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_COSTS_FILE_H_
