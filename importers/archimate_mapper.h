// Internal to the archimate-xml importer (archimate*.cc only): maps an ArchimateModel onto
// samdrift's model in stages (kinds, halls, places, orgs, names; then assets and relations).
// The mapping tables are documented in README.md ("ArchiMate models").
#ifndef SAMDRIFT_IMPORTERS_ARCHIMATE_MAPPER_H_
#define SAMDRIFT_IMPORTERS_ARCHIMATE_MAPPER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "importers/archimate_reader.h"
#include "importers/importer.h"

namespace samdrift::importers {
namespace archimate_detail {

inline constexpr std::string_view kImporterName = "archimate-xml";

// Properties that fill Asset fields (by the definition's name, case-insensitive, English and
// Swedish); every other property becomes an attribute under its own name.
enum class Field {
  kKind,
  kOrg,
  kCategory,
  kRole,
  kVendor,
  kProduct,
  kVersion,
  kSerial,
  kSite,
  kHall,
  kRack,
  kPosition,
  kUHeight,
  kPowerW,
  kRedundancyGroup,
  kCriticality,
  kEol,
  kEstimated,
};
std::optional<Field> FieldOf(std::string_view property);
const ArchimateProperty* FindProperty(const std::vector<ArchimateProperty>& props, Field field);
bool IsLocationKind(core::AssetKind kind);  // site, hall, rack
bool IsHostKind(core::AssetKind kind);      // device, vm, cluster, client
// Relationship types whose samdrift source is the ArchiMate target ("B depends_on A").
bool Reversed(std::string_view type);
bool IsContainment(std::string_view type);  // Composition, Aggregation
std::string Quoted(std::string_view text);

}  // namespace archimate_detail

class ArchimateMapper {
 public:
  ArchimateMapper(const ArchimateModel& model, const std::string& source,
                  const ImportOptions& options, core::Batch& batch, core::Diagnostics& diagnostics);
  // Classifies, places and names the elements, then emits assets and relations.
  void Run();

 private:
  // One element that becomes an asset.
  struct Item {
    const ArchimateElement* e = nullptr;
    core::AssetKind kind = core::AssetKind::kDevice;
    bool kind_fixed = false;  // samdrift_kind property
    int rank = 0;
    std::string org;
    std::string name;    // final, after disambiguation
    int container = -1;  // item index of the site/hall/rack it is placed in
  };
  struct Link {
    const ArchimateRelationship* r = nullptr;
    int a = -1;  // item index of the ArchiMate source, -1 when not imported
    int b = -1;
    bool location = false;  // consumed as a location
  };

  void ClassifyElements();
  // The problems the reader kept on an element. Of an element samdrift skips (`skipped` says
  // why) they are warnings; of an imported one a missing name is a warning (the identifier
  // names it) and the rest are errors.
  void ReportProblems(const ArchimateElement& e, const std::string& skipped);
  void IndexRelationships();
  int Find(const std::string& id) const;
  bool HasRelationProperty(const Link& l) const;
  // A plain containment: Composition or Aggregation without an explicit samdrift relation.
  bool Contains(const Link& l) const;
  // Node elements are devices, except: a Node that groups other Nodes or Devices is a cluster;
  // an unplaced Node assigned to a Node/Device, or served by a cluster (directly or through a
  // technology service the cluster realises), is a virtual machine.
  void RefineNodes();
  // A Facility inside a Location is a hall of that site; a Facility inside a Facility that is a
  // site is a hall of it. Other Facilities are sites.
  void FindHalls();
  // Where each element sits: the most specific site, hall or rack that contains it. A site
  // inside a site stays a site (with an explicit located_in relation); a hall takes its site,
  // a rack its hall, anything else the most specific holder.
  void PlaceElements();
  // True when `outer` is a container of `inner` (directly or further up).
  bool Encloses(int outer, int inner) const;
  void AssignOrgs();
  std::string KeyOf(const Item& item) const;
  // The location fields an item gets from its container; levels below the container (a hall or
  // rack Archi would not let contain the element) come from its own properties.
  std::string SiteOf(const Item& item) const;
  std::string HallOf(const Item& item) const;
  std::string RackOf(const Item& item) const;
  std::string PropertyText(const Item& item, archimate_detail::Field field) const;
  // Names are unique per org, kind and key: of several same-named elements the one whose type
  // comes first in kTypeKinds (then the first in the file) keeps the name, the others get
  // " (IDENTIFIER)" appended. Sites first, then halls and racks, whose keys include them.
  void NameElements();
  void EmitAssets();
  // One property of an element into its asset; a samdrift category goes to `category`.
  void ApplyProperty(const Item& item, const ArchimateProperty& p, core::Asset& a,
                     std::optional<core::Category>& category);
  // The site, hall and rack of an asset, as far as its kind has them.
  void Locate(const Item& item, core::Asset& a) const;
  void Number(const Item& item, const ArchimateProperty& p, archimate_detail::Field field,
              core::Asset& a);
  void EmitRelations();
  struct LinkProperties {
    std::string relation;  // samdrift_relation
    std::string source_port;
    std::string target_port;
  };
  static LinkProperties PropertiesOf(const Link& l);
  // The samdrift_relation property's kind; nullopt (reported, ARC011) when it names none.
  std::optional<core::RelationKind> ExplicitKind(const Link& l, const std::string& relation);
  // The kind a relationship type implies between two elements, and whether it points from b
  // to a (`reversed`); nullopt when samdrift ignores the type there.
  static std::optional<core::RelationKind> ImpliedKind(const Item& a, const Item& b,
                                                       const std::string& type, bool& reversed);
  // ARC020: how many relationships were skipped, and why.
  void ReportSkipped(std::size_t unimported, const std::map<std::string, std::size_t>& ignored);

  const ArchimateModel& model_;
  const std::string& source_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  std::vector<Item> items_;
  std::unordered_map<std::string, int> item_of_;
  std::vector<Link> links_;
};
}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_ARCHIMATE_MAPPER_H_
