#include "importers/device_type_yaml.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "importers/netbox_records.h"
#include "importers/yaml_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kImporter = "netbox-device-type";

// The keys of devicetype-library's device-type and module-type schemas.
const std::vector<std::string> kKnownKeys = {
    "manufacturer",
    "model",
    "slug",
    "part_number",
    "u_height",
    "is_full_depth",
    "airflow",
    "weight",
    "weight_unit",
    "front_image",
    "rear_image",
    "subdevice_role",
    "is_powered",
    "exclude_from_utilization",
    "default_platform",
    "description",
    "comments",
    "console-ports",
    "console-server-ports",
    "power-ports",
    "power-outlets",
    "interfaces",
    "front-ports",
    "rear-ports",
    "module-bays",
    "device-bays",
    "inventory-items",
    "profile",
    "attribute_data",
    "tags",
};
// Keys only rack types (rack-types/...) have.
constexpr std::string_view kRackTypeKeys[] = {"form_factor",   "width",       "starting_unit",
                                              "desc_units",    "outer_width", "outer_depth",
                                              "mounting_depth"};

core::SourceLocation At(const std::string& source, const YAML::Mark& mark) {
  if (mark.is_null()) return {source, 0, 0};
  return {source, mark.line + 1, mark.column + 1};
}

class TypeReader {
 public:
  TypeReader(const std::string& source, core::Batch& batch, core::Diagnostics& diagnostics)
      : source_(source), batch_(batch), diagnostics_(diagnostics) {}

  void Read(const YAML::Node& doc) {
    for (std::string_view key : kRackTypeKeys) {
      if (doc[std::string(key)]) {
        diagnostics_.Warning(At(source_, doc.Mark()), "DTL005",
                             "a rack type (it has '" + std::string(key) +
                                 "'), not a device or module type: skipped");
        return;
      }
    }
    core::DeviceType t;
    t.provenance = {std::string(kImporter), source_, doc.Mark().line + 1};
    bool ok = true;
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      const std::string key = it->first.IsScalar() ? it->first.Scalar() : "";
      if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end()) {
        std::string closest = core::ClosestName(key, kKnownKeys);
        diagnostics_.Warning(At(source_, it->first.Mark()), "DTL004",
                             "unknown key '" + key + "'" +
                                 (closest.empty() ? "" : "; did you mean '" + closest + "'?") +
                                 " (ignored)");
      }
    }
    ok &= Text(doc, "manufacturer", t.manufacturer, true);
    ok &= Text(doc, "model", t.model, true);
    ok &= Text(doc, "part_number", t.part_number, false);
    if (YAML::Node u = doc["u_height"]) {
      // Half units (0.5, 1.5) are rounded up: a planner needs the whole units a device blocks.
      if (auto v = Figure(u, "u_height", 0, 100)) {
        t.u_height = static_cast<int>(std::ceil(*v));
      } else {
        ok = false;
      }
    }
    if (YAML::Node depth = doc["is_full_depth"]) {
      std::string v = depth.IsScalar() ? core::ToLowerAscii(depth.Scalar()) : "";
      if (v == "true" || v == "yes") {
        t.full_depth = true;
      } else if (v == "false" || v == "no") {
        t.full_depth = false;
      } else {
        diagnostics_.Error(At(source_, depth.Mark()), "DTL006",
                           "is_full_depth: expected true or false, got '" + v + "'");
        ok = false;
      }
    }
    ok &= PowerPorts(doc, t);
    if (ok) batch_.device_types.push_back(std::move(t));
  }

 private:
  bool Text(const YAML::Node& doc, const char* key, std::string& out, bool required) {
    YAML::Node node = doc[key];
    if (node && node.IsScalar()) out = std::string(core::Trim(node.Scalar()));
    if (node && !node.IsScalar() && !node.IsNull()) {
      diagnostics_.Error(At(source_, node.Mark()), "DTL006", std::string(key) + ": expected text");
      return false;
    }
    if (required && out.empty()) {
      diagnostics_.Error(At(source_, doc.Mark()), "DTL003",
                         std::string(key) + ": missing; every device or module type needs one");
      return false;
    }
    return true;
  }

  std::optional<double> Figure(const YAML::Node& node, const std::string& what, double min,
                               double max) {
    std::optional<double> v;
    if (node.IsScalar()) v = core::ParseNumber(node.Scalar());
    if (!v || *v < min || *v > max) {
      diagnostics_.Error(At(source_, node.Mark()), "DTL006",
                         what + ": expected a number from " + std::to_string(int(min)) + " to " +
                             std::to_string(int(max)) + ", got '" +
                             (node.IsScalar() ? node.Scalar() : std::string("a structure")) + "'");
      return std::nullopt;
    }
    return v;
  }

  // The draws of the power ports (watts): allocated_draw added up (each supply carries its share
  // of the load), maximum_draw the largest of one supply (redundant supplies are each rated to
  // carry the whole device: two 750 W supplies are not a 1500 W device).
  bool PowerPorts(const YAML::Node& doc, core::DeviceType& t) {
    YAML::Node ports = doc["power-ports"];
    if (!ports || ports.IsNull()) return true;
    if (!ports.IsSequence()) {
      diagnostics_.Error(At(source_, ports.Mark()), "DTL006", "power-ports: expected a list");
      return false;
    }
    bool ok = true;
    for (const YAML::Node& port : ports) {
      if (!port.IsMap()) {
        diagnostics_.Error(At(source_, port.Mark()), "DTL006",
                           "power-ports: expected a mapping per port");
        ok = false;
        continue;
      }
      const std::string name = port["name"] && port["name"].IsScalar() ? port["name"].Scalar() : "";
      for (auto [field, total] : {std::pair{"maximum_draw", &t.max_draw_w},
                                  std::pair{"allocated_draw", &t.allocated_draw_w}}) {
        YAML::Node draw = port[field];
        if (!draw || draw.IsNull()) continue;
        auto v = Figure(draw, "power port '" + name + "' " + field, 0, 100000);
        if (!v) {
          ok = false;
          continue;
        }
        *total =
            total == &t.max_draw_w ? std::max(total->value_or(0), *v) : total->value_or(0) + *v;
      }
    }
    return ok;
  }

  const std::string& source_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::string_view DeviceTypeYamlImporter::Reads() const {
  return "NetBox device-type library YAML (device-types/ and module-types/: manufacturer, "
         "model, u_height, is_full_depth, power-ports with maximum_draw/allocated_draw)";
}

std::string_view DeviceTypeYamlImporter::Produces() const {
  return "catalog device types (no org): U height (half units rounded up), full depth, power "
         "draw: the power ports' allocated draws added up, else the largest one supply's maximum "
         "draw (PSU modules carry their own)";
}

int DeviceTypeYamlImporter::Sniff(std::string_view content) const {
  std::string text = core::ToUtf8(content.substr(0, std::min<std::size_t>(content.size(), 65536)));
  if (DetectNetboxForm(text) != NetboxForm::kYaml) return 0;
  // A single mapping (not a list of NetBox objects) with manufacturer and model.
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    std::string_view line = std::string_view(text).substr(
        pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    std::string_view trimmed = core::Trim(line);
    if (trimmed.empty() || trimmed[0] == '#' || trimmed.substr(0, 3) == "---") continue;
    if (trimmed[0] == '-' || line[0] == ' ') return 0;
    break;
  }
  std::vector<std::string> keys = NetboxYamlKeys(text);
  auto has = [&](std::string_view k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  return has("manufacturer") && has("model") ? 95 : 0;
}

void DeviceTypeYamlImporter::Import(std::string_view content, const std::string& source,
                                    const ImportOptions& /*options*/, core::Batch& batch,
                                    core::Diagnostics& diagnostics) const {
  std::vector<YAML::Node> documents;
  try {
    documents = LoadAllDocuments(core::ToUtf8(content));
  } catch (const YAML::DeepRecursion& e) {
    diagnostics.Error(At(source, e.mark), "DTL001",
                      "YAML nested deeper than " + std::to_string(e.depth()) + " levels");
    return;
  } catch (const YAML::Exception& e) {
    diagnostics.Error(At(source, e.mark), "DTL001", "YAML: " + e.msg);
    return;
  }
  TypeReader reader(source, batch, diagnostics);
  std::size_t types = 0;
  try {
    for (const YAML::Node& doc : documents) {
      if (doc.IsNull()) continue;
      ++types;
      if (!doc.IsMap()) {
        diagnostics.Error(At(source, doc.Mark()), "DTL002",
                          "expected a device or module type (a mapping of manufacturer, model, "
                          "...)");
        continue;
      }
      reader.Read(doc);
    }
  } catch (const YAML::Exception& e) {
    diagnostics.Error(At(source, e.mark), "DTL001", "YAML: " + e.msg);
  }
  if (types == 0) diagnostics.Error({source, 1, 0}, "DTL002", "no device type in the file");
}

}  // namespace samdrift::importers
