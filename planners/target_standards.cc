// The target planner's standards (target_planner.h): the use of each technology counted, the
// scenario's standards checked against the catalog, and the others proposed from the use.
#include <algorithm>
#include <tuple>

#include "core/date.h"
#include "core/text.h"
#include "planners/target_planner.h"

namespace samdrift::planners::target_internal {
namespace {

std::string Plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string Support(const Technology& t, const std::string& date) {
  if (t.end_of_support.empty()) return "no end of support known";
  if (t.end_of_support < date) return "past end of support since " + t.end_of_support;
  if (t.end_of_support < core::AddMonths(date, 12)) {
    return "supported until " + t.end_of_support + " (within 12 months)";
  }
  return "supported until " + t.end_of_support;
}

bool Supported(const Technology& t, const std::string& date) {
  return t.end_of_support.empty() || t.end_of_support >= date;
}

}  // namespace

void Planner::Count() {
  for (const planners::Usage& u : usage_->usages) {
    const Technology& t = catalog_.technology(u.technology);
    const std::string& org = OrgOf(u);
    CapabilityStats& c = caps_[u.capability];
    c.orgs.insert(org);
    ++c.assets;
    c.vendors[t.vendor_id].insert(org);
    ProductStats& p = c.products[t.product_id];
    p.orgs.insert(org);
    ++p.assets;
    if (u.level == core::MatchLevel::kVersion) {
      LineStats& l = p.lines[u.technology];
      l.orgs.insert(org);
      ++l.assets;
    }
  }
}

std::string Planner::UsageText(const std::string& capability, const std::string& product_id) const {
  auto c = caps_.find(capability);
  if (c == caps_.end()) return "not in use";
  auto p = c->second.products.find(product_id);
  const std::size_t orgs = p == c->second.products.end() ? 0 : p->second.orgs.size();
  const std::size_t assets = p == c->second.products.end() ? 0 : p->second.assets;
  return "used by " + std::to_string(orgs) + " of " + std::to_string(plan_.orgs.size()) +
         " municipalities, " + std::to_string(assets) + " of " + std::to_string(c->second.assets) +
         " " + UnitOf(capability);
}

core::SourceLocation Planner::Where(const std::string& capability) const {
  auto it = scenario_->locations.find("standards." + capability);
  if (it != scenario_->locations.end()) return it->second;
  return {scenario_->source, 0, 0};
}

std::vector<std::string> Planner::Capabilities() const {
  std::vector<std::string> capabilities;
  for (std::size_t i = 0; i < catalog_.technology_count(); ++i) {
    capabilities.push_back(catalog_.technology(static_cast<int>(i)).capability);
  }
  for (const auto& [c, stats] : caps_) capabilities.push_back(c);
  std::sort(capabilities.begin(), capabilities.end());
  capabilities.erase(std::unique(capabilities.begin(), capabilities.end()), capabilities.end());
  return capabilities;
}

bool Planner::FreeStandard(const std::string& capability,
                           const std::vector<std::string>& capabilities) {
  if (!std::binary_search(capabilities.begin(), capabilities.end(), capability)) {
    const std::string closest = core::ClosestName(capability, capabilities);
    diagnostics_.Error(Where(capability), "TGT006",
                       "standards: " + capability +
                           ": free for a capability the catalog does not know" +
                           (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
    return false;
  }
  Standard s;
  s.capability = capability;
  s.source = StandardSource::kScenario;
  s.technology = kFreeStandard;
  s.name = "free (each municipality chooses)";
  s.reason =
      "fixed by the scenario: each municipality keeps choosing its own " + capability + "; no gaps";
  Fill(s, nullptr);
  if (auto c = caps_.find(capability); c != caps_.end() && !c->second.products.empty()) {
    if (const Technology* t = catalog_.Find(c->second.products.begin()->first)) {
      s.category = CategoryFor(*t, capability);
    }
  }
  plan_.standards.push_back(std::move(s));
  return true;
}

void Planner::MarkAreasNotPooled() {
  if (!scenario_ || !scenario_->pooled) return;
  for (Standard& s : plan_.standards) {
    if (scenario_->Pooled(s.category)) continue;
    s.pooled = false;
    s.reason += "; area " + std::string(core::ToString(s.category)) +
                " not pooled: each municipality keeps its own, no gaps";
  }
}

bool Planner::FixedStandards(const std::vector<std::string>& capabilities) {
  bool ok = true;
  for (const auto& [capability, id] : scenario_->standards) {
    if (id == kFreeStandard) {
      ok = FreeStandard(capability, capabilities) && ok;
      continue;
    }
    Standard s;
    s.capability = capability;
    s.source = StandardSource::kScenario;
    if (id == "none") {
      s.technology = "none";
      s.name = "none (retired)";
      s.reason = "fixed by the scenario: the target has no " + capability + "; retire what runs";
      Fill(s, nullptr);
      plan_.standards.push_back(std::move(s));
      continue;
    }
    const Technology* t = catalog_.Find(id);
    if (!t) {
      std::string closest = catalog_.ClosestId(id);
      diagnostics_.Error(Where(capability), "TGT001",
                         "standards: " + capability + ": unknown technology '" + id + "'" +
                             (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
      ok = false;
      continue;
    }
    if (t->capability != capability && !UsedAs(*t, capability)) {
      diagnostics_.Error(Where(capability), "TGT004",
                         "standards: " + capability + ": '" + id + "' is a " + t->capability +
                             " technology, not " + capability);
      ok = false;
      continue;
    }
    if (!Supported(*t, plan_.date)) {
      diagnostics_.Warning(Where(capability), "TGT005",
                           "standards: " + capability + ": " + t->name +
                               " is past end of support (" + t->end_of_support + ") at " +
                               plan_.date);
    }
    s.technology = t->id;
    s.name = t->name;
    s.category = CategoryFor(*t, capability);
    s.end_of_support = t->end_of_support;
    Fill(s, t);
    s.reason = "fixed by the scenario; " + t->vendor + " " + t->product + " " +
               UsageText(capability, t->product_id) + ", " + std::to_string(s.assets_on_standard) +
               " already on " + t->name + "; " + Support(*t, plan_.date);
    plan_.standards.push_back(std::move(s));
  }
  return ok;
}

bool Planner::UsedAs(const Technology& t, const std::string& capability) const {
  auto c = caps_.find(capability);
  return c != caps_.end() && c->second.products.count(t.product_id);
}

void Planner::Fill(Standard& s, const Technology* t) const {
  auto c = caps_.find(s.capability);
  if (c == caps_.end()) return;
  s.assets = c->second.assets;
  if (!t) return;
  auto p = c->second.products.find(t->product_id);
  if (p == c->second.products.end()) return;
  s.orgs_using = static_cast<int>(p->second.orgs.size());
  if (t->product_level()) {
    s.assets_on_standard = p->second.assets;
  } else {
    for (const auto& [tech, line] : p->second.lines) {
      if (catalog_.technology(tech).id == t->id) s.assets_on_standard += line.assets;
    }
  }
}

const Technology* Planner::ChooseVersion(const std::string& product, const ProductStats& stats,
                                         std::string& why) const {
  std::vector<const Technology*> versions = catalog_.VersionsOf(product);
  if (versions.size() == 1 && versions[0]->product_level()) {  // no version lines
    why = "";
    return Supported(*versions[0], plan_.date) ? versions[0] : nullptr;
  }
  // Lines in use and supported; those run by at least two orgs (or by every org that uses the
  // product, when fewer) first; then the newest; then the most orgs and assets.
  const std::size_t threshold = std::min<std::size_t>(2, stats.orgs.size());
  const Technology* best = nullptr;
  const LineStats* best_line = nullptr;
  std::tuple<bool, int, std::size_t, std::size_t> best_key{};
  for (const auto& [tech, line] : stats.lines) {
    const Technology& t = catalog_.technology(tech);
    if (t.product_level() || !Supported(t, plan_.date)) continue;
    auto key = std::tuple(line.orgs.size() >= threshold, t.rank, line.orgs.size(), line.assets);
    if (!best || key > best_key || (key == best_key && t.id < best->id)) {
      best = &t;
      best_line = &line;
      best_key = key;
    }
  }
  if (best) {
    why = best->name + " is the newest supported version in use (" +
          Plural(best_line->orgs.size(), "municipality", "municipalities") + ", " +
          std::to_string(best_line->assets) + " " + UnitOf(best->capability) + ")";
    return best;
  }
  // Nothing in use is supported: the newest supported version the catalog knows.
  for (const Technology* t : versions) {
    if (!t->product_level() && Supported(*t, plan_.date) && !t->end_of_support.empty()) {
      why = "nothing in use is supported; " + t->name + " is the newest supported version";
      return t;
    }
  }
  for (const Technology* t : versions) {
    if (!t->product_level() && Supported(*t, plan_.date)) {
      why = "nothing in use is supported; " + t->name + " is the newest version in the catalog";
      return t;
    }
  }
  return nullptr;
}

void Planner::ProposeStandards() {
  for (const auto& [capability, stats] : caps_) {
    if (scenario_ && scenario_->standards.count(capability)) continue;
    // Products by orgs, then orgs of their vendor in this capability, then assets, then id.
    std::vector<std::pair<std::string, const ProductStats*>> products;
    for (const auto& [id, p] : stats.products) products.emplace_back(id, &p);
    // Through a reference, not the binding: clang 14 cannot capture structured bindings.
    const auto& vendors = stats.vendors;
    auto vendor_orgs = [&](const std::string& product) {
      const Technology* t = catalog_.Find(product);
      if (!t) return std::size_t{0};
      auto v = vendors.find(t->vendor_id);
      return v == vendors.end() ? std::size_t{0} : v->second.size();
    };
    std::stable_sort(products.begin(), products.end(), [&](const auto& a, const auto& b) {
      auto ka = std::tuple(a.second->orgs.size(), vendor_orgs(a.first), a.second->assets);
      auto kb = std::tuple(b.second->orgs.size(), vendor_orgs(b.first), b.second->assets);
      if (ka != kb) return ka > kb;
      return a.first < b.first;
    });
    Standard s;
    s.capability = capability;
    s.source = StandardSource::kProposed;
    std::vector<std::string> skipped;
    for (const auto& [product, p] : products) {
      std::string why;
      const Technology* t = ChooseVersion(product, *p, why);
      if (!t) {
        const Technology* pt = catalog_.Find(product);
        skipped.push_back((pt ? pt->vendor + " " + pt->product : product) +
                          " (nothing supported at " + plan_.date + ")");
        continue;
      }
      s.technology = t->id;
      s.name = t->name;
      s.category = CategoryFor(*t, capability);
      s.end_of_support = t->end_of_support;
      Fill(s, t);
      std::string reason = t->vendor + " " + t->product + " " + UsageText(capability, product);
      if (!why.empty()) reason += "; " + why;
      reason += "; " + Support(*t, plan_.date);
      // Say what it was weighed against.
      for (const auto& [other, q] : products) {
        if (other == product) continue;
        const Technology* ot = catalog_.Find(other);
        reason += "; ahead of " + (ot ? ot->vendor + " " + ot->product : other) + " (" +
                  Plural(q->orgs.size(), "municipality", "municipalities") + ", " +
                  std::to_string(q->assets) + " " + UnitOf(capability) + ")";
        break;
      }
      if (p->orgs.size() <= 1 && plan_.orgs.size() > 1) {
        reason += "; no product is shared by two municipalities: a choice, not an inheritance";
      }
      for (const std::string& k : skipped) reason += "; skipped " + k;
      s.reason = std::move(reason);
      break;
    }
    if (s.technology.empty()) {
      s.name = "none proposed";
      s.reason = "nothing in use or in the catalog is supported at " + plan_.date +
                 ": choose a standard in the scenario";
      Fill(s, nullptr);
    }
    plan_.standards.push_back(std::move(s));
  }
}

}  // namespace samdrift::planners::target_internal
