#include "importers/batch_import.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

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
