#include "planners/yaml_reader.h"

#include <algorithm>
#include <limits>

#include "core/text.h"

namespace samdrift::planners {

core::SourceLocation YamlReader::At(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {source_, 0, 0};
  return {source_, mark.line + 1, mark.column + 1};
}

void YamlReader::Error(const YAML::Node& node, std::string message) {
  diagnostics_.Error(At(node), codes_.bad_value, std::move(message));
}

void YamlReader::CheckKeys(const YAML::Node& map, const std::vector<std::string>& known,
                           std::string_view where) {
  for (const auto& item : map) {
    const std::string key = item.first.as<std::string>("");
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string closest = core::ClosestName(key, known);
    diagnostics_.Error(At(item.first), codes_.unknown_key,
                       "unknown key '" + key + "' in " + std::string(where) +
                           (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
  }
}

std::optional<std::string> YamlReader::Text(const YAML::Node& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, std::string(what) + ": expected a text value");
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<double> YamlReader::Number(const YAML::Node& node, std::string_view what,
                                         NumberKind kind) {
  const bool whole = kind == NumberKind::kWhole;
  if (!node.IsScalar()) {
    Error(node, std::string(what) + ": expected a number");
    return std::nullopt;
  }
  std::optional<double> value;
  if (whole) {
    if (auto i = core::ParseInteger(node.Scalar())) value = static_cast<double>(*i);
  } else {
    value = core::ParseNumber(node.Scalar());
  }
  if (!value) {
    Error(node, std::string(what) + ": expected " + (whole ? "a whole number" : "a number") +
                    ", got '" + node.Scalar() + "'");
    return std::nullopt;
  }
  if (*value < 0) {
    Error(node, std::string(what) + ": must not be negative, got '" + node.Scalar() + "'");
    return std::nullopt;
  }
  // Whole numbers become int counts (positions, rack U, wave sizes): refuse what would not fit.
  if (whole && *value > static_cast<double>(std::numeric_limits<int>::max())) {
    Error(node, std::string(what) + ": too large, got '" + node.Scalar() + "'");
    return std::nullopt;
  }
  return value;
}

bool ReadYamlMapping(std::string_view text, const std::string& source,
                     core::Diagnostics& diagnostics, YamlFileCodes codes,
                     std::string_view not_a_map_message,
                     const std::function<void(const YAML::Node& root)>& read) {
  const std::size_t errors_before = diagnostics.error_count();
  try {
    YAML::Node root = YAML::Load(std::string(text));
    if (!root.IsMap()) {
      const int line = root.IsNull() ? 1 : root.Mark().is_null() ? 0 : root.Mark().line + 1;
      diagnostics.Error({source, line, 0}, codes.not_a_map, std::string(not_a_map_message));
      return false;
    }
    read(root);
  } catch (const YAML::Exception& e) {
    diagnostics.Error(
        {source, e.mark.is_null() ? 0 : e.mark.line + 1, e.mark.is_null() ? 0 : e.mark.column + 1},
        codes.invalid_yaml, "not valid YAML: " + e.msg);
    return false;
  }
  return diagnostics.error_count() == errors_before;
}

}  // namespace samdrift::planners
