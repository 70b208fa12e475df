// Address plans section: what `samdrift net` computes (planners/net_view.h runs the same planner),
// as tables. Prefixes are the network plan and stay visible with --redact; the addresses of
// hosts are identifying and are hidden.
#include "core/text.h"
#include "reports/sections.h"

namespace samdrift::reports {
namespace {

std::string PrefixText(const planners::NetPrefix& p) {
  return p.prefix.ToString() + (p.vrf.empty() ? "" : " vrf " + p.vrf);
}

std::vector<std::string> Headers(Lang lang, std::initializer_list<const char*> names) {
  std::vector<std::string> out;
  for (const char* n : names) out.emplace_back(Tr(lang, n));
  return out;
}

std::string OrgList(const std::vector<std::string>& orgs) { return core::Join(orgs, ", "); }

// A count that may be unknown: "unknown" ("okänt"), never 0.
Cell Count(Lang lang, const std::optional<std::uint64_t>& n) {
  return n ? Cell::Number(static_cast<double>(*n)) : Cell::Text(std::string(Tr(lang, "unknown")));
}

Table ConflictsTable(const Context& context, const planners::NetInput& in,
                     const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table conflicts;
  conflicts.id = "net-conflicts";
  conflicts.title = std::string(Tr(lang, "Prefix conflicts between municipalities"));
  conflicts.headers = Headers(lang, {"Kind", "Municipality A", "Prefix A", "Purpose A", "Site A",
                                     "In use A", "Municipality B", "Prefix B", "Purpose B",
                                     "Site B", "In use B", "Routing domain", "Moves"});
  for (const planners::PrefixConflict& c : plan.conflicts) {
    const planners::NetPrefix& a = in.prefixes[c.a];
    const planners::NetPrefix& b = in.prefixes[c.b];
    conflicts.rows.push_back(
        {Cell::Text(std::string(Tr(lang, planners::ToString(c.kind)))), OrgCell(context, a.org),
         Cell::Text(PrefixText(a)), Cell::Text(a.description), Cell::Text(a.site),
         Count(lang, plan.in_use[c.a]), OrgCell(context, b.org), Cell::Text(PrefixText(b)),
         Cell::Text(b.description), Cell::Text(b.site), Count(lang, plan.in_use[c.b]),
         Cell::Text(plan.domain[c.a]),
         c.moves == planners::Moves::kA   ? OrgCell(context, a.org)
         : c.moves == planners::Moves::kB ? OrgCell(context, b.org)
                                          : Cell::Text(std::string(Tr(lang, "both")))});
  }
  return conflicts;
}

Table VlanTable(const Context& context, const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table vlans;
  vlans.id = "vlan-clashes";
  vlans.title = std::string(Tr(lang, "VLAN ids used for different purposes"));
  vlans.headers = Headers(lang, {"VLAN", "Purpose", "Municipalities", "Clash"});
  for (const auto& [pairs, kind] : {std::pair{&plan.vlan_conflicts, "different purpose"},
                                    std::pair{&plan.vlan_unknown, "purpose unknown on a side"}}) {
    for (const planners::VlanPurpose& row : planners::GroupVlanPurposes(*pairs)) {
      vlans.rows.push_back({Cell::Number(row.vid), Cell::Text(row.purpose),
                            Cell::Text(OrgList(row.orgs)),
                            Cell::Text(std::string(Tr(lang, kind)))});
    }
  }
  return vlans;
}

Table RenumberTable(const Context& context, const planners::NetInput& in,
                    const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table renumber;
  renumber.id = "renumbering";
  renumber.title = std::string(Tr(lang, "Renumbering proposal"));
  renumber.headers = Headers(lang, {"Municipality", "Prefix", "Purpose", "Addresses in use",
                                    "Prefixes moving along", "New prefix", "Reason"});
  for (const planners::Renumbering& r : plan.renumber) {
    const planners::NetPrefix& p = in.prefixes[r.prefix];
    renumber.rows.push_back(
        {OrgCell(context, p.org), Cell::Text(PrefixText(p)), Cell::Text(p.description),
         Count(lang, r.hosts), Cell::Number(static_cast<double>(r.moves_with)),
         Cell::Text(r.to ? r.to->ToString() : "-"), Cell::Text(RenumberReason(context, in, r))});
  }
  return renumber;
}

Table BlocksTable(const Context& context, const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table blocks;
  blocks.id = "org-blocks";
  blocks.title = std::string(Tr(lang, "Blocks of the joint address plan"));
  blocks.headers = Headers(lang, {"Municipality", "Block", "Reason"});
  for (const planners::OrgBlock& b : plan.blocks) {
    blocks.rows.push_back({OrgCell(context, b.org), Cell::Text(b.block.ToString()),
                           Cell::Text(BlockReason(lang, b.reason))});
  }
  return blocks;
}

Table TwiceTable(const Context& context, const planners::NetInput& in,
                 const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table twice;
  twice.id = "prefixes-twice";
  twice.title = std::string(Tr(lang, "Prefixes declared twice within one municipality"));
  twice.headers = Headers(lang, {"Municipality", "Prefix", "Times", "Declared as"});
  for (const auto& group : plan.duplicates) {
    const planners::NetPrefix& p = in.prefixes[group.front()];
    std::vector<std::string> names;
    for (std::size_t i : group) names.push_back(in.prefixes[i].name);
    twice.rows.push_back({OrgCell(context, p.org), Cell::Text(PrefixText(p)),
                          Cell::Number(static_cast<double>(group.size())),
                          Cell::Text(OrgList(names))});
  }
  return twice;
}

Table OutsideTable(const Context& context, const planners::NetInput& in,
                   const planners::NetPlan& plan) {
  const Lang lang = context.lang;
  Table outside;
  outside.id = "addresses-outside";
  outside.title = std::string(Tr(lang, "Addresses in use in no prefix of their municipality"));
  outside.headers = Headers(
      lang, {"Municipality", "Address", "VRF", "Asset", "In another municipality's prefix"});
  for (const planners::UnplannedAddress& u : plan.unplanned) {
    const planners::NetAddress& a = in.addresses[u.address];
    std::string inside;
    if (u.inside_of) {
      const planners::NetPrefix& p = in.prefixes[*u.inside_of];
      inside = core::DisplayName(context.org_names, p.org) + " " + PrefixText(p);
    }
    outside.rows.push_back({OrgCell(context, a.org),
                            Cell::Text(Redacted(context, a.address.ToString())), Cell::Text(a.vrf),
                            Cell::Text(a.asset), Cell::Text(inside)});
  }
  return outside;
}

}  // namespace

Section NetSection(const Context& context, const planners::NetAnalysis& net) {
  const Lang lang = context.lang;
  const planners::NetInput& in = net.input;
  const planners::NetPlan& plan = net.plan;
  Section section;
  section.id = "net";
  section.title = std::string(Tr(lang, "Address plans"));
  section.intro = std::string(
      Tr(lang,
         "Where the municipalities' address plans collide once their networks are joined: "
         "prefixes that are equal or nested in one routing domain (with the addresses in use on "
         "each side), VLAN ids used for different purposes, and a renumbering proposal that "
         "keeps the side with more addresses in use and gives every prefix that must move a new "
         "prefix of the same size in the scenario's joint supernet."));
  section.intro += " " + std::string(Tr(lang,
                                        "Where a municipality's files give no addresses, its use "
                                        "is unknown (never counted as none), and a choice between "
                                        "prefixes that rests on unknown use says so."));
  section.intro +=
      "\n" + std::to_string(in.prefixes.size()) + " " + std::string(Tr(lang, "prefixes")) + ", " +
      std::to_string(plan.addresses_counted) + " " + std::string(Tr(lang, "addresses in use")) +
      "; " + std::to_string(plan.conflicts.size()) + " " +
      std::string(Tr(lang, "prefix conflicts")) + ", " +
      std::to_string(plan.vlan_conflicts.size()) + " " +
      std::string(Tr(lang, "VLAN clashes (pairs of municipalities)")) + ", " +
      std::to_string(plan.vlan_matches.size()) + " " + std::string(Tr(lang, "VLAN matches")) +
      ", " + std::to_string(plan.renumber.size()) + " " +
      std::string(Tr(lang, "prefixes to renumber")) + ".";
  if (context.redaction == Redaction::kRedact) {
    section.intro += " " + std::string(Tr(lang,
                                          "Host addresses are hidden; prefixes are the network "
                                          "plan and are shown."));
  }
  section.tables.push_back(ConflictsTable(context, in, plan));
  section.tables.push_back(VlanTable(context, plan));
  section.tables.push_back(RenumberTable(context, in, plan));
  section.tables.push_back(BlocksTable(context, plan));
  section.tables.push_back(TwiceTable(context, in, plan));
  section.tables.push_back(OutsideTable(context, in, plan));
  return section;
}

}  // namespace samdrift::reports
