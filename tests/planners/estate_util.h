// Small in-memory estates and an inline catalog for the overlap/target/lifecycle tests.
#ifndef SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_
#define SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_

#include <catch2/catch.hpp>
#include <string>

#include "core/catalog.h"
#include "core/store.h"
#include "planners/scenario.h"

namespace samdrift::testing {

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

}  // namespace samdrift::testing

#endif  // SAMDRIFT_TESTS_PLANNERS_ESTATE_UTIL_H_
