#include "tools/serve/scenario_form.h"

#include <yaml-cpp/yaml.h>

namespace samdrift::tools::serve {
using nlohmann::ordered_json;

namespace {

ordered_json LineOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? ordered_json(nullptr) : ordered_json(mark.line + 1);
}

bool Flow(const YAML::Node& container) { return container.Style() == YAML::EmitterStyle::Flow; }

// Each scalar (or empty) value of `map` as a field PREFIX.KEY, located at its key's line.
void AddScalars(const YAML::Node& map, const std::string& prefix, ordered_json& fields) {
  for (const auto& item : map) {
    const YAML::Node& value = item.second;
    if (!value.IsScalar() && !value.IsNull()) continue;
    fields.push_back({{"path", prefix + item.first.as<std::string>("")},
                      {"value", value.IsScalar() ? value.Scalar() : ""},
                      {"line", LineOf(item.first)},
                      {"flow", Flow(map)}});
  }
}

ordered_json SectionLine(const YAML::Node& root, const char* key) {
  for (const auto& item : root) {
    if (item.first.as<std::string>("") == key) return LineOf(item.first);
  }
  return nullptr;
}

}  // namespace

ordered_json ScenarioForm(const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception&) {
    return nullptr;
  }
  if (root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
  if (!root.IsMap()) return nullptr;
  ordered_json fields = ordered_json::array();
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>("");
    const YAML::Node& value = item.second;
    if (key == "name" || key == "costs") {
      if (value.IsScalar() || value.IsNull()) {
        fields.push_back({{"path", key},
                          {"value", value.IsScalar() ? value.Scalar() : ""},
                          {"line", LineOf(item.first)},
                          {"flow", Flow(root)}});
      }
    } else if ((key == "timeline" || key == "standards") && value.IsMap()) {
      AddScalars(value, key + ".", fields);
    } else if (key == "halls" && value.IsSequence()) {
      std::size_t i = 0;
      for (const YAML::Node& hall : value) {
        if (hall.IsMap()) AddScalars(hall, "halls." + std::to_string(i) + ".", fields);
        ++i;
      }
    }
  }
  return {{"fields", fields},
          {"sections",
           {{"timeline", SectionLine(root, "timeline")},
            {"standards", SectionLine(root, "standards")},
            {"halls", SectionLine(root, "halls")}}}};
}

}  // namespace samdrift::tools::serve
