// NetBox IPAM bulk-import CSV: prefixes, IP addresses, VLANs and VRFs with NetBox's own column
// names (the object type is told from the header row). Everything becomes kind=network assets:
//   prefix  "10.1.0.0/16" (+ " vrf X")            attributes prefix, vrf, vlan, vlan_group, status,
//                                                   description, is_pool, scope; role; site
//   VLAN    "VLAN 10" (+ " group G" or " site S")  attributes vlan, description (the VLAN's name),
//                                                   vlan_group, status, details; role; site
//   VRF     "VRF X"                                attributes vrf, rd, enforce_unique, description
//   address "10.1.2.3" (+ " vrf X")                attributes address ("10.1.2.3/24"), vrf, status,
//                                                   device, virtual_machine, interface, dns_name,
//                                                   is_primary, description; role
// A prefix or address declared twice in one file keeps its own asset (" (line N)" appended and
// attribute duplicate_of_line) so that the duplicate is reported by `net`, not merged away.
#ifndef SAMDRIFT_IMPORTERS_NETBOX_IPAM_H_
#define SAMDRIFT_IMPORTERS_NETBOX_IPAM_H_

#include "importers/importer.h"

namespace samdrift::importers {

class NetboxIpamImporter final : public Importer {
 public:
  std::string_view Name() const override { return "netbox-ipam-csv"; }
  std::string_view Reads() const override;
  std::string_view Produces() const override;
  int Sniff(std::string_view content) const override;
  void Import(std::string_view content, const std::string& source, const ImportOptions& options,
              core::Batch& batch, core::Diagnostics& diagnostics) const override;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_NETBOX_IPAM_H_
