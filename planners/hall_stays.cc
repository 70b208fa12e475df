// What stays where it is today instead of moving into a target hall: site-bound equipment (by
// role or named by the scenario's site_bound) and everything in a hall the scenario keeps.
#include "planners/hall_stays.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace samdrift::planners {
namespace {

// "Campus-Core Switch" -> {"campus", "core", "switch"}, "kärnswitch" -> {"kärnswitch"}: ASCII
// letters lowered, bytes of UTF-8 sequences kept as word characters.
std::vector<std::string> RoleWords(std::string_view role) {
  std::vector<std::string> words(1);
  for (char c : core::ToLowerAscii(role)) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
      words.back() += c;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

struct BoundWord {
  std::string_view word;
  std::string_view why;
};

// Whole words of a role and what they make the device (English and Swedish spellings).
constexpr std::string_view kCore = "the site's core switch: it carries the site's own network";
constexpr std::string_view kAccess = "a building or access switch of the site";
constexpr std::string_view kAccessPoint = "an access point of the site";
constexpr std::string_view kFirewall = "the site's firewall: it guards the site's own connection";
constexpr std::string_view kUps = "the site's UPS: part of the room's power, not of the IT estate";
constexpr std::string_view kPrinter = "a printer of the site";
constexpr std::string_view kSaysSo = "its role binds it to the site";
constexpr BoundWord kBoundWords[] = {
    {"kärnswitch", kCore},
    {"campusswitch", kCore},
    {"accesswitch", kAccess},
    {"accessswitch", kAccess},
    {"åtkomstswitch", kAccess},
    {"distributionsswitch", kAccess},
    {"byggnadsswitch", kAccess},
    {"accesspunkt", kAccessPoint},
    {"ap", kAccessPoint},
    {"wap", kAccessPoint},
    {"firewall", kFirewall},
    {"brandvägg", kFirewall},
    {"ups", kUps},
    {"avbrottsfri", kUps},
    {"printer", kPrinter},
    {"skrivare", kPrinter},
    {"campus", kSaysSo},
    {"site", kSaysSo},
    {"building", kSaysSo},
    {"byggnad", kSaysSo},
};

}  // namespace

std::string SiteBoundWhy(std::string_view role) {
  const std::vector<std::string> words = RoleWords(role);
  auto has = [&](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  // Two-word roles first: "core switch", "access switch", "access point".
  if (has("switch")) {
    if (has("core") || has("campus")) return std::string(kCore);
    if (has("access") || has("distribution") || has("building") || has("edge")) {
      return std::string(kAccess);
    }
  }
  if (has("access") && has("point")) return std::string(kAccessPoint);
  for (const BoundWord& b : kBoundWords) {
    if (has(b.word)) return std::string(b.why);
  }
  return "";
}

namespace {

core::SourceLocation Where(const Scenario& scenario, const std::string& key) {
  auto it = scenario.locations.find(key);
  return it != scenario.locations.end() ? it->second : core::SourceLocation{scenario.source, 0, 0};
}

std::string DidYouMean(std::string_view name, const std::vector<std::string>& candidates) {
  const std::string closest = core::ClosestName(name, candidates);
  return closest.empty() ? "" : "; did you mean '" + closest + "'?";
}

}  // namespace

std::set<std::string> KeptHalls(const Scenario& scenario, const std::vector<std::string>& known,
                                core::Diagnostics& diagnostics) {
  std::set<std::string> kept;
  for (const std::string& name : scenario.keep_halls) {
    const core::SourceLocation at = Where(scenario, "keep_halls." + name);
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      diagnostics.Error(
          at, "HAL003",
          "keep_halls: no hall '" + name + "' in the store" + DidYouMean(name, known));
      continue;
    }
    const auto target = std::find_if(scenario.halls.begin(), scenario.halls.end(),
                                     [&](const TargetHall& h) { return h.from == name; });
    if (target != scenario.halls.end()) {
      diagnostics.Error(
          at, "HAL004",
          "keep_halls: '" + name + "' is already the target hall '" + target->name + "'");
      continue;
    }
    kept.insert(name);
  }
  return kept;
}

AssetNames SiteBoundNames(const Scenario& scenario, const core::Estate& estate,
                          core::Diagnostics& diagnostics) {
  AssetNames named;
  if (scenario.site_bound.empty()) return named;
  std::vector<std::string> devices;
  for (const core::Asset& a : estate.assets) {
    if (a.kind == core::AssetKind::kDevice) devices.push_back(a.org + "/" + a.name);
  }
  for (const std::string& name : scenario.site_bound) {
    if (std::find(devices.begin(), devices.end(), name) == devices.end()) {
      diagnostics.Error(
          Where(scenario, "site_bound." + name), "HAL005",
          "site_bound: no device '" + name + "' in the store" + DidYouMean(name, devices));
      continue;
    }
    const std::size_t slash = name.find('/');
    named.insert({name.substr(0, slash), name.substr(slash + 1)});
  }
  return named;
}

}  // namespace samdrift::planners
