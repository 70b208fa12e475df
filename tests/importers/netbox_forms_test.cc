// NetBox's JSON and YAML import forms, and --org-from tenant.
#include <catch2/catch.hpp>

#include "importers/netbox_importer.h"
#include "importers/netbox_records.h"
#include "importers/tenant_org.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
using importers::NetboxImporter;
using importers::NetboxType;
using testing::Formatted;
using testing::RunImporter;

namespace {

std::string Attr(const core::Asset& a, const char* key) {
  const std::string* v = a.Attr(key);
  return v ? *v : "(none)";
}

}  // namespace

TEST_CASE("JSON: a list of objects with the CSV field names", "[importers][netbox][json]") {
  const std::string text = R"([
  {"name": "sw-1", "role": "Access Switch", "manufacturer": "HPE",
   "device_type": "Aruba 2530-8G", "site": "HQ", "rack": "R1", "position": 4,
   "tags": ["core", "stack"], "custom_fields": {"budget": 12, "owner": null}},
  {"name": "sw-2", "role": {"name": "Access Switch"}, "device_type": "Aruba 2530-8G",
   "site": "HQ", "cf_kontrakt": "K-9", "status": "active", "airflow": true}
])";
  auto r = RunImporter(NetboxImporter(NetboxType::kDevice), text, "devices.json");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);
  const core::Asset& a = r.batch.assets[0];
  CHECK(a.name == "sw-1");
  CHECK(a.role == "access-switch");
  CHECK(a.position == 4);
  CHECK(a.provenance.line == 2);
  CHECK(Attr(a, "tags") == "core,stack");
  CHECK(Attr(a, "cf_budget") == "12");
  CHECK(Attr(a, "cf_owner") == "(none)");
  const core::Asset& b = r.batch.assets[1];
  CHECK(b.role == "access-switch");
  CHECK(Attr(b, "cf_kontrakt") == "K-9");
  CHECK(Attr(b, "airflow") == "true");
  CHECK(b.provenance.line == 5);
  // The rack reference points at the value, line and column.
  REQUIRE_FALSE(r.batch.references.empty());
  CHECK(r.batch.references[0].where.line == 3);
  CHECK(r.batch.references[0].where.column == 58);
}

TEST_CASE("JSON: problems are located in the buffer", "[importers][netbox][json]") {
  struct Case {
    const char* text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"[\n  {\"name\": \"HQ\", \"status\": act}\n]",
       {"s.json:2:28: error[NBX020]: JSON: syntax error while parsing value - invalid literal; "
        "last read: '\"status\": a'"}},
      {"[\n  {\"name\": \"HQ\", \"status\": \"active\"}",
       {"s.json:2:37: error[NBX020]: JSON: syntax error while parsing array - unexpected "
        "end of input; expected ']'"}},
      {"[{\"name\": \"HQ\", \"stauts\": \"active\"},\n {\"name\": \"B\", \"stauts\": \"x\"}]",
       {"s.json:1:17: error[NBX003]: unknown field 'stauts'; did you mean 'status'?"}},
      {"[{\"name\": \"HQ\", \"status\": \"active\"}, 7]",
       {"s.json:1:38: error[NBX022]: expected a NetBox object ({...}), got a number"}},
      {"{\"name\": \"\", \"status\": \"active\"}",
       {"s.json:1:10: error[NBX001]: name: empty; every site needs one"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = RunImporter(NetboxImporter(NetboxType::kSite), c.text, "s.json");
    CHECK(r.lines() == c.expected);
  }
}

TEST_CASE("JSON nested a million levels deep is refused, not recursed", "[importers][netbox]") {
  std::string text(1000000, '[');
  text += std::string(1000000, ']');
  auto r = RunImporter(NetboxImporter(NetboxType::kSite), text, "deep.json");
  CHECK(r.lines() == std::vector<std::string>{"deep.json:1:33: error[NBX023]: JSON nested deeper "
                                              "than 32 levels; NetBox objects are flat"});
}

TEST_CASE("YAML: a list of mappings or one mapping per document", "[importers][netbox][yaml]") {
  const std::string list =
      "# exported\n"
      "- name: HQ\n"
      "  slug: hq\n"
      "  status: active\n"
      "  tags:\n"
      "  - a\n"
      "  - b\n"
      "- name: Branch\n"
      "  status: planned\n"
      "  custom_fields:\n"
      "    kostnadsstalle: 4711\n";
  auto r = RunImporter(NetboxImporter(NetboxType::kSite), list, "sites.yaml");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);
  CHECK(r.batch.assets[0].name == "HQ");
  CHECK(Attr(r.batch.assets[0], "tags") == "a,b");
  CHECK(r.batch.assets[0].provenance.line == 2);
  CHECK(Attr(r.batch.assets[1], "cf_kostnadsstalle") == "4711");
  CHECK(r.batch.assets[1].provenance.line == 8);

  const std::string documents =
      "---\nsite: HQ\nname: Hall A\nslug: a\n---\nsite: HQ\nname: Hall B\nslug: b\n";
  auto d = RunImporter(NetboxImporter(NetboxType::kLocation), documents, "locations.yaml");
  CHECK(d.lines().empty());
  REQUIRE(d.batch.assets.size() == 2);
  CHECK(d.batch.assets[1].Key() == "HQ/Hall B");
}

TEST_CASE("YAML: problems are located", "[importers][netbox][yaml]") {
  struct Case {
    const char* text;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"- name: HQ\n  status: [active\n",
       {"s.yaml:3:1: error[NBX021]: YAML: end of sequence flow not found"}},
      {"- name: HQ\n  stauts: active\n",
       {"s.yaml:2:3: error[NBX003]: unknown field 'stauts'; did you mean 'status'?"}},
      {"- name: HQ\n- just text\n",
       {"s.yaml:2:3: error[NBX022]: expected a NetBox object (a mapping), got a scalar"}},
      {"- name:\n  status: active\n",
       {"s.yaml:1:3: error[NBX001]: name: empty; every site needs one"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto r = RunImporter(NetboxImporter(NetboxType::kSite), c.text, "s.yaml");
    CHECK(r.lines() == c.expected);
  }
}

TEST_CASE("YAML nested too deep is an error, not a crash", "[importers][netbox][yaml]") {
  std::string text = "- name: x\n  tags: " + std::string(1000000, '[') + "\n";
  auto r = RunImporter(NetboxImporter(NetboxType::kSite), text, "deep.yaml");
  CHECK(r.lines() == std::vector<std::string>{"deep.yaml:2:73: error[NBX023]: YAML nested deeper "
                                              "than 64 levels; NetBox objects are flat"});
}

TEST_CASE("XML has no NetBox keys: the sniffers do not read it", "[importers][netbox]") {
  // Every NetBox importer sniffs every file of a folder; an XML file is none of NetBox's forms.
  CHECK(importers::NetboxKeys("<?xml version=\"1.0\"?>\n<REQUEST><QUERY>INVENTORY</QUERY>"
                              "</REQUEST>\n")
            .empty());
  CHECK(importers::NetboxKeys("\xEF\xBB\xBF  \n<nmaprun/>").empty());
  CHECK(importers::NetboxKeys("name,site\nsw-1,HQ\n") == std::vector<std::string>{"name", "site"});
}

TEST_CASE("tenant names fold to org ids", "[importers][netbox][tenant]") {
  struct Case {
    const char* tenant;
    const char* org;
  };
  const Case cases[] = {
      {"Gnosjö", "gnosjo"},         {"Värnamo", "varnamo"},
      {"Vaggeryd", "vaggeryd"},     {"Hylte kommun", "hylte-kommun"},
      {"  Gislaved  ", "gislaved"}, {"ÅÄÖ", "aao"},
      {"IT & Drift", "it-&-drift"},
  };
  for (const Case& c : cases) {
    INFO(c.tenant);
    CHECK(importers::FoldToOrgId(c.tenant) == c.org);
  }
}

TEST_CASE("--org-from tenant splits one export into orgs", "[importers][netbox][tenant]") {
  importers::ImportOptions options;
  options.org = "hylte";
  options.org_source = importers::OrgSource::kTenant;
  options.tenant_to_org = {{"Kommunledning Värnamo", "varnamo"}, {"IT-avdelningen", "Gnosjö"}};
  const std::string text =
      "name,status,tenant\n"
      "A,active,Gnosjö\n"
      "B,active,kommunledning värnamo\n"
      "C,active,\n"
      "D,active,IT & Drift\n"
      "E,active,IT-avdelningen\n";
  core::Batch batch;
  core::Diagnostics diagnostics;
  NetboxImporter(NetboxType::kSite).Import(text, "sites.csv", options, batch, diagnostics);
  CHECK(Formatted(diagnostics) ==
        std::vector<std::string>{
            "sites.csv:5:3: error[NBX005]: tenant: tenant 'IT & Drift' gives no org id "
            "('it-&-drift' is not lowercase ASCII); map it with --tenant-map",
            "sites.csv:6:3: error[NBX005]: tenant: tenant 'IT-avdelningen' maps to 'Gnosjö', "
            "which is not an org id (lowercase ASCII, e.g. 'gnosjo')"});
  REQUIRE(batch.assets.size() == 3);
  CHECK(batch.assets[0].org == "gnosjo");
  CHECK(batch.assets[1].org == "varnamo");
  CHECK(batch.assets[2].org == "hylte");  // no tenant: --org

  // A cable's references are looked up in the cable's org, and say which org.
  core::Batch cables;
  core::Diagnostics none;
  NetboxImporter(NetboxType::kCable)
      .Import(
          "side_a_device,side_a_type,side_a_name,side_b_device,side_b_type,side_b_name,"
          "tenant\nsw-1,interface,1,sw-2,interface,2,Gnosjö\n",
          "cables.csv", options, cables, none);
  REQUIRE(cables.references.size() == 2);
  CHECK(cables.references[0].org == "gnosjo");
  CHECK(cables.references[0].message ==
        "side_a_device: no device 'sw-1' of org 'gnosjo' in this import or the store");
  // Places may belong to another tenant: looked up in any org.
  core::Batch racks;
  NetboxImporter(NetboxType::kRack)
      .Import("site,location,name,status,tenant\nHQ,Hall,R1,active,Gnosjö\n", "racks.csv", options,
              racks, none);
  REQUIRE(racks.references.size() == 1);
  CHECK(racks.references[0].scope == core::ReferenceScope::kAnyOrg);
  CHECK(racks.references[0].message ==
        "location: no location 'Hall' at site 'HQ' in this import or the store");
}
