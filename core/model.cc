#include "core/model.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace samdrift::core {
namespace {

constexpr std::array<std::string_view, 4> kCategoryNames = {"datacenter", "network", "platform",
                                                            "client"};
constexpr std::array<std::string_view, 10> kKindNames = {
    "site", "hall", "rack", "device", "cluster", "vm", "client", "software", "network", "service"};
constexpr std::array<std::string_view, 7> kRelationNames = {
    "located_in", "connected_to", "runs_on",   "member_of",
    "depends_on", "installed_on", "powered_by"};

template <typename Enum, std::size_t N>
std::optional<Enum> ParseName(const std::array<std::string_view, N>& names, std::string_view text) {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

std::string_view ToString(Category category) {
  return kCategoryNames[static_cast<std::size_t>(category)];
}
std::string_view ToString(AssetKind kind) { return kKindNames[static_cast<std::size_t>(kind)]; }
std::string_view ToString(RelationKind kind) {
  return kRelationNames[static_cast<std::size_t>(kind)];
}
std::optional<Category> ParseCategory(std::string_view text) {
  return ParseName<Category>(kCategoryNames, text);
}
std::optional<AssetKind> ParseAssetKind(std::string_view text) {
  return ParseName<AssetKind>(kKindNames, text);
}
std::optional<RelationKind> ParseRelationKind(std::string_view text) {
  return ParseName<RelationKind>(kRelationNames, text);
}

Category DefaultCategory(AssetKind kind, std::string_view role) {
  switch (kind) {
    case AssetKind::kSite:
    case AssetKind::kHall:
    case AssetKind::kRack:
      return Category::kDatacenter;
    case AssetKind::kCluster:
    case AssetKind::kVm:
    case AssetKind::kService:
    case AssetKind::kSoftware:
      return Category::kPlatform;
    case AssetKind::kClient:
      return Category::kClient;
    case AssetKind::kNetwork:
      return Category::kNetwork;
    case AssetKind::kDevice:
      break;
  }
  std::string lower(role);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "ap" || lower == "wap") return Category::kNetwork;
  // English and Swedish role words, matched as parts of the role ("kärnswitch", "core-router").
  static constexpr std::string_view kNetworkWords[] = {
      "switch",       "router",        "firewall",    "brandvägg", "brandvagg", "access-point",
      "access point", "accesspoint",   "accesspunkt", "wireless",  "wlan",      "trådlös",
      "gateway",      "load-balancer", "lastbalans",  "wan-",      "sd-wan"};
  for (std::string_view word : kNetworkWords) {
    if (Contains(lower, word)) return Category::kNetwork;
  }
  static constexpr std::string_view kClientWords[] = {
      "printer",     "skrivare",      "phone",       "telefon",    "laptop", "bärbar",
      "desktop",     "stationär",     "thin-client", "tunnklient", "tablet", "surfplatta",
      "workstation", "arbetsstation", "client",      "klient"};
  for (std::string_view word : kClientWords) {
    if (Contains(lower, word)) return Category::kClient;
  }
  return Category::kDatacenter;
}

std::string HallKey(std::string_view site, std::string_view hall) {
  std::string key(site);
  key += '/';
  key += hall;
  return key;
}

std::string_view ShortHostName(std::string_view key) {
  const std::size_t dot = key.find('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  if (key[0] >= '0' && key[0] <= '9') return {};
  if (key.find_first_of("/:") != std::string_view::npos) return {};
  return key.substr(0, dot);
}

std::string RackKey(std::string_view site, std::string_view hall, std::string_view rack) {
  std::string key = HallKey(site, hall);
  key += '/';
  key += rack;
  return key;
}

std::string Asset::Key() const {
  switch (kind) {
    case AssetKind::kHall:
      return HallKey(site, name);
    case AssetKind::kRack:
      return RackKey(site, hall, name);
    default:
      return name;
  }
}

const std::string* Asset::Attr(std::string_view key) const {
  for (const Attribute& a : attributes) {
    if (a.key == key) return &a.value.str();
  }
  return nullptr;
}

void Asset::SetAttr(std::string_view key, std::string value) {
  for (Attribute& a : attributes) {
    if (a.key == key) {
      a.value = value;
      return;
    }
  }
  attributes.push_back({Name(key), Name(value)});
}

void Batch::Hand(std::vector<Asset>& chunk) {
  if (chunk.empty()) return;
  handed_over += chunk.size();
  sink(chunk);
  chunk.clear();
}

bool Batch::CanHand(const Asset& a) {
  return a.kind != AssetKind::kRack && (a.rack.empty() || !a.hall.empty());
}

void Batch::Append(Batch&& other) {
  handed_over += other.handed_over;
  other.handed_over = 0;
  auto move_all = [](auto& into, auto& from) {
    if (into.empty()) {
      into = std::move(from);
    } else {
      into.insert(into.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    }
    from.clear();
  };
  move_all(assets, other.assets);
  move_all(relations, other.relations);
  move_all(device_types, other.device_types);
  move_all(references, other.references);
}

std::string DisplayName(const OrgNames& names, std::string_view org) {
  auto it = names.find(org);
  return it == names.end() ? std::string(org) : it->second;
}

}  // namespace samdrift::core
