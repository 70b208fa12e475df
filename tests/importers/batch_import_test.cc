#include "importers/batch_import.h"

#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "importers/registry.h"
#include "tests/importers/test_util.h"

using namespace samdrift;
namespace fs = std::filesystem;

namespace {

fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / "samdrift-batch-test" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a batch with one bad file stores nothing", "[importers][batch]") {
  auto dir = Scratch("atomic");
  Write(dir / "assets.csv", "name,kind\nesx01,device\n");
  Write(dir / "relations.csv", "source,relation,target\nvm1,runs-on,esx01\n");
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  importers::ImportRequest request;
  request.paths = {dir.string()};
  request.options.org = "gnosjo";
  core::Diagnostics d;
  auto report = importers::RunImport(request, store->get(), d);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == core::ErrorCode::kInvalidInput);
  CHECK((*store)->Stats()->total == 0);
  REQUIRE(d.error_count() == 1);
  CHECK(core::FormatDiagnostic(d.items()[0]) ==
        (dir / "relations.csv").string() +
            ":2:2: error[CSV010]: column 'relation': unknown relation 'runs-on'; did you mean "
            "'runs_on'?");
}

TEST_CASE("dry runs validate and store nothing", "[importers][batch]") {
  auto dir = Scratch("dry");
  Write(dir / "assets.csv", "name,kind\nesx01,device\n");
  auto store = core::Store::OpenInMemory();
  importers::ImportRequest request;
  request.paths = {(dir / "assets.csv").string()};
  request.options.org = "gnosjo";
  request.dry_run = importers::DryRun::kYes;
  core::Diagnostics d;
  auto report = importers::RunImport(request, store->get(), d);
  REQUIRE(report.ok());
  CHECK(report->files.size() == 1);
  CHECK(report->files[0].format == "assets-csv");
  CHECK((*store)->Stats()->total == 0);
}

TEST_CASE("unknown formats suggest the closest name", "[importers][batch]") {
  importers::ImportRequest request;
  request.paths = {"x"};
  request.options.org = "gnosjo";
  request.format = "asets-csv";
  core::Diagnostics d;
  auto report = importers::RunImport(request, nullptr, d);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == core::ErrorCode::kUsage);
  CHECK(report.status().message() ==
        "unknown format 'asets-csv'; did you mean 'assets-csv'? (see 'samdrift formats')");
}

TEST_CASE("files no importer claims are located errors", "[importers][batch]") {
  auto dir = Scratch("unknown");
  Write(dir / "notes.txt", "hello\n");
  importers::ImportRequest request;
  request.paths = {(dir / "notes.txt").string()};
  request.options.org = "gnosjo";
  core::Diagnostics d;
  auto report = importers::RunImport(request, nullptr, d);
  REQUIRE_FALSE(report.ok());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "FMT001");
}

TEST_CASE("a long DOCTYPE does not hide the root element from detection", "[importers][batch]") {
  // The internal subset alone is longer than the 64 KiB detection looks at.
  const std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE lldp [\n<!-- " +
                          std::string(70000, 'x') + " -->\n]>\n<lldp label=\"LLDP neighbors\"/>\n";
  REQUIRE(importers::DetectImporter(xml));
  CHECK(importers::DetectImporter(xml)->Name() == "lldpctl-xml");
  auto dir = Scratch("doctype");
  Write(dir / "long-doctype.xml", xml);
  importers::ImportRequest request;
  request.paths = {(dir / "long-doctype.xml").string()};
  request.options.org = "gnosjo";
  request.dry_run = importers::DryRun::kYes;
  core::Diagnostics d;
  auto report = importers::RunImport(request, nullptr, d);
  REQUIRE(report.ok());
  REQUIRE(report->files.size() == 1);
  CHECK(report->files[0].format == "lldpctl-xml");
}

TEST_CASE("a named pipe given as a path is refused, not waited on", "[importers][batch]") {
  auto dir = Scratch("fifo");
  const std::string fifo = (dir / "export.csv").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  importers::ImportRequest request;
  request.paths = {fifo};
  request.options.org = "gnosjo";
  core::Diagnostics d;
  auto report = importers::RunImport(request, nullptr, d);
  REQUIRE_FALSE(report.ok());
  CHECK(report.status().code() == core::ErrorCode::kInvalidInput);
  CHECK(report.status().message() ==
        fifo +
            ": error[IO004]: this is a named pipe (FIFO), not a regular file; save its content "
            "to a file and import that");
  // In a folder, only regular files are imported: the pipe is passed over.
  Write(dir / "assets.csv", "name,kind\nesx01,device\n");
  request.paths = {dir.string()};
  request.dry_run = importers::DryRun::kYes;
  report = importers::RunImport(request, nullptr, d);
  REQUIRE(report.ok());
  CHECK(report->files.size() == 1);
}

TEST_CASE("references resolve within the batch or against the store", "[importers][batch]") {
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  core::Asset stored;
  stored.org = "gnosjo";
  stored.name = "esx01";
  stored.provenance = {"t", "b.csv", 1};
  core::Batch in_store;
  in_store.assets.push_back(stored);
  REQUIRE((*store)->Apply(in_store).ok());

  core::Batch batch;
  core::Asset local = stored;
  local.name = "esx02";
  batch.assets.push_back(local);
  auto ref = [](std::string key) {
    core::Reference r;
    r.org = "gnosjo";
    r.kind = core::AssetKind::kDevice;
    r.key = key;
    r.where = {"cables.csv", 2, 0};
    r.code = "REF001";
    r.message = "no device '" + key + "'";
    return r;
  };
  batch.references = {ref("esx01"), ref("esx02"), ref("esx03")};
  core::Diagnostics with_store;
  importers::CheckReferences(batch, store->get(), with_store);
  CHECK(testing::Formatted(with_store) ==
        std::vector<std::string>{"cables.csv:2: error[REF001]: no device 'esx03'"});
  core::Diagnostics without_store;
  importers::CheckReferences(batch, nullptr, without_store);
  CHECK(without_store.error_count() == 2);
}

namespace {

// Rows name-00000 .. name-(n-1), spread over two sites, each row in a rack of its hall.
std::string ManyRows(int n, const std::string& name) {
  std::string csv = "name,kind,site,hall,rack,u_height\n";
  for (int i = 0; i < n; ++i) {
    char row[160];
    std::snprintf(row, sizeof row, "%s-%05d,device,Site %d,Hall %d,R%02d,1\n", name.c_str(), i,
                  i % 2, i % 3, i % 40);
    csv += row;
  }
  return csv;
}

// Every asset of the store as "org kind key site/hall/rack", sorted.
std::vector<std::string> Rows(const core::Store& store) {
  std::vector<std::string> rows;
  REQUIRE(store
              .ForEachAsset({},
                            [&](core::Asset&& a) {
                              rows.push_back(a.org + " " + std::string(core::ToString(a.kind)) +
                                             " " + a.Key() + " " + a.site + "/" + a.hall + "/" +
                                             a.rack);
                            })
              .ok());
  std::sort(rows.begin(), rows.end());
  return rows;
}

}  // namespace

TEST_CASE("a large file is stored while it is parsed, all or nothing", "[importers][batch]") {
  // 30,000 rows: several chunks reach the store before the file is finished.
  auto dir = Scratch("streamed");
  const std::string good = ManyRows(30000, "srv");
  Write(dir / "assets.csv", good);
  auto store = core::Store::OpenInMemory();
  REQUIRE(store.ok());
  importers::ImportRequest request;
  request.paths = {(dir / "assets.csv").string()};
  request.options.org = "gnosjo";
  core::Diagnostics d;
  auto report = importers::RunImport(request, store->get(), d);
  REQUIRE(report.ok());
  CHECK(report->files.at(0).assets == 30000);
  CHECK(report->stored.assets_written == 30000);
  auto stats = (*store)->Stats();
  // (i % 2, i % 3, i % 40) repeats every 120 rows: 120 racks in 6 halls on 2 sites.
  CHECK(stats->orgs.at("gnosjo").by_kind.at(core::AssetKind::kDevice) == 30000);
  CHECK(stats->orgs.at("gnosjo").by_kind.at(core::AssetKind::kSite) == 2);
  CHECK(stats->orgs.at("gnosjo").by_kind.at(core::AssetKind::kHall) == 6);
  CHECK(stats->orgs.at("gnosjo").by_kind.at(core::AssetKind::kRack) == 120);
  const auto before = Rows(**store);

  // The same file again, with a bad number on its last line: the chunks already written are
  // rolled back with the rest, and the first import stays as it was.
  Write(dir / "assets.csv", ManyRows(29999, "new") + "new-29999,device,Site 0,Hall 0,R00,abc\n");
  core::Diagnostics bad;
  auto failed = importers::RunImport(request, store->get(), bad);
  REQUIRE_FALSE(failed.ok());
  REQUIRE(bad.error_count() == 1);
  CHECK(core::FormatDiagnostic(bad.items()[0]) ==
        (dir / "assets.csv").string() +
            ":30001:6: error[CSV004]: column 'u_height': expected a whole number, got 'abc'");
  CHECK(Rows(**store) == before);

  // Re-importing the good file goes the other way (its org has rows): the same result.
  Write(dir / "assets.csv", good);
  core::Diagnostics again;
  auto replaced = importers::RunImport(request, store->get(), again);
  REQUIRE(replaced.ok());
  CHECK(replaced->stored.assets_replaced == 30000);
  CHECK(Rows(**store) == before);
}
