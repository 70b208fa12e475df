// Reads an ArchiMate Model Exchange File (namespace http://www.opengroup.org/xsd/archimate/3.0/,
// as Archi and other tools write it) into plain values: elements, relationships, their
// properties by name and the organisation folders. Views are skipped. Structural problems
// (missing identifiers, unknown types, dangling references) are reported with their location.
// Used by the archimate-xml importer; the mapping to samdrift's model lives in archimate.cc.
#ifndef SAMDRIFT_IMPORTERS_ARCHIMATE_READER_H_
#define SAMDRIFT_IMPORTERS_ARCHIMATE_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace samdrift::importers {

inline constexpr std::string_view kArchimateNamespace =
    "http://www.opengroup.org/xsd/archimate/3.0/";

struct ArchimateProperty {
  std::string name;  // the propertyDefinition's name (preferred language)
  std::string value;
  core::SourceLocation where;
};

struct ArchimateElement {
  std::string id;
  std::string type;           // xsi:type without prefix, e.g. "Node"
  std::string name;           // preferred language: sv, then en, then the first; may be empty
  std::string documentation;  // same preference
  std::vector<ArchimateProperty> properties;
  std::string folder;  // labels of the organisation folders holding it, joined by '/'
  core::SourceLocation where;
  // Problems found in the element (ARC006 no <name>, ARC009 a property without a definition),
  // not yet reported: whether they matter depends on whether the element is imported at all.
  std::vector<core::Diagnostic> problems;
};

struct ArchimateRelationship {
  std::string id;
  std::string type;  // e.g. "Serving"
  std::string source;
  std::string target;
  std::string name;
  std::vector<ArchimateProperty> properties;
  core::SourceLocation where;
};

struct ArchimateModel {
  std::string name;
  std::vector<ArchimateElement> elements;
  std::vector<ArchimateRelationship> relationships;
};

// Parses `content`. Returns false when the document is not an ArchiMate 3 exchange model at all
// (malformed XML, another root); otherwise true, with elements and relationships that have
// structural problems reported in `diagnostics` and left out of `model`. An element without a
// name or with an undefined property is kept, its problems in `problems` (the mapper reports
// them, as errors or warnings).
bool ReadArchimate(std::string_view content, const std::string& source, ArchimateModel& model,
                   core::Diagnostics& diagnostics);

// True for the element types of the ArchiMate 3.1 exchange format (ElementTypeEnum plus
// composites, junctions and ValueStream) and the relationship types respectively.
bool IsArchimateElementType(std::string_view type);
bool IsArchimateRelationshipType(std::string_view type);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_ARCHIMATE_READER_H_
