// Small in-memory estates and an inline catalog for the overlap/target/lifecycle tests.
#ifndef SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_
#define SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

#include "core/catalog.h"
#include "core/store.h"
#include "planners/pipeline.h"
#include "planners/scenario.h"

namespace samdrift::testing {

// Each diagnostic as the user reads it ("FILE:LINE:COL: error[CODE]: message").
inline std::vector<std::string> Lines(const core::Diagnostics& d) {
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(core::FormatDiagnostic(item));
  return lines;
}

// Two hypervisor products (acme-hv with lines 1 past, 2 supported, 3 without dates; beta-hv),
// a server OS product with three lines, switch hardware with a model pattern, a printer.
inline const char* kTestCatalog = R"(vendors:
  - {id: acme, name: Acme, aliases: [Acme Corp]}
  - {id: beta, name: Beta}
products:
  - id: acme-hv
    vendor: acme
    name: Hyper
    capability: hypervisor
    category: platform
    aliases: [Acme Hyper]
    versions:
      - {line: "1", end_of_support: 2020-01-01, successor: acme-hv-2}
      - {line: "2", end_of_support: 2030-01-01}
      - {line: "3"}
  - id: beta-hv
    vendor: beta
    name: Visor
    capability: hypervisor
    category: platform
    versions:
      - {line: "1", end_of_support: 2026-06-30}
  - id: acme-os
    vendor: acme
    name: Server OS
    capability: server-os
    category: platform
    patterns: ['\bserver os\b']
    versions:
      - {line: "2016", end_of_support: 2027-01-12}
      - {line: "2019", end_of_support: 2029-01-09}
      - {line: "2022", end_of_support: 2031-10-14}
  - id: beta-os
    vendor: beta
    name: Linux
    capability: server-os
    category: platform
    versions: ["8", "9"]
  - id: acme-sw
    vendor: acme
    name: Switch
    capability: access-switch
    category: network
    hardware: true
    patterns: ['\bsw ?\d{3}']
    model_pattern: '\b(sw ?\d{3})\b'
  - id: beta-sw
    vendor: beta
    name: Switch
    capability: access-switch
    category: network
    hardware: true
    patterns: ['\bbsw\b']
)";

inline core::Catalog TestCatalog() {
  core::Catalog catalog;
  core::Diagnostics d;
  core::Status s = catalog.AddYaml(kTestCatalog, "test-catalog.yaml", d);
  for (const auto& item : d.items()) FAIL_CHECK(core::FormatDiagnostic(item));
  REQUIRE(s.ok());
  return catalog;
}

// The bundled catalog (core/catalog), loaded once: for tests about real product names.
inline const core::Catalog& BundledCatalog() {
  static const core::Catalog catalog = [] {
    core::Diagnostics d;
    auto c = core::LoadCatalog({}, d);
    for (const auto& item : d.items()) FAIL_CHECK(core::FormatDiagnostic(item));
    REQUIRE(c.ok());
    return std::move(c).value();
  }();
  return catalog;
}

inline core::Asset MakeAsset(const std::string& org, core::AssetKind kind, const std::string& name,
                             const std::string& vendor = "", const std::string& product = "",
                             const std::string& version = "") {
  core::Asset a;
  a.org = org;
  a.kind = kind;
  a.category = core::DefaultCategory(kind, "");
  a.name = name;
  a.vendor = vendor;
  a.product = product;
  a.version = version;
  return a;
}

inline core::Relation MakeRelation(const std::string& org, const std::string& source,
                                   core::RelationKind kind, const std::string& target) {
  core::Relation r;
  r.org = org;
  r.source = source;
  r.kind = kind;
  r.target = target;
  return r;
}

// A scenario parsed from YAML text (as "s.yaml"); any diagnostic fails the test.
inline planners::Scenario ParsedScenario(const std::string& yaml) {
  core::Diagnostics d;
  auto s = planners::ParseScenario(yaml, "s.yaml", d);
  for (const auto& item : d.items()) FAIL_CHECK(core::FormatDiagnostic(item));
  REQUIRE(s.has_value());
  return *s;
}

// Org a: host a-h1 in hall S/H on Acme Hyper 2 with 16 cores; org b: host b-h1 in hall T/K on
// Beta Visor 1, cores unknown. 500 W each, one 42 U rack R1 each, halls of 4 positions.
inline core::Estate TwoHosts() {
  core::Estate e;
  auto host = [&](const std::string& org, const std::string& name, const std::string& site,
                  const std::string& hall, const std::string& platform) {
    core::Asset a = MakeAsset(org, core::AssetKind::kDevice, name);
    a.role = "server";
    a.category = core::Category::kDatacenter;
    a.site = site;
    a.hall = hall;
    a.rack = "R1";
    a.position = 1;
    a.u_height = 1;
    a.power_w = 500;
    a.SetAttr("platform", platform);
    e.assets.push_back(std::move(a));
    core::Asset h = MakeAsset(org, core::AssetKind::kHall, hall);
    h.site = site;
    h.SetAttr("positions", "4");
    e.assets.push_back(std::move(h));
    core::Asset r = MakeAsset(org, core::AssetKind::kRack, "R1");
    r.site = site;
    r.hall = hall;
    r.SetAttr("u_height", "42");
    e.assets.push_back(std::move(r));
  };
  host("a", "a-h1", "S", "H", "Acme Hyper 2.1");
  e.assets[0].SetAttr("cpu_cores", "16");
  host("b", "b-h1", "T", "K", "Beta Visor 1.0");
  return e;
}

// A planning base over `estate` with the test catalog, no device types, the graph built.
inline std::shared_ptr<const planners::PlanningBase> TestBase(core::Estate estate) {
  return planners::MakePlanningBase(std::move(estate), TestCatalog(), {},
                                    planners::GraphNeed::kBuild, planners::Relations::kKeep);
}

// Every step of the pipeline (target, halls, waves, risk) for `scenario` over `base`; a failed
// run fails the test with its diagnostics, which also go to `d`.
inline planners::PipelineResult PlanEverything(std::shared_ptr<const planners::PlanningBase> base,
                                               const planners::Scenario& scenario,
                                               core::Diagnostics& d) {
  planners::PipelineRequest request;
  request.scenario = &scenario;
  request.steps = planners::Step::kRisk;
  auto run = planners::RunPipeline(std::move(base), request, d);
  if (!run.ok()) {
    for (const auto& item : d.items()) FAIL_CHECK(core::FormatDiagnostic(item));
  }
  REQUIRE(run.ok());
  return std::move(run).value();
}

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_
