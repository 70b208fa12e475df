// Reading a YAML file of the planners (scenario, costs) with located diagnostics: each problem
// names the file, line and column and carries the file's own codes. Internal to planners/: only
// .cc files include it, so yaml-cpp stays inside the folder.
#ifndef SAMDRIFT_PLANNERS_YAML_READER_H_
#define SAMDRIFT_PLANNERS_YAML_READER_H_

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace samdrift::planners {

// The codes a file's reader reports: a bad value (e.g. SCN001) and an unknown key (SCN002).
struct ReaderCodes {
  std::string_view bad_value;
  std::string_view unknown_key;
};

enum class NumberKind { kReal, kWhole };

class YamlReader {
 public:
  YamlReader(const std::string& source, core::Diagnostics& diagnostics, ReaderCodes codes)
      : source_(source), diagnostics_(diagnostics), codes_(codes) {}

  core::SourceLocation At(const YAML::Node& node) const;
  void Error(const YAML::Node& node, std::string message);
  // Reports keys of `map` that are not in `known`, naming the closest.
  void CheckKeys(const YAML::Node& map, const std::vector<std::string>& known,
                 std::string_view where);
  std::optional<std::string> Text(const YAML::Node& node, std::string_view what);
  // A number that is not negative; a whole number also fits an int.
  std::optional<double> Number(const YAML::Node& node, std::string_view what, NumberKind kind);
  std::optional<double> Number(const YAML::Node& node, std::string_view what, bool whole) {
    return Number(node, what, whole ? NumberKind::kWhole : NumberKind::kReal);
  }
  const std::string& source() const { return source_; }
  core::Diagnostics& diagnostics() { return diagnostics_; }

 private:
  const std::string& source_;
  core::Diagnostics& diagnostics_;
  ReaderCodes codes_;
};

// The codes of a whole file: text that is not YAML (SCN000) and a root that is not a mapping
// (SCN003).
struct YamlFileCodes {
  std::string_view invalid_yaml;
  std::string_view not_a_map;
};

// Parses `text` as YAML and hands the root mapping to `read`. Text that is not YAML and a root
// that is not a mapping are located errors (`not_a_map_message` says what the file holds).
// Returns false when any error was reported, by this function or by `read`.
bool ReadYamlMapping(std::string_view text, const std::string& source,
                     core::Diagnostics& diagnostics, YamlFileCodes codes,
                     std::string_view not_a_map_message,
                     const std::function<void(const YAML::Node& root)>& read);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_YAML_READER_H_
