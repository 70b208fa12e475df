// What `samdrift serve` holds between requests: the store (read-only), the planning bases
// (one per set of orgs, loaded once, shared by every re-plan) and the answers already computed,
// keyed by the view and the scenario files' content, so a page load does not re-plan. A change
// to the store (an import here, or one from the command line: the file's time changes) drops
// them all. One request at a time goes through it (Lock()).
#ifndef SAMDRIFT_TOOLS_SERVE_WORKSPACE_H_
#define SAMDRIFT_TOOLS_SERVE_WORKSPACE_H_

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/store.h"
#include "planners/pipeline.h"
#include "tools/serve/answer.h"

namespace samdrift::tools::serve {

// The views GET /api/VIEW answers as `samdrift VIEW --json` does.
inline constexpr const char* kViews[] = {"stats", "orgs", "overlap", "target", "plan",
                                         "halls", "net",  "risk",    "compare"};

class Workspace {
 public:
  Workspace(std::string db, std::filesystem::path scenarios_dir);
  ~Workspace();

  std::unique_lock<std::mutex> Lock() { return std::unique_lock(mutex_); }
  // The lock when no one holds it (owns_lock() false otherwise).
  std::unique_lock<std::mutex> TryLock() { return std::unique_lock(mutex_, std::try_to_lock); }

  // Opens the store (read-only). The planning bases load on the first view that needs them (an
  // estate of 290 orgs takes minutes and gigabytes; its asset pages need none). Call with the
  // lock held.
  core::Status Load();
  // The store, reopened first when its file changed since. Call with the lock held.
  core::Result<core::Store*> Store();
  // After a write to the store: everything is loaded again on the next request.
  void Invalidate();

  // GET /api/VIEW?scenario=NAME...[&lang=sv|en]: the command's --json; with `lang` sv the
  // planners' sentences in Swedish (view_lang.h). Call with the lock held.
  Answer View(const std::string& view, const std::vector<std::string>& scenarios,
              const std::string& lang = "") {
    return Find(view, scenarios, nullptr, lang);
  }
  // The same view parsed (in `lang`, as View), kept beside the answer (an asset's page filters
  // the target, plan and risk views without parsing them each time); null with `failed` set
  // when it failed.
  std::shared_ptr<const nlohmann::ordered_json> Parsed(const std::string& view,
                                                       const std::vector<std::string>& scenarios,
                                                       Answer& failed,
                                                       const std::string& lang = "");
  // The path of scenario NAME in the scenarios folder (NAME.yaml, NAME.yml, or NAME when it has
  // one of those extensions); an error answer (400 bad name) when the name is not allowed.
  core::Result<std::filesystem::path> ScenarioPath(const std::string& name) const;
  const std::filesystem::path& scenarios_dir() const { return scenarios_dir_; }
  const std::string& db() const { return db_; }

  // The planning base of `orgs` (empty: every org; the graph built), loaded once and shared.
  // Call with the lock held.
  core::Result<std::shared_ptr<const planners::PlanningBase>> PlanningBaseFor(
      const std::vector<std::string>& orgs);
  // The answer of `compute` for `key` and the scenario file `path` (its text and its costs
  // file's; empty: none), computed once until either or the store changes; a failed answer is not
  // kept. Counts as a planning run. Call with the lock held.
  Answer Cached(const std::string& key, const std::filesystem::path& path,
                const std::function<Answer()>& compute);

  // Whether the plan of `scenarios` (one name, or none) is kept: its views answer without
  // planning (an asset's page then shows its concerns at once). Call with the lock held.
  bool HasPlan(const std::vector<std::string>& scenarios);
  // `use` of the run the `halls` view answers from for the scenario at `path` (empty: none),
  // planned when it is not kept: the Hallar page's drawings are made from its hall plan. Call
  // with the lock held.
  Answer WithRun(const std::filesystem::path& path,
                 const std::function<Answer(const planners::PipelineResult&)>& use);
  // Loads the planning base of every org, as the first view would (Server::Start calls it on a
  // thread of its own, so that the first view finds it). Call with the lock held.
  void Preload();

  // Planning runs (not cached answers) and views parsed since the start, for tests and the log.
  std::size_t plans() const { return plans_; }
  std::size_t parses() const { return parses_; }
  std::size_t bases_loaded() const { return bases_loaded_; }

 private:
  core::Result<std::shared_ptr<const planners::PlanningBase>> Base(
      const std::string& key, const std::vector<std::string>& orgs, bool halls_only);
  // The view's answer, kept or computed; `key` (when given) receives its key in answers_.
  Answer Find(const std::string& view, const std::vector<std::string>& scenarios, std::string* key,
              const std::string& lang = "");
  Answer Compute(const std::string& view, const std::vector<std::filesystem::path>& paths,
                 bool swedish);
  Answer Planned(const std::string& view, const std::filesystem::path& path, bool swedish);
  // The scenario at `path` (empty: none; nullopt), read and its orgs checked against the store.
  core::Result<std::optional<planners::Scenario>> ReadChecked(const std::filesystem::path& path,
                                                              core::Diagnostics& diagnostics);
  using Trace = std::function<void(std::string_view)>;  // a step's name, as it ends
  struct ChosenBase {
    std::string key;  // in bases_
    std::shared_ptr<const planners::PlanningBase> base;
  };
  // The base a scenario of `orgs` plans over: every org's when it names them all (or none).
  core::Result<ChosenBase> BaseOf(const std::vector<std::string>& orgs, bool halls_only,
                                  const Trace& mark);
  // The run `view` answers from (workspace_runs.cc): the halls as they are for `halls` with no
  // scenario, else Run's.
  core::Result<std::shared_ptr<const planners::PipelineResult>> PlanOf(
      const planners::Scenario* scenario, const std::filesystem::path& path,
      const std::string& view, const Trace& mark, core::Diagnostics& diagnostics);
  std::shared_ptr<const planners::PipelineResult> FirstRun(
      const core::Store& store, const std::shared_ptr<const planners::PlanningBase>& base,
      const std::filesystem::path& path);
  // The run of the scenario at `path` (empty: none) over the base `base_key`, kept: a view other
  // than the target's plans every step once (kCompareSteps) and every view and compare reuse it.
  core::Result<std::shared_ptr<const planners::PipelineResult>> Run(
      const std::string& base_key, const std::shared_ptr<const planners::PlanningBase>& base,
      const std::filesystem::path& path, const planners::Scenario* scenario, bool target_only,
      const Trace& trace, core::Diagnostics& diagnostics);

  std::string db_;
  std::filesystem::path scenarios_dir_;
  std::mutex mutex_;
  std::unique_ptr<core::Store> store_;
  std::string stamp_;  // the store file's (and its WAL's) time and size when opened
  std::map<std::string, std::shared_ptr<const planners::PlanningBase>> bases_;
  std::map<std::string, Answer> answers_;
  std::map<std::string, std::shared_ptr<const nlohmann::ordered_json>> parsed_;  // by answers_' key
  // Runs by the scenario's key (ScenarioKey), '\x01' and the base's key; `full`: every step.
  struct KeptRun {
    std::shared_ptr<const planners::PipelineResult> result;
    bool full = false;
    std::size_t used = 0;  // when last asked for (runs_used_): the least recent goes first
  };
  std::map<std::string, KeptRun> runs_;
  std::size_t runs_used_ = 0;
  std::size_t plans_ = 0;
  std::size_t parses_ = 0;
  std::size_t bases_loaded_ = 0;
};

// What a kept answer or run depends on of a scenario: its path, its text and its costs file's text.
std::string ScenarioKey(const std::filesystem::path& path);

// A scenario name is a file name in the scenarios folder: letters, digits, '-', '_', '.', at most
// 100 characters, no leading dot, no "..".
bool ValidScenarioName(const std::string& name);

}  // namespace samdrift::tools::serve

#endif  // SAMDRIFT_TOOLS_SERVE_WORKSPACE_H_
