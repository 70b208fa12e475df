// The table of importers (registry.cc is the one place that lists them).
#ifndef SAMDRIFT_IMPORTERS_REGISTRY_H_
#define SAMDRIFT_IMPORTERS_REGISTRY_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "importers/importer.h"

namespace samdrift::importers {

const std::vector<const Importer*>& AllImporters();
const Importer* FindImporter(std::string_view name);  // nullptr when unknown
// How much of a file the sniffers see: its first 64 KiB (less an XML DOCTYPE, see SniffWindow).
inline constexpr std::size_t kSniffWindow = 65536;
// The importer with the highest Sniff() score above zero; nullptr when none claims the content.
// Give it the whole content: it cuts the window itself.
const Importer* DetectImporter(std::string_view content);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_REGISTRY_H_
