// The part of the ArchiMate 3.1 relationship table the exporter needs: which relationship types
// Archi accepts between the element types samdrift writes (from Archi's relationships.xml; Archi
// refuses a whole exchange file with one invalid relationship). Association is always allowed.
#ifndef SAMDRIFT_PLANNERS_ARCHIMATE_RULES_H_
#define SAMDRIFT_PLANNERS_ARCHIMATE_RULES_H_

#include <string_view>

namespace samdrift::planners {

// True for the element types samdrift writes for assets: Location, Facility, Equipment, Node,
// Device, SystemSoftware, CommunicationNetwork, Path, TechnologyService, ApplicationComponent,
// ApplicationService.
bool IsAssetElementType(std::string_view type);

// Aggregation (and Composition) from `whole` to `part`.
bool CanAggregate(std::string_view whole, std::string_view part);
// Assignment from `from` to `to`.
bool CanAssign(std::string_view from, std::string_view to);
// Serving from `from` to `to`.
bool CanServe(std::string_view from, std::string_view to);

}  // namespace samdrift::planners

#endif  // SAMDRIFT_PLANNERS_ARCHIMATE_RULES_H_
