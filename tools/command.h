// The command table of the samdrift CLI: each command lives in its own cmd_*.cc, parses its
// options, calls one library function and renders the result (a table, or JSON with --json).
#ifndef SAMDRIFT_TOOLS_COMMAND_H_
#define SAMDRIFT_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "core/store.h"

namespace samdrift::tools {

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

// Renders `stats` (table or JSON) to stdout; returns the exit code.
int PrintStats(const core::Store& store, bool json);

// Command setups (one per cmd_*.cc).
Runner SetupInit(CLI::App& app, const GlobalOptions& global);
Runner SetupImport(CLI::App& app, const GlobalOptions& global);
Runner SetupFormats(CLI::App& app, const GlobalOptions& global);
Runner SetupStats(CLI::App& app, const GlobalOptions& global);
Runner SetupExport(CLI::App& app, const GlobalOptions& global);
Runner SetupDemo(CLI::App& app, const GlobalOptions& global);
Runner SetupReport(CLI::App& app, const GlobalOptions& global);

}  // namespace samdrift::tools

#endif  // SAMDRIFT_TOOLS_COMMAND_H_
