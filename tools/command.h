// The command table of the samdrift CLI: each command lives in its own cmd_*.cc, parses its
// options, calls one library function and renders the result (a table, or JSON with --json).
#ifndef SAMDRIFT_TOOLS_COMMAND_H_
#define SAMDRIFT_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"
#include "planners/lifecycle.h"
#include "planners/overlap.h"
#include "planners/pipeline.h"
#include "planners/target.h"
#include "planners/waves.h"
#include "reports/report.h"

namespace samdrift::tools {

struct PlanningOptions;  // planning_inputs.h

// How a command renders its result: a text table, or JSON (--json).
enum class Format { kTable, kJson };
inline Format FormatOf(bool json) { return json ? Format::kJson : Format::kTable; }

// How much a table shows: everything, or only the summary (`target --summary`: no gap list, no
// lifecycle assets).
enum class Detail { kFull, kSummary };

struct GlobalOptions {
  std::string db;  // resolved: --db, else $SAMDRIFT_DB, else ./samdrift.db
};

// Runs the command after parsing; returns the process exit code.
using Runner = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view summary;
  // Adds the command's options to `app` and returns what runs it.
  Runner (*setup)(CLI::App& app, const GlobalOptions& global);
};

// The table, in the order `samdrift --help` lists them.
const std::vector<Command>& Commands();

// Shared helpers for commands.
int Fail(const core::Status& status);  // prints "samdrift: message" to stderr; returns exit code
void PrintDiagnostics(const core::Diagnostics& diagnostics);  // stderr, at most 100 lines
bool StderrIsTerminal();
core::Result<std::unique_ptr<core::Store>> OpenStore(const GlobalOptions& global,
                                                     core::OpenMode mode);

// The width of a text table's org column, which shows display names (JSON keeps the ids): `min`
// characters, or the widest display name of `orgs` plus a gap of two (core::DisplayWidth).
std::size_t OrgColumnWidth(const core::OrgNames& names, const std::vector<std::string>& orgs,
                           std::size_t min);

// Writes `text` to `path` through a temporary file beside it (a failed write leaves no half
// file); an empty path or "-" means stdout.
core::Status WriteOut(const std::string& path, const std::string& text);

// Renders `stats` (table or JSON) to stdout; returns the exit code.
int PrintStats(const core::Store& store, Format format);

// The lifecycle view (cmd_lifecycle.cc), also a section of `target`: JSON text, or the table.
std::string LifecycleJson(const planners::Lifecycle& lifecycle);
// The table shows orgs by display name (`names`); JSON keeps the ids.
// With Detail::kFull it lists the assets too.
void PrintLifecycleTable(const planners::Lifecycle& lifecycle, const core::OrgNames& names,
                         Detail detail);
// Renders `overlap` (cmd_overlap.cc) and `target` (cmd_target.cc) to stdout; return the exit code.
// The text tables show orgs by display name (`names`); JSON keeps the ids.
int PrintOverlap(const planners::Overlap& overlap, const core::Catalog& catalog,
                 const core::OrgNames& names, Format format, std::size_t unmatched_shown);
int PrintTarget(const planners::TargetPlan& plan, const core::OrgNames& names, Format format,
                Detail detail);
// Renders the hall plan of `result` (`samdrift halls`): table or JSON to stdout, SVGs into
// `svg_dir` when not empty (their texts in `svg_lang`); returns the exit code (1 when a device
// cannot be placed).
int PrintHalls(const planners::PipelineResult& result, Format format, const std::string& svg_dir,
               reports::Lang svg_lang = reports::Lang::kSv);

// The waves table of `plan` (without the item list), for the demo.
// Orgs by display name (`names`).
void PrintPlanSummary(const planners::WavePlan& plan, const core::OrgNames& names);

// Command setups (one per cmd_*.cc).
Runner SetupInit(CLI::App& app, const GlobalOptions& global);
Runner SetupImport(CLI::App& app, const GlobalOptions& global);
Runner SetupFormats(CLI::App& app, const GlobalOptions& global);
Runner SetupStats(CLI::App& app, const GlobalOptions& global);
Runner SetupHalls(CLI::App& app, const GlobalOptions& global);
Runner SetupExport(CLI::App& app, const GlobalOptions& global);
Runner SetupDemo(CLI::App& app, const GlobalOptions& global);
Runner SetupOverlap(CLI::App& app, const GlobalOptions& global);
Runner SetupTarget(CLI::App& app, const GlobalOptions& global);
Runner SetupLifecycle(CLI::App& app, const GlobalOptions& global);
Runner SetupNet(CLI::App& app, const GlobalOptions& global);
Runner SetupReport(CLI::App& app, const GlobalOptions& global);
Runner SetupPlan(CLI::App& app, const GlobalOptions& global);
Runner SetupOrgs(CLI::App& app, const GlobalOptions& global);
Runner SetupOrg(CLI::App& app, const GlobalOptions& global);
Runner SetupRemove(CLI::App& app, const GlobalOptions& global);
Runner SetupRisk(CLI::App& app, const GlobalOptions& global);
Runner SetupCompare(CLI::App& app, const GlobalOptions& global);
Runner SetupServe(CLI::App& app, const GlobalOptions& global);  // serve/cmd_serve.cc

// Renders `net` (table or JSON) for the store's orgs of `scenario` (already checked against the
// store) to `out`; returns the exit code. Used by demo too.
int RunNet(const core::Store& store, const planners::Scenario& scenario, Format format,
           std::ostream& out);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_COMMAND_H_
