// The wave items by index: their English sentences made from their facts when printed, their
// ids, and their dependencies in id order (or linked by id for a caller that names them so).
#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "planners/waves.h"

namespace samdrift::planners {
namespace {

std::string Format(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// What made the item, in English (a gap's or a caller's item: its own sentence).
std::string Origin(const WaveItem& item) {
  const ItemWhy& why = item.why;
  switch (why.kind) {
    case ItemWhy::Kind::kNetworkCore:
      return "built first: the joint network core in " + why.place.str() +
             " that the devices moving there connect to";
    case ItemWhy::Kind::kPlatform:
      return "built first: the standard platform (" + why.place.str() +
             ") that migrating workloads move to";
    case ItemWhy::Kind::kMove:
      return "moves " + (why.place.empty() ? std::string() : "from " + why.place.str() + " ") +
             "to " + item.hall_in.str() + ", rack " + why.rack.str() + " U" +
             std::to_string(why.u) + (why.new_rack ? " (a new rack)" : "");
    case ItemWhy::Kind::kCutOver:
      return "cut-over of the service once what it needs has moved";
    case ItemWhy::Kind::kGap:
    case ItemWhy::Kind::kOther:
      break;
  }
  return item.reason;
}

}  // namespace

std::string ToText(const WaveBlock& block) {
  switch (block.kind) {
    case WaveBlock::Kind::kPriority:
      return "items placed first (higher priority)";
    case WaveBlock::Kind::kItemLimit:
      return "the wave's item limit (" + std::to_string(static_cast<long long>(block.limit)) + ")";
    case WaveBlock::Kind::kKwLimit:
      return "the wave's kW limit (" + Format(block.limit) + ")";
    case WaveBlock::Kind::kHoursLimit:
      return "the wave's hours limit (" + Format(block.limit) + ")";
    case WaveBlock::Kind::kRedundancy:
      return "redundancy group '" + block.name.str() + "' (at most " + std::to_string(block.cap) +
             " of " + std::to_string(block.size) + " members per wave)";
    case WaveBlock::Kind::kHallRoom:
      return "room in hall '" + block.name.str() + "'";
  }
  return {};
}

std::string ToText(const WaveItem& item) {
  std::string out = Origin(item);
  const int outside = item.why.outside_filter;
  if (outside > 0) {
    if (!out.empty()) out += "; ";
    out += "waits for " + std::to_string(outside) + (outside == 1 ? " item" : " items") +
           " outside the plan's filter";
  }
  return out;
}

std::string ToText(const WavePlan& plan, const PlannedItem& item) {
  const WaveWhy& why = item.why;
  std::string out = ToText(item.item);
  if (!out.empty()) out += "; ";
  if (why.cycle_items > 0) {
    out += "moves with its dependency cycle (move group " + std::to_string(item.move_group) + ", " +
           std::to_string(why.cycle_items) + " items); ";
  }
  if (!why.after.empty()) {
    out += "after ";
    const char* separator = "";
    for (const ItemIndex i : why.after) {
      out += separator + plan.items[i].item.id;
      separator = ", ";
    }
    if (why.after_more > 0) out += " and " + std::to_string(why.after_more) + " more";
    out += "; ";
  }
  const std::string wave = std::to_string(item.wave);
  if (item.wave == why.ready_wave) {
    out += why.ready_wave == 1 ? "wave 1: nothing to wait for"
                               : "wave " + wave + ": the first after its dependencies";
  } else {
    out += "wave " + wave + ": ready in wave " + std::to_string(why.ready_wave) +
           " but held back by " + ToText(why.held_by);
  }
  if (why.foundational) out += "; built first, outside the wave's limits";
  if (why.past_eol) out += "; past end of support, so early";
  return out;
}

std::vector<std::string> IdsOf(const WavePlan& plan, std::span<const ItemIndex> indices) {
  std::vector<std::string> ids;
  ids.reserve(indices.size());
  for (const ItemIndex i : indices) ids.push_back(plan.items[i].item.id);
  return ids;
}

void SortDependencies(WaveProblem& problem) {
  const std::vector<WaveItem>& items = problem.items;
  const auto by_id = [&](ItemIndex a, ItemIndex b) {
    const bool a_out = a >= items.size(), b_out = b >= items.size();  // PlanWaves warns of these
    if (a_out || b_out) return a_out != b_out ? b_out : a < b;
    return items[a].id < items[b].id;
  };
  for (WaveItem& item : problem.items) {
    std::sort(item.depends_on.begin(), item.depends_on.end(), by_id);
    item.depends_on.erase(std::unique(item.depends_on.begin(), item.depends_on.end()),
                          item.depends_on.end());
    item.depends_on.shrink_to_fit();
  }
}

std::vector<std::string> LinkById(WaveProblem& problem,
                                  const std::vector<std::vector<std::string>>& ids) {
  std::unordered_map<std::string_view, ItemIndex> index;
  for (std::size_t i = 0; i < problem.items.size(); ++i) {
    index.emplace(problem.items[i].id, static_cast<ItemIndex>(i));
  }
  std::vector<std::string> warnings;
  for (std::size_t i = 0; i < problem.items.size() && i < ids.size(); ++i) {
    WaveItem& item = problem.items[i];
    for (const std::string& id : ids[i]) {
      auto it = index.find(id);
      if (it == index.end()) {
        warnings.push_back("item '" + item.id + "' depends on unknown item '" + id + "'; ignored");
      } else {
        item.depends_on.push_back(it->second);
      }
    }
  }
  SortDependencies(problem);
  return warnings;
}

}  // namespace samdrift::planners
