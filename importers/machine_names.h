// One machine is one asset: which machine holds a name (within its org and kind) across the files
// of one import and what the store already holds. Records with the same name but different strong
// identities (serial, UUID, FQDN; MAC for network gear) are different machines and are stored
// under different names; records of one machine (the same serial or UUID) keep one name. The
// importers of machines ask for the name to store a machine under; the batch first tells it the
// machines the store holds. Used by one thread at a time.
#ifndef SAMDRIFT_IMPORTERS_MACHINE_NAMES_H_
#define SAMDRIFT_IMPORTERS_MACHINE_NAMES_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "core/diagnostics.h"
#include "core/model.h"

namespace samdrift::importers {

// What tells two machines of one name apart.
struct MachineIdentity {
  std::string serial;
  std::string uuid;  // lower case
  std::string fqdn;  // lower case
  std::string mac;   // network gear only (a computer's MACs change with its adapters)

  // From the asset's serial and its uuid, fqdn and (network gear) mac attributes.
  static MachineIdentity Of(const core::Asset& asset);
  bool empty() const { return serial.empty() && uuid.empty() && fqdn.empty() && mac.empty(); }
  // One machine: a serial or UUID in common, or nothing set in both that differs.
  bool SameMachine(const MachineIdentity& other) const;
};

// The name a machine is to be stored under.
struct NameClaim {
  std::string name;
  // Empty when the machine keeps its own name; else the warning's text (without location and
  // code): which machine holds the name, what differs and the name this one gets.
  std::string warning;
};

class MachineNames {
 public:
  // A machine (device, VM or client) that holds its name unless another holds it already: what
  // the store holds, and every machine of the import; `asset.provenance.source` names its file.
  void Hold(const core::Asset& asset);
  // The name under which `asset` (a machine named by its source) is to be stored: its own
  // name when no other machine holds it, else the first of its FQDN, "NAME (serial S)",
  // "NAME (UUID 8 hex digits)", "NAME (UUID full)", "NAME (MAC m)", "NAME (2)", ... that no
  // other machine holds. The name is held for it from now on.
  NameClaim Claim(const core::Asset& asset);
  // Claim() for an importer: renames `asset` and reports the warning at `where` under `code`.
  void Name(core::Asset& asset, const core::SourceLocation& where, std::string_view code,
            core::Diagnostics& diagnostics);

 private:
  struct Holder {
    MachineIdentity identity;
    std::string source;
  };
  // The holder of `name` when it is another machine than `identity`; else (free, or held by
  // this machine: its identity gains what `identity` adds) nullptr, and the name is held.
  const Holder* Take(const core::Asset& asset, const std::string& name,
                     const MachineIdentity& identity);
  std::unordered_map<std::string, Holder> held_;
};

}  // namespace samdrift::importers

#endif  // SAMDRIFT_IMPORTERS_MACHINE_NAMES_H_
