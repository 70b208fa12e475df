#include "planners/scenario.h"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/date.h"
#include "core/text.h"

namespace samdrift::planners {
namespace {

constexpr std::string_view kActions[] = {"upgrade", "replace", "migrate", "retire"};

class Parser {
 public:
  Parser(const std::string& source, core::Diagnostics& diagnostics)
      : source_(source), diagnostics_(diagnostics) {}

  void Parse(const YAML::Node& root, Scenario& s) {
    if (!root || root.IsNull()) {
      Error(root, "SCN003",
            "the scenario is empty; expected a map with keys like 'name', "
            "'standards', 'halls'");
      return;
    }
    if (!root.IsMap()) {
      Error(root, "SCN003", "expected a map at the top level (name:, standards:, halls:, ...)");
      return;
    }
    static const std::vector<std::string> kKeys = {"name",       "orgs",   "standards",  "halls",
                                                   "redundancy", "waves",  "addressing", "date",
                                                   "effort",     "catalog"};
    for (const auto& [key, value] : Entries(root, kKeys)) {
      if (key == "name") {
        Scalar(value, "name", s.name);
      } else if (key == "orgs") {
        Orgs(value, s);
      } else if (key == "standards") {
        Standards(value, s);
      } else if (key == "halls") {
        Halls(value, s);
      } else if (key == "redundancy") {
        std::string text;
        if (Scalar(value, "redundancy", text)) {
          if (text == "split") {
            s.redundancy = Redundancy::kSplit;
          } else if (text == "none") {
            s.redundancy = Redundancy::kNone;
          } else {
            Error(value, "SCN004", "redundancy: expected 'split' or 'none', got '" + text + "'");
          }
        }
      } else if (key == "waves") {
        Waves(value, s);
      } else if (key == "addressing") {
        Addressing(value, s);
      } else if (key == "date") {
        std::string text;
        if (Scalar(value, "date", text)) {
          if (core::IsIsoDate(text)) {
            s.date = text;
          } else {
            Error(value, "SCN004", "date: expected a date written yyyy-mm-dd, got '" + text + "'");
          }
        }
      } else if (key == "effort") {
        Effort(value, s);
      } else if (key == "catalog") {
        Catalogs(value, s);
      }
    }
  }

 private:
  core::SourceLocation At(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {source_, 1, 0};
    return {source_, mark.line + 1, mark.column + 1};
  }
  void Error(const YAML::Node& node, std::string_view code, std::string message) {
    diagnostics_.Error(At(node), code, std::move(message));
  }

  // The map's entries whose keys are known; unknown and duplicate keys are reported.
  std::vector<std::pair<std::string, YAML::Node>> Entries(const YAML::Node& map,
                                                          const std::vector<std::string>& known,
                                                          std::string_view where = "") {
    std::vector<std::pair<std::string, YAML::Node>> out;
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      const YAML::Node key = it->first;
      if (!key.IsScalar()) {
        Error(key, "SCN003", "expected a plain key");
        continue;
      }
      const std::string name = key.Scalar();
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        std::string closest = core::ClosestName(name, known);
        std::string message = "unknown key '" + name + "'";
        if (!where.empty()) message += " in " + std::string(where);
        message +=
            closest.empty() ? "; known keys: " + Join(known) : "; did you mean '" + closest + "'?";
        Error(key, "SCN002", message);
        continue;
      }
      if (!seen.insert(name).second) {
        Error(key, "SCN006", "key '" + name + "' appears twice");
        continue;
      }
      out.emplace_back(name, it->second);
    }
    return out;
  }

  static std::string Join(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) {
      if (!out.empty()) out += ", ";
      out += w;
    }
    return out;
  }

  bool Scalar(const YAML::Node& node, std::string_view what, std::string& out) {
    if (!node.IsScalar()) {
      Error(node, "SCN003", std::string(what) + ": expected a single value");
      return false;
    }
    out = std::string(core::Trim(node.Scalar()));
    return true;
  }

  template <typename T>
  bool Number(const YAML::Node& node, std::string_view what, bool whole, std::optional<T>& out) {
    std::string text;
    if (!Scalar(node, what, text)) return false;
    std::optional<double> value;
    if (whole) {
      if (auto i = core::ParseInteger(text)) value = static_cast<double>(*i);
    } else {
      value = core::ParseNumber(text);
    }
    if (!value) {
      Error(node, "SCN004",
            std::string(what) + ": expected " + (whole ? "a whole number" : "a number") +
                ", got '" + text + "'");
      return false;
    }
    if (*value < 0) {
      Error(node, "SCN004", std::string(what) + ": must not be negative, got '" + text + "'");
      return false;
    }
    if (whole && *value > 1e9) {
      Error(node, "SCN004", std::string(what) + ": too large, got '" + text + "'");
      return false;
    }
    out = static_cast<T>(*value);
    return true;
  }

  bool ExpectMap(const YAML::Node& node, std::string_view what) {
    if (node.IsMap()) return true;
    if (node.IsNull()) return false;  // `halls:` with nothing after it: an empty section
    Error(node, "SCN003", std::string(what) + ": expected a map");
    return false;
  }
  bool ExpectList(const YAML::Node& node, std::string_view what) {
    if (node.IsSequence()) return true;
    if (node.IsNull()) return false;
    Error(node, "SCN003", std::string(what) + ": expected a list");
    return false;
  }

  void Orgs(const YAML::Node& node, Scenario& s) {
    if (!ExpectList(node, "orgs")) return;
    std::set<std::string> seen;
    for (const YAML::Node& item : node) {
      std::string org;
      if (!Scalar(item, "orgs", org)) continue;
      if (!core::IsValidOrgId(org)) {
        Error(item, "SCN004",
              "orgs: '" + org + "' is not an org id (lowercase letters, digits, '-', '_')");
      } else if (!seen.insert(org).second) {
        Error(item, "SCN006", "orgs: '" + org + "' is listed twice");
      } else {
        s.orgs.push_back(org);
      }
    }
  }

  void Standards(const YAML::Node& node, Scenario& s) {
    if (!ExpectMap(node, "standards")) return;
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string capability;
      if (!Scalar(it->first, "standards", capability)) continue;
      if (!seen.insert(capability).second) {
        Error(it->first, "SCN006", "standards: capability '" + capability + "' appears twice");
        continue;
      }
      std::string technology;
      if (!Scalar(it->second, "standards: " + capability, technology)) continue;
      if (technology.empty()) {
        Error(it->second, "SCN004", "standards: " + capability + ": no technology given");
        continue;
      }
      s.standards.push_back({capability, technology, At(it->first)});
    }
  }

  void Halls(const YAML::Node& node, Scenario& s) {
    if (!ExpectList(node, "halls")) return;
    static const std::vector<std::string> kKeys = {
        "name", "from", "role", "positions", "power_kw", "cooling_kw", "rack_u", "rack_power_kw"};
    std::set<std::string> names;
    for (const YAML::Node& item : node) {
      if (!item.IsMap()) {
        Error(item, "SCN003", "halls: expected a map per hall (name:, role:, positions:, ...)");
        continue;
      }
      ScenarioHall hall;
      hall.where = At(item);
      for (const auto& [key, value] : Entries(item, kKeys, "a hall")) {
        if (key == "name") {
          Scalar(value, "halls: name", hall.name);
        } else if (key == "from") {
          Scalar(value, "halls: from", hall.from);
          if (!hall.from.empty() && std::count(hall.from.begin(), hall.from.end(), '/') < 2) {
            Error(value, "SCN004", "halls: from: expected org/site/hall, got '" + hall.from + "'");
          }
        } else if (key == "role") {
          std::string role;
          if (Scalar(value, "halls: role", role)) {
            if (role == "primary") {
              hall.role = HallRole::kPrimary;
            } else if (role == "secondary") {
              hall.role = HallRole::kSecondary;
            } else {
              Error(value, "SCN004",
                    "halls: role: expected 'primary' or 'secondary', got '" + role + "'");
            }
          }
        } else if (key == "positions") {
          Number(value, "halls: positions", true, hall.positions);
        } else if (key == "power_kw") {
          Number(value, "halls: power_kw", false, hall.power_kw);
        } else if (key == "cooling_kw") {
          Number(value, "halls: cooling_kw", false, hall.cooling_kw);
        } else if (key == "rack_u") {
          Number(value, "halls: rack_u", true, hall.rack_u);
        } else if (key == "rack_power_kw") {
          Number(value, "halls: rack_power_kw", false, hall.rack_power_kw);
        }
      }
      if (hall.name.empty()) {
        Error(item, "SCN005", "halls: a hall needs a 'name'");
        continue;
      }
      if (!names.insert(hall.name).second) {
        Error(item, "SCN006", "halls: hall '" + hall.name + "' is named twice");
        continue;
      }
      s.halls.push_back(std::move(hall));
    }
  }

  void Waves(const YAML::Node& node, Scenario& s) {
    if (!ExpectMap(node, "waves")) return;
    static const std::vector<std::string> kKeys = {"max_items", "max_kw", "max_hours"};
    for (const auto& [key, value] : Entries(node, kKeys, "waves")) {
      if (key == "max_items") {
        Number(value, "waves: max_items", true, s.waves.max_items);
      } else if (key == "max_kw") {
        Number(value, "waves: max_kw", false, s.waves.max_kw);
      } else if (key == "max_hours") {
        Number(value, "waves: max_hours", false, s.waves.max_hours);
      }
    }
  }

  void Addressing(const YAML::Node& node, Scenario& s) {
    if (!ExpectMap(node, "addressing")) return;
    static const std::vector<std::string> kKeys = {"supernet", "per_org_block", "merge_vrfs"};
    planners::Addressing a;
    a.where = At(node);
    for (const auto& [key, value] : Entries(node, kKeys, "addressing")) {
      if (key == "supernet") {
        Scalar(value, "addressing: supernet", a.supernet);
      } else if (key == "per_org_block") {
        Scalar(value, "addressing: per_org_block", a.per_org_block);
      } else if (key == "merge_vrfs") {
        std::string text;
        if (Scalar(value, "addressing: merge_vrfs", text)) {
          std::string lower = core::ToLowerAscii(text);
          if (lower == "true" || lower == "yes") {
            a.merge_vrfs = true;
          } else if (lower == "false" || lower == "no") {
            a.merge_vrfs = false;
          } else {
            Error(value, "SCN004",
                  "addressing: merge_vrfs: expected true or false, got '" + text + "'");
          }
        }
      }
    }
    s.addressing = std::move(a);
  }

  void Effort(const YAML::Node& node, Scenario& s) {
    if (!ExpectMap(node, "effort")) return;
    const std::vector<std::string> actions(std::begin(kActions), std::end(kActions));
    for (auto it = node.begin(); it != node.end(); ++it) {
      std::string subject;
      if (!Scalar(it->first, "effort", subject)) continue;
      if (!it->second.IsMap()) {
        Error(it->second, "SCN003",
              "effort: " + subject +
                  ": expected a map of action: hours (upgrade, replace, "
                  "migrate, retire)");
        continue;
      }
      for (const auto& [action, value] : Entries(it->second, actions, "effort: " + subject)) {
        std::optional<double> hours;
        if (!Number(value, "effort: " + subject + ": " + action, false, hours)) continue;
        s.effort.push_back({subject, action, *hours, At(it->first)});
      }
    }
  }

  void Catalogs(const YAML::Node& node, Scenario& s) {
    const std::filesystem::path base = std::filesystem::path(source_).parent_path();
    auto add = [&](const YAML::Node& item) {
      std::string file;
      if (!Scalar(item, "catalog", file) || file.empty()) return;
      std::filesystem::path p(file);
      s.catalogs.push_back(p.is_absolute() ? file : (base / p).string());
    };
    if (node.IsSequence()) {
      for (const YAML::Node& item : node) add(item);
    } else {
      add(node);
    }
  }

  const std::string& source_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

std::string_view ToString(HallRole role) {
  return role == HallRole::kPrimary ? "primary" : "secondary";
}

std::string_view ToString(Redundancy redundancy) {
  return redundancy == Redundancy::kSplit ? "split" : "none";
}

const ScenarioStandard* Scenario::StandardFor(std::string_view capability) const {
  for (const ScenarioStandard& s : standards) {
    if (s.capability == capability) return &s;
  }
  return nullptr;
}

core::Result<Scenario> ParseScenario(std::string_view text, const std::string& source,
                                     core::Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  Scenario scenario;
  scenario.source = source;
  const std::string utf8 = core::ToUtf8(text);
  try {
    YAML::Node root = YAML::Load(utf8);
    Parser(source, diagnostics).Parse(root, scenario);
  } catch (const YAML::Exception& e) {
    const int line = e.mark.is_null() ? 1 : e.mark.line + 1;
    const int column = e.mark.is_null() ? 0 : e.mark.column + 1;
    diagnostics.Error({source, line, column}, "SCN001", "not valid YAML: " + e.msg);
  }
  if (diagnostics.error_count() > errors_before) {
    return core::Status::Invalid("the scenario '" + source + "' has errors");
  }
  return scenario;
}

core::Result<Scenario> LoadScenario(const std::string& path, core::Diagnostics& diagnostics) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return core::Status::Usage("cannot read the scenario '" + path + "': no such file");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return core::Status::Usage("cannot read the scenario '" + path + "'");
  }
  return ParseScenario(content.str(), path, diagnostics);
}

}  // namespace samdrift::planners
