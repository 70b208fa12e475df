#include "importers/archimate_mapper.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/text.h"

namespace samdrift::importers {

using core::AssetKind;
using core::RelationKind;

namespace archimate_detail {
namespace {

struct FieldName {
  std::string_view name;
  Field field;
};
constexpr FieldName kFieldNames[] = {
    {"samdrift_kind", Field::kKind},
    {"samdrift_org", Field::kOrg},
    {"category", Field::kCategory},
    {"kategori", Field::kCategory},
    {"role", Field::kRole},
    {"roll", Field::kRole},
    {"vendor", Field::kVendor},
    {"manufacturer", Field::kVendor},
    {"tillverkare", Field::kVendor},
    {"leverantör", Field::kVendor},
    {"product", Field::kProduct},
    {"produkt", Field::kProduct},
    {"model", Field::kProduct},
    {"modell", Field::kProduct},
    {"version", Field::kVersion},
    {"serial", Field::kSerial},
    {"serial number", Field::kSerial},
    {"serienummer", Field::kSerial},
    {"site", Field::kSite},
    {"plats", Field::kSite},
    {"hall", Field::kHall},
    {"rack", Field::kRack},
    {"position", Field::kPosition},
    {"u_height", Field::kUHeight},
    {"hojd_u", Field::kUHeight},
    {"höjd_u", Field::kUHeight},
    {"power_w", Field::kPowerW},
    {"effekt_w", Field::kPowerW},
    {"redundancy_group", Field::kRedundancyGroup},
    {"redundansgrupp", Field::kRedundancyGroup},
    {"criticality", Field::kCriticality},
    {"kritikalitet", Field::kCriticality},
    {"eol", Field::kEol},
    {"end_of_support", Field::kEol},
    {"slut_support", Field::kEol},
    {"estimated", Field::kEstimated},
};

}  // namespace

std::optional<Field> FieldOf(std::string_view property) {
  const std::string lower = core::ToLowerAscii(core::Trim(property));
  for (const FieldName& f : kFieldNames) {
    if (f.name == lower) return f.field;
  }
  return std::nullopt;
}

bool IsLocationKind(AssetKind k) {
  return k == AssetKind::kSite || k == AssetKind::kHall || k == AssetKind::kRack;
}
bool IsHostKind(AssetKind k) {
  return k == AssetKind::kDevice || k == AssetKind::kVm || k == AssetKind::kCluster ||
         k == AssetKind::kClient;
}
bool Reversed(std::string_view type) {
  return type == "Serving" || type == "Realization" || type == "Assignment" ||
         type == "Composition" || type == "Aggregation" || type == "Flow";
}
bool IsContainment(std::string_view type) { return type == "Composition" || type == "Aggregation"; }

const ArchimateProperty* FindProperty(const std::vector<ArchimateProperty>& props, Field field) {
  for (const ArchimateProperty& p : props) {
    if (FieldOf(p.name) == field) return &p;
  }
  return nullptr;
}

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace archimate_detail

using namespace archimate_detail;

namespace {

// Element types samdrift imports, in the order that decides which of several same-named
// elements of one kind keeps the plain name (earlier wins, then document order).
struct TypeKind {
  std::string_view type;
  AssetKind kind;
};
constexpr TypeKind kTypeKinds[] = {
    {"Location", AssetKind::kSite},
    {"Facility", AssetKind::kSite},
    {"Device", AssetKind::kDevice},
    {"Node", AssetKind::kDevice},
    {"Equipment", AssetKind::kDevice},
    {"SystemSoftware", AssetKind::kSoftware},
    {"ApplicationComponent", AssetKind::kService},
    {"TechnologyService", AssetKind::kService},
    {"ApplicationService", AssetKind::kService},
    {"CommunicationNetwork", AssetKind::kNetwork},
    {"Path", AssetKind::kNetwork},
};

int TypeRank(std::string_view type) {
  for (std::size_t i = 0; i < std::size(kTypeKinds); ++i) {
    if (kTypeKinds[i].type == type) return static_cast<int>(i);
  }
  return static_cast<int>(std::size(kTypeKinds));
}

}  // namespace

ArchimateMapper::ArchimateMapper(const ArchimateModel& model, const std::string& source,
                                 const ImportOptions& options, core::Batch& batch,
                                 core::Diagnostics& diagnostics)
    : model_(model), source_(source), options_(options), batch_(batch), diagnostics_(diagnostics) {}

void ArchimateMapper::Run() {
  ClassifyElements();
  IndexRelationships();
  RefineNodes();
  FindHalls();
  PlaceElements();
  AssignOrgs();
  NameElements();
  EmitAssets();
  EmitRelations();
}

void ArchimateMapper::ClassifyElements() {
  for (const ArchimateElement& e : model_.elements) {
    // Elements of a samdrift scenario describe a planned state, not the estate.
    if (std::any_of(e.properties.begin(), e.properties.end(), [](const ArchimateProperty& p) {
          return core::ToLowerAscii(core::Trim(p.name)) == "samdrift_scenario";
        })) {
      ReportProblems(e, "it belongs to a samdrift scenario");
      continue;
    }
    std::optional<AssetKind> kind;
    for (const TypeKind& t : kTypeKinds) {
      if (t.type == e.type) kind = t.kind;
    }
    bool fixed = false;
    if (const ArchimateProperty* p = FindProperty(e.properties, Field::kKind)) {
      if (auto k = core::ParseAssetKind(core::ToLowerAscii(core::Trim(p->value)))) {
        kind = *k;
        fixed = true;
      } else {
        std::vector<std::string> names;
        for (AssetKind k2 : core::kAllAssetKinds) names.emplace_back(core::ToString(k2));
        std::string closest = core::ClosestName(p->value, names);
        diagnostics_.Error(p->where, "ARC011",
                           "element " + Quoted(e.id) + ": property " + Quoted(p->name) +
                               ": unknown asset kind " + Quoted(p->value) +
                               (closest.empty() ? "" : "; did you mean " + Quoted(closest) + "?"));
        ReportProblems(e, "");
        continue;
      }
    }
    if (!kind) {
      ReportProblems(e, "samdrift does not import " + e.type + " elements");
      continue;
    }
    ReportProblems(e, "");
    item_of_[e.id] = static_cast<int>(items_.size());
    items_.push_back({&e, *kind, fixed, TypeRank(e.type), "", e.name.empty() ? e.id : e.name, -1});
  }
}

void ArchimateMapper::ReportProblems(const ArchimateElement& e, const std::string& skipped) {
  for (core::Diagnostic problem : e.problems) {
    if (!skipped.empty()) {
      problem.severity = core::Severity::kWarning;
      problem.message += "; ignored: " + skipped;
    } else if (problem.code == "ARC006") {
      problem.severity = core::Severity::kWarning;
      problem.message += "; stored under its identifier " + Quoted(e.id);
    }
    diagnostics_.Report(std::move(problem));
  }
}

void ArchimateMapper::IndexRelationships() {
  for (const ArchimateRelationship& r : model_.relationships) {
    Link link{&r, Find(r.source), Find(r.target), false};
    links_.push_back(link);
  }
}

int ArchimateMapper::Find(const std::string& id) const {
  auto it = item_of_.find(id);
  return it == item_of_.end() ? -1 : it->second;
}

bool ArchimateMapper::HasRelationProperty(const Link& l) const {
  for (const ArchimateProperty& p : l.r->properties) {
    if (core::ToLowerAscii(core::Trim(p.name)) == "samdrift_relation") return true;
  }
  return false;
}

// A plain containment: Composition or Aggregation without an explicit samdrift relation.
bool ArchimateMapper::Contains(const Link& l) const {
  return l.a >= 0 && l.b >= 0 && IsContainment(l.r->type) && !HasRelationProperty(l);
}

// Node elements are devices, except: a Node that groups other Nodes or Devices is a cluster;
// an unplaced Node assigned to a Node/Device, or served by a cluster (directly or through a
// technology service the cluster realises), is a virtual machine.
void ArchimateMapper::RefineNodes() {
  auto type_of = [&](int i) -> std::string_view { return items_[i].e->type; };
  for (Item& item : items_) {
    if (item.kind_fixed || item.e->type != "Node") continue;
    const int self = static_cast<int>(&item - items_.data());
    for (const Link& l : links_) {
      if (Contains(l) && l.a == self && (type_of(l.b) == "Node" || type_of(l.b) == "Device")) {
        item.kind = AssetKind::kCluster;
      }
    }
  }
  auto is_cluster = [&](int i) { return i >= 0 && items_[i].kind == AssetKind::kCluster; };
  std::set<int> platform_services;  // technology services a cluster realises or is assigned
  for (const Link& l : links_) {
    if ((l.r->type == "Realization" || l.r->type == "Assignment") && is_cluster(l.a) && l.b >= 0 &&
        type_of(l.b) == "TechnologyService") {
      platform_services.insert(l.b);
    }
  }
  for (Item& item : items_) {
    if (item.kind_fixed || item.e->type != "Node" || item.kind != AssetKind::kDevice) continue;
    const int self = static_cast<int>(&item - items_.data());
    bool placed = false, hosted = false;
    for (const Link& l : links_) {
      if (l.b != self || l.a < 0) continue;
      std::string_view from = type_of(l.a);
      if (Contains(l) &&
          (from == "Location" || from == "Facility" || IsLocationKind(items_[l.a].kind))) {
        placed = true;
      }
      if (l.r->type == "Assignment" && (from == "Node" || from == "Device")) hosted = true;
      if (l.r->type == "Serving" && (is_cluster(l.a) || platform_services.count(l.a))) {
        hosted = true;
      }
    }
    if (!placed && hosted) item.kind = AssetKind::kVm;
  }
}

// A Facility inside a Location is a hall of that site; a Facility inside a Facility that is a
// site is a hall of it. Other Facilities are sites.
void ArchimateMapper::FindHalls() {
  for (int pass = 0; pass < 2; ++pass) {
    std::vector<int> halls;
    for (const Link& l : links_) {
      if (!Contains(l)) continue;
      const Item& whole = items_[l.a];
      const Item& part = items_[l.b];
      if (part.kind_fixed || part.e->type != "Facility" || part.kind != AssetKind::kSite) continue;
      if (whole.kind != AssetKind::kSite) continue;
      if (pass == 0 ? whole.e->type == "Location" : whole.e->type == "Facility") {
        halls.push_back(l.b);
      }
    }
    for (int h : halls) items_[h].kind = AssetKind::kHall;
  }
}

// Where each element sits: the most specific site, hall or rack that contains it. A site
// inside a site stays a site (with an explicit located_in relation); a hall takes its site,
// a rack its hall, anything else the most specific holder.
void ArchimateMapper::PlaceElements() {
  auto rank = [&](int i) {
    switch (items_[i].kind) {
      case AssetKind::kRack:
        return 3;
      case AssetKind::kHall:
        return 2;
      case AssetKind::kSite:
        return 1;
      default:
        return 0;
    }
  };
  std::vector<std::vector<Link*>> holders(items_.size());
  for (Link& l : links_) {
    if (Contains(l) && rank(l.a) > 0 && items_[l.b].kind != AssetKind::kSite) {
      holders[l.b].push_back(&l);
    }
  }
  for (std::size_t self = 0; self < items_.size(); ++self) {
    Item& item = items_[self];
    int best = -1;
    for (Link* l : holders[self]) {
      const int r = rank(l->a);
      if (item.kind == AssetKind::kHall && r == 3) continue;
      if (item.kind == AssetKind::kRack && r == 3) continue;
      if (best < 0 || r > rank(best)) best = l->a;
    }
    item.container = best;
  }
  for (std::size_t self = 0; self < items_.size(); ++self) {
    const Item& item = items_[self];
    for (Link* l : holders[self]) {
      const int best = item.container;
      if (best < 0) continue;
      l->location = true;
      if (l->a == best || Encloses(l->a, best)) continue;
      diagnostics_.Warning(l->r->where, "ARC013",
                           item.e->type + " " + Quoted(item.name) + " is placed in both " +
                               Quoted(items_[best].name) + " and " + Quoted(items_[l->a].name) +
                               "; kept " + Quoted(items_[best].name));
    }
  }
}

// True when `outer` is a container of `inner` (directly or further up).
bool ArchimateMapper::Encloses(int outer, int inner) const {
  for (int i = items_[inner].container, guard = 0; i >= 0 && guard < 8;
       i = items_[i].container, ++guard) {
    if (i == outer) return true;
  }
  return false;
}

void ArchimateMapper::AssignOrgs() {
  for (Item& item : items_) {
    item.org = options_.org;
    if (options_.org_source != OrgSource::kTenant) continue;
    const ArchimateProperty* p = FindProperty(item.e->properties, Field::kOrg);
    if (!p || p->value.empty()) continue;
    auto mapped = options_.tenant_to_org.find(p->value);
    std::string org = mapped != options_.tenant_to_org.end() ? mapped->second : p->value;
    if (!core::IsValidOrgId(org)) {
      diagnostics_.Error(p->where, "ARC016",
                         "element " + Quoted(item.e->id) + ": org " + Quoted(org) +
                             " is not a municipality id (lowercase ASCII); map it with "
                             "--tenant-map");
      continue;
    }
    item.org = org;
  }
}

std::string ArchimateMapper::KeyOf(const Item& item) const {
  switch (item.kind) {
    case AssetKind::kHall:
      return core::HallKey(SiteOf(item), item.name);
    case AssetKind::kRack:
      return core::RackKey(SiteOf(item), HallOf(item), item.name);
    default:
      return item.name;
  }
}

// The location fields an item gets from its container; levels below the container (a hall or
// rack Archi would not let contain the element) come from its own properties.
std::string ArchimateMapper::SiteOf(const Item& item) const {
  if (item.container < 0) return PropertyText(item, Field::kSite);
  const Item& c = items_[item.container];
  return c.kind == AssetKind::kSite ? c.name : SiteOf(c);
}

std::string ArchimateMapper::HallOf(const Item& item) const {
  if (item.container < 0) return PropertyText(item, Field::kHall);
  const Item& c = items_[item.container];
  if (c.kind == AssetKind::kHall) return c.name;
  return c.kind == AssetKind::kRack ? HallOf(c) : PropertyText(item, Field::kHall);
}

std::string ArchimateMapper::RackOf(const Item& item) const {
  if (item.container < 0) return PropertyText(item, Field::kRack);
  const Item& c = items_[item.container];
  return c.kind == AssetKind::kRack ? c.name : PropertyText(item, Field::kRack);
}

std::string ArchimateMapper::PropertyText(const Item& item, Field field) const {
  const ArchimateProperty* p = FindProperty(item.e->properties, field);
  return p ? std::string(core::Trim(p->value)) : "";
}

// Names are unique per org, kind and key: of several same-named elements the one whose type
// comes first in kTypeKinds (then the first in the file) keeps the name, the others get
// " (IDENTIFIER)" appended. Sites first, then halls and racks, whose keys include them.
void ArchimateMapper::NameElements() {
  std::vector<core::Diagnostic> renamed_warnings;
  const std::vector<std::vector<AssetKind>> stages = {
      {AssetKind::kSite}, {AssetKind::kHall}, {AssetKind::kRack}, {}};
  for (const auto& stage : stages) {
    std::map<std::tuple<std::string, AssetKind, std::string>, std::vector<int>> groups;
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Item& item = items_[i];
      const bool in_stage = stage.empty()
                                ? !IsLocationKind(item.kind)
                                : std::find(stage.begin(), stage.end(), item.kind) != stage.end();
      if (in_stage) groups[{item.org, item.kind, KeyOf(item)}].push_back(static_cast<int>(i));
    }
    for (auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      std::stable_sort(members.begin(), members.end(),
                       [&](int x, int y) { return items_[x].rank < items_[y].rank; });
      const Item& keeper = items_[members[0]];
      for (std::size_t m = 1; m < members.size(); ++m) {
        Item& other = items_[members[m]];
        std::string renamed = other.name + " (" + other.e->id + ")";
        renamed_warnings.push_back({other.e->where, core::Severity::kWarning, "ARC012",
                                    std::string(core::ToString(other.kind)) + " " +
                                        Quoted(other.name) + " is also the name of " +
                                        keeper.e->type + " " + Quoted(keeper.e->id) + " on line " +
                                        std::to_string(keeper.e->where.line) + "; this " +
                                        other.e->type + " is stored as " + Quoted(renamed)});
        other.name = std::move(renamed);
      }
    }
  }
  std::stable_sort(renamed_warnings.begin(), renamed_warnings.end(),
                   [](const core::Diagnostic& x, const core::Diagnostic& y) {
                     return x.where.line < y.where.line;
                   });
  for (core::Diagnostic& d : renamed_warnings) diagnostics_.Report(std::move(d));
}

}  // namespace samdrift::importers
