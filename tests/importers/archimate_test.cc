#include "importers/archimate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "importers/batch_import.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;

namespace {

const importers::ArchimateImporter kImporter;

std::string Model(const std::string& elements, const std::string& relationships = "",
                  const std::string& rest = "") {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"id-m\">\n"
      "  <name>test</name>\n"
      "  <elements>\n" +
      elements + "  </elements>\n";
  if (!relationships.empty()) out += "  <relationships>\n" + relationships + "  </relationships>\n";
  return out + rest + "</model>\n";
}

std::string El(const std::string& id, const std::string& type, const std::string& name,
               const std::string& inner = "") {
  return "    <element identifier=\"" + id + "\" xsi:type=\"" + type + "\">\n      <name>" + name +
         "</name>\n" + inner + "    </element>\n";
}

std::string Rel(const std::string& id, const std::string& type, const std::string& source,
                const std::string& target, const std::string& inner = "") {
  return "    <relationship identifier=\"" + id + "\" source=\"" + source + "\" target=\"" +
         target + "\" xsi:type=\"" + type + "\">\n" + inner + "    </relationship>\n";
}

// <properties> with one property per (definition id, value), and the matching definitions.
std::string Props(const std::vector<std::pair<std::string, std::string>>& props) {
  std::string out = "      <properties>\n";
  for (const auto& [def, value] : props) {
    out += "        <property propertyDefinitionRef=\"" + def + "\"><value>" + value +
           "</value></property>\n";
  }
  return out + "      </properties>\n";
}
std::string Definitions(const std::vector<std::pair<std::string, std::string>>& defs) {
  std::string out = "  <propertyDefinitions>\n";
  for (const auto& [id, name] : defs) {
    out += "    <propertyDefinition identifier=\"" + id + "\" type=\"string\"><name>" + name +
           "</name></propertyDefinition>\n";
  }
  return out + "  </propertyDefinitions>\n";
}

// "name (kind)" for every asset, in batch order.
std::vector<std::string> Assets(const core::Batch& batch) {
  std::vector<std::string> out;
  for (const core::Asset& a : batch.assets) {
    out.push_back(a.Key() + " (" + std::string(core::ToString(a.kind)) + ")");
  }
  return out;
}

// "source (kind) relation target (kind)" for every relation, in batch order.
std::vector<std::string> Relations(const core::Batch& batch) {
  std::vector<std::string> out;
  for (const core::Relation& r : batch.relations) {
    out.push_back(r.source + " (" + std::string(core::ToString(*r.source_kind)) + ") " +
                  std::string(core::ToString(r.kind)) + " " + r.target + " (" +
                  std::string(core::ToString(*r.target_kind)) + ")");
  }
  return out;
}

const core::Asset* Find(const core::Batch& batch, const std::string& name) {
  for (const core::Asset& a : batch.assets) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string Attr(const core::Asset& a, const std::string& key) {
  const std::string* v = a.Attr(key);
  return v ? *v : "<none>";
}

std::map<std::string, int> CountKinds(const core::Batch& batch) {
  std::map<std::string, int> out;
  for (const core::Asset& a : batch.assets) ++out[std::string(core::ToString(a.kind))];
  return out;
}

std::map<std::string, int> CountRelations(const core::Batch& batch) {
  std::map<std::string, int> out;
  for (const core::Relation& r : batch.relations) ++out[std::string(core::ToString(r.kind))];
  return out;
}

}  // namespace

TEST_CASE("element types become asset kinds or are left out", "[importers][archimate]") {
  struct Case {
    const char* type;
    const char* kind;  // "" when not imported
  };
  const Case cases[] = {
      {"Node", "device"},
      {"Device", "device"},
      {"Equipment", "device"},
      {"SystemSoftware", "software"},
      {"TechnologyService", "service"},
      {"ApplicationComponent", "service"},
      {"ApplicationService", "service"},
      {"CommunicationNetwork", "network"},
      {"Path", "network"},
      {"Location", "site"},
      {"Facility", "site"},
      {"BusinessActor", ""},
      {"BusinessProcess", ""},
      {"ApplicationInterface", ""},
      {"DataObject", ""},
      {"Artifact", ""},
      {"TechnologyInterface", ""},
      {"Grouping", ""},
      {"WorkPackage", ""},
      {"Plateau", ""},
      {"Principle", ""},
  };
  for (const Case& c : cases) {
    INFO(c.type);
    auto r = testing::RunImporter(kImporter, Model(El("id-1", c.type, "X")), "m.xml", "hylte");
    CHECK(r.lines().empty());
    if (*c.kind) {
      REQUIRE(r.batch.assets.size() == 1);
      const core::Asset& a = r.batch.assets[0];
      CHECK(core::ToString(a.kind) == c.kind);
      CHECK(a.org == "hylte");
      CHECK(a.mode == core::WriteMode::kPatch);
      CHECK(Attr(a, "archimate_id") == "id-1");
      CHECK(Attr(a, "archimate_type") == c.type);
      CHECK(a.provenance.importer == "archimate-xml");
      CHECK(a.provenance.line == 5);
    } else {
      CHECK(r.batch.assets.empty());
    }
  }
}

TEST_CASE("relationships become relations by the documented table", "[importers][archimate]") {
  // Elements: two Nodes (the second is a VM when assigned to the first), a Device, system software,
  // a technology service, two application components, an application service, a network, a location
  // and a data object.
  const std::string elements =
      El("n1", "Node", "host") + El("n2", "Node", "app01") + El("d1", "Device", "switch") +
      El("s1", "SystemSoftware", "hyperv") + El("t1", "TechnologyService", "backup") +
      El("a1", "ApplicationComponent", "eko") + El("a2", "ApplicationComponent", "lon") +
      El("v1", "ApplicationService", "eko-svc") + El("c1", "CommunicationNetwork", "lan") +
      El("l1", "Location", "town hall") + El("l2", "Location", "campus") +
      El("o1", "DataObject", "ledger");
  const std::string power =
      "      <properties><property propertyDefinitionRef=\"p-rel\"><value>powered_by</value>"
      "</property></properties>\n";
  struct Case {
    const char* name;
    std::string relationship;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"Serving: the target depends on the source",
       Rel("r", "Serving", "n2", "a1"),
       {"eko (service) depends_on app01 (device)"}},
      {"Realization of a service by a component",
       Rel("r", "Realization", "a1", "v1"),
       {"eko-svc (service) depends_on eko (service)"}},
      {"Realization of a technology service by a node",
       Rel("r", "Realization", "d1", "t1"),
       {"backup (service) depends_on switch (device)"}},
      {"Flow: the receiver depends on the sender",
       Rel("r", "Flow", "a1", "a2"),
       {"lon (service) depends_on eko (service)"}},
      {"Assignment of system software to a node",
       Rel("r", "Assignment", "d1", "s1"),
       {"hyperv (software) installed_on switch (device)"}},
      {"Assignment of a node to a node: the second runs on the first",
       Rel("r", "Assignment", "n1", "n2"),
       {"app01 (vm) runs_on host (device)"}},
      {"Assignment of a component to system software",
       Rel("r", "Assignment", "s1", "a1"),
       {"eko (service) runs_on hyperv (software)"}},
      {"Composition: the part is a member of the whole",
       Rel("r", "Composition", "a1", "a2"),
       {"lon (service) member_of eko (service)"}},
      {"Aggregation of a device in a network",
       Rel("r", "Aggregation", "c1", "d1"),
       {"switch (device) member_of lan (network)"}},
      {"Association of a node with a network, either direction",
       Rel("r1", "Association", "d1", "c1") + Rel("r2", "Association", "c1", "n1"),
       {"switch (device) member_of lan (network)", "host (device) member_of lan (network)"}},
      {"Association between other elements is ignored", Rel("r", "Association", "a1", "n1"), {}},
      {"Aggregation by a location is a location, not a relation",
       Rel("r", "Aggregation", "l1", "d1"),
       {}},
      {"a location inside a location",
       Rel("r", "Composition", "l1", "l2"),
       {"campus (site) located_in town hall (site)"}},
      {"Triggering, Access, Influence and Specialization are ignored",
       Rel("r1", "Triggering", "a1", "a2") + Rel("r2", "Access", "a1", "o1") +
           Rel("r3", "Influence", "a1", "a2") + Rel("r4", "Specialization", "a1", "a2"),
       {}},
      {"an explicit samdrift_relation names the kind",
       Rel("r", "Serving", "d1", "n1", power),
       {"host (device) powered_by switch (device)"}},
      {"the same fact twice is one relation",
       Rel("r1", "Serving", "n2", "a1") + Rel("r2", "Realization", "n2", "a1"),
       {"eko (service) depends_on app01 (device)"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto r = testing::RunImporter(
        kImporter, Model(elements, c.relationship, Definitions({{"p-rel", "samdrift_relation"}})),
        "m.xml", "hylte");
    CHECK(r.diagnostics.error_count() == 0);
    CHECK(Relations(r.batch) == c.expected);
  }
}

TEST_CASE("a location in a location is the site of what it holds", "[importers][archimate]") {
  auto r = testing::RunImporter(
      kImporter,
      Model(El("l1", "Location", "Hylte kommunhus") + El("f1", "Facility", "Serverrum 1") +
                El("f2", "Facility", "Stadshuset") + El("f3", "Facility", "Serverhall 2") +
                El("n1", "Node", "HYL-HV01") + El("n2", "Node", "HYL-APP-EKO") +
                El("d1", "Device", "VMO-FW01") + El("e1", "Equipment", "UPS"),
            Rel("r1", "Composition", "l1", "f1") + Rel("r2", "Aggregation", "f1", "n1") +
                Rel("r3", "Aggregation", "l1", "n2") + Rel("r4", "Composition", "f2", "f3") +
                Rel("r5", "Aggregation", "f3", "d1") + Rel("r6", "Aggregation", "f2", "e1")),
      "m.xml", "hylte");
  CHECK(r.lines().empty());
  CHECK(Assets(r.batch) ==
        std::vector<std::string>{"Hylte kommunhus (site)", "Hylte kommunhus/Serverrum 1 (hall)",
                                 "Stadshuset (site)", "Stadshuset/Serverhall 2 (hall)",
                                 "HYL-HV01 (device)", "HYL-APP-EKO (device)", "VMO-FW01 (device)",
                                 "UPS (device)"});
  const core::Asset* hv = Find(r.batch, "HYL-HV01");
  REQUIRE(hv);
  CHECK(hv->site == "Hylte kommunhus");
  CHECK(hv->hall == "Serverrum 1");
  const core::Asset* app = Find(r.batch, "HYL-APP-EKO");
  CHECK(app->site == "Hylte kommunhus");
  CHECK(app->hall.empty());
  const core::Asset* fw = Find(r.batch, "VMO-FW01");
  CHECK(fw->site == "Stadshuset");
  CHECK(fw->hall == "Serverhall 2");
  CHECK(Find(r.batch, "UPS")->site == "Stadshuset");
  CHECK(r.batch.relations.empty());
}

TEST_CASE("Nodes are devices, clusters or VMs by their relationships", "[importers][archimate]") {
  // Hylte's pattern: a cluster Node aggregates the host Nodes in the server room and realises
  // the virtualisation service that serves the VM Nodes; one more VM is assigned to a host.
  auto r = testing::RunImporter(
      kImporter,
      Model(El("f1", "Facility", "Serverrum 1") + El("cl", "Node", "HYL-HVCL01") +
                El("h1", "Node", "HYL-HV01") + El("h2", "Node", "HYL-HV02") +
                El("t1", "TechnologyService", "Virtualiseringsplattform") +
                El("v1", "Node", "HYL-APP-EKO") + El("v2", "Node", "HYL-SQL-EKO") +
                El("v3", "Node", "HYL-WEB01") + El("m1", "Node", "Mainframe"),
            Rel("r1", "Aggregation", "f1", "h1") + Rel("r2", "Aggregation", "f1", "h2") +
                Rel("r3", "Aggregation", "cl", "h1") + Rel("r4", "Aggregation", "cl", "h2") +
                Rel("r5", "Realization", "cl", "t1") + Rel("r6", "Serving", "t1", "v1") +
                Rel("r7", "Serving", "cl", "v2") + Rel("r8", "Assignment", "h1", "v3")),
      "m.xml", "hylte");
  CHECK(r.lines().empty());
  CHECK(Assets(r.batch) == std::vector<std::string>{"Serverrum 1 (site)", "HYL-HVCL01 (cluster)",
                                                    "HYL-HV01 (device)", "HYL-HV02 (device)",
                                                    "Virtualiseringsplattform (service)",
                                                    "HYL-APP-EKO (vm)", "HYL-SQL-EKO (vm)",
                                                    "HYL-WEB01 (vm)", "Mainframe (device)"});
  CHECK(
      Relations(r.batch) ==
      std::vector<std::string>{"HYL-HV01 (device) member_of HYL-HVCL01 (cluster)",
                               "HYL-HV02 (device) member_of HYL-HVCL01 (cluster)",
                               "Virtualiseringsplattform (service) depends_on HYL-HVCL01 (cluster)",
                               "HYL-APP-EKO (vm) depends_on Virtualiseringsplattform (service)",
                               "HYL-SQL-EKO (vm) depends_on HYL-HVCL01 (cluster)",
                               "HYL-WEB01 (vm) runs_on HYL-HV01 (device)"});
}

TEST_CASE("names prefer Swedish, then English, then the first", "[importers][archimate]") {
  struct Case {
    const char* names;
    const char* expected;
  };
  const Case cases[] = {
      {"<name xml:lang=\"en\">Finance system</name><name xml:lang=\"sv\">Ekonomisystem</name>",
       "Ekonomisystem"},
      {"<name xml:lang=\"de\">Finanzsystem</name><name xml:lang=\"en\">Finance system</name>",
       "Finance system"},
      {"<name xml:lang=\"de\">Finanzsystem</name><name xml:lang=\"fi\">Talousjärjestelmä</name>",
       "Finanzsystem"},
      {"<name xml:lang=\"sv-SE\">Lönesystem</name><name xml:lang=\"en\">Payroll</name>",
       "Lönesystem"},
      {"<name xml:lang=\"sv\"></name><name xml:lang=\"en\">Payroll</name>", "Payroll"},
      {"<name>  E-post\n </name>", "E-post"},
  };
  for (const Case& c : cases) {
    INFO(c.names);
    std::string element = "    <element identifier=\"id-1\" xsi:type=\"ApplicationComponent\">" +
                          std::string(c.names) + "</element>\n";
    auto r = testing::RunImporter(kImporter, Model(element), "m.xml", "hylte");
    CHECK(r.lines().empty());
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].name == c.expected);
  }
}

TEST_CASE("properties fill fields by name; the rest become attributes", "[importers][archimate]") {
  const std::string defs = Definitions({{"p1", "Leverantör"},
                                        {"p2", "Version"},
                                        {"p3", "Serienummer"},
                                        {"p4", "Kritikalitet"},
                                        {"p5", "Förvaltning"},
                                        {"p6", "u_height"},
                                        {"p7", "power_w"},
                                        {"p8", "role"},
                                        {"p9", "category"},
                                        {"p10", "redundansgrupp"}});
  auto r = testing::RunImporter(
      kImporter,
      Model("    <element identifier=\"id-1\" xsi:type=\"Device\">\n"
            "      <name xml:lang=\"sv\">HYL-CORE01</name>\n"
            "      <documentation xml:lang=\"sv\">Kärnswitch &amp; router</documentation>\n" +
                Props({{"p1", "HPE Aruba Networking"},
                       {"p2", "10.13.1000"},
                       {"p3", "SG94LJXWEE"},
                       {"p4", "kritisk"},
                       {"p5", "Hylte kommun, IT"},
                       {"p6", "1"},
                       {"p7", "323,5"},
                       {"p8", "core-switch"},
                       {"p9", "network"},
                       {"p10", "core-vsx"}}) +
                "    </element>\n" +
                El("id-2", "SystemSoftware", "Microsoft SQL Server 2019", Props({{"p2", "15.0"}})),
            "",
            "  <organizations>\n    <item><label xml:lang=\"sv\">Teknik</label>\n"
            "      <item><label>Nät</label><item identifierRef=\"id-1\"/></item>\n"
            "    </item>\n  </organizations>\n" +
                defs),
      "m.xml", "hylte");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);
  const core::Asset& a = r.batch.assets[0];
  CHECK(a.vendor == "HPE Aruba Networking");
  CHECK(a.version == "10.13.1000");
  CHECK(a.serial == "SG94LJXWEE");
  CHECK(a.criticality == "critical");
  CHECK(a.u_height == 1);
  CHECK(a.power_w == 323.5);
  CHECK(a.role == "core-switch");
  CHECK(a.category == core::Category::kNetwork);
  CHECK(a.redundancy_group == "core-vsx");
  CHECK(Attr(a, "Förvaltning") == "Hylte kommun, IT");
  CHECK(Attr(a, "documentation") == "Kärnswitch & router");
  CHECK(Attr(a, "folder") == "Teknik/Nät");
  const core::Asset& sql = r.batch.assets[1];
  CHECK(sql.product == "Microsoft SQL Server 2019");  // software: the name is the product
  CHECK(sql.version == "15.0");
  CHECK(sql.category == core::Category::kPlatform);
  CHECK(Attr(sql, "folder") == "<none>");
}

TEST_CASE("same-named elements of one kind are told apart by identifier",
          "[importers][archimate]") {
  auto r = testing::RunImporter(
      kImporter,
      Model(El("id-5a074004", "TechnologyService", "Säkerhetskopiering") +
                El("id-5a112892", "ApplicationComponent", "Säkerhetskopiering") +
                El("id-3", "Node", "Säkerhetskopiering") + El("id-1053", "Device", "Unix Server") +
                El("id-1059", "Device", "Unix Server"),
            Rel("r1", "Serving", "id-5a074004", "id-5a112892")),
      "m.xml", "hylte");
  CHECK(Assets(r.batch) ==
        std::vector<std::string>{"Säkerhetskopiering (id-5a074004) (service)",
                                 "Säkerhetskopiering (service)", "Säkerhetskopiering (device)",
                                 "Unix Server (device)", "Unix Server (id-1059) (device)"});
  CHECK(Relations(r.batch) ==
        std::vector<std::string>{
            "Säkerhetskopiering (service) depends_on Säkerhetskopiering (id-5a074004) (service)"});
  CHECK(r.lines() ==
        std::vector<std::string>{
            "m.xml:5:5: warning[ARC012]: service 'Säkerhetskopiering' is also the name of "
            "ApplicationComponent 'id-5a112892' on line 8; this TechnologyService is stored as "
            "'Säkerhetskopiering (id-5a074004)'",
            "m.xml:17:5: warning[ARC012]: device 'Unix Server' is also the name of Device "
            "'id-1053' on line 14; this Device is stored as 'Unix Server (id-1059)'"});
}

TEST_CASE("samdrift properties fix the kind and, with --org-from tenant, the org",
          "[importers][archimate]") {
  const std::string model = Model(
      El("e1", "Equipment", "H1", Props({{"k", "rack"}, {"o", "gnosjo"}, {"s", "Kommunhuset"}})) +
          El("n1", "Node", "gno-esx01", Props({{"k", "device"}, {"o", "gnosjo"}})) +
          El("n2", "Node", "vmo-app01", Props({{"k", "vm"}, {"o", "varnamo"}})) +
          El("x1", "Device", "planned", Props({{"sc", "Alternativ 1"}})),
      Rel("r1", "Aggregation", "e1", "n1") + Rel("r2", "Serving", "n1", "n2"),
      Definitions({{"k", "samdrift_kind"},
                   {"o", "samdrift_org"},
                   {"s", "site"},
                   {"sc", "samdrift_scenario"}}));
  importers::ImportOptions options;
  options.org = "hylte";
  options.org_source = importers::OrgSource::kTenant;
  testing::Imported r;
  kImporter.Import(model, "m.xml", options, r.batch, r.diagnostics);
  CHECK(r.lines().empty());
  CHECK(Assets(r.batch) ==
        std::vector<std::string>{"Kommunhuset//H1 (rack)", "gno-esx01 (device)", "vmo-app01 (vm)"});
  CHECK(r.batch.assets[0].org == "gnosjo");
  CHECK(r.batch.assets[2].org == "varnamo");
  CHECK(r.batch.assets[1].rack == "H1");
  CHECK(r.batch.assets[1].site == "Kommunhuset");
  REQUIRE(r.batch.relations.size() == 1);
  CHECK(r.batch.relations[0].org == "varnamo");
  CHECK(r.batch.relations[0].target_org == "gnosjo");

  // Without tenant mode everything belongs to --org.
  auto plain = testing::RunImporter(kImporter, model, "m.xml", "hylte");
  for (const core::Asset& a : plain.batch.assets) CHECK(a.org == "hylte");
}

TEST_CASE("detection by root element and namespace", "[importers][archimate]") {
  struct Case {
    std::string text;
    int score;
  };
  const Case cases[] = {
      {Model(El("id-1", "Node", "x")), 95},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- Archi -->\n<a:model "
       "xmlns:a=\"http://www.opengroup.org/xsd/archimate/3.0/\"/>",
       95},
      {"<model xmlns=\"http://www.opengroup.org/xsd/archimate\"/>", 60},
      {"<model xmlns=\"urn:other\"/>", 0},
      {"<archimate:model xmlns:archimate=\"http://www.archimatetool.com/archimate\"/>", 0},
      {"<REQUEST><CONTENT/></REQUEST>", 0},
      {"name,kind\nx,device\n", 0},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(kImporter.Sniff(c.text) == c.score);
  }
}

TEST_CASE("a prefixed namespace and xsi prefix are read", "[importers][archimate]") {
  const std::string text =
      "<a:model xmlns:a=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
      "xmlns:x=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n"
      "<a:name>m</a:name>\n<a:elements>\n"
      "<a:element identifier=\"id-1\" x:type=\"Node\"><a:name>HYL-HV01</a:name></a:element>\n"
      "</a:elements>\n</a:model>\n";
  auto r = testing::RunImporter(kImporter, text, "m.xml", "hylte");
  CHECK(r.lines().empty());
  CHECK(Assets(r.batch) == std::vector<std::string>{"HYL-HV01 (device)"});
}

TEST_CASE("each ArchiMate defect gives its located diagnostic", "[importers][archimate]") {
  struct Case {
    const char* file;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"not-an-archimate-model.xml",
       {"not-an-archimate-model.xml:2:1: error[ARC001]: not an ArchiMate exchange model: expected "
        "root <model> in namespace 'http://www.opengroup.org/xsd/archimate/3.0/', got "
        "<archimate:model> in namespace 'http://www.archimatetool.com/archimate'; this is Archi's "
        "own file format: export it with File > Export > Model To Open Exchange File"}},
      {"archimate-2-exchange-format.xml",
       {"archimate-2-exchange-format.xml:2:1: error[ARC001]: this is the ArchiMate 2.1 exchange "
        "format (namespace 'http://www.opengroup.org/xsd/archimate'); export the model as "
        "ArchiMate 3 exchange format (namespace 'http://www.opengroup.org/xsd/archimate/3.0/')"}},
      {"malformed-xml.xml",
       {"malformed-xml.xml:9:3: error[XML001]: malformed XML: Start-end tags mismatch"}},
      {"element-without-identifier.xml",
       {"element-without-identifier.xml:5:5: error[ARC002]: <element> has no identifier "
        "attribute"}},
      {"duplicate-identifier.xml",
       {"duplicate-identifier.xml:8:5: error[ARC003]: identifier 'id-1' is used twice (first on "
        "line 5)"}},
      {"element-without-type.xml",
       {"element-without-type.xml:5:5: error[ARC004]: element 'id-1' has no xsi:type"}},
      {"unknown-element-type.xml",
       {"unknown-element-type.xml:5:5: error[ARC005]: element 'id-1' has unknown type 'Nod'; did "
        "you mean 'Node'?"}},
      {"element-without-name.xml",
       {"element-without-name.xml:5:5: warning[ARC006]: element 'id-1' (Node) has no <name>; "
        "stored under its identifier 'id-1'"}},
      {"relationship-without-target.xml",
       {"relationship-without-target.xml:13:5: error[ARC007]: relationship 'id-3' has no target "
        "attribute"}},
      {"dangling-relationship-end.xml",
       {"dangling-relationship-end.xml:10:5: error[ARC008]: relationship 'id-3' (Assignment): "
        "target 'id-9' is not an element or relationship of this model"}},
      {"undefined-property-definition.xml",
       {"undefined-property-definition.xml:8:9: error[ARC009]: a property of 'id-1' refers to "
        "undefined propertyDefinition 'propid-serial'"}},
      {"unknown-relationship-type.xml",
       {"unknown-relationship-type.xml:13:5: error[ARC010]: relationship 'id-3' has unknown type "
        "'UsedBy'; did you mean 'Serving'?"}},
      {"unknown-samdrift-kind.xml",
       {"unknown-samdrift-kind.xml:8:9: error[ARC011]: element 'id-1': property 'samdrift_kind': "
        "unknown asset kind 'vn'; did you mean 'vm'?"}},
      {"duplicate-name.xml",
       {"duplicate-name.xml:8:5: warning[ARC012]: device 'phone' is also the name of Device "
        "'id-1536' on line 5; this Device is stored as 'phone (id-1540)'"}},
      {"placed-in-two-sites.xml",
       {"placed-in-two-sites.xml:17:5: warning[ARC013]: Device 'HYL-FW01' is placed in both "
        "'Hylte kommunhus' and 'Räddningsstationen'; kept 'Hylte kommunhus'"}},
      {"relationship-to-itself.xml",
       {"relationship-to-itself.xml:10:5: warning[ARC014]: Serving relationship 'id-2' from "
        "'Ekonomisystem' to itself; ignored"}},
      {"fractional-u-height.xml",
       {"fractional-u-height.xml:8:9: warning[ARC015]: 'HYL-CORE01': property 'u_height': "
        "expected a whole number, got '1,5'; kept as an attribute"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    std::string text =
        testing::ReadFixture(std::string(SAMDRIFT_TEST_DATA) + "/archimate/" + c.file);
    REQUIRE(!text.empty());
    auto r = testing::RunImporter(kImporter, text, c.file, "hylte");
    CHECK(r.lines() == c.expected);
  }
}

TEST_CASE("problems in elements samdrift does not import are warnings", "[importers][archimate]") {
  struct Case {
    const char* file;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"grouping-without-name.xml",
       {"grouping-without-name.xml:8:5: warning[ARC006]: element 'id-2' (Grouping) has no "
        "<name>; ignored: samdrift does not import Grouping elements"}},
      {"business-collaboration-without-name.xml",
       {"business-collaboration-without-name.xml:8:5: warning[ARC006]: element 'id-2' "
        "(BusinessCollaboration) has no <name>; ignored: samdrift does not import "
        "BusinessCollaboration elements"}},
      {"capability-with-undefined-property.xml",
       {"capability-with-undefined-property.xml:11:9: warning[ARC009]: a property of 'id-2' "
        "refers to undefined propertyDefinition 'propid-maturity'; ignored: samdrift does not "
        "import Capability elements"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = testing::RunImporter(
        kImporter, testing::ReadFixture(std::string(SAMDRIFT_TEST_DATA) + "/archimate/" + c.file),
        c.file, "hylte");
    CHECK(r.lines() == c.expected);
    CHECK(r.diagnostics.error_count() == 0);
    REQUIRE(r.batch.assets.size() == 1);
    CHECK(r.batch.assets[0].name == "HYL-HV01");
  }
  // An imported element without a name is stored under its identifier.
  auto r = testing::RunImporter(
      kImporter,
      testing::ReadFixture(std::string(SAMDRIFT_TEST_DATA) + "/archimate/element-without-name.xml"),
      "element-without-name.xml", "hylte");
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].name == "id-1");
}

TEST_CASE("every problem in an ArchiMate model is reported, not only the first",
          "[importers][archimate]") {
  const std::string file = "every-problem.xml";
  auto r = testing::RunImporter(
      kImporter, testing::ReadFixture(std::string(SAMDRIFT_TEST_DATA) + "/archimate/" + file), file,
      "hylte");
  CHECK(r.lines() ==
        std::vector<std::string>{
            "every-problem.xml:8:5: error[ARC002]: <element> has no identifier attribute",
            "every-problem.xml:11:5: error[ARC005]: element 'id-3' has unknown type 'Nod'; did "
            "you mean 'Node'?",
            "every-problem.xml:14:5: error[ARC003]: identifier 'id-1' is used twice (first on "
            "line 5)",
            "every-problem.xml:20:5: error[ARC007]: relationship 'id-6' has no target attribute",
            "every-problem.xml:19:5: error[ARC008]: relationship 'id-5' (Serving): target 'id-9' "
            "is not an element or relationship of this model"});
}

TEST_CASE("a batch with a broken model stores nothing", "[importers][archimate]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  importers::ImportRequest request;
  request.paths = {std::string(SAMDRIFT_TEST_DATA) + "/archimate/duplicate-name.xml",
                   std::string(SAMDRIFT_TEST_DATA) + "/archimate/dangling-relationship-end.xml"};
  request.options.org = "hylte";
  core::Diagnostics diagnostics;
  auto report = importers::RunImport(request, store->get(), diagnostics);
  CHECK(!report.ok());
  CHECK(diagnostics.error_count() == 1);
  CHECK((*store)->Stats()->total == 0);
}

TEST_CASE("Archisurance: its technology and application layers", "[importers][archimate][real]") {
  const std::string path =
      std::string(SAMDRIFT_SHARED_DIR) + "/real-inventories/archimate/ogx__archisurance.xml";
  const std::string text = testing::ReadFixture(path);
  REQUIRE(!text.empty());
  CHECK(kImporter.Sniff(text) == 95);
  auto r = testing::RunImporter(kImporter, text, "ogx__archisurance.xml", "archisurance");
  // Counted in the file: 4 Node + 5 Device, 4 SystemSoftware, 10 ApplicationComponent +
  // 3 ApplicationService + 5 TechnologyService, 3 CommunicationNetwork; no Location, Facility,
  // Equipment or Path. Of its 178 relationships 34 join two of these elements: 13 Serving and
  // 10 Realization (depends_on), 2 Composition of components and 9 Associations of nodes and
  // devices with networks (member_of).
  CHECK(
      CountKinds(r.batch) ==
      std::map<std::string, int>{{"device", 9}, {"software", 4}, {"service", 18}, {"network", 3}});
  CHECK(CountRelations(r.batch) ==
        std::map<std::string, int>{{"depends_on", 23}, {"member_of", 11}});
  CHECK(r.diagnostics.error_count() == 0);
  CHECK(r.lines() ==
        std::vector<std::string>{
            "ogx__archisurance.xml:306:5: warning[ARC012]: network 'LAN' is also the name of "
            "CommunicationNetwork 'id-1089' on line 303; this CommunicationNetwork is stored as "
            "'LAN (id-1101)'",
            "ogx__archisurance.xml:321:5: warning[ARC012]: device 'Unix Server' is also the name "
            "of Device 'id-1053' on line 318; this Device is stored as 'Unix Server (id-1059)'",
            "ogx__archisurance.xml:342:5: warning[ARC012]: device 'Firewall' is also the name of "
            "Node 'id-998' on line 339; this Node is stored as 'Firewall (id-1004)'",
            "ogx__archisurance.xml:1: warning[ARC020]: skipped 144 of 178 relationships: 144 with "
            "an end samdrift does not import (business, motivation, strategy, implementation "
            "elements, junctions, relationships)"});
  auto has = [&](const std::string& relation) {
    auto all = Relations(r.batch);
    return std::find(all.begin(), all.end(), relation) != all.end();
  };
  CHECK(has("Policy Data Management (service) depends_on Claim Files Service (service)"));
  CHECK(has("Bank System (service) depends_on BIBIT Server (device)"));
  CHECK(has("Financial Application (service) depends_on Financial Software (software)"));
  CHECK(has("File Service (service) depends_on NAS File Server (device)"));
  CHECK(has("Database Service (service) depends_on Mainframe (device)"));
  CHECK(
      has("Customer Data  Access (service) member_of Home & Away Policy Administration (service)"));
  CHECK(has("Mainframe (device) member_of LAN (network)"));
  CHECK(has("BIBIT Server (device) member_of LAN (id-1101) (network)"));
  CHECK(has("Firewall (id-1004) (device) member_of BIBIT (network)"));
  const core::Asset* mainframe = Find(r.batch, "Mainframe");
  REQUIRE(mainframe);
  CHECK(Attr(*mainframe, "folder") == "Technology & Physical");
  CHECK(Attr(*Find(r.batch, "CRM System"), "folder") == "Application/Applications");
}

TEST_CASE("Open Group sample1: business elements only", "[importers][archimate][real]") {
  const std::string text = testing::ReadFixture(std::string(SAMDRIFT_SHARED_DIR) +
                                                "/real-inventories/archimate/ogx__sample1.xml");
  REQUIRE(!text.empty());
  auto r = testing::RunImporter(kImporter, text, "ogx__sample1.xml", "hylte");
  CHECK(r.batch.assets.empty());
  CHECK(r.batch.relations.empty());
  CHECK(r.lines() ==
        std::vector<std::string>{
            "ogx__sample1.xml:1: warning[ARC020]: skipped 1 of 1 relationships: 1 with an end "
            "samdrift does not import (business, motivation, strategy, implementation elements, "
            "junctions, relationships)"});
}

TEST_CASE("Hylte's services model", "[importers][archimate][samples]") {
  const std::string text = testing::ReadFixture(std::string(SAMDRIFT_SOURCE_DIR) +
                                                "/sample-inventories/hylte/hylte-tjanster.xml");
  REQUIRE(!text.empty());
  auto r = testing::RunImporter(kImporter, text, "hylte-tjanster.xml", "hylte");
  CHECK(r.diagnostics.error_count() == 0);
  // 24 Nodes: the cluster, 6 hosts and the backup server in the server room, 16 VMs served by
  // the virtualisation platform; 6 Devices; 9 + 9 + 3 services (one TechnologyService renamed).
  CHECK(CountKinds(r.batch) == std::map<std::string, int>{{"site", 1},
                                                          {"hall", 1},
                                                          {"device", 13},
                                                          {"cluster", 1},
                                                          {"vm", 16},
                                                          {"software", 3},
                                                          {"network", 2},
                                                          {"service", 21}});
  // 120 relationships: 14 place things in the server room, the rest are relations.
  CHECK(CountRelations(r.batch) ==
        std::map<std::string, int>{{"depends_on", 84}, {"member_of", 11}, {"installed_on", 11}});
  const core::Asset* hv = Find(r.batch, "HYL-HV01");
  REQUIRE(hv);
  CHECK(hv->kind == core::AssetKind::kDevice);
  CHECK(hv->site == "Hylte kommunhus");
  CHECK(hv->hall == "Serverrum 1");
  CHECK(hv->serial == "CZX5802122");
  CHECK(hv->vendor == "Hewlett Packard Enterprise");
  CHECK(Find(r.batch, "HYL-HVCL01")->kind == core::AssetKind::kCluster);
  CHECK(Find(r.batch, "HYL-APP-EKO")->kind == core::AssetKind::kVm);
  const core::Asset* eko = Find(r.batch, "Ekonomisystem");
  REQUIRE(eko);
  CHECK(eko->criticality == "high");
  CHECK(Attr(*eko, "Förvaltning") == "Hylte kommun, Ekonomiavdelningen");
  CHECK(Find(r.batch, "Säkerhetskopiering (id-5a074004)"));
}

TEST_CASE("a criticality level 1-4 reads as in the generic CSV importer",
          "[importers][archimate]") {
  const std::string defs = Definitions({{"p1", "Kritikalitet"}});
  auto r = testing::RunImporter(kImporter,
                                Model(El("id-1", "Node", "HYL-ESX01", Props({{"p1", "3"}})), "",
                                      "  <organizations/>\n" + defs),
                                "m.xml", "hylte");
  REQUIRE(r.batch.assets.size() == 1);
  CHECK(r.batch.assets[0].criticality == "high");
}
