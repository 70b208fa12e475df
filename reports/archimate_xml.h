// Serialises an ArchiMate model as the Open Group exchange format (3.1 schema), in the element
// order the schema requires (name, documentation, elements, relationships, organizations,
// propertyDefinitions), with properties through numbered propertyDefinitions and the elements
// filed in Archi's layer folders with one subfolder per group (municipality or scenario).
#ifndef SAMDRIFT_REPORTS_ARCHIMATE_XML_H_
#define SAMDRIFT_REPORTS_ARCHIMATE_XML_H_

#include <string>
#include <vector>

#include "core/model.h"

namespace samdrift::reports {

struct ExchangeElement {
  std::string id;  // an NCName, unique in the model
  std::string type;
  std::string name;
  std::string documentation;
  std::vector<core::Attribute> properties;
  std::string group;  // the folder below the layer folder
};

struct ExchangeRelationship {
  std::string id;
  std::string type;
  std::string source;  // element identifiers
  std::string target;
  std::vector<core::Attribute> properties;
  std::string group;
};

struct ExchangeModel {
  std::string name;
  std::string documentation;
  std::string id;
  const std::vector<ExchangeElement>& elements;
  const std::vector<ExchangeRelationship>& relationships;
};

std::string WriteExchangeXml(const ExchangeModel& model);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_ARCHIMATE_XML_H_
