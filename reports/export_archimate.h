// The estate as an ArchiMate 3.1 Model Exchange File that Archi opens (File > Import > Open
// Exchange XML Model) and the archimate-xml importer reads back: every asset an element, every
// relation and location a relationship, every field a property, one folder per municipality
// inside Archi's layer folders. With a scenario, the target is a Plateau, gaps are Gaps and waves
// are Work Packages. The XML is written by hand with escaping; no third-party types here.
#ifndef SAMDRIFT_REPORTS_EXPORT_ARCHIMATE_H_
#define SAMDRIFT_REPORTS_EXPORT_ARCHIMATE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "core/model.h"

namespace samdrift::reports {

// An asset of the estate, by identity.
struct AssetRef {
  std::string org;
  core::AssetKind kind = core::AssetKind::kDevice;
  std::string key;  // Asset::Key()
};

// A planned element that is not (yet) an asset, e.g. the standard technology of a capability.
struct PlannedElement {
  std::string name;
  std::string type;  // ArchiMate element type, e.g. "SystemSoftware"; others become "Grouping"
  std::string documentation;
  std::vector<core::Attribute> properties;
};

// The scenario part, filled by the caller from the target and wave planners (plain values so
// that this file does not depend on them).
struct ArchimateScenario {
  std::string name;
  std::string documentation;
  // The target Plateau: the assets that stay and the planned elements that come.
  std::vector<AssetRef> target_assets;
  std::vector<PlannedElement> target_elements;
  struct Gap {
    std::string name;
    std::string documentation;
    std::vector<AssetRef> affected;
    std::vector<core::Attribute> properties;  // e.g. from, to, action
  };
  std::vector<Gap> gaps;
  struct WorkPackage {
    std::string name;  // e.g. "Våg 1"
    std::string documentation;
    std::vector<AssetRef> items;  // the assets the wave moves or changes
    std::vector<core::Attribute> properties;
  };
  std::vector<WorkPackage> work_packages;  // in order; each triggers the next
};

struct ArchimateExportOptions {
  std::string model_name = "samdrift";
  std::string documentation;
  const ArchimateScenario* scenario = nullptr;  // optional; must outlive the call
};

struct ArchimateExport {
  std::string xml;
  std::size_t elements = 0;
  std::size_t relationships = 0;
  // Scenario references to assets that are not in the estate (left out of the model) and
  // relations whose ends are not in it, as "org/kind/key" texts.
  std::vector<std::string> unresolved;
};

// Writes `estate` (every asset and relation in it; filter before calling). Deterministic:
// the same estate gives the same bytes. Identifiers are the assets' archimate_id attributes
// where present and unique, else derived from (org, kind, key), so they stay stable across runs.
ArchimateExport WriteArchimate(const core::Estate& estate, const ArchimateExportOptions& options);

// The ArchiMate element type an asset is written as: its archimate_type attribute when that
// type maps back to the asset's kind, else the default for the kind (site Location, hall
// Facility, rack Equipment, device Device, cluster and vm Node, client Device, software
// SystemSoftware, network CommunicationNetwork, service ApplicationComponent).
std::string ArchimateTypeOf(const core::Asset& asset);

}  // namespace samdrift::reports

#endif  // SAMDRIFT_REPORTS_EXPORT_ARCHIMATE_H_
