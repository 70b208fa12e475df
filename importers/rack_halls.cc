#include "importers/rack_halls.h"

#include <map>
#include <set>
#include <tuple>

namespace samdrift::importers {
namespace {

using RackName = std::tuple<std::string, std::string, std::string>;  // org, site, rack

bool NeedsHall(const core::Asset& a) {
  return a.kind != core::AssetKind::kRack && a.kind != core::AssetKind::kHall && !a.rack.empty() &&
         a.hall.empty() && !a.site.empty();
}

}  // namespace

void CompleteRackHalls(core::Batch& batch, const core::Store* store,
                       core::Diagnostics& diagnostics) {
  std::set<std::string> orgs;
  for (const core::Asset& a : batch.assets) {
    if (NeedsHall(a)) orgs.insert(a.org);
  }
  if (orgs.empty()) return;

  std::map<RackName, std::set<std::string>> halls;  // of racks with a hall
  auto note = [&](const core::Asset& rack) {
    if (rack.kind != core::AssetKind::kRack || rack.hall.empty()) return;
    halls[{rack.org, rack.site, rack.name}].insert(rack.hall);
    halls[{"", rack.site, rack.name}].insert(rack.hall);
  };
  for (const core::Asset& a : batch.assets) note(a);
  if (store) {
    // Every org: under --org-from tenant a rack may belong to another tenant than its devices.
    core::AssetQuery query;
    query.with_attributes = false;
    core::Status status = store->ForEachAsset(query, [&](core::Asset&& a) { note(a); });
    if (!status.ok()) {
      diagnostics.Error({store->path(), 0, 0}, "STO001", status.message());
      return;
    }
  }

  std::map<std::tuple<std::string, std::string>, std::string> moved;  // (org, old key) -> new
  for (core::Asset& a : batch.assets) {
    if (!NeedsHall(a)) continue;
    auto found = halls.find({a.org, a.site, a.rack});
    if (found == halls.end()) found = halls.find({"", a.site, a.rack});
    if (found == halls.end()) continue;
    const std::set<std::string>& options = found->second;
    if (options.size() > 1) {
      std::string list;
      for (const std::string& h : options) list += (list.empty() ? "'" : ", '") + h + "'";
      diagnostics.Error({a.provenance.source, a.provenance.line, 0}, "NBX014",
                        "rack '" + a.rack + "' at site '" + a.site + "' is in several locations (" +
                            list + "); name the location");
      continue;
    }
    const std::string old_key = core::RackKey(a.site, "", a.rack);
    a.hall = *options.begin();
    moved[{a.org, old_key}] = core::RackKey(a.site, a.hall, a.rack);
  }
  for (core::Reference& ref : batch.references) {
    if (ref.kind != core::AssetKind::kRack) continue;
    auto it = moved.find({ref.org, ref.key});
    if (it != moved.end()) ref.key = it->second;
  }
}

}  // namespace samdrift::importers
