#include "importers/lldp_sysdescr.h"

#include <cctype>

#include "core/text.h"

namespace samdrift::importers {
namespace {

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The token after the first occurrence of `word` (case-insensitive), up to a comma, white space
// or the end: "..., Version 17.9.4a, RELEASE" -> "17.9.4a".
std::string TokenAfter(std::string_view text, std::string_view word) {
  const std::string lower = core::ToLowerAscii(text);
  std::size_t at = lower.find(core::ToLowerAscii(word));
  while (at != std::string::npos) {
    // Whole word only: "Version" must not match inside "Subversion".
    if (at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]))) break;
    at = lower.find(core::ToLowerAscii(word), at + 1);
  }
  if (at == std::string::npos) return "";
  std::size_t start = at + word.size();
  while (start < text.size() && (text[start] == ' ' || text[start] == ':')) ++start;
  std::size_t end = start;
  while (end < text.size() && text[end] != ',' && text[end] != ';' &&
         !std::isspace(static_cast<unsigned char>(text[end]))) {
    ++end;
  }
  return std::string(text.substr(start, end - start));
}

std::string Trimmed(std::string_view text) { return std::string(core::Trim(text)); }

}  // namespace

SysDescr ParseSysDescr(std::string_view raw) {
  SysDescr out;
  const std::string_view text = core::Trim(raw);
  if (text.empty() || core::EqualsIgnoreCase(text, "unknown")) return out;

  constexpr std::string_view kJuniper = "Juniper Networks, Inc.";
  if (text.starts_with(kJuniper)) {
    // "Juniper Networks, Inc. ex4500-40f , version 11.1S1 Build date: ..."
    out.vendor = std::string(kJuniper);
    out.os = "Junos";
    std::string_view rest = text.substr(kJuniper.size());
    out.product = Trimmed(rest.substr(0, rest.find(',')));
    out.version = TokenAfter(text, "version");
    return out;
  }
  if (text.starts_with("Arista Networks")) {
    // "Arista Networks EOS version 4.28.3M running on an Arista Networks DCS-7050SX3-48YC8"
    out.vendor = "Arista Networks";
    out.os = "EOS";
    out.version = TokenAfter(text, "version");
    constexpr std::string_view kOn = "running on an Arista Networks ";
    if (std::size_t on = text.find(kOn); on != std::string_view::npos) {
      out.product = Trimmed(text.substr(on + kOn.size()));
    }
    return out;
  }
  if (text.starts_with("Cisco") || Contains(text, "Cisco IOS")) {
    out.vendor = "Cisco";
    if (Contains(text, "NX-OS")) {
      out.os = "NX-OS";
      out.version = TokenAfter(text, "Software");
      if (out.version.empty() || !std::isdigit(static_cast<unsigned char>(out.version[0]))) {
        out.version = TokenAfter(text, "Version");
      }
    } else {
      out.os = (Contains(text, "IOS-XE") || Contains(text, "IOSXE") || Contains(text, "IOS XE"))
                   ? "IOS XE"
                   : "IOS";
      out.version = TokenAfter(text, "Version");
    }
    return out;
  }
  for (std::string_view vendor : {"HP", "Aruba", "HPE", "ProCurve"}) {
    if (text.starts_with(std::string(vendor) + " ") && Contains(text, ", revision")) {
      // "HP J9772A 2530-48G-PoEP Switch, revision YA.16.02.0012, ROM YA.15.20 (...)"
      out.vendor = std::string(vendor);
      std::string_view rest = text.substr(vendor.size() + 1);
      out.product = Trimmed(rest.substr(0, rest.find(", revision")));
      out.version = TokenAfter(text, "revision");
      return out;
    }
  }
  // lldpd on Linux: "<distribution> Linux <kernel> #1 SMP ..."
  if (std::size_t linux_at = text.find(" Linux "); linux_at != std::string_view::npos) {
    out.os = Trimmed(text.substr(0, linux_at));
    if (out.os.empty()) out.os = "Linux";
    out.version = TokenAfter(text.substr(linux_at), "Linux");
    return out;
  }
  out.version = TokenAfter(text, "version");
  if (out.version.empty()) out.version = TokenAfter(text, "revision");
  return out;
}

}  // namespace samdrift::importers
