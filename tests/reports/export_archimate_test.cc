#include "reports/export_archimate.h"

#include <catch2/catch.hpp>
#include <map>
#include <pugixml.hpp>
#include <set>

#include "core/graph.h"
#include "importers/archimate.h"
#include "importers/archimate_reader.h"
#include "reports/export_scenario.h"
#include "tests/importers/test_util.h"
#include "tests/reports/export_util.h"
#include "tests/test_paths.h"

using namespace samdrift;

namespace {

constexpr const char* kNamespace = "http://www.opengroup.org/xsd/archimate/3.0/";

// Archi's relationships.xml (ArchiMate 3.1/3.2) for the element types samdrift writes, as
// letters: a access, c composition, f flow, g aggregation, i assignment, n influence,
// o association, r realization, s specialization, t triggering, v serving. Copied from the
// table, independent of the exporter's own rules.
const std::map<std::string, std::map<std::string, std::string>>& ArchiRules() {
  static const std::vector<std::string> kTargets = {"Location",
                                                    "Facility",
                                                    "Equipment",
                                                    "Node",
                                                    "Device",
                                                    "SystemSoftware",
                                                    "CommunicationNetwork",
                                                    "TechnologyService",
                                                    "ApplicationComponent",
                                                    "ApplicationService",
                                                    "Plateau",
                                                    "Gap",
                                                    "WorkPackage",
                                                    "Grouping"};
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kRows = {
      {"Location",
       {"cfgostv", "cfgiortv", "cfgiortv", "cfgiortv", "cfgiortv", "cfgiortv", "cfgotv", "cfgiortv",
        "cfgortv", "cfgiortv", "cgo", "cgo", "cgio", "acfginorstv"}},
      {"Facility",
       {"fotv", "cfgiostv", "cfgiortv", "cfgiotv", "cfgiortv", "cfgiortv", "fotv", "fiortv",
        "fortv", "fortv", "o", "o", "io", "acfginorstv"}},
      {"Equipment",
       {"fotv", "fotv", "cfgorstv", "fotv", "cfgortv", "cfgiortv", "fotv", "fiortv", "fortv",
        "fortv", "o", "o", "o", "acfginorstv"}},
      {"Node",
       {"fotv", "cfgiotv", "cfgiortv", "cfgiostv", "cfgiortv", "cfgiortv", "fotv", "fiortv",
        "fortv", "fortv", "o", "o", "io", "acfginorstv"}},
      {"Device",
       {"fotv", "fotv", "fotv", "fotv", "cfgostv", "cfgiortv", "fotv", "fiortv", "fortv", "fortv",
        "o", "o", "o", "acfginorstv"}},
      {"SystemSoftware",
       {"fotv", "fotv", "fotv", "fotv", "fotv", "cfgiorstv", "fotv", "fiortv", "fortv", "fortv",
        "o", "o", "o", "acfginorstv"}},
      {"CommunicationNetwork",
       {"fotv", "fortv", "fortv", "fortv", "fgortv", "fgiortv", "cfgostv", "fiortv", "fortv",
        "fortv", "o", "o", "o", "acfginorstv"}},
      {"TechnologyService",
       {"fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "cfgostv", "fotv", "fortv", "o",
        "o", "o", "acfgnorstv"}},
      {"ApplicationComponent",
       {"fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "cfgorstv", "fiortv", "o",
        "o", "o", "acfginorstv"}},
      {"ApplicationService",
       {"fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "fotv", "cfgostv", "o", "o",
        "o", "acfgnorstv"}},
      {"Plateau",
       {"cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cgor", "cfgost",
        "o", "fot", "acfginorst"}},
      {"Gap", {"o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "cgos", "o", "o"}},
      {"WorkPackage",
       {"or", "or", "or", "or", "or", "or", "or", "or", "or", "or", "fort", "o", "cfgost",
        "acfgnorst"}},
  };
  static const auto* table = [] {
    auto* t = new std::map<std::string, std::map<std::string, std::string>>;
    for (const auto& [source, letters] : kRows) {
      for (std::size_t i = 0; i < kTargets.size(); ++i) (*t)[source][kTargets[i]] = letters[i];
    }
    return t;
  }();
  return *table;
}

char Letter(const std::string& relationship_type) {
  static const std::map<std::string, char> kLetters = {
      {"Access", 'a'},         {"Composition", 'c'}, {"Flow", 'f'},        {"Aggregation", 'g'},
      {"Assignment", 'i'},     {"Influence", 'n'},   {"Association", 'o'}, {"Realization", 'r'},
      {"Specialization", 's'}, {"Triggering", 't'},  {"Serving", 'v'}};
  auto it = kLetters.find(relationship_type);
  return it == kLetters.end() ? '?' : it->second;
}

std::string_view Local(const char* name) {
  std::string_view n = name;
  std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

bool IsNcName(const std::string& id) {
  if (id.empty() || !(std::isalpha(static_cast<unsigned char>(id[0])) || id[0] == '_')) {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

// Checks an exchange file against the Open Group schema's structure and Archi's relationship
// rules; returns the problems found (empty when valid).
std::vector<std::string> Validate(const std::string& xml) {
  std::vector<std::string> problems;
  pugi::xml_document doc;
  if (!doc.load_string(xml.c_str())) return {"not well-formed XML"};
  pugi::xml_node model = doc.document_element();
  if (std::string(model.name()) != "model") problems.push_back("root is not <model>");
  if (std::string(model.attribute("xmlns").value()) != kNamespace) problems.push_back("namespace");
  if (!IsNcName(model.attribute("identifier").value())) problems.push_back("model identifier");

  // ModelType: name+, documentation*, properties?, metadata?, elements?, relationships?,
  // organizations*, propertyDefinitions?, views?
  const std::vector<std::string> order = {
      "name",          "documentation", "properties",          "metadata", "elements",
      "relationships", "organizations", "propertyDefinitions", "views"};
  std::size_t at = 0;
  std::map<std::string, int> seen;
  for (pugi::xml_node c : model.children()) {
    std::string n = c.name();
    auto it = std::find(order.begin(), order.end(), n);
    if (it == order.end()) {
      problems.push_back("unexpected <" + n + "> in <model>");
      continue;
    }
    std::size_t pos = static_cast<std::size_t>(it - order.begin());
    if (pos < at) problems.push_back("<" + n + "> out of order in <model>");
    at = pos;
    if (++seen[n] > 1 && n != "name" && n != "documentation" && n != "organizations") {
      problems.push_back("<" + n + "> twice in <model>");
    }
  }
  if (!seen["name"]) problems.push_back("model has no <name>");

  std::map<std::string, std::string> concept_type;  // identifier -> xsi:type
  std::set<std::string> ids;
  auto claim = [&](pugi::xml_node n) {
    std::string id = n.attribute("identifier").value();
    if (!IsNcName(id)) problems.push_back("identifier '" + id + "' is not an NCName");
    if (!ids.insert(id).second) problems.push_back("identifier '" + id + "' twice");
    return id;
  };
  std::set<std::string> definitions;
  for (pugi::xml_node d : model.child("propertyDefinitions").children()) {
    if (std::string(d.name()) != "propertyDefinition") problems.push_back("<propertyDefinitions>");
    definitions.insert(claim(d));
    static const std::set<std::string> kTypes = {"string", "boolean", "currency",
                                                 "date",   "time",    "number"};
    if (!kTypes.count(d.attribute("type").value())) problems.push_back("propertyDefinition type");
    if (std::string(d.child("name").child_value()).empty()) {
      problems.push_back("propertyDefinition without name");
    }
  }
  // name*, documentation*, properties? in that order; `named` requires a non-empty name.
  auto check_children = [&](pugi::xml_node n, bool named, const std::string& what) {
    const std::vector<std::string> inner = {"name", "documentation", "properties"};
    std::size_t pos = 0;
    bool has_name = false;
    for (pugi::xml_node c : n.children()) {
      auto it = std::find(inner.begin(), inner.end(), std::string(c.name()));
      if (it == inner.end()) {
        problems.push_back(what + ": unexpected <" + c.name() + ">");
        continue;
      }
      std::size_t p = static_cast<std::size_t>(it - inner.begin());
      if (p < pos) problems.push_back(what + ": <" + c.name() + "> out of order");
      pos = p;
      if (p == 0 && !std::string(c.child_value()).empty()) has_name = true;
    }
    if (named && !has_name) problems.push_back(what + " has no name");
    for (pugi::xml_node p : n.child("properties").children()) {
      if (!definitions.count(p.attribute("propertyDefinitionRef").value())) {
        problems.push_back(what + ": property refers to an undefined definition");
      }
      if (!p.child("value")) problems.push_back(what + ": property without <value>");
    }
  };
  for (pugi::xml_node e : model.child("elements").children()) {
    std::string id = claim(e);
    std::string type = Local(e.attribute("xsi:type").value()).data();
    if (!importers::IsArchimateElementType(type)) problems.push_back("element type " + type);
    concept_type[id] = type;
    check_children(e, true, "element " + id);
  }
  std::vector<pugi::xml_node> relationships;
  for (pugi::xml_node r : model.child("relationships").children()) {
    std::string id = claim(r);
    std::string type = r.attribute("xsi:type").value();
    if (!importers::IsArchimateRelationshipType(type)) problems.push_back("relationship " + type);
    concept_type[id] = "Relationship";
    relationships.push_back(r);
    check_children(r, false, "relationship " + id);
  }
  for (pugi::xml_node r : relationships) {
    std::string type = r.attribute("xsi:type").value();
    std::string source = r.attribute("source").value(), target = r.attribute("target").value();
    if (!concept_type.count(source) || !concept_type.count(target)) {
      problems.push_back("relationship " + std::string(r.attribute("identifier").value()) +
                         " has a dangling end");
      continue;
    }
    const std::string& ts = concept_type[source];
    const std::string& tt = concept_type[target];
    if (type == "Association") continue;  // allowed between any two concepts
    auto row = ArchiRules().find(ts);
    std::string letters;
    if (row != ArchiRules().end() && row->second.count(tt)) letters = row->second.at(tt);
    if (letters.find(Letter(type)) == std::string::npos) {
      problems.push_back("Archi refuses " + type + " from " + ts + " to " + tt);
    }
  }
  // Organisations: every concept in exactly one folder; references resolve; folders not empty.
  std::map<std::string, int> filed;
  std::vector<pugi::xml_node> stack;
  for (pugi::xml_node orgs : model.children("organizations")) {
    for (pugi::xml_node i : orgs.children("item")) stack.push_back(i);
  }
  while (!stack.empty()) {
    pugi::xml_node item = stack.back();
    stack.pop_back();
    std::string ref = item.attribute("identifierRef").value();
    if (!ref.empty()) {
      if (!concept_type.count(ref)) problems.push_back("folder refers to unknown " + ref);
      ++filed[ref];
    } else if (!item.child("item")) {
      problems.push_back("an empty folder");
    }
    for (pugi::xml_node c : item.children("item")) stack.push_back(c);
  }
  for (const auto& [id, type] : concept_type) {
    if (filed[id] != 1) problems.push_back(id + " is in " + std::to_string(filed[id]) + " folders");
  }
  return problems;
}

core::Estate LoadedEstate(const core::Batch& batch) {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  REQUIRE((*store)->Apply(batch).ok());
  auto estate = (*store)->LoadEstate({});
  REQUIRE(estate.ok());
  return std::move(*estate);
}

// Imports `xml` into a fresh store (orgs from the file's samdrift_org) and loads it back.
core::Estate Reimported(const std::string& xml, core::Diagnostics& diagnostics) {
  importers::ArchimateImporter importer;
  importers::ImportOptions options;
  options.org = "hylte";
  options.org_source = importers::OrgSource::kTenant;
  core::Batch batch;
  importer.Import(xml, "export.xml", options, batch, diagnostics);
  return LoadedEstate(batch);
}

std::set<std::string> DistinctRelations(const core::Estate& estate) {
  std::set<std::string> out;
  core::GraphView graph(estate);
  std::set<std::size_t> unresolved(graph.unresolved().begin(), graph.unresolved().end());
  for (std::size_t i = 0; i < estate.relations.size(); ++i) {
    if (unresolved.count(i)) continue;
    const core::Relation& r = estate.relations[i];
    out.insert(r.org + "/" + r.source + " " + std::string(core::ToString(r.kind)) + " " +
               r.TargetOrg() + "/" + r.target + " [" + r.source_port + "|" + r.target_port + "]");
  }
  return out;
}

}  // namespace

TEST_CASE("the ArchiMate export follows the exchange schema and Archi's rules",
          "[planners][export][archimate]") {
  core::Estate estate = LoadedEstate(testing::ExportBatch());
  reports::ArchimateExportOptions options;
  options.model_name = "GGVVH <nuläge>";
  reports::ArchimateExport out = reports::WriteArchimate(estate, options);
  CHECK(Validate(out.xml) == std::vector<std::string>{});
  CHECK(out.elements == estate.assets.size());
  CHECK(out.unresolved == std::vector<std::string>{"gnosjo/gno-app01 depends_on gnosjo/gno-dc99"});
  CHECK(out.xml.find("<name xml:lang=\"sv\">GGVVH &lt;nuläge&gt;</name>") != std::string::npos);
  CHECK(out.xml.find("<name>&lt;b&gt;Evil&lt;/b&gt; &amp; Co \"AB\" \\N</name>") !=
        std::string::npos);
  CHECK(out.xml.find('\x01') == std::string::npos);
  // Deterministic: the same estate gives the same bytes.
  CHECK(reports::WriteArchimate(estate, options).xml == out.xml);
}

TEST_CASE("an exported model reads back into samdrift", "[planners][export][archimate]") {
  core::Estate original = LoadedEstate(testing::ExportBatch());
  reports::ArchimateExport out = reports::WriteArchimate(original, {});
  core::Diagnostics diagnostics;
  core::Estate back = Reimported(out.xml, diagnostics);
  CHECK(testing::Formatted(diagnostics).empty());
  CHECK(back.assets.size() == original.assets.size());
  CHECK(testing::Facts(back) == testing::Facts(original));
  // Every relation that resolved comes back once (the one stated by two files is one fact).
  CHECK(DistinctRelations(back) == DistinctRelations(original));
  CHECK(DistinctRelations(back).size() == 10);
  CHECK(back.relations.size() == 10);
  // Attributes travel as properties; archimate_type keeps a Node a Node.
  for (const core::Asset& a : back.assets) {
    if (a.name == "gno-esx01") CHECK(*a.Attr("mac") == "aa:bb:cc:dd:ee:ff");
    if (a.name == "Serverrummet") CHECK(*a.Attr("power_kw") == "12.5");
    if (a.name == "Ekonomisystem") CHECK(*a.Attr("documentation") == "Ekonomi & lön");
    if (a.name == "gno-san01") CHECK(*a.Attr("archimate_type") == "Node");
    if (a.name == "gno-pc01") CHECK(*a.Attr("archimate_type") == "Device");
  }
  // And a second round gives the same file.
  CHECK(reports::WriteArchimate(back, {}).xml == out.xml);
}

TEST_CASE("one municipality's baseline reads back under its --org",
          "[planners][export][archimate]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE((*store)->Apply(testing::ExportBatch()).ok());
  REQUIRE((*store)->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());  // the label of its group
  core::Estate gnosjo = *(*store)->LoadEstate({{"gnosjo"}, true});
  reports::ArchimateExport out = reports::WriteArchimate(gnosjo, {});
  CHECK(Validate(out.xml).empty());
  importers::ArchimateImporter importer;
  auto r = testing::RunImporter(importer, out.xml, "gnosjo.xml", "gnosjo");
  CHECK(r.lines().empty());
  core::Estate back = LoadedEstate(r.batch);
  CHECK(testing::Facts(back) == testing::Facts(gnosjo));
  CHECK(DistinctRelations(back) == DistinctRelations(gnosjo));
  CHECK(out.xml.find("<label xml:lang=\"sv\">Gnosjö</label>") != std::string::npos);
}

TEST_CASE("relation ends resolve as in the store; each cable between a pair stays",
          "[planners][export][archimate]") {
  using core::AssetKind;
  using core::RelationKind;
  core::Batch b;
  b.assets.push_back(testing::MakeAsset("vaggeryd", AssetKind::kVm, "vgd-gis01"));
  for (const char* name : {"vgd-pve05", "vgd-core01", "vgd-core02"}) {
    b.assets.push_back(testing::MakeAsset("vaggeryd", AssetKind::kDevice, name));
  }
  // Named by its DNS name: the store and the graph resolve it by the host part.
  b.relations.push_back(testing::MakeRelation("vaggeryd", "vgd-gis01.vaggeryd.local",
                                              RelationKind::kRunsOn, "vgd-pve05"));
  // Two cables between one pair (distinct ports) and one link no file gave ports for.
  for (const char* port : {"Twe1/0/19", "Twe1/0/20", ""}) {
    core::Relation cable =
        testing::MakeRelation("vaggeryd", "vgd-core01", RelationKind::kConnectedTo, "vgd-core02");
    cable.source_port = port;
    b.relations.push_back(cable);
  }
  // The port-less link again from a second file: the same fact.
  b.relations.push_back(testing::MakeRelation("vaggeryd", "vgd-core01", RelationKind::kConnectedTo,
                                              "vgd-core02", "x.csv"));
  core::Estate original = LoadedEstate(b);
  REQUIRE(core::GraphView(original).unresolved().empty());

  reports::ArchimateExport out = reports::WriteArchimate(original, {});
  CHECK(out.unresolved.empty());
  CHECK(Validate(out.xml).empty());
  core::Diagnostics diagnostics;
  core::Estate back = Reimported(out.xml, diagnostics);
  CHECK(testing::Formatted(diagnostics).empty());
  CHECK(testing::Facts(back) == testing::Facts(original));
  // Each distinct fact (ends, kind, ports) is one ArchiMate relationship, so the round trip
  // keeps every cable: a pair's cables are separate links (ports, redundancy), while one fact
  // stated by two files is still one. The link without ports is kept beside the ported ones:
  // nothing proves it is one of them. The DNS name comes back as the asset's own key.
  CHECK(DistinctRelations(back) ==
        std::set<std::string>{
            "vaggeryd/vgd-core01 connected_to vaggeryd/vgd-core02 [Twe1/0/19|]",
            "vaggeryd/vgd-core01 connected_to vaggeryd/vgd-core02 [Twe1/0/20|]",
            "vaggeryd/vgd-core01 connected_to vaggeryd/vgd-core02 [|]",
            "vaggeryd/vgd-gis01 runs_on vaggeryd/vgd-pve05 [|]",
        });
  CHECK(back.relations.size() == 4);
}

TEST_CASE("a scenario adds plateaus, gaps and work packages", "[planners][export][archimate]") {
  core::Estate estate = LoadedEstate(testing::ExportBatch());
  reports::ArchimateScenario scenario;
  scenario.name = "Alternativ 1";
  scenario.target_assets = {{"gnosjo", core::AssetKind::kService, "Ekonomisystem"},
                            {"gnosjo", core::AssetKind::kDevice, "gno-sw01"},
                            {"gnosjo", core::AssetKind::kDevice, "gno-nope"}};
  scenario.target_elements = {{"VMware ESXi 8", "SystemSoftware", "standard för hypervisor", {}},
                              {"Ny hall", "Something", "", {{"power_kw", "60"}}}};
  scenario.gaps = {{"gno-esx01: ESXi 6.7 till 8",
                    "",
                    {{"gnosjo", core::AssetKind::kDevice, "gno-esx01"},
                     {"gnosjo", core::AssetKind::kSoftware, "gno-esx01 ESXi"}},
                    {{"action", "upgrade"}, {"from", "vmware-esxi-6.7"}, {"to", "vmware-esxi-8"}}}};
  scenario.work_packages = {{"Våg 1", "", {{"gnosjo", core::AssetKind::kDevice, "gno-esx01"}}, {}},
                            {"Våg 2", "", {{"gnosjo", core::AssetKind::kVm, "gno-app01"}}, {}}};
  reports::ArchimateExportOptions options;
  options.scenario = &scenario;
  reports::ArchimateExport out = reports::WriteArchimate(estate, options);
  CHECK(Validate(out.xml).empty());
  CHECK(out.elements == estate.assets.size() + 2 + 2 + 1 + 2);
  CHECK(std::count(out.unresolved.begin(), out.unresolved.end(), "gnosjo/device/gno-nope") == 1);
  for (const char* needle : {"xsi:type=\"Plateau\">\n      <name>Nuläge</name>",
                             "xsi:type=\"Plateau\">\n      <name>Mål: Alternativ 1</name>",
                             "xsi:type=\"Gap\">\n      <name>gno-esx01: ESXi 6.7 till 8</name>",
                             "xsi:type=\"WorkPackage\">\n      <name>Våg 1</name>",
                             "xsi:type=\"WorkPackage\">\n      <name>Våg 2</name>",
                             "xsi:type=\"SystemSoftware\">\n      <name>VMware ESXi 8</name>",
                             "xsi:type=\"Grouping\">\n      <name>Ny hall</name>",
                             "<label xml:lang=\"en\">Implementation &amp; Migration</label>"}) {
    INFO(needle);
    CHECK(out.xml.find(needle) != std::string::npos);
  }
  // The plan is not the estate: reading the file back gives the same assets as without it.
  core::Diagnostics diagnostics;
  core::Estate back = Reimported(out.xml, diagnostics);
  CHECK(testing::Facts(back) == testing::Facts(estate));
  CHECK(DistinctRelations(back) == DistinctRelations(estate));
  CHECK(diagnostics.error_count() == 0);
}

TEST_CASE("the reverse of the import mapping picks element types",
          "[planners][export][archimate]") {
  struct Case {
    core::AssetKind kind;
    const char* archimate_type;  // attribute, or "" for none
    const char* expected;
  };
  const Case cases[] = {
      {core::AssetKind::kSite, "", "Location"},
      {core::AssetKind::kSite, "Facility", "Facility"},
      {core::AssetKind::kHall, "", "Facility"},
      {core::AssetKind::kRack, "", "Equipment"},
      {core::AssetKind::kDevice, "", "Device"},
      {core::AssetKind::kDevice, "Node", "Node"},
      {core::AssetKind::kDevice, "ApplicationComponent", "Device"},
      {core::AssetKind::kCluster, "", "Node"},
      {core::AssetKind::kVm, "", "Node"},
      {core::AssetKind::kClient, "", "Device"},
      {core::AssetKind::kSoftware, "", "SystemSoftware"},
      {core::AssetKind::kNetwork, "", "CommunicationNetwork"},
      {core::AssetKind::kNetwork, "Path", "Path"},
      {core::AssetKind::kService, "", "ApplicationComponent"},
      {core::AssetKind::kService, "TechnologyService", "TechnologyService"},
      {core::AssetKind::kService, "ApplicationService", "ApplicationService"},
  };
  for (const Case& c : cases) {
    core::Asset a = testing::MakeAsset("hylte", c.kind, "x");
    if (*c.archimate_type) a.SetAttr("archimate_type", c.archimate_type);
    INFO(core::ToString(c.kind) << " " << c.archimate_type);
    CHECK(reports::ArchimateTypeOf(a) == c.expected);
  }
}

TEST_CASE("Hylte's model survives import, export and import", "[planners][export][archimate]") {
  const std::string text = testing::ReadFixture(std::string(SAMDRIFT_SOURCE_DIR) +
                                                "/sample-inventories/hylte/hylte-tjanster.xml");
  importers::ArchimateImporter importer;
  auto first = testing::RunImporter(importer, text, "hylte-tjanster.xml", "hylte");
  REQUIRE(first.diagnostics.error_count() == 0);
  core::Estate estate = LoadedEstate(first.batch);
  reports::ArchimateExport out = reports::WriteArchimate(estate, {});
  CHECK(Validate(out.xml).empty());
  // Hylte's own identifiers are kept.
  CHECK(
      out.xml.find("identifier=\"id-5a030557\" xsi:type=\"Node\">\n      <name>HYL-HV01</name>") !=
      std::string::npos);
  auto second = testing::RunImporter(importer, out.xml, "hylte.xml", "hylte");
  CHECK(second.lines().empty());
  core::Estate back = LoadedEstate(second.batch);
  CHECK(testing::Facts(back) == testing::Facts(estate));
  CHECK(DistinctRelations(back) == DistinctRelations(estate));
}

TEST_CASE("the validator catches what the schema or Archi refuses",
          "[planners][export][archimate]") {
  const std::string bad =
      "<model xmlns=\"http://www.opengroup.org/xsd/archimate/3.0/\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" identifier=\"m\">\n"
      "  <name>m</name>\n"
      "  <propertyDefinitions>\n"
      "    <propertyDefinition identifier=\"p1\" "
      "type=\"text\"><name>x</name></propertyDefinition>\n"
      "  </propertyDefinitions>\n"
      "  <elements>\n"
      "    <element identifier=\"d1\" xsi:type=\"Device\"><name>sw</name></element>\n"
      "    <element identifier=\"n1\" xsi:type=\"Node\"><documentation>d</documentation>"
      "<name>vm</name></element>\n"
      "    <element identifier=\"1x\" xsi:type=\"Server\"><name>s</name></element>\n"
      "  </elements>\n"
      "  <relationships>\n"
      "    <relationship identifier=\"r1\" source=\"d1\" target=\"n1\" xsi:type=\"Assignment\"/>\n"
      "    <relationship identifier=\"r2\" source=\"d1\" target=\"zz\" xsi:type=\"Serving\"/>\n"
      "  </relationships>\n"
      "</model>\n";
  CHECK(Validate(bad) == std::vector<std::string>{
                             "<elements> out of order in <model>", "propertyDefinition type",
                             "element n1: <name> out of order", "identifier '1x' is not an NCName",
                             "element type Server", "Archi refuses Assignment from Device to Node",
                             "relationship r2 has a dangling end", "1x is in 0 folders",
                             "d1 is in 0 folders", "n1 is in 0 folders", "r1 is in 0 folders",
                             "r2 is in 0 folders"});
}

TEST_CASE("the target and wave plans become the scenario part", "[planners][export][archimate]") {
  core::Estate estate = LoadedEstate(testing::ExportBatch());
  planners::TargetPlan target;
  target.date = "2026-12-01";
  target.orgs = {"gnosjo", "varnamo"};
  planners::Standard hypervisor;
  hypervisor.capability = "hypervisor";
  hypervisor.technology = "vmware-esxi-8";
  hypervisor.name = "VMware ESXi 8.0";
  hypervisor.source = planners::StandardSource::kScenario;
  hypervisor.reason = "fixed by the scenario";
  planners::Standard server;
  server.capability = "server";
  server.technology = "hpe-proliant-dl380-gen10-plus";
  server.name = "HPE ProLiant DL380 Gen10 Plus";
  target.standards = {hypervisor, server};
  const core::Asset esxi =
      testing::MakeAsset("gnosjo", core::AssetKind::kSoftware, "gno-esx01 ESXi");
  const core::Asset pc = testing::MakeAsset("gnosjo", core::AssetKind::kClient, "gno-pc01");
  core::Technology esxi67, esxi8;
  esxi67.id = "vmware-esxi-6.7";
  esxi67.name = "VMware ESXi 6.7";
  esxi8.id = "vmware-esxi-8";
  planners::Gap upgrade;
  upgrade.subject = &esxi;
  upgrade.kind = core::AssetKind::kSoftware;
  upgrade.capability_id = planners::InternCapability("hypervisor");
  upgrade.from_technology = &esxi67;
  upgrade.to_technology = &esxi8;
  upgrade.why = planners::GapWhy::kNewerVersion;
  upgrade.action = planners::GapAction::kUpgrade;
  upgrade.effort_hours = 6;
  upgrade.past_end_of_support = true;
  planners::Gap retire = upgrade;
  retire.subject = &pc;
  retire.kind = core::AssetKind::kClient;
  retire.action = planners::GapAction::kRetire;
  target.gaps = {upgrade, retire};

  planners::WavePlan waves;
  auto planned = [](std::string id, std::string org, std::string asset, std::string kind) {
    planners::PlannedItem p;
    p.item.id = std::move(id);
    p.item.org = std::move(org);
    p.item.asset = std::move(asset);
    p.item.kind = std::move(kind);
    return p;
  };
  waves.items = {planned("build:core", "joint", "DC1 nätkärna", "build"),
                 planned("gnosjo:esxi:upgrade", "gnosjo", "gno-esx01 ESXi", "software"),
                 planned("gnosjo:app:migrate", "gnosjo", "gno-app01", "vm")};
  waves.waves = {
      {1, {0, 1}, 0.5, 14, {"gnosjo", "joint"}, {}, {}, "", "", {}},  // indices into items
      {2, {2}, 0, 2, {"gnosjo"}, {}, {}, "", "", {}}};

  reports::ArchimateScenario s =
      reports::ArchimateScenarioFrom(estate, "Alternativ 1", &target, &waves);
  CHECK(s.target_assets.size() == estate.assets.size() - 1);  // the retired client left out
  REQUIRE(s.target_elements.size() == 2);
  CHECK(s.target_elements[0].type == "SystemSoftware");
  CHECK(s.target_elements[1].type == "Device");
  REQUIRE(s.gaps.size() == 2);
  CHECK(s.gaps[0].name == "gno-esx01 ESXi: VMware ESXi 6.7 → VMware ESXi 8.0");
  CHECK(s.gaps[1].name == "gno-pc01: VMware ESXi 6.7 → avvecklas");
  REQUIRE(s.work_packages.size() == 2);
  CHECK(s.work_packages[0].name == "Våg 1");
  CHECK(s.work_packages[0].items.size() == 1);
  CHECK(s.work_packages[0].documentation ==
        "2 åtgärder, 0.5 kW, 14 timmar; byggs först: DC1 nätkärna");
  CHECK(s.work_packages[1].items[0].kind == core::AssetKind::kVm);

  reports::ArchimateExportOptions options;
  options.scenario = &s;
  reports::ArchimateExport out = reports::WriteArchimate(estate, options);
  CHECK(Validate(out.xml).empty());
  CHECK(out.unresolved.size() == 1);  // the model's own unresolved relation, nothing else
  CHECK(out.xml.find("<name>Våg 2</name>") != std::string::npos);
}
