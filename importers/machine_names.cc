#include "importers/machine_names.h"

#include "core/text.h"

namespace samdrift::importers {
namespace {

std::string Lower(const std::string* text) {
  return text ? core::ToLowerAscii(core::Trim(*text)) : std::string();
}

std::string HeldKey(const core::Asset& asset, const std::string& name) {
  std::string key = asset.org;
  key += '\0';
  key += core::ToString(asset.kind);
  key += '\0';
  key += name;
  return key;
}

// The first field set in both that differs, as "(UUID mine)" and "(UUID theirs)".
struct Difference {
  std::string mine, theirs;
};
Difference Differing(const MachineIdentity& mine, const MachineIdentity& theirs) {
  const struct {
    const char* label;
    std::string MachineIdentity::*field;
  } kFields[] = {{"UUID", &MachineIdentity::uuid},
                 {"serial", &MachineIdentity::serial},
                 {"FQDN", &MachineIdentity::fqdn},
                 {"MAC", &MachineIdentity::mac}};
  for (const auto& f : kFields) {
    const std::string& a = mine.*f.field;
    const std::string& b = theirs.*f.field;
    if (!a.empty() && !b.empty() && a != b) {
      return {std::string(" (") + f.label + " " + a + ")",
              std::string(" (") + f.label + " " + b + ")"};
    }
  }
  return {};
}

}  // namespace

MachineIdentity MachineIdentity::Of(const core::Asset& asset) {
  MachineIdentity id;
  id.serial = core::Trim(asset.serial);
  id.uuid = Lower(asset.Attr("uuid"));
  id.fqdn = Lower(asset.Attr("fqdn"));
  if (asset.category == core::Category::kNetwork) id.mac = Lower(asset.Attr("mac"));
  return id;
}

bool MachineIdentity::SameMachine(const MachineIdentity& other) const {
  if (!uuid.empty() && uuid == other.uuid) return true;
  if (!serial.empty() && serial == other.serial) return true;
  return Differing(*this, other).mine.empty();
}

void MachineNames::Hold(const core::Asset& asset) {
  if (asset.kind != core::AssetKind::kDevice && asset.kind != core::AssetKind::kVm &&
      asset.kind != core::AssetKind::kClient) {
    return;
  }
  MachineIdentity identity = MachineIdentity::Of(asset);
  if (identity.empty()) return;  // the same as any machine
  held_.emplace(HeldKey(asset, asset.Key()), Holder{std::move(identity), asset.provenance.source});
}

const MachineNames::Holder* MachineNames::Take(const core::Asset& asset, const std::string& name,
                                               const MachineIdentity& identity) {
  auto [it, fresh] = held_.emplace(HeldKey(asset, name), Holder{identity, asset.provenance.source});
  if (fresh) return nullptr;
  MachineIdentity& held = it->second.identity;
  if (!held.SameMachine(identity)) return &it->second;
  for (auto field : {&MachineIdentity::serial, &MachineIdentity::uuid, &MachineIdentity::fqdn,
                     &MachineIdentity::mac}) {
    if ((held.*field).empty()) held.*field = identity.*field;
  }
  return nullptr;
}

NameClaim MachineNames::Claim(const core::Asset& asset) {
  const MachineIdentity identity = MachineIdentity::Of(asset);
  const std::string& own = asset.name;
  const Holder* holder = Take(asset, own, identity);
  if (!holder) return {own, ""};
  const Difference difference = Differing(identity, holder->identity);
  std::string warning = "'" + own + "'" + difference.mine + " is not the machine '" + own +
                        "' of " + holder->source + difference.theirs + "; it is recorded as '";

  std::vector<std::string> candidates;
  if (!identity.fqdn.empty() && identity.fqdn != core::ToLowerAscii(own)) {
    candidates.push_back(std::string(core::Trim(*asset.Attr("fqdn"))));
  }
  if (!identity.serial.empty()) candidates.push_back(own + " (serial " + identity.serial + ")");
  if (identity.uuid.size() > 8)
    candidates.push_back(own + " (UUID " + identity.uuid.substr(0, 8) + ")");
  if (!identity.uuid.empty()) candidates.push_back(own + " (UUID " + identity.uuid + ")");
  if (!identity.mac.empty()) candidates.push_back(own + " (MAC " + identity.mac + ")");
  for (const std::string& name : candidates) {
    if (!Take(asset, name, identity)) return {name, warning + name + "'"};
  }
  for (int n = 2;; ++n) {
    std::string name = own + " (" + std::to_string(n) + ")";
    if (!Take(asset, name, identity)) return {name, warning + name + "'"};
  }
}

void MachineNames::Name(core::Asset& asset, const core::SourceLocation& where,
                        std::string_view code, core::Diagnostics& diagnostics) {
  NameClaim claim = Claim(asset);
  if (!claim.warning.empty()) diagnostics.Warning(where, code, std::move(claim.warning));
  asset.name = std::move(claim.name);
}

}  // namespace samdrift::importers
