#include "core/criticality.h"

#include "core/text.h"

namespace samdrift::core {

std::string NormaliseCriticality(std::string_view text) {
  struct Level {
    std::string_view name;
    std::string_view words[3];
  };
  static constexpr Level kLevels[] = {
      {"low", {"låg", "lag", "1"}},
      {"medium", {"medel", "normal", "2"}},
      {"high", {"hög", "hog", "3"}},
      {"critical", {"kritisk", "4", ""}},
  };
  std::string w = ToLowerAscii(Trim(text));
  for (const Level& level : kLevels) {
    if (w == level.name) return w;
    for (std::string_view word : level.words) {
      if (!word.empty() && w == word) return std::string(level.name);
    }
  }
  return w;
}

}  // namespace samdrift::core
