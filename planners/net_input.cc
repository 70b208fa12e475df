#include "planners/net_input.h"

#include "core/text.h"

namespace samdrift::planners {
namespace {

std::string AttrOr(const core::Asset& a, std::string_view key) {
  const std::string* v = a.Attr(key);
  return v ? *v : std::string();
}

}  // namespace

NetInputBuilder::NetInputBuilder(const std::vector<std::string>& orgs,
                                 core::Diagnostics& diagnostics)
    : orgs_(orgs.begin(), orgs.end()), diagnostics_(diagnostics) {}

void NetInputBuilder::Warn(const core::Asset& asset, const std::string& message) {
  diagnostics_.Warning({asset.provenance.source, asset.provenance.line, 0}, "NET020",
                       asset.org + " '" + asset.name + "': " + message + "; skipped");
}

void NetInputBuilder::AddAddresses(const core::Asset& asset, const std::string& list) {
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find_first_of(",; \t\n", start);
    if (end == std::string::npos) end = list.size();
    std::string_view item = core::Trim(std::string_view(list).substr(start, end - start));
    start = end + 1;
    if (item.empty()) continue;
    auto address = core::InterfaceAddress::Parse(item, core::InterfaceAddress::Length::kOptional);
    if (!address.ok()) {
      Warn(asset, "attribute ip: " + address.status().message());
      continue;
    }
    input_.addresses.push_back({asset.org, address->address, "", asset.name});
  }
}

void NetInputBuilder::Add(const core::Asset& a) {
  if (!orgs_.empty() && !orgs_.count(a.org)) return;
  if (const std::string* ip = a.Attr("ip")) AddAddresses(a, *ip);
  if (a.kind != core::AssetKind::kNetwork) return;
  const std::string vrf = AttrOr(a, "vrf");
  const std::string* vlan = a.Attr("vlan");
  std::optional<long long> vid;
  if (vlan) {
    vid = core::ParseInteger(*vlan);
    if (!vid || *vid < 1 || *vid > 4094) {
      Warn(a, "attribute vlan: '" + *vlan + "' is not a VLAN id");
      vid.reset();
    }
  }
  if (const std::string* prefix_text = a.Attr("prefix")) {
    auto prefix = core::IpPrefix::Parse(*prefix_text);
    if (!prefix.ok()) {
      Warn(a, "attribute prefix: " + prefix.status().message());
      return;
    }
    NetPrefix p;
    p.org = a.org;
    p.prefix = *prefix;
    p.vrf = vrf;
    p.name = a.name;
    p.description = AttrOr(a, "description");
    p.site = a.site;
    p.role = a.role;
    p.status = AttrOr(a, "status");
    if (vid) {
      input_.vlans.push_back({a.org, static_cast<int>(*vid), p.description, a.role, a.site,
                              AttrOr(a, "vlan_group"), true});
    }
    input_.prefixes.push_back(std::move(p));
    return;
  }
  if (const std::string* address_text = a.Attr("address")) {
    if (AttrOr(a, "status") == "deprecated") return;
    auto address =
        core::InterfaceAddress::Parse(*address_text, core::InterfaceAddress::Length::kOptional);
    if (!address.ok()) {
      Warn(a, "attribute address: " + address.status().message());
      return;
    }
    std::string holder = AttrOr(a, "device");
    if (holder.empty()) holder = AttrOr(a, "virtual_machine");
    if (holder.empty()) holder = a.name;
    input_.addresses.push_back({a.org, address->address, vrf, holder});
    return;
  }
  if (vid) {
    input_.vlans.push_back({a.org, static_cast<int>(*vid), AttrOr(a, "description"), a.role, a.site,
                            AttrOr(a, "vlan_group"), false});
  }
}

}  // namespace samdrift::planners
