#include "core/store.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

using namespace samdrift::core;

namespace {

Asset Device(std::string org, std::string name, std::string source, int line = 1) {
  Asset a;
  a.org = std::move(org);
  a.name = std::move(name);
  a.kind = AssetKind::kDevice;
  a.role = "server";
  a.category = Category::kDatacenter;
  a.site = "Stadshuset";
  a.hall = "Serverhall 1";
  a.rack = "R1";
  a.provenance = {"test", std::move(source), line};
  return a;
}

std::unique_ptr<Store> Memory() {
  auto store = Store::OpenInMemory();
  REQUIRE(store.ok());
  return std::move(store).value();
}

std::filesystem::path TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / "samdrift-store-test";
  std::filesystem::create_directories(dir);
  auto p = dir / name;
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(p.string() + s);
  return p;
}

}  // namespace

TEST_CASE("a batch implies its sites, halls and racks", "[core][store]") {
  auto store = Memory();
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
  batch.assets.push_back(Device("gnosjo", "esx02", "a.csv"));
  REQUIRE(store->Apply(batch).ok());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  const auto& counts = stats->orgs.at("gnosjo");
  CHECK(counts.by_kind.at(AssetKind::kDevice) == 2);
  CHECK(counts.by_kind.at(AssetKind::kRack) == 1);
  CHECK(counts.by_kind.at(AssetKind::kHall) == 1);
  CHECK(counts.by_kind.at(AssetKind::kSite) == 1);
  CHECK(stats->total == 5);
  CHECK(*store->HasAsset("gnosjo", AssetKind::kRack, "Stadshuset/Serverhall 1/R1"));
}

TEST_CASE("re-importing a file replaces what it brought", "[core][store]") {
  auto store = Memory();
  Batch first;
  first.assets.push_back(Device("gnosjo", "esx01", "dir1/a.csv"));
  first.assets.push_back(Device("gnosjo", "esx02", "dir1/a.csv"));
  REQUIRE(store->Apply(first).ok());
  Batch again;
  again.assets.push_back(Device("gnosjo", "esx01", "dir2/a.csv"));
  auto summary = store->Apply(again);
  REQUIRE(summary.ok());
  CHECK(summary->assets_replaced == 2);
  CHECK(store->Stats()->orgs.at("gnosjo").by_kind.at(AssetKind::kDevice) == 1);
  // Another org's file of the same name is someone else's.
  Batch other;
  other.assets.push_back(Device("hylte", "esx01", "a.csv"));
  REQUIRE(store->Apply(other).ok());
  CHECK(store->Stats()->orgs.at("gnosjo").by_kind.at(AssetKind::kDevice) == 1);
  CHECK(store->Stats()->orgs.at("hylte").by_kind.at(AssetKind::kDevice) == 1);
}

TEST_CASE("implied locations disappear with the last row naming them", "[core][store]") {
  auto store = Memory();
  Batch first;
  first.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
  REQUIRE(store->Apply(first).ok());
  Batch moved;
  Asset a = Device("gnosjo", "esx01", "a.csv");
  a.rack = "R2";
  moved.assets.push_back(a);
  REQUIRE(store->Apply(moved).ok());
  CHECK_FALSE(*store->HasAsset("gnosjo", AssetKind::kRack, "Stadshuset/Serverhall 1/R1"));
  CHECK(*store->HasAsset("gnosjo", AssetKind::kRack, "Stadshuset/Serverhall 1/R2"));
}

TEST_CASE("declared halls keep their capacity over implied ones", "[core][store]") {
  auto store = Memory();
  Batch devices;
  devices.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
  REQUIRE(store->Apply(devices).ok());
  Batch halls;
  Asset hall;
  hall.org = "gnosjo";
  hall.kind = AssetKind::kHall;
  hall.name = "Serverhall 1";
  hall.site = "Stadshuset";
  hall.SetAttr("positions", "8");
  hall.provenance = {"test", "halls.csv", 2};
  halls.assets.push_back(hall);
  REQUIRE(store->Apply(halls).ok());
  REQUIRE(store->Apply(devices).ok());  // re-import must not drop the declared hall
  std::vector<Asset> found;
  REQUIRE(store
              ->ForEachAsset({{"gnosjo"}, true},
                             [&](Asset&& a) {
                               if (a.kind == AssetKind::kHall) found.push_back(std::move(a));
                             })
              .ok());
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].Attr("positions"));
  CHECK(*found[0].Attr("positions") == "8");
  CHECK(found[0].provenance.source == "halls.csv");
}

TEST_CASE("patches update named fields and keep the rest", "[core][store]") {
  auto store = Memory();
  Batch full;
  Asset pc = Device("hylte", "pc-01", "pc-01.json");
  pc.kind = AssetKind::kClient;
  pc.category = Category::kClient;
  pc.vendor = "Dell Inc.";
  pc.version = "10";
  full.assets.push_back(pc);
  REQUIRE(store->Apply(full).ok());
  Batch partial;
  Asset update;
  update.org = "hylte";
  update.kind = AssetKind::kClient;
  update.name = "pc-01";
  update.version = "11";
  update.mode = WriteMode::kPatch;
  update.provenance = {"partial-test", "pc-01-partial.json", 1};
  partial.assets.push_back(update);
  REQUIRE(store->Apply(partial).ok());
  std::vector<Asset> all;
  REQUIRE(store
              ->ForEachAsset({{"hylte"}, true},
                             [&](Asset&& a) {
                               if (a.kind == AssetKind::kClient) all.push_back(std::move(a));
                             })
              .ok());
  REQUIRE(all.size() == 1);
  CHECK(all[0].version == "11");
  CHECK(all[0].vendor == "Dell Inc.");
  CHECK(all[0].provenance.source == "pc-01.json");
  CHECK(all[0].category == Category::kClient);  // a patch names no category: kept
  CHECK(all[0].provenance.importer == pc.provenance.importer);
}

TEST_CASE("fills add what is empty and never change what another file declared", "[core][store]") {
  auto store = Memory();
  Batch declared;
  Asset sw = Device("vaggeryd", "vgd-core01", "assets.csv");
  sw.role = "core-switch";
  sw.vendor = "Cisco";
  sw.SetAttr("note", "declared");
  declared.assets.push_back(sw);
  REQUIRE(store->Apply(declared).ok());

  Batch scan;
  Asset seen;
  seen.org = "vaggeryd";
  seen.kind = AssetKind::kDevice;
  seen.category = Category::kNetwork;
  seen.name = "vgd-core01";
  seen.role = "switch";
  seen.vendor = "Cisco Systems";
  seen.version = "17.9.4a";
  seen.SetAttr("note", "observed");
  seen.SetAttr("ip", "10.30.250.100");
  seen.mode = WriteMode::kFill;
  seen.provenance = {"nmap-xml", "nmap.xml", 0};
  Asset vm = seen;
  vm.name = "vgd-app-eko";
  vm.kind = AssetKind::kVm;
  scan.assets.push_back(seen);
  scan.assets.push_back(vm);
  REQUIRE(store->Apply(scan).ok());
  REQUIRE(store->Apply(scan).ok());  // again: the same store

  std::vector<Asset> all;
  REQUIRE(store
              ->ForEachAsset({{"vaggeryd"}, true},
                             [&](Asset&& a) {
                               if (a.kind == AssetKind::kDevice || a.kind == AssetKind::kVm) {
                                 all.push_back(std::move(a));
                               }
                             })
              .ok());
  REQUIRE(all.size() == 2);
  const Asset& core = all[0].name == "vgd-core01" ? all[0] : all[1];
  const Asset& app = all[0].name == "vgd-core01" ? all[1] : all[0];
  CHECK(core.role == "core-switch");
  CHECK(core.vendor == "Cisco");
  CHECK(core.version == "17.9.4a");
  CHECK(core.rack == "R1");
  CHECK(core.category == Category::kDatacenter);
  CHECK(*core.Attr("note") == "declared");
  CHECK(*core.Attr("ip") == "10.30.250.100");
  CHECK(core.attributes.size() == 2);
  CHECK(core.provenance.source == "assets.csv");
  CHECK(app.provenance.source == "nmap.xml");

  // The declaring file imported again keeps its fields; the scan still owns only its own rows.
  REQUIRE(store->Apply(declared).ok());
  Batch empty_scan;
  Asset other = vm;
  other.name = "vgd-app-lon";
  empty_scan.assets.push_back(other);
  REQUIRE(store->Apply(empty_scan).ok());
  auto has_core = store->HasAsset("vaggeryd", AssetKind::kDevice, "vgd-core01");
  auto has_app = store->HasAsset("vaggeryd", AssetKind::kVm, "vgd-app-eko");
  REQUIRE(has_core.ok());
  REQUIRE(has_app.ok());
  CHECK(*has_core);
  CHECK_FALSE(*has_app);
}

TEST_CASE("a patch keeps the category the inventory gave", "[core][store]") {
  auto store = Memory();
  Batch batch;
  Asset sw = Device("hylte", "HYL-CORE01", "assets.csv");
  sw.role = "core-switch";
  sw.category = Category::kNetwork;
  batch.assets.push_back(sw);
  Asset patch = Device("hylte", "HYL-CORE01", "model.xml");
  patch.category = Category::kDatacenter;  // the default for a device without a role
  patch.criticality = "critical";
  patch.mode = WriteMode::kPatch;
  batch.assets.push_back(patch);
  Asset fresh = Device("hylte", "HYL-FW09", "model.xml");
  fresh.category = Category::kNetwork;
  fresh.mode = WriteMode::kPatch;
  batch.assets.push_back(fresh);
  REQUIRE(store->Apply(batch).ok());
  std::vector<Asset> all;
  REQUIRE(store
              ->ForEachAsset({{"hylte"}, true},
                             [&](Asset&& a) {
                               if (a.kind == AssetKind::kDevice) all.push_back(std::move(a));
                             })
              .ok());
  REQUIRE(all.size() == 2);
  CHECK(all[0].name == "HYL-CORE01");
  CHECK(all[0].category == Category::kNetwork);
  CHECK(all[0].criticality == "critical");
  CHECK(all[1].name == "HYL-FW09");
  CHECK(all[1].category == Category::kNetwork);
}

TEST_CASE("relations resolve when their target arrives", "[core][store]") {
  auto store = Memory();
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "vm01", "a.csv"));
  Relation r;
  r.org = "gnosjo";
  r.source = "vm01";
  r.kind = RelationKind::kRunsOn;
  r.target = "esx09";
  r.provenance = {"test", "rel.csv", 2};
  batch.relations.push_back(r);
  REQUIRE(store->Apply(batch).ok());
  CHECK(store->Stats()->unresolved_relations == 1);
  Batch later;
  later.assets.push_back(Device("gnosjo", "esx09", "b.csv"));
  REQUIRE(store->Apply(later).ok());
  CHECK(store->Stats()->unresolved_relations == 0);
  CHECK(store->Stats()->relations == 1);

  Batch fqdn;
  Relation by_dns = r;
  by_dns.target = "esx09.gnosjo.local";
  by_dns.provenance.source = "rel2.csv";
  fqdn.relations.push_back(by_dns);
  Relation missing = by_dns;
  missing.target = "esx10.gnosjo.local";
  fqdn.relations.push_back(missing);
  REQUIRE(store->Apply(fqdn).ok());
  CHECK(store->Stats()->unresolved_relations == 1);
}

TEST_CASE("attributes survive the store, with separators cleaned", "[core][store]") {
  auto store = Memory();
  Batch batch;
  Asset a = Device("gnosjo", "esx01", "a.csv");
  a.SetAttr("cpu", "2 x Xeon");
  a.SetAttr("note", std::string("a\x1e"
                                "b"));
  batch.assets.push_back(a);
  REQUIRE(store->Apply(batch).ok());
  auto estate = store->LoadEstate({{"gnosjo"}, true});
  REQUIRE(estate.ok());
  bool seen = false;
  for (const Asset& x : estate->assets) {
    if (x.name != "esx01") continue;
    seen = true;
    CHECK(*x.Attr("cpu") == "2 x Xeon");
    CHECK(*x.Attr("note") == "ab");
  }
  CHECK(seen);
}

TEST_CASE("init refuses foreign files and is harmless twice", "[core][store]") {
  auto path = TempPath("twice.db");
  {
    auto s = Store::Create(path.string());
    REQUIRE(s.ok());
    Batch batch;
    batch.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
    REQUIRE((*s)->Apply(batch).ok());
  }
  auto again = Store::Create(path.string());
  REQUIRE(again.ok());
  CHECK((*again)->Stats()->total == 4);

  auto text = TempPath("notes.txt");
  std::ofstream(text) << "just some text, not a database at all, long enough to have a header\n";
  auto refused = Store::Create(text.string());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == ErrorCode::kStore);
  CHECK(refused.status().message().find("not a samdrift store") != std::string::npos);

  auto missing = Store::Open(TempPath("missing.db").string(), OpenMode::kReadOnly);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "no samdrift store at '" + TempPath("missing.db").string() +
                                          "' (create one with 'samdrift init')");
}

TEST_CASE("a full store fails the whole batch", "[core][store]") {
  auto path = TempPath("full.db");
  auto store = Store::Create(path.string());
  REQUIRE(store.ok());
  auto before = (*store)->Stats()->total;
  REQUIRE((*store)->LimitPages(40).ok());
  Batch batch;
  for (int i = 0; i < 20000; ++i) {
    batch.assets.push_back(Device("gnosjo", "server-" + std::to_string(i), "big.csv", i + 2));
  }
  auto result = (*store)->Apply(batch);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == ErrorCode::kStore);
  CHECK(result.status().message().find("is full") != std::string::npos);
  CHECK((*store)->Stats()->total == before);
  CHECK(*(*store)->IntegrityCheck() == "ok");
}

TEST_CASE("a writer stores in parts and rolls back unless committed", "[core][store]") {
  auto store = Memory();
  Batch one, two;
  one.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
  two.assets.push_back(Device("gnosjo", "esx02", "a.csv"));
  {
    auto writer = store->Begin();
    REQUIRE(writer.ok());
    REQUIRE((*writer)->Put(one).ok());
    REQUIRE((*writer)->Put(two).ok());
    // Not committed: gone when the writer goes.
  }
  CHECK(store->Stats()->total == 0);
  {
    auto writer = store->Begin();
    REQUIRE(writer.ok());
    REQUIRE((*writer)->Put(one).ok());
    REQUIRE((*writer)->Put(two).ok());
    auto summary = (*writer)->Commit();
    REQUIRE(summary.ok());
    CHECK(summary->assets_written == 2);
    // The second part of the same file adds to the first instead of replacing it.
    CHECK(summary->assets_replaced == 0);
  }
  auto stats = store->Stats();
  CHECK(stats->orgs.at("gnosjo").by_kind.at(AssetKind::kDevice) == 2);
  CHECK(stats->total == 5);  // two devices, their rack, hall and site
}

TEST_CASE("a file the store never had is registered without deletes; one it had is replaced",
          "[core][store]") {
  auto store = Memory();
  Batch first;
  for (const char* file : {"a.xml", "b.xml", "c.xml"}) {
    first.assets.push_back(Device("gnosjo", std::string("pc-") + file, file));
  }
  auto summary = store->Apply(first);
  REQUIRE(summary.ok());
  CHECK(summary->files_replaced == 0);
  CHECK(summary->assets_replaced == 0);
  Batch again = first;
  again.assets.pop_back();                                    // c.xml is not imported again
  again.assets.push_back(Device("gnosjo", "pc-d", "d.xml"));  // and d.xml is new
  summary = store->Apply(again);
  REQUIRE(summary.ok());
  CHECK(summary->files_replaced == 2);
  CHECK(summary->assets_replaced == 2);
  CHECK(summary->assets_stored == 3);
  CHECK(store->Stats()->orgs.at("gnosjo").by_kind.at(AssetKind::kDevice) == 4);
  CHECK(store->Stats()->sources == 4);
}

TEST_CASE("the summary counts the distinct assets stored, not the rows written", "[core][store]") {
  auto store = Memory();
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "esx01", "a.csv", 1));
  batch.assets.push_back(Device("gnosjo", "esx02", "a.csv", 2));
  batch.assets.push_back(Device("gnosjo", "esx01", "a.csv", 3));  // one machine, twice
  batch.assets.push_back(Device("gnosjo", "esx02", "b.csv", 1));  // and in another file
  auto summary = store->Apply(batch);
  REQUIRE(summary.ok());
  CHECK(summary->assets_written == 4);
  CHECK(summary->assets_stored == 2);
  // Rows a later file of the batch replaces (its earlier import, patched by an earlier file of
  // this batch) are not counted twice.
  Batch first, then;
  Asset patch = Device("gnosjo", "esx01", "c.csv", 1);
  patch.mode = WriteMode::kPatch;  // esx01 stays a.csv's
  first.assets.push_back(patch);
  then.assets.push_back(Device("gnosjo", "esx01", "a.csv", 1));
  then.assets.push_back(Device("gnosjo", "esx02", "a.csv", 2));
  auto writer = store->Begin();
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Put(first).ok());
  REQUIRE((*writer)->Put(then).ok());
  auto replaced = (*writer)->Commit();
  REQUIRE(replaced.ok());
  CHECK(replaced->assets_written == 3);
  CHECK(replaced->assets_stored == 2);
}

TEST_CASE("an asset written twice in one batch implies only where it ends up", "[core][store]") {
  // A new org, so the implied locations come from the rows written; the second row of the same
  // asset (another file) moves it to R2, and R1 must not stay behind as an implied rack.
  auto store = Memory();
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
  Asset moved = Device("gnosjo", "esx01", "b.csv");
  moved.rack = "R2";
  batch.assets.push_back(moved);
  REQUIRE(store->Apply(batch).ok());
  CHECK_FALSE(*store->HasAsset("gnosjo", AssetKind::kRack, "Stadshuset/Serverhall 1/R1"));
  CHECK(*store->HasAsset("gnosjo", AssetKind::kRack, "Stadshuset/Serverhall 1/R2"));
}

namespace {

Diagnostic Warn(std::string source, int line, std::string code) {
  return {{std::move(source), line, 2}, Severity::kWarning, std::move(code), "something odd"};
}

// Runs one import batch: `batch`, then the warnings of `files`.
void Import(Store& store, const Batch& batch, const std::vector<std::string>& files,
            const std::vector<Diagnostic>& diagnostics) {
  auto writer = store.Begin();
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Put(batch).ok());
  REQUIRE((*writer)->PutWarnings("gnosjo", files, diagnostics).ok());
  REQUIRE((*writer)->Commit().ok());
}

std::vector<std::string> Lines(const Store& store) {
  auto stored = store.ImportWarnings({}, 100);
  REQUIRE(stored.ok());
  std::vector<std::string> out;
  for (const ImportWarning& w : stored->lines)
    out.push_back(w.org + " " + FormatDiagnostic(w.warning));
  return out;
}

}  // namespace

TEST_CASE("import warnings stay with their source and are replaced with it", "[core][store]") {
  auto store = Memory();
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "esx01", "in/a.csv"));
  Import(*store, batch, {"in/a.csv", "in/b.csv"},
         {Warn("in/a.csv", 3, "CSV017"),
          Warn("in/b.csv", 1, "CSV017"),
          {{"in/a.csv", 4, 0}, Severity::kError, "CSV004", "not stored"},
          Warn("", 0, "ORG001")});
  CHECK(Lines(*store) ==
        std::vector<std::string>{"gnosjo in/a.csv:3:2: warning[CSV017]: something odd",
                                 "gnosjo in/b.csv:1:2: warning[CSV017]: something odd"});
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  CHECK(stats->warnings == 2);
  CHECK(stats->orgs.at("gnosjo").warnings == 2);
  CHECK(stats->sources == 2);  // b.csv brought warnings only: a source of its own
  CHECK(stats->total == 4);    // esx01 and its site, hall and rack

  // a.csv again, clean: its warning goes, b.csv's stays.
  Import(*store, batch, {"other/a.csv"}, {});
  CHECK(Lines(*store) ==
        std::vector<std::string>{"gnosjo in/b.csv:1:2: warning[CSV017]: something odd"});
  // b.csv again with a new warning, then with none: replaced, then gone; a.csv's rows stay.
  Import(*store, Batch(), {"b.csv"}, {Warn("b.csv", 7, "CSV099")});
  CHECK(Lines(*store) ==
        std::vector<std::string>{"gnosjo b.csv:7:2: warning[CSV099]: something odd"});
  auto counts = store->ImportWarnings({"gnosjo"}, 0);
  REQUIRE(counts.ok());
  REQUIRE(counts->counts.size() == 1);
  CHECK(counts->counts[0].code == "CSV099");
  CHECK(counts->total == 1);
  CHECK(counts->lines.empty());
  CHECK(store->ImportWarnings({"hylte"}, 10)->total == 0);
  Import(*store, Batch(), {"b.csv"}, {});
  CHECK(Lines(*store).empty());
  CHECK(store->Stats()->total == 4);
  CHECK(*store->IntegrityCheck() == "ok");
}

TEST_CASE("a store of schema version 1 is upgraded for import warnings", "[core][store]") {
  auto path = TempPath("v1.db");
  {
    auto s = Store::Create(path.string());
    REQUIRE(s.ok());
    Batch batch;
    batch.assets.push_back(Device("gnosjo", "esx01", "a.csv"));
    REQUIRE((*s)->Apply(batch).ok());
  }
  // What version 1 had: no warnings table, user_version 1.
  auto exec = [&](const char* sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  };
  exec(
      "DROP TRIGGER sources_drop_warnings; DROP TABLE source_warnings; "
      "PRAGMA user_version = 1;");

  auto read_only = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE_FALSE(read_only.ok());
  CHECK(read_only.status().message().find("run 'samdrift init' to upgrade it") !=
        std::string::npos);
  {
    auto s = Store::Open(path.string(), OpenMode::kReadWrite);
    REQUIRE(s.ok());
    Batch batch;
    batch.assets.push_back(Device("gnosjo", "esx02", "b.csv"));
    Import(**s, batch, {"b.csv"}, {Warn("b.csv", 2, "CSV017")});
    CHECK(Lines(**s) ==
          std::vector<std::string>{"gnosjo b.csv:2:2: warning[CSV017]: something odd"});
    CHECK((*s)->Stats()->total == 5);
    CHECK(*(*s)->IntegrityCheck() == "ok");
  }
  auto upgraded = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE(upgraded.ok());
  CHECK((*upgraded)->ImportWarnings({}, 10)->total == 1);
  upgraded->reset();
  // A source removed takes its warnings along.
  exec("DELETE FROM sources WHERE name = 'b.csv'");
  auto after = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE(after.ok());
  CHECK((*after)->ImportWarnings({}, 10)->total == 0);
}

TEST_CASE("an asset query narrowed to kinds and categories", "[core][store]") {
  auto store = Memory();
  Batch batch;
  Asset server = Device("gnosjo", "esx01", "a.csv");
  server.category = Category::kDatacenter;
  Asset sw = Device("gnosjo", "sw01", "a.csv");
  sw.category = Category::kNetwork;
  Asset pc = Device("gnosjo", "pc01", "a.csv");
  pc.category = Category::kClient;
  Asset vm = Device("gnosjo", "vm01", "a.csv");
  vm.kind = AssetKind::kVm;
  vm.category = Category::kPlatform;
  Asset other = Device("hylte", "esx02", "b.csv");
  other.category = Category::kDatacenter;
  batch.assets = {server, sw, pc, vm, other};
  REQUIRE(store->Apply(batch).ok());
  auto names = [&](const AssetQuery& query) {
    auto estate = store->LoadEstate(query);
    REQUIRE(estate.ok());
    std::set<std::string> found;
    for (const Asset& a : estate->assets) found.insert(a.org + "/" + a.name);
    return found;
  };
  AssetQuery devices;
  devices.kinds = {AssetKind::kDevice};
  devices.categories = {Category::kDatacenter, Category::kNetwork};
  CHECK(names(devices) == std::set<std::string>{"gnosjo/esx01", "gnosjo/sw01", "hylte/esx02"});
  devices.orgs = {"gnosjo"};  // the three filters together
  CHECK(names(devices) == std::set<std::string>{"gnosjo/esx01", "gnosjo/sw01"});
  AssetQuery vms;
  vms.kinds = {AssetKind::kVm};
  CHECK(names(vms) == std::set<std::string>{"gnosjo/vm01"});
  AssetQuery clients;
  clients.categories = {Category::kClient};
  CHECK(names(clients) == std::set<std::string>{"gnosjo/pc01"});
  AssetQuery floor;  // what the hall planner reads besides devices
  floor.kinds = {AssetKind::kHall, AssetKind::kRack};
  CHECK(names(floor) == std::set<std::string>{"gnosjo/Serverhall 1", "gnosjo/R1",
                                              "hylte/Serverhall 1", "hylte/R1"});
  CHECK(names(AssetQuery{}).size() == 5 + 6);  // and each org's implied site, hall and rack
}

TEST_CASE("stats: completeness per org over the assets each field applies to",
          "[core][store][completeness]") {
  auto store = Memory();
  Batch batch;
  auto add = [&](AssetKind kind, Category category, std::string name) -> Asset& {
    Asset a;
    a.org = "gnosjo";
    a.kind = kind;
    a.category = category;
    a.name = std::move(name);
    a.provenance = {"test", "a.csv", static_cast<int>(batch.assets.size() + 1)};
    batch.assets.push_back(std::move(a));
    return batch.assets.back();
  };
  // Two rack-mounted servers: one with every figure, one with U height only.
  Asset esx01 = Device("gnosjo", "esx01", "a.csv", 1);
  esx01.vendor = "Dell";
  esx01.product = "PowerEdge R640";
  esx01.serial = "ABC123";
  esx01.power_w = 500;
  esx01.u_height = 1;
  esx01.position = 10;
  esx01.SetAttr("ip", "10.0.0.1");
  batch.assets.push_back(esx01);
  Asset esx02 = Device("gnosjo", "esx02", "a.csv", 2);
  esx02.vendor = "Dell";
  esx02.u_height = 2;
  batch.assets.push_back(esx02);
  // A switch in a closet (no hall): power, U height and position do not apply.
  Asset& sw = add(AssetKind::kDevice, Category::kNetwork, "sw-skolan");
  sw.vendor = "HPE";
  sw.site = "Skolan";
  sw.SetAttr("ip", "10.0.1.1");
  // A VM whose address only the IPAM knows.
  add(AssetKind::kVm, Category::kPlatform, "vm1");
  Asset& address = add(AssetKind::kNetwork, Category::kNetwork, "10.0.0.5/24");
  address.SetAttr("address", "10.0.0.5/24");
  address.SetAttr("virtual_machine", "vm1");
  Asset& pc = add(AssetKind::kClient, Category::kClient, "pc1");
  pc.vendor = "Lenovo";
  pc.product = "ThinkPad T14";
  pc.serial = "S1";
  pc.SetAttr("ip", "10.0.2.1");
  Asset& office = add(AssetKind::kSoftware, Category::kClient, "Office");
  office.vendor = "Microsoft";
  office.product = "Office";
  office.version = "2019";
  add(AssetKind::kService, Category::kPlatform, "e-tjänst").criticality = "high";
  add(AssetKind::kService, Category::kPlatform, "intranät");
  Asset hylte;
  hylte.org = "hylte";
  hylte.kind = AssetKind::kSoftware;
  hylte.category = Category::kClient;
  hylte.name = "7-Zip";
  hylte.provenance = {"test", "b.csv", 1};
  batch.assets.push_back(hylte);
  REQUIRE(store->Apply(batch).ok());
  auto stats = store->Stats();
  REQUIRE(stats.ok());
  // Field -> (known, applies), by hand: vendor/product/version over the 3 devices, the client
  // and the software; serial and site over devices and the client; power_w and u_height over
  // the 2 devices in a hall, position over those in a rack; ip over devices, VM and client;
  // criticality over the 2 services.
  const std::map<std::string, std::pair<std::size_t, std::size_t>> expected = {
      {"vendor", {5, 5}}, {"product", {3, 5}},    {"version", {1, 5}},  {"serial", {2, 4}},
      {"site", {3, 4}},   {"power_w", {1, 2}},    {"u_height", {2, 2}}, {"position", {1, 2}},
      {"ip", {4, 5}},     {"criticality", {1, 2}}};
  const auto& gnosjo = stats->orgs.at("gnosjo");
  for (std::size_t f = 0; f < kCompletenessFieldCount; ++f) {
    INFO(kCompletenessFields[f]);
    const auto& [known, applies] = expected.at(kCompletenessFields[f]);
    CHECK(gnosjo.completeness[f].known == known);
    CHECK(gnosjo.completeness[f].applies == applies);
    REQUIRE(gnosjo.completeness[f].Share());
    CHECK(*gnosjo.completeness[f].Share() == Approx(static_cast<double>(known) / applies));
  }
  // hylte has one piece of software: only vendor, product and version apply; the rest is
  // unknown (no share), not 0.
  const auto& h = stats->orgs.at("hylte");
  for (std::size_t f = 0; f < kCompletenessFieldCount; ++f) {
    INFO(kCompletenessFields[f]);
    const std::string field = kCompletenessFields[f];
    if (field == "vendor" || field == "product" || field == "version") {
      CHECK(h.completeness[f].Share() == 0.0);
    } else {
      CHECK_FALSE(h.completeness[f].Share());
    }
  }
}

// The estate's reader keeps the last text of each column and the sources' names by id (session
// 11): rows that alternate files, orgs and vendors, and empty texts between equal ones, must each
// read their own.
TEST_CASE("the estate reads each row's own source, org and texts", "[core][store]") {
  auto store = Memory();
  Batch batch;
  const char* vendors[] = {"Dell", "", "Dell", "HPE"};
  for (int i = 0; i < 4; ++i) {
    Asset a = Device(i == 1 ? "hylte" : "gnosjo", "esx0" + std::to_string(i),
                     i % 2 ? "b.csv" : "a.csv", i + 1);
    a.vendor = vendors[i];
    batch.assets.push_back(std::move(a));
  }
  for (int i = 0; i < 3; ++i) {
    Relation r;
    r.org = "gnosjo";
    r.kind = RelationKind::kConnectedTo;
    r.source = "esx00";
    r.target = "esx0" + std::to_string(i + 1);
    r.source_port = i == 1 ? "" : "eth0";
    r.provenance = {"test", i == 1 ? "cables.csv" : "a.csv", i + 1};
    batch.relations.push_back(std::move(r));
  }
  REQUIRE(store->Apply(batch).ok());
  AssetQuery devices;
  devices.kinds = {AssetKind::kDevice};
  auto estate = store->LoadEstate(devices);
  REQUIRE(estate.ok());
  std::map<std::string, std::tuple<std::string, std::string, std::string>> read;
  for (const Asset& a : estate->assets) {
    read[a.name] = {a.org.str(), a.vendor.str(), a.provenance.source.str()};
  }
  using Row = std::tuple<std::string, std::string, std::string>;
  CHECK(read == std::map<std::string, Row>{{"esx00", Row{"gnosjo", "Dell", "a.csv"}},
                                           {"esx01", Row{"hylte", "", "b.csv"}},
                                           {"esx02", Row{"gnosjo", "Dell", "a.csv"}},
                                           {"esx03", Row{"gnosjo", "HPE", "b.csv"}}});
  std::vector<std::tuple<std::string, std::string, std::string>> relations;
  for (const Relation& r : estate->relations) {
    relations.emplace_back(r.target, r.source_port.str(), r.provenance.source.str());
  }
  CHECK(relations == std::vector<Row>{{"esx01", "eth0", "a.csv"},
                                      {"esx02", "", "cables.csv"},
                                      {"esx03", "eth0", "a.csv"}});
}
