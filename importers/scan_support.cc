#include "importers/scan_support.h"

#include <algorithm>
#include <cctype>

#include "core/text.h"

namespace samdrift::importers {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsIpv4(std::string_view text) {
  int parts = 0;
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t end = text.find('.', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(i, end - i);
    if (part.empty() || part.size() > 3) return false;
    int value = 0;
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    ++parts;
    i = end + 1;
    if (end == text.size()) break;
  }
  return parts == 4;
}

bool IsIpv6(std::string_view text) {
  if (text.find(':') == std::string_view::npos || text.size() < 2) return false;
  std::size_t colons = 0;
  for (char c : text) {
    if (c == ':') {
      ++colons;
    } else if (!std::isxdigit(static_cast<unsigned char>(c)) && c != '.' && c != '%') {
      return false;
    }
  }
  // A MAC address has five colons and two hex digits between them; IPv6 has up to seven.
  if (colons == 5 && text.size() == 17 && text.find("::") == std::string_view::npos) return false;
  return colons >= 2 && colons <= 7;
}

}  // namespace

bool IsIpAddress(std::string_view text) { return IsIpv4(text) || IsIpv6(text); }

std::string ShortHostName(std::string_view name) {
  std::string_view trimmed = core::Trim(name);
  if (IsIpAddress(trimmed)) return std::string(trimmed);
  std::size_t dot = trimmed.find('.');
  if (dot == 0 || dot == std::string_view::npos) return std::string(trimmed);
  return std::string(trimmed.substr(0, dot));
}

bool IsPlaceholder(std::string_view value) {
  static constexpr std::string_view kPlaceholders[] = {
      "",
      "[removed]",
      "n/a",
      "na",
      "none",
      "null",
      "unknown",
      "not specified",
      "not available",
      "not applicable",
      "to be filled by o.e.m.",
      "to be filled by oem",
      "default string",
      "system product name",
      "system serial number",
      "system manufacturer",
      "system version",
      "chassis serial number",
      "0123456789",
      "1234567890",
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
      "()",
  };
  const std::string lower = core::ToLowerAscii(core::Trim(value));
  return std::find(std::begin(kPlaceholders), std::end(kPlaceholders), lower) !=
         std::end(kPlaceholders);
}

std::string Clean(std::string_view value) {
  std::string_view trimmed = core::Trim(value);
  return IsPlaceholder(trimmed) ? std::string() : std::string(trimmed);
}

std::string HostFromFileName(std::string_view source,
                             const std::vector<std::string_view>& prefixes) {
  std::string_view name = source;
  std::size_t slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  const std::string lower = core::ToLowerAscii(name);
  for (std::string_view prefix : prefixes) {
    if (lower.size() > prefix.size() && lower.compare(0, prefix.size(), prefix) == 0) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  return std::string(name);
}

bool IsVirtualMac(std::string_view mac, std::string_view vendor) {
  static constexpr std::string_view kVirtualOuis[] = {
      "00:50:56", "00:0c:29", "00:05:69", "00:1c:14",  // VMware
      "bc:24:11",                                      // Proxmox
      "52:54:00",                                      // QEMU/KVM
      "00:15:5d",                                      // Hyper-V
      "08:00:27",                                      // VirtualBox
      "00:16:3e",                                      // Xen
      "00:1c:42",                                      // Parallels
      "50:6b:8d",                                      // Nutanix AHV
  };
  std::string lower = core::ToLowerAscii(core::Trim(mac));
  std::replace(lower.begin(), lower.end(), '-', ':');
  for (std::string_view oui : kVirtualOuis) {
    if (lower.compare(0, oui.size(), oui) == 0) return true;
  }
  const std::string v = core::ToLowerAscii(vendor);
  static constexpr std::string_view kVirtualVendors[] = {
      "vmware", "proxmox", "qemu", "virtualbox", "xensource", "parallels", "nutanix"};
  return std::any_of(std::begin(kVirtualVendors), std::end(kVirtualVendors),
                     [&](std::string_view word) { return Contains(v, word); });
}

bool IsVirtualHardware(std::string_view vendor, std::string_view product) {
  const std::string v = core::ToLowerAscii(vendor);
  const std::string p = core::ToLowerAscii(product);
  if (Contains(p, "virtual machine") || Contains(p, "virtual platform") ||
      Contains(p, "virtualbox") || Contains(p, "hvm domu") || Contains(p, "kvm") ||
      Contains(p, "standard pc (")) {
    return true;
  }
  return Contains(v, "qemu") || Contains(v, "innotek") || Contains(v, "xen") ||
         v == "vmware, inc." || v == "vmware";
}

std::string JoinUnique(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  std::vector<std::string_view> seen;
  for (const std::string& part : parts) {
    if (part.empty() || std::find(seen.begin(), seen.end(), part) != seen.end()) continue;
    seen.push_back(part);
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

}  // namespace samdrift::importers
