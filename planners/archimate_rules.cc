#include "planners/archimate_rules.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace samdrift::planners {
namespace {

constexpr std::string_view kAssetTypes[] = {
    "Location",
    "Facility",
    "Equipment",
    "Node",
    "Device",
    "SystemSoftware",
    "CommunicationNetwork",
    "Path",
    "TechnologyService",
    "ApplicationComponent",
    "ApplicationService",
};

using Pair = std::pair<std::string_view, std::string_view>;

// Rows of Archi's relationships.xml (ArchiMate 3.1/3.2) with 'g' (aggregation) and 'c'
// (composition) between different asset element types; same-type pairs are always allowed.
constexpr Pair kAggregations[] = {
    {"Facility", "Device"},
    {"Facility", "Equipment"},
    {"Facility", "Node"},
    {"Facility", "SystemSoftware"},
    {"Equipment", "Device"},
    {"Equipment", "SystemSoftware"},
    {"Node", "Device"},
    {"Node", "Equipment"},
    {"Node", "Facility"},
    {"Node", "SystemSoftware"},
    {"Device", "SystemSoftware"},
    {"CommunicationNetwork", "Device"},
    {"CommunicationNetwork", "SystemSoftware"},
};

// The same rows with 'i' (assignment).
constexpr Pair kAssignments[] = {
    {"Node", "Node"},
    {"Node", "Device"},
    {"Node", "Equipment"},
    {"Node", "Facility"},
    {"Node", "SystemSoftware"},
    {"Device", "SystemSoftware"},
    {"Facility", "Device"},
    {"Facility", "Equipment"},
    {"Facility", "Facility"},
    {"Facility", "Node"},
    {"Facility", "SystemSoftware"},
    {"Equipment", "SystemSoftware"},
    {"CommunicationNetwork", "SystemSoftware"},
};

bool Listed(const Pair* begin, const Pair* end, std::string_view a, std::string_view b) {
  return std::find(begin, end, Pair{a, b}) != end;
}

}  // namespace

bool IsAssetElementType(std::string_view type) {
  return std::find(std::begin(kAssetTypes), std::end(kAssetTypes), type) != std::end(kAssetTypes);
}

bool CanAggregate(std::string_view whole, std::string_view part) {
  if (whole == "Location" || whole == "Plateau") return true;  // 'cg' towards every element
  if (whole == part) return IsAssetElementType(whole);
  return Listed(std::begin(kAggregations), std::end(kAggregations), whole, part);
}

bool CanAssign(std::string_view from, std::string_view to) {
  if (from == "Location") {
    // 'i' in the Location row: not towards Location, Path, networks or application components.
    return to == "Device" || to == "Equipment" || to == "Facility" || to == "Node" ||
           to == "SystemSoftware" || to == "TechnologyService" || to == "ApplicationService";
  }
  return Listed(std::begin(kAssignments), std::end(kAssignments), from, to);
}

bool CanServe(std::string_view from, std::string_view to) {
  // Every technology, physical and application element serves every other of them ('v').
  return IsAssetElementType(from) && IsAssetElementType(to);
}

}  // namespace samdrift::planners
