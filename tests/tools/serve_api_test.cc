// samdrift serve's API (tools/serve): a server started in-process on a free port over the demo
// store, asked with the HTTP library's client. The views answer what the commands' --json
// answer; each safety point has its own case; the routes' times on the samples are printed.
#include <fcntl.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/store.h"
#include "tests/tools/serve_util.h"
#include "tools/serve/workspace.h"

using namespace samdrift::testing;

// The pages ask in their language: ?lang=sv renders the planners' sentences (gap, plan item and
// hall-plan reasons, over-limit notes) from their facts as the Swedish report does; every other
// key is the command's --json.
TEST_CASE("serve: ?lang=sv gives the planners' sentences in Swedish, the rest as --json",
          "[serve][lang]") {
  auto server = Start(Options(DemoDir(), "out/samdrift.db"));
  auto client = ClientOf(*server);
  const std::vector<std::pair<std::string, std::string>> lists = {
      {"target", "gaps"}, {"plan", "items"}, {"halls", "unplaced"}};
  for (const auto& [view, list] : lists) {
    INFO(view);
    const std::string route = "/api/" + view + "?scenario=scenario";
    json en = Body(client->Get(route));
    json sv = Body(client->Get(route + "&lang=sv"));
    CHECK(Body(client->Get(route + "&lang=en")) == en);
    REQUIRE(!en[list].empty());
    REQUIRE(sv[list].size() == en[list].size());
    std::size_t changed = 0;
    for (std::size_t i = 0; i < en[list].size(); ++i) {
      const std::string english = en[list][i]["reason"];
      const std::string swedish = sv[list][i]["reason"];
      changed += english != swedish;
      for (const char* phrase :
           {"another product in place", "newer version", "held back by",
            "the first after its dependencies", "spare PDU", "in use is full"}) {
        INFO(swedish);
        CHECK(swedish.find(phrase) == std::string::npos);
      }
      en[list][i].erase("reason");
      sv[list][i].erase("reason");
    }
    CHECK(changed == en[list].size());
    if (view == "plan") {
      for (auto& w : en["waves"]) w.erase("over_limit");
      for (auto& w : sv["waves"]) w.erase("over_limit");
    }
    CHECK(sv == en);
  }
  const json halls = Body(client->Get("/api/halls?scenario=scenario&lang=sv"));
  CHECK(halls["unplaced"][0]["reason"] == "reserv-PDU: PDU-zonen i varje rack som används är full");
  auto bad = client->Get("/api/plan?lang=fi");
  REQUIRE(bad);
  CHECK(bad->status == 400);
}

TEST_CASE("serve: each view answers what the command's --json answers", "[serve]") {
  const fs::path& dir = DemoDir();
  auto server = Start(Options(dir, "out/samdrift.db"));
  auto client = ClientOf(*server);
  const std::string scenario = (dir / "scenarios" / "scenario.yaml").string();
  struct Case {
    std::string route, args;
  };
  std::vector<Case> cases = {{"stats", ""}, {"orgs", ""}};
  for (const char* view : {"overlap", "target", "plan", "halls", "net", "risk"}) {
    cases.push_back({view, ""});
    cases.push_back({std::string(view) + "?scenario=scenario", "--scenario '" + scenario + "'"});
  }
  cases.push_back({"compare?scenario=alternativ-1-teknik&scenario=alternativ-2",
                   "--scenario '" + (dir / "scenarios/alternativ-1-teknik.yaml").string() +
                       "' --scenario '" + (dir / "scenarios/alternativ-2.yaml").string() + "'"});
  for (const Case& c : cases) {
    INFO(c.route);
    const std::string view = c.route.substr(0, c.route.find('?'));
    const CliResult cli = RunCli(dir, "--db out/samdrift.db " + view + " --json " + c.args);
    REQUIRE(cli.exit_code <= 1);  // halls exits 1 when a device cannot be placed
    auto start = std::chrono::steady_clock::now();
    auto r = client->Get("/api/" + c.route);
    const double first = Millis(start);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(json::parse(r->body) == json::parse(cli.out));
    CHECK(r->get_header_value("Server-Timing") != "cache");
    start = std::chrono::steady_clock::now();
    auto again = client->Get("/api/" + c.route);
    REQUIRE(again);
    CHECK(again->get_header_value("Server-Timing") == "cache");  // kept, not planned again
    std::cout << "serve timing: GET /api/" << c.route << ": " << first << " ms, again (cached) "
              << Millis(start) << " ms\n";
  }
}

TEST_CASE("serve: a change without the session token is refused (403)", "[serve]") {
  const fs::path dir = WritableCopy("serve-token");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const json session = Body(client->Get("/api/session"));
  CHECK(session["token"] == server->token());
  CHECK(server->token().size() == 64);
  const std::string yaml = "name: Ny\norgs: [gnosjo]\n";
  auto r = client->Put("/api/scenarios/ny", yaml, "text/yaml");
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(Body(r)["error"] ==
        "a change needs the header X-Samdrift-Token with the token of GET /api/session");
  r = client->Put("/api/scenarios/ny", {{"X-Samdrift-Token", "guess"}}, yaml, "text/yaml");
  CHECK(r->status == 403);
  CHECK_FALSE(fs::exists(dir / "scenarios" / "ny.yaml"));
  r = client->Post("/api/import?org=gnosjo&dry_run=1", Upload("a.csv", "name,kind\nx,device\n"));
  CHECK(r->status == 403);
  r = client->Put("/api/scenarios/ny", WithToken(*server), yaml, "text/yaml");
  CHECK(r->status == 201);
  // A page of another site resolving its name to 127.0.0.1 cannot read the token.
  r = client->Get("/api/session", {{"Host", "evil.example:8080"}});
  CHECK(r->status == 403);
  CHECK(Body(r)["error"] ==
        "requests must name this machine (Host: 127.0.0.1 or localhost), not 'evil.example:8080'");
  CHECK(client->Get("/api/session", {{"Host", "localhost:8080"}})->status == 200);
  CHECK(Slurp(dir / "scenarios" / "ny.yaml") == yaml);
}

TEST_CASE("serve: --read-only refuses every change (403)", "[serve]") {
  const fs::path dir = WritableCopy("serve-read-only");
  ServeOptions options = Options(dir, "samdrift.db");
  options.read_only = true;
  auto server = Start(options);
  auto client = ClientOf(*server);
  CHECK(Body(client->Get("/api/session"))["read_only"] == true);
  auto r = client->Put("/api/scenarios/ny", WithToken(*server), "name: Ny\n", "text/yaml");
  REQUIRE(r);
  CHECK(r->status == 403);
  CHECK(Body(r)["error"] == "the server is read-only (--read-only): nothing can be changed");
  r = client->Post("/api/import?org=gnosjo&dry_run=0", WithToken(*server),
                   Upload("a.csv", "name,kind\nx,device\n"));
  CHECK(r->status == 403);
  CHECK(client->Get("/api/stats")->status == 200);
}

TEST_CASE("serve: a scenario name with a path in it is refused (400)", "[serve]") {
  const fs::path dir = WritableCopy("serve-names");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  for (const std::string name : {"..%2Fevil", "a%5Cb", ".hidden", "..", "a%20b", "x..yaml"}) {
    INFO(name);
    auto r = client->Put("/api/scenarios/" + name, WithToken(*server), "name: x\n", "text/yaml");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(Body(r)["error"].get<std::string>().find("is not a scenario name") != std::string::npos);
    CHECK(client->Get("/api/scenarios/" + name)->status == 400);
  }
  CHECK(client->Get("/api/plan?scenario=..%2Fout%2Fx")->status == 400);
  CHECK_FALSE(fs::exists(dir / "evil.yaml"));
  CHECK_FALSE(fs::exists(dir / "evil"));
}

TEST_CASE("serve: an upload past the size limit is refused (413)", "[serve]") {
  const fs::path dir = WritableCopy("serve-too-big");
  ServeOptions options = Options(dir, "samdrift.db");
  options.upload_limit = 4096;
  auto server = Start(options);
  auto client = ClientOf(*server);
  const std::string big = "name,kind\n" + std::string(8192, 'x') + ",device\n";
  auto r = client->Post("/api/import?org=gnosjo&dry_run=1", WithToken(*server),
                        Upload("assets.csv", big));
  REQUIRE(r);
  CHECK(r->status == 413);
  CHECK(Body(r)["error"] == "the request is too large (the limit is 4096 bytes)");
}

TEST_CASE("serve: an import while another writer holds the store answers 409", "[serve]") {
  const fs::path dir = WritableCopy("serve-locked");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  auto other = samdrift::core::Store::Open((dir / "samdrift.db").string(),
                                           samdrift::core::OpenMode::kReadWrite);
  REQUIRE(other.ok());
  auto writer = (*other)->Begin();  // as `samdrift import` holds it while it stores
  REQUIRE(writer.ok());
  samdrift::core::Batch nothing;
  REQUIRE((*writer)->Put(nothing).ok());
  auto r = client->Post("/api/import?org=gnosjo&dry_run=0", WithToken(*server),
                        Upload("extra.csv", "name,kind\nGNO-NEW01,device\n"));
  REQUIRE(r);
  CHECK(r->status == 409);
  CHECK(Body(r)["error"].get<std::string>().rfind(
            "the store is locked by another writer (an import or remove from the command line?)",
            0) == 0);
}

TEST_CASE("serve: a scenario with an error is refused with its located error (422)", "[serve]") {
  const fs::path dir = WritableCopy("serve-bad-scenario");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const std::string yaml = "name: Trasig\norgs: [gnosjo]\nbogus: 1\n";
  auto r = client->Put("/api/scenarios/trasig", WithToken(*server), yaml, "text/yaml");
  REQUIRE(r);
  CHECK(r->status == 422);
  const json body = Body(r);
  REQUIRE(body["errors"].size() == 1);
  CHECK(body["errors"][0]["text"] ==
        "trasig.yaml:3:1: error[SCN002]: unknown key 'bogus' in the "
        "scenario");
  CHECK(body["errors"][0]["line"] == 3);
  CHECK(body["errors"][0]["column"] == 1);
  CHECK(body["errors"][0]["code"] == "SCN002");
  CHECK_FALSE(fs::exists(dir / "scenarios" / "trasig.yaml"));
  // Validate as you type: the same parser, the same located error, nothing saved.
  r = client->Post("/api/scenarios/validate?name=trasig.yaml", WithToken(*server), yaml,
                   "text/yaml");
  CHECK(Body(r)["valid"] == false);
  CHECK(Body(r)["errors"][0]["text"] == body["errors"][0]["text"]);
  // An org the store lacks is located too (the CLI's check).
  r = client->Post("/api/scenarios/validate?name=s.yaml", WithToken(*server),
                   "name: S\norgs: [gnosjoo]\n", "text/yaml");
  CHECK(Body(r)["errors"][0]["code"] == "SCN010");
}

TEST_CASE("serve: a hostile <script> asset name comes back JSON-escaped", "[serve]") {
  const fs::path dir = WritableCopy("serve-hostile");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const std::string hostile = "<script>alert(1)</script>";
  auto r = client->Post("/api/import?org=gnosjo&dry_run=0", WithToken(*server),
                        Upload("hostile.csv", "name,kind,vendor\n" + hostile + ",device,Dell\n"));
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(Body(r)["stored"]["assets"] == 1);
  r = client->Get("/api/assets?q=script");
  REQUIRE(r);
  CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
  CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(r->body.find("<script>") == std::string::npos);
  CHECK(r->body.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e") != std::string::npos);
  const json page = Body(r);
  REQUIRE(page["total"] == 1);
  CHECK(page["rows"][0]["name"] == hostile);
  CHECK(page["rows"][0]["file"] == "hostile.csv");
  CHECK(page["rows"][0]["line"] == 2);
  // The import rebuilt the planning base: the views see it.
  CHECK(Body(client->Get("/api/stats"))["orgs"]["gnosjo"]["kinds"]["device"] ==
        Body(client->Get("/api/assets?org=gnosjo&kind=device&limit=0"))["total"]);
  // Static pages carry a content security policy.
  r = client->Get("/");
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
        std::string::npos);
}

TEST_CASE("serve: a dry-run import returns every located error and stores nothing", "[serve]") {
  const fs::path dir = WritableCopy("serve-dry-run");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const json before = Body(client->Get("/api/stats"));
  auto r = client->Post("/api/import?org=gnosjo&dry_run=0", WithToken(*server),
                        Upload("folder/broken.csv", "name,kind\na,bogus\nb,device\nc,nonsense\n"));
  REQUIRE(r);
  CHECK(r->status == 422);
  const json body = Body(r);
  REQUIRE(body["errors"].size() == 2);
  CHECK(body["errors"][0]["text"] ==
        "broken.csv:2:2: error[CSV013]: column 'kind': unknown asset kind 'bogus'");
  CHECK(body["errors"][1]["line"] == 4);
  CHECK(Body(client->Get("/api/stats")) == before);
}

TEST_CASE("serve: assets page by key and by offset over every row", "[serve]") {
  auto server = Start(Options(DemoDir(), "out/samdrift.db"));
  auto client = ClientOf(*server);
  const json all = Body(client->Get("/api/assets?org=hylte&sort=-name&limit=500"));
  const std::size_t total = all["total"];
  REQUIRE(total > 0);
  std::vector<std::string> keys;
  std::string after;
  for (int guard = 0; guard < 1000; ++guard) {
    auto start = std::chrono::steady_clock::now();
    const json page = Body(
        client->Get("/api/assets?org=hylte&sort=-name&limit=37" +
                    (after.empty() ? "" : "&after=" + httplib::detail::encode_query_param(after))));
    if (guard == 0)
      std::cout << "serve timing: GET /api/assets (37 rows): " << Millis(start) << " ms\n";
    for (const json& row : page["rows"])
      keys.push_back(row["kind"].get<std::string>() + "/" + row["key"].get<std::string>());
    if (page["next"].is_null()) break;
    after = page["next"];
  }
  REQUIRE(keys.size() == total);
  for (std::size_t i = 0; i < all["rows"].size(); ++i) {
    CHECK(keys[i] == all["rows"][i]["kind"].get<std::string>() + "/" +
                         all["rows"][i]["key"].get<std::string>());
  }
  const json second = Body(client->Get("/api/assets?org=hylte&sort=-name&limit=5&offset=5"));
  CHECK(second["rows"][0] == all["rows"][5]);
  CHECK(client->Get("/api/assets?sort=password")->status == 400);
  CHECK(Body(client->Get("/api/assets?limit=100000"))["limit"] == 500);
  // One asset: attributes, provenance and relations both ways.
  const json& row = all["rows"][0];
  auto start = std::chrono::steady_clock::now();
  const json one =
      Body(client->Get("/api/assets/hylte/" + row["kind"].get<std::string>() + "/" +
                       httplib::detail::encode_query_param(row["key"].get<std::string>())));
  std::cout << "serve timing: GET /api/assets/ORG/KIND/KEY: " << Millis(start) << " ms\n";
  CHECK(one["asset"] == row);
  CHECK(one["provenance"]["file"] == row["file"]);
  CHECK(one.contains("relations"));
  CHECK(client->Get("/api/assets/hylte/device/no-such-thing")->status == 404);
}

TEST_CASE("serve: an asset query past its deadline answers 503", "[serve]") {
  ServeOptions options = Options(DemoDir(), "out/samdrift.db");
  options.query_ms = 0;
  auto server = Start(options);
  auto client = ClientOf(*server);
  auto r = client->Get("/api/assets?q=a");
  REQUIRE(r);
  CHECK(r->status == 503);
  CHECK(Body(r)["error"] ==
        "the query took longer than 0 ms and was stopped; narrow it with filters");
}

TEST_CASE("serve: a saved scenario re-plans and its diff shows the change", "[serve]") {
  const fs::path dir = WritableCopy("serve-diff");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  std::string yaml = Slurp(dir / "scenarios" / "scenario.yaml");
  const std::string fixed = "  hypervisor: vmware-esxi-8";
  REQUIRE(yaml.find(fixed) != std::string::npos);
  yaml.replace(yaml.find(fixed), fixed.size(), "  hypervisor: proxmox-ve-9");
  auto r = client->Put("/api/scenarios/proxmox", WithToken(*server), yaml, "text/yaml");
  REQUIRE(r);
  REQUIRE(r->status == 201);
  auto start = std::chrono::steady_clock::now();
  const json diff = Body(client->Get("/api/diff?from=scenario&to=proxmox"));
  INFO(diff.dump());
  REQUIRE(diff.contains("standards"));
  std::cout << "serve timing: GET /api/diff (two re-plans): " << Millis(start) << " ms\n";
  REQUIRE(diff["standards"].size() >= 1);
  CHECK(diff["standards"][0] ==
        json{{"capability", "hypervisor"}, {"from", "vmware-esxi-8"}, {"to", "proxmox-ve-9"}});
  CHECK_FALSE(diff["gaps"].empty());
  const json list = Body(client->Get("/api/scenarios"));
  bool listed = false;
  for (const json& s : list["scenarios"]) listed = listed || s["name"] == "proxmox";
  CHECK(listed);
  CHECK(client->Get("/api/scenarios/proxmox")->body == yaml);
  CHECK(client->Get("/api/plan?scenario=nope")->status == 404);
}

TEST_CASE("serve: the command prints its URL, warns off loopback and stops on SIGINT", "[serve]") {
  const fs::path dir = WritableCopy("serve-command");
  const std::string out = (dir / "out.txt").string(), err = (dir / "err.txt").string();
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    dup2(open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 1);
    dup2(open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644), 2);
    const std::string db = (dir / "samdrift.db").string();
    execl(SAMDRIFT_BINARY, "samdrift", "--db", db.c_str(), "serve", "--port", "0", "--bind",
          "0.0.0.0", "--read-only", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string printed;
  for (int i = 0; i < 600 && printed.find("(Ctrl-C stops)") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    printed = Slurp(out);
  }
  const std::string prefix = "samdrift serve: http://0.0.0.0:";
  REQUIRE(printed.rfind(prefix, 0) == 0);
  const int port = std::stoi(printed.substr(prefix.size()));
  CHECK(Slurp(err) ==
        "samdrift: warning: listening on 0.0.0.0: there is no authentication, anyone who can "
        "reach this address can read the store (and change it unless --read-only)\n");
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get("/api/orgs");
  REQUIRE(r);
  CHECK(r->status == 200);
  kill(pid, SIGINT);
  int status = 0;
  REQUIRE(waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(Slurp(err).find("samdrift serve: stopped\n") != std::string::npos);
}

TEST_CASE("serve: an asset's page lists the gaps, plan items and risks that name it", "[serve]") {
  auto server = Start(Options(DemoDir(), "out/samdrift.db"));
  auto client = ClientOf(*server);
  const json target = Body(client->Get("/api/target?scenario=scenario"));
  REQUIRE_FALSE(target["gaps"].empty());
  const json& gap = target["gaps"][0];
  const json one = Body(client->Get(
      "/api/assets/" + gap["org"].get<std::string>() + "/" + gap["kind"].get<std::string>() + "/" +
      httplib::detail::encode_query_param(gap["key"].get<std::string>()) +
      "?concerns=1&scenario=scenario"));
  REQUIRE(one.contains("gaps"));
  CHECK(std::find(one["gaps"].begin(), one["gaps"].end(), gap) != one["gaps"].end());
  for (const json& item : one["plan_items"]) CHECK(item["asset"] == gap["asset"]);
  CHECK(one["single_points"].is_array());
  // In Swedish, the reasons as the Swedish target and plan views give them.
  const json sv_target = Body(client->Get("/api/target?scenario=scenario&lang=sv"));
  const json sv = Body(client->Get(
      "/api/assets/" + gap["org"].get<std::string>() + "/" + gap["kind"].get<std::string>() + "/" +
      httplib::detail::encode_query_param(gap["key"].get<std::string>()) +
      "?concerns=1&scenario=scenario&lang=sv"));
  REQUIRE(sv["gaps"].size() == one["gaps"].size());
  CHECK(sv["gaps"][0]["reason"] == sv_target["gaps"][0]["reason"]);
  CHECK(sv["gaps"][0]["reason"] != gap["reason"]);
  REQUIRE(sv["plan_items"].size() == one["plan_items"].size());
  if (!sv["plan_items"].empty()) {
    CHECK(sv["plan_items"][0]["reason"] != one["plan_items"][0]["reason"]);
  }
}

TEST_CASE("serve: an import job tells its files done of the total, then its answer", "[serve]") {
  const fs::path dir = WritableCopy("serve-import-job");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  httplib::MultipartFormDataItems files;
  for (int i = 1; i <= 3; ++i) {
    files.push_back({"files", "name,kind\nGNO-JOB" + std::to_string(i) + ",device\n",
                     "folder/job" + std::to_string(i) + ".csv", "text/csv"});
  }
  auto r = client->Post("/api/import?org=gnosjo&dry_run=0&job=1", WithToken(*server), files);
  REQUIRE(r);
  REQUIRE(r->status == 202);
  json job = Body(r);
  CHECK(job["files_total"] == 3);
  const std::string id = std::to_string(job["job"].get<int>());
  for (int i = 0; i < 600 && job["state"] != "done"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    job = Body(client->Get("/api/import/jobs/" + id));
    CHECK(job["files_done"].get<int>() <= 3);
  }
  REQUIRE(job["state"] == "done");
  CHECK(job["files_done"] == 3);
  CHECK(job["status"] == 200);
  CHECK(job["result"]["stored"]["assets"] == 3);
  CHECK(job["result"]["files"].size() == 3);
  CHECK(Body(client->Get("/api/assets?q=GNO-JOB&limit=0"))["total"] == 3);
  CHECK(client->Get("/api/import/jobs/999")->status == 404);
  // A job that fails answers as the request would have: the located errors, nothing stored.
  r = client->Post("/api/import?org=gnosjo&dry_run=0&job=1", WithToken(*server),
                   Upload("bad.csv", "name,kind\na,bogus\n"));
  REQUIRE(r->status == 202);
  job = Body(r);
  for (int i = 0; i < 600 && job["state"] != "done"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    job = Body(client->Get("/api/import/jobs/" + std::to_string(job["job"].get<int>())));
  }
  CHECK(job["status"] == 422);
  CHECK(job["result"]["errors"][0]["text"] ==
        "bad.csv:2:2: error[CSV013]: column 'kind': unknown asset kind 'bogus'");
}

TEST_CASE("serve: an import for an org one typo from a stored one is refused at the org field",
          "[serve]") {
  const fs::path dir = WritableCopy("serve-org-typo");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  for (const char* dry_run : {"1", "0"}) {
    auto r = client->Post(std::string("/api/import?org=gnosjoo&dry_run=") + dry_run,
                          WithToken(*server), Upload("a.csv", "name,kind\nx,device\n"));
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(Body(r) == json{{"error",
                           "org 'gnosjoo' is not in the store; did you mean 'gnosjo'? (--new-org "
                           "creates it)"},
                          {"field", "org"}});
  }
  CHECK(Body(client->Get("/api/orgs"))["orgs"].size() == 5);
  // new_org=1 says it is new, as --new-org does; an id far from every stored one needs nothing.
  auto r = client->Post("/api/import?org=gnosjoo&dry_run=1&new_org=1", WithToken(*server),
                        Upload("a.csv", "name,kind\nx,device\n"));
  CHECK(r->status == 200);
  r = client->Post("/api/import?org=tranas&dry_run=1", WithToken(*server),
                   Upload("a.csv", "name,kind\nx,device\n"));
  CHECK(r->status == 200);
}

TEST_CASE("serve: validation locates the form's fields in the scenario's text", "[serve]") {
  auto server = Start(Options(DemoDir(), "out/samdrift.db"));
  auto client = ClientOf(*server);
  const std::string yaml = Slurp(DemoDir() / "scenarios" / "scenario.yaml");
  const json form = Body(client->Post("/api/scenarios/validate?name=scenario.yaml",
                                      WithToken(*server), yaml, "text/yaml"))["form"];
  std::map<std::string, json> fields;
  for (const json& f : form["fields"]) fields[f["path"]] = f;
  CHECK(fields["name"] ==
        json{{"path", "name"}, {"value", "Alternativ 1"}, {"line", 3}, {"flow", false}});
  CHECK(fields["standards.hypervisor"]["line"] == 6);
  CHECK(fields["halls.0.name"] ==
        json{{"path", "halls.0.name"}, {"value", "DC1"}, {"line", 8}, {"flow", false}});
  CHECK(fields["halls.1.power_kw"]["value"] == "24");
  CHECK(fields["timeline.hours_per_month"]["value"] == "800");
  CHECK(fields["costs"]["value"] == "costs.yaml");
  CHECK(form["sections"]["timeline"].is_number());
  CHECK(fields.count("timeline.freeze") == 0);  // a list, not a field
  // An error's line is its field's: the page shows it there.
  std::string bad = yaml;
  bad.replace(bad.find("hours_per_month: 800"), 20, "hours_per_month: 8x0");
  const json v = Body(
      client->Post("/api/scenarios/validate?name=s.yaml", WithToken(*server), bad, "text/yaml"));
  REQUIRE(v["errors"].size() == 1);
  CHECK(v["errors"][0]["line"] == fields["timeline.hours_per_month"]["line"]);
  // Text that is not YAML has no form (the errors say why).
  CHECK(Body(client->Post("/api/scenarios/validate?name=s.yaml", WithToken(*server),
                          "name: [unclosed\n", "text/yaml"))["form"]
            .is_null());
}

TEST_CASE("serve: undo puts back the version before each save", "[serve]") {
  const fs::path dir = WritableCopy("serve-undo");
  auto server = Start(Options(dir, "samdrift.db"));
  auto client = ClientOf(*server);
  const std::string v1 = Slurp(dir / "scenarios" / "scenario.yaml");
  std::string v2 = v1, v3 = v1;
  v2.replace(v2.find("max_hours: 300"), 14, "max_hours: 200");
  v3.replace(v3.find("max_hours: 300"), 14, "max_hours: 100");
  CHECK(Body(client->Get("/api/scenarios/scenario/history"))["versions"] == 0);
  for (const std::string* text : {&v2, &v3}) {
    auto r = client->Put("/api/scenarios/scenario", WithToken(*server), *text, "text/yaml");
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  CHECK(Body(client->Get("/api/scenarios/scenario/history"))["versions"] == 2);
  CHECK(client->Post("/api/scenarios/scenario/undo", "", "text/plain")->status == 403);
  json r = Body(client->Post("/api/scenarios/scenario/undo", WithToken(*server), "", "text/plain"));
  CHECK(r["text"] == v2);
  CHECK(r["versions"] == 1);
  CHECK(Slurp(dir / "scenarios" / "scenario.yaml") == v2);
  r = Body(client->Post("/api/scenarios/scenario/undo", WithToken(*server), "", "text/plain"));
  CHECK(Slurp(dir / "scenarios" / "scenario.yaml") == v1);
  auto none = client->Post("/api/scenarios/scenario/undo", WithToken(*server), "", "text/plain");
  CHECK(none->status == 409);
  CHECK(Body(none)["error"] == "no earlier version of 'scenario' is kept: nothing to undo");
  // The kept versions are not listed as scenarios.
  const json listed = Body(client->Get("/api/scenarios"));
  for (const json& s : listed["scenarios"]) {
    CHECK(s["file"].get<std::string>().find(".yaml.") == std::string::npos);
  }
  CHECK(client->Post("/api/scenarios/x..y/undo", WithToken(*server), "", "text/plain")->status ==
        400);
}

TEST_CASE("serve: the views an asset's page filters are parsed once, then kept", "[serve]") {
  samdrift::tools::serve::Workspace workspace((DemoDir() / "out" / "samdrift.db").string(),
                                              DemoDir() / "scenarios");
  auto lock = workspace.Lock();
  REQUIRE(workspace.Load().ok());
  CHECK(workspace.bases_loaded() == 0);  // on the first view that needs it, not at the start
  samdrift::tools::serve::Answer failed;
  auto first = workspace.Parsed("plan", {"scenario"}, failed);
  REQUIRE(first);
  CHECK(workspace.bases_loaded() == 1);
  CHECK(workspace.plans() == 1);
  CHECK(workspace.parses() == 1);
  CHECK(workspace.Parsed("plan", {"scenario"}, failed) == first);  // the same, not parsed again
  CHECK(workspace.parses() == 1);
  CHECK(workspace.View("plan", {"scenario"}).timing == "cache");
  CHECK(first->at("items").size() > 300);
  CHECK_FALSE(workspace.Parsed("plan", {"nope"}, failed));
  CHECK(failed.status == 404);
}

TEST_CASE("serve: asset pages are answered while a view is planned", "[serve]") {
  const fs::path dir = WritableCopy("serve-busy");
  auto server = Start(Options(dir, "samdrift.db"));
  auto planning = ClientOf(*server);
  auto client = ClientOf(*server);
  std::atomic<bool> planned = false;
  // The first view loads the planning base and plans two scenarios: seconds under ASan.
  std::thread compare([&] {
    auto r = planning->Get("/api/compare?scenario=alternativ-1-teknik&scenario=alternativ-2");
    CHECK(r);
    planned = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const json page = Body(client->Get("/api/assets?org=hylte&limit=5"));
  const bool before = !planned;
  const json one = Body(
      client->Get("/api/assets/hylte/" + page["rows"][0]["kind"].get<std::string>() + "/" +
                  httplib::detail::encode_query_param(page["rows"][0]["key"].get<std::string>())));
  const bool still = !planned;
  compare.join();
  CHECK(page["rows"].size() == 5);
  CHECK(one["asset"] == page["rows"][0]);
  CHECK(before);
  CHECK(still);
}
