// What an nmap host is: nmap's device type (osclass type, or a service's devicetype) and OS
// guess, plus whether its MAC belongs to a hypervisor's virtual NIC, turned into an asset kind
// and role; and the Linux distribution an SSH banner gives away where nmap's OS guess only
// names a kernel.
#ifndef SAMDRIFT_IMPORTERS_NMAP_DEVICE_TYPE_H_
#define SAMDRIFT_IMPORTERS_NMAP_DEVICE_TYPE_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"

namespace samdrift::importers {

struct HostClass {
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string role;  // empty when nmap could not tell
};

enum class VirtualNic { kNo, kYes };

// `device_type` as nmap writes it ("general purpose", "switch", "WAP", "VoIP phone", ...),
// `os_family` the osclass osfamily ("Windows", "ESXi"), `os_name` the osmatch name
// ("Microsoft Windows 10 1809"). General-purpose machines running a desktop OS are clients;
// hosts on a virtual NIC are VMs whatever they run; ESXi/Proxmox are hypervisors.
HostClass ClassifyNmapHost(std::string_view device_type, std::string_view os_family,
                           std::string_view os_name, VirtualNic virtual_nic);

struct Distribution {
  std::string vendor;   // "Canonical", "Debian"
  std::string name;     // "Ubuntu 22.04", "Debian 12"
  std::string version;  // "22.04", "12"
};

// The distribution whose OpenSSH package writes this version ("8.9p1 Ubuntu 3ubuntu0.10" is
// Ubuntu 22.04, "9.2p1 Debian 2+deb12u3" Debian 12); nullopt when the banner does not tell.
std::optional<Distribution> DistributionFromSsh(std::string_view product, std::string_view version);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NMAP_DEVICE_TYPE_H_
