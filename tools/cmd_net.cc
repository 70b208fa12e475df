// `samdrift net [--scenario FILE] [--json]`: where the orgs' address plans and VLANs collide, and
// what to renumber (planners/net_plan.h has the rules).
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"
#include "planners/net_plan.h"
#include "planners/net_view.h"
#include "planners/scenario.h"
#include "tools/command.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"

namespace samdrift::tools {
namespace {

using Json = nlohmann::ordered_json;

struct NetArgs {
  std::string scenario;
  bool json = false;
};

// A plain-text table: columns as wide as their widest cell.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void Add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::ostream& out) const {
    std::vector<std::size_t> widths;
    for (const auto& row : rows_) {
      widths.resize(std::max(widths.size(), row.size()), 0);
      for (std::size_t k = 0; k < row.size(); ++k)
        widths[k] = std::max(widths[k], core::DisplayWidth(row[k]));
    }
    for (const auto& row : rows_) {
      std::string line = "  ";
      for (std::size_t k = 0; k < row.size(); ++k) {
        line += k + 1 == row.size() ? row[k] : core::PadRight(row[k], widths[k] + 2);
      }
      out << line << '\n';
    }
  }

 private:
  std::vector<std::vector<std::string>> rows_;
};

// A count that may be unknown: JSON null, never 0.
Json OrNull(const std::optional<std::uint64_t>& n) { return n ? Json(*n) : Json(nullptr); }
std::string OrUnknown(const std::optional<std::uint64_t>& n) {
  return n ? std::to_string(*n) : "unknown";
}

class Renderer {
 public:
  Renderer(const planners::NetInput& in, const planners::NetPlan& plan,
           const planners::Scenario& scenario, const core::OrgNames& names)
      : in_(in), plan_(plan), scenario_(scenario), names_(names) {}

  Json ToJson() const {
    Json out;
    out["scenario"] = scenario_.name;
    out["orgs"] = plan_.orgs;
    Json conflicts = Json::array();
    for (const auto& c : plan_.conflicts) {
      conflicts.push_back({{"kind", std::string(ToString(c.kind))},
                           {"a", Side(c.a)},
                           {"b", Side(c.b)},
                           {"domain", plan_.domain[c.a]},
                           {"moves", c.moves == planners::Moves::kA   ? "a"
                                     : c.moves == planners::Moves::kB ? "b"
                                                                      : "both"}});
    }
    out["conflicts"] = std::move(conflicts);
    out["vlan_conflicts"] = Vlans(plan_.vlan_conflicts);
    out["vlan_matches"] = Vlans(plan_.vlan_matches);
    out["vlan_unknown_purpose"] = Vlans(plan_.vlan_unknown);
    Json renumber = Json::array();
    for (const auto& r : plan_.renumber) {
      const planners::NetPrefix& p = in_.prefixes[r.prefix];
      renumber.push_back({{"org", p.org},
                          {"prefix", p.prefix.ToString()},
                          {"vrf", p.vrf},
                          {"name", p.description},
                          {"hosts", OrNull(r.hosts)},
                          {"rests_on_unknown_use", r.rests_on_unknown},
                          {"to", r.to ? Json(r.to->ToString()) : Json(nullptr)},
                          {"prefixes_moving_along", r.moves_with},
                          {"reason", r.reason}});
    }
    out["renumber"] = std::move(renumber);
    Json blocks = Json::array();
    for (const auto& b : plan_.blocks) {
      blocks.push_back({{"org", b.org}, {"block", b.block.ToString()}, {"reason", b.reason}});
    }
    out["blocks"] = std::move(blocks);
    Json in_use = Json::object();
    for (std::size_t k = 0; k < plan_.orgs.size(); ++k) {
      in_use[plan_.orgs[k]] = OrNull(plan_.org_addresses[k]);
    }
    out["addresses_in_use"] = std::move(in_use);
    Json quality;
    Json duplicates = Json::array();
    for (const auto& group : plan_.duplicates) {
      const planners::NetPrefix& p = in_.prefixes[group.front()];
      Json names = Json::array();
      for (std::size_t i : group) names.push_back(in_.prefixes[i].name);
      duplicates.push_back({{"org", p.org},
                            {"prefix", p.prefix.ToString()},
                            {"vrf", p.vrf},
                            {"times", group.size()},
                            {"names", std::move(names)}});
    }
    quality["declared_twice"] = std::move(duplicates);
    Json unplanned = Json::array();
    for (const auto& u : plan_.unplanned) {
      const planners::NetAddress& a = in_.addresses[u.address];
      Json item = {{"org", a.org},
                   {"address", a.address.ToString()},
                   {"vrf", a.vrf},
                   {"asset", a.asset},
                   {"inside", nullptr}};
      if (u.inside_of) {
        const planners::NetPrefix& p = in_.prefixes[*u.inside_of];
        item["inside"] = {{"org", p.org}, {"prefix", p.prefix.ToString()}, {"vrf", p.vrf}};
      }
      unplanned.push_back(std::move(item));
    }
    quality["addresses_outside_own_prefixes"] = std::move(unplanned);
    out["data_quality"] = std::move(quality);
    out["summary"] = {{"prefixes", in_.prefixes.size()},
                      {"vlans", in_.vlans.size()},
                      {"addresses", plan_.addresses_counted},
                      {"conflicts", plan_.conflicts.size()},
                      {"vlan_conflicts", plan_.vlan_conflicts.size()},
                      {"renumber", plan_.renumber.size()}};
    return out;
  }

  void Print(std::ostream& out) const {
    out << "Address plans of " << plan_.orgs.size() << " orgs: " << in_.prefixes.size()
        << " prefixes, " << plan_.addresses_counted << " addresses in use";
    if (!scenario_.source.empty()) out << " (scenario " << scenario_.name << ")";
    out << "\n\n";
    out << "Prefix conflicts between orgs: " << plan_.conflicts.size() << "\n";
    if (!plan_.conflicts.empty()) {
      Table t({"kind", "a", "b", "in use a/b", "domain", "moves"});
      for (const auto& c : plan_.conflicts) {
        t.Add({std::string(ToString(c.kind)), Label(c.a), Label(c.b),
               OrUnknown(plan_.in_use[c.a]) + " / " + OrUnknown(plan_.in_use[c.b]),
               plan_.domain[c.a],
               c.moves == planners::Moves::kA   ? Name(in_.prefixes[c.a].org)
               : c.moves == planners::Moves::kB ? Name(in_.prefixes[c.b].org)
                                                : "both"});
      }
      t.Print(out);
    }
    out << "\nVLAN clashes (same id, different purpose): " << plan_.vlan_conflicts.size()
        << " pairs of orgs\n";
    PrintVlans(out, plan_.vlan_conflicts);
    out << "VLAN matches (same id, same purpose): " << plan_.vlan_matches.size()
        << " pairs of orgs\n";
    if (!plan_.vlan_unknown.empty()) {
      out << "VLAN ids shared where a purpose is unknown: " << plan_.vlan_unknown.size()
          << " pairs of orgs\n";
      PrintVlans(out, plan_.vlan_unknown);
    }
    out << "\nRenumbering: " << plan_.renumber.size() << " prefixes move\n";
    if (!plan_.renumber.empty()) {
      Table t({"org", "prefix", "hosts", "to", "why"});
      for (const auto& r : plan_.renumber) {
        const planners::NetPrefix& p = in_.prefixes[r.prefix];
        t.Add({Name(p.org),
               Prefix(r.prefix) +
                   (r.moves_with ? std::string(" +") + std::to_string(r.moves_with) : ""),
               OrUnknown(r.hosts), r.to ? r.to->ToString() : "-", r.reason});
      }
      t.Print(out);
    }
    if (!plan_.blocks.empty()) {
      out << "\nOrg blocks in the joint plan\n";
      Table t({"org", "block", "why"});
      for (const auto& b : plan_.blocks) t.Add({Name(b.org), b.block.ToString(), b.reason});
      t.Print(out);
    }
    out << "\nData quality\n";
    out << "  prefixes declared twice within one org: " << plan_.duplicates.size() << "\n";
    for (const auto& group : plan_.duplicates) {
      out << "    " << Name(in_.prefixes[group.front()].org) << " " << Prefix(group.front()) << " ("
          << group.size() << " times)\n";
    }
    std::map<std::string, std::size_t> per_org;
    std::size_t inside_other = 0;
    for (const auto& u : plan_.unplanned) {
      ++per_org[in_.addresses[u.address].org];
      inside_other += u.inside_of.has_value();
    }
    out << "  addresses in use in no prefix of their org: " << plan_.unplanned.size();
    if (inside_other) out << " (" << inside_other << " of them in another org's prefix)";
    out << "\n";
    for (const auto& [org, count] : per_org) out << "    " << Name(org) << ": " << count << "\n";
    constexpr std::size_t kShown = 10;
    std::size_t shown = 0;
    for (const auto& u : plan_.unplanned) {
      if (!u.inside_of) continue;
      if (shown++ == kShown) {
        out << "    ... (--json lists them all)\n";
        break;
      }
      const planners::NetAddress& a = in_.addresses[u.address];
      out << "    " << Name(a.org) << " " << a.address.ToString() << " (" << a.asset << ") is in "
          << Label(*u.inside_of) << "\n";
    }
  }

 private:
  // What a person reads for an org: its display name, else the id (JSON keeps the id).
  std::string Name(const std::string& org) const { return core::DisplayName(names_, org); }

  std::string Prefix(std::size_t i) const {
    const planners::NetPrefix& p = in_.prefixes[i];
    return p.prefix.ToString() + (p.vrf.empty() ? "" : std::string(" vrf ") + p.vrf);
  }

  std::string Label(std::size_t i) const {
    const planners::NetPrefix& p = in_.prefixes[i];
    return Name(p.org) + " " + Prefix(i) +
           (p.description.empty() ? "" : std::string(" (") + p.description + ")");
  }

  Json Side(std::size_t i) const {
    const planners::NetPrefix& p = in_.prefixes[i];
    return {{"org", p.org},   {"prefix", p.prefix.ToString()},
            {"vrf", p.vrf},   {"name", p.description},
            {"site", p.site}, {"in_use", OrNull(plan_.in_use[i])}};
  }

  static Json Vlans(const std::vector<planners::VlanPair>& pairs) {
    Json out = Json::array();
    for (const auto& p : pairs) {
      out.push_back(
          {{"vlan", p.vid},
           {"a", {{"org", p.org_a}, {"name", core::Join(p.names_a, ", ")}, {"names", p.names_a}}},
           {"b", {{"org", p.org_b}, {"name", core::Join(p.names_b, ", ")}, {"names", p.names_b}}}});
    }
    return out;
  }

  // Per VLAN id, each purpose with the orgs that use the id for it: as many lines as purposes,
  // not one per pair of orgs (290 orgs sharing an id are 41,905 pairs). The pairs are in --json.
  void PrintVlans(std::ostream& out, const std::vector<planners::VlanPair>& pairs) const {
    if (pairs.empty()) return;
    constexpr std::size_t kOrgsShown = 10;
    Table t({"vlan", "purpose", "orgs"});
    int last_vid = -1;
    for (const planners::VlanPurpose& row : planners::GroupVlanPurposes(pairs)) {
      std::string list;
      std::size_t shown = 0;
      for (const std::string& org : row.orgs) {
        if (shown == kOrgsShown) break;
        list += (shown++ ? ", " : "") + Name(org);
      }
      if (row.orgs.size() > shown) {
        list += " (+" + std::to_string(row.orgs.size() - shown) + " more)";
      }
      t.Add({row.vid != last_vid ? std::to_string(row.vid) : "", row.purpose, list});
      last_vid = row.vid;
    }
    t.Print(out);
  }

  const planners::NetInput& in_;
  const planners::NetPlan& plan_;
  const planners::Scenario& scenario_;
  const core::OrgNames& names_;
};

}  // namespace

namespace {

// The address plans of the store's orgs of `scenario`, analysed; what is skipped goes to
// `skipped`.
core::Result<planners::NetAnalysis> Analyse(const core::Store& store,
                                            const planners::Scenario& scenario,
                                            core::Diagnostics& skipped) {
  core::AssetQuery query;
  query.orgs = scenario.orgs;
  return planners::AnalyseNetwork(
      scenario,
      [&](const auto& visit) {
        return store.ForEachAsset(query, [&](core::Asset&& a) { visit(a); });
      },
      skipped);
}

}  // namespace

core::Result<Json> NetJson(const core::Store& store, const planners::Scenario& scenario,
                           core::Diagnostics& skipped) {
  auto analysis = Analyse(store, scenario, skipped);
  if (!analysis.ok()) return analysis.status();
  auto names = store.Names();
  if (!names.ok()) return names.status();
  return Renderer(analysis->input, analysis->plan, scenario, *names).ToJson();
}

int RunNet(const core::Store& store, const planners::Scenario& scenario, Format format,
           std::ostream& out) {
  core::Diagnostics skipped;
  auto analysis = Analyse(store, scenario, skipped);
  if (!analysis.ok()) return Fail(analysis.status());
  PrintDiagnostics(skipped);
  const planners::NetInput& input = analysis->input;
  const planners::NetPlan& plan = analysis->plan;
  auto names = store.Names();
  if (!names.ok()) return Fail(names.status());
  Renderer renderer(input, plan, scenario, *names);
  if (format == Format::kJson) {
    out << renderer.ToJson().dump(2) << '\n';
  } else {
    renderer.Print(out);
  }
  return 0;
}

Runner SetupNet(CLI::App& app, const GlobalOptions& global) {
  auto args = std::make_shared<NetArgs>();
  app.description(
      "Address plans across the orgs: prefixes that collide in one routing domain, VLAN ids "
      "used for different things, addresses outside their org's prefixes, and a renumbering "
      "proposal into the scenario's joint supernet (addressing: {supernet, per_org_block}).");
  app.add_option("--scenario", args->scenario, "scenario YAML (orgs, addressing, merge_vrfs)");
  app.add_flag("--json", args->json, "print JSON");
  return [args, &global]() {
    core::Diagnostics diagnostics;
    auto scenario = ReadScenarioFile(args->scenario, diagnostics);
    PrintDiagnostics(diagnostics);
    if (!scenario.ok()) return Fail(scenario.status());
    auto store = OpenStore(global, core::OpenMode::kReadOnly);
    if (!store.ok()) return Fail(store.status());
    const planners::Scenario given = scenario->value_or(planners::Scenario{});
    core::Diagnostics unknown_orgs;
    core::Status named = CheckScenarioOrgs(**store, given, unknown_orgs);
    PrintDiagnostics(unknown_orgs);
    if (!named.ok()) return Fail(named);
    return RunNet(**store, given, FormatOf(args->json), std::cout);
  };
}

}  // namespace samdrift::tools
