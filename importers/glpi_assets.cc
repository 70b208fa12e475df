#include "importers/glpi_assets.h"

#include <algorithm>

#include "core/text.h"

namespace samdrift::importers::glpi {

std::optional<ItemType> ParseItemType(std::string_view text) {
  static constexpr ItemType kTypes[] = {ItemType::kComputer, ItemType::kPhone,
                                        ItemType::kNetworkEquipment, ItemType::kPrinter,
                                        ItemType::kUnmanaged};
  for (std::size_t i = 0; i < std::size(kItemTypes); ++i) {
    if (core::EqualsIgnoreCase(text, kItemTypes[i])) return kTypes[i];
  }
  return std::nullopt;
}

void AssetWriter::Add(core::Asset asset, Where where, core::WriteMode mode) {
  asset.org = context_.options.org;
  asset.mode = mode;
  asset.provenance.importer = std::string(context_.importer);
  asset.provenance.source = context_.source;
  asset.provenance.line = At(where).line;
  batch_.assets.push_back(std::move(asset));
}

const std::string& AssetWriter::NameMachine(core::Asset& asset, Where where) {
  asset.org = context_.options.org;
  asset.provenance.source = context_.source;
  MachineNames& names =
      context_.options.machine_names ? *context_.options.machine_names : own_names_;
  names.Name(asset, At(where), "GLPI019", diagnostics_);
  return asset.name;
}

void AssetWriter::Relate(const core::Asset& source, core::RelationKind kind, std::string target,
                         std::optional<core::AssetKind> target_kind, Where where,
                         std::string source_port, std::string target_port) {
  core::Relation r;
  r.org = context_.options.org;
  r.source = source.name;
  r.source_kind = source.kind;
  r.kind = kind;
  r.target = std::move(target);
  r.target_kind = target_kind;
  r.source_port = std::move(source_port);
  r.target_port = std::move(target_port);
  r.provenance.importer = std::string(context_.importer);
  r.provenance.source = context_.source;
  r.provenance.line = At(where).line;
  batch_.relations.push_back(std::move(r));
}

std::string AssetWriter::Mac(const Value& value) {
  if (value.empty()) return "";
  std::string mac = NormaliseMac(value.text);
  if (mac.empty()) {
    Warning(value.where, "GLPI010",
            "MAC address '" + value.text + "' is not six hexadecimal octets; ignored");
  }
  return mac;
}

std::string AssetWriter::Ip(const Value& value) {
  if (value.empty()) return "";
  std::string ip = NormaliseIp(value.text);
  if (ip.empty()) {
    Warning(value.where, "GLPI011", "IP address '" + value.text + "' is not valid; ignored");
  }
  return ip;
}

std::string AssetWriter::Date(const Value& value, DateOrder order, std::string_view what) {
  if (value.empty()) return "";
  std::string date = NormaliseDate(value.text, order);
  if (date.empty()) {
    Warning(value.where, "GLPI012",
            std::string(what) + " '" + value.text + "' is not a date; ignored");
  }
  return date;
}

std::optional<long long> AssetWriter::Megabytes(const Value& value, std::string_view what) {
  if (value.empty()) return std::nullopt;
  auto mb = ParseMegabytes(value.text);
  if (!mb) {
    Warning(value.where, "GLPI013",
            std::string(what) + " '" + value.text + "' is not a size in MB; ignored");
  }
  return mb;
}

std::optional<long long> AssetWriter::Count(const Value& value, std::string_view what) {
  if (value.empty()) return std::nullopt;
  auto n = core::ParseInteger(value.text);
  if (!n || *n < 0) {
    Warning(value.where, "GLPI013",
            std::string(what) + " '" + value.text + "' is not a whole number; ignored");
    return std::nullopt;
  }
  return n;
}

std::string Meaningful(const Value& value) {
  std::string_view text = core::Trim(value.text);
  if (text.empty()) return "";
  static constexpr std::string_view kPlaceholders[] = {"to be filled by o.e.m.",
                                                       "to be filled by oem",
                                                       "system serial number",
                                                       "system manufacturer",
                                                       "system product name",
                                                       "system version",
                                                       "default string",
                                                       "not specified",
                                                       "not applicable",
                                                       "none",
                                                       "n/a",
                                                       "na",
                                                       "unknown",
                                                       "invalid",
                                                       "chassis serial number",
                                                       "base board serial number",
                                                       "serial number",
                                                       "oem",
                                                       "o.e.m.",
                                                       "123456789",
                                                       "xxxxxxxxxx"};
  std::string lower = core::ToLowerAscii(text);
  for (std::string_view p : kPlaceholders) {
    if (lower == p) return "";
  }
  // "0000000000", "----": one character repeated says nothing.
  if (text.size() > 1 && std::all_of(text.begin(), text.end(), [&](char c) {
        return c == text[0] && (c == '0' || c == '-' || c == '.' || c == ' ' || c == 'x');
      })) {
    return "";
  }
  if (text == "0") return "";
  return std::string(text);
}

void AppendUnique(std::vector<std::string>& list, std::string value) {
  if (value.empty()) return;
  if (std::find(list.begin(), list.end(), value) != list.end()) return;
  list.push_back(std::move(value));
}

std::string JoinComma(const std::vector<std::string>& list) { return core::Join(list, ","); }

}  // namespace samdrift::importers::glpi
