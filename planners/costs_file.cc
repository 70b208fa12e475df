#include "planners/costs_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/text.h"
#include "planners/yaml_reader.h"

namespace samdrift::planners {
namespace {

constexpr ReaderCodes kCostsCodes{"CST001", "CST002"};
constexpr LicenceUnit kLicenceUnits[] = {LicenceUnit::kCore, LicenceUnit::kHost, LicenceUnit::kVm,
                                         LicenceUnit::kClient, LicenceUnit::kUnit};

std::optional<double> Price(YamlReader& r, const YAML::Node& node, const std::string& what) {
  if (!node) return std::nullopt;
  return r.Number(node, what, NumberKind::kReal);
}

void ReadLicences(YamlReader& r, const YAML::Node& map, CostsFile& c) {
  if (!map.IsMap()) {
    r.Error(map, "per_year: licence: expected 'id: {per, amount}' pairs");
    return;
  }
  std::vector<std::string> units;
  for (LicenceUnit u : kLicenceUnits) units.emplace_back(ToString(u));
  for (const auto& item : map) {
    auto key = r.Text(item.first, "per_year: licence");
    if (!key) continue;
    const std::string what = "per_year: licence: " + *key;
    const YAML::Node value = item.second;
    if (!value.IsMap() || !value["per"] || !value["amount"]) {
      r.Error(value, what + ": expected {per: core|host|vm|client|unit, amount: N}");
      continue;
    }
    r.CheckKeys(value, {"per", "amount"}, what);
    LicencePrice price;
    const std::string per = r.Text(value["per"], what + ": per").value_or("");
    auto unit = std::find(units.begin(), units.end(), per);
    if (unit == units.end()) {
      const std::string closest = core::ClosestName(per, units);
      r.Error(value["per"], what + ": per: unknown unit '" + per + "'; expected " +
                                core::Join(units, ", ") +
                                (closest.empty() ? "" : " (did you mean '" + closest + "'?)"));
      continue;
    }
    price.per = kLicenceUnits[unit - units.begin()];
    auto amount = Price(r, value["amount"], what + ": amount");
    if (!amount) continue;
    price.amount = *amount;
    c.licence[*key] = price;
    c.locations["licence." + *key] = r.At(item.first);
  }
}

void ReadPerYear(YamlReader& r, const YAML::Node& root, CostsFile& c) {
  const YAML::Node per_year = root["per_year"];
  if (!per_year) return;
  if (!per_year.IsMap()) {
    r.Error(per_year, "per_year: expected hall, rack and licence");
    return;
  }
  r.CheckKeys(per_year, {"hall", "rack", "licence"}, "per_year");
  c.hall = Price(r, per_year["hall"], "per_year: hall");
  c.rack = Price(r, per_year["rack"], "per_year: rack");
  if (const YAML::Node licence = per_year["licence"]) ReadLicences(r, licence, c);
}

void ReadBuy(YamlReader& r, const YAML::Node& root, CostsFile& c) {
  const YAML::Node buy = root["buy"];
  if (!buy) return;
  if (!buy.IsMap()) {
    r.Error(buy, "buy: expected 'technology-or-capability: price' pairs");
    return;
  }
  for (const auto& item : buy) {
    auto key = r.Text(item.first, "buy");
    if (!key) continue;
    if (auto price = Price(r, item.second, "buy: " + *key)) {
      c.buy[*key] = *price;
      c.locations["buy." + *key] = r.At(item.first);
    }
  }
}

void ReadShare(YamlReader& r, const YAML::Node& root, CostsFile& c) {
  const YAML::Node share = root["share"];
  if (!share) return;
  if (share.IsMap()) {
    c.share = ShareKey::kWeights;
    for (const auto& item : share) {
      auto org = r.Text(item.first, "share");
      if (!org) continue;
      if (auto weight = Price(r, item.second, "share: " + *org)) {
        c.share_weights[*org] = *weight;
        c.locations["share." + *org] = r.At(item.first);
      }
    }
    return;
  }
  const std::string text = r.Text(share, "share").value_or("");
  if (text == "assets") {
    c.share = ShareKey::kAssets;
  } else if (text == "equal") {
    c.share = ShareKey::kEqual;
  } else {
    r.Error(share, "share: expected assets, equal or {ORG: weight}, got '" + text + "'");
  }
}

void ReadCostsFile(YamlReader& r, const YAML::Node& root, CostsFile& c) {
  r.CheckKeys(
      root,
      {"currency", "hour", "electricity_kwh", "pue", "per_year", "buy", "share", "discount_rate"},
      "the costs file");
  if (root["currency"]) c.currency = r.Text(root["currency"], "currency").value_or(c.currency);
  c.hour = Price(r, root["hour"], "hour");
  c.electricity_kwh = Price(r, root["electricity_kwh"], "electricity_kwh");
  c.pue = Price(r, root["pue"], "pue");
  if (c.pue && *c.pue < 1) {
    r.Error(root["pue"], "pue: must be at least 1, got '" + root["pue"].Scalar() + "'");
  }
  c.discount_rate = Price(r, root["discount_rate"], "discount_rate");
  if (c.discount_rate && *c.discount_rate >= 1) {
    r.Error(root["discount_rate"], "discount_rate: a share per year below 1 (0.04 for 4 %), got '" +
                                       root["discount_rate"].Scalar() + "'");
  }
  ReadPerYear(r, root, c);
  ReadBuy(r, root, c);
  ReadShare(r, root, c);
}

core::SourceLocation Where(const CostsFile& c, const std::string& key) {
  auto it = c.locations.find(key);
  return it != c.locations.end() ? it->second : core::SourceLocation{c.source, 0, 0};
}

}  // namespace

std::string_view ToString(LicenceUnit unit) {
  switch (unit) {
    case LicenceUnit::kCore:
      return "core";
    case LicenceUnit::kHost:
      return "host";
    case LicenceUnit::kVm:
      return "vm";
    case LicenceUnit::kClient:
      return "client";
    case LicenceUnit::kUnit:
      return "unit";
  }
  return "unit";
}

std::string_view ToString(ShareKey key) {
  switch (key) {
    case ShareKey::kAssets:
      return "assets";
    case ShareKey::kEqual:
      return "equal";
    case ShareKey::kWeights:
      return "weights";
  }
  return "assets";
}

std::optional<CostsFile> ParseCosts(std::string_view text, const std::string& source,
                                    core::Diagnostics& diagnostics) {
  CostsFile costs;
  costs.source = source;
  YamlReader reader(source, diagnostics, kCostsCodes);
  const bool ok = ReadYamlMapping(
      text, source, diagnostics, {"CST000", "CST003"},
      "a costs file is a YAML mapping (currency, hour, electricity_kwh, pue, per_year, buy, share)",
      [&](const YAML::Node& root) { ReadCostsFile(reader, root, costs); });
  if (!ok) return std::nullopt;
  return costs;
}

core::Result<CostsFile> LoadCosts(const std::string& path, core::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.Error({path, 0, 0}, "CST000", "cannot read the costs file");
    return core::Status::Invalid("cannot read the costs file '" + path + "'");
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto costs = ParseCosts(core::ToUtf8(text.str()), path, diagnostics);
  if (!costs) return core::Status::Invalid("invalid costs file '" + path + "'; nothing compared");
  return std::move(*costs);
}

bool CheckCosts(const CostsFile& costs, const core::Catalog& catalog,
                const std::vector<std::string>& store_orgs, core::Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  // Every name a key may be: technology and product ids, and capabilities.
  std::vector<std::string> names;
  for (std::size_t i = 0; i < catalog.technology_count(); ++i) {
    const core::Technology& t = catalog.technology(static_cast<int>(i));
    names.push_back(t.capability);
    names.push_back(t.id);
    names.push_back(t.product_id);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  auto check = [&](const std::string& section, const std::string& key) {
    if (std::binary_search(names.begin(), names.end(), key) || catalog.Find(key)) return;
    // A model the catalog names by pattern once it meets one ("dell-latitude-5440" of the
    // product "dell-latitude"): accepted when a known product's id and a dash begin it.
    for (std::size_t dash = key.find('-'); dash != std::string::npos;
         dash = key.find('-', dash + 1)) {
      if (std::binary_search(names.begin(), names.end(), key.substr(0, dash))) return;
    }
    const std::string closest = core::ClosestName(key, names);
    diagnostics.Error(Where(costs, section + "." + key), "CST010",
                      section + ": '" + key + "' is neither a technology id nor a capability" +
                          (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
  };
  for (const auto& [key, price] : costs.licence) check("licence", key);
  for (const auto& [key, price] : costs.buy) check("buy", key);
  for (const auto& [org, weight] : costs.share_weights) {
    if (std::find(store_orgs.begin(), store_orgs.end(), org) != store_orgs.end()) continue;
    const std::string closest = core::ClosestName(org, store_orgs);
    diagnostics.Error(Where(costs, "share." + org), "CST011",
                      "share: no org '" + org + "' in the store" +
                          (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
  }
  return diagnostics.error_count() == errors_before;
}

std::vector<std::string> PriceNames(const CostsFile& costs) {
  std::vector<std::string> names;
  if (costs.hour) names.push_back("hour");
  if (costs.electricity_kwh) names.push_back("electricity_kwh");
  if (costs.pue) names.push_back("pue");
  if (costs.hall) names.push_back("per_year.hall");
  if (costs.rack) names.push_back("per_year.rack");
  for (const auto& [key, price] : costs.licence) names.push_back("licence." + key);
  for (const auto& [key, price] : costs.buy) names.push_back("buy." + key);
  return names;
}

CostsFile ScalePrice(const CostsFile& costs, std::string_view name, double factor) {
  CostsFile scaled = costs;
  auto scale = [&](std::optional<double>& price) {
    if (price) *price *= factor;
  };
  if (name == "hour") scale(scaled.hour);
  if (name == "electricity_kwh") scale(scaled.electricity_kwh);
  if (name == "pue") scale(scaled.pue);
  if (name == "per_year.hall") scale(scaled.hall);
  if (name == "per_year.rack") scale(scaled.rack);
  if (name.substr(0, 8) == "licence.") {
    if (auto it = scaled.licence.find(std::string(name.substr(8))); it != scaled.licence.end()) {
      it->second.amount *= factor;
    }
  }
  if (name.substr(0, 4) == "buy.") {
    if (auto it = scaled.buy.find(std::string(name.substr(4))); it != scaled.buy.end()) {
      it->second *= factor;
    }
  }
  return scaled;
}

}  // namespace samdrift::planners
