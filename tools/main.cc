// samdrift: pool the IT operations of several municipalities. See `samdrift --help`.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <map>

#include "core/text.h"
#include "tools/command.h"

namespace {

using samdrift::tools::Command;
using samdrift::tools::Commands;

// Long and short option names of an app, for "did you mean".
std::vector<std::string> OptionNames(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& n : option->get_lnames()) names.push_back("--" + n);
    for (const std::string& n : option->get_snames()) names.push_back("-" + n);
  }
  return names;
}

int UsageError(const std::string& message) {
  std::cerr << "samdrift: " << message << "\nRun 'samdrift --help' for usage.\n";
  return 2;
}

int Run(int argc, char** argv) {
  CLI::App app{
      "samdrift: bring the IT estates of several municipalities together and plan one shared "
      "operation (inventory, overlap, target architecture, hall plan, migration waves).",
      "samdrift"};
  app.allow_extras();
  app.require_subcommand(0, 1);
  std::string db;
  app.add_option("--db", db, "store file (default: $SAMDRIFT_DB, else ./samdrift.db)");
  app.footer("Exit codes: 0 ok, 1 invalid input or infeasible plan, 2 usage error, 3 store error.");

  samdrift::tools::GlobalOptions global;
  std::map<const CLI::App*, samdrift::tools::Runner> runners;
  for (const Command& command : Commands()) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    sub->allow_extras();
    runners[sub] = command.setup(*sub, global);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return UsageError(e.what());
  }

  std::vector<std::string> command_names;
  for (const Command& c : Commands()) command_names.emplace_back(c.name);
  auto suggest = [](const std::string& word, const std::vector<std::string>& names) {
    std::string closest = samdrift::core::ClosestName(word, names);
    return closest.empty() ? std::string() : "; did you mean '" + closest + "'?";
  };

  if (!app.remaining().empty()) {
    const std::string word = app.remaining().front();
    if (!word.empty() && word[0] == '-') {
      return UsageError("unknown option '" + word + "'" + suggest(word, OptionNames(app)));
    }
    return UsageError("unknown command '" + word + "'" + suggest(word, command_names));
  }
  auto parsed = app.get_subcommands();
  if (parsed.empty()) {
    std::cerr << app.help();
    return 2;
  }
  CLI::App* sub = parsed.front();
  if (!sub->remaining().empty()) {
    const std::string word = sub->remaining().front();
    if (!word.empty() && word[0] == '-') {
      return UsageError("unknown option '" + word + "' for '" + sub->get_name() + "'" +
                        suggest(word, OptionNames(*sub)));
    }
    return UsageError("unexpected argument '" + word + "' for '" + sub->get_name() + "'");
  }

  if (!db.empty()) {
    global.db = db;
  } else if (const char* env = std::getenv("SAMDRIFT_DB"); env && *env) {
    global.db = env;
  } else {
    global.db = "samdrift.db";
  }
  return runners.at(sub)();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    std::cerr << "samdrift: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "samdrift: internal error: " << e.what() << '\n';
    return 1;
  }
}
