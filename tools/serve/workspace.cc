#include "tools/serve/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "core/catalog.h"
#include "core/text.h"
#include "planners/compare.h"
#include "planners/overlap.h"
#include "tools/compare_run.h"
#include "tools/json_views.h"
#include "tools/planning_inputs.h"
#include "tools/serve/view_lang.h"

namespace samdrift::tools::serve {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The time and size of the store file and its WAL: a write from any process changes them.
std::string FileStamp(const std::string& db) {
  std::string stamp;
  for (const std::string& path : {db, db + "-wal"}) {
    std::error_code ec;
    const auto time = fs::last_write_time(path, ec);
    const auto size = ec ? 0 : fs::file_size(path, ec);
    if (!ec) {
      stamp += std::to_string(time.time_since_epoch().count()) + ":" + std::to_string(size) + ";";
    }
  }
  return stamp;
}

// Server-Timing entries (`NAME;dur=MS`, comma-separated) of the steps a request ran.
class Timing {
 public:
  // Adds NAME with the time since the last mark (or the start).
  void Mark(std::string_view name) {
    const auto now = std::chrono::steady_clock::now();
    char dur[32];
    std::snprintf(dur, sizeof dur, ";dur=%.1f",
                  std::chrono::duration<double, std::milli>(now - last_).count());
    text_ += (text_.empty() ? "" : ", ") + std::string(name) + dur;
    last_ = now;
  }
  const std::string& text() const { return text_; }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::string text_;
};

}  // namespace

// What a cached answer depends on of a scenario: its path, its text and its costs file's text.
std::string ScenarioKey(const fs::path& path) {
  std::string key = '\0' + path.string() + '\0' + ReadText(path);
  core::Diagnostics ignored;
  auto scenario = ReadScenarioFile(path.string(), ignored);
  if (scenario.ok() && *scenario && !(*scenario)->costs.empty()) {
    key += '\0' + ReadText((*scenario)->costs);
  }
  return key;
}

bool ValidScenarioName(const std::string& name) {
  if (name.empty() || name.size() > 100 || name[0] == '.' || name.find("..") != std::string::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
  });
}

Workspace::Workspace(std::string db, fs::path scenarios_dir)
    : db_(std::move(db)), scenarios_dir_(std::move(scenarios_dir)) {}

Workspace::~Workspace() = default;

core::Status Workspace::Load() { return Store().status(); }

core::Result<core::Store*> Workspace::Store() {
  const std::string stamp = FileStamp(db_);
  if (store_ && stamp == stamp_) return store_.get();
  Invalidate();
  auto store = core::Store::Open(db_, core::OpenMode::kReadOnly);
  if (!store.ok()) return store.status();
  store_ = std::move(store).value();
  stamp_ = stamp;
  return store_.get();
}

void Workspace::Invalidate() {
  store_.reset();
  bases_.clear();
  answers_.clear();
  parsed_.clear();
  runs_.clear();
}

void Workspace::Preload() {
  if (Store().ok()) (void)Base("", {}, false);  // a failure is the first view's to report
}

core::Result<fs::path> Workspace::ScenarioPath(const std::string& name) const {
  if (!ValidScenarioName(name)) {
    return core::Status::Usage("'" + name +
                               "' is not a scenario name (letters, digits, '-', '_', '.'; no "
                               "leading dot, no '..', at most 100 characters)");
  }
  const auto ends = [&](std::string_view ext) {
    return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (ends(".yaml") || ends(".yml")) return scenarios_dir_ / name;
  std::error_code ec;
  if (fs::exists(scenarios_dir_ / (name + ".yml"), ec)) return scenarios_dir_ / (name + ".yml");
  return scenarios_dir_ / (name + ".yaml");
}

core::Result<std::shared_ptr<const planners::PlanningBase>> Workspace::Base(
    const std::string& key, const std::vector<std::string>& orgs, bool halls_only) {
  if (auto it = bases_.find(key); it != bases_.end()) return it->second;
  auto store = Store();
  if (!store.ok()) return store.status();
  core::Diagnostics diagnostics;
  auto catalog = core::LoadCatalog({}, diagnostics);
  if (!catalog.ok()) return catalog.status();
  PlanningOptions options;
  if (halls_only) {
    HallSteps(options);  // no scenario: halls, racks and devices as they are
  } else {
    options.graph = planners::GraphNeed::kBuild;
  }
  auto base = LoadPlanningBase(**store, std::move(catalog).value(), options, orgs);
  if (!base.ok()) return base.status();
  ++bases_loaded_;
  bases_[key] = *base;
  return base;
}

core::Result<std::shared_ptr<const planners::PlanningBase>> Workspace::PlanningBaseFor(
    const std::vector<std::string>& orgs) {
  return Base(core::Join(orgs, ","), orgs, false);
}

Answer Workspace::Cached(const std::string& key, const fs::path& path,
                         const std::function<Answer()>& compute) {
  auto store = Store();  // reopened (and the cache dropped) when the file changed
  if (!store.ok()) return Failed(store.status(), {});
  const std::string full = key + (path.empty() ? "" : ScenarioKey(path));
  if (auto it = answers_.find(full); it != answers_.end()) return it->second;
  ++plans_;
  Answer answer = compute();
  if (answer.status == 200) answers_[full] = answer;
  return answer;
}

Answer Workspace::Find(const std::string& view, const std::vector<std::string>& scenarios,
                       std::string* key_out, const std::string& lang) {
  if (std::find(std::begin(kViews), std::end(kViews), view) == std::end(kViews)) {
    return Error(404, "no such view '" + view + "'");
  }
  if (view == "compare" ? scenarios.empty() : scenarios.size() > 1) {
    return Error(400, view == "compare" ? "compare needs ?scenario=NAME, repeated"
                                        : "one ?scenario=NAME at most");
  }
  if (!lang.empty() && lang != "sv" && lang != "en") {
    return Error(400, "lang must be sv or en, not '" + lang + "'");
  }
  auto store = Store();  // reopened (and the cache dropped) when the file changed
  if (!store.ok()) return Failed(store.status(), {});
  std::vector<fs::path> paths;
  const bool swedish = lang == "sv";
  std::string key = swedish ? view + "@sv" : view;
  for (const std::string& name : scenarios) {
    auto path = ScenarioPath(name);
    if (!path.ok()) return Error(400, path.status().message());
    std::error_code ec;
    if (!fs::is_regular_file(*path, ec)) return Error(404, "no scenario '" + name + "'");
    paths.push_back(*path);
    key += ScenarioKey(*path);
  }
  if (key_out) *key_out = key;
  if (auto it = answers_.find(key); it != answers_.end()) {
    Answer kept = it->second;
    kept.timing = "cache";
    return kept;
  }
  Answer answer = Compute(view, paths, swedish);
  if (answer.status == 200) answers_[key] = answer;
  return answer;
}

std::shared_ptr<const ordered_json> Workspace::Parsed(const std::string& view,
                                                      const std::vector<std::string>& scenarios,
                                                      Answer& failed, const std::string& lang) {
  std::string key;
  failed = Find(view, scenarios, &key, lang);
  if (failed.status != 200) return nullptr;
  std::shared_ptr<const ordered_json>& parsed = parsed_[key];
  if (!parsed) {
    parsed = std::make_shared<const ordered_json>(ordered_json::parse(failed.body));
    ++parses_;
  }
  return parsed;
}

Answer Workspace::Compute(const std::string& view, const std::vector<fs::path>& paths,
                          bool swedish) {
  core::Store& store = *store_;
  if (view == "stats") {
    auto out = StatsJson(store);
    return out.ok() ? Ok(*out) : Failed(out.status(), {});
  }
  if (view == "orgs") {
    auto orgs = store.OrgList();
    return orgs.ok() ? Ok(OrgsJson(*orgs)) : Failed(orgs.status(), {});
  }
  if (view == "compare") {
    std::vector<std::string> files;
    for (const fs::path& p : paths) files.push_back(p.string());
    core::Diagnostics diagnostics;
    Timing timing;
    // Over the base of every org, loaded once (a scenario naming an org the store lacks is
    // located by the check before anything is planned).
    auto base = Base("", {}, false);
    if (!base.ok()) return Failed(base.status(), diagnostics);
    timing.Mark("base");
    const auto run = FirstRun(store, *base, paths.front());
    timing.Mark("plan");
    auto comparison = CompareScenarios(store, files, {}, *base, {}, diagnostics, run.get());
    if (!comparison.ok()) return Failed(comparison.status(), diagnostics);
    timing.Mark("compare");
    return {200, CompareJson(*comparison), timing.text()};
  }
  return Planned(view, paths.empty() ? fs::path() : paths.front(), swedish);
}

// overlap, target, plan, halls, net and risk: one scenario (or none) over the base of its orgs.
Answer Workspace::Planned(const std::string& view, const fs::path& path, bool swedish) {
  core::Diagnostics diagnostics;
  auto scenario = ReadChecked(path, diagnostics);
  if (!scenario.ok()) return Failed(scenario.status(), diagnostics);
  if (view == "net") {
    auto out = NetJson(*store_, scenario->value_or(planners::Scenario{}), diagnostics);
    return out.ok() ? Ok(*out) : Failed(out.status(), diagnostics);
  }
  const std::vector<std::string> orgs = *scenario ? (*scenario)->orgs : std::vector<std::string>{};
  Timing timing;
  const auto mark = [&](std::string_view step) { timing.Mark(step.substr(0, step.find(' '))); };
  if (view == "overlap") {
    auto base = BaseOf(orgs, false, mark);
    if (!base.ok()) return Failed(base.status(), diagnostics);
    Answer answer =
        Ok(OverlapJson(planners::ComputeOverlap(base->base->estate, base->base->catalog, orgs),
                       base->base->catalog));
    timing.Mark("overlap");
    answer.timing = timing.text();
    return answer;
  }
  auto result = PlanOf(*scenario ? &**scenario : nullptr, path, view, mark, diagnostics);
  if (!result.ok()) return Failed(result.status(), diagnostics);
  const planners::PipelineResult& run = **result;
  ordered_json json = view == "target"  ? TargetJson(*run.target)
                      : view == "plan"  ? PlanJson(*run.waves)
                      : view == "halls" ? HallsJson(run)
                                        : RiskJson(*run.risk);
  if (swedish) ReasonsInSwedish(json, view, run);
  Answer answer = Ok(json);
  timing.Mark("json");
  answer.timing = timing.text();
  return answer;
}

}  // namespace samdrift::tools::serve
