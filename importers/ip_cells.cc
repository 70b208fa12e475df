#include "importers/ip_cells.h"

#include "core/text.h"

namespace samdrift::importers {

std::string_view IpProblemCode(core::IpProblem problem) {
  switch (problem) {
    case core::IpProblem::kHostBits:
      return "NET001";
    case core::IpProblem::kLength:
      return "NET002";
    case core::IpProblem::kNoLength:
      return "NET009";
    case core::IpProblem::kSyntax:
    case core::IpProblem::kNone:
      break;
  }
  return "NET003";
}

std::optional<core::IpPrefix> PrefixCell(std::string_view cell, const core::SourceLocation& where,
                                         core::Diagnostics& diagnostics) {
  core::IpProblem problem = core::IpProblem::kNone;
  auto prefix = core::IpPrefix::Parse(cell, &problem);
  if (!prefix.ok()) {
    diagnostics.Error(where, IpProblemCode(problem), prefix.status().message());
    return std::nullopt;
  }
  return *prefix;
}

std::optional<core::InterfaceAddress> InterfaceAddressCell(std::string_view cell,
                                                           const core::SourceLocation& where,
                                                           core::Diagnostics& diagnostics) {
  core::IpProblem problem = core::IpProblem::kNone;
  auto address =
      core::InterfaceAddress::Parse(cell, core::InterfaceAddress::Length::kRequired, &problem);
  if (!address.ok()) {
    diagnostics.Error(where, IpProblemCode(problem), address.status().message());
    return std::nullopt;
  }
  return *address;
}

std::optional<int> VlanCell(std::string_view cell, std::string_view column,
                            const core::SourceLocation& where, core::Diagnostics& diagnostics) {
  auto id = core::ParseInteger(cell);
  if (!id || *id < 1 || *id > 4094) {
    diagnostics.Error(where, "NET004",
                      "column '" + std::string(column) + "': expected a VLAN id 1-4094, got '" +
                          std::string(core::Trim(cell)) + "'");
    return std::nullopt;
  }
  return static_cast<int>(*id);
}

}  // namespace samdrift::importers
