#include "reports/export_json.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "core/graph.h"
#include "core/text.h"

namespace samdrift::reports {
namespace {

using Json = nlohmann::ordered_json;

template <typename T>
Json Optional(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json Provenance(const core::Provenance& p) {
  return Json{{"importer", p.importer}, {"file", p.source}, {"line", p.line}};
}

}  // namespace

std::string WriteJson(const core::Estate& estate) {
  std::vector<const core::Asset*> assets;
  for (const core::Asset& a : estate.assets) assets.push_back(&a);
  std::sort(assets.begin(), assets.end(), [](const core::Asset* x, const core::Asset* y) {
    return std::make_tuple(x->org, static_cast<int>(x->kind), x->Key()) <
           std::make_tuple(y->org, static_cast<int>(y->kind), y->Key());
  });
  std::vector<std::size_t> relations(estate.relations.size());
  for (std::size_t i = 0; i < relations.size(); ++i) relations[i] = i;
  auto order = [&](std::size_t i) {
    const core::Relation& r = estate.relations[i];
    return std::make_tuple(r.org, r.source, static_cast<int>(r.kind), r.TargetOrg(), r.target,
                           r.source_port, r.target_port, r.provenance.source, r.provenance.line);
  };
  std::stable_sort(relations.begin(), relations.end(),
                   [&](std::size_t x, std::size_t y) { return order(x) < order(y); });
  core::GraphView graph(estate);
  std::set<std::size_t> unresolved(graph.unresolved().begin(), graph.unresolved().end());

  std::map<std::string, std::pair<std::size_t, std::size_t>> per_org;
  for (const core::Asset* a : assets) ++per_org[a->org].first;
  for (const core::Relation& r : estate.relations) ++per_org[r.org].second;

  Json out;
  out["orgs"] = Json::array();
  for (const auto& [org, counts] : per_org) {
    out["orgs"].push_back({{"id", org},
                           {"name", core::DisplayName(estate.org_names, org)},
                           {"assets", counts.first},
                           {"relations", counts.second}});
  }
  out["assets"] = Json::array();
  for (const core::Asset* a : assets) {
    Json attributes = Json::object();
    for (const core::Attribute& attr : a->attributes) attributes[attr.key] = attr.value;
    out["assets"].push_back({{"org", a->org},
                             {"kind", core::ToString(a->kind)},
                             {"key", a->Key()},
                             {"name", a->name},
                             {"category", core::ToString(a->category)},
                             {"role", a->role},
                             {"vendor", a->vendor},
                             {"product", a->product},
                             {"version", a->version},
                             {"serial", a->serial},
                             {"site", a->site},
                             {"hall", a->hall},
                             {"rack", a->rack},
                             {"position", Optional(std::optional<int>(a->position))},
                             {"u_height", Optional(std::optional<int>(a->u_height))},
                             {"power_w", Optional(a->power_w)},
                             {"redundancy_group", a->redundancy_group},
                             {"criticality", a->criticality},
                             {"eol", a->eol},
                             {"estimated", a->estimated},
                             {"attributes", attributes},
                             {"source_file", Provenance(a->provenance)}});
  }
  out["relations"] = Json::array();
  for (std::size_t i : relations) {
    const core::Relation& r = estate.relations[i];
    auto kind = [](const std::optional<core::AssetKind>& k) {
      return k ? Json(core::ToString(*k)) : Json(nullptr);
    };
    out["relations"].push_back({{"org", r.org},
                                {"source", r.source},
                                {"source_kind", kind(r.source_kind)},
                                {"kind", core::ToString(r.kind)},
                                {"target_org", r.TargetOrg()},
                                {"target", r.target},
                                {"target_kind", kind(r.target_kind)},
                                {"source_port", r.source_port},
                                {"target_port", r.target_port},
                                {"resolved", unresolved.count(i) == 0},
                                {"source_file", Provenance(r.provenance)}});
  }
  return out.dump(2) + "\n";
}

}  // namespace samdrift::reports
