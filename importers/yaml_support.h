// Shared support for the YAML importers (included only by their .cc files, which is where
// yaml-cpp may be used).
#ifndef SAMDRIFT_IMPORTERS_YAML_SUPPORT_H_
#define SAMDRIFT_IMPORTERS_YAML_SUPPORT_H_

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace samdrift::importers {

// YAML::LoadAll, safe on any input. yaml-cpp 0.7 (Debian 12) loops forever, allocating an empty
// document per turn, when a stream holds a ',' outside a flow collection (",", "a: 1\n,x: 2"):
// the parser never consumes the token. The documents are walked once without building nodes,
// and a document starting where the previous one started is reported as a YAML::ParserException
// at that mark instead. Throws what LoadAll throws otherwise (DeepRecursion included).
std::vector<YAML::Node> LoadAllDocuments(const std::string& text);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_YAML_SUPPORT_H_
