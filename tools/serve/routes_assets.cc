// GET /api/assets: every asset, filtered, sorted and paged by SQL (offset, or by key with
// `after`); GET /api/assets/ORG/KIND/KEY: one asset with attributes, provenance and relations.
#include <charconv>
#include <chrono>
#include <cstdio>

#include "tools/json_views.h"
#include "tools/serve/routes.h"

namespace samdrift::tools::serve {
using nlohmann::ordered_json;

namespace {

constexpr std::size_t kMaxLimit = 500;

template <typename T>
ordered_json OrNull(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json RowJson(const core::AssetRow& row) {
  const core::Asset& a = row.asset;
  return {{"org", a.org},
          {"kind", std::string(core::ToString(a.kind))},
          {"key", row.key},
          {"name", a.name},
          {"category", std::string(core::ToString(a.category))},
          {"role", a.role},
          {"vendor", a.vendor},
          {"product", a.product},
          {"version", a.version},
          {"serial", a.serial},
          {"site", a.site},
          {"hall", a.hall},
          {"rack", a.rack},
          {"position", OrNull(std::optional<int>(a.position))},
          {"u_height", OrNull(std::optional<int>(a.u_height))},
          {"power_w", OrNull(a.power_w)},
          {"redundancy_group", a.redundancy_group},
          {"criticality", a.criticality},
          {"eol", a.eol},
          {"file", a.provenance.source},
          {"line", a.provenance.line},
          {"implied", row.implied}};
}

ordered_json DetailJson(const core::AssetDetail& detail) {
  ordered_json attributes = ordered_json::object();
  for (const core::Attribute& a : detail.row.asset.attributes) attributes[a.key] = a.value;
  ordered_json relations = ordered_json::array();
  for (const core::AssetLink& l : detail.links) {
    relations.push_back(
        {{"direction", l.direction},
         {"relation", std::string(core::ToString(l.kind))},
         {"org", l.org},
         {"asset", l.key},
         {"kind", l.asset_kind.empty() ? ordered_json(nullptr) : ordered_json(l.asset_kind)},
         {"file", l.provenance.source},
         {"line", l.provenance.line}});
  }
  const core::Provenance& p = detail.row.asset.provenance;
  return {{"asset", RowJson(detail.row)},
          {"attributes", attributes},
          {"provenance", {{"file", p.source}, {"line", p.line}, {"importer", p.importer}}},
          {"relations", relations}};
}

// ?concerns=1[&scenario=NAME]: the target's gaps, the plan's items and the risk view's single
// points of failure that name the asset (from the views' own JSON, cached like them). With
// ?concerns=kept only when the scenario's plan is kept (else "concerns_planned": false, and
// nothing is planned: at national scale a plan takes minutes). The gaps' and items' reasons are
// in `lang` (sv or en), as the views give them.
std::optional<Answer> AddConcerns(Workspace& workspace, const std::vector<std::string>& scenario,
                                  const std::string& lang, const core::Asset& asset,
                                  ordered_json& out) {
  auto names = [&](const ordered_json& j) {
    return j.value("org", "") == asset.org && j.value("asset", "") == asset.name;
  };
  std::shared_ptr<const ordered_json> views[3];
  const char* kNames[] = {"target", "plan", "risk"};
  for (int i : {1, 0, 2}) {  // the plan first: its run (every step) serves the other two
    Answer failed;
    views[i] = workspace.Parsed(kNames[i], scenario, failed, i < 2 ? lang : "");
    if (!views[i]) return failed;
  }
  ordered_json gaps = ordered_json::array(), items = ordered_json::array(),
               risks = ordered_json::array();
  for (const ordered_json& g : views[0]->at("gaps")) {
    if (names(g)) gaps.push_back(g);
  }
  for (const ordered_json& item : views[1]->at("items")) {
    if (names(item)) items.push_back(item);
  }
  for (const ordered_json& service : views[2]->at("services")) {
    for (const char* when : {"single_points", "single_points_target"}) {
      for (const ordered_json& p : service.value(when, ordered_json::array())) {
        if (!names(p)) continue;
        risks.push_back({{"org", service["org"]},
                         {"service", service["service"]},
                         {"when", std::string(when) == "single_points" ? "today" : "target"},
                         {"why", p.value("why", "")}});
      }
    }
  }
  out["gaps"] = gaps;
  out["plan_items"] = items;
  out["single_points"] = risks;
  return std::nullopt;
}

bool ReadCount(const httplib::Request& req, const char* name, std::size_t& out) {
  if (!req.has_param(name)) return true;
  const std::string text = req.get_param_value(name);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// The query's parameters, checked: an error answer when one is not understood.
std::optional<Answer> ReadQuery(const httplib::Request& req, core::AssetPageQuery& query) {
  query.org = req.get_param_value("org");
  query.category = req.get_param_value("category");
  query.kind = req.get_param_value("kind");
  query.text = req.get_param_value("q");
  query.after = req.get_param_value("after");
  if (!query.category.empty() && !core::ParseCategory(query.category)) {
    return Error(400, "category: expected datacenter, network, platform or client");
  }
  if (!query.kind.empty() && !core::ParseAssetKind(query.kind)) {
    return Error(400, "kind: '" + query.kind + "' is not an asset kind");
  }
  std::string sort = req.has_param("sort") ? req.get_param_value("sort") : "name";
  query.descending = !sort.empty() && sort[0] == '-';
  if (query.descending) sort.erase(0, 1);
  const auto* end = std::end(core::kBrowseSortKeys);
  if (std::find(std::begin(core::kBrowseSortKeys), end, sort) == end) {
    return Error(400, "sort: '" + sort +
                          "' is not a column; one of name, org, kind, category, vendor, product, "
                          "site, key (a leading '-' sorts descending)");
  }
  query.sort = sort;
  if (!ReadCount(req, "offset", query.offset) || !ReadCount(req, "limit", query.limit)) {
    return Error(400, "offset and limit are whole numbers");
  }
  query.limit = std::min(query.limit, kMaxLimit);
  return std::nullopt;
}

// The browser, opened on first use; under the browser's lock.
core::Result<core::AssetBrowser*> Browser(Context& context) {
  // Its own connection (not the workspace's read-only snapshot) sees every import at once.
  if (!context.browser) {
    auto browser = core::AssetBrowser::Open(context.workspace.db(), context.options.query_ms);
    if (!browser.ok()) return browser.status();
    context.browser = std::move(browser).value();
  }
  return context.browser.get();
}

// Builds the text index on the indexer thread, as the store is now; under the browser's lock.
void Reindex(Context& context, core::AssetBrowser& browser) {
  if (context.indexing || context.stop_indexing) return;
  auto version = browser.DataVersion();  // read first: an import meanwhile makes it stale
  if (!version.ok()) return;
  if (context.indexer.joinable()) context.indexer.join();  // the last build, finished
  context.indexing = true;
  context.indexer = std::thread([&context, version = *version] {
    auto index = core::AssetTextIndex::Build(context.workspace.db(), context.stop_indexing);
    std::lock_guard lock(context.browser_mutex);
    if (index.ok() && context.browser) context.browser->UseTextIndex(*index, version);
    context.indexing = false;
  });
}

Answer Failure(const core::Status& status, int deadline_ms) {
  if (core::BrowseTimedOut(status)) {
    return Error(503, "the query took longer than " + std::to_string(deadline_ms) +
                          " ms and was stopped; narrow it with filters");
  }
  return Failed(status, {});
}

}  // namespace

void StartTextIndex(Context& context) {
  std::lock_guard lock(context.browser_mutex);
  if (auto browser = Browser(context); browser.ok()) Reindex(context, **browser);
}

void StopTextIndex(Context& context) {
  context.stop_indexing = true;
  if (context.indexer.joinable()) context.indexer.join();
}

void AddAssetRoutes(httplib::Server& http, Context& context) {
  http.Get("/api/assets", [&](const httplib::Request& req, httplib::Response& res) {
    core::AssetPageQuery query;
    if (auto bad = ReadQuery(req, query)) return Send(res, *bad);
    std::lock_guard lock(context.browser_mutex);  // not the workspace's: a re-plan does not wait
    auto browser = Browser(context);
    if (!browser.ok()) return Send(res, Failed(browser.status(), {}));
    if (!query.text.empty() && context.options.text_index && (*browser)->NeedsTextIndex()) {
      Reindex(context, **browser);  // for the searches after this one
    }
    const auto started = std::chrono::steady_clock::now();
    auto page = (*browser)->Page(query);
    if (!page.ok()) return Send(res, Failure(page.status(), context.options.query_ms));
    ordered_json rows = ordered_json::array();
    for (const core::AssetRow& row : page->rows) rows.push_back(RowJson(row));
    Answer answer =
        Ok({{"total", page->total},
            {"offset", query.after.empty() ? query.offset : 0},
            {"limit", query.limit},
            {"rows", rows},
            {"next", page->next.empty() ? ordered_json(nullptr) : ordered_json(page->next)}});
    // A text search says how it was answered (Server-Timing: search-index or search-sql).
    if (!query.text.empty()) {
      char took[32];
      std::snprintf(
          took, sizeof took, ";dur=%.1f",
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
      answer.timing = (page->indexed ? "search-index" : "search-sql") + std::string(took);
    }
    Send(res, answer);
  });
  // GET /api/orgs: the orgs command's --json, counted once until the store changes, on the
  // browser's connection (a view planning, or the base loading at the start, holds the
  // workspace for seconds to minutes).
  http.Get("/api/orgs", [&](const httplib::Request&, httplib::Response& res) {
    std::lock_guard lock(context.browser_mutex);
    auto browser = Browser(context);
    if (!browser.ok()) return Send(res, Failed(browser.status(), {}));
    const std::size_t counted = (*browser)->org_counts();
    auto orgs = (*browser)->Orgs();
    if (!orgs.ok()) return Send(res, Failure(orgs.status(), context.options.query_ms));
    Answer answer = Ok(OrgsJson(*orgs));
    if ((*browser)->org_counts() == counted) answer.timing = "cache";  // as the views say it
    Send(res, answer);
  });
  http.Get(R"(/api/assets/([^/]+)/([^/]+)/(.+))", [&](const httplib::Request& req,
                                                      httplib::Response& res) {
    const auto kind = core::ParseAssetKind(req.matches[2].str());
    if (!kind) return Send(res, Error(400, "'" + req.matches[2].str() + "' is not a kind"));
    std::unique_lock browsing(context.browser_mutex);
    auto browser = Browser(context);
    if (!browser.ok()) return Send(res, Failed(browser.status(), {}));
    if (context.options.text_index && (*browser)->NeedsTextIndex()) {
      Reindex(context, **browser);  // its relation ends, for the asset pages after this one
    }
    auto detail = (*browser)->Detail(req.matches[1].str(), *kind, req.matches[3].str());
    browsing.unlock();
    if (!detail.ok()) return Send(res, Failure(detail.status(), context.options.query_ms));
    if (!*detail) return Send(res, Error(404, "no such asset"));
    ordered_json out = DetailJson(**detail);
    const std::string concerns = req.get_param_value("concerns");
    if (concerns == "1" || concerns == "kept") {
      // The views: planned once, then kept. `kept` does not wait for the workspace
      // while it is busy (the base loading at the start, a plan running): nothing is
      // kept that it could answer from at once.
      auto lock = concerns == "kept" ? context.workspace.TryLock() : context.workspace.Lock();
      std::vector<std::string> scenario;
      if (req.has_param("scenario")) scenario.push_back(req.get_param_value("scenario"));
      if (concerns == "kept" && (!lock.owns_lock() || !context.workspace.HasPlan(scenario))) {
        out["concerns_planned"] = false;  // asked for with concerns=1 (it plans)
      } else {
        auto failed = AddConcerns(context.workspace, scenario, req.get_param_value("lang"),
                                  (*detail)->row.asset, out);
        if (failed) return Send(res, *failed);
      }
    }
    Send(res, Ok(out));
  });
}

}  // namespace samdrift::tools::serve
