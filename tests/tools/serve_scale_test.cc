// samdrift serve at national scale, each measure by what it changes: the org list counted once
// until the store changes, the asset list's text search answered from memory as SQL answers it,
// and Ctrl-C while the planning base still loads.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/store_browse.h"
#include "tests/tools/serve_util.h"

using namespace samdrift::testing;
using samdrift::core::AssetBrowser;
using samdrift::core::AssetPageQuery;
using samdrift::core::AssetTextIndex;

namespace {

std::unique_ptr<AssetBrowser> OpenBrowser(const fs::path& db) {
  auto browser = AssetBrowser::Open(db.string(), 60000);
  REQUIRE(browser.ok());
  return std::move(browser).value();
}

// A browser of `db` that answers from the text index of the store as it is now; and the index.
std::pair<std::unique_ptr<AssetBrowser>, std::shared_ptr<const AssetTextIndex>> IndexedBrowser(
    const fs::path& db) {
  auto browser = OpenBrowser(db);
  auto version = browser->DataVersion();
  REQUIRE(version.ok());
  std::atomic<bool> stop = false;
  auto index = AssetTextIndex::Build(db.string(), stop);
  REQUIRE(index.ok());
  browser->UseTextIndex(*index, *version);
  return {std::move(browser), *index};
}

// Imports one CSV of `rows` devices named PREFIX-N for `org` through the command line.
void ImportDevices(const fs::path& dir, const std::string& org, const std::string& prefix,
                   int rows) {
  std::string csv = "name,kind,vendor,product\n";
  for (int i = 0; i < rows; ++i) {
    csv += prefix + "-" + std::to_string(i) + ",device,Dell,PowerEdge R" + std::to_string(i % 9) +
           "\n";
  }
  WriteText(dir / (prefix + ".csv"), csv);
  const CliResult r = RunCli(dir, "--db samdrift.db import --org " + org + " " + prefix + ".csv");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Every page of `query` (by key, `limit` rows a page): "total|id,id,...|id,...".
std::string AllPages(AssetBrowser& browser, AssetPageQuery query) {
  std::string out;
  for (int guard = 0; guard < 10000; ++guard) {
    auto page = browser.Page(query);
    REQUIRE(page.ok());
    if (guard == 0) out = std::to_string(page->total);
    out += "|";
    for (const auto& row : page->rows) out += std::to_string(row.id) + ",";
    if (page->next.empty()) break;
    query.after = page->next;
  }
  return out;
}

}  // namespace

TEST_CASE("serve: the org list is counted once, and again after an import", "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-orgs-once");
  auto browser = OpenBrowser(dir / "samdrift.db");
  auto first = browser->Orgs();
  REQUIRE(first.ok());
  REQUIRE(browser->Orgs().ok());
  CHECK(browser->org_counts() == 1);
  std::size_t gnosjo = 0;
  for (const auto& org : *first) gnosjo = org.id == "gnosjo" ? org.assets : gnosjo;
  REQUIRE(gnosjo > 0);
  ImportDevices(dir, "gnosjo", "GNO-NEW", 3);  // another process writes the store
  auto again = browser->Orgs();
  REQUIRE(again.ok());
  CHECK(browser->org_counts() == 2);
  for (const auto& org : *again) {
    if (org.id == "gnosjo") CHECK(org.assets == gnosjo + 3);
  }
  // With the text index of the store as it is, the counts are the index's: the same.
  auto [indexed, index] = IndexedBrowser(dir / "samdrift.db");
  auto from_index = indexed->Orgs();
  REQUIRE(from_index.ok());
  REQUIRE(from_index->size() == again->size());
  for (std::size_t i = 0; i < again->size(); ++i) {
    CHECK((*from_index)[i].id == (*again)[i].id);
    CHECK((*from_index)[i].name == (*again)[i].name);
    CHECK((*from_index)[i].assets == (*again)[i].assets);
  }
  // The route answers the orgs command's --json.
  auto server = Start(Options(dir, "samdrift.db"));
  const CliResult cli = RunCli(dir, "--db samdrift.db orgs --json");
  REQUIRE(cli.exit_code == 0);
  CHECK(Body(ClientOf(*server)->Get("/api/orgs")) == json::parse(cli.out));
}

TEST_CASE("serve: a text search from the index pages as the SQL search does", "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-search-index");
  auto sql = OpenBrowser(dir / "samdrift.db");
  CHECK(OpenBrowser(dir / "samdrift.db")->NeedsTextIndex());
  auto [indexed, index] = IndexedBrowser(dir / "samdrift.db");
  CHECK_FALSE(indexed->NeedsTextIndex());
  std::size_t searches = 0;
  for (const char* text : {"web", "WEB", "a", "dell", "/", "%", "_1", "zzz-none", "Å"}) {
    for (const char* sort : {"name", "-vendor", "org", "key"}) {
      for (const char* org : {"", "hylte"}) {
        AssetPageQuery query;
        query.text = text;
        query.org = org;
        query.sort = sort[0] == '-' ? sort + 1 : sort;
        query.descending = sort[0] == '-';
        query.limit = 23;
        INFO(text << " sorted by " << sort << " in '" << org << "'");
        CHECK(AllPages(*indexed, query) == AllPages(*sql, query));
        CHECK(indexed->indexed_searches() > searches);
        searches = indexed->indexed_searches();
      }
    }
  }
  AssetPageQuery category;
  category.text = "e";
  category.category = "network";
  category.kind = "device";
  CHECK(AllPages(*indexed, category) == AllPages(*sql, category));
  // After an import the index is stale: SQL answers (the new assets found) until it is rebuilt.
  ImportDevices(dir, "gnosjo", "ZQX-WEB", 4);
  CHECK(indexed->NeedsTextIndex());
  AssetPageQuery web;
  web.text = "zqx-web";
  const std::size_t before = indexed->indexed_searches();
  auto page = indexed->Page(web);
  REQUIRE(page.ok());
  CHECK(page->total == 4);
  CHECK(indexed->indexed_searches() == before);
}

// "out|depends_on|org/key|kind|file:line" per link, in the order given.
std::string LinksOf(AssetBrowser& browser, const samdrift::core::AssetRow& row) {
  auto detail = browser.Detail(row.asset.org, row.asset.kind, row.key);
  REQUIRE(detail.ok());
  REQUIRE(detail->has_value());
  std::string out;
  for (const auto& link : (*detail)->links) {
    out += link.direction + "|" + std::string(samdrift::core::ToString(link.kind)) + "|" +
           link.org + "/" + link.key + "|" + link.asset_kind + "|" + link.provenance.source + ":" +
           std::to_string(link.provenance.line) + "\n";
  }
  return out;
}

TEST_CASE("serve: an asset's relations through the index are those a scan finds",
          "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-relation-ends");
  auto sql = OpenBrowser(dir / "samdrift.db");
  auto [indexed, index] = IndexedBrowser(dir / "samdrift.db");
  // Every asset of two municipalities (a site, racks, hosts, VMs, services, clients).
  std::size_t assets = 0, with_links = 0;
  for (const char* org : {"gnosjo", "hylte"}) {
    AssetPageQuery query;
    query.org = org;
    query.limit = 500;
    for (int guard = 0; guard < 1000; ++guard) {
      auto page = sql->Page(query);
      REQUIRE(page.ok());
      for (const auto& row : page->rows) {
        const std::string links = LinksOf(*sql, row);
        INFO(row.asset.org << "/" << row.key);
        CHECK(LinksOf(*indexed, row) == links);
        ++assets;
        with_links += links.empty() ? 0 : 1;
      }
      if (page->next.empty()) break;
      query.after = page->next;
    }
  }
  CHECK(assets > 100);
  CHECK(with_links > 50);
  CHECK(indexed->indexed_details() == assets);
  CHECK(sql->indexed_details() == 0);
  // The index holds both ends of each relation: none for an asset nothing names.
  CHECK(index->RelationsNaming("gnosjo", "no-such-asset").empty());
}

TEST_CASE("serve: a search through the server finds what an import through it stored",
          "[serve][speed]") {
  const fs::path dir = WritableCopy("serve-search-reindex");
  ServeOptions options = Options(dir, "samdrift.db");
  options.text_index = true;
  auto server = Start(options);
  auto client = ClientOf(*server);
  // The index is read at the start; the searches meanwhile are SQL's, with the same answer.
  const std::string sql_total = Body(client->Get("/api/assets?q=web&limit=5")).dump();
  const auto searched_by = [&] {
    auto r = client->Get("/api/assets?q=web&limit=5");
    REQUIRE(r);
    const std::string timing = r->get_header_value("Server-Timing");
    return timing.substr(0, timing.find(';'));
  };
  for (int i = 0; i < 600 && searched_by() != "search-index"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  REQUIRE(searched_by() == "search-index");
  CHECK(Body(client->Get("/api/assets?q=web&limit=5")).dump() == sql_total);
  const json before = Body(client->Get("/api/assets?q=web&limit=5"));
  ImportDevices(dir, "hylte", "HYL-WEB", 2);
  // The store changed: SQL answers (with the new assets) until the index is read again.
  CHECK(searched_by() == "search-sql");
  for (int i = 0; i < 600 && searched_by() != "search-index"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(searched_by() == "search-index");
  CHECK(Body(client->Get("/api/assets?q=web&limit=5"))["total"] == before["total"].get<int>() + 2);
}

TEST_CASE("serve: Ctrl-C while the planning base still loads exits at once with 0", "[serve]") {
  const fs::path dir = WritableCopy("serve-sigint-loading");
  for (const char* org : {"hylte", "gnosjo"}) {
    ImportDevices(dir, org, std::string(org) + "-many", 40000);
  }
  const std::string out = (dir / "out.txt").string(), err = (dir / "err.txt").string();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
    dup2(open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    const std::string db = (dir / "samdrift.db").string();
    execl(SAMDRIFT_BINARY, "samdrift", "--db", db.c_str(), "serve", "--port", "0",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 3000 && Slurp(out).find("(Ctrl-C stops)") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(Slurp(out).find("(Ctrl-C stops)") != std::string::npos);
  const auto sent = std::chrono::steady_clock::now();
  kill(pid, SIGINT);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  const double seconds = Millis(sent) / 1000;
  CHECK(seconds < 5);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(Slurp(err) ==
        "samdrift serve: the planning base was still loading; not waited for\n"
        "samdrift serve: stopped\n");
}
