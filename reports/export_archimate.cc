#include "reports/export_archimate.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "planners/archimate_rules.h"
#include "reports/archimate_xml.h"

namespace samdrift::reports {
namespace {

using core::AssetKind;
using core::RelationKind;

// Attributes that are written as the element itself, not as properties.
bool IsStructuralAttribute(std::string_view key) {
  return key == "archimate_id" || key == "archimate_type" || key == "documentation" ||
         key == "folder";
}

bool TypeFits(AssetKind kind, std::string_view type) {
  switch (kind) {
    case AssetKind::kSite:
      return type == "Location" || type == "Facility";
    case AssetKind::kHall:
      return type == "Facility";
    case AssetKind::kRack:
      return type == "Equipment";
    case AssetKind::kDevice:
      return type == "Device" || type == "Node" || type == "Equipment";
    case AssetKind::kCluster:
    case AssetKind::kVm:
      return type == "Node";
    case AssetKind::kClient:
      return type == "Device";
    case AssetKind::kSoftware:
      return type == "SystemSoftware";
    case AssetKind::kNetwork:
      return type == "CommunicationNetwork" || type == "Path";
    case AssetKind::kService:
      return type == "ApplicationComponent" || type == "ApplicationService" ||
             type == "TechnologyService";
  }
  return false;
}

std::string_view DefaultType(AssetKind kind) {
  switch (kind) {
    case AssetKind::kSite:
      return "Location";
    case AssetKind::kHall:
      return "Facility";
    case AssetKind::kRack:
      return "Equipment";
    case AssetKind::kDevice:
    case AssetKind::kClient:
      return "Device";
    case AssetKind::kCluster:
    case AssetKind::kVm:
      return "Node";
    case AssetKind::kSoftware:
      return "SystemSoftware";
    case AssetKind::kNetwork:
      return "CommunicationNetwork";
    case AssetKind::kService:
      return "ApplicationComponent";
  }
  return "Node";
}

std::uint64_t Fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string HashId(std::string_view prefix, std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::uint64_t h = Fnv1a(text);
  std::string id = "id-" + std::string(prefix);
  for (int shift = 60; shift >= 0; shift -= 4) id += kHex[(h >> shift) & 0xF];
  return id;
}

// xs:ID values are NCNames; samdrift keeps only the plain ASCII ones.
bool IsNcName(std::string_view id) {
  if (id.empty()) return false;
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!letter(id[0])) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) {
    return letter(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
  });
}

std::string NumberText(double v) {
  std::ostringstream s;
  s.precision(15);
  s << v;
  return s.str();
}

class Exporter {
 public:
  Exporter(const core::Estate& estate, const ArchimateExportOptions& options)
      : estate_(estate), options_(options) {}

  ArchimateExport Run() {
    AddAssets();
    AddLocations();
    AddRelations();
    if (options_.scenario) AddScenario(*options_.scenario);
    result_.xml = WriteExchangeXml({options_.model_name.empty() ? "samdrift" : options_.model_name,
                                    options_.documentation, HashId("m", options_.model_name),
                                    elements_, relationships_});
    result_.elements = elements_.size();
    result_.relationships = relationships_.size();
    return std::move(result_);
  }

 private:
  std::string Claim(std::string id, std::string_view fallback_prefix, std::string_view seed) {
    if (!IsNcName(id) || used_.count(id)) id = HashId(fallback_prefix, seed);
    for (int n = 2; used_.count(id); ++n)
      id = HashId(fallback_prefix, std::string(seed) + "#" + std::to_string(n));
    used_.insert(id);
    return id;
  }

  void AddAssets() {
    std::vector<const core::Asset*> assets;
    for (const core::Asset& a : estate_.assets) assets.push_back(&a);
    std::sort(assets.begin(), assets.end(), [](const core::Asset* x, const core::Asset* y) {
      return std::make_tuple(x->org, static_cast<int>(x->kind), x->Key()) <
             std::make_tuple(y->org, static_cast<int>(y->kind), y->Key());
    });
    for (const core::Asset* a : assets) {
      const std::string key = a->Key();
      if (index_.count({a->org, static_cast<int>(a->kind), key})) continue;  // one per identity
      ExchangeElement e;
      const std::string seed = a->org + '\0' + std::string(core::ToString(a->kind)) + '\0' + key;
      const std::string* given = a->Attr("archimate_id");
      e.id = Claim(given ? *given : "", "a", seed);
      e.type = ArchimateTypeOf(*a);
      e.name = a->name;
      if (const std::string* doc = a->Attr("documentation")) e.documentation = *doc;
      e.group = core::DisplayName(estate_.org_names, a->org);
      auto prop = [&](std::string_view name, const std::string& value) {
        if (!value.empty()) e.properties.push_back({std::string(name), value});
      };
      prop("samdrift_kind", std::string(core::ToString(a->kind)));
      prop("samdrift_org", a->org);
      prop("category", std::string(core::ToString(a->category)));
      prop("role", a->role);
      prop("vendor", a->vendor);
      prop("product", a->product);
      prop("version", a->version);
      prop("serial", a->serial);
      prop("site", a->site);
      if (a->kind != AssetKind::kHall) prop("hall", a->hall);
      if (a->kind != AssetKind::kRack) prop("rack", a->rack);
      if (a->position) prop("position", std::to_string(*a->position));
      if (a->u_height) prop("u_height", std::to_string(*a->u_height));
      if (a->power_w) prop("power_w", NumberText(*a->power_w));
      prop("redundancy_group", a->redundancy_group);
      prop("criticality", a->criticality);
      prop("eol", a->eol);
      if (a->estimated) prop("estimated", "true");
      for (const core::Attribute& attr : a->attributes) {
        if (!IsStructuralAttribute(attr.key)) prop(attr.key, attr.value);
      }
      index_[{a->org, static_cast<int>(a->kind), key}] = elements_.size();
      by_key_[{a->org, key}].push_back(elements_.size());
      asset_of_.push_back(a);
      elements_.push_back(std::move(e));
    }
  }

  // The element of an asset, resolved as the store and the graph view resolve relation ends:
  // by the exact key, else (for a DNS name) by its host part (core::ShortHostName). -1 if none.
  long Lookup(const std::string& org, std::optional<AssetKind> kind, const std::string& key) const {
    const long exact = LookupExact(org, kind, key);
    if (exact >= 0) return exact;
    const std::string_view host = core::ShortHostName(key);
    return host.empty() ? -1 : LookupExact(org, kind, std::string(host));
  }

  // By (org, kind, key), or by (org, key) preferring an asset that is not a site, hall or rack
  // (as the graph view resolves relations without kinds). -1 if none.
  long LookupExact(const std::string& org, std::optional<AssetKind> kind,
                   const std::string& key) const {
    if (kind) {
      auto it = index_.find({org, static_cast<int>(*kind), key});
      return it == index_.end() ? -1 : static_cast<long>(it->second);
    }
    auto it = by_key_.find({org, key});
    if (it == by_key_.end()) return -1;
    for (std::size_t i : it->second) {
      AssetKind k = asset_of_[i]->kind;
      if (k != AssetKind::kSite && k != AssetKind::kHall && k != AssetKind::kRack) {
        return static_cast<long>(i);
      }
    }
    return static_cast<long>(it->second.front());
  }

  void AddRelationship(std::string type, std::size_t source, std::size_t target,
                       std::vector<core::Attribute> properties, std::string group) {
    ExchangeRelationship r;
    r.type = std::move(type);
    r.source = elements_[source].id;
    r.target = elements_[target].id;
    std::string seed = r.type + '\0' + r.source + '\0' + r.target;
    for (const core::Attribute& p : properties) seed += '\0' + p.key + '=' + p.value;
    r.id = Claim("", "r", seed);
    r.properties = std::move(properties);
    r.group = std::move(group);
    relationships_.push_back(std::move(r));
  }

  // Each asset inside the most specific site, hall or rack it names that Archi lets contain
  // it (a Location contains anything), as an Aggregation without a samdrift_relation: the
  // importer turns these back into location fields.
  void AddLocations() {
    for (std::size_t i = 0; i < asset_of_.size(); ++i) {
      const core::Asset& a = *asset_of_[i];
      std::vector<long> candidates;
      auto add = [&](AssetKind kind, const std::string& key) {
        candidates.push_back(Lookup(a.org, kind, key));
      };
      switch (a.kind) {
        case AssetKind::kSite:
          break;
        case AssetKind::kHall:
          if (!a.site.empty()) add(AssetKind::kSite, a.site);
          break;
        case AssetKind::kRack:
          if (!a.hall.empty()) add(AssetKind::kHall, core::HallKey(a.site, a.hall));
          if (!a.site.empty()) add(AssetKind::kSite, a.site);
          break;
        default:
          if (!a.rack.empty()) add(AssetKind::kRack, core::RackKey(a.site, a.hall, a.rack));
          if (!a.hall.empty()) add(AssetKind::kHall, core::HallKey(a.site, a.hall));
          if (!a.site.empty()) add(AssetKind::kSite, a.site);
      }
      for (long c : candidates) {
        if (c < 0 || !planners::CanAggregate(elements_[c].type, elements_[i].type)) continue;
        AddRelationship("Aggregation", static_cast<std::size_t>(c), i, {}, elements_[i].group);
        break;
      }
    }
  }

  void AddRelations() {
    std::vector<const core::Relation*> relations;
    for (const core::Relation& r : estate_.relations) relations.push_back(&r);
    auto order = [](const core::Relation* r) {
      return std::make_tuple(r->org, r->source, static_cast<int>(r->kind), r->TargetOrg(),
                             r->target, r->source_port, r->target_port);
    };
    std::stable_sort(
        relations.begin(), relations.end(),
        [&](const core::Relation* x, const core::Relation* y) { return order(x) < order(y); });
    std::set<std::tuple<long, long, int, std::string, std::string>> seen;
    for (const core::Relation* r : relations) {
      const long s = Lookup(r->org, r->source_kind, r->source);
      const long t = Lookup(r->TargetOrg(), r->target_kind, r->target);
      if (s < 0 || t < 0) {
        result_.unresolved.push_back(r->org + "/" + r->source + " " +
                                     std::string(core::ToString(r->kind)) + " " + r->TargetOrg() +
                                     "/" + r->target);
        continue;
      }
      if (s == t) continue;
      // A fact two files state is one relationship.
      if (!seen.insert({s, t, static_cast<int>(r->kind), r->source_port, r->target_port}).second) {
        continue;
      }
      const std::string& ts = elements_[s].type;
      const std::string& tt = elements_[t].type;
      std::vector<core::Attribute> props = {
          {"samdrift_relation", std::string(core::ToString(r->kind))}};
      if (!r->source_port.empty()) props.push_back({"source_port", r->source_port});
      if (!r->target_port.empty()) props.push_back({"target_port", r->target_port});
      // The importer reads Serving, Assignment and Aggregation target-to-source and Association
      // source-to-target, so each kind is written the way Archi allows between these types.
      std::string type = "Association";
      bool reversed = false;
      switch (r->kind) {
        case RelationKind::kDependsOn:
        case RelationKind::kPoweredBy:
          if (planners::CanServe(tt, ts)) type = "Serving", reversed = true;
          break;
        case RelationKind::kMemberOf:
        case RelationKind::kLocatedIn:
          if (planners::CanAggregate(tt, ts)) type = "Aggregation", reversed = true;
          break;
        case RelationKind::kRunsOn:
        case RelationKind::kInstalledOn:
          if (planners::CanAssign(tt, ts)) {
            type = "Assignment", reversed = true;
          } else if (planners::CanServe(tt, ts)) {
            type = "Serving", reversed = true;
          }
          break;
        case RelationKind::kConnectedTo:
          break;
      }
      const std::size_t from = static_cast<std::size_t>(reversed ? t : s);
      const std::size_t to = static_cast<std::size_t>(reversed ? s : t);
      AddRelationship(type, from, to, std::move(props), elements_[s].group);
    }
  }

  void AddScenario(const ArchimateScenario& scenario) {
    const std::string group = scenario.name.empty() ? "Scenario" : scenario.name;
    auto element = [&](std::string type, std::string name, std::string documentation,
                       std::vector<core::Attribute> properties) {
      ExchangeElement e;
      e.type = std::move(type);
      e.name = std::move(name);
      e.documentation = std::move(documentation);
      e.properties = std::move(properties);
      e.properties.push_back({"samdrift_scenario", group});
      e.group = group;
      e.id = Claim("", "s", e.type + '\0' + e.name + '\0' + std::to_string(elements_.size()));
      elements_.push_back(std::move(e));
      return elements_.size() - 1;
    };
    auto resolve = [&](const AssetRef& ref) {
      long i = Lookup(ref.org, ref.kind, ref.key);
      if (i < 0) {
        result_.unresolved.push_back(ref.org + "/" + std::string(core::ToString(ref.kind)) + "/" +
                                     ref.key);
      }
      return i;
    };
    const std::size_t assets = asset_of_.size();
    const std::size_t baseline = element("Plateau", "Nuläge", "", {});
    const std::size_t target = element("Plateau", "Mål: " + group, scenario.documentation, {});
    AddRelationship("Triggering", baseline, target, {}, group);
    for (std::size_t i = 0; i < assets; ++i) AddRelationship("Aggregation", baseline, i, {}, group);
    std::set<long> in_target;
    for (const AssetRef& ref : scenario.target_assets) {
      long i = resolve(ref);
      if (i >= 0 && in_target.insert(i).second) {
        AddRelationship("Aggregation", target, static_cast<std::size_t>(i), {}, group);
      }
    }
    for (const PlannedElement& p : scenario.target_elements) {
      std::size_t e = element(planners::IsAssetElementType(p.type) ? p.type : "Grouping", p.name,
                              p.documentation, p.properties);
      AddRelationship("Aggregation", target, e, {}, group);
    }
    for (const ArchimateScenario::Gap& g : scenario.gaps) {
      std::size_t e = element("Gap", g.name, g.documentation, g.properties);
      AddRelationship("Association", e, baseline, {}, group);
      AddRelationship("Association", e, target, {}, group);
      for (const AssetRef& ref : g.affected) {
        long i = resolve(ref);
        if (i >= 0) AddRelationship("Association", e, static_cast<std::size_t>(i), {}, group);
      }
    }
    long previous = -1;
    for (const ArchimateScenario::WorkPackage& w : scenario.work_packages) {
      std::size_t e = element("WorkPackage", w.name, w.documentation, w.properties);
      if (previous >= 0) {
        AddRelationship("Triggering", static_cast<std::size_t>(previous), e, {}, group);
      }
      for (const AssetRef& ref : w.items) {
        long i = resolve(ref);
        if (i >= 0) AddRelationship("Association", e, static_cast<std::size_t>(i), {}, group);
      }
      previous = static_cast<long>(e);
    }
    if (previous >= 0) {
      AddRelationship("Realization", static_cast<std::size_t>(previous), target, {}, group);
    }
  }

  const core::Estate& estate_;
  const ArchimateExportOptions& options_;
  ArchimateExport result_;
  std::vector<ExchangeElement> elements_;
  std::vector<const core::Asset*> asset_of_;  // element index -> asset (assets come first)
  std::vector<ExchangeRelationship> relationships_;
  std::unordered_set<std::string> used_;
  std::map<std::tuple<std::string, int, std::string>, std::size_t> index_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> by_key_;
};

}  // namespace

std::string ArchimateTypeOf(const core::Asset& asset) {
  const std::string* given = asset.Attr("archimate_type");
  if (given && TypeFits(asset.kind, *given)) return *given;
  return std::string(DefaultType(asset.kind));
}

ArchimateExport WriteArchimate(const core::Estate& estate, const ArchimateExportOptions& options) {
  return Exporter(estate, options).Run();
}

}  // namespace samdrift::reports
