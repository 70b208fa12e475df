#include "importers/archimate_reader.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "importers/xml_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kXsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
constexpr std::string_view kArchimate2Namespace = "http://www.opengroup.org/xsd/archimate";

constexpr std::string_view kElementTypes[] = {
    "BusinessActor",
    "BusinessRole",
    "BusinessCollaboration",
    "BusinessInterface",
    "BusinessProcess",
    "BusinessFunction",
    "BusinessInteraction",
    "BusinessEvent",
    "BusinessService",
    "BusinessObject",
    "Contract",
    "Representation",
    "Product",
    "ApplicationComponent",
    "ApplicationCollaboration",
    "ApplicationInterface",
    "ApplicationFunction",
    "ApplicationInteraction",
    "ApplicationProcess",
    "ApplicationEvent",
    "ApplicationService",
    "DataObject",
    "Node",
    "Device",
    "SystemSoftware",
    "TechnologyCollaboration",
    "TechnologyInterface",
    "Path",
    "CommunicationNetwork",
    "TechnologyFunction",
    "TechnologyProcess",
    "TechnologyInteraction",
    "TechnologyEvent",
    "TechnologyService",
    "Artifact",
    "Equipment",
    "Facility",
    "DistributionNetwork",
    "Material",
    "Stakeholder",
    "Driver",
    "Assessment",
    "Goal",
    "Outcome",
    "Principle",
    "Requirement",
    "Constraint",
    "Meaning",
    "Value",
    "Resource",
    "Capability",
    "ValueStream",
    "CourseOfAction",
    "WorkPackage",
    "Deliverable",
    "ImplementationEvent",
    "Plateau",
    "Gap",
    "Grouping",
    "Location",
    "AndJunction",
    "OrJunction",
};
constexpr std::string_view kRelationshipTypes[] = {
    "Composition", "Aggregation", "Assignment", "Realization",    "Serving",     "Access",
    "Influence",   "Triggering",  "Flow",       "Specialization", "Association",
};

bool IsJunction(std::string_view type) { return type == "AndJunction" || type == "OrJunction"; }

std::string_view LocalName(std::string_view name) {
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view Prefix(std::string_view name) {
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? std::string_view() : name.substr(0, colon);
}

// Children with this local name (the model may use a prefix for its namespace).
template <typename Visit>
void ForChildren(pugi::xml_node node, std::string_view local, Visit visit) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child.name()) == local) visit(child);
  }
}

std::string Text(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  }
  return std::string(core::Trim(text));
}

// Among the children `local` in several xml:lang: sv, then en, then the first non-empty.
std::string Preferred(pugi::xml_node node, std::string_view local) {
  std::string first, english;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element || LocalName(child.name()) != local) continue;
    std::string text = Text(child);
    if (text.empty()) continue;
    std::string lang = core::ToLowerAscii(child.attribute("xml:lang").value());
    auto is = [&](std::string_view code) {
      return lang == code || (lang.size() > code.size() &&
                              lang.compare(0, code.size(), code) == 0 && lang[code.size()] == '-');
    };
    if (is("sv")) return text;
    if (is("en") && english.empty()) english = text;
    if (first.empty()) first = text;
  }
  return english.empty() ? first : english;
}

class Reader {
 public:
  Reader(const std::string& source, ArchimateModel& model, core::Diagnostics& diagnostics)
      : source_(source), model_(model), diagnostics_(diagnostics) {}

  bool Read(std::string_view content) {
    if (!input_.Parse(content, source_, diagnostics_)) return false;
    pugi::xml_node root = input_.root();
    if (!CheckRoot(root)) return false;
    model_.name = Preferred(root, "name");
    ReadPropertyDefinitions(root);
    ReadElements(root);
    ReadRelationships(root);
    CheckEndpoints();
    ReadOrganizations(root);
    return true;
  }

 private:
  bool CheckRoot(pugi::xml_node root) {
    const std::string_view prefix = Prefix(root.name());
    const std::string xmlns = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
    const std::string_view ns = root.attribute(xmlns.c_str()).value();
    for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
      std::string_view name = a.name();
      if (name.substr(0, 6) == "xmlns:" && a.value() == kXsiNamespace) {
        xsi_type_ = std::string(name.substr(6)) + ":type";
      }
    }
    if (LocalName(root.name()) == "model" && ns == kArchimateNamespace) return true;
    if (LocalName(root.name()) == "model" &&
        (ns == kArchimate2Namespace || ns == std::string(kArchimate2Namespace) + "/")) {
      diagnostics_.Error(input_.At(root), "ARC001",
                         "this is the ArchiMate 2.1 exchange format (namespace '" +
                             std::string(ns) +
                             "'); export the model as ArchiMate 3 exchange format (namespace '" +
                             std::string(kArchimateNamespace) + "')");
      return false;
    }
    const std::string_view archi_native = "http://www.archimatetool.com/archimate";
    diagnostics_.Error(input_.At(root), "ARC001",
                       "not an ArchiMate exchange model: expected root <model> in namespace '" +
                           std::string(kArchimateNamespace) + "', got <" + root.name() + ">" +
                           (ns.empty() ? std::string(" without a namespace")
                                       : " in namespace '" + std::string(ns) + "'") +
                           (ns == archi_native ? "; this is Archi's own file format: export it "
                                                 "with File > Export > Model To Open Exchange File"
                                               : ""));
    return false;
  }

  std::string XsiType(pugi::xml_node node) const {
    return std::string(LocalName(core::Trim(node.attribute(xsi_type_.c_str()).value())));
  }

  // An identifier that is present and not used before; reports otherwise.
  bool ClaimIdentifier(pugi::xml_node node, std::string_view what, std::string& id) {
    id = AttrText(node, "identifier");
    if (id.empty()) {
      diagnostics_.Error(input_.At(node), "ARC002",
                         "<" + std::string(what) + "> has no identifier attribute");
      return false;
    }
    auto [it, inserted] = lines_.emplace(id, input_.At(node).line);
    if (!inserted) {
      diagnostics_.Error(input_.At(node), "ARC003",
                         "identifier '" + id + "' is used twice (first on line " +
                             std::to_string(it->second) + ")");
      return false;
    }
    return true;
  }

  void ReadPropertyDefinitions(pugi::xml_node root) {
    ForChildren(root, "propertyDefinitions", [&](pugi::xml_node defs) {
      ForChildren(defs, "propertyDefinition", [&](pugi::xml_node def) {
        std::string id;
        if (!ClaimIdentifier(def, "propertyDefinition", id)) return;
        std::string name = Preferred(def, "name");
        if (name.empty()) name = AttrText(def, "name");  // early 3.0 drafts
        if (name.empty()) {
          diagnostics_.Error(input_.At(def), "ARC006",
                             "<propertyDefinition> '" + id + "' has no <name>");
          return;
        }
        property_names_[id] = name;
      });
    });
  }

  // Properties by name; one without a definition goes to `problems` when given, else is reported.
  std::vector<ArchimateProperty> ReadProperties(pugi::xml_node owner, const std::string& id,
                                                std::vector<core::Diagnostic>* problems) {
    std::vector<ArchimateProperty> out;
    ForChildren(owner, "properties", [&](pugi::xml_node props) {
      ForChildren(props, "property", [&](pugi::xml_node prop) {
        std::string ref = AttrText(prop, "propertyDefinitionRef");
        auto it = property_names_.find(ref);
        if (it == property_names_.end()) {
          core::Diagnostic problem{
              input_.At(prop), core::Severity::kError, "ARC009",
              ref.empty() ? "a property of '" + id + "' has no propertyDefinitionRef attribute"
                          : "a property of '" + id + "' refers to undefined propertyDefinition '" +
                                ref + "'"};
          if (problems) {
            problems->push_back(std::move(problem));
          } else {
            diagnostics_.Report(std::move(problem));
          }
          return;
        }
        out.push_back({it->second, Preferred(prop, "value"), input_.At(prop)});
      });
    });
    return out;
  }

  void ReadElements(pugi::xml_node root) {
    ForChildren(root, "elements", [&](pugi::xml_node elements) {
      ForChildren(elements, "element", [&](pugi::xml_node node) {
        ArchimateElement e;
        if (!ClaimIdentifier(node, "element", e.id)) return;
        e.where = input_.At(node);
        e.type = XsiType(node);
        concepts_[e.id] = e.type;
        if (e.type.empty()) {
          diagnostics_.Error(e.where, "ARC004", "element '" + e.id + "' has no xsi:type");
          return;
        }
        if (!IsArchimateElementType(e.type)) {
          std::vector<std::string> names(std::begin(kElementTypes), std::end(kElementTypes));
          std::string closest = core::ClosestName(e.type, names);
          diagnostics_.Error(e.where, "ARC005",
                             "element '" + e.id + "' has unknown type '" + e.type + "'" +
                                 (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
          return;
        }
        e.name = Preferred(node, "name");
        if (e.name.empty() && !IsJunction(e.type)) {
          e.problems.push_back({e.where, core::Severity::kError, "ARC006",
                                "element '" + e.id + "' (" + e.type + ") has no <name>"});
        }
        e.documentation = Preferred(node, "documentation");
        e.properties = ReadProperties(node, e.id, &e.problems);
        element_index_[e.id] = model_.elements.size();
        model_.elements.push_back(std::move(e));
      });
    });
  }

  void ReadRelationships(pugi::xml_node root) {
    ForChildren(root, "relationships", [&](pugi::xml_node relationships) {
      ForChildren(relationships, "relationship", [&](pugi::xml_node node) {
        ArchimateRelationship r;
        if (!ClaimIdentifier(node, "relationship", r.id)) return;
        r.where = input_.At(node);
        r.type = XsiType(node);
        concepts_[r.id] = r.type;
        if (r.type.empty()) {
          diagnostics_.Error(r.where, "ARC004", "relationship '" + r.id + "' has no xsi:type");
          return;
        }
        if (!IsArchimateRelationshipType(r.type)) {
          std::vector<std::string> names(std::begin(kRelationshipTypes),
                                         std::end(kRelationshipTypes));
          // ArchiMate 2 names: UsedBy became Serving; drafts wrote "ServingRelationship".
          std::string_view plain = r.type;
          if (plain.size() > 12 && plain.substr(plain.size() - 12) == "Relationship") {
            plain.remove_suffix(12);
          }
          std::string closest = plain == "UsedBy" ? "Serving" : core::ClosestName(plain, names);
          diagnostics_.Error(r.where, "ARC010",
                             "relationship '" + r.id + "' has unknown type '" + r.type + "'" +
                                 (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
          return;
        }
        r.source = AttrText(node, "source");
        r.target = AttrText(node, "target");
        bool ok = true;
        for (auto [end, value] : {std::pair{"source", &r.source}, std::pair{"target", &r.target}}) {
          if (value->empty()) {
            diagnostics_.Error(r.where, "ARC007",
                               "relationship '" + r.id + "' has no " + end + " attribute");
            ok = false;
          }
        }
        if (!ok) return;
        r.name = Preferred(node, "name");
        r.properties = ReadProperties(node, r.id, nullptr);
        model_.relationships.push_back(std::move(r));
      });
    });
  }

  // Relationship ends must name an element or a relationship of this model (they may come
  // later in the file, so this runs after both lists are read).
  void CheckEndpoints() {
    std::vector<ArchimateRelationship> kept;
    kept.reserve(model_.relationships.size());
    for (ArchimateRelationship& r : model_.relationships) {
      bool ok = true;
      for (auto [end, value] : {std::pair{"source", &r.source}, std::pair{"target", &r.target}}) {
        if (!concepts_.count(*value)) {
          diagnostics_.Error(r.where, "ARC008",
                             "relationship '" + r.id + "' (" + r.type + "): " + end + " '" +
                                 *value + "' is not an element or relationship of this model");
          ok = false;
        }
      }
      if (ok) kept.push_back(std::move(r));
    }
    model_.relationships = std::move(kept);
  }

  // Folder labels for every element an organisation item refers to. Items nest arbitrarily
  // deep, so the walk keeps its own stack.
  void ReadOrganizations(pugi::xml_node root) {
    struct Frame {
      pugi::xml_node item;
      std::string path;
    };
    std::vector<Frame> stack;
    ForChildren(root, "organizations", [&](pugi::xml_node orgs) {
      std::vector<Frame> top;
      ForChildren(orgs, "item", [&](pugi::xml_node item) { top.push_back({item, ""}); });
      stack.insert(stack.end(), top.rbegin(), top.rend());
    });
    while (!stack.empty()) {
      Frame frame = std::move(stack.back());
      stack.pop_back();
      std::string ref = AttrText(frame.item, "identifierRef");
      if (!ref.empty()) {
        auto it = element_index_.find(ref);
        if (it != element_index_.end() && model_.elements[it->second].folder.empty()) {
          model_.elements[it->second].folder = frame.path;
        }
      }
      std::string label = Preferred(frame.item, "label");
      std::string path = frame.path;
      if (!label.empty()) path = path.empty() ? label : path + "/" + label;
      std::vector<Frame> children;
      ForChildren(frame.item, "item", [&](pugi::xml_node c) { children.push_back({c, path}); });
      stack.insert(stack.end(), children.rbegin(), children.rend());
    }
  }

  const std::string& source_;
  ArchimateModel& model_;
  core::Diagnostics& diagnostics_;
  XmlInput input_;
  std::string xsi_type_ = "xsi:type";
  std::unordered_map<std::string, int> lines_;             // identifier -> line
  std::unordered_map<std::string, std::string> concepts_;  // element/relationship id -> type
  std::unordered_map<std::string, std::string> property_names_;
  std::unordered_map<std::string, std::size_t> element_index_;
};

}  // namespace

bool IsArchimateElementType(std::string_view type) {
  return std::find(std::begin(kElementTypes), std::end(kElementTypes), type) !=
         std::end(kElementTypes);
}

bool IsArchimateRelationshipType(std::string_view type) {
  return std::find(std::begin(kRelationshipTypes), std::end(kRelationshipTypes), type) !=
         std::end(kRelationshipTypes);
}

bool ReadArchimate(std::string_view content, const std::string& source, ArchimateModel& model,
                   core::Diagnostics& diagnostics) {
  return Reader(source, model, diagnostics).Read(content);
}

}  // namespace samdrift::importers
