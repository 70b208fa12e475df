#include "importers/nmap_xml.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "core/text.h"
#include "importers/nmap_device_type.h"
#include "importers/scan_support.h"
#include "importers/xml_support.h"

namespace samdrift::importers {
namespace {

constexpr std::string_view kName = "nmap-xml";

struct OsGuess {
  std::string name;  // osmatch name
  int accuracy = -1;
  std::string type;  // osclass type, e.g. "general purpose"
  std::string vendor;
  std::string family;
  std::string generation;
  std::string cpe;
};

struct Service {
  int port = 0;
  std::string protocol;
  std::string name;
  std::string product;
  std::string version;
  std::string extrainfo;
  std::string device_type;
  std::string tunnel;
  std::string cpe;     // the first application CPE, cpe:/a:...
  std::string ostype;  // the OS the service runs on, as nmap names it ("Windows")
  int line = 0;
};

std::string Attr(pugi::xml_node node, const char* name) { return AttrText(node, name); }

std::string LowerMac(std::string_view mac) {
  std::string out = core::ToLowerAscii(core::Trim(mac));
  for (char& c : out) {
    if (c == '-') c = ':';
  }
  return out;
}

// "5.X" -> "5", "10.8.X" -> "10.8"; other generations as they are.
std::string Generation(std::string_view gen) {
  std::string out(core::Trim(gen));
  if (out.size() > 2 && (out.ends_with(".X") || out.ends_with(".x"))) out.resize(out.size() - 2);
  return out;
}

// The vendor of an application CPE ("cpe:/a:microsoft:sql_server:2019" -> "microsoft").
std::string CpeVendor(std::string_view cpe) {
  if (!cpe.starts_with("cpe:/a:")) return "";
  std::string_view rest = cpe.substr(7);
  std::string vendor(rest.substr(0, rest.find(':')));
  for (char& c : vendor) {
    if (c == '_') c = ' ';
  }
  return vendor;
}

// The PTR name (what DNS calls it), else the name the user scanned, else the first; "" when the
// host has none. `all_names` (optional) receives every name in document order.
std::string HostName(pugi::xml_node host, std::vector<std::string>* all_names = nullptr) {
  std::string hostname;
  for (const char* wanted : {"PTR", "user", ""}) {
    for (pugi::xml_node h : host.child("hostnames").children("hostname")) {
      const std::string name = Attr(h, "name");
      if (name.empty()) continue;
      if (*wanted == '\0' && all_names) all_names->push_back(name);
      if (hostname.empty() && (*wanted == '\0' || Attr(h, "type") == wanted)) hostname = name;
    }
  }
  return hostname;
}

class HostReader {
 public:
  HostReader(const XmlInput& input, const ImportOptions& options, core::Batch& batch,
             core::Diagnostics& diagnostics)
      : input_(input), options_(options), batch_(batch), diagnostics_(diagnostics) {}

  // Learns every host's full name first: a host is named by its short name ("www") unless
  // another host in the scan has the same short name under a different full name
  // ("www.kommun-a.se", "www.kommun-b.se"); those different machines are named by their full
  // names. One full name (in any case) is one machine.
  void LearnNames(pugi::xml_node root) {
    for (pugi::xml_node host : root.children("host")) {
      if (Attr(host.child("status"), "state") != "up") continue;
      const std::string hostname = HostName(host);
      if (hostname.empty()) continue;
      std::vector<std::string>& names = full_names_[core::ToLowerAscii(ShortHostName(hostname))];
      if (std::none_of(names.begin(), names.end(), [&](const std::string& known) {
            return core::EqualsIgnoreCase(known, hostname);
          })) {
        names.push_back(hostname);
      }
    }
  }

  // A host that is up: its addresses, its name, what nmap guessed it is and runs, its open
  // ports, and a software asset per identified service.
  void Read(pugi::xml_node host) {
    if (!IsUp(host)) return;
    Addresses addresses;
    const bool ok = ReadAddresses(host, addresses);
    std::vector<std::string> all_names;
    const std::string hostname = HostName(host, &all_names);
    if (!ok) return;
    core::Asset asset;
    asset.org = options_.org;
    asset.mode = core::WriteMode::kFill;
    asset.provenance = {std::string(kName), input_.source(), input_.At(host).line};
    if (!Name(host, hostname, all_names, addresses, asset)) return;
    const std::optional<OsGuess> os = ReadOs(host.child("os"));
    const std::vector<Service> services = ReadPorts(host.child("ports"));
    Classify(os, services, addresses, asset);
    if (os) SetOs(*os, services, asset);
    SetPorts(services, asset);
    // Every identified service is software of its own, also one nmap tags with the OS it runs
    // on (ostype, an OS CPE: Windows RPC, OpenSSH, the ESXi API); a port-table guess names no
    // product and is a port only.
    for (const Service& s : services) {
      if (!s.product.empty()) AddSoftware(asset, s);
    }
    batch_.assets.push_back(std::move(asset));
  }

 private:
  struct Addresses {
    std::vector<std::string> ips;
    std::vector<std::string> macs;
    std::string mac_vendor;  // of the first MAC that names one
  };

  // Whether the host is up; NMAP002 when its <status> is missing. Down, unknown or skipped
  // hosts were not seen.
  bool IsUp(pugi::xml_node host) {
    pugi::xml_node status = host.child("status");
    if (!status) {
      diagnostics_.Error(input_.At(host), "NMAP002",
                         "<host> has no <status>; cannot tell whether it is up");
      return false;
    }
    return Attr(status, "state") == "up";
  }

  // The host's IP and MAC addresses; false when an <address> has no addr (NMAP003). Addresses
  // that are not IP addresses (placeholders of anonymised scans) are left out (NMAP007).
  bool ReadAddresses(pugi::xml_node host, Addresses& out) {
    bool ok = true;
    for (pugi::xml_node address : host.children("address")) {
      const std::string addr = Attr(address, "addr");
      const std::string type = Attr(address, "addrtype");
      if (addr.empty()) {
        diagnostics_.Error(input_.At(address), "NMAP003", "<address> has no addr");
        ok = false;
        continue;
      }
      if (type == "mac") {
        out.macs.push_back(LowerMac(addr));
        if (out.mac_vendor.empty()) out.mac_vendor = Attr(address, "vendor");
      } else if (type == "ipv4" || type == "ipv6" || type.empty()) {
        if (!IsIpAddress(addr)) {
          diagnostics_.Warning(input_.At(address), "NMAP007",
                               "<address> addr '" + addr + "' is not an IP address; ignored");
          continue;
        }
        out.ips.push_back(addr);
      }
    }
    return ok;
  }

  // Names the asset by its host name, else its first IP, else its first MAC (NMAP004 when it
  // has none), and sets the name and address attributes.
  bool Name(pugi::xml_node host, const std::string& hostname,
            const std::vector<std::string>& all_names, const Addresses& addresses,
            core::Asset& asset) {
    if (!hostname.empty()) {
      asset.name = AssetName(host, hostname);
      if (ShortHostName(hostname) != hostname) asset.SetAttr("fqdn", hostname);
    } else if (!addresses.ips.empty()) {
      asset.name = addresses.ips.front();
    } else if (!addresses.macs.empty()) {
      asset.name = addresses.macs.front();
    } else {
      diagnostics_.Error(input_.At(host), "NMAP004",
                         "<host> is up but has neither an address nor a host name");
      return false;
    }
    std::vector<std::string> other_names;
    for (const std::string& name : all_names) {
      if (!core::EqualsIgnoreCase(name, hostname)) other_names.push_back(name);
    }
    if (!other_names.empty()) asset.SetAttr("hostnames", JoinUnique(other_names, ","));
    if (!addresses.ips.empty()) asset.SetAttr("ip", JoinUnique(addresses.ips, ","));
    if (!addresses.macs.empty()) asset.SetAttr("mac", JoinUnique(addresses.macs, ","));
    if (!addresses.mac_vendor.empty()) asset.SetAttr("mac_vendor", addresses.mac_vendor);
    return true;
  }

  // Kind, role and category from the device type (the OS guess's, else the first a service
  // names), the OS and whether a NIC is virtual.
  static void Classify(const std::optional<OsGuess>& os, const std::vector<Service>& services,
                       const Addresses& addresses, core::Asset& asset) {
    std::string device_type = os ? os->type : "";
    if (device_type.empty()) {
      for (const Service& s : services) {
        if (!s.device_type.empty()) {
          device_type = s.device_type;
          break;
        }
      }
    }
    bool virtual_nic = false;
    for (const std::string& mac : addresses.macs) {
      virtual_nic = virtual_nic || IsVirtualMac(mac, addresses.mac_vendor);
    }
    const HostClass host_class =
        ClassifyNmapHost(device_type, os ? os->family : "", os ? os->name : "",
                         virtual_nic ? VirtualNic::kYes : VirtualNic::kNo);
    asset.kind = host_class.kind;
    asset.role = host_class.role;
    asset.category = core::DefaultCategory(asset.kind, asset.role);
    if (!device_type.empty()) asset.SetAttr("device_type", device_type);
  }

  // The OS attributes: a hypervisor's, a Linux distribution's its SSH banner names, else nmap's
  // guess as it stands.
  static void SetOs(const OsGuess& os, const std::vector<Service>& services, core::Asset& asset) {
    const std::string os_name =
        !os.name.empty() ? os.name : JoinUnique({os.vendor, os.family, os.generation}, " ");
    std::optional<Distribution> distribution;
    if (core::EqualsIgnoreCase(os.family, "Linux")) {
      for (const Service& s : services) {
        if ((distribution = DistributionFromSsh(s.product, s.version))) break;
      }
    }
    if (asset.role == "hypervisor") {
      SetHypervisor(asset, os, services);
    } else if (distribution) {
      asset.SetAttr("os", distribution->name);
      asset.SetAttr("os_vendor", distribution->vendor);
      asset.SetAttr("os_version", distribution->version);
      asset.SetAttr("os_family", os.family);
      asset.SetAttr("os_kernel", os_name);
    } else {
      asset.SetAttr("os", os_name);
      if (!os.vendor.empty()) asset.SetAttr("os_vendor", os.vendor);
      if (!os.family.empty()) asset.SetAttr("os_family", os.family);
      if (!os.generation.empty()) asset.SetAttr("os_version", Generation(os.generation));
    }
    if (os.accuracy >= 0) asset.SetAttr("os_accuracy", std::to_string(os.accuracy));
    if (!os.cpe.empty()) asset.SetAttr("os_cpe", os.cpe);
  }

  // The open ports as one attribute: "22/tcp ssh, 443/tcp https".
  static void SetPorts(const std::vector<Service>& services, core::Asset& asset) {
    std::vector<std::string> ports;
    for (const Service& s : services) {
      ports.push_back(std::to_string(s.port) + "/" + s.protocol +
                      (s.name.empty() ? "" : " " + s.name));
    }
    if (!ports.empty()) asset.SetAttr("ports", JoinUnique(ports, ", "));
  }

  // The short name, or the full name (spelled as first seen) when the short one is ambiguous.
  std::string AssetName(pugi::xml_node host, const std::string& hostname) {
    const std::string short_name = ShortHostName(hostname);
    const std::vector<std::string>& names = full_names_[core::ToLowerAscii(short_name)];
    if (names.size() < 2) return short_name;
    const std::string& first = names.front();
    if (core::EqualsIgnoreCase(first, hostname)) return first;
    for (const std::string& known : names) {
      if (core::EqualsIgnoreCase(known, hostname)) {
        if (warned_.insert(core::ToLowerAscii(known)).second) {
          diagnostics_.Warning(input_.At(host), "NMAP008",
                               "hosts '" + first + "' and '" + known +
                                   "' have the same short name '" + short_name +
                                   "'; they are different machines, kept apart under their "
                                   "full names");
        }
        return known;
      }
    }
    return hostname;
  }

  // The most accurate osmatch, and its most accurate osclass: nested in the osmatch (nmap 6+),
  // or beside it under <os> (the older layout). The first wins a tie.
  std::optional<OsGuess> ReadOs(pugi::xml_node os) {
    if (!os) return std::nullopt;
    OsGuess guess;
    pugi::xml_node best_match;
    for (pugi::xml_node match : os.children("osmatch")) {
      const int accuracy = Accuracy(match);
      if (!best_match || accuracy > guess.accuracy) {
        best_match = match;
        guess.accuracy = accuracy;
        guess.name = Attr(match, "name");
      }
    }
    pugi::xml_node best_class;
    int class_accuracy = -1;
    // On a tie, a class whose vendor the best osmatch names wins (the old layout lists classes
    // and matches apart: "Chumby Internet radio" goes with the Chumby class, not Linux's).
    const std::string match_name = core::ToLowerAscii(guess.name);
    auto named = [&](pugi::xml_node c) {
      const std::string vendor = core::ToLowerAscii(Attr(c, "vendor"));
      return !vendor.empty() && match_name.find(vendor) != std::string::npos;
    };
    auto consider = [&](pugi::xml_node owner) {
      for (pugi::xml_node c : owner.children("osclass")) {
        const int accuracy = Accuracy(c);
        if (!best_class || accuracy > class_accuracy ||
            (accuracy == class_accuracy && named(c) && !named(best_class))) {
          best_class = c;
          class_accuracy = accuracy;
        }
      }
    };
    if (best_match) consider(best_match);
    if (!best_class) consider(os);
    if (!best_match && !best_class) return std::nullopt;
    if (best_class) {
      guess.type = Attr(best_class, "type");
      guess.vendor = Attr(best_class, "vendor");
      guess.family = Attr(best_class, "osfamily");
      guess.generation = Attr(best_class, "osgen");
      guess.cpe = ChildText(best_class, "cpe");
      if (!best_match) guess.accuracy = class_accuracy;
    }
    return guess;
  }

  // The accuracy attribute (0-100); -1 when absent or bad (bad ones are reported).
  int Accuracy(pugi::xml_node node) {
    pugi::xml_attribute attribute = node.attribute("accuracy");
    if (!attribute) return -1;
    const std::string text(core::Trim(attribute.value()));
    auto value = core::ParseInteger(text);
    if (!value || *value < 0 || *value > 100) {
      diagnostics_.Error(input_.At(node), "NMAP005",
                         "<" + std::string(node.name()) +
                             "> accuracy: expected a whole number from 0 to 100, got '" + text +
                             "'");
      return -1;
    }
    return static_cast<int>(*value);
  }

  std::vector<Service> ReadPorts(pugi::xml_node ports) {
    std::vector<Service> out;
    for (pugi::xml_node port : ports.children("port")) {
      if (Attr(port.child("state"), "state") != "open") continue;
      const std::string id = Attr(port, "portid");
      auto number = core::ParseInteger(id);
      if (!number || *number < 0 || *number > 65535) {
        diagnostics_.Error(
            input_.At(port), "NMAP006",
            "<port> portid: expected a port number from 0 to 65535, got '" + id + "'");
        continue;
      }
      Service s;
      s.port = static_cast<int>(*number);
      s.protocol = Attr(port, "protocol");
      s.line = input_.At(port).line;
      pugi::xml_node service = port.child("service");
      s.name = Attr(service, "name");
      s.product = Attr(service, "product");
      s.version = Attr(service, "version");
      s.extrainfo = Attr(service, "extrainfo");
      s.device_type = Attr(service, "devicetype");
      s.tunnel = Attr(service, "tunnel");
      s.ostype = Attr(service, "ostype");
      for (pugi::xml_node cpe : service.children("cpe")) {
        std::string text(core::Trim(cpe.child_value()));
        if (text.starts_with("cpe:/a:") && s.cpe.empty()) s.cpe = text;
      }
      out.push_back(std::move(s));
    }
    return out;
  }

  // ESXi and friends: the OS is the hypervisor. The version comes from a service that names it
  // exactly ("VMware ESXi SOAP API" 7.0.3), else from the OS generation ("7.X" -> "7").
  static void SetHypervisor(core::Asset& asset, const OsGuess& os,
                            const std::vector<Service>& services) {
    std::string product = os.family;
    if (!os.vendor.empty() && !core::EqualsIgnoreCase(os.vendor, os.family)) {
      product = os.vendor + " " + os.family;
    }
    std::string version = Generation(os.generation);
    for (const Service& s : services) {
      if (!s.version.empty() && !os.family.empty() &&
          core::ToLowerAscii(s.product).find(core::ToLowerAscii(os.family)) != std::string::npos) {
        version = s.version;
        break;
      }
    }
    asset.SetAttr("hypervisor", product);
    if (!os.vendor.empty()) asset.SetAttr("hypervisor_vendor", os.vendor);
    if (!version.empty()) asset.SetAttr("hypervisor_version", version);
  }

  void AddSoftware(const core::Asset& host, const Service& s) {
    core::Asset software;
    software.org = host.org;
    software.kind = core::AssetKind::kSoftware;
    software.role = "network-service";
    software.category = core::DefaultCategory(software.kind, software.role);
    software.name = host.name + ":" + std::to_string(s.port) + "/" + s.protocol;
    software.vendor = CpeVendor(s.cpe);
    software.product = s.product;
    software.version = s.version;
    software.mode = core::WriteMode::kFill;
    software.provenance = {std::string(kName), input_.source(), s.line};
    software.SetAttr("port", std::to_string(s.port));
    software.SetAttr("protocol", s.protocol);
    if (!s.name.empty()) software.SetAttr("service", s.name);
    if (!s.extrainfo.empty()) software.SetAttr("extrainfo", s.extrainfo);
    if (!s.tunnel.empty()) software.SetAttr("tunnel", s.tunnel);
    if (!s.cpe.empty()) software.SetAttr("cpe", s.cpe);
    if (!s.ostype.empty()) software.SetAttr("ostype", s.ostype);

    core::Relation installed;
    installed.org = host.org;
    installed.source = software.name;
    installed.source_kind = core::AssetKind::kSoftware;
    installed.kind = core::RelationKind::kInstalledOn;
    installed.target = host.name;
    installed.target_kind = host.kind;
    installed.provenance = software.provenance;
    batch_.assets.push_back(std::move(software));
    batch_.relations.push_back(std::move(installed));
  }

  const XmlInput& input_;
  const ImportOptions& options_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  // Short name (lower case) -> the different full names hosts have under it, first seen first.
  std::map<std::string, std::vector<std::string>> full_names_;
  std::set<std::string> warned_;  // full names (lower case) already reported as clashing
};

}  // namespace

std::string_view NmapXmlImporter::Name() const { return kName; }

std::string_view NmapXmlImporter::Reads() const {
  return "nmap XML output (nmap -oX, root <nmaprun>, nmap 5 to 7): hosts, addresses, host "
         "names, OS matches (old and nested osclass layouts), open ports and their services";
}

std::string_view NmapXmlImporter::Produces() const {
  return "a device, vm (virtual NIC vendor) or client per host that is up, named by its short "
         "host name (attribute fqdn) or address, role from the device type, attributes ip, mac, "
         "mac_vendor, os, os_vendor, os_version, os_accuracy (hypervisor, hypervisor_version for "
         "ESXi), ports; a software asset installed_on the host per identified open service "
         "(attributes port, protocol, service, cpe, ostype); hosts with one short name but "
         "different full names are named by their full names; "
         "observed facts only fill what other files leave empty; down hosts are skipped";
}

int NmapXmlImporter::Sniff(std::string_view content) const {
  return RootElementName(content) == "nmaprun" ? 100 : 0;
}

void NmapXmlImporter::Import(std::string_view content, const std::string& source,
                             const ImportOptions& options, core::Batch& batch,
                             core::Diagnostics& diagnostics) const {
  XmlInput input;
  if (!input.Parse(content, source, diagnostics)) return;
  pugi::xml_node root = input.root();
  if (std::string_view(root.name()) != "nmaprun") {
    diagnostics.Error(input.At(root), "NMAP001",
                      "the root element is <" + std::string(root.name()) +
                          ">, not <nmaprun>; this is not nmap XML output (nmap -oX)");
    return;
  }
  HostReader reader(input, options, batch, diagnostics);
  reader.LearnNames(root);
  for (pugi::xml_node host : root.children("host")) reader.Read(host);
}

}  // namespace samdrift::importers
