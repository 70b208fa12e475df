// Internal to the GLPI importers: the pieces AddInventory is built from. AssetWriter fills
// org, provenance and write mode of what it adds and reports checked values; AddComputer and
// AddNetworkDevice turn one section of an inventory into assets and relations.
#ifndef SAMDRIFT_IMPORTERS_GLPI_ASSETS_H_
#define SAMDRIFT_IMPORTERS_GLPI_ASSETS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/model.h"
#include "importers/glpi_model.h"
#include "importers/glpi_values.h"
#include "importers/machine_names.h"

namespace samdrift::importers::glpi {

enum class ItemType : std::uint8_t { kComputer, kPhone, kNetworkEquipment, kPrinter, kUnmanaged };
std::optional<ItemType> ParseItemType(std::string_view text);  // case-insensitive

class AssetWriter {
 public:
  AssetWriter(const Context& context, core::Batch& batch, core::Diagnostics& diagnostics)
      : context_(context), batch_(batch), diagnostics_(diagnostics) {}

  core::SourceLocation At(Where where) const { return context_.locator.Locate(where); }
  void Error(Where where, std::string_view code, std::string message) {
    diagnostics_.Error(At(where), code, std::move(message));
  }
  void Warning(Where where, std::string_view code, std::string message) {
    diagnostics_.Warning(At(where), code, std::move(message));
  }

  // Names the machine `asset` (of the --org, found at `where`) so that it is no other machine's
  // name (MachineNames), with warning GLPI019 when it is not its own; returns the name.
  const std::string& NameMachine(core::Asset& asset, Where where);
  // Adds an asset of the --org with provenance at `where`.
  void Add(core::Asset asset, Where where, core::WriteMode mode);
  void Relate(const core::Asset& source, core::RelationKind kind, std::string target,
              std::optional<core::AssetKind> target_kind, Where where, std::string source_port = {},
              std::string target_port = {});

  // Checked values: the normal form, or "" (with a warning naming `what`) when the text is set
  // but invalid. Empty input gives "" without a warning.
  std::string Mac(const Value& value);
  std::string Ip(const Value& value);
  std::string Date(const Value& value, DateOrder order, std::string_view what);
  std::optional<long long> Megabytes(const Value& value, std::string_view what);
  std::optional<long long> Count(const Value& value, std::string_view what);

 private:
  const Context& context_;
  core::Batch& batch_;
  core::Diagnostics& diagnostics_;
  MachineNames own_names_;  // when the import gives none
};

// Placeholder strings firmware writes where it knows nothing ("To be filled by O.E.M.",
// "System Serial Number", "0000000000") count as empty.
std::string Meaningful(const Value& value);

// A computer, phone or server inventory (itemtype Computer or Phone).
void AddComputer(const Inventory& inventory, ItemType itemtype, AssetWriter& writer);
// One device of a network inventory or discovery. `itemtype` is the document's when it speaks
// for this device; otherwise the device's TYPE decides.
void AddNetworkDevice(const Inventory& inventory, const NetworkDevice& device,
                      std::optional<ItemType> itemtype, AssetWriter& writer);

// Comma-separated, in first-seen order, without repeats.
void AppendUnique(std::vector<std::string>& list, std::string value);
std::string JoinComma(const std::vector<std::string>& list);

}  // namespace samdrift::importers::glpi

#endif  // SAMDRIFT_IMPORTERS_GLPI_ASSETS_H_
