// Going back: every save over a scenario keeps the text it replaced, numbered, in the scenarios
// folder's hidden .history/ (NAME.yaml.1, .2, ...; never listed as scenarios), and undo writes
// the latest kept text back over the scenario (atomically) and drops it.
#ifndef SAMDRIFT_TOOLS_SERVE_SCENARIO_HISTORY_H_
#define SAMDRIFT_TOOLS_SERVE_SCENARIO_HISTORY_H_

#include <cstddef>
#include <filesystem>
#include <string>

#include "core/result.h"

namespace samdrift::tools::serve {

// Before `scenario` (a file in `dir`) is written over: keeps its text. Nothing when it is new.
core::Status KeepVersion(const std::filesystem::path& dir, const std::filesystem::path& scenario);
// How many earlier versions of `scenario` are kept.
std::size_t KeptVersions(const std::filesystem::path& dir, const std::filesystem::path& scenario);
// Writes the latest kept version back over `scenario` and returns its text; a usage error when
// none is kept.
core::Result<std::string> UndoSave(const std::filesystem::path& dir,
                                   const std::filesystem::path& scenario);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_SCENARIO_HISTORY_H_
