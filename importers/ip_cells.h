// Reading network values out of table cells, shared by every importer that meets them: prefixes,
// interface addresses and VLAN ids, each refused with a located diagnostic naming the reason.
// Codes: NET001 host bits set, NET002 length out of range, NET003 not an address or prefix,
// NET004 VLAN id out of range, NET009 no prefix length where one is required.
#ifndef SAMDRIFT_IMPORTERS_IP_CELLS_H_
#define SAMDRIFT_IMPORTERS_IP_CELLS_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostics.h"
#include "core/ip.h"

namespace samdrift::importers {

// A network prefix ("10.1.0.0/16"); nullopt after reporting when it is not one.
std::optional<core::IpPrefix> PrefixCell(std::string_view cell, const core::SourceLocation& where,
                                         core::Diagnostics& diagnostics);

// An address with the prefix length of its network ("10.1.2.3/24"), as NetBox requires.
std::optional<core::InterfaceAddress> InterfaceAddressCell(std::string_view cell,
                                                           const core::SourceLocation& where,
                                                           core::Diagnostics& diagnostics);

// A VLAN id 1-4094, as text without leading zeros ("10"); nullopt after reporting.
std::optional<int> VlanCell(std::string_view cell, std::string_view column,
                            const core::SourceLocation& where, core::Diagnostics& diagnostics);

// The diagnostic code for a refused address or prefix.
std::string_view IpProblemCode(core::IpProblem problem);

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_IP_CELLS_H_
