// Org display names (Store::OrgList, SetOrgName) and Store::Remove.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "core/store.h"

using namespace samdrift::core;

namespace {

Asset Device(std::string org, std::string name, std::string source, std::string site) {
  Asset a;
  a.org = std::move(org);
  a.name = std::move(name);
  a.role = "server";
  a.site = std::move(site);
  a.hall = "Serverhall 1";
  a.rack = "R1";
  a.provenance = {"test", std::move(source), 1};
  return a;
}

std::unique_ptr<Store> Memory() {
  auto store = Store::OpenInMemory();
  REQUIRE(store.ok());
  return std::move(store).value();
}

void Import(Store& store, const Batch& batch, const std::string& org,
            const std::vector<std::string>& files, const std::vector<Diagnostic>& warnings) {
  auto writer = store.Begin();
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Put(batch).ok());
  REQUIRE((*writer)->PutWarnings(org, files, warnings).ok());
  REQUIRE((*writer)->Commit().ok());
}

// gnosjo's a.csv: two servers in Stadshuset (implying its rack, hall and site).
Batch FileA() {
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "esx01", "in/a.csv", "Stadshuset"));
  batch.assets.push_back(Device("gnosjo", "esx02", "in/a.csv", "Stadshuset"));
  Relation r;
  r.org = "gnosjo";
  r.source = "esx01";
  r.kind = RelationKind::kConnectedTo;
  r.target = "esx02";
  r.provenance = {"test", "in/a.csv", 3};
  batch.relations.push_back(r);
  return batch;
}

// gnosjo's b.csv: a server in another site, the site Stadshuset declared, a relation into a.csv's
// rows and one to another org, and a warning.
Batch FileB() {
  Batch batch;
  batch.assets.push_back(Device("gnosjo", "db01", "b.csv", "Brandstationen"));
  Asset site;
  site.org = "gnosjo";
  site.kind = AssetKind::kSite;
  site.name = "Stadshuset";
  site.provenance = {"test", "b.csv", 4};
  batch.assets.push_back(site);
  Relation r;
  r.org = "gnosjo";
  r.source = "db01";
  r.kind = RelationKind::kDependsOn;
  r.target = "esx01";
  r.provenance = {"test", "b.csv", 5};
  batch.relations.push_back(r);
  r.target_org = "hylte";
  batch.relations.push_back(r);
  return batch;
}

Diagnostic Warn(std::string source, int line) {
  return {{std::move(source), line, 2}, Severity::kWarning, "CSV017", "something odd"};
}

// Everything a command reads from the store, as comparable text.
std::multiset<std::string> Facts(const Store& store) {
  std::multiset<std::string> facts;
  auto estate = store.LoadEstate({});
  REQUIRE(estate.ok());
  for (const Asset& a : estate->assets) {
    facts.insert("asset " + a.org + " " + std::string(ToString(a.kind)) + " " + a.Key() + " " +
                 a.site + "/" + a.hall + "/" + a.rack + " from '" + a.provenance.source + "'");
  }
  for (const Relation& r : estate->relations) {
    facts.insert("relation " + r.org + " " + r.source + " -> " + r.TargetOrg() + " " + r.target +
                 " from '" + r.provenance.source + "'");
  }
  for (const auto& [id, name] : estate->org_names) facts.insert("name " + id + " " + name);
  auto stats = store.Stats();
  REQUIRE(stats.ok());
  facts.insert("stats " + std::to_string(stats->total) + " " + std::to_string(stats->relations) +
               " " + std::to_string(stats->unresolved_relations) + " " +
               std::to_string(stats->sources) + " " + std::to_string(stats->warnings));
  auto warnings = store.ImportWarnings({}, 100);
  REQUIRE(warnings.ok());
  for (const ImportWarning& w : warnings->lines) {
    facts.insert("warning " + w.org + " " + FormatDiagnostic(w.warning));
  }
  auto orgs = store.OrgList();
  REQUIRE(orgs.ok());
  for (const OrgInfo& o : *orgs) {
    facts.insert("org " + o.id + " " + o.name + " " + std::to_string(o.assets));
  }
  return facts;
}

}  // namespace

TEST_CASE("orgs have display names; an org without one shows its id", "[core][store][orgs]") {
  auto store = Memory();
  Batch batch = FileA();
  batch.assets.push_back(Device("hylte", "hv01", "h.csv", "Kommunhuset"));
  REQUIRE(store->Apply(batch).ok());
  REQUIRE(store->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());
  auto orgs = store->OrgList();
  REQUIRE(orgs.ok());
  REQUIRE(orgs->size() == 2);
  CHECK((*orgs)[0].id == "gnosjo");
  CHECK((*orgs)[0].name == "Gnosj\xC3\xB6");
  CHECK((*orgs)[0].assets == 5);  // 2 servers, their rack, hall and site
  CHECK((*orgs)[1].id == "hylte");
  CHECK((*orgs)[1].name == "hylte");
  auto estate = store->LoadEstate({});
  REQUIRE(estate.ok());
  CHECK(DisplayName(estate->org_names, "gnosjo") == "Gnosj\xC3\xB6");
  CHECK(DisplayName(estate->org_names, "hylte") == "hylte");

  Status unknown = store->SetOrgName("gnosj", "Gnosj\xC3\xB6");
  CHECK(unknown.code() == ErrorCode::kInvalidInput);
  CHECK(unknown.message() == "the store has no org 'gnosj'; did you mean 'gnosjo'?");
  CHECK(store->SetOrgName("varnamo", "V").message() == "the store has no org 'varnamo'");
  // An empty name takes it back.
  REQUIRE(store->SetOrgName("gnosjo", "").ok());
  CHECK((*store->OrgList())[0].name == "gnosjo");
  CHECK(store->Names()->empty());
}

TEST_CASE("removing a file leaves the store as if it had never been imported",
          "[core][store][remove]") {
  auto alone = Memory();
  Import(*alone, FileA(), "gnosjo", {"in/a.csv"}, {Warn("in/a.csv", 2)});
  REQUIRE(alone->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());

  auto both = Memory();
  Import(*both, FileA(), "gnosjo", {"in/a.csv"}, {Warn("in/a.csv", 2)});
  REQUIRE(both->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());
  Import(*both, FileB(), "gnosjo", {"b.csv"}, {Warn("b.csv", 7)});
  REQUIRE(Facts(*both) != Facts(*alone));

  // A dry run says what would go and changes nothing.
  const auto before = Facts(*both);
  auto dry = both->Remove("gnosjo", {"elsewhere/b.csv"}, true);
  REQUIRE(dry.ok());
  CHECK(Facts(*both) == before);

  auto removed = both->Remove("gnosjo", {"elsewhere/b.csv"}, false);
  REQUIRE(removed.ok());
  for (const RemoveSummary* r : {&*dry, &*removed}) {
    CHECK(r->org == "gnosjo");
    CHECK(r->sources == std::vector<std::string>{"b.csv"});
    CHECK(r->assets == 2);  // db01 and the declared site
    CHECK(r->relations == 2);
    CHECK(r->warnings == 1);
    // Brandstationen's rack, hall and site go; Stadshuset is implied again.
    CHECK(r->locations_dropped == 2);
    CHECK_FALSE(r->org_gone);
  }
  CHECK(Facts(*both) == Facts(*alone));
  CHECK(*both->IntegrityCheck() == "ok");
}

TEST_CASE("removing an org takes everything of it, its name too", "[core][store][remove]") {
  auto store = Memory();
  Import(*store, FileA(), "gnosjo", {"in/a.csv"}, {});
  Import(*store, FileB(), "gnosjo", {"b.csv"}, {Warn("b.csv", 7)});
  Batch hylte;
  hylte.assets.push_back(Device("hylte", "hv01", "h.csv", "Kommunhuset"));
  REQUIRE(store->Apply(hylte).ok());
  REQUIRE(store->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());

  auto unknown_org = store->Remove("gnosjoo", {}, false);
  CHECK(unknown_org.status().code() == ErrorCode::kInvalidInput);
  CHECK(unknown_org.status().message() == "the store has no org 'gnosjoo'; did you mean 'gnosjo'?");
  auto unknown_file = store->Remove("gnosjo", {"in/a.csv", "bb.csv"}, false);
  CHECK(unknown_file.status().code() == ErrorCode::kInvalidInput);
  CHECK(unknown_file.status().message() ==
        "org 'gnosjo' has no source 'bb.csv'; did you mean 'b.csv'?");
  CHECK(store->Stats()->orgs.at("gnosjo").total == 9);  // nothing went

  auto removed = store->Remove("gnosjo", {}, false);
  REQUIRE(removed.ok());
  CHECK(removed->sources == std::vector<std::string>{"a.csv", "b.csv"});
  CHECK(removed->assets == 4);
  CHECK(removed->relations == 3);
  CHECK(removed->warnings == 1);
  CHECK(removed->locations_dropped == 5);  // 2 racks, 2 halls, 1 implied site
  CHECK(removed->org_gone);
  auto orgs = store->OrgList();
  REQUIRE(orgs.ok());
  REQUIRE(orgs->size() == 1);
  CHECK((*orgs)[0].id == "hylte");
  CHECK(store->Names()->empty());
  CHECK(store->Stats()->sources == 1);
}

TEST_CASE("a store of schema version 2 is upgraded for org names", "[core][store][orgs]") {
  auto dir = std::filesystem::temp_directory_path() / "samdrift-store-orgs-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "v2.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
  {
    auto s = Store::Create(path.string());
    REQUIRE(s.ok());
    REQUIRE((*s)->Apply(FileA()).ok());
  }
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
  // What version 2 had: no orgs table, user_version 2.
  exec("DROP TABLE orgs; PRAGMA user_version = 2;");
  auto read_only = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE_FALSE(read_only.ok());
  CHECK(read_only.status().message() ==
        "store '" + path.string() + "' has an older schema; run 'samdrift init' to upgrade it");
  {
    auto s = Store::Open(path.string(), OpenMode::kReadWrite);
    REQUIRE(s.ok());
    REQUIRE((*s)->SetOrgName("gnosjo", "Gnosj\xC3\xB6").ok());
  }
  auto upgraded = Store::Open(path.string(), OpenMode::kReadOnly);
  REQUIRE(upgraded.ok());
  CHECK((*(*upgraded)->OrgList())[0].name == "Gnosj\xC3\xB6");
  CHECK((*(*upgraded)->LoadEstate({})).assets.size() == 5);
}
