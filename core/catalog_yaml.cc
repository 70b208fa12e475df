// Reading catalog YAML files (schema: core/catalog/README.md). yaml-cpp stays in this file.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "core/catalog_defs.h"
#include "core/date.h"
#include "core/text.h"

namespace samdrift::core::catalog_internal {
namespace {

const std::vector<std::string> kTopKeys = {"vendors", "products"};
const std::vector<std::string> kVendorKeys = {"id", "name", "aliases", "related"};
const std::vector<std::string> kLifecycleKeys = {"ga", "end_of_mainstream", "end_of_support",
                                                 "end_of_extended_support", "successor"};
const std::vector<std::string> kProductKeys = {"id",
                                               "vendor",
                                               "name",
                                               "capability",
                                               "category",
                                               "hardware",
                                               "priority",
                                               "aliases",
                                               "patterns",
                                               "vendor_patterns",
                                               "model_pattern",
                                               "model_id_prefix",
                                               "model_label",
                                               "capability_by_kind",
                                               "versions",
                                               "ga",
                                               "end_of_mainstream",
                                               "end_of_support",
                                               "end_of_extended_support",
                                               "successor"};
const std::vector<std::string> kVersionKeys = {"line",
                                               "id",
                                               "name",
                                               "match",
                                               "versions",
                                               "capability",
                                               "rank",
                                               "ga",
                                               "end_of_mainstream",
                                               "end_of_support",
                                               "end_of_extended_support",
                                               "successor"};

bool IsId(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_')) {
      return false;
    }
  }
  return true;
}

class Reader {
 public:
  Reader(const std::string& source, Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  SourceLocation At(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {source_, 1, 0};
    return {source_, mark.line + 1, mark.column + 1};
  }
  void Error(const YAML::Node& node, std::string_view code, std::string message) {
    diagnostics_.Error(At(node), code, std::move(message));
  }

  // The known entries of a map; unknown keys are reported with the closest known one.
  std::vector<std::pair<std::string, YAML::Node>> Entries(const YAML::Node& map,
                                                          const std::vector<std::string>& known,
                                                          std::string_view where) {
    std::vector<std::pair<std::string, YAML::Node>> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar()) {
        Error(it->first, "CAT003", std::string(where) + ": expected a plain key");
        continue;
      }
      const std::string key = it->first.Scalar();
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        std::string closest = ClosestName(key, known);
        Error(it->first, "CAT002",
              "unknown key '" + key + "' in " + std::string(where) +
                  (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
        continue;
      }
      if (!seen.insert(key).second) {
        Error(it->first, "CAT006", "key '" + key + "' appears twice in " + std::string(where));
        continue;
      }
      out.emplace_back(key, it->second);
    }
    return out;
  }

  bool Text(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!node.IsScalar()) {
      Error(node, "CAT003", std::string(what) + ": expected a single value");
      return false;
    }
    out = std::string(Trim(node.Scalar()));
    return true;
  }

  // A list of texts; a single text is a list of one.
  std::vector<std::string> Texts(const YAML::Node& node, std::string_view what,
                                 std::vector<SourceLocation>* where = nullptr) {
    std::vector<std::string> out;
    auto add = [&](const YAML::Node& item) {
      std::string text;
      if (Text(item, what, text) && !text.empty()) {
        out.push_back(text);
        if (where) where->push_back(At(item));
      }
    };
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) add(item);
    } else if (!node.IsNull()) {
      add(node);
    }
    return out;
  }

  void Date(const YAML::Node& node, std::string_view what, std::string& out) {
    std::string text;
    if (!Text(node, what, text) || text.empty()) return;
    if (!IsIsoDate(text)) {
      Error(node, "CAT004",
            std::string(what) + ": expected a date written yyyy-mm-dd, got '" + text + "'");
      return;
    }
    out = text;
  }

  bool Lifecycle(const std::string& key, const YAML::Node& value, catalog_internal::Lifecycle& l) {
    if (key == "ga") {
      Date(value, "ga", l.general_availability);
    } else if (key == "end_of_mainstream") {
      Date(value, key, l.end_of_mainstream);
    } else if (key == "end_of_support") {
      Date(value, key, l.end_of_support);
    } else if (key == "end_of_extended_support") {
      Date(value, key, l.end_of_extended_support);
    } else if (key == "successor") {
      Text(value, key, l.successor);
      l.successor_where = At(value);
    } else {
      return false;
    }
    return true;
  }

  void Vendor(const YAML::Node& node, Definitions& out) {
    if (!node.IsMap()) {
      Error(node, "CAT003", "vendors: expected a map per vendor (id:, name:, aliases:)");
      return;
    }
    VendorDef v;
    v.where = At(node);
    for (const auto& [key, value] : Entries(node, kVendorKeys, "a vendor")) {
      if (key == "id") {
        Text(value, "vendor id", v.id);
      } else if (key == "name") {
        Text(value, "vendor name", v.name);
      } else if (key == "aliases") {
        v.aliases = Texts(value, "vendor aliases");
      } else if (key == "related") {
        v.related = Texts(value, "vendor related");
      }
    }
    if (v.id.empty()) {
      Error(node, "CAT005", "a vendor needs an 'id'");
      return;
    }
    if (!IsId(v.id)) {
      Error(node["id"], "CAT004",
            "vendor id '" + v.id + "': use lowercase letters, digits, '-', '.', '_'");
      return;
    }
    if (v.name.empty()) v.name = v.id;
    if (!vendor_ids_.insert(v.id).second) {
      Error(node["id"], "CAT006", "vendor '" + v.id + "' is defined twice in this file");
      return;
    }
    auto it = std::find_if(out.vendors.begin(), out.vendors.end(),
                           [&](const VendorDef& d) { return d.id == v.id; });
    if (it != out.vendors.end()) {
      *it = std::move(v);  // a later file overrides
    } else {
      out.vendors.push_back(std::move(v));
    }
  }

  void Version(const YAML::Node& node, ProductDef& p) {
    if (!node.IsMap()) {
      if (node.IsScalar()) {  // shorthand: "- 6.7"
        VersionDef v;
        v.line = std::string(Trim(node.Scalar()));
        v.where = At(node);
        p.versions.push_back(std::move(v));
        return;
      }
      Error(node, "CAT003", "versions: expected a map per version line (line:, id:, ...)");
      return;
    }
    VersionDef v;
    v.where = At(node);
    for (const auto& [key, value] : Entries(node, kVersionKeys, "a version of " + p.id)) {
      if (Lifecycle(key, value, v.lifecycle)) continue;
      if (key == "line") {
        Text(value, "line", v.line);
      } else if (key == "id") {
        Text(value, "id", v.id);
        if (!v.id.empty() && !IsId(v.id)) {
          Error(value, "CAT004",
                "technology id '" + v.id + "': use lowercase letters, digits, '-', '.', '_'");
          v.id.clear();
        }
      } else if (key == "name") {
        Text(value, "name", v.name);
      } else if (key == "match") {
        v.match = Texts(value, "match");
      } else if (key == "versions") {
        v.versions = Texts(value, "versions");
      } else if (key == "capability") {
        Text(value, "capability", v.capability);
      } else if (key == "rank") {
        std::string text;
        if (Text(value, "rank", text)) {
          auto n = ParseInteger(text);
          if (!n || *n < 1 || *n > 100000) {
            Error(value, "CAT004", "rank: expected a whole number from 1, got '" + text + "'");
          } else {
            v.rank = static_cast<int>(*n);
          }
        }
      }
    }
    if (v.line.empty()) {
      Error(node, "CAT005", "a version of '" + p.id + "' needs a 'line'");
      return;
    }
    p.versions.push_back(std::move(v));
  }

  void Product(const YAML::Node& node, Definitions& out) {
    if (!node.IsMap()) {
      Error(node, "CAT003", "products: expected a map per product (id:, vendor:, name:, ...)");
      return;
    }
    ProductDef p;
    p.where = At(node);
    bool has_category = false;
    for (const auto& [key, value] : Entries(node, kProductKeys, "a product")) {
      if (Lifecycle(key, value, p.lifecycle)) continue;
      if (key == "id") {
        Text(value, "product id", p.id);
      } else if (key == "vendor") {
        Text(value, "vendor", p.vendor);
        p.vendor_where = At(value);
      } else if (key == "name") {
        Text(value, "name", p.name);
      } else if (key == "capability") {
        Text(value, "capability", p.capability);
      } else if (key == "category") {
        std::string text;
        if (Text(value, "category", text)) {
          if (auto c = ParseCategory(text)) {
            p.category = *c;
            has_category = true;
          } else {
            Error(value, "CAT004",
                  "category: expected datacenter, network, platform or client, got '" + text + "'");
          }
        }
      } else if (key == "hardware") {
        std::string text;
        if (Text(value, "hardware", text)) {
          if (text == "true" || text == "yes") {
            p.hardware = true;
          } else if (text == "false" || text == "no") {
            p.hardware = false;
          } else {
            Error(value, "CAT004", "hardware: expected true or false, got '" + text + "'");
          }
        }
      } else if (key == "priority") {
        std::string text;
        if (Text(value, "priority", text)) {
          auto n = ParseInteger(text);
          if (!n || *n < -1000 || *n > 1000) {
            Error(value, "CAT004", "priority: expected a whole number, got '" + text + "'");
          } else {
            p.priority = static_cast<int>(*n);
          }
        }
      } else if (key == "aliases") {
        p.aliases = Texts(value, "aliases");
      } else if (key == "patterns") {
        std::vector<SourceLocation> where;
        p.patterns = Texts(value, "patterns", &where);
        p.pattern_where = where;
      } else if (key == "vendor_patterns") {
        std::vector<SourceLocation> where;
        p.vendor_patterns = Texts(value, "vendor_patterns", &where);
        p.vendor_pattern_where = where;
      } else if (key == "model_pattern") {
        Text(value, "model_pattern", p.model_pattern);
        p.model_pattern_where = At(value);
      } else if (key == "model_id_prefix") {
        Text(value, "model_id_prefix", p.model_id_prefix);
      } else if (key == "model_label") {
        Text(value, "model_label", p.model_label);
        if (p.model_label.empty() || p.model_label == "\"\"")
          p.model_label = " ";  // vendor + model
      } else if (key == "capability_by_kind") {
        if (!value.IsMap()) {
          Error(value, "CAT003", "capability_by_kind: expected a map kind: capability");
          continue;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
          std::string kind_text, capability;
          if (!Text(it->first, "capability_by_kind", kind_text) ||
              !Text(it->second, "capability_by_kind", capability)) {
            continue;
          }
          auto kind = ParseAssetKind(kind_text);
          if (!kind) {
            Error(it->first, "CAT004",
                  "capability_by_kind: unknown asset kind '" + kind_text + "'");
            continue;
          }
          p.capability_by_kind.emplace_back(*kind, capability);
        }
      } else if (key == "versions") {
        if (!value.IsSequence()) {
          Error(value, "CAT003", "versions: expected a list of version lines");
          continue;
        }
        for (const YAML::Node& item : value) Version(item, p);
      }
    }
    if (p.id.empty()) {
      Error(node, "CAT005", "a product needs an 'id'");
      return;
    }
    if (!IsId(p.id)) {
      Error(node["id"], "CAT004",
            "product id '" + p.id + "': use lowercase letters, digits, '-', '.', '_'");
      return;
    }
    bool complete = true;
    for (auto [field, value] : {std::pair<const char*, const std::string*>{"vendor", &p.vendor},
                                {"name", &p.name},
                                {"capability", &p.capability}}) {
      if (value->empty()) {
        Error(node, "CAT005", "product '" + p.id + "' needs a '" + field + "'");
        complete = false;
      }
    }
    if (!complete) return;
    if (!has_category) p.category = DefaultCategory(AssetKind::kDevice, p.capability);
    if (!product_ids_.insert(p.id).second) {
      Error(node["id"], "CAT006", "product '" + p.id + "' is defined twice in this file");
      return;
    }
    auto it = std::find_if(out.products.begin(), out.products.end(),
                           [&](const ProductDef& d) { return d.id == p.id; });
    if (it != out.products.end()) {
      *it = std::move(p);
    } else {
      out.products.push_back(std::move(p));
    }
  }

  void File(const YAML::Node& root, Definitions& out) {
    if (!root || root.IsNull()) return;  // an empty file adds nothing
    if (!root.IsMap()) {
      Error(root, "CAT003", "a catalog file is a map with 'vendors:' and/or 'products:'");
      return;
    }
    for (const auto& [key, value] : Entries(root, kTopKeys, "the catalog")) {
      if (value.IsNull()) continue;
      if (!value.IsSequence()) {
        Error(value, "CAT003", key + ": expected a list");
        continue;
      }
      for (const YAML::Node& item : value) {
        if (key == "vendors") {
          Vendor(item, out);
        } else {
          Product(item, out);
        }
      }
    }
  }

 private:
  const std::string& source_;
  Diagnostics& diagnostics_;
  std::set<std::string> vendor_ids_;
  std::set<std::string> product_ids_;
};

}  // namespace

void ParseCatalogYaml(std::string_view text, const std::string& source, Definitions& out,
                      Diagnostics& diagnostics) {
  Reader reader(source, diagnostics);
  try {
    YAML::Node root = YAML::Load(ToUtf8(text));
    reader.File(root, out);
  } catch (const YAML::Exception& e) {
    diagnostics.Error(
        {source, e.mark.is_null() ? 1 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1},
        "CAT001", "not valid YAML: " + e.msg);
  }
}

}  // namespace samdrift::core::catalog_internal
