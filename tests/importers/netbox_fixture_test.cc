// One fixture per defect (tests/data/netbox/), detected and parsed as `import` does, with the
// full diagnostic text asserted.
#include <catch2/catch.hpp>

#include "importers/batch_import.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;

namespace {

const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/netbox/";

struct Parsed {
  std::vector<std::string> lines;
  core::Batch batch;
  std::string format;
};

Parsed Parse(const std::string& name, importers::OrgSource org_source) {
  importers::ImportRequest request;
  request.options.org = "gnosjo";
  request.options.org_source = org_source;
  core::Diagnostics diagnostics;
  std::vector<importers::FileReport> reports;
  Parsed out;
  out.batch = importers::ParseBatch({kDir + name}, request, nullptr, diagnostics, reports, {});
  for (std::string line : testing::Formatted(diagnostics)) {
    if (line.rfind(kDir, 0) == 0) line = line.substr(kDir.size());
    out.lines.push_back(line);
  }
  if (!reports.empty()) out.format = reports[0].format;
  return out;
}

}  // namespace

TEST_CASE("each NetBox defect gives its located diagnostic", "[importers][netbox][fixtures]") {
  struct Case {
    const char* file;
    const char* format;
    std::vector<std::string> expected;
    importers::OrgSource org_source = importers::OrgSource::kOption;
  };
  const Case cases[] = {
      {"unknown-column.csv",
       "netbox-sites",
       {"unknown-column.csv:1:4: error[CSV003]: unknown column 'regoin'; did you mean "
        "'region'?"}},
      {"missing-required-column.csv",
       "netbox-devices",
       {"missing-required-column.csv:1: error[CSV011]: missing column 'site'"}},
      {"empty-site-name.csv",
       "netbox-sites",
       {"empty-site-name.csv:3:1: error[NBX001]: name: empty; every site needs one"}},
      {"fractional-rack-height.csv",
       "netbox-racks",
       {"fractional-rack-height.csv:2:5: error[NBX002]: u_height: expected a whole number, got "
        "'42,5'"}},
      {"rack-too-tall.csv",
       "netbox-racks",
       {"rack-too-tall.csv:2:5: error[NBX002]: u_height: must be 1 to 100, got '120'"}},
      {"duplicate-site.csv",
       "netbox-sites",
       {"duplicate-site.csv:4:1: error[NBX006]: duplicate site 'HQ': already on line 2"}},
      {"unknown-termination-type.csv",
       "netbox-cables",
       {"unknown-termination-type.csv:2:5: error[NBX004]: side_b_type: unknown termination "
        "type 'dcim.intreface'; did you mean 'dcim.interface'?"}},
      {"power-port-to-interface.csv",
       "netbox-cables",
       {"power-port-to-interface.csv:2:5: error[NBX007]: a cable cannot join a power port to an "
        "interface"}},
      {"cable-to-missing-device.csv",
       "netbox-cables",
       {"cable-to-missing-device.csv:2:1: error[NBX010]: side_a_device: no device "
        "'AUBRI01-SW-1' in this import or the store",
        "cable-to-missing-device.csv:2:5: error[NBX010]: side_b_device: no device "
        "'AUBRI01-SW-9' in this import or the store"}},
      {"vm-on-missing-cluster.csv",
       "netbox-virtual-machines",
       {"vm-on-missing-cluster.csv:2:3: error[NBX010]: cluster: no cluster 'kl-9' in this "
        "import or the store"}},
      {"unknown-phase.csv",
       "netbox-power-feeds",
       {"unknown-phase.csv:2:6: error[NBX004]: phase: expected 'single-phase' or "
        "'three-phase', got 'tre-fas'"}},
      {"ragged-row.csv",
       "netbox-sites",
       {"ragged-row.csv:3: error[CSV006]: record has 2 fields, the header has 3"}},
      {"position-without-rack.csv",
       "netbox-devices",
       {"position-without-rack.csv:2:6: error[NBX013]: position: a position needs a rack"}},
      {"unnamed-device-without-position.csv",
       "netbox-devices",
       {"unnamed-device-without-position.csv:2:1: error[NBX001]: name: empty; a device needs a "
        "name, or a rack and position to be named by"}},
      {"non-numeric-vcpus.csv",
       "netbox-virtual-machines",
       {"non-numeric-vcpus.csv:2:4: error[NBX002]: vcpus: expected a number, got 'two'"}},
      {"json-missing-comma.json",
       "netbox-sites",
       {"json-missing-comma.json:3:28: error[NBX020]: JSON: syntax error while parsing object - "
        "unexpected string literal; expected '}'"}},
      {"yaml-unknown-field.yaml",
       "netbox-sites",
       {"yaml-unknown-field.yaml:3:3: error[NBX003]: unknown field 'regoin'; did you mean "
        "'region'?"}},
      // Found by fuzz_netbox_records: yaml-cpp's LoadAll looped forever on the stray ','.
      {"yaml-stray-comma.yaml",
       "netbox-sites",
       {"yaml-stray-comma.yaml:3:1: error[NBX021]: YAML: unexpected ',' outside a flow "
        "collection ([...] or {...})"}},
      {"power-feed-without-figures.csv",
       "netbox-power-feeds",
       {"power-feed-without-figures.csv:2: warning[NBX011]: power feed 'A': NetBox's defaults "
        "used for voltage 120 V, amperage 15 A, max_utilization 80 %",
        "power-feed-without-figures.csv:2:1: error[NBX010]: site: no site 'HQ' in this import "
        "or the store",
        "power-feed-without-figures.csv:2:2: error[NBX010]: power_panel: no power panel 'PP-1' "
        "at site 'HQ' in this import or the store"}},
      {"cable-feed-without-panel.csv",
       "netbox-cables",
       {"cable-feed-without-panel.csv:2:6: error[NBX001]: side_b_power_panel: empty; a power "
        "feed is named by its site and panel"}},
      {"cable-to-itself.csv",
       "netbox-cables",
       {"cable-to-itself.csv:2: warning[NBX012]: cable from 'sw-1' to itself: not a connection "
        "between devices, skipped"}},
      {"unmappable-tenant.csv",
       "netbox-sites",
       {"unmappable-tenant.csv:2:4: error[NBX005]: tenant: tenant 'IT & Drift' gives no org id "
        "('it-&-drift' is not lowercase ASCII); map it with --tenant-map"},
       importers::OrgSource::kTenant},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    Parsed p = Parse(c.file, c.org_source);
    CHECK(p.format == c.format);
    CHECK(p.lines == c.expected);
  }
}
