#include <map>
#include <set>
#include <tuple>

#include "core/criticality.h"
#include "core/text.h"
#include "importers/archimate_mapper.h"

namespace samdrift::importers {

using core::AssetKind;
using core::RelationKind;
using namespace archimate_detail;

void ArchimateMapper::EmitAssets() {
  for (const Item& item : items_) {
    core::Asset a;
    a.org = item.org;
    a.kind = item.kind;
    a.name = item.name;
    a.mode = core::WriteMode::kPatch;
    a.provenance = {std::string(kImporterName), source_, item.e->where.line};
    std::optional<core::Category> category;
    for (const ArchimateProperty& p : item.e->properties) ApplyProperty(item, p, a, category);
    Locate(item, a);
    if (a.kind == AssetKind::kSoftware && a.product.empty()) a.product = a.name;
    a.category = category ? *category : core::DefaultCategory(a.kind, a.role);
    a.SetAttr("archimate_id", item.e->id);
    a.SetAttr("archimate_type", item.e->type);
    if (!item.e->documentation.empty()) a.SetAttr("documentation", item.e->documentation);
    if (!item.e->folder.empty()) a.SetAttr("folder", item.e->folder);
    batch_.assets.push_back(std::move(a));
  }
}

void ArchimateMapper::ApplyProperty(const Item& item, const ArchimateProperty& p, core::Asset& a,
                                    std::optional<core::Category>& category) {
  std::optional<Field> field = FieldOf(p.name);
  const std::string value(core::Trim(p.value));
  if (!field) {
    if (!value.empty()) a.SetAttr(std::string(core::Trim(p.name)), value);
    return;
  }
  if (value.empty()) return;
  switch (*field) {
    case Field::kKind:
    case Field::kOrg:
    case Field::kSite:
    case Field::kHall:
    case Field::kRack:
      break;  // handled when classifying, placing and locating
    case Field::kCategory:
      category = core::ParseCategory(core::ToLowerAscii(value));
      if (!category) {
        diagnostics_.Warning(p.where, "ARC015",
                             Quoted(item.name) + ": property " + Quoted(p.name) +
                                 ": expected datacenter, network, platform or client, "
                                 "got " +
                                 Quoted(value) + "; the default for its kind is used");
      }
      break;
    case Field::kRole:
      a.role = value;
      break;
    case Field::kVendor:
      a.vendor = value;
      break;
    case Field::kProduct:
      a.product = value;
      break;
    case Field::kVersion:
      a.version = value;
      break;
    case Field::kSerial:
      a.serial = value;
      break;
    case Field::kRedundancyGroup:
      a.redundancy_group = value;
      break;
    case Field::kCriticality:
      a.criticality = core::NormaliseCriticality(value);
      break;
    case Field::kEol:
      a.eol = value;
      break;
    case Field::kEstimated:
      a.estimated = core::EqualsIgnoreCase(value, "true") || value == "1" ||
                    core::EqualsIgnoreCase(value, "ja") || core::EqualsIgnoreCase(value, "yes");
      break;
    case Field::kPosition:
    case Field::kUHeight:
    case Field::kPowerW:
      Number(item, p, *field, a);
      break;
  }
}

void ArchimateMapper::Locate(const Item& item, core::Asset& a) const {
  switch (a.kind) {
    case AssetKind::kSite:
      break;
    case AssetKind::kHall:
      a.site = SiteOf(item);
      break;
    case AssetKind::kRack:
      a.site = SiteOf(item);
      a.hall = HallOf(item);
      break;
    default:
      a.site = SiteOf(item);
      a.hall = HallOf(item);
      a.rack = RackOf(item);
  }
}

void ArchimateMapper::Number(const Item& item, const ArchimateProperty& p, Field field,
                             core::Asset& a) {
  const std::string value(core::Trim(p.value));
  if (field == Field::kPowerW) {
    auto v = core::ParseNumber(value);
    if (v && *v >= 0) {
      a.power_w = *v;
      return;
    }
  } else if (auto v = core::ParseInteger(value); v && *v >= 1 && *v <= 1000000) {
    (field == Field::kPosition ? a.position : a.u_height) = static_cast<int>(*v);
    return;
  }
  diagnostics_.Warning(p.where, "ARC015",
                       Quoted(item.name) + ": property " + Quoted(p.name) + ": expected " +
                           (field == Field::kPowerW ? "a number of watts" : "a whole number") +
                           ", got " + Quoted(value) + "; kept as an attribute");
  a.SetAttr(std::string(core::Trim(p.name)), value);
}
void ArchimateMapper::EmitRelations() {
  std::size_t unimported = 0;
  std::map<std::string, std::size_t> ignored;  // relationship type -> count
  // A relation's identity includes its ports: two cables between one pair are two facts.
  std::set<std::tuple<std::string, std::string, int, std::string, std::string, int, int,
                      std::string, std::string>>
      seen;
  for (const Link& l : links_) {
    if (l.a < 0 || l.b < 0) {
      ++unimported;
      continue;
    }
    if (l.location) continue;
    const LinkProperties props = PropertiesOf(l);
    bool reversed = Reversed(l.r->type);
    std::optional<RelationKind> kind;
    if (!props.relation.empty()) {
      kind = ExplicitKind(l, props.relation);
      if (!kind) continue;  // reported
    } else {
      kind = ImpliedKind(items_[l.a], items_[l.b], l.r->type, reversed);
    }
    if (!kind) {
      ++ignored[l.r->type];
      continue;
    }
    if (l.a == l.b) {
      diagnostics_.Warning(l.r->where, "ARC014",
                           l.r->type + " relationship " + Quoted(l.r->id) + " from " +
                               Quoted(items_[l.a].name) + " to itself; ignored");
      continue;
    }
    const Item& from = items_[reversed ? l.b : l.a];
    const Item& to = items_[reversed ? l.a : l.b];
    core::Relation rel;
    rel.org = from.org;
    rel.source = KeyOf(from);
    rel.kind = *kind;
    rel.target = KeyOf(to);
    if (to.org != from.org) rel.target_org = to.org;
    rel.source_kind = from.kind;
    rel.target_kind = to.kind;
    rel.source_port = props.source_port;
    rel.target_port = props.target_port;
    rel.provenance = {std::string(kImporterName), source_, l.r->where.line};
    auto key = std::make_tuple(rel.org, rel.source, static_cast<int>(from.kind), rel.target,
                               rel.TargetOrg(), static_cast<int>(to.kind), static_cast<int>(*kind),
                               rel.source_port, rel.target_port);
    if (!seen.insert(key).second) continue;  // the same fact twice (e.g. both directions)
    batch_.relations.push_back(std::move(rel));
  }
  ReportSkipped(unimported, ignored);
}

ArchimateMapper::LinkProperties ArchimateMapper::PropertiesOf(const Link& l) {
  LinkProperties out;
  for (const ArchimateProperty& p : l.r->properties) {
    const std::string name = core::ToLowerAscii(core::Trim(p.name));
    if (name == "samdrift_relation") out.relation = std::string(core::Trim(p.value));
    if (name == "source_port") out.source_port = std::string(core::Trim(p.value));
    if (name == "target_port") out.target_port = std::string(core::Trim(p.value));
  }
  return out;
}

std::optional<RelationKind> ArchimateMapper::ExplicitKind(const Link& l,
                                                          const std::string& relation) {
  std::optional<RelationKind> kind = core::ParseRelationKind(core::ToLowerAscii(relation));
  if (!kind) {
    std::vector<std::string> names;
    for (RelationKind k : core::kAllRelationKinds) names.emplace_back(core::ToString(k));
    std::string closest = core::ClosestName(relation, names);
    diagnostics_.Error(l.r->where, "ARC011",
                       "relationship " + Quoted(l.r->id) + ": unknown samdrift_relation " +
                           Quoted(relation) +
                           (closest.empty() ? "" : "; did you mean " + Quoted(closest) + "?"));
  }
  return kind;
}

std::optional<RelationKind> ArchimateMapper::ImpliedKind(const Item& a, const Item& b,
                                                         const std::string& type, bool& reversed) {
  if (type == "Serving" || type == "Realization" || type == "Flow") {
    return RelationKind::kDependsOn;
  }
  if (type == "Assignment") {
    return (b.kind == AssetKind::kSoftware && IsHostKind(a.kind)) ? RelationKind::kInstalledOn
                                                                  : RelationKind::kRunsOn;
  }
  if (IsContainment(type)) {
    return (a.kind == AssetKind::kSite && b.kind == AssetKind::kSite) ? RelationKind::kLocatedIn
                                                                      : RelationKind::kMemberOf;
  }
  if (type == "Association") {
    if (a.kind == AssetKind::kNetwork && IsHostKind(b.kind)) {
      reversed = true;
      return RelationKind::kMemberOf;
    }
    if (b.kind == AssetKind::kNetwork && IsHostKind(a.kind)) {
      reversed = false;
      return RelationKind::kMemberOf;
    }
  }
  return std::nullopt;
}

void ArchimateMapper::ReportSkipped(std::size_t unimported,
                                    const std::map<std::string, std::size_t>& ignored) {
  std::size_t skipped = unimported;
  std::string detail;
  for (const auto& [type, n] : ignored) {
    skipped += n;
    detail += (detail.empty() ? "" : ", ") + type + " " + std::to_string(n);
  }
  if (skipped > 0) {
    diagnostics_.Warning(
        {source_, 1, 0}, "ARC020",
        "skipped " + std::to_string(skipped) + " of " + std::to_string(links_.size()) +
            " relationships: " + std::to_string(unimported) +
            " with an end samdrift does not import (business, motivation, strategy, "
            "implementation elements, junctions, relationships)" +
            (detail.empty() ? std::string() : "; types samdrift ignores here: " + detail));
  }
}

}  // namespace samdrift::importers
