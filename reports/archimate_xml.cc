#include "reports/archimate_xml.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "reports/xml_writer.h"

namespace samdrift::reports {
namespace {

constexpr std::string_view kNamespace = "http://www.opengroup.org/xsd/archimate/3.0/";
constexpr std::string_view kSchemaLocation =
    "http://www.opengroup.org/xsd/archimate/3.0/ "
    "http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd";

// Archi's top-level folder for an element type (elements must sit in their layer's folder).
std::string_view LayerFolder(std::string_view type) {
  if (type == "ApplicationComponent" || type == "ApplicationService") return "Application";
  if (type == "Plateau" || type == "Gap" || type == "WorkPackage") {
    return "Implementation & Migration";
  }
  if (type == "Location" || type == "Grouping") return "Other";
  return "Technology & Physical";
}
constexpr std::string_view kLayerOrder[] = {"Application", "Technology & Physical",
                                            "Implementation & Migration", "Other", "Relations"};

// Property definitions by name, numbered in name order ("propid-1", ...).
using Definitions = std::map<std::string, std::string>;

Definitions PropertyDefinitions(const ExchangeModel& model) {
  Definitions definitions;
  for (const ExchangeElement& e : model.elements) {
    for (const core::Attribute& p : e.properties) definitions.emplace(p.key, "");
  }
  for (const ExchangeRelationship& r : model.relationships) {
    for (const core::Attribute& p : r.properties) definitions.emplace(p.key, "");
  }
  int n = 0;
  for (auto& [name, id] : definitions) id = "propid-" + std::to_string(++n);
  return definitions;
}

void WriteProperties(XmlWriter& w, const Definitions& definitions,
                     const std::vector<core::Attribute>& props) {
  if (props.empty()) return;
  w.Open("properties");
  for (const core::Attribute& p : props) {
    w.Open("property", {{"propertyDefinitionRef", definitions.at(p.key)}});
    w.Leaf("value", {}, p.value);
    w.Close();
  }
  w.Close();
}

void WriteElements(XmlWriter& w, const Definitions& definitions, const ExchangeModel& model) {
  if (model.elements.empty()) return;
  w.Open("elements");
  for (const ExchangeElement& e : model.elements) {
    w.Open("element", {{"identifier", e.id}, {"xsi:type", e.type}});
    w.Leaf("name", {}, e.name);
    if (!e.documentation.empty()) w.Leaf("documentation", {}, e.documentation);
    WriteProperties(w, definitions, e.properties);
    w.Close();
  }
  w.Close();
}

void WriteRelationships(XmlWriter& w, const Definitions& definitions, const ExchangeModel& model) {
  if (model.relationships.empty()) return;
  w.Open("relationships");
  for (const ExchangeRelationship& r : model.relationships) {
    w.Open(
        "relationship",
        {{"identifier", r.id}, {"source", r.source}, {"target", r.target}, {"xsi:type", r.type}});
    WriteProperties(w, definitions, r.properties);
    w.Close();
  }
  w.Close();
}

// Folders: Archi's layer folders, one folder per municipality (or scenario) inside each.
void WriteOrganizations(XmlWriter& w, const ExchangeModel& model) {
  std::map<std::string_view, std::vector<std::pair<std::string, std::vector<std::string>>>> tree;
  auto file = [&](std::string_view layer, const std::string& group, const std::string& id) {
    auto& groups = tree[layer];
    auto it =
        std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == group; });
    if (it == groups.end()) it = groups.insert(groups.end(), {group, {}});
    it->second.push_back(id);
  };
  for (const ExchangeElement& e : model.elements) file(LayerFolder(e.type), e.group, e.id);
  for (const ExchangeRelationship& r : model.relationships) file("Relations", r.group, r.id);
  if (tree.empty()) return;
  w.Open("organizations");
  for (std::string_view layer : kLayerOrder) {
    auto it = tree.find(layer);
    if (it == tree.end()) continue;
    w.Open("item");
    w.Leaf("label", {{"xml:lang", "en"}}, std::string(layer));
    for (const auto& [group, ids] : it->second) {
      w.Open("item");
      w.Leaf("label", {{"xml:lang", "sv"}}, group);
      for (const std::string& id : ids) w.Empty("item", {{"identifierRef", id}});
      w.Close();
    }
    w.Close();
  }
  w.Close();
}

void WritePropertyDefinitions(XmlWriter& w, const Definitions& definitions) {
  if (definitions.empty()) return;
  w.Open("propertyDefinitions");
  for (const auto& [name, id] : definitions) {
    w.Open("propertyDefinition", {{"identifier", id}, {"type", "string"}});
    w.Leaf("name", {}, name);
    w.Close();
  }
  w.Close();
}

}  // namespace

std::string WriteExchangeXml(const ExchangeModel& model) {
  XmlWriter w;
  w.Declaration();
  w.Open("model", {{"xmlns", std::string(kNamespace)},
                   {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
                   {"xsi:schemaLocation", std::string(kSchemaLocation)},
                   {"identifier", model.id}});
  w.Leaf("name", {{"xml:lang", "sv"}}, model.name);
  if (!model.documentation.empty()) {
    w.Leaf("documentation", {{"xml:lang", "sv"}}, model.documentation);
  }
  const Definitions definitions = PropertyDefinitions(model);
  WriteElements(w, definitions, model);
  WriteRelationships(w, definitions, model);
  WriteOrganizations(w, model);
  WritePropertyDefinitions(w, definitions);
  w.Close();
  return w.Take();
}

}  // namespace samdrift::reports
