// The one reading of a criticality value as importers find it (English or Swedish words, a level
// 1-4), so every importer stores the same four words.
#ifndef SAMDRIFT_CORE_CRITICALITY_H_
#define SAMDRIFT_CORE_CRITICALITY_H_

#include <string>
#include <string_view>

namespace samdrift::core {

// "low", "medium", "high" or "critical" from the English word, the Swedish one ("låg"/"lag",
// "medel"/"normal", "hög"/"hog", "kritisk") or a level "1"-"4", in any ASCII case and with
// surrounding spaces; any other text comes back trimmed and in lower case (kept as written).
std::string NormaliseCriticality(std::string_view text);

}  // namespace samdrift::core

#endif  // SAMDRIFT_CORE_CRITICALITY_H_
