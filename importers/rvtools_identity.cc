#include "importers/rvtools_identity.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace samdrift::importers::rvtools {
namespace {

bool SameMachine(const Machine& a, const Machine& b) {
  auto differ = [](const std::string& x, const std::string& y) {
    return !x.empty() && !y.empty() && !core::EqualsIgnoreCase(x, y);
  };
  return core::EqualsIgnoreCase(a.full_name, b.full_name) && !differ(a.uuid, b.uuid) &&
         !differ(a.serial, b.serial);
}

// Names for the distinct machines of one name (indices in `machines`, first row of each).
std::vector<std::string> DistinctNames(const std::vector<Machine>& machines,
                                       const std::vector<std::size_t>& distinct) {
  auto all_differ = [&](auto value_of) {
    std::vector<std::string> seen;
    for (std::size_t i : distinct) {
      std::string v = core::ToLowerAscii(value_of(machines[i]));
      if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) return false;
      seen.push_back(std::move(v));
    }
    return true;
  };
  std::vector<std::string> out;
  if (all_differ([](const Machine& m) { return m.full_name; })) {
    for (std::size_t i : distinct) out.push_back(machines[i].full_name);
    return out;
  }
  std::vector<std::pair<std::string, std::string>> labels = machines[distinct[0]].places;
  labels.push_back({"serial", ""});
  labels.push_back({"uuid", ""});
  for (std::size_t p = 0; p < labels.size(); ++p) {
    auto value_of = [&](const Machine& m) -> std::string {
      if (p < m.places.size()) return m.places[p].second;
      return labels[p].first == "serial" ? m.serial : m.uuid;
    };
    if (!all_differ(value_of)) continue;
    for (std::size_t i : distinct) {
      out.push_back(machines[i].name + " (" + labels[p].first + " " + value_of(machines[i]) + ")");
    }
    return out;
  }
  // Told apart by a UUID or serial one row lacks: numbered in file order.
  for (std::size_t k = 0; k < distinct.size(); ++k) {
    out.push_back(machines[distinct[k]].name + " (" + std::to_string(k + 1) + ")");
  }
  return out;
}

}  // namespace

void NameMachines(const std::vector<Machine>& machines, MachineKind kind, core::Batch& batch,
                  core::Diagnostics& diagnostics) {
  std::map<std::string, std::vector<std::size_t>> by_name;  // name -> indices in machines
  std::vector<std::string> order;
  for (std::size_t i = 0; i < machines.size(); ++i) {
    auto& list = by_name[machines[i].name];
    if (list.empty()) order.push_back(machines[i].name);
    list.push_back(i);
  }
  for (const std::string& name : order) {
    // The distinct machines of this name: the first row of each, and which each row is.
    std::vector<std::size_t> distinct;
    std::vector<std::size_t> which;
    for (std::size_t i : by_name[name]) {
      std::size_t k = 0;
      while (k < distinct.size() && !SameMachine(machines[distinct[k]], machines[i])) ++k;
      if (k == distinct.size()) distinct.push_back(i);
      which.push_back(k);
    }
    if (distinct.size() < 2) continue;
    const std::vector<std::string> names = DistinctNames(machines, distinct);
    const std::vector<std::size_t>& rows = by_name[name];
    for (std::size_t j = 0; j < rows.size(); ++j) {
      const Machine& m = machines[rows[j]];
      batch.assets[m.asset].name = names[which[j]];
      for (std::size_t rel : m.relations) batch.relations[rel].source = names[which[j]];
    }
    std::vector<std::string> quoted;
    for (const std::string& n : names) quoted.push_back("'" + n + "'");
    const bool vms = kind == MachineKind::kVm;
    diagnostics.Warning(machines[distinct[1]].at, "RVT007",
                        std::to_string(distinct.size()) + (vms ? " VMs" : " hosts") + " named '" +
                            name + "' have different " +
                            (vms ? "VM UUIDs" : "host names, hardware UUIDs or serial numbers") +
                            "; they are kept apart as " + core::Join(quoted, ", "));
  }
}

}  // namespace samdrift::importers::rvtools
