#include "tools/gen/gen_estate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <string_view>

#include "tools/gen/gen_catalog.h"
#include "tools/gen/gen_random.h"

namespace samdrift::tools::gen {
namespace {

std::string Padded(long long n, int width) {
  std::string digits = std::to_string(n);
  if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

std::string Slug(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {  // å ä ö Å Ä Ö é as their plain letters
      unsigned char d = static_cast<unsigned char>(name[++i]);
      out += (d == 0xA5 || d == 0xA4 || d == 0x85 || d == 0x84) ? 'a' : (d == 0xA9 ? 'e' : 'o');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// An org's choice of products for one capability: a main technology and sometimes a second one
// (a legacy estate or a unit that bought something else), each spelled the org's own way.
struct Choice {
  const Technology* main = nullptr;
  const Technology* second = nullptr;
  double second_share = 0;
  std::size_t spelling = 0;  // the org's way of writing names, applied to every release
};

struct Product {
  std::string vendor, product, version, eol;
  int u_height = 1;
  int power_w = 0;
};

class OrgBuilder {
 public:
  explicit OrgBuilder(const OrgParams& p)
      : p_(p), rng_(p.seed, static_cast<std::uint64_t>(p.index) + 1) {}

  OrgEstate Build() {
    const std::string number = Padded(p_.index + 1, p_.width);
    org_.id = "org" + number;
    org_.display_name = "Kommun " + number;
    org_.index = p_.index;
    org_.seed = p_.seed;
    org_.prefix = "k" + number;
    upper_ = "K" + number;
    ChooseTechnologies();
    Sites();
    Plan();
    RackDevices();
    Vms();
    Services();
    AccessLayer();
    Clients();
    Networks();
    return std::move(org_);
  }

 private:
  // Counts of each part, from the requested asset total.
  void Plan() {
    const int m = p_.assets;
    hosts_ = std::max(2, static_cast<int>(std::lround(m * 0.012)));
    clusters_ = std::max(1, (hosts_ + 7) / 8);
    storage_pairs_ = 1 + m / 8000;
    dc_switches_ = m >= 5000 ? 2 : 0;
    ups_ = static_cast<int>(org_.halls.size());
    vms_ = std::max(4, static_cast<int>(m * 0.25));
    services_ = std::max(6, m / 200);
    access_switches_ = std::max(2, static_cast<int>(m * 0.07));
    access_points_ = std::max(2, static_cast<int>(m * 0.13));
    printers_ = std::max(1, m / 100);
    const int fixed = 2 + 2 + dc_switches_ + 2 * hosts_ + clusters_ + 2 * storage_pairs_ + 1 +
                      ups_ + vms_ + services_ + access_switches_ + access_points_ + printers_;
    int rest = m - fixed;
    if (rest < 2) {  // small orgs: fewer VMs and access devices, never a negative count
      int shortfall = 2 - rest;
      int take = std::min(shortfall, vms_ - 4);
      vms_ -= take;
      shortfall -= take;
      take = std::min(shortfall, access_points_ - 2);
      access_points_ -= take;
      shortfall -= take;
      rest = 2 - shortfall;
    }
    clients_ = std::max(1, (rest + 1) / 2);
    client_os_rows_ = std::max(0, rest - clients_);
  }

  Choice Choose(Capability capability, double second_chance) {
    const auto& options = TechnologiesFor(capability);
    std::vector<double> weights;
    for (const Technology* t : options) weights.push_back(t->popularity);
    Choice c;
    std::size_t first = rng_.Weighted(weights);
    c.main = options[first];
    if (options.size() > 1 && rng_.Chance(second_chance)) {
      weights[first] = 0;
      c.second = options[rng_.Weighted(weights)];
      c.second_share = 0.1 + 0.3 * rng_.Unit();
    }
    c.spelling = rng_.Below(3);
    return c;
  }

  void ChooseTechnologies() {
    for (Capability c :
         {Capability::kHypervisor, Capability::kServer, Capability::kServerOs,
          Capability::kCoreSwitch, Capability::kAccessSwitch, Capability::kFirewall,
          Capability::kWireless, Capability::kStorage, Capability::kClientHw, Capability::kClientOs,
          Capability::kPrinter, Capability::kBackup, Capability::kUps}) {
      double second =
          (c == Capability::kServerOs || c == Capability::kClientHw || c == Capability::kPrinter)
              ? 0.9
              : 0.3;
      choices_[static_cast<int>(c)] = Choose(c, second);
    }
    // Some orgs run a product nobody else has (a local supplier's model).
    if (rng_.Chance(0.3)) {
      static constexpr std::array<std::string_view, 4> kLocalVendors = {
          "Smålandsdata AB", "Nordisk Nätteknik", "Vätterbygdens IT", "Lagan Systems"};
      unique_.vendor = std::string(kLocalVendors[rng_.Below(kLocalVendors.size())]);
      unique_.product = "LX-" + Padded(p_.index + 1, p_.width);
      unique_.version =
          std::to_string(rng_.Between(1, 5)) + "." + std::to_string(rng_.Between(0, 9));
      unique_capability_ = rng_.Chance(0.5) ? Capability::kAccessSwitch : Capability::kWireless;
      has_unique_ = true;
    }
  }

  // A product of the capability, release drawn by weight, spelled the org's way.
  Product Draw(Capability capability, bool allow_second = true) {
    if (has_unique_ && capability == unique_capability_ && rng_.Chance(0.15)) {
      Product u = unique_;
      u.u_height = 1;
      u.power_w = 120;
      return u;
    }
    const Choice& c = choices_[static_cast<int>(capability)];
    const Technology* t = c.main;
    if (allow_second && c.second && rng_.Chance(c.second_share)) t = c.second;
    std::vector<double> weights;
    for (const Release& r : t->releases) weights.push_back(r.weight);
    const Release& r = t->releases[rng_.Weighted(weights)];
    const Spelling& s = r.spellings[c.spelling % r.spellings.size()];
    Product p{std::string(s.vendor), std::string(s.product),   std::string(s.version),
              std::string(r.eol),    std::max(1, t->u_height), t->power_w};
    return p;
  }

  void Sites() {
    static constexpr std::array<std::string_view, 20> kStems = {
        "Ek",  "Björk", "Lind", "Asp", "Gran", "Tall", "Rönn",  "Al",    "Hassel", "Lönn",
        "Sol", "Sjö",   "Berg", "Ås",  "Dal",  "Ängs", "Skogs", "Kvarn", "Bäck",   "Ljung"};
    static constexpr std::array<std::string_view, 8> kEndings = {
        "backen", "hagen", "dalen", "gården", "lunden", "vallen", "ängen", "åsen"};
    static constexpr std::array<std::string_view, 6> kTypes = {
        "skola", "förskola", "bibliotek", "vårdboende", "idrottshall", "kontor"};
    const bool two_halls = p_.assets >= 1000 || rng_.Chance(0.4);
    org_.sites.push_back({"Kommunhuset", org_.prefix + "-kommunhuset", true});
    org_.halls.push_back({"Kommunhuset", "Serverhall 1", 0, 0, 0});
    if (two_halls) {
      org_.sites.push_back({"Räddningsstationen", org_.prefix + "-raddningsstationen", true});
      org_.halls.push_back({"Räddningsstationen", "Serverhall 2", 0, 0, 0});
    }
    const int count = std::max(3, p_.assets / 150);
    std::map<std::string, int> used;
    for (int i = 0; i < count; ++i) {
      std::string name = std::string(kStems[rng_.Below(kStems.size())]) +
                         std::string(kEndings[rng_.Below(kEndings.size())]) + " " +
                         std::string(kTypes[rng_.Below(kTypes.size())]);
      int n = ++used[name];
      if (n > 1) name += " " + std::to_string(n);
      GenSite site{name, org_.prefix + "-" + Slug(name), false};
      org_.sites.push_back(std::move(site));
    }
  }

  const GenSite& OfficeSite() {
    const std::size_t dc = org_.halls.size();
    return org_.sites[dc + rng_.Below(org_.sites.size() - dc)];
  }

  std::string Serial(std::string_view vendor) {
    if (vendor.find("Cisco") != std::string_view::npos) return "FOX" + rng_.Token(8);
    if (vendor.find("Fortinet") != std::string_view::npos)
      return "FG2K0F" + rng_.Token(10, "0123456789");
    if (vendor.find("Dell") != std::string_view::npos) return rng_.Token(7);
    if (vendor.find("H") == 0) return "CZ" + rng_.Token(8);
    return "SN" + rng_.Token(10);
  }

  std::string Mac() {
    static const char* kHex = "0123456789abcdef";
    std::string mac = "00:50:56";
    for (int i = 0; i < 3; ++i) {
      mac += ':';
      mac += kHex[rng_.Below(16)];
      mac += kHex[rng_.Below(16)];
    }
    return mac;
  }

  std::string Ip(int third, int host) {
    return "10." + std::to_string(second_octet_) + "." + std::to_string(third) + "." +
           std::to_string(host);
  }

  GenAsset& Add(Role role, std::string name, const Product& p) {
    GenAsset& a = org_.assets.emplace_back();
    a.role = role;
    a.name = std::move(name);
    a.vendor = p.vendor;
    a.product = p.product;
    a.version = p.version;
    a.eol = p.eol;
    return a;
  }

  void Relate(const std::string& source, RelKind kind, const std::string& target,
              std::string source_port = {}, std::string target_port = {}) {
    org_.relations.push_back(
        {source, kind, target, std::move(source_port), std::move(target_port)});
  }

  // Racked devices in pairs, spread so that the two members of a pair never share a rack.
  void RackDevices() {
    second_octet_ = 10 + p_.index % 40;
    struct Pending {
      std::size_t asset;
    };
    std::vector<std::size_t> racked;
    auto rack_device = [&](Role role, const std::string& name, Capability cap,
                           const std::string& group, int criticality) -> GenAsset& {
      Product p = Draw(cap);
      GenAsset& a = Add(role, name, p);
      a.serial = Serial(p.vendor);
      a.u_height = p.u_height;
      a.power_w = p.power_w > 0 ? p.power_w * (0.8 + 0.4 * rng_.Unit()) : 0;
      a.power_w = std::round(a.power_w * 2) / 2;
      a.redundancy_group = group;
      a.criticality = criticality;
      racked.push_back(org_.assets.size() - 1);
      return a;
    };
    const std::string& p = org_.prefix;
    for (int i = 1; i <= 2; ++i)
      rack_device(Role::kCoreSwitch, p + "-core0" + std::to_string(i), Capability::kCoreSwitch,
                  p + "-core", 4);
    for (int i = 1; i <= 2; ++i)
      rack_device(Role::kFirewall, p + "-fw0" + std::to_string(i), Capability::kFirewall, p + "-fw",
                  4);
    for (int i = 1; i <= dc_switches_; ++i)
      rack_device(Role::kDcSwitch, p + "-dcsw0" + std::to_string(i), Capability::kCoreSwitch,
                  p + "-dcsw", 4);
    // Hypervisor hosts in clusters; the last cluster is sometimes a legacy one on old releases.
    int host = 0;
    for (int c = 0; c < clusters_; ++c) {
      const std::string cluster = upper_ + "-Kluster" + Padded(c + 1, 2);
      const int size = hosts_ / clusters_ + (c < hosts_ % clusters_ ? 1 : 0);
      Product hv = Draw(Capability::kHypervisor);
      GenAsset& cl = Add(Role::kCluster, cluster, hv);
      cl.site = org_.halls[c % org_.halls.size()].site;
      cl.hall = org_.halls[c % org_.halls.size()].name;
      cl.criticality = 4;
      cl.sub_role = hv.product;
      cluster_names_.push_back(cluster);
      cluster_hosts_.emplace_back();
      for (int h = 0; h < size; ++h) {
        ++host;
        const std::string name = p + "-hv" + Padded(host, 3);
        GenAsset& a = rack_device(Role::kHypervisorHost, name, Capability::kServer, cluster, 4);
        a.cluster = cluster;
        a.ip = Ip(99, 10 + host % 240);
        a.mac = Mac();
        GenAsset& sw = Add(Role::kHypervisorSoftware, name + " hypervisor", hv);
        sw.host = name;
        Relate(name + " hypervisor", RelKind::kInstalledOn, name);
        Relate(name, RelKind::kMemberOf, cluster);
        Relate(name, RelKind::kConnectedTo, p + "-core01", "eth0", "Te1/0/" + std::to_string(host));
        Relate(name, RelKind::kConnectedTo, p + "-core02", "eth1", "Te2/0/" + std::to_string(host));
        cluster_hosts_.back().push_back(name);
      }
    }
    for (int s = 0; s < storage_pairs_; ++s) {
      const std::string group = p + "-san" + std::to_string(s + 1);
      for (int i = 1; i <= 2; ++i)
        rack_device(Role::kStorage, p + "-san" + std::to_string(s + 1) + std::to_string(i),
                    Capability::kStorage, group, 4);
    }
    rack_device(Role::kBackup, p + "-bkp01", Capability::kBackup, "", 3);
    for (int u = 1; u <= ups_; ++u)
      rack_device(Role::kUps, p + "-ups0" + std::to_string(u), Capability::kUps, "", 3);

    // Racks: about 30 used U each, alternating between the halls so that pairs are split.
    int total_u = 0;
    for (std::size_t i : racked) total_u += org_.assets[i].u_height;
    const int halls = static_cast<int>(org_.halls.size());
    int racks = std::max(2 * halls, (total_u + 29) / 30);
    std::vector<int> next_free(static_cast<std::size_t>(racks), 3);  // U1-U2 hold the PDUs
    for (int r = 0; r < racks; ++r) {
      const GenHall& hall = org_.halls[static_cast<std::size_t>(r % halls)];
      org_.racks.push_back(
          {hall.site, hall.name,
           std::string(1, static_cast<char>('A' + r % halls)) + Padded(r / halls + 1, 2), 42});
    }
    std::size_t slot = 0;
    for (std::size_t i : racked) {
      GenAsset& a = org_.assets[i];
      std::size_t r = slot++ % static_cast<std::size_t>(racks);
      for (int tries = 0; tries < racks && next_free[r] + a.u_height - 1 > 42; ++tries)
        r = (r + 1) % static_cast<std::size_t>(racks);
      if (next_free[r] + a.u_height - 1 > 42) {  // every rack full: open another one
        const GenHall& hall = org_.halls[org_.racks.size() % org_.halls.size()];
        org_.racks.push_back({hall.site, hall.name, "X" + Padded(org_.racks.size() + 1, 2), 42});
        next_free.push_back(3);
        r = org_.racks.size() - 1;
      }
      const GenRack& rack = org_.racks[r];
      a.site = rack.site;
      a.hall = rack.hall;
      a.rack = rack.name;
      a.position = next_free[r];
      next_free[r] += a.u_height;
    }
    // Hall capacity: the positions and power in use plus a margin (tight but feasible).
    for (GenHall& hall : org_.halls) {
      double kw = 0;
      int positions = 0;
      for (const GenRack& rack : org_.racks) positions += rack.hall == hall.name ? 1 : 0;
      for (std::size_t i : racked) {
        if (org_.assets[i].hall == hall.name) kw += org_.assets[i].power_w / 1000.0;
      }
      hall.positions = positions + rng_.Between(1, 3);
      hall.power_kw = std::ceil(kw * (1.2 + 0.3 * rng_.Unit()) * 2) / 2 + 2;
      hall.cooling_kw = std::ceil(hall.power_kw * (0.9 + 0.2 * rng_.Unit()));
    }
  }

  void Vms() {
    static constexpr std::array<std::string_view, 17> kKinds = {
        "app",  "sql", "web",   "file",  "dc",   "exch", "rds", "int", "mon",
        "test", "gis", "print", "veeam", "sccm", "wsus", "ca",  "adfs"};
    int host_cursor = 0;
    int all_hosts = 0;
    for (const auto& hosts : cluster_hosts_) all_hosts += static_cast<int>(hosts.size());
    for (int v = 0; v < vms_; ++v) {
      const std::string_view kind = kKinds[rng_.Below(kKinds.size())];
      std::string name = org_.prefix + "-" + std::string(kind) + Padded(v + 1, 4);
      const bool linux_vm =
          kind == "web" || kind == "mon" || kind == "test" ? rng_.Chance(0.7) : rng_.Chance(0.1);
      Product os = linux_vm ? DrawOs("linux") : DrawOs("ms-windows-server");
      GenAsset& a = Add(Role::kVm, name, os);
      a.sub_role = std::string(kind);
      a.os = os.product + (os.version.empty() ? "" : " " + os.version);
      a.vcpus = 2 << rng_.Below(3);
      a.memory_mb = 4096 << rng_.Below(4);
      a.disk_gb = 60 + 20 * static_cast<int>(rng_.Below(30));
      a.ip = Ip(10 + (v / 250) % 10, 10 + v % 240);
      a.mac = Mac();
      a.criticality = 2;
      // Spread VMs over the hosts, each host's VMs in its cluster.
      int target = host_cursor++ % all_hosts;
      for (std::size_t c = 0; c < cluster_hosts_.size(); ++c) {
        if (target < static_cast<int>(cluster_hosts_[c].size())) {
          a.host = cluster_hosts_[c][static_cast<std::size_t>(target)];
          a.cluster = cluster_names_[c];
          break;
        }
        target -= static_cast<int>(cluster_hosts_[c].size());
      }
      Relate(a.name, RelKind::kRunsOn, a.host);
      vm_names_.push_back(a.name);
    }
  }

  // Server OS by family ("linux" or "ms-windows-server"), the org's spelling.
  Product DrawOs(std::string_view family) {
    const Choice& c = choices_[static_cast<int>(Capability::kServerOs)];
    const Technology* t = nullptr;
    for (const Technology* option : TechnologiesFor(Capability::kServerOs)) {
      if (option->id == family) t = option;
    }
    std::vector<double> weights;
    for (const Release& r : t->releases) weights.push_back(r.weight);
    const Release& r = t->releases[rng_.Weighted(weights)];
    const Spelling& s = r.spellings[c.spelling % r.spellings.size()];
    return {std::string(s.vendor),
            std::string(s.product),
            std::string(s.version),
            std::string(r.eol),
            0,
            0};
  }

  void Services() {
    static constexpr std::array<std::string_view, 20> kNames = {
        "Active Directory", "Ekonomisystem", "Lönesystem",       "HR-system",
        "Ärendehantering",  "Skolplattform", "Elevregister",     "Omsorgssystem",
        "E-post",           "Filtjänst",     "Utskrift",         "Säkerhetskopiering",
        "Bygglov",          "Diarium",       "Intranät",         "Webbplats",
        "Telefoni",         "Kartor (GIS)",  "Bibliotekssystem", "Fastighetssystem"};
    std::vector<std::string> names;
    for (int s = 0; s < services_; ++s) {
      std::string name(kNames[static_cast<std::size_t>(s) % kNames.size()]);
      if (s >= static_cast<int>(kNames.size())) name += " " + std::to_string(s / kNames.size() + 1);
      GenAsset& a = Add(Role::kService, name, Product{});
      a.sub_role = Slug(kNames[static_cast<std::size_t>(s) % kNames.size()]);
      a.criticality = s < 4 ? 4 : 3;
      names.push_back(name);
    }
    // Each service runs on 2-4 VMs; all but AD and backup need AD; a random DAG between services
    // (each may depend on earlier ones) plus the cycles people really have.
    std::size_t vm = 0;
    for (int s = 0; s < services_; ++s) {
      const std::string& name = names[static_cast<std::size_t>(s)];
      const int n = rng_.Between(2, 4);
      for (int k = 0; k < n && !vm_names_.empty(); ++k) {
        Relate(name, RelKind::kDependsOn, vm_names_[vm++ % vm_names_.size()]);
      }
      if (s > 0 && name.rfind("Säkerhetskopiering", 0) != 0)
        Relate(name, RelKind::kDependsOn, names[0]);
      if (s > 4 && rng_.Chance(0.4)) {
        Relate(name, RelKind::kDependsOn, names[1 + rng_.Below(static_cast<std::size_t>(s - 1))]);
      }
    }
    // Cycles: Ekonomisystem <-> Lönesystem, sometimes a three-cycle through HR.
    Relate(names[1], RelKind::kDependsOn, names[2]);
    Relate(names[2], RelKind::kDependsOn, names[1]);
    if (rng_.Chance(0.5)) {
      Relate(names[2], RelKind::kDependsOn, names[3]);
      Relate(names[3], RelKind::kDependsOn, names[1]);
    }
    if (services_ > 6 && rng_.Chance(0.3)) {
      Relate(names[5], RelKind::kDependsOn, names[6]);
      Relate(names[6], RelKind::kDependsOn, names[5]);
    }
  }

  void AccessLayer() {
    const std::size_t dc = org_.halls.size();
    const std::size_t offices = org_.sites.size() - dc;
    std::vector<std::vector<std::string>> switches_at(offices);
    for (int s = 0; s < access_switches_; ++s) {
      std::size_t site = static_cast<std::size_t>(s) % offices;
      const GenSite& at = org_.sites[dc + site];
      std::string name =
          at.slug + "-sw" + Padded(static_cast<int>(switches_at[site].size()) + 1, 2);
      Product p = Draw(Capability::kAccessSwitch);
      GenAsset& a = Add(Role::kAccessSwitch, name, p);
      a.serial = Serial(p.vendor);
      a.site = at.name;
      a.criticality = 1;
      a.ip = Ip(250, 10 + s % 240);
      switches_at[site].push_back(name);
      Relate(name, RelKind::kConnectedTo, org_.prefix + (s % 2 ? "-core02" : "-core01"), "uplink1",
             "Gi1/1/" + std::to_string(s + 1));
    }
    std::vector<int> aps_at(offices, 0);
    for (int s = 0; s < access_points_; ++s) {
      std::size_t site = static_cast<std::size_t>(s) % offices;
      const GenSite& at = org_.sites[dc + site];
      std::string name = at.slug + "-ap" + Padded(++aps_at[site], 2);
      Product p = Draw(Capability::kWireless);
      GenAsset& a = Add(Role::kAccessPoint, name, p);
      a.serial = Serial(p.vendor);
      a.site = at.name;
      a.criticality = 1;
      a.mac = Mac();
      const auto& switches = switches_at[site];
      if (!switches.empty()) {
        Relate(name, RelKind::kConnectedTo,
               switches[static_cast<std::size_t>(aps_at[site]) % switches.size()], "eth0",
               "Gi1/0/" + std::to_string(aps_at[site]));
      }
    }
    for (int s = 0; s < printers_; ++s) {
      Product p = Draw(Capability::kPrinter);
      GenAsset& a = Add(Role::kPrinter, upper_ + "-PRN" + Padded(s + 1, 4), p);
      a.serial = Serial(p.vendor);
      a.site = OfficeSite().name;
      a.criticality = 1;
      a.ip = Ip(30, 10 + s % 240);
    }
  }

  void Clients() {
    for (int c = 0; c < clients_; ++c) {
      Product hw = Draw(Capability::kClientHw);
      const bool laptop = hw.product.find("Opti") == std::string::npos && rng_.Chance(0.7);
      std::string name = upper_ + (laptop ? "-LT" : "-PC") + Padded(c + 1, 5);
      Product os = Draw(Capability::kClientOs);
      GenAsset& a = Add(Role::kClient, name, hw);
      a.serial = Serial(hw.vendor);
      a.site = OfficeSite().name;
      a.sub_role = laptop ? "laptop" : "desktop";
      a.criticality = 1;
      a.os = os.product + " " + os.version;
      a.ip = Ip(20 + (c / 250) % 4, 10 + c % 240);
      a.mac = Mac();
      a.vcpus = 4 << rng_.Below(2);
      a.memory_mb = 8192 << rng_.Below(2);
      if (c < client_os_rows_) {
        GenAsset& s = Add(Role::kClientOs, name + " OS", os);
        s.host = name;
        Relate(name + " OS", RelKind::kInstalledOn, name);
      }
    }
  }

  // Address plans overlap between orgs: 40 second octets for all of them, a guest WLAN in the
  // next org's range, and some orgs with a school net covering 172.16.0.0/16.
  void Networks() {
    const int b = second_octet_;
    const std::string net = "10." + std::to_string(b) + ".";
    auto add = [&](std::string prefix, int vlan, std::string name, std::string site,
                   std::string vrf, std::string role) {
      org_.networks.push_back({std::move(prefix), vlan, std::move(name), std::move(site),
                               std::move(vrf), std::move(role)});
    };
    const bool swap = rng_.Chance(0.3);  // VLAN 10 and 20 the other way round: clashes with others
    const std::string& dc = org_.sites[0].name;
    add(net + "0.0/16", 0, org_.display_name + " kommunnät", "", "", "aggregate");
    add(net + "10.0/24", swap ? 20 : 10, "Servrar", dc, "", "servers");
    add(net + "11.0/24", 11, "Servrar 2", dc, "", "servers");
    add(net + "20.0/22", swap ? 10 : 20, "Klienter", "", "", "clients");
    add(net + "21.0/24", 21, "Servrar DMZ", dc, "DMZ", "servers");
    add(net + "30.0/24", 30, "Skrivare", "", "", "printers");
    add(net + "50.0/23", 50, "WLAN personal", "", "", "wireless");
    add(net + "99.0/24", 99, "Management", dc, "", "management");
    add(net + "250.0/24", 250, "Nätverksutrustning", dc, "", "network");
    add("10." + std::to_string(10 + (p_.index + 1) % 40) + ".128.0/20", 300, "Gäst-WLAN", "", "",
        "guest");
    if (rng_.Chance(0.2)) add("172.16.0.0/16", 0, "Skolnät", "", "", "aggregate");
    add("172.16." + std::to_string(8 * (p_.index % 32)) + ".0/21", 200, "Elever", "", "",
        "clients");
    if (rng_.Chance(0.2)) add(net + "30.0/24", 0, "Skrivare (gammal)", "", "", "printers");
    const std::size_t dcs = org_.halls.size();
    for (std::size_t s = dcs; s < org_.sites.size() && s - dcs < 100; ++s) {
      add(net + std::to_string(100 + (s - dcs)) + ".0/24", static_cast<int>(1000 + (s - dcs)),
          "Lokal " + org_.sites[s].name, org_.sites[s].name, "", "clients");
    }
  }

  const OrgParams& p_;
  Rng rng_;
  OrgEstate org_;
  std::string upper_;
  std::array<Choice, 13> choices_{};
  Product unique_;
  Capability unique_capability_ = Capability::kWireless;
  bool has_unique_ = false;
  int hosts_ = 0, clusters_ = 0, storage_pairs_ = 0, dc_switches_ = 0, ups_ = 0, vms_ = 0;
  int services_ = 0, access_switches_ = 0, access_points_ = 0, printers_ = 0, clients_ = 0;
  int client_os_rows_ = 0;
  int second_octet_ = 10;
  std::vector<std::string> cluster_names_;
  std::vector<std::vector<std::string>> cluster_hosts_;
  std::vector<std::string> vm_names_;
};

}  // namespace

OrgEstate GenerateOrg(const OrgParams& params) { return OrgBuilder(params).Build(); }

}  // namespace samdrift::tools::gen
