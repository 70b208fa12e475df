// Small helpers shared by the importers of what scanners and agents observe (nmap, lshw,
// lldpctl, RVTools): host names, placeholder values, and hints that a machine is virtual.
#ifndef SAMDRIFT_IMPORTERS_SCAN_SUPPORT_H_
#define SAMDRIFT_IMPORTERS_SCAN_SUPPORT_H_

#include <string>
#include <string_view>
#include <vector>

namespace samdrift::importers {

// True for a literal IPv4 or IPv6 address ("10.30.10.5", "fe80::1").
bool IsIpAddress(std::string_view text);

// The first DNS label of a host name ("vgd-core01.vaggeryd.local" -> "vgd-core01"); IP
// addresses and names without a dot are returned as they are.
std::string ShortHostName(std::string_view name);

// Values tools write where they have nothing to say, or where a sanitiser removed the value:
// "[REMOVED]", "N/A", "None", "Not Specified", "To Be Filled By O.E.M.", "Default string",
// "Unknown", ... (case-insensitive). Such values are treated as absent.
bool IsPlaceholder(std::string_view value);
// The trimmed value, or "" when it is a placeholder.
std::string Clean(std::string_view value);

// The file's base name without folders and extension, with a leading tool prefix such as
// "lldpctl-" or "lshw-" removed ("vaggeryd/lldp/lldpctl-vgd-pve01.xml" -> "vgd-pve01").
std::string HostFromFileName(std::string_view source,
                             const std::vector<std::string_view>& prefixes);

// True when a MAC address (by its OUI) or the vendor nmap names for it belongs to a hypervisor's
// virtual network cards (VMware, Proxmox, QEMU/KVM, Hyper-V, VirtualBox, Xen, Parallels,
// Nutanix).
bool IsVirtualMac(std::string_view mac, std::string_view vendor);
// True when DMI vendor/product name virtual hardware ("VMware Virtual Platform", Hyper-V's
// "Virtual Machine", "Standard PC (Q35 + ICH9, 2009)", "KVM", "VirtualBox", "HVM domU").
bool IsVirtualHardware(std::string_view vendor, std::string_view product);

// Joins non-empty parts with `separator`, skipping duplicates.
std::string JoinUnique(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_SCAN_SUPPORT_H_
