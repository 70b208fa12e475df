#include "importers/nmap_device_type.h"

#include "core/text.h"

namespace samdrift::importers {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A desktop or mobile OS: the machine is somebody's computer, not a server.
bool IsDesktopOs(std::string_view os_family, std::string_view os_name) {
  const std::string family = core::ToLowerAscii(os_family);
  const std::string name = core::ToLowerAscii(os_name);
  if (family == "mac os x" || family == "macos" || family == "ios" || family == "ipados" ||
      family == "android" || family == "chrome os") {
    return true;
  }
  if (Contains(name, "server")) return false;
  static constexpr std::string_view kDesktopWindows[] = {
      "windows xp", "windows vista", "windows 7", "windows 8", "windows 10", "windows 11"};
  for (std::string_view w : kDesktopWindows) {
    if (Contains(name, w)) return true;
  }
  return false;
}

bool IsHypervisorOs(std::string_view os_family, std::string_view os_name) {
  const std::string family = core::ToLowerAscii(os_family);
  const std::string name = core::ToLowerAscii(os_name);
  return family == "esxi" || family == "esx" || Contains(name, "esxi") ||
         Contains(name, "proxmox") || Contains(name, "hyper-v server");
}

struct TypeRow {
  std::string_view type;  // lowercase nmap device type
  core::AssetKind kind;
  std::string_view role;
};

// nmap's device types (nmap-os-db "Class" lines and service devicetype values).
constexpr TypeRow kTypes[] = {
    {"general purpose", core::AssetKind::kDevice, "server"},
    {"bridge", core::AssetKind::kDevice, "switch"},
    {"switch", core::AssetKind::kDevice, "switch"},
    {"hub", core::AssetKind::kDevice, "switch"},
    {"router", core::AssetKind::kDevice, "router"},
    {"broadband router", core::AssetKind::kDevice, "router"},
    {"firewall", core::AssetKind::kDevice, "firewall"},
    {"security-misc", core::AssetKind::kDevice, "firewall"},
    {"wap", core::AssetKind::kDevice, "access-point"},
    {"load balancer", core::AssetKind::kDevice, "load-balancer"},
    {"proxy server", core::AssetKind::kDevice, "proxy"},
    {"storage-misc", core::AssetKind::kDevice, "storage"},
    {"power-device", core::AssetKind::kDevice, "ups"},
    {"remote management", core::AssetKind::kDevice, "remote-management"},
    {"terminal server", core::AssetKind::kDevice, "terminal-server"},
    {"pbx", core::AssetKind::kDevice, "pbx"},
    {"telecom-misc", core::AssetKind::kDevice, "telecom"},
    {"specialized", core::AssetKind::kDevice, ""},
    {"printer", core::AssetKind::kClient, "printer"},
    {"print server", core::AssetKind::kClient, "printer"},
    {"phone", core::AssetKind::kClient, "phone"},
    {"voip phone", core::AssetKind::kClient, "phone"},
    {"voip adapter", core::AssetKind::kClient, "phone"},
    {"pda", core::AssetKind::kClient, "mobile"},
    {"game console", core::AssetKind::kClient, "game-console"},
    {"media device", core::AssetKind::kClient, "media-device"},
    {"webcam", core::AssetKind::kClient, "webcam"},
    {"terminal", core::AssetKind::kClient, "thin-client"},
};

}  // namespace

HostClass ClassifyNmapHost(std::string_view device_type, std::string_view os_family,
                           std::string_view os_name, VirtualNic virtual_nic) {
  HostClass out;
  const std::string type = core::ToLowerAscii(core::Trim(device_type));
  for (const TypeRow& row : kTypes) {
    if (row.type == type) {
      out.kind = row.kind;
      out.role = std::string(row.role);
      break;
    }
  }
  if (IsHypervisorOs(os_family, os_name)) {
    out.kind = core::AssetKind::kDevice;
    out.role = "hypervisor";
  } else if ((type == "general purpose" || type.empty()) && IsDesktopOs(os_family, os_name)) {
    out.kind = core::AssetKind::kClient;
    out.role = "workstation";
  }
  if (virtual_nic == VirtualNic::kYes && out.role != "hypervisor") {
    out.kind = core::AssetKind::kVm;
    if (out.role == "workstation") out.role = "virtual-desktop";
  }
  return out;
}

std::optional<Distribution> DistributionFromSsh(std::string_view product,
                                                std::string_view version) {
  if (product != "OpenSSH") return std::nullopt;
  // The upstream version each release shipped (and kept through its security updates).
  struct Row {
    std::string_view prefix;
    std::string_view vendor;
    std::string_view name;
    std::string_view version;
  };
  static constexpr Row kRows[] = {
      {"9.6p1 Ubuntu", "Canonical", "Ubuntu 24.04", "24.04"},
      {"8.9p1 Ubuntu", "Canonical", "Ubuntu 22.04", "22.04"},
      {"8.2p1 Ubuntu", "Canonical", "Ubuntu 20.04", "20.04"},
      {"7.6p1 Ubuntu", "Canonical", "Ubuntu 18.04", "18.04"},
      {"7.2p2 Ubuntu", "Canonical", "Ubuntu 16.04", "16.04"},
      {"9.2p1 Debian", "Debian", "Debian 12", "12"},
      {"8.4p1 Debian", "Debian", "Debian 11", "11"},
      {"7.9p1 Debian", "Debian", "Debian 10", "10"},
  };
  const std::string_view v = core::Trim(version);
  for (const Row& row : kRows) {
    if (v.starts_with(row.prefix)) {
      return Distribution{std::string(row.vendor), std::string(row.name), std::string(row.version)};
    }
  }
  return std::nullopt;
}

}  // namespace samdrift::importers
