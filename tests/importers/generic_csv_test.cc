#include "importers/generic_csv.h"

#include <catch2/catch.hpp>

#include "importers/registry.h"
#include "tests/importers/test_util.h"
#include "tests/test_paths.h"

using namespace samdrift;
using importers::GenericCsvImporter;
using importers::GenericTable;
using testing::ReadFixture;
using testing::RunImporter;

namespace {

const std::string kDir = std::string(SAMDRIFT_TEST_DATA) + "/generic-csv/";

testing::Imported Fixture(GenericTable table, const std::string& name) {
  return RunImporter(GenericCsvImporter(table), ReadFixture(kDir + name), name);
}

}  // namespace

TEST_CASE("Swedish Excel export: cp1252, semicolons, CRLF, decimal commas", "[importers][csv]") {
  auto r = Fixture(GenericTable::kAssets, "swedish-excel-cp1252.csv");
  CHECK(r.lines() == std::vector<std::string>{
                         "swedish-excel-cp1252.csv:2: warning[ENC001]: not valid UTF-8 (first at "
                         "byte 162, 0xF6); read as Windows-1252"});
  REQUIRE(r.batch.assets.size() == 4);
  const auto& esx = r.batch.assets[0];
  CHECK(esx.name == "esx-gn-01");
  CHECK(esx.site == "Gnosj\xC3\xB6 kommunhus");
  CHECK(esx.power_w == 712.5);
  CHECK(esx.u_height == 2);
  CHECK(esx.position == 10);
  CHECK(esx.redundancy_group == "kluster-1");
  CHECK(esx.criticality == "high");
  CHECK(esx.category == core::Category::kDatacenter);
  CHECK(esx.provenance.line == 2);
  CHECK(r.batch.assets[1].power_w == 1100.0);
  const auto& sw = r.batch.assets[2];
  CHECK(sw.name == "k\xC3\xA4rn; switch 1");
  CHECK(sw.role == "core-switch");
  CHECK(sw.category == core::Category::kNetwork);
  CHECK(sw.criticality == "critical");
  const auto& pdu = r.batch.assets[3];
  CHECK(pdu.name == "Anteckning \"citat\"\nmed radbrytning");
  CHECK(pdu.provenance.line == 5);
  CHECK_FALSE(pdu.power_w);
}

TEST_CASE("UTF-8 with BOM, tabs, thousands separators", "[importers][csv]") {
  auto r = Fixture(GenericTable::kAssets, "tab-delimited-utf8-bom.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);
  CHECK(r.batch.assets[0].name == "srv-1");
  CHECK(r.batch.assets[0].power_w == 1234.5);
}

TEST_CASE("CR line ends and a missing final newline", "[importers][csv]") {
  auto r = Fixture(GenericTable::kAssets, "cr-line-ends.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 2);
  CHECK(r.batch.assets[1].provenance.line == 3);
}

TEST_CASE("each defect gives its located diagnostic", "[importers][csv]") {
  struct Case {
    GenericTable table;
    const char* file;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {GenericTable::kAssets,
       "unknown-header.csv",
       {"unknown-header.csv:1:3: error[CSV003]: unknown column 'vendr'; did you mean 'vendor'?"}},
      {GenericTable::kAssets,
       "duplicate-header.csv",
       {"duplicate-header.csv:1:3: error[CSV005]: column 'name' appears twice (columns 1 and 3)"}},
      {GenericTable::kAssets,
       "ragged-record.csv",
       {"ragged-record.csv:3: error[CSV006]: record has 2 fields, the header has 3"}},
      {GenericTable::kAssets,
       "non-numeric-u-height.csv",
       {"non-numeric-u-height.csv:2:3: error[CSV004]: column 'u_height': expected a whole number, "
        "got '4,5'"}},
      {GenericTable::kAssets,
       "negative-power.csv",
       {"negative-power.csv:2:3: error[CSV007]: column 'power_w': must not be negative, got "
        "'-250'"}},
      {GenericTable::kAssets,
       "zero-u-height.csv",
       {"zero-u-height.csv:2:3: error[CSV008]: column 'u_height': must be 1 to 60 rack units, got "
        "'0'"}},
      {GenericTable::kAssets,
       "too-large-u-height.csv",
       {"too-large-u-height.csv:2:3: error[CSV008]: column 'u_height': must be 1 to 60 rack units, "
        "got '99'"}},
      {GenericTable::kAssets,
       "duplicate-asset-name.csv",
       {"duplicate-asset-name.csv:4:1: error[CSV009]: duplicate asset 'esx01': already on line 2"}},
      {GenericTable::kRelations,
       "unknown-relation-kind.csv",
       {"unknown-relation-kind.csv:2:2: error[CSV010]: column 'relation': unknown relation "
        "'runs-on'; did you mean 'runs_on'?"}},
      {GenericTable::kAssets, "empty.csv", {"empty.csv:1: error[CSV001]: the file is empty"}},
      {GenericTable::kAssets,
       "header-only.csv",
       {"header-only.csv:1: error[CSV002]: the file has a header but no records"}},
      {GenericTable::kAssets,
       "unclosed-quote.csv",
       {"unclosed-quote.csv:3: error[CSV014]: quoted field is not closed before the end of the "
        "file"}},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    auto r = Fixture(c.table, c.file);
    CHECK(r.lines() == c.expected);
  }
}

TEST_CASE("every problem in a file is reported, not only the first", "[importers][csv]") {
  auto r = Fixture(GenericTable::kAssets, "every-problem.csv");
  CHECK(r.lines() ==
        std::vector<std::string>{
            "every-problem.csv:1:5: error[CSV003]: unknown column 'colour'",
            "every-problem.csv:2: error[CSV006]: record has 4 fields, the header has 5",
            "every-problem.csv:3:1: error[CSV012]: column 'name': empty; every asset needs one",
            "every-problem.csv:4:2: error[CSV013]: column 'kind': unknown asset kind 'gizmo'",
        });
}

TEST_CASE("kind words in Swedish and role words", "[importers][csv]") {
  auto r = RunImporter(GenericCsvImporter(GenericTable::kAssets),
                       "namn;typ\nfw1;brandvägg\nhall;serverhall\nekonomi;tjänst\n", "x.csv");
  CHECK(r.lines().empty());
  REQUIRE(r.batch.assets.size() == 3);
  CHECK(r.batch.assets[0].kind == core::AssetKind::kDevice);
  CHECK(r.batch.assets[0].role == "brandvägg");
  CHECK(r.batch.assets[1].kind == core::AssetKind::kHall);
  CHECK(r.batch.assets[2].kind == core::AssetKind::kService);
}

TEST_CASE("halls and networks", "[importers][csv]") {
  auto halls = RunImporter(GenericCsvImporter(GenericTable::kHalls),
                           "plats;hall;platser;effekt_kw;kyla_kw\nKommunhuset;Hall A;8;40,5;45\n",
                           "hallar.csv");
  CHECK(halls.lines().empty());
  REQUIRE(halls.batch.assets.size() == 1);
  CHECK(halls.batch.assets[0].Key() == "Kommunhuset/Hall A");
  CHECK(*halls.batch.assets[0].Attr("positions") == "8");
  CHECK(std::stod(*halls.batch.assets[0].Attr("power_kw")) == 40.5);

  auto nets = RunImporter(GenericCsvImporter(GenericTable::kNetworks),
                          "prefix,vlan,name,site,vrf,role\n10.10.0.0/16,10,Klienter,HQ,,clients\n"
                          "10.10.0.0/16,,Dup,HQ,,\n,20,Servrar,HQ,,servers\n,5000,x,,,\n"
                          "10.10.1.1/16,,Host bits,,,\n10.0.0.0/33,,Too long,,,\n"
                          "skolnät,,Text,,,\n",
                          "networks.csv");
  CHECK(nets.lines() ==
        std::vector<std::string>{
            "networks.csv:5:2: error[NET004]: column 'vlan': expected a VLAN id 1-4094, got "
            "'5000'",
            "networks.csv:6:1: error[NET001]: '10.10.1.1/16' has host bits set (did you mean "
            "10.10.0.0/16?)",
            "networks.csv:7:1: error[NET002]: '10.0.0.0/33': prefix length 33 is out of range "
            "for IPv4 (0-32)",
            "networks.csv:8:1: error[NET003]: 'skolnät' is not an IP prefix (expected e.g. "
            "10.1.0.0/16 or 2001:db8::/32)"});
  REQUIRE(nets.batch.assets.size() == 3);
  CHECK(nets.batch.assets[0].name == "10.10.0.0/16");
  CHECK(*nets.batch.assets[1].Attr("duplicate_of_line") == "2");
  CHECK(nets.batch.assets[2].name == "VLAN 20");
}

TEST_CASE("a hall's positions up to the largest long long stay whole", "[importers][csv]") {
  // 2^63 - 1 parses as a long long but rounds up to 2^63 as a double, whose conversion back to
  // long long was undefined (UBSan); the number is kept as written instead.
  auto halls = RunImporter(GenericCsvImporter(GenericTable::kHalls),
                           "site,hall,positions\nHQ,A,9223372036854775807\nHQ,B,12\n", "halls.csv");
  CHECK(halls.lines().empty());
  REQUIRE(halls.batch.assets.size() == 2);
  CHECK(*halls.batch.assets[0].Attr("positions") == "9223372036854775807");
  CHECK(*halls.batch.assets[1].Attr("positions") == "12");
}

TEST_CASE("detection picks the generic table from the header", "[importers][csv]") {
  auto name_of = [](const std::string& content) {
    const importers::Importer* i = importers::DetectImporter(content);
    return i ? std::string(i->Name()) : std::string("none");
  };
  CHECK(name_of("namn;typ;tillverkare\nx;device;HPE\n") == "assets-csv");
  CHECK(name_of("\xEF\xBB\xBFname,kind,vendr\n") == "assets-csv");
  CHECK(name_of("kalla;relation;mal\n") == "relations-csv");
  CHECK(name_of("site,hall,positions,power_kw,cooling_kw\n") == "halls-csv");
  CHECK(name_of("prefix;vlan;namn\n") == "networks-csv");
  CHECK(name_of("<?xml version=\"1.0\"?><unknown-root/>") == "none");
  // NetBox's interfaces export shares "name" and "type" but is not a samdrift template.
  CHECK(name_of("device,name,label,type,enabled,mgmt_only,description\n") != "assets-csv");
}

TEST_CASE("a file over one pre-pass slice: Windows-1252 late in it, a duplicate far apart",
          "[importers][csv]") {
  // About 40 MiB, so that the encoding check and the line count run over two slices: the first
  // slice is valid UTF-8, the second holds a Windows-1252 byte, which must decode the whole file.
  // Rows of 2 KB (a long serial) keep the row count, and the test's time, small.
  const std::string serial(2000, 'S');
  std::string text = "name,kind,site,serial\n";
  int line = 1;
  while (text.size() < (std::size_t{40} << 20)) {
    text += "srv-" + std::to_string(++line) + ",server,Hylte," + serial + "\n";
  }
  text += "srv-2,server,Hylte,\n";  // a duplicate of line 2, some 20,000 lines later
  ++line;
  const std::size_t first_bad = text.size() + 2;  // the 'ä' of "växel", counted from 1
  text += "v\xE4xel-1,server,V\xE4rnamo,\n";      // "växel-1", "Värnamo" in Windows-1252
  ++line;
  auto r = RunImporter(GenericCsvImporter(GenericTable::kAssets), text, "big.csv");
  REQUIRE(r.lines().size() == 2);
  CHECK(r.lines()[0] == "big.csv:" + std::to_string(line) +
                            ": warning[ENC001]: not valid UTF-8 (first at byte " +
                            std::to_string(first_bad) + ", 0xE4); read as Windows-1252");
  CHECK(r.lines()[1] == "big.csv:" + std::to_string(line - 1) +
                            ":1: error[CSV009]: duplicate asset 'srv-2': already on line 2");
  REQUIRE_FALSE(r.batch.assets.empty());
  CHECK(r.batch.assets.back().name == "v\xC3\xA4xel-1");
  CHECK(r.batch.assets.back().site == "V\xC3\xA4rnamo");
  CHECK(r.batch.assets.back().provenance.line == line);
}
