// What an LLDP neighbour says about itself in its system description (SysDescr), e.g.
// "Juniper Networks, Inc. ex4500-40f , version 11.1S1 Build date: ..." or "Cisco IOS Software
// [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, ...".
#ifndef SAMDRIFT_IMPORTERS_LLDP_SYSDESCR_H_
#define SAMDRIFT_IMPORTERS_LLDP_SYSDESCR_H_

#include <string>
#include <string_view>

namespace samdrift::importers {

struct SysDescr {
  std::string vendor;   // "Juniper Networks, Inc.", "Cisco", "Arista Networks", "HP"
  std::string product;  // hardware model where the text names it: "ex4500-40f", "DCS-7050SX3"
  std::string version;  // software version: "11.1S1", "17.9.4a"
  std::string os;       // "Junos", "IOS XE", "NX-OS", "EOS", "Debian GNU/Linux 12 (bookworm)"
};

// Recognises the formats of Juniper, Cisco IOS/IOS XE/NX-OS, Arista, HP/Aruba ProCurve and Linux
// hosts running lldpd; anything else yields at most a version after "version"/"revision".
SysDescr ParseSysDescr(std::string_view text);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_LLDP_SYSDESCR_H_
