#include "reports/export_netbox.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <set>

#include "core/text.h"
#include "reports/escape.h"

namespace samdrift::reports {
namespace {

using planners::HallDevice;
using planners::HallPlan;
using planners::Placement;
using planners::PlannedHall;
using planners::PlannedRack;

// A YAML double-quoted scalar.
std::string Quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

struct Csv {
  std::string name;
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;

  // YAML documents, one per row, keyed by the headers (NetBox imports device types so, as the
  // device-type library writes them).
  std::string RenderYaml() const {
    std::string out;
    for (const auto& row : rows) {
      out += "---\n";
      for (std::size_t i = 0; i < headers.size(); ++i) {
        const bool plain = headers[i] == "u_height" || headers[i] == "is_full_depth";
        out += headers[i] + ": " + (plain ? row[i] : Quoted(row[i])) + "\n";
      }
    }
    return out;
  }

  std::string Render() const {
    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ',';
        out += CsvField(cells[i], ',');
      }
      out += '\n';
    };
    line(headers);
    for (const auto& row : rows) line(row);
    return out;
  }
};

// NetBox's slugs allow a-z, 0-9, '-' and '_': å/ä -> a, ö -> o, é -> e, the rest '-'.
std::string NetboxSlug(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char add = '-';
    if (std::isalnum(c) || c == '_') {
      add = static_cast<char>(std::tolower(c));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const auto n = static_cast<unsigned char>(text[++i]) | 0x20;  // lower case
      add = (n == 0xA5 || n == 0xA4 || n == 0xA0 || n == 0xA1) ? 'a'
            : (n == 0xB6 || n == 0xB8 || n == 0xB3)            ? 'o'
            : (n == 0xA9 || n == 0xA8)                         ? 'e'
            : n == 0xBC                                        ? 'u'
                                                               : '-';
    }
    if (add == '-' && (out.empty() || out.back() == '-')) continue;
    out += add;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "x" : out;
}

// Slugs unique within one object type: a repeat gets "-2", "-3", ...
class Slugs {
 public:
  std::string For(const std::string& name) {
    auto it = by_name_.find(name);
    if (it != by_name_.end()) return it->second;
    std::string slug = NetboxSlug(name);
    for (int n = 2; used_.count(slug); ++n) slug = NetboxSlug(name) + "-" + std::to_string(n);
    used_.insert(slug);
    return by_name_[name] = slug;
  }

 private:
  std::map<std::string, std::string> by_name_;
  std::set<std::string> used_;
};

struct PlacedDevice {
  const HallDevice* device;
  const core::Asset* asset;  // nullptr when the estate lacks it
  std::string site;
  std::string location;
  std::string rack;
  int position = 0;
};

std::string SiteOf(const PlannedHall& hall) {
  if (hall.from.empty()) return hall.name;
  const auto first = hall.from.find('/');
  const auto last = hall.from.rfind('/');
  return first == last ? hall.from : hall.from.substr(first + 1, last - first - 1);
}

// The device type's model: the product, or "Unknown ROLE"; a product placed with more than one
// height gets " (NU)" so that each device type has one height.
std::string ModelOf(const PlacedDevice& d, const std::map<std::string, std::set<int>>& heights) {
  const std::string product =
      d.asset && !d.asset->product.empty()
          ? d.asset->product.str()
          : "Unknown " + (d.device->role.empty() ? "device" : d.device->role);
  auto it = heights.find(product);
  if (it != heights.end() && it->second.size() > 1) {
    return product + " (" + std::to_string(d.device->u_height) + "U)";
  }
  return product;
}

std::string VendorOf(const PlacedDevice& d) {
  return d.asset && !d.asset->vendor.empty() ? d.asset->vendor : "Unknown";
}

class Writer {
 public:
  Writer(const core::Estate& estate, const HallPlan& plan) : estate_(estate), plan_(plan) {}

  NetboxExport Run() {
    CollectDevices();
    WriteLookups();
    WriteHalls();
    WriteDevices();
    WriteCables();
    NetboxExport out = std::move(out_);
    int number = 1;
    for (Csv* csv : {&tenants_, &manufacturers_, &roles_, &types_, &sites_, &locations_, &racks_,
                     &devices_, &interfaces_, &cables_}) {
      char prefix[16];
      std::snprintf(prefix, sizeof prefix, "%02d-", number++);
      const bool yaml = csv == &types_;
      out.files.push_back({prefix + csv->name + (yaml ? ".yaml" : ".csv"),
                           yaml ? csv->RenderYaml() : csv->Render()});
    }
    return out;
  }

 private:
  void CollectDevices() {
    std::map<std::pair<std::string, std::string>, const core::Asset*> assets;
    for (const core::Asset& a : estate_.assets) {
      if (a.kind == core::AssetKind::kDevice) assets[{a.org, a.name}] = &a;
    }
    for (const PlannedHall& hall : plan_.halls) {
      for (const PlannedRack& rack : hall.racks) {
        for (const Placement& p : rack.devices) {
          const HallDevice& d = plan_.devices[p.device];
          auto it = assets.find({d.org, d.name});
          placed_.push_back({&d, it == assets.end() ? nullptr : it->second, SiteOf(hall), hall.name,
                             rack.name, p.position});
          index_[{d.org, d.name}] = placed_.size() - 1;
          if (placed_.back().asset && !placed_.back().asset->product.empty()) {
            heights_[placed_.back().asset->product].insert(d.u_height);
          }
        }
      }
    }
  }

  void WriteLookups() {
    tenants_ = {"tenants", {"name", "slug", "description"}, {}};
    manufacturers_ = {"manufacturers", {"name", "slug"}, {}};
    roles_ = {"device-roles", {"name", "slug", "color"}, {}};
    types_ = {"device-types", {"manufacturer", "model", "slug", "u_height", "is_full_depth"}, {}};
    std::set<std::string> orgs, vendors, roles;
    struct Type {
      std::string vendor;
      int height = 0;
      bool full_depth = true;  // a PDU is mounted at the rear and leaves the front free
    };
    std::map<std::string, Type> types;  // by model
    for (const PlacedDevice& d : placed_) {
      orgs.insert(d.device->org);
      vendors.insert(VendorOf(d));
      roles.insert(d.device->role.empty() ? "device" : d.device->role);
      types.emplace(ModelOf(d, heights_), Type{VendorOf(d), d.device->u_height, !d.device->pdu});
    }
    for (const std::string& org : orgs) {
      auto name = estate_.org_names.find(org);
      tenants_.rows.push_back(
          {org, NetboxSlug(org), name == estate_.org_names.end() ? "" : name->second});
    }
    Slugs vendor_slugs, role_slugs, type_slugs;
    for (const std::string& v : vendors) manufacturers_.rows.push_back({v, vendor_slugs.For(v)});
    for (const std::string& r : roles) roles_.rows.push_back({r, role_slugs.For(r), "9e9e9e"});
    for (const auto& [model, type] : types) {
      types_.rows.push_back({type.vendor, model, type_slugs.For(model), std::to_string(type.height),
                             type.full_depth ? "true" : "false"});
    }
  }

  void WriteHalls() {
    sites_ = {"sites", {"name", "slug", "status", "description"}, {}};
    locations_ = {"locations", {"site", "name", "slug", "status", "description"}, {}};
    racks_ = {
        "racks", {"site", "location", "name", "status", "width", "u_height", "description"}, {}};
    Slugs site_slugs;
    std::set<std::string> sites;
    for (const PlannedHall& hall : plan_.halls) {
      const std::string site = SiteOf(hall);
      if (sites.insert(site).second) {
        sites_.rows.push_back({site, site_slugs.For(site), "active", "target hall site"});
      }
      locations_.rows.push_back(
          {site, hall.name, NetboxSlug(hall.name), "active",
           std::string(ToString(hall.role)) + " hall" +
               (hall.from.empty() ? std::string(" (new)") : ", today " + hall.from)});
      for (const PlannedRack& rack : hall.racks) {
        racks_.rows.push_back({site, hall.name, rack.name, rack.is_new ? "planned" : "active", "19",
                               std::to_string(rack.u), rack.is_new ? "new rack" : "existing rack"});
      }
    }
    out_.sites = static_cast<int>(sites_.rows.size());
    out_.locations = static_cast<int>(locations_.rows.size());
    out_.racks = static_cast<int>(racks_.rows.size());
  }

  void WriteDevices() {
    devices_ = {"devices",
                {"name", "role", "tenant", "manufacturer", "device_type", "serial", "status",
                 "site", "location", "rack", "position", "face", "description"},
                {}};
    for (const PlacedDevice& d : placed_) {
      const HallDevice& h = *d.device;
      const bool mounted = d.position > 0 && h.u_height > 0;
      std::string face;
      if (mounted) {
        const std::string* given = d.asset ? d.asset->Attr("face") : nullptr;
        face = given && core::ToLowerAscii(*given) == "rear" ? "rear" : "front";
      }
      std::string from;
      if (!h.site.empty()) from = "today " + h.org + " " + h.site + "/" + h.hall + "/" + h.rack;
      devices_.rows.push_back({h.name, h.role.empty() ? "device" : h.role, h.org, VendorOf(d),
                               ModelOf(d, heights_), d.asset ? d.asset->serial : "", "active",
                               d.site, d.location, d.rack,
                               mounted ? std::to_string(d.position) : "", face, from});
    }
    out_.devices = static_cast<int>(devices_.rows.size());
  }

  void WriteCables() {
    interfaces_ = {"interfaces", {"device", "name", "type", "enabled"}, {}};
    cables_ = {"cables",
               {"side_a_site", "side_a_device", "side_a_type", "side_a_name", "side_b_site",
                "side_b_device", "side_b_type", "side_b_name", "status", "tenant"},
               {}};
    std::set<std::pair<std::string, std::string>> interfaces;  // (device, port)
    std::set<std::vector<std::string>> seen;
    for (const core::Relation& r : estate_.relations) {
      if (r.kind != core::RelationKind::kConnectedTo) continue;
      auto a = index_.find({r.org, r.source});
      auto b = index_.find({r.TargetOrg(), r.target});
      if (a == index_.end() || b == index_.end()) continue;
      if (r.source_port.empty() || r.target_port.empty() ||
          r.source_port.rfind("console:", 0) == 0 || r.target_port.rfind("console:", 0) == 0) {
        ++out_.cables_left_out;
        continue;
      }
      const PlacedDevice& da = placed_[a->second];
      const PlacedDevice& db = placed_[b->second];
      std::vector<std::string> row = {da.site,          da.device->name, "dcim.interface",
                                      r.source_port,    db.site,         db.device->name,
                                      "dcim.interface", r.target_port,   "connected"};
      std::vector<std::string> reverse = {row[4], row[5], row[6], row[7], row[0],
                                          row[1], row[2], row[3], row[8]};
      if (seen.count(reverse) || !seen.insert(row).second) continue;
      // A cable within one org is that org's (samdrift reads its ends in the tenant's org).
      row.push_back(da.device->org == db.device->org ? da.device->org : "");
      cables_.rows.push_back(row);
      for (const auto& [device, port] : {std::pair{row[1], row[3]}, std::pair{row[5], row[7]}}) {
        if (interfaces.insert({device, port}).second) {
          interfaces_.rows.push_back({device, port, "other", "true"});
        }
      }
    }
    out_.cables = static_cast<int>(cables_.rows.size());
  }

  const core::Estate& estate_;
  const HallPlan& plan_;
  std::vector<PlacedDevice> placed_;
  std::map<std::pair<std::string, std::string>, std::size_t> index_;  // (org, name) -> placed_
  std::map<std::string, std::set<int>> heights_;                      // product -> heights
  Csv tenants_, manufacturers_, roles_, types_, sites_, locations_, racks_, devices_, interfaces_,
      cables_;
  NetboxExport out_;
};

}  // namespace

NetboxExport WriteNetbox(const core::Estate& estate, const planners::HallPlan& plan) {
  return Writer(estate, plan).Run();
}

}  // namespace samdrift::reports
